"""Build theodoi's demo corpus from the plain sources in corpora/src/.

Each source is one Vietnamese administrative document written by the project, in a
small line markup (see corpora/README.md):

    #! format: pdf            build directive: the format the document is published in
    LEFT || RIGHT             a row of a two-column block (header, signature)
    = TEXT                    centred bold line (kind, trích yếu)
    =_ TEXT                   centred italic line ("(Ban hành kèm theo ...)")
    > TEXT                    italic paragraph (căn cứ)
    | a | b | c |             a table row; the first row of a table is its header
    anything else             a body paragraph (all-caps paragraphs are headings)

In a block cell, *text* is bold and _text_ italic. The output goes to corpora/demo/
as .txt, .pdf (fpdf2, DejaVu), .docx (python-docx) or .html (a portal page in
windows-1258). Metadata and timestamps are fixed so a rebuild gives the same bytes.

Run:  .venv/bin/python corpora/build.py [--out DIR]
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SRC_DIR = HERE / "src"
DEMO_DIR = HERE / "demo"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FORMATS = ("txt", "pdf", "docx", "html")


# --------------------------------------------------------------------------- parsing
@dataclass
class Cell:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """One element of a document: kind is columns, centre, italic, table or para."""
    kind: str
    rows: list = field(default_factory=list)   # columns: [(Cell, Cell)], table: [[str]]
    text: str = ""
    bold: bool = False
    italic: bool = False
    is_header: bool = False                    # columns block before the title


@dataclass
class Source:
    name: str
    fmt: str
    blocks: list


def _cell(raw: str) -> Cell:
    raw = raw.strip()
    if len(raw) > 2 and raw.startswith("*") and raw.endswith("*"):
        return Cell(raw[1:-1], bold=True)
    if len(raw) > 2 and raw.startswith("_") and raw.endswith("_"):
        return Cell(raw[1:-1], italic=True)
    return Cell(raw)


def _is_heading(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def parse_source(path: Path) -> Source:
    """Read one source file into blocks."""
    fmt = "txt"
    blocks: list[Block] = []
    seen_title = False  # a columns block after the title is a signature block
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip()
        if line.startswith("#!"):
            key, _, value = line[2:].partition(":")
            if key.strip() == "format":
                fmt = value.strip()
            continue
        if not line.strip():
            continue
        if "||" in line:
            left, _, right = line.partition("||")
            if not blocks or blocks[-1].kind != "columns":
                first = not any(b.kind == "columns" for b in blocks)
                blocks.append(Block("columns", is_header=first and not seen_title))
            blocks[-1].rows.append((_cell(left), _cell(right)))
        elif line.startswith("| ") and line.endswith("|"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            if not blocks or blocks[-1].kind != "table":
                blocks.append(Block("table"))
            blocks[-1].rows.append(cells)
        elif line.startswith("=_ "):
            blocks.append(Block("centre", text=line[3:], italic=True))
        elif line.startswith("= "):
            seen_title = True
            blocks.append(Block("centre", text=line[2:], bold=True))
        elif line.startswith("> "):
            blocks.append(Block("para", text=line[2:], italic=True))
        else:
            blocks.append(Block("para", text=line, bold=_is_heading(line)))
    if fmt not in FORMATS:
        raise ValueError(f"{path.name}: unknown format {fmt!r}")
    return Source(path.stem, fmt, blocks)


# --------------------------------------------------------------------------- text
def render_txt(src: Source) -> bytes:
    """Plain text as a portal's 'tải về .txt' copy: columns padded, tables piped."""
    out: list[str] = []
    for block in src.blocks:
        if block.kind == "columns":
            for left, right in block.rows:
                out.append(f"{left.text:<44}{right.text}".rstrip())
            out.append("")
        elif block.kind == "table":
            out.extend(" | ".join(row) for row in block.rows)
            out.append("")
        elif block.kind == "centre":
            out.append(block.text.center(88).rstrip())
        else:
            out.append(block.text)
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


