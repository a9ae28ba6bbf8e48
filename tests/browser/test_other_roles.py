"""The main flows of the other roles in a real browser: the văn thư corrects a document's
header, the officer corrects a task's deadline, a viewer reads without any form to change."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_secretary_corrects_a_document_header(page, live_server, log_in, shot, sample_documents):
    log_in(page, "vanthu")
    page.goto(f"{live_server}/documents/{sample_documents.report_id}")
    page.get_by_role("link", name="Sửa thông tin văn bản").click()
    page.get_by_label("Số, ký hiệu").fill("79/BC-STTTT")
    page.get_by_role("button", name="Lưu chỉnh sửa").click()
    expect(page.locator(".notice.success")).to_have_text("Đã lưu 1 chỉnh sửa.")
    row = page.locator("#corrections tbody tr").first
    expect(row).to_contain_text("vanthu")
    expect(row).to_contain_text("78/BC-STTTT")
    expect(row).to_contain_text("79/BC-STTTT")
    shot(page, "08-van-thu-sua-thong-tin-van-ban")
    page.goto(f"{live_server}/documents/{sample_documents.report_id}")
    expect(page.locator("dl.metadata")).to_contain_text("79/BC-STTTT")


def test_officer_corrects_the_deadline_of_their_task(page, live_server, log_in, shot, sample_documents):
    task_id = sample_documents.plan_task_ids[0]
    log_in(page, "canbo_tttt")
    page.goto(f"{live_server}/tasks/{task_id}")
    page.get_by_role("link", name="Sửa nội dung, cơ quan, thời hạn").click()
    page.get_by_label("Thời hạn", exact=True).fill("2024-09-30")
    page.get_by_role("button", name="Lưu chỉnh sửa").click()
    expect(page).to_have_url(re.compile(rf"/tasks/{task_id}#corrections$"))
    expect(page.locator("#corrections tbody tr")).to_have_count(1)
    expect(page.locator("#corrections")).to_contain_text("2024-06-30")
    expect(page.locator("dl.metadata")).to_contain_text("30/09/2024")
    shot(page, "09-can-bo-sua-thoi-han")


def test_viewer_reads_but_changes_nothing(page, live_server, log_in, shot, sample_documents):
    log_in(page, "nguoixem")
    page.goto(f"{live_server}/tasks/{sample_documents.plan_task_ids[0]}")
    expect(page.locator("#update-refused")).to_be_visible()
    expect(page.get_by_role("link", name="Sửa nội dung, cơ quan, thời hạn")).to_have_count(0)
    page.goto(f"{live_server}/documents/{sample_documents.plan_id}")
    expect(page.get_by_role("button", name="Theo dõi văn bản này")).to_have_count(0)
    expect(page.get_by_role("link", name="Sửa thông tin văn bản")).to_have_count(0)
    page.goto(f"{live_server}/dashboard")
    expect(page.locator("svg.chart").first).to_be_visible()
