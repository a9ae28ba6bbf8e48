import datetime as dt

from bs4 import BeautifulSoup

from theodoi.store import repo
from theodoi.store.db import Store


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_metadata_is_shown_with_vietnamese_labels(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    metadata = {dt_.get_text(strip=True): dt_.find_next_sibling("dd").get_text(" ", strip=True)
                for dt_ in soup.select("dl.metadata dt")}
    assert metadata["Loại văn bản"] == "Kế hoạch"
    assert metadata["Số, ký hiệu"] == "45/KH-UBND"
    assert metadata["Cơ quan ban hành"] == "Ủy ban nhân dân tỉnh Long An"
    assert metadata["Nơi ban hành"] == "Tân An"
    assert metadata["Ngày ban hành"] == "05/03/2024"
    assert metadata["Trích yếu"] == "Triển khai chuyển đổi số tỉnh Long An năm 2024"
    assert metadata["Người ký"] == "KT. Trần Văn B"


def test_each_task_and_target_is_marked_at_its_offsets(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    store = Store(sample_documents.settings)
    with store.session() as session:
        document = repo.get_document(session, sample_documents.plan_id)
        for task in document.tasks:
            mark = soup.select_one(f"mark#task-{task.id}")
            assert mark is not None and "task" in mark["class"]
            assert mark.get_text() == document.text[task.start:task.end]
        for target in document.targets:
            assert soup.select_one(f"mark#target-{target.id}").get_text() == document.text[target.start:target.end]
        assert soup.select_one(".full-text").get_text() == document.text
    store.dispose()


def test_text_is_escaped(client, sample_documents):
    html = client.get(f"/documents/{sample_documents.plan_id}").get_data(as_text=True)
    assert "&lt;cấp xã&gt;" in html
    assert "<cấp xã>" not in html


def test_task_table_shows_bodies_deadline_and_derived_status(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}?as_of=2024-09-01")
    rows = soup.select("#tasks tbody tr")
    assert len(rows) == 4
    first = [cell.get_text(" ", strip=True) for cell in rows[0].find_all("td")]
    assert first[2] == "Sở Thông tin và Truyền thông"
    assert first[3] == "Sở Tài chính"
    assert first[4] == "30/06/2024"
    assert first[5] == "Quá hạn 63 ngày"
    assert "is-overdue" in rows[0]["class"]
    assert rows[1].find_all("td")[4].get_text(strip=True) == "Thường xuyên"
    assert rows[1].find_all("td")[5].get_text(strip=True) == "Chưa thực hiện"
    assert rows[3].find_all("td")[5].get_text(strip=True) == "Đã hoàn thành"
    headers = [th.get_text(strip=True) for th in soup.select("#tasks thead th")]
    assert headers == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Thời hạn", "Trạng thái", "Theo báo cáo"]


def test_status_follows_the_as_of_day(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}?as_of=2024-06-01")
    assert soup.select("#tasks tbody tr")[0].find_all("td")[5].get_text(strip=True) == "Chưa thực hiện"


def test_targets_table(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.resolution_id}")
    cells = [td.get_text(" ", strip=True) for td in soup.select("#targets tbody tr td")]
    assert cells == ["hồ sơ thủ tục hành chính được xử lý trực tuyến", "trên 80", "%", "2025"]


def test_citations_link_to_the_cited_document(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    item = soup.select_one("#cited li")
    assert "Thực hiện" in item.get_text()
    assert item.a["href"] == f"/documents/{sample_documents.resolution_id}"


def test_documents_that_follow_up_this_one_are_listed(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    assert "Văn bản theo dõi/thực hiện" in soup.select_one("#cited-by h2").get_text()
    followed = soup.select_one("#cited-by ul")
    assert "Báo cáo kết quả thực hiện" in followed.get_text()
    assert followed.a["href"] == f"/documents/{sample_documents.report_id}"
    assert "Báo cáo số 78/BC-STTTT" in followed.a.get_text(" ", strip=True)


def test_unresolved_citation_is_named_without_a_link(client, sample_documents):
    store = Store(sample_documents.settings)
    with store.transaction() as session:
        repo.get_document(session, sample_documents.plan_id).citations[0].cited_document_id = None
    store.dispose()
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    item = soup.select_one("#cited li")
    assert item.a is None
    assert "chưa có trong hệ thống" in item.get_text()


def test_original_is_downloaded_under_its_name(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    link = soup.select_one("a.download")
    assert "KH 45-KH-UBND chuyển đổi số 2024.txt" in link.get_text()
    with client.get(link["href"]) as response:
        assert response.status_code == 200
        assert response.get_data(as_text=True).startswith("ỦY BAN NHÂN DÂN TỈNH LONG AN")
        disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert "filename*=UTF-8''KH%2045-KH-UBND%20chuy%E1%BB%83n" in disposition


def test_missing_original_is_404(client, sample_documents):
    store = Store(sample_documents.settings)
    with store.session() as session:
        stored_path = repo.get_document(session, sample_documents.plan_id).file.stored_path
    store.dispose()
    (sample_documents.settings.data_dir / stored_path).unlink()
    assert client.get(f"/documents/{sample_documents.plan_id}/original").status_code == 404


def test_unknown_document_is_404(client):
    assert client.get("/documents/9999").status_code == 404
    assert client.get("/documents/9999/original").status_code == 404


def test_bad_as_of_date_is_explained(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.plan_id}?as_of=hôm-qua")
    assert "Ngày không hợp lệ" in soup.select_one(".notice.error").get_text()


def test_overdue_days_count_from_today_by_default(client, sample_documents):
    days = (dt.date.today() - dt.date(2024, 6, 30)).days
    soup = page(client, f"/documents/{sample_documents.plan_id}")
    assert f"Quá hạn {days} ngày" in soup.select("#tasks tbody tr")[0].get_text()


def test_title_that_continues_the_kind_is_prefixed_with_it(client, sample_documents):
    soup = page(client, f"/documents/{sample_documents.resolution_id}")
    assert soup.h1.get_text() == "Nghị quyết về chuyển đổi số tỉnh Long An đến năm 2025"


def test_a_report_page_shows_its_rows_with_status_and_directive(client, sample_documents, rows_report):
    page = client.get(f"/documents/{rows_report.report_id}").get_data(as_text=True)
    section = page[page.index('id="report-rows"'):page.index("</section>", page.index('id="report-rows"'))]
    assert section.count("<tr>") == 4  # the head and three rows
    assert "Đã hoàn thành" in section and "Đang thực hiện" in section and "Chưa thực hiện" in section
    assert f'href="/documents/{sample_documents.plan_id}"' in section
    assert "Văn bản số 99/QĐ-UBND" in section and "chưa có trong hệ thống" in section
    assert f'href="/tasks/{sample_documents.plan_task_ids[0]}"' in section


def test_a_directive_page_shows_each_task_latest_status_with_its_report(client, sample_documents, rows_report):
    page = client.get(f"/documents/{sample_documents.plan_id}?as_of=2024-09-01").get_data(as_text=True)
    rows = page[page.index('id="tasks"'):page.index("</section>", page.index('id="tasks"'))].split("<tr")[2:]
    assert "Hoàn thành quá hạn" in rows[0]  # due 30/6/2024, the report says done on 15/7/2024
    assert f'href="/documents/{rows_report.report_id}"' in rows[0] and "15/07/2024" in rows[0]
    assert "Đang thực hiện" in rows[2] and f'href="/documents/{rows_report.report_id}"' in rows[2]
    assert f'href="/documents/{sample_documents.report_id}"' in rows[3]  # the earlier report on task 4