# --------------------------------------------------------------------------- pdf
class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", "", 9)
        self.cell(0, 8, str(self.page_no()), align="C")


def _pdf_style(cell: Cell | Block) -> str:
    return ("B" if cell.bold else "") + ("I" if cell.italic else "")


def render_pdf(src: Source) -> bytes:
    """A4 PDF in the Nghị định 30/2020 layout: two header columns, centred title,
    drawn tables, page numbers in the footer."""
    pdf = _Pdf(format="A4")
    pdf.set_margins(25, 20, 18)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.add_font("DejaVu", "BI", str(FONT_DIR / "DejaVuSans-BoldOblique.ttf"))
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_producer("theodoi corpora/build.py")
    pdf.set_creator("theodoi")
    pdf.set_title(src.name)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in src.blocks:
        if block.kind == "columns":
            _pdf_columns(pdf, block, width)
        elif block.kind == "table":
            _pdf_table(pdf, block)
        elif block.kind == "centre":
            pdf.set_font("DejaVu", _pdf_style(block), 11 if block.bold else 10)
            pdf.multi_cell(width, 6, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", _pdf_style(block), 10)
            pdf.multi_cell(width, 5.5, block.text, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    return bytes(pdf.output())


def _pdf_columns(pdf: FPDF, block: Block, width: float) -> None:
    left_w = width * (0.42 if block.is_header else 0.5)
    right_w = width - left_w
    pdf.ln(2)
    for left, right in block.rows:
        y = pdf.get_y()
        x = pdf.l_margin
        size = 9.5 if block.is_header else 9
        pdf.set_font("DejaVu", _pdf_style(left), size)
        pdf.set_xy(x, y)
        pdf.multi_cell(left_w, 5, left.text, align="C" if block.is_header else "L")
        y_left = pdf.get_y()
        pdf.set_font("DejaVu", _pdf_style(right), 9.5 if block.is_header else 10)
        pdf.set_xy(x + left_w, y)
        pdf.multi_cell(right_w, 5, right.text, align="C")
        pdf.set_y(max(y_left, pdf.get_y()))
    pdf.ln(4)


def _pdf_table(pdf: FPDF, block: Block) -> None:
    pdf.set_font("DejaVu", "", 8.5)
    ncols = len(block.rows[0])
    widths = (10, 60, 30, 37, 30) if ncols == 5 else None
    with pdf.table(col_widths=widths, line_height=4.6, text_align="LEFT", padding=1,
                   first_row_as_headings=True) as table:
        for row in block.rows:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.ln(3)


# --------------------------------------------------------------------------- docx
def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _docx_run(paragraph, cell: Cell | Block, size: float) -> None:
    run = paragraph.add_run(cell.text)
    run.bold = cell.bold
    run.italic = cell.italic
    run.font.size = Pt(size)


def render_docx(src: Source) -> bytes:
    """DOCX with the header as a borderless two-column table and real task tables."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    props = doc.core_properties
    props.author = props.last_modified_by = "theodoi"
    props.title = src.name
    props.created = props.modified = props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    for block in src.blocks:
        if block.kind == "columns":
            table = doc.add_table(rows=0, cols=2)
            _no_borders(table)
            for left, right in block.rows:
                row = table.add_row().cells
                for target, cell in zip(row, (left, right)):
                    par = target.paragraphs[0]
                    centred = block.is_header or cell is right
                    par.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
                    _docx_run(par, cell, 12 if block.is_header else 11)
            doc.add_paragraph()
        elif block.kind == "table":
            table = doc.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for index, values in enumerate(block.rows):
                row = table.add_row().cells
                for target, value in zip(row, values):
                    run = target.paragraphs[0].add_run(value)
                    run.bold = index == 0
                    run.font.size = Pt(11)
        elif block.kind == "centre":
            par = doc.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _docx_run(par, block, 13)
        else:
            par = doc.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            par.paragraph_format.first_line_indent = Cm(1)
            _docx_run(par, block, 13)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- html
PORTAL_TOP = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>{title} - Cổng thông tin điện tử</title>
<link rel="stylesheet" href="/Portals/_default/skin.css">
</head>
<body>
<div id="top-banner"><a href="/"><img src="/images/banner.png" alt="Cổng thông tin điện tử"></a></div>
<ul id="main-menu">
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li>
<li><a href="/dich-vu-cong">Dịch vụ công trực tuyến</a></li><li><a href="/lien-he">Liên hệ</a></li>
</ul>
<div class="breadcrumb">Trang chủ &raquo; Văn bản chỉ đạo điều hành &raquo; Chương trình, kế hoạch</div>
<div class="article-tools"><a href="#">In trang</a> | <a href="#">Gửi email</a> | Lượt xem: 1.284</div>
<div class="article-content">
"""
PORTAL_BOTTOM = """</div>
<div class="related"><h3>Văn bản khác</h3><ul>
<li><a href="/van-ban/1">Kế hoạch tổ chức Hội chợ xúc tiến thương mại năm 2022</a></li>
<li><a href="/van-ban/2">Thông báo lịch tiếp công dân tháng 5/2022</a></li>
</ul></div>
<div id="footer">Cơ quan chủ quản: Văn phòng Ủy ban nhân dân tỉnh<br>
Giấy phép số 25/GP-TTĐT do Bộ Thông tin và Truyền thông cấp<br>
Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div>
</body>
</html>
"""


def _html_cell(cell: Cell) -> str:
    text = html.escape(cell.text)
    if cell.bold:
        return f"<b>{text}</b>"
    if cell.italic:
        return f"<i>{text}</i>"
    return text


def render_html(src: Source) -> bytes:
    """A page saved from a provincial portal: menu, breadcrumb and footer around the text,
    encoded in windows-1258 as its meta tag declares."""
    parts: list[str] = []
    title = next((b.text for b in src.blocks if b.kind == "centre"), src.name)
    for block in src.blocks:
        if block.kind == "columns":
            parts.append('<table class="doc-columns" width="100%">')
            for left, right in block.rows:
                parts.append(f'<tr><td align="center">{_html_cell(left)}</td>'
                             f'<td align="center">{_html_cell(right)}</td></tr>')
            parts.append("</table>")
        elif block.kind == "table":
            parts.append('<table class="doc-table" border="1" cellspacing="0">')
            for index, row in enumerate(block.rows):
                tag = "th" if index == 0 else "td"
                parts.append("<tr>" + "".join(f"<{tag}>{html.escape(v)}</{tag}>" for v in row) + "</tr>")
            parts.append("</table>")
        elif block.kind == "centre":
            inner = html.escape(block.text)
            inner = f"<b>{inner}</b>" if block.bold else f"<i>{inner}</i>"
            parts.append(f'<p align="center">{inner}</p>')
        else:
            inner = html.escape(block.text)
            if block.bold:
                inner = f"<b>{inner}</b>"
            elif block.italic:
                inner = f"<i>{inner}</i>"
            parts.append(f"<p>{inner}</p>")
    page = PORTAL_TOP.format(title=html.escape(title.title())) + "\n".join(parts) + "\n" + PORTAL_BOTTOM
    return encode_cp1258(page)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Encode Vietnamese in windows-1258: letters the code page lacks are written as the
    base letter (with its hat or horn) followed by a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        tones = "".join(p for p in parts if p in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


# --------------------------------------------------------------------------- main
RENDERERS = {"txt": render_txt, "pdf": render_pdf, "docx": render_docx, "html": render_html}


def build(out_dir: Path = DEMO_DIR) -> list[Path]:
    """Render every source into out_dir; returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(SRC_DIR.glob("*.txt")):
        src = parse_source(path)
        target = out_dir / f"{src.name}.{src.fmt}"
        target.write_bytes(RENDERERS[src.fmt](src))
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="output folder")
    args = parser.parse_args()
    for path in build(args.out):
        print(f"{path.stat().st_size:>8}  {path.name}")


if __name__ == "__main__":
    main()
