"""The link pages: a document's timeline both ways, and the documents cited but not stored,
over the sample chain (resolution ← plan ← report) and an urging letter read by the pipeline."""
from __future__ import annotations

from bs4 import BeautifulSoup

from theodoi.pipeline import ingest_paths

URGING = """\
ỦY BAN NHÂN DÂN TỈNH LONG AN
Số: 610/UBND-VX
V/v đôn đốc thực hiện Kế hoạch số 45/KH-UBND
Tân An, ngày 15 tháng 4 năm 2024
Kính gửi: Sở Nội vụ.
Ngày 05/3/2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND; căn cứ Quyết định số 731/QĐ-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ khẩn trương tổ chức đào tạo kỹ năng số, báo cáo trước ngày 30/5/2024.
"""


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def ingest_letter(tmp_path, app_settings, store):
    path = tmp_path / "cv-don-doc.txt"
    path.write_text(URGING, encoding="utf-8")
    [outcome] = ingest_paths([path], app_settings, store=store).outcomes
    assert outcome.status == "added"
    return outcome.document_id


def test_timeline_from_the_resolution_runs_to_the_report_by_date(client, app, app_settings, store, sample_documents,
                                                                  tmp_path):
    letter_id = ingest_letter(tmp_path, app_settings, store)
    soup = page(client, f"/documents/{sample_documents.resolution_id}/links")
    entries = soup.select("ol.timeline li.timeline-entry")
    assert [int(e["data-document"]) for e in entries] == [
        sample_documents.resolution_id, sample_documents.plan_id, letter_id, sample_documents.report_id]
    assert [e.select_one(".when").get_text(strip=True) for e in entries] == [
        "10/01/2024", "05/03/2024", "15/04/2024", "20/05/2024"]
    assert "is-current" in entries[0]["class"]
    assert [e.select_one(".stage").get_text(strip=True) for e in entries] == [
        "Văn bản chỉ đạo", "Kế hoạch, chương trình thực hiện", "Văn bản đôn đốc", "Báo cáo kết quả"]
    assert "đôn đốc thực hiện" in entries[2].select_one(".relations").get_text()


def test_timeline_from_the_letter_and_its_missing_decision(client, app, app_settings, store, sample_documents, tmp_path):
    letter_id = ingest_letter(tmp_path, app_settings, store)
    soup = page(client, f"/documents/{letter_id}/links")
    assert [int(e["data-document"]) for e in soup.select("li.timeline-entry")] == [
        sample_documents.resolution_id, sample_documents.plan_id, letter_id, sample_documents.report_id]
    assert "731/QĐ-UBND" in soup.select_one("#missing").get_text()


def test_the_document_page_links_to_its_timeline(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    assert soup.select_one(".links-more a")["href"] == f"/documents/{sample_documents.plan_id}/links"


def test_unresolved_citations_page(client, app, app_settings, store, sample_documents, tmp_path):
    assert "Mọi văn bản được dẫn chiếu đều đã có" in page(client, "/links/unresolved").get_text()
    letter_id = ingest_letter(tmp_path, app_settings, store)
    rows = page(client, "/links/unresolved").select("table.unresolved tbody tr")
    assert len(rows) == 1
    cells = rows[0].select("td")
    assert "731/QĐ-UBND" in cells[0].get_text() and cells[1].get_text(strip=True) == "02/02/2024"
    assert cells[3].select_one("a")["href"] == f"/documents/{letter_id}"


def test_unresolved_citations_a_page_at_a_time(client, app, app_settings, store, sample_documents, tmp_path):
    ingest_letter(tmp_path, app_settings, store)
    second = tmp_path / "cv-khac.txt"
    second.write_text(URGING.replace("610/UBND-VX", "611/UBND-VX").replace("731/QĐ-UBND", "88/QĐ-UBND")
                      .replace("02/02/2024", "03/01/2024"), encoding="utf-8")
    ingest_paths([second], app_settings, store=store)
    app.config["TASK_PAGE_SIZE"] = 1
    first, last = page(client, "/links/unresolved"), page(client, "/links/unresolved?page=2")
    numbers = [soup.select_one("table.unresolved tbody td").get_text() for soup in (first, last)]
    assert sorted(n.split("số ")[1] for n in numbers) == ["731/QĐ-UBND", "88/QĐ-UBND"]
    assert first.select_one("h1 .count").get_text() == "2"
    # the board's paging links: the page shown, the others by number, then the next one
    assert [link.get_text(strip=True) for link in first.select("nav.pagination a, nav.pagination span")] == [
        "1", "2", "Trang sau ›"]
    assert first.select_one("nav.pagination a")["href"] == "/links/unresolved?page=2"
    assert last.select_one("nav.pagination [aria-current=page]").get_text() == "2"
    assert last.select_one("nav.pagination a").get_text(strip=True) == "‹ Trang trước"


def test_unknown_document_is_404(client):
    assert client.get("/documents/999999/links").status_code == 404
