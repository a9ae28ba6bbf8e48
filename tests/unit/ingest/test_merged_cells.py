"""Cells merged down over several rows of a ruled PDF table, and of a Word table (vMerge): each
row the cell spans reads its text, so a status or lead written once for a block of rows is
the status or lead of each of them; a cell merged across columns fills no other column."""
from __future__ import annotations

import docx

from theodoi.ingest import parse_file
from theodoi.nlp import extract

from .conftest import write_pdf

HEAD = ["Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình trạng"]
ROWS = [HEAD,
        ["Lắp đặt camera giám sát tại các nút giao thông", ("Công an tỉnh", 2), "Quý I/2025", ("Đã hoàn thành", 3)],
        ["Kết nối dữ liệu camera với trung tâm điều hành", "Quý II/2025"],
        ["Cấp chữ ký số cho cán bộ cấp xã", "Sở Nội vụ", "Quý II/2025"],
        [("NHÓM NHIỆM VỤ VỀ ĐÀO TẠO", 1)] + [""] * 3,
        ["Tập huấn an toàn thông tin cho công chức", "Sở Nội vụ", "Năm 2025", "Đang thực hiện"],
        ["Biên soạn tài liệu kỹ năng số cho người dân", "Sở Văn hóa và Thể thao", "Năm 2025", ""]]
EXPECTED_ROWS = [
    ["Lắp đặt camera giám sát tại các nút giao thông", "Công an tỉnh", "Quý I/2025", "Đã hoàn thành"],
    ["Kết nối dữ liệu camera với trung tâm điều hành", "Công an tỉnh", "Quý II/2025", "Đã hoàn thành"],
    ["Cấp chữ ký số cho cán bộ cấp xã", "Sở Nội vụ", "Quý II/2025", "Đã hoàn thành"],
]
BODY = "Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện các nhiệm vụ giao tại Kế hoạch số 45/KH-UBND như sau."


def _statuses(parsed) -> dict[str, tuple[str, list[str]]]:
    return {t.text: (t.status.value, [b.text for b in t.lead]) for t in extract(parsed).tasks if t.status}


def test_a_pdf_cell_merged_down_is_read_on_each_row_it_spans(tmp_path, settings):
    parsed = parse_file(write_pdf(tmp_path / "bao-cao.pdf", table=True, rows=ROWS, body=BODY), settings)
    [table] = [b for b in parsed.blocks if b.kind == "table"]
    assert table.rows[1:4] == EXPECTED_ROWS
    assert table.rows[4][1:] == ["", "", ""]  # a group row is not filled from the rows above
    assert table.rows[6][3] == ""  # an empty cell of its own stays empty
    statuses = _statuses(parsed)
    assert statuses["Kết nối dữ liệu camera với trung tâm điều hành"] == ("done", ["Công an tỉnh"])
    assert statuses["Cấp chữ ký số cho cán bộ cấp xã"] == ("done", ["Sở Nội vụ"])
    assert statuses["Tập huấn an toàn thông tin cho công chức"][0] == "in_progress"
    assert "Biên soạn tài liệu kỹ năng số cho người dân" not in statuses


def test_a_word_cell_merged_down_is_read_on_each_row_it_spans(tmp_path, settings):
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph(BODY)
    plain = [[c if isinstance(c, str) else c[0] for c in row] for row in EXPECTED_ROWS]
    table = document.add_table(rows=4, cols=4)
    for i, row in enumerate([HEAD, *plain]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text if i < 2 or j in (0, 2) or (i == 3 and j == 1) else ""
    table.cell(1, 1).merge(table.cell(2, 1))  # the lead over two rows
    table.cell(1, 3).merge(table.cell(3, 3))  # the status over three
    path = tmp_path / "bao-cao.docx"
    document.save(path)
    parsed = parse_file(path, settings)
    [read] = [b for b in parsed.blocks if b.kind == "table"]
    assert read.rows[1:] == EXPECTED_ROWS
    statuses = _statuses(parsed)
    assert statuses["Kết nối dữ liệu camera với trung tâm điều hành"] == ("done", ["Công an tỉnh"])
    assert statuses["Cấp chữ ký số cho cán bộ cấp xã"] == ("done", ["Sở Nội vụ"])
