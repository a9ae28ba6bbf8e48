"""DOCX automatic numbering: the labels Word shows are written into the text."""
from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from theodoi.ingest import parse_file
from theodoi.ingest.parsers.docx_numbering import format_number

ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>"""


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def write_numbered_docx(path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    items = [(0, "MỤC TIÊU"), (1, "Hoàn thành số hóa hồ sơ"), (2, "Sở Nội vụ chủ trì"),
             (2, "Sở Tài chính phối hợp"), (3, "báo cáo hằng quý"), (1, "Tổ chức thực hiện"),
             (0, "GIẢI PHÁP"), (1, "Tăng cường kiểm tra")]
    for ilvl, text in items:
        _numbered(document.add_paragraph(text), 90, ilvl)
    document.save(str(path))
    return path


def test_labels_follow_levels_and_restart(tmp_path, settings):
    doc = parse_file(write_numbered_docx(tmp_path / "kh.docx"), settings)
    assert doc.text.split("\n") == [
        "I. MỤC TIÊU", "1. Hoàn thành số hóa hồ sơ", "a) Sở Nội vụ chủ trì", "b) Sở Tài chính phối hợp",
        "- báo cáo hằng quý", "2. Tổ chức thực hiện", "II. GIẢI PHÁP", "1. Tăng cường kiểm tra"]
    assert all(b.kind in ("list_item", "heading") for b in doc.blocks)


def test_number_formats():
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(7, "decimalZero") == "07"
