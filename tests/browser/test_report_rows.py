"""An officer opens a progress report, sees each row's status and the directive it belongs to,
follows the link to the directive and sees each task's latest status with that report."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_report_rows_lead_to_the_directive_and_its_task_statuses(page, live_server, sample_documents, rows_report):
    page.goto(f"{live_server}/documents/{rows_report.report_id}")
    rows = page.locator("#report-rows tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator(".badge")).to_have_text("Đã hoàn thành")
    expect(rows.nth(1).locator(".badge")).to_have_text("Đang thực hiện")
    expect(rows.nth(2).locator(".badge")).to_have_text("Chưa thực hiện")
    expect(rows.nth(2).locator(".row-directive")).to_contain_text("99/QĐ-UBND")
    expect(rows.nth(2).locator(".row-directive")).to_contain_text("chưa có trong hệ thống")

    rows.nth(0).locator(".row-directive a").click()
    expect(page).to_have_url(f"{live_server}/documents/{sample_documents.plan_id}")
    tasks = page.locator("#tasks tbody tr")
    expect(tasks.nth(0).locator(".badge")).to_have_text("Hoàn thành quá hạn")
    expect(tasks.nth(0).locator(".status-source a")).to_have_text("Báo cáo số 90/BC-STTTT")
    expect(tasks.nth(2).locator(".badge")).to_have_text("Đang thực hiện")
    expect(tasks.nth(3).locator(".status-source a")).to_have_text("Báo cáo số 78/BC-STTTT")

    tasks.nth(0).locator(".status-source a").click()
    expect(page).to_have_url(f"{live_server}/documents/{rows_report.report_id}")
