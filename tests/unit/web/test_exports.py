"""Exports of exactly the filtered rows (Excel, CSV) and the chase-up letter (.docx)."""
from __future__ import annotations

import csv
import datetime as dt
import io

import docx
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from theodoi.store import repo


def rows_on_page(client, url: str) -> list[str]:
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    return [td.get_text(strip=True) for td in soup.select("table.tasks td.task-text")]


def export_link(client, url: str, text: str) -> str:
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    return next(a["href"] for a in soup.select(".exports a") if a.get_text(strip=True).startswith(text))


def test_excel_and_csv_hold_exactly_the_filtered_rows_in_order(app, sample_documents):
    app.config["TASK_PAGE_SIZE"] = 1  # the export holds every page, not just the one shown
    client = app.test_client()
    url = "/tasks?as_of=2024-09-01&status=overdue&sort=deadline&order=desc"
    wanted = rows_on_page(client, url + "&page=1") + rows_on_page(client, url + "&page=2")
    assert len(wanted) == 2

    workbook_response = client.get(export_link(client, url, "Excel"))
    assert workbook_response.status_code == 200
    assert workbook_response.headers["Content-Disposition"].endswith('nhiem-vu-20240901.xlsx')
    sheet = load_workbook(io.BytesIO(workbook_response.data))["Nhiệm vụ"]
    table = list(sheet.iter_rows(values_only=True))
    assert table[0][:2] == ("STT", "Nhiệm vụ")
    assert [row[1] for row in table[1:]] == wanted
    assert [row[9] for row in table[1:]] == [63, 154]  # days overdue
    assert table[1][6] == dt.datetime(2024, 6, 30)

    csv_response = client.get(export_link(client, url, "CSV"))
    assert csv_response.mimetype == "text/csv"
    text = csv_response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert [line[1] for line in lines[1:]] == wanted
    assert lines[1][6] == "30/06/2024" and lines[1][8] == "Quá hạn"


def test_my_agency_export_is_the_officers_rows(client, accounts, login, sample_documents):
    login(client, "canbo_noivu")
    response = client.get(export_link(client, "/my-agency?as_of=2024-09-01", "Excel"))
    table = list(load_workbook(io.BytesIO(response.data))["Nhiệm vụ"].iter_rows(values_only=True))
    assert [row[1] for row in table[1:]] == ["Sở Nội vụ chủ trì tổ chức đào tạo kỹ năng số cho cán bộ, công chức <cấp xã>"]


def test_my_agency_export_needs_a_login(client):
    assert client.get("/my-agency/export.xlsx").status_code == 302


def test_chase_up_letter_lists_the_overdue_tasks_in_the_official_layout(client, sample_documents):
    url = export_link(client, "/tasks?agency=so+tt%26tt&as_of=2024-09-01", "Văn bản đôn đốc")
    response = client.get(url)
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith(".docx")
    letter = docx.Document(io.BytesIO(response.data))
    head, body, foot = letter.tables
    head_text = [cell.text for cell in head.rows[0].cells]
    assert "ỦY BAN NHÂN DÂN TỈNH LONG AN" in head_text[0] and "Số:" in head_text[0]
    assert "V/v đôn đốc thực hiện nhiệm vụ quá hạn" in head_text[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head_text[1] and "Độc lập - Tự do - Hạnh phúc" in head_text[1]
    assert "Tân An, ngày 01 tháng 09 năm 2024" in head_text[1]
    paragraphs = [p.text for p in letter.paragraphs]
    assert "Kính gửi: Sở Thông tin và Truyền thông." in paragraphs
    assert any("còn 1 nhiệm vụ đã quá thời hạn" in p for p in paragraphs)
    rows = [[cell.text for cell in row.cells] for row in body.rows]
    assert rows[0] == ["STT", "Nhiệm vụ", "Văn bản giao", "Thời hạn", "Số ngày quá hạn"]
    assert rows[1][1].startswith("Sở Thông tin và Truyền thông chủ trì")
    assert rows[1][2] == "Kế hoạch số 45/KH-UBND ngày 05/03/2024 của Ủy ban nhân dân tỉnh Long An"
    assert rows[1][3:] == ["30/06/2024", "63"]
    assert "Nơi nhận:" in foot.rows[0].cells[0].text and "Lưu: VT." in foot.rows[0].cells[0].text


def test_chase_up_letter_needs_an_agency(client):
    response = client.get("/tasks/letter.docx", follow_redirects=True)
    assert response.request.path == "/tasks"
    assert "Hãy chọn cơ quan cần đôn đốc" in response.get_data(as_text=True)


def test_exports_name_the_target_a_task_serves(app, store, sample_documents):
    with store.transaction() as session:
        target = repo.get_document(session, sample_documents.plan_id).targets[0]
        repo.get_task(session, sample_documents.plan_task_ids[0]).target_id = target.id
        target_id, target_text = target.id, target.text
    client = app.test_client()
    url = "/tasks?as_of=2024-09-01&status=overdue&sort=deadline&order=desc"  # the plan's task, then the resolution's
    table = list(load_workbook(io.BytesIO(client.get(export_link(client, url, "Excel")).data))["Nhiệm vụ"]
                 .iter_rows(values_only=True))
    lines = list(csv.reader(io.StringIO(client.get(export_link(client, url, "CSV")).get_data(as_text=True)
                                        .lstrip("\ufeff"))))
    for header, first, second in (table[:3], lines[:3]):
        column = header.index("Mã chỉ tiêu")
        assert header[column + 1] == "Chỉ tiêu nhiệm vụ phục vụ"
        assert str(first[column]) == str(target_id) and first[column + 1] == target_text
        assert second[column] in (None, "") and second[column + 1] in (None, "")
