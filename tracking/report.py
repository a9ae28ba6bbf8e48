"""The follow-up table officers send upward, as an Excel workbook (openpyxl) or CSV.

Sheet "Nhiệm vụ": one row per task of the agency (task, document, lead, support, deadline
as a date cell, status, days overdue, the target it serves, latest evidence). Sheet "Tổng
hợp": the VPCP groups (đã hoàn thành đúng hạn / quá hạn, chưa hoàn thành trong hạn / quá hạn), and the tasks
without a fixed deadline, as of the report's day. The CSV holds the rows of the first sheet.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from theodoi.domain import STATUS_LABELS
from theodoi.tracking.tasks import TaskView, list_tasks

GROUP_LABELS = (
    ("done_on_time", "Đã hoàn thành đúng hạn"),
    ("done_late", "Đã hoàn thành quá hạn"),
    ("open_in_term", "Chưa hoàn thành, trong hạn"),
    ("overdue", "Chưa hoàn thành, quá hạn"),
    (None, "Không có thời hạn cố định (thường xuyên, định kỳ) hoặc đã hủy, thay thế"),
)
COLUMNS = (  # (header, width)
    ("STT", 6), ("Nhiệm vụ", 60), ("Văn bản giao", 28), ("Ngày văn bản", 13), ("Cơ quan chủ trì", 30),
    ("Cơ quan phối hợp", 30), ("Thời hạn", 13), ("Thời hạn (văn bản)", 22), ("Trạng thái", 20),
    ("Số ngày quá hạn", 10), ("Mã chỉ tiêu", 10), ("Chỉ tiêu nhiệm vụ phục vụ", 40), ("Kết quả, bằng chứng", 70),
)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_DATE_FORMAT = "DD/MM/YYYY"


def evidence_text(view: TaskView) -> str:
    """The latest evidence of a task in one cell: who or which report said what, when."""
    event = view.state.deciding_event
    if event is None:
        return ""
    when = event.created_at.date().strftime("%d/%m/%Y")
    label = STATUS_LABELS.get(event.status, event.status)
    if event.source == "manual":
        text = f"{when} — {event.user}: {label}"
        text += f". {event.note}" if event.note else ""
        text += f" (tệp: {event.evidence_path})" if event.evidence_path else ""
    else:
        report = event.evidence_document
        name = " ".join(p for p in (report.kind, report.number) if p) if report else "báo cáo"
        text = f"{when} — {name}: «{event.passage or ''}»"
    unconfirmed = view.state.unconfirmed_event
    if unconfirmed is not None:
        text += f"\nChưa xác nhận: báo cáo sau ghi «{STATUS_LABELS.get(unconfirmed.status, unconfirmed.status)}»"
    return text


def _document_name(view: TaskView) -> str:
    document = view.task.document
    name = " ".join(p for p in (document.kind, document.number) if p)
    return name or document.file.original_name


def task_row(number: int, view: TaskView) -> list:
    """One row of the table, in COLUMNS order (dates as dates)."""
    task = view.task
    return [
        number, task.text, _document_name(view), task.document.date,
        ", ".join(view.owners or [b.name for b in task.lead]), ", ".join(b.name for b in task.support),
        task.due if task.deadline_kind not in ("ongoing", "recurring") else None, task.deadline_text or "",
        STATUS_LABELS.get(view.state.display, view.state.display), view.state.overdue_days,
        task.target_id, task.target.text if task.target else "", evidence_text(view)]


def write_report(session: Session, path: Path, *, agency: str | None = None,
                 as_of: dt.date | None = None) -> int:
    """Write the follow-up workbook of `agency`'s tasks as of a day to `path`; return the
    number of tasks in it."""
    as_of = as_of or dt.date.today()
    views = list_tasks(session, agency=agency, as_of=as_of)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    build_workbook(views, scope=agency or "Tất cả", as_of=as_of).save(path)
    return len(views)


def build_workbook(views: list[TaskView], *, scope: str, as_of: dt.date) -> Workbook:
    """The workbook of these task rows, in their order; `scope` says whose tasks they are
    (an agency, or the filters of the page they come from)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Nhiệm vụ"
    sheet.append([header for header, _ in COLUMNS])
    for column, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for number, view in enumerate(views, start=1):
        sheet.append(task_row(number, view))
        row = sheet.max_row
        for column in (4, 7):
            sheet.cell(row=row, column=column).number_format = _DATE_FORMAT
        for column in (2, 5, 6, 8, 12, 13):
            sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions

    summary = workbook.create_sheet("Tổng hợp")
    summary.append(["Cơ quan", scope])
    summary.append(["Tính đến ngày", as_of])
    summary["B2"].number_format = _DATE_FORMAT
    summary.append([])
    summary.append(["Nhóm", "Số nhiệm vụ"])
    groups = Counter(view.state.group for view in views)
    for group, label in GROUP_LABELS:
        summary.append([label, groups.get(group, 0)])
    summary.append(["Tổng số", len(views)])
    for cell in (summary["A4"], summary["B4"], summary[f"A{summary.max_row}"], summary[f"B{summary.max_row}"]):
        cell.font = Font(bold=True)
    summary.column_dimensions["A"].width = 60
    summary.column_dimensions["B"].width = 14
    return workbook


def csv_text(views: list[TaskView]) -> str:
    """The rows of the "Nhiệm vụ" sheet as CSV (dates written 05/03/2025), with a BOM so
    that Excel reads the Vietnamese letters right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for header, _ in COLUMNS])
    for number, view in enumerate(views, start=1):
        writer.writerow([value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else
                         "" if value is None else value for value in task_row(number, view)])
    return "\ufeff" + buffer.getvalue()
