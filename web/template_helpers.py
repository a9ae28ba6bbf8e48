"""Jinja filters and labels shared by every page (Vietnamese wording)."""
from __future__ import annotations

import datetime as dt

from flask import Flask

from theodoi.domain import REPORTED_LABELS, STATUS_LABELS

GROUP_LABELS = {
    "done_on_time": "Đã hoàn thành đúng hạn",
    "done_late": "Đã hoàn thành quá hạn",
    "open_in_term": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn chưa hoàn thành",
}
SOURCE_LABELS = {"auto": "Tự động (từ báo cáo)", "manual": "Cập nhật thủ công"}
RELATION_LABELS = {
    "implements": "Thực hiện",
    "reports_on": "Báo cáo kết quả thực hiện",
    "urges": "Đôn đốc thực hiện",
    "issued_with": "Ban hành kèm theo",
    "amends": "Sửa đổi, bổ sung",
    "replaces": "Thay thế",
    "repeals": "Bãi bỏ",
    "cites": "Dẫn chiếu",
}
DEADLINE_KIND_LABELS = {"ongoing": "Thường xuyên", "recurring": "Định kỳ"}
COMPARATOR_LABELS = {">": "trên", ">=": "từ", "<": "dưới", "<=": "không quá", "~": "khoảng", "=": ""}


def vn_date(value: dt.date | dt.datetime | str | None) -> str:
    """A date as Vietnamese officers write it: 05/03/2025 (with the time for datetimes); an ISO
    date string (as the link records of tracking/links.py carry) is read first."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def number(value: float | None) -> str:
    """A figure in Vietnamese notation: 1.500, 85,5."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".rstrip("0").replace(",", " ").replace(".", ",").replace(" ", ".")


def deadline(task) -> str:
    """What to show in a deadline cell: the due date, or the written deadline."""
    if task.deadline_kind in DEADLINE_KIND_LABELS and not task.due:
        return DEADLINE_KIND_LABELS[task.deadline_kind]
    if task.due:
        return vn_date(task.due)
    return task.deadline_text or ""


def display_title(document) -> str:
    """A document's name for headings and lists: its trích yếu, preceded by its kind when
    the trích yếu reads as a continuation ("về chuyển đổi số" → "Nghị quyết về chuyển đổi số")."""
    title = (document.title or "").strip()
    kind = document.kind or "Văn bản"
    if not title:
        return f"{kind} số {document.number}" if document.number else kind
    if title[0].islower():
        return f"{kind} {title}"
    return title


def init_app(app: Flask) -> None:
    """Register the filters and the label tables with the app's Jinja environment."""
    app.add_template_filter(vn_date)
    app.add_template_filter(number)
    app.add_template_filter(deadline)
    app.add_template_filter(display_title)
    app.jinja_env.globals.update(
        STATUS_LABELS=STATUS_LABELS, REPORTED_LABELS=REPORTED_LABELS, SOURCE_LABELS=SOURCE_LABELS, RELATION_LABELS=RELATION_LABELS,
        COMPARATOR_LABELS=COMPARATOR_LABELS)
