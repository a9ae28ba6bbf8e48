"""The chase-up letter (văn bản đôn đốc) for an agency's overdue tasks, as a .docx to edit
and sign (python-docx).

It follows the layout of an administrative letter (công văn, Nghị định 30/2020/NĐ-CP,
Phụ lục I): the issuing body and the national motto (quốc hiệu, tiêu ngữ) side by side;
the number left for the văn thư to fill when it is registered; the subject (trích yếu,
"V/v ..."); place and date; "Kính gửi"; a body listing each task with the document that
gave it and its deadline; the recipients (nơi nhận) and the signature block.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from theodoi.tracking.tasks import TaskView

FONT = "Times New Roman"
SUBJECT = "V/v đôn đốc thực hiện nhiệm vụ quá hạn"


@dataclass
class Letterhead:
    """Who sends the letter: the issuing body, the body above it, where, and who signs."""

    issuer: str
    parent: str = ""
    place: str = ""
    signer_title: str = "THỦ TRƯỞNG CƠ QUAN"


def _paragraph(cell_or_doc, text: str = "", *, bold=False, italic=False, size=13, align=None, upper=False,
               space_after=0):
    paragraph = cell_or_doc.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    if text:
        run = paragraph.add_run(text.upper() if upper else text)
        run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    return paragraph


def _document_name(view: TaskView) -> str:
    document = view.task.document
    name = " ".join(p for p in (document.kind, f"số {document.number}" if document.number else "") if p)
    if document.date:
        name += f" ngày {document.date:%d/%m/%Y}"
    if document.issuer:
        name += f" của {document.issuer}"
    return name


def _vn_long_date(day: dt.date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def chase_letter(agency: str, views: list[TaskView], *, as_of: dt.date, letterhead: Letterhead,
                 reply_by: dt.date | None = None) -> bytes:
    """The letter urging `agency` to finish its overdue tasks `views`, as .docx bytes."""
    reply_by = reply_by or as_of + dt.timedelta(days=15)
    doc = DocxDocument()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    center = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].text = ""
    if letterhead.parent:
        _paragraph(left, letterhead.parent, size=12, align=center, upper=True)
    _paragraph(left, letterhead.issuer, bold=True, size=12, align=center, upper=True)
    _paragraph(left, "Số:        /", size=13, align=center)
    _paragraph(left, SUBJECT, size=12, align=center)
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=center)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=center)
    _paragraph(right, "―――――――――――", size=10, align=center)
    place = f"{letterhead.place}, " if letterhead.place else ""
    _paragraph(right, f"{place}{_vn_long_date(as_of)}", italic=True, size=13, align=center)
    right.paragraphs[0].text = ""

    _paragraph(doc, space_after=6)
    _paragraph(doc, f"Kính gửi: {agency}.", size=14, align=center, space_after=12)
    intro = (f"Theo dõi tình hình thực hiện nhiệm vụ được giao, tính đến {_vn_long_date(as_of)}, {agency} "
             f"còn {len(views)} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành, cụ thể như sau:")
    _paragraph(doc, intro, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=6).paragraph_format.first_line_indent = Cm(1)

    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("STT", "Nhiệm vụ", "Văn bản giao", "Thời hạn", "Số ngày quá hạn")):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold, run.font.size = True, Pt(12)
        cell.paragraphs[0].alignment = center
    for number, view in enumerate(views, start=1):
        cells = table.add_row().cells
        values = (str(number), view.task.text, _document_name(view),
                  view.task.due.strftime("%d/%m/%Y") if view.task.due else (view.task.deadline_text or ""),
                  str(view.state.overdue_days or ""))
        for cell, value in zip(cells, values):
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(value)
            run.font.size = Pt(12)
    for row in table.rows:
        for cell, width in zip(row.cells, (Cm(1.2), Cm(6.8), Cm(4.5), Cm(2.2), Cm(1.6))):
            cell.width = width

    _paragraph(doc, space_after=6)
    request_text = (f"Đề nghị {agency} khẩn trương chỉ đạo hoàn thành các nhiệm vụ nêu trên; báo cáo kết quả "
                    f"thực hiện, nêu rõ nguyên nhân chậm và thời hạn hoàn thành trước {_vn_long_date(reply_by)}.")
    for text in (request_text, "Trân trọng./."):
        _paragraph(doc, text, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                   space_after=6).paragraph_format.first_line_indent = Cm(1)

    foot = doc.add_table(rows=1, cols=2)
    receivers, signature = foot.rows[0].cells
    receivers.paragraphs[0].text = ""
    _paragraph(receivers, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in ("- Như trên;", "- Lưu: VT."):
        _paragraph(receivers, line, size=11)
    signature.paragraphs[0].text = ""
    _paragraph(signature, letterhead.signer_title, bold=True, size=13, align=center, upper=True)
    _paragraph(signature, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, size=12, align=center)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
