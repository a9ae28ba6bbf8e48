"""The watch list, the task-list corrections and the dashboard's trend and targets in a real
browser, and the print layout (navigation and filters hidden, the table shown).
Screenshots 14-19 under docs/screenshots/."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_print_layout_hides_navigation_and_shows_the_table(page, live_server, log_in, shot):
    log_in(page, "canbo_tttt")
    page.goto(live_server + "/tasks?as_of=2024-09-01")
    expect(page.locator(".site-header nav")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in (".site-header", "form.filters", "p.exports"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("table.tasks")).to_be_visible()
    expect(page.locator("table.tasks tbody tr").first).to_be_visible()
    shot(page, "14-ban-in-bang-theo-doi")
    page.goto(live_server + "/dashboard?as_of=2024-09-01")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("svg.trend")).to_be_visible()


def test_follow_a_task_and_see_what_changed(page, live_server, log_in, shot, sample_documents):
    task_id = sample_documents.plan_task_ids[0]
    log_in(page, "canbo_tttt")
    page.goto(f"{live_server}/tasks/{task_id}")
    page.get_by_role("button", name="Thêm vào Theo dõi của tôi").click()
    expect(page.locator(".notice.success")).to_have_text("Đã thêm vào Theo dõi của tôi.")
    expect(page.get_by_role("button", name="Bỏ khỏi Theo dõi của tôi")).to_be_visible()
    page.get_by_role("link", name="Theo dõi của tôi").click()
    expect(page.locator("#watches li.watch-task")).to_have_count(1)
    page.goto(f"{live_server}/tasks/{task_id}")
    page.get_by_label("Trạng thái mới").select_option(label="Đang thực hiện")
    page.get_by_role("button", name="Cập nhật trạng thái").click()
    page.get_by_role("link", name="Theo dõi của tôi").click()
    change = page.locator("table.changes tbody tr")
    expect(change).to_have_count(1)
    expect(change).to_contain_text("Đang thực hiện")
    shot(page, "15-theo-doi-cua-toi")
    page.get_by_label("Theo dõi cơ quan").fill("so noi vu")
    page.get_by_role("button", name="Theo dõi cơ quan").click()
    expect(page.locator("#watches li.watch-agency")).to_contain_text("Sở Nội vụ")
    expect(page.locator("table.changes tbody tr")).to_have_count(0)  # seen at the visit before


def test_dashboard_trend_and_targets(page, live_server, log_in, shot):
    log_in(page, "quantri")
    page.goto(live_server + "/dashboard?as_of=2024-09-01")
    expect(page.locator("svg.trend rect[data-series='done']")).to_have_count(12)
    expect(page.locator("table.target-figures tbody tr")).to_have_count(2)
    shot(page, "16-tong-hop-dien-bien-chi-tieu")
    page.goto(live_server + "/dashboard?as_of=2024-09-01&agency=so+noi+vu")  # no task of its serves a target
    expect(page.locator("table.target-figures")).to_have_count(0)
    expect(page.locator("#targets")).to_contain_text("Không có chỉ tiêu nào có nhiệm vụ giao các cơ quan đã chọn")


def test_admin_merges_and_adds_tasks(page, live_server, log_in, shot, sample_documents):
    plan_tasks = sample_documents.plan_task_ids
    log_in(page, "quantri")
    page.goto(f"{live_server}/tasks/{plan_tasks[1]}/correct")
    page.get_by_label("Gộp nhiệm vụ này vào").select_option(value=str(plan_tasks[2]))
    shot(page, "17-gop-nhiem-vu")
    page.get_by_role("button", name="Gộp nhiệm vụ").click()
    expect(page).to_have_url(f"{live_server}/tasks/{plan_tasks[2]}#corrections")
    expect(page.locator("h1")).to_contain_text("dịch vụ công trực tuyến")
    page.locator("#merged-from a").click()  # the merged task: shown as merged, no forms, a link back
    expect(page.locator("dl.metadata .badge")).to_have_text("Đã gộp vào nhiệm vụ khác")
    expect(page.locator("#update-closed")).to_contain_text("đã được gộp vào nhiệm vụ khác")
    expect(page.locator("form.update-form")).to_have_count(0)
    shot(page, "19-nhiem-vu-da-gop")
    page.locator("#task-removed a").click()
    expect(page).to_have_url(f"{live_server}/tasks/{plan_tasks[2]}")
    page.goto(f"{live_server}/documents/{sample_documents.plan_id}")
    expect(page.locator("#tasks h2 .count")).to_have_text("3")
    page.get_by_role("link", name="Thêm nhiệm vụ bị sót").click()
    page.get_by_label("Nội dung nhiệm vụ").fill("Sở Thông tin và Truyền thông hướng dẫn ký số văn bản")
    page.get_by_label("Cơ quan chủ trì").fill("Sở TT&TT")
    page.get_by_role("button", name="Thêm nhiệm vụ").click()
    expect(page.locator("h1")).to_have_text("Sở Thông tin và Truyền thông hướng dẫn ký số văn bản")
    shot(page, "18-them-nhiem-vu")
