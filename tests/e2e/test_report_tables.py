"""A report written as a Word file with a progress table (a "Kết quả thực hiện" header cell
merged over columns marked with x, header cells merged down two rows, a table that goes on
past a page break with no header of its own), read from the file by the real parser and
pipeline."""
from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_BREAK

from theodoi.ingest import parse_file
from theodoi.nlp import extract

pytestmark = pytest.mark.slow

ROWS = [
    ("1", "Số hóa hồ sơ địa chính các xã", "Sở Nông nghiệp và Môi trường", 3),
    ("2", "Kết nối cơ sở dữ liệu dân cư với cổng dịch vụ công", "Công an tỉnh", 4),
    ("3", "Xây dựng trung tâm giám sát điều hành thông minh", "Sở Khoa học và Công nghệ", 5),
]
MORE = [("4", "Tập huấn kỹ năng số cho cán bộ cấp xã", "Sở Nội vụ", 4)]


def _table(document, rows, header: bool):
    table = document.add_table(rows=(2 if header else 0) + len(rows), cols=6)
    if header:
        top, sub = table.rows[0].cells, table.rows[1].cells
        for i, name in enumerate(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]):
            top[i].text = name
            top[i].merge(sub[i])
        top[3].merge(top[5]).text = "Kết quả thực hiện"
        for i, name in zip((3, 4, 5), ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện")):
            sub[i].text = name
    first = 2 if header else 0
    for r, (label, text, lead, marked) in enumerate(rows):
        cells = table.rows[first + r].cells
        cells[0].text, cells[1].text, cells[2].text, cells[marked].text = label, text, lead, "x"
    return table


def _write(path):
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Số: 120/BC-UBND", "Bắc Kạn, ngày 10 tháng 10 năm 2025",
                 "BÁO CÁO", "Tiến độ các nhiệm vụ chuyển đổi số giao tại Kế hoạch số 33/KH-UBND"):
        document.add_paragraph(line)
    _table(document, ROWS, header=True)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _table(document, MORE, header=False)
    document.add_paragraph("Nơi nhận: - Như trên.")
    document.save(path)


def test_a_word_report_table_gives_each_row_its_marked_status(tmp_path):
    path = tmp_path / "bc-120.docx"
    _write(path)
    tasks = {t.text: t for t in extract(parse_file(path)).tasks if t.status}
    assert {text: (t.status.value, t.source) for text, t in tasks.items()} == {
        "Số hóa hồ sơ địa chính các xã": ("done", "33/KH-UBND"),
        "Kết nối cơ sở dữ liệu dân cư với cổng dịch vụ công": ("in_progress", "33/KH-UBND"),
        "Xây dựng trung tâm giám sát điều hành thông minh": ("not_done", "33/KH-UBND"),
        "Tập huấn kỹ năng số cho cán bộ cấp xã": ("in_progress", "33/KH-UBND"),
    }
    assert [b.text for b in tasks["Kết nối cơ sở dữ liệu dân cư với cổng dịch vụ công"].lead] == ["Công an tỉnh"]
