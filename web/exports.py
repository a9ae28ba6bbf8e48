"""Exports from the page you are on: the board's or my agency's filtered rows as Excel or
CSV (exactly the rows of the page's filters, in its order, every page), and the chase-up
letter (.docx) for an agency's overdue tasks."""
from __future__ import annotations

import io
from collections import Counter

from flask import Blueprint, Response, flash, redirect, send_file, url_for

from theodoi.nlp.agencies import resolve
from theodoi.tracking.chase_letter import Letterhead, chase_letter
from theodoi.tracking.report import build_workbook, csv_text
from theodoi.tracking.tasks import TaskView
from theodoi.web.auth import require_login
from theodoi.web.listing import Filters, narrow, read_filters, scoped_views

bp = Blueprint("exports", __name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _board_rows() -> tuple[list[TaskView], Filters, str]:
    filters = read_filters()
    return narrow(scoped_views(filters)[0], filters), filters, filters.agency or "Tất cả cơ quan"


def _my_rows() -> tuple[list[TaskView], Filters, str]:
    who = require_login()
    filters = read_filters()
    filters.role, filters.agency = filters.role or "lead", ""
    return narrow(scoped_views(filters, scope=who.agencies)[0], filters), filters, "; ".join(who.agencies)


def _xlsx(rows: list[TaskView], filters: Filters, scope: str, name: str):
    buffer = io.BytesIO()
    build_workbook(rows, scope=scope, as_of=filters.as_of).save(buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX, as_attachment=True,
                     download_name=f"{name}-{filters.as_of:%Y%m%d}.xlsx")


def _csv(rows: list[TaskView], filters: Filters, name: str) -> Response:
    return Response(csv_text(rows), mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{name}-{filters.as_of:%Y%m%d}.csv"'})


@bp.get("/tasks/export.xlsx")
def board_xlsx():
    """The board's filtered rows as an Excel workbook."""
    return _xlsx(*_board_rows(), "nhiem-vu")


@bp.get("/tasks/export.csv")
def board_csv():
    """The board's filtered rows as CSV."""
    rows, filters, _scope = _board_rows()
    return _csv(rows, filters, "nhiem-vu")


@bp.get("/my-agency/export.xlsx")
def mine_xlsx():
    """My agency's filtered rows as an Excel workbook."""
    return _xlsx(*_my_rows(), "nhiem-vu-co-quan")


@bp.get("/my-agency/export.csv")
def mine_csv():
    """My agency's filtered rows as CSV."""
    rows, filters, _scope = _my_rows()
    return _csv(rows, filters, "nhiem-vu-co-quan")


def _most_common(values) -> str:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else ""


@bp.get("/tasks/letter.docx")
def letter():
    """The chase-up letter to the agency of the filter, listing its overdue tracked tasks
    it leads; sent in the name of the body that gave most of them."""
    filters = read_filters()
    if not filters.agency:
        flash("Hãy chọn cơ quan cần đôn đốc (ô “Cơ quan” của bộ lọc).", "error")
        return redirect(url_for("tasks.index"))
    filters.status, filters.window, filters.role, filters.sort = "", "overdue", "lead", "deadline"
    rows = narrow(scoped_views(filters)[0], filters)
    agency = resolve(filters.agency) or filters.agency
    documents = [view.task.document for view in rows]
    head = Letterhead(issuer=_most_common(d.issuer for d in documents) or "Cơ quan ban hành",
                      parent=_most_common(d.parent_issuer for d in documents),
                      place=_most_common(d.place for d in documents))
    content = chase_letter(agency, rows, as_of=filters.as_of, letterhead=head)
    return send_file(io.BytesIO(content), mimetype=DOCX, as_attachment=True,
                     download_name=f"don-doc-{filters.as_of:%Y%m%d}.docx")
