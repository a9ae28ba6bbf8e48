import io

from bs4 import BeautifulSoup


def csrf_token(client, task_id: int) -> str:
    """The session's CSRF token, from the task page (or the login page, for someone not logged in)."""
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    field = soup.select_one("input[name=csrf_token]")
    if field is None:
        field = BeautifulSoup(client.get("/login").get_data(as_text=True), "html.parser").select_one(
            "input[name=csrf_token]")
    return field["value"]


def post_update(client, task_id: int, **fields):
    data = {"csrf_token": csrf_token(client, task_id), **fields}
    return client.post(f"/tasks/{task_id}/status", data=data, content_type="multipart/form-data")


def test_form_is_in_vietnamese_and_names_the_logged_in_user(client, accounts, login, sample_documents):
    login(client, "canbo_tttt")
    soup = BeautifulSoup(client.get(f"/tasks/{sample_documents.plan_task_ids[0]}").get_data(as_text=True),
                         "html.parser")
    form = soup.select_one("form.update-form")
    labels = [label.contents[0].strip() for label in form.select("label")]
    assert labels == ["Trạng thái mới", "Ghi chú", "Tệp minh chứng (không bắt buộc)"]
    assert form.select_one(".updater").get_text(" ", strip=True) == "Người cập nhật: canbo_tttt"
    assert form.select_one("input[name=user]") is None  # nobody types who they are
    assert [o.get_text() for o in form.select("option")][:3] == ["Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành"]


def test_update_is_added_to_the_history_under_the_account(client, accounts, login, sample_documents):
    task_id = sample_documents.plan_task_ids[2]  # due in a year, led by Sở Nội vụ
    login(client, "canbo_noivu")
    response = post_update(client, task_id, status="in_progress", user="Người khác",
                           note="Đã ký hợp đồng triển khai nền tảng")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/tasks/{task_id}#history")
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    assert soup.select_one(".notice.success").get_text() == "Đã cập nhật trạng thái nhiệm vụ."
    cells = [td.get_text(" ", strip=True) for td in soup.select("#history tbody tr")[0].find_all("td")]
    assert cells[1:5] == ["Đang thực hiện", "Cập nhật thủ công", "canbo_noivu", "Đã ký hợp đồng triển khai nền tảng"]
    assert soup.select_one("dl.metadata .badge").get_text(strip=True) == "Đang thực hiện"


def test_the_event_keeps_the_account_id(client, accounts, login, store, sample_documents):
    from theodoi.store import repo

    task_id = sample_documents.plan_task_ids[2]
    login(client, "canbo_noivu")
    assert post_update(client, task_id, status="done").status_code == 302
    with store.transaction() as session:
        event = repo.get_task(session, task_id).events[-1]
        assert (event.user, event.user_id) == ("canbo_noivu", repo.user_by_name(session, "canbo_noivu").id)


def test_evidence_file_is_kept_and_downloadable(client, accounts, login, sample_documents):
    task_id = sample_documents.plan_task_ids[2]
    login(client, "quantri")
    content = "Quyết định phê duyệt danh sách học viên".encode("utf-8")
    response = post_update(client, task_id, status="done", evidence=(io.BytesIO(content), "QĐ phê duyệt.pdf"))
    assert response.status_code == 302
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    link = soup.select_one("#history a.evidence-file")
    with client.get(link["href"]) as download:
        assert download.status_code == 200
        assert download.data == content
        assert download.headers["Content-Disposition"].endswith(".pdf")


def test_anonymous_update_is_sent_to_the_login_page(client, sample_documents):
    task_id = sample_documents.plan_task_ids[0]
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    assert soup.select_one("form.update-form") is None
    assert "Đăng nhập để cập nhật" in soup.select_one("#update").get_text()
    response = post_update(client, task_id, status="done", note="xong")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    assert soup.select("#history tbody tr") == []


def test_unknown_status_is_refused(client, accounts, login, sample_documents):
    login(client, "quantri")
    response = post_update(client, sample_documents.plan_task_ids[0], status="overdue")
    assert response.status_code == 400
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.select_one("#update .notice.error").get_text() == "Hãy chọn một trạng thái."


def test_post_without_csrf_token_is_refused(client, accounts, login, sample_documents):
    login(client, "quantri")
    response = client.post(f"/tasks/{sample_documents.plan_task_ids[0]}/status", data={"status": "done"})
    assert response.status_code == 400


def test_unknown_task_or_event(client, accounts, login, sample_documents):
    login(client, "quantri")
    token = csrf_token(client, sample_documents.plan_task_ids[0])
    assert client.post("/tasks/9999/status", data={"csrf_token": token, "status": "done"}).status_code == 404
    assert client.get(f"/tasks/{sample_documents.plan_task_ids[3]}/events/9999/evidence").status_code == 404
