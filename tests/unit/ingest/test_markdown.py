"""Markdown transcriptions: escapes, emphasis (also split inside words or wrapped over lines),
headings, pipe tables, front matter and page-break markers."""
import datetime as dt

from theodoi.ingest import parse_file
from theodoi.ingest.flattened_tables import gather_tables
from theodoi.ingest.markdown import unmark
from theodoi.ingest.registry import choose

TRANSCRIPTION = """---
title: "Bản chép kế hoạch"
source: "scan-2025"
---

| **HUYỆN ỦY ĐỊNH HÓA** | **ĐẢNG CỘNG SẢN VIỆT NAM** |
|---|---|
| Số 21\\-KH/HU | *Định Hóa, ngày 4 tháng 8 năm 2025* |

# KẾ HOẠCH

**thực hiện Nghị quyết số 57\\-NQ/TW của Bộ Chính trị**

## I. MỤC ĐÍCH, YÊU CẦU

Giao Ban Tuyên giáo Huyện ủy chủ trì quán triệt nghị quyết, hoàn thành trong **quý III/2025**.

--- PAGE BREAK ---

| Nhiệm vụ | Cơ quan chủ trì | Thời hạn |
| --- | --- | --- |
| Số hóa hồ sơ đảng viên | Văn phòng Huyện ủy | Năm 2025 |
| Tập huấn chuyển đổi số | Ban Tổ chức Huyện ủy | Quý IV/2025 |

**Nơi nhận:**
\\- Ban Thường vụ Tỉnh ủy;
\\- Lưu: VP.

**T/M BAN THƯỜNG VỤ**
**BÍ THƯ**
**Hà Văn Sơn**
"""


def test_transcription_header_and_structure(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(TRANSCRIPTION, encoding="utf-8")
    parsed = parse_file(path)
    h = parsed.header
    assert parsed.parser.startswith("markdown/")
    assert (h.kind, h.number, h.issuer, h.date, h.place) == (
        "Kế hoạch", "21-KH/HU", "Huyện ủy Định Hóa", dt.date(2025, 8, 4), "Định Hóa")
    assert h.title == "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị" and h.signer == "Hà Văn Sơn"
    assert "*" not in parsed.text and "\\" not in parsed.text and "#" not in parsed.text
    assert "PAGE BREAK" not in parsed.text and "source:" not in parsed.text
    [table] = [b for b in parsed.blocks if b.kind == "table" and b.rows[0][0] == "Nhiệm vụ"]
    assert table.rows[1] == ["Số hóa hồ sơ đảng viên", "Văn phòng Huyện ủy", "Năm 2025"]
    headings = [b.text for b in parsed.blocks if b.kind == "heading"]
    assert "KẾ HOẠCH" in headings and "I. MỤC ĐÍCH, YÊU CẦU" in headings


def test_emphasis_split_inside_words_and_wrapped_spans():
    lines = [line for kind, line in unmark(
        "*(theo Quy*ế*t *đị*nh 16/Q*Đ*-TTg)*\n**CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        "bổ sung** 485** văn bản\n* một mục\nGhi chú (*) và __đậm__ nhưng VN_AQI giữ nguyên\n"
        "[Cổng](https://example.vn) ![ảnh](a.png)") if kind == "line"]
    assert lines == ["(theo Quyết định 16/QĐ-TTg)", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bổ sung 485 văn bản",
                     "- một mục", "Ghi chú (*) và đậm nhưng VN_AQI giữ nguyên", "Cổng"]


def test_flattened_table_cells_are_breaks_not_text():
    pairs = gather_tables(unmark("**Số hiệu:**\n|\n12/KH-UBND\n|\n|\n**Loại văn bản:**\n|\nKế hoạch"))
    assert [line for kind, line in pairs if kind == "line"] == ["Số hiệu:", "12/KH-UBND", "Loại văn bản:", "Kế hoạch"]
    assert pairs[1] == ("break", "")


def test_a_stray_mark_does_not_join_the_rest_of_the_page():
    """A bold mark never closed joins a wrapped span's few lines, not the paragraphs after it."""
    rest = [f"dòng {i} dài " * 8 for i in range(8)]
    lines = [line for kind, line in unmark("Mục **một\n" + "\n".join(rest)) if kind == "line"]
    assert max(map(len, lines)) < 400 and lines[-3:] == [line.strip() for line in rest[-3:]]


def test_markdown_is_chosen_for_md_files_only():
    assert choose("text/plain", "md").NAME == "markdown"
    assert choose("text/plain", "txt").NAME == "plain_text"
    assert choose("text/html", "md").NAME == "html"
