"""Uploading files through the web: who may, each file's outcome, the failed list and its retry,
the request size limit."""
from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup

from theodoi.store import repo
from theodoi.web import create_app

LETTER = """\
ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 321/UBND-VX
V/v đẩy mạnh phong trào đọc sách trong trường học
Bình Minh, ngày 12 tháng 4 năm 2024
Kính gửi: Sở Giáo dục và Đào tạo.
Ủy ban nhân dân tỉnh giao Sở Giáo dục và Đào tạo chủ trì xây dựng thư viện số cho các trường trung học, hoàn thành trước ngày 30/11/2024.
"""


def form_token(client, url: str = "/upload") -> str:
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    return soup.select_one("form.upload-form input[name=csrf_token]")["value"]


def upload(client, *files: tuple[str, bytes]):
    data = {"csrf_token": form_token(client), "files": [(io.BytesIO(body), name) for name, body in files]}
    return client.post("/upload", data=data, content_type="multipart/form-data")


def rows(response) -> list[tuple[str, str, str]]:
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return [(row.select("td")[0].get_text(strip=True), row["class"][0].removeprefix("outcome-"),
             " ".join(row.select("td")[2].get_text(" ", strip=True).split()))
            for row in soup.select("table.upload-results tbody tr")]


@pytest.mark.parametrize("who, status", [(None, 302), ("nguoixem", 403), ("canbo_tttt", 403),
                                         ("vanthu", 200), ("quantri", 200)])
def test_who_may_open_the_upload_page(client, accounts, login, who, status):
    if who:
        login(client, who)
    assert client.get("/upload").status_code == status
    nav = BeautifulSoup(client.get("/").get_data(as_text=True), "html.parser").select_one("nav")
    assert ("Tải văn bản lên" in nav.get_text()) == (status == 200)


@pytest.mark.parametrize("who", ["nguoixem", "canbo_tttt"])
def test_viewer_and_officer_cannot_post_files(client, accounts, login, store, who):
    login(client, "vanthu")
    token = form_token(client)  # a valid token: the refusal is the role's, not the CSRF check's
    client.post("/logout", data={"csrf_token": token})
    login(client, who)
    token = BeautifulSoup(client.get("/").get_data(as_text=True), "html.parser").select_one(
        "input[name=csrf_token]")["value"]
    response = client.post("/upload", data={"csrf_token": token, "files": [(io.BytesIO(LETTER.encode()), "cv.txt")]},
                           content_type="multipart/form-data")
    assert response.status_code == 403
    assert "văn thư hoặc quản trị viên" in response.get_data(as_text=True)
    with store.session() as session:
        assert not any(d.number == "321/UBND-VX" for d in repo.list_documents(session))


@pytest.mark.parametrize("who", ["vanthu", "quantri"])
def test_secretary_and_admin_upload_several_files_with_their_outcomes(client, accounts, login, store, who):
    login(client, who)
    response = upload(client, ("Công văn 321 đọc sách.txt", LETTER.encode()),
                      ("ghi chú.pdf", b"%PDF-1.4 broken, cut off here"),
                      ("bản sao.txt", LETTER.encode()))
    assert response.status_code == 200
    found = rows(response)
    assert [(name, status) for name, status, _ in found] == [
        ("Công văn 321 đọc sách.txt", "added"), ("ghi chú.pdf", "failed"), ("bản sao.txt", "unchanged")]
    reason = found[1][2]
    assert "ghi chú.pdf" in reason and "theodoi-upload-" not in reason  # named as uploaded, no temporary path
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.select_one("#upload-summary").get_text(" ", strip=True).startswith("1 tệp đã thêm, 1 tệp đã có, 1 tệp")
    document_url = soup.select_one("tr.outcome-added a")["href"]
    page = BeautifulSoup(client.get(document_url).get_data(as_text=True), "html.parser")
    assert "321/UBND-VX" in page.select_one("dl.metadata").get_text()
    assert "thư viện số" in page.select_one("#tasks").get_text()
    with store.session() as session:
        [stored] = [f for f in repo.failed_files(session)]
        assert stored.original_name == "ghi chú.pdf" and stored.error_code
    listing = BeautifulSoup(client.get("/upload").get_data(as_text=True), "html.parser")
    [row] = listing.select("#failed-files tbody tr[data-file]")
    assert row.select_one(".reason").get_text().startswith("ghi chú.pdf: ")  # no server path
    again = client.post(row.select_one("form")["action"],
                        data={"csrf_token": row.select_one("input[name=csrf_token]")["value"]})
    [(name, status, why)] = rows(again)
    assert (name, status) == ("ghi chú.pdf", "failed") and why.split()[1] == "ghi" and "originals" not in why


