"""An officer's day in a real browser: log in, my agency, open a task, update it with
evidence, see it on the board, export Excel, log out; and a task of another agency refused.
Screenshots are kept under docs/screenshots/."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

def test_officer_updates_a_task_of_their_agency(page, live_server, log_in, shot, sample_documents, tmp_path):
    task_id = sample_documents.plan_task_ids[0]  # led by Sở Thông tin và Truyền thông, due 30/6/2024
    page.goto(live_server + "/login")
    shot(page, "01-dang-nhap")
    log_in(page, "canbo_tttt")
    expect(page).to_have_url(f"{live_server}/my-agency")
    expect(page.locator(".notice.success")).to_contain_text("Xin chào canbo_tttt")
    expect(page.locator(".agencies .chip")).to_have_text("Sở Thông tin và Truyền thông")
    row = page.locator(f"table.tasks tr[data-task='{task_id}']")
    expect(row.locator(".badge")).to_have_text(re.compile(r"^Quá hạn \d+ ngày$"))
    expect(page.locator(".tabs a[data-role='lead'] .count")).to_have_text("1")
    shot(page, "02-co-quan-cua-toi")

    row.locator("td.task-text a").click()
    expect(page).to_have_url(f"{live_server}/tasks/{task_id}")
    expect(page.locator(".updater")).to_have_text("Người cập nhật: canbo_tttt")
    page.get_by_label("Trạng thái mới").select_option(label="Đã hoàn thành")
    page.get_by_label("Ghi chú").fill("Nền tảng dữ liệu dùng chung đã vận hành")
    evidence = tmp_path / "bien-ban-nghiem-thu.pdf"
    evidence.write_bytes(b"%PDF-1.4 bien ban nghiem thu")
    page.get_by_label("Tệp minh chứng (không bắt buộc)").set_input_files(str(evidence))
    page.get_by_role("button", name="Cập nhật trạng thái").click()
    expect(page.locator(".notice.success")).to_have_text("Đã cập nhật trạng thái nhiệm vụ.")
    first_event = page.locator("#history tbody tr").first
    expect(first_event).to_contain_text("canbo_tttt")
    expect(first_event.locator("a.evidence-file")).to_have_text("Tải tệp minh chứng")
    expect(page.locator("dl.metadata .badge")).to_have_text("Hoàn thành quá hạn")
    shot(page, "03-cap-nhat-nhiem-vu")

    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    page.get_by_label("Cơ quan").fill("so tt&tt")
    page.get_by_role("button", name="Lọc").click()
    board_row = page.locator(f"table.tasks tr[data-task='{task_id}']")
    expect(board_row.locator(".badge")).to_have_text("Hoàn thành quá hạn")
    expect(page.locator("table.tasks tbody tr")).to_have_count(1)
    shot(page, "04-bang-theo-doi")

    page.get_by_role("link", name="Tổng hợp").click()
    merged_row = page.locator("table.figures tbody tr", has_text="Sở Khoa học và Công nghệ")  # its owner today
    expect(merged_row.locator("td[data-group='done_late']")).to_have_text("1")
    expect(page.locator("svg.chart rect[data-group='done_late']")).to_have_count(1)
    shot(page, "05-tong-hop")
    page.go_back()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))["Nhiệm vụ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][8] == "Hoàn thành quá hạn" and "canbo_tttt" in rows[1][-1]

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(f"{live_server}/login")
    expect(page.locator(".notice.success")).to_have_text("Đã đăng xuất.")
    page.goto(live_server + "/my-agency")
    expect(page).to_have_url(re.compile(r"/login\?next="))


def test_officer_is_refused_on_another_agencys_task(page, live_server, log_in, shot, sample_documents):
    other = sample_documents.plan_task_ids[2]  # led by Sở Nội vụ
    log_in(page, "canbo_tttt")
    page.goto(f"{live_server}/tasks/{other}")
    expect(page.locator("#update-refused")).to_contain_text("Chỉ cán bộ của cơ quan chủ trì")
    expect(page.locator("form.update-form")).to_have_count(0)
    shot(page, "06-tu-choi-nhiem-vu-co-quan-khac")
    token = page.locator(".account input[name=csrf_token]").get_attribute("value")
    response = page.request.post(f"{live_server}/tasks/{other}/status",
                                 multipart={"csrf_token": token, "status": "done"})
    assert response.status == 403
    assert "Không có quyền" in response.text()
    page.goto(f"{live_server}/tasks/{other}")
    expect(page.locator("#history")).to_contain_text("Chưa có cập nhật nào")


def test_pages_at_phone_width(browser, live_server, shot, sample_documents):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    phone = context.new_page()
    phone.goto(live_server + "/tasks")
    width = phone.evaluate("document.documentElement.scrollWidth")
    shot(phone, "07-dien-thoai-bang-theo-doi")
    context.close()
    assert width <= 400  # the table scrolls inside its box, the page does not
