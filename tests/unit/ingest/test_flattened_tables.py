"""Tables a portal page flattens to one cell a line ("|" lines between cells) are rebuilt as table
blocks when they are numbered task tables; a flattened side-by-side header stays lines."""
from __future__ import annotations

from theodoi.config import Settings
from theodoi.ingest import parse_file

PAGE = """|
**ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
|
Số: 57/KH-UBND
|
*Quảng Trị, ngày 3 tháng 4 năm 2026*
|

**KẾ HOẠCH**

**Phát triển du lịch cộng đồng năm 2026**

Các cơ quan, đơn vị triển khai các nhiệm vụ tại Phụ lục kèm theo.

|
**STT**
|
**Nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Tình trạng**
|
|
1
|
Xây dựng bộ tiêu chí homestay đạt chuẩn
|
Sở Văn hóa, Thể thao và Du lịch
|
Đang thực hiện
|
|
2
|
Mở lớp tập huấn cho hộ kinh doanh du lịch
|
Ủy ban nhân dân huyện Hướng Hóa
|
Đã hoàn thành
|
"""


def test_a_numbered_flattened_table_is_a_table_and_the_header_stays_lines(tmp_path):
    path = tmp_path / "kh-57-du-lich.md"
    path.write_text(PAGE, encoding="utf-8")
    parsed = parse_file(path, Settings.load(tmp_path / "data"))
    tables = [b for b in parsed.blocks if b.kind == "table"]
    assert [t.rows for t in tables] == [[
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Tình trạng"],
        ["1", "Xây dựng bộ tiêu chí homestay đạt chuẩn", "Sở Văn hóa, Thể thao và Du lịch", "Đang thực hiện"],
        ["2", "Mở lớp tập huấn cho hộ kinh doanh du lịch", "Ủy ban nhân dân huyện Hướng Hóa", "Đã hoàn thành"]]]
    assert parsed.header.number == "57/KH-UBND"
    assert parsed.header.issuer and "Quảng Trị" in parsed.header.issuer
    assert "|" not in parsed.text.split("KẾ HOẠCH")[0]


def test_an_unnumbered_flattened_run_is_text(tmp_path):
    path = tmp_path / "ghi-chu.md"
    path.write_text("|\nGhi chú thứ nhất\n|\nGhi chú thứ hai\n|\nGhi chú thứ ba\n|\n|\nMột\n|\nHai\n|\nBa\n|\n",
                    encoding="utf-8")
    parsed = parse_file(path, Settings.load(tmp_path / "data"))
    assert not [b for b in parsed.blocks if b.kind == "table"]
    assert "Ghi chú thứ hai" in parsed.text and "|" not in parsed.text