def test_failed_files_are_listed_and_read_again_from_the_kept_original(store, app_settings, accounts, login, app):
    strict = create_app(app_settings.with_(max_file_mb=0), {"TESTING": True, "MAX_CONTENT_LENGTH": 1 << 20})
    client = strict.test_client()
    login(client, "vanthu")
    [(name, status, reason)] = rows(upload(client, ("cv-doc-sach.txt", LETTER.encode())))
    assert (name, status) == ("cv-doc-sach.txt", "failed") and "too_large" in reason

    client = app.test_client()  # the usual limit again
    login(client, "vanthu")
    listing = BeautifulSoup(client.get("/upload").get_data(as_text=True), "html.parser")
    [row] = listing.select("#failed-files tbody tr[data-file]")
    assert "cv-doc-sach.txt" in row.get_text() and "too_large" in row.get_text()
    retry_url = row.select_one("form")["action"]
    response = client.post(retry_url, data={"csrf_token": row.select_one("input[name=csrf_token]")["value"]})
    assert rows(response) == [("cv-doc-sach.txt", "added", "Xem văn bản")]
    listing = BeautifulSoup(client.get("/upload").get_data(as_text=True), "html.parser")
    assert listing.select("#failed-files tbody tr[data-file]") == []
    assert client.post(retry_url, data={"csrf_token": row.select_one("input[name=csrf_token]")["value"]}).status_code == 404


def test_officer_cannot_retry_a_failed_file(store, app_settings, accounts, login, app):
    strict = create_app(app_settings.with_(max_file_mb=0), {"TESTING": True, "MAX_CONTENT_LENGTH": 1 << 20})
    client = strict.test_client()
    login(client, "vanthu")
    upload(client, ("cv.txt", LETTER.encode()))
    with store.session() as session:
        [stored] = repo.failed_files(session)
    client = app.test_client()
    login(client, "canbo_tttt")
    token = BeautifulSoup(client.get("/").get_data(as_text=True), "html.parser").select_one(
        "input[name=csrf_token]")["value"]
    assert client.post(f"/upload/failed/{stored.id}/retry", data={"csrf_token": token}).status_code == 403


def test_no_file_chosen_and_no_csrf_token_are_refused(client, accounts, login):
    login(client, "vanthu")
    response = client.post("/upload", data={"csrf_token": form_token(client)}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Chưa chọn tệp nào" in response.get_data(as_text=True)


def test_csrf_token_is_required(app, accounts, login):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    login(client, "vanthu")
    response = client.post("/upload", data={"files": [(io.BytesIO(LETTER.encode()), "cv.txt")]},
                           content_type="multipart/form-data")
    assert response.status_code == 400


def test_a_request_over_the_size_limit_is_refused_in_vietnamese(store, app_settings, accounts, login):
    small = create_app(app_settings, {"TESTING": True, "MAX_CONTENT_LENGTH": 2048})
    client = small.test_client()
    login(client, "vanthu")
    response = upload(client, ("lon.txt", LETTER.encode() * 20))
    assert response.status_code == 413
    assert "không được vượt quá" in response.get_data(as_text=True)
    with store.session() as session:
        assert repo.failed_files(session) == [] and len(repo.list_documents(session)) == 3


def test_safe_name_keeps_vietnamese_and_drops_paths():
    from theodoi.web.upload import safe_name
    assert safe_name("C:\\Users\\vt\\Công văn số 5.pdf") == "Công văn số 5.pdf"
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name(".hidden.txt") == "_.hidden.txt"
    assert safe_name("") == "tep-tai-len"
    long = safe_name("a" * 500 + ".docx")
    assert len(long) == 200 and long.endswith(".docx")
