"""The main paths of an officer through the app, in a real browser."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_search_without_diacritics_then_open_the_document(page, live_server, sample_documents):
    page.goto(live_server + "/")
    page.get_by_label("Từ khóa tìm kiếm").fill("nen tang du lieu")
    page.get_by_role("button", name="Tìm kiếm").click()
    expect(page.locator(".result-summary")).to_contain_text("Tìm thấy 1 văn bản")
    expect(page.locator(".snippet mark").first).to_have_text("nền")
    page.get_by_role("link", name="Triển khai chuyển đổi số tỉnh Long An năm 2024").click()

    expect(page).to_have_url(f"{live_server}/documents/{sample_documents.plan_id}")
    expect(page.locator("h1")).to_have_text("Triển khai chuyển đổi số tỉnh Long An năm 2024")
    marks = page.locator(".full-text mark.task")
    expect(marks).to_have_count(4)
    first_task = page.locator(f"#task-{sample_documents.plan_task_ids[0]}")
    expect(first_task).to_have_text("Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính "
                                    "xây dựng nền tảng dữ liệu dùng chung của tỉnh")
    background = first_task.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    expect(page.locator("#tasks tbody tr")).to_have_count(4)

    page.locator("#tasks tbody tr").first.get_by_title("Xem trong toàn văn").click()
    expect(page).to_have_url(f"{live_server}/documents/{sample_documents.plan_id}#task-{sample_documents.plan_task_ids[0]}")
    expect(first_task).to_be_in_viewport()


def test_task_list_filtered_to_overdue(page, live_server, log_in):
    log_in(page, "quantri")
    page.goto(live_server + "/tasks")
    expect(page.locator("table.tasks tbody tr")).to_have_count(5)
    page.get_by_label("Trạng thái").select_option(label="Quá hạn")
    page.get_by_role("button", name="Lọc").click()

    expect(page).to_have_url(re.compile(r"[?&]status=overdue"))
    rows = page.locator("table.tasks tbody tr")
    expect(rows).to_have_count(2)
    for badge in rows.locator(".badge").all():
        expect(badge).to_have_text(re.compile(r"^Quá hạn \d+ ngày$"))
        color = badge.evaluate("element => getComputedStyle(element).color")
        red, green, blue = (int(part) for part in color[color.index("(") + 1:-1].split(",")[:3])
        assert red > 150 and green < 80 and blue < 80, color
    expect(page.locator(".group-overdue .group-count")).to_have_text("2")
    expect(page.get_by_label("Trạng thái")).to_have_value("overdue")

    rows.first.locator("td.task-text a").click()
    expect(page.locator("#history")).to_contain_text("Chưa có cập nhật nào")

    page.get_by_label("Trạng thái mới").select_option(label="Đã hoàn thành")
    page.get_by_label("Ghi chú").fill("Đã ban hành Kế hoạch số 20/KH-BCS")
    page.get_by_role("button", name="Cập nhật trạng thái").click()
    expect(page.locator(".notice.success")).to_have_text("Đã cập nhật trạng thái nhiệm vụ.")
    first_event = page.locator("#history tbody tr").first
    expect(first_event).to_contain_text("quantri")
    expect(first_event).to_contain_text("Cập nhật thủ công")
    expect(page.locator("dl.metadata .badge")).to_have_text("Hoàn thành quá hạn")
