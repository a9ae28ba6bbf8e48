"""A document received as an edXML package: its deadline for the recipient on the task board,
and the package's facts (source, directing, recipients, files, signature) on its page."""
from __future__ import annotations

import datetime as dt
import re

from theodoi.config import Settings
from theodoi.ingest.edxml_writer import PackageFields, PackageFile, write_package
from theodoi.pipeline import ingest_paths
from theodoi.web import create_app

PLAN = """\
ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
Số: 17/KH-UBND
Quy Nhơn, ngày 02 tháng 4 năm 2025
KẾ HOẠCH
Kiểm tra công tác văn thư năm 2025

1. Sở Nội vụ chủ trì kiểm tra công tác văn thư tại các sở, ngành, hoàn thành trước ngày 30/9/2025.
"""


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_board_and_page_show_what_the_package_says(tmp_path):
    settings = Settings.load(tmp_path / "data", ocr_mode="off", track_since=dt.date(2025, 1, 1))
    fields = PackageFields(from_name="UBND tỉnh Bình Định", code_number="17", code_notation="KH-UBND",
                           type_name="Kế hoạch", due_date=dt.date(2025, 4, 20), steering_type=1,
                           to_places=["Sở Nội vụ tỉnh Bình Định", "UBND thị xã An Nhơn"])
    package = tmp_path / "17-kh-ubnd.edxml"
    package.write_bytes(write_package(fields, [PackageFile("kh-17.txt", PLAN.encode(), "text/plain"),
                                               PackageFile("phu-luc-1.txt", "PHỤ LỤC\nDanh sách".encode(),
                                                           "text/plain")], sign_key=b"k"))
    document_id = ingest_paths([package], settings).outcomes[0].document_id
    client = create_app(settings, {"TESTING": True}).test_client()

    board = text_of(client.get("/tasks").get_data(as_text=True))
    assert "Hạn xử lý văn bản: 20/04/2025" in board and "Văn bản chỉ đạo" in board

    page = text_of(client.get(f"/documents/{document_id}").get_data(as_text=True))
    assert "Gói edXML (QCVN 102:2016)" in page and "chữ ký số: có, khớp nội dung đã ký" in page
    assert "Hạn xử lý văn bản 20/04/2025" in page and "Văn bản chỉ đạo Có" in page
    assert "Sở Nội vụ tỉnh Bình Định; Ủy ban nhân dân thị xã An Nhơn" in page
    assert "kh-17.txt (văn bản chính) ; phu-luc-1.txt (phụ lục)" in page
