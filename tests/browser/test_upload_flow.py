"""The văn thư uploads files in a real browser: two chosen with the file input and one dropped on
the drop zone (the drag-and-drop script of web/static/upload.js), each with its outcome; the
failed file is listed with its reason and a retry button; a viewer finds no upload page."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LETTER = """\
ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 322/UBND-VX
V/v tổ chức ngày hội đọc sách năm 2024
Bình Minh, ngày 18 tháng 4 năm 2024
Kính gửi: Sở Văn hóa, Thể thao và Du lịch.
Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức ngày hội đọc sách, hoàn thành trước ngày 30/9/2024.
"""

DROP = """(names) => {
  const transfer = new DataTransfer();
  for (const name of names) {
    transfer.items.add(new File(["ỦY BAN NHÂN DÂN TỈNH BÌNH MINH\\nSố: 323/UBND-VX\\nBình Minh, ngày 20 tháng 4 năm 2024\\n"
      + "Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì kiểm tra an toàn thực phẩm trong trường học.\\n"],
      name, {type: "text/plain"}));
  }
  const zone = document.getElementById("drop-zone");
  zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
  zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
}"""


def test_secretary_uploads_files_and_sees_each_outcome(page, live_server, log_in, shot):
    log_in(page, "vanthu")
    page.get_by_role("link", name="Tải văn bản lên").click()
    expect(page.get_by_role("heading", name="Tải văn bản lên")).to_be_visible()
    page.evaluate(DROP, ["Công văn 323 dropped.txt"])  # dropped files become the input's files
    expect(page.locator("#chosen-files li")).to_have_text(["Công văn 323 dropped.txt (1 KB)"])
    shot(page, "10-van-thu-tai-len-chon-tep")
    page.get_by_label("Chọn tệp").set_input_files([
        {"name": "Công văn 322 ngày hội đọc sách.txt", "mimeType": "text/plain", "buffer": LETTER.encode()},
        {"name": "bản scan hỏng.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 cut off"}])
    expect(page.locator("#chosen-files li")).to_have_count(2)
    page.get_by_role("button", name="Tải lên và đọc văn bản").click()
    expect(page.get_by_role("heading", name="Kết quả tải lên")).to_be_visible()
    expect(page.locator("#upload-summary")).to_contain_text("1 tệp đã thêm, 0 tệp đã có, 1 tệp không đọc được")
    rows = page.locator("table.upload-results tbody tr")
    expect(rows.nth(0)).to_contain_text("Đã thêm")
    expect(rows.nth(1)).to_contain_text("Không đọc được")
    expect(rows.nth(1).locator(".reason")).to_contain_text("bản scan hỏng.pdf: ")
    expect(rows.nth(1).locator(".reason")).not_to_contain_text("/")
    shot(page, "11-van-thu-ket-qua-tai-len")
    rows.nth(0).get_by_role("link", name="Xem văn bản").click()
    expect(page.locator("dl.metadata")).to_contain_text("322/UBND-VX")
    page.goto(f"{live_server}/upload")
    failed = page.locator("#failed-files tbody tr[data-file]")
    expect(failed).to_have_count(1)
    expect(failed.first).to_contain_text("bản scan hỏng.pdf")
    shot(page, "12-van-thu-tep-loi")
    failed.first.get_by_role("button", name="Đọc lại").click()
    expect(page.get_by_role("heading", name="Kết quả đọc lại")).to_be_visible()
    expect(page.locator("table.upload-results tbody tr")).to_contain_text("Không đọc được")


def test_dropped_file_is_uploaded(page, live_server, log_in):
    log_in(page, "vanthu")
    page.goto(f"{live_server}/upload")
    page.evaluate(DROP, ["Công văn 323 kéo thả.txt"])
    page.get_by_role("button", name="Tải lên và đọc văn bản").click()
    row = page.locator("table.upload-results tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Công văn 323 kéo thả.txt")
    expect(row).to_contain_text("Đã thêm")


def test_viewer_has_no_upload_page(page, live_server, log_in):
    log_in(page, "nguoixem")
    expect(page.get_by_role("link", name="Tải văn bản lên")).to_have_count(0)
    response = page.goto(f"{live_server}/upload")
    assert response.status == 403


def test_link_timeline_from_a_document_page(page, live_server, log_in, shot, sample_documents):
    log_in(page, "nguoixem")
    page.goto(f"{live_server}/documents/{sample_documents.plan_id}")
    page.get_by_role("link", name="Dòng thời gian liên kết của văn bản").click()
    entries = page.locator("li.timeline-entry")
    expect(entries).to_have_count(3)
    expect(entries.nth(0)).to_contain_text("12-NQ/TU")
    expect(entries.nth(1)).to_contain_text("văn bản đang xem")
    expect(entries.nth(2)).to_contain_text("78/BC-STTTT")
    shot(page, "13-dong-thoi-gian-lien-ket")
