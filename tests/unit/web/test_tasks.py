import datetime as dt

from bs4 import BeautifulSoup

from theodoi.store import repo
from theodoi.store.db import Store


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def task_texts(soup: BeautifulSoup) -> list[str]:
    return [td.get_text(strip=True) for td in soup.select("table.tasks td.task-text")]


def group_counts(soup: BeautifulSoup) -> dict[str, int]:
    return {g["data-group"]: int(g.select_one(".group-count").get_text()) for g in soup.select(".group")}


def test_all_tasks_with_filters_in_vietnamese(client):
    soup = page(client, "/tasks?as_of=2024-09-01")
    assert len(task_texts(soup)) == 5
    labels = [label.contents[0].strip() for label in soup.select("form.filters label")]
    assert labels == ["Cơ quan", "Trạng thái", "Đến hạn", "Hạn trước ngày", "Tính đến ngày", "Sắp xếp theo",
                      "Thứ tự"]
    options = {o["value"]: o.get_text() for o in soup.select("select[name=status] option")}
    assert options["overdue"] == "Quá hạn" and options["done"] == "Đã hoàn thành"
    headers = [th.get_text() for th in soup.select("table.tasks th")]
    assert headers == ["Nhiệm vụ", "Văn bản", "Cơ quan chủ trì", "Phối hợp", "Thời hạn", "Trạng thái"]


def test_vpcp_group_counts(client):
    soup = page(client, "/tasks?as_of=2024-09-01")
    assert group_counts(soup) == {"done_on_time": 1, "done_late": 0, "open_in_term": 1, "overdue": 2}
    assert "Đã hoàn thành đúng hạn" in soup.select_one(".group-done_on_time").get_text()
    soup = page(client, "/tasks?as_of=2024-03-01")  # before the report that marked task 4 done
    assert group_counts(soup) == {"done_on_time": 0, "done_late": 0, "open_in_term": 4, "overdue": 0}


def test_overdue_filter(client, sample_documents):
    soup = page(client, "/tasks?status=overdue&as_of=2024-09-01")
    rows = soup.select("table.tasks tbody tr")
    assert len(rows) == 2
    assert all("is-overdue" in row["class"] for row in rows)
    badges = [row.select_one(".badge").get_text(" ", strip=True) for row in rows]
    assert badges == ["Quá hạn 154 ngày", "Quá hạn 63 ngày"]
    assert soup.select_one("select[name=status] option[selected]")["value"] == "overdue"
    assert "(trong 5 nhiệm vụ)" in soup.select_one(".result-summary").get_text()


def test_agency_filter_accepts_text_without_diacritics(client):
    soup = page(client, "/tasks?agency=so+noi+vu&as_of=2024-09-01")
    assert task_texts(soup) == ["Sở Nội vụ chủ trì tổ chức đào tạo kỹ năng số cho cán bộ, công chức <cấp xã>"]
    soup = page(client, "/tasks?agency=S%E1%BB%9F+T%C3%A0i+ch%C3%ADnh&as_of=2024-09-01")  # a support body
    assert len(task_texts(soup)) == 1


def test_due_before_filter(client):
    soup = page(client, "/tasks?due_before=2024-06-01&as_of=2024-09-01")
    assert len(task_texts(soup)) == 2  # the resolution's task (31/3) and plan task 4 (31/5)
    assert page(client, "/tasks?due_before=01/06/2024").select_one("input[name=due_before]")["value"] == "2024-06-01"


def test_row_links_to_the_task_and_to_its_place_in_the_document(client, sample_documents):
    soup = page(client, "/tasks?agency=Sở Nội vụ")
    row = soup.select_one("table.tasks tbody tr")
    task_id = sample_documents.plan_task_ids[2]
    assert row.select_one("td.task-text a")["href"] == f"/tasks/{task_id}"
    document_link = row.select_one("td.doc-cell a")
    assert document_link["href"] == f"/documents/{sample_documents.plan_id}#task-{task_id}"
    assert document_link.get_text(" ", strip=True) == "Kế hoạch số 45/KH-UBND"


def test_merged_body_shows_its_present_owner(client):
    soup = page(client, "/tasks?agency=Sở Thông tin và Truyền thông&as_of=2025-06-01")
    assert "nay: Sở Khoa học và Công nghệ" in soup.select_one("table.tasks tbody tr").get_text()


def test_no_match_and_bad_date(client):
    soup = page(client, "/tasks?agency=Bộ Quốc phòng&due_before=31-31-2024")
    assert soup.select_one(".empty").get_text(strip=True) == "Không có nhiệm vụ nào khớp với bộ lọc."
    assert "Ngày không hợp lệ" in soup.select_one(".notice.error").get_text()


def test_task_page_with_history(client, sample_documents):
    task_id = sample_documents.plan_task_ids[3]
    store = Store(sample_documents.settings)
    with store.transaction() as session:
        repo.add_status_event(session, repo.get_task(session, task_id), status="in_progress", source="manual",
                              user="chuyenvien1", note="Đang chạy thử cổng mới",
                              at=dt.datetime(2024, 5, 25, 14, 30))
    store.dispose()
    soup = page(client, f"/tasks/{task_id}?as_of=2024-09-01")
    assert "Văn phòng Ủy ban nhân dân tỉnh chủ trì nâng cấp" in soup.h1.get_text()
    rows = soup.select("#history tbody tr")
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows]
    assert cells[0][:5] == ["25/05/2024 14:30", "Đang thực hiện", "Cập nhật thủ công", "chuyenvien1",
                            "Đang chạy thử cổng mới"]
    assert cells[1][:4] == ["20/05/2024 09:00", "Đã hoàn thành", "Tự động (từ báo cáo)", "—"]
    assert "Báo cáo số 78/BC-STTTT" in cells[1][5]
    assert rows[1].select_one("a")["href"] == f"/documents/{sample_documents.report_id}"
    assert "đã hoàn thành nâng cấp Cổng dịch vụ công" in rows[1].select_one("blockquote.passage").get_text()
    metadata = {d.get_text(strip=True): d.find_next_sibling("dd").get_text(" ", strip=True)
                for d in soup.select("dl.metadata dt")}
    assert metadata["Trạng thái"] == "Quá hạn 93 ngày"  # the manual decision stands
    assert metadata["Cơ quan chủ trì"] == "Văn phòng Ủy ban nhân dân tỉnh"


def test_task_without_history(client, sample_documents):
    soup = page(client, f"/tasks/{sample_documents.plan_task_ids[1]}")
    assert "Chưa có cập nhật nào" in soup.select_one("#history").get_text()
    assert "Thường xuyên" in soup.select_one("dl.metadata").get_text()


def test_unknown_task_is_404(client):
    assert client.get("/tasks/9999").status_code == 404
