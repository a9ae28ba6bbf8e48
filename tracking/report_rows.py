"""A report's rows (tasks with the progress the report states, see nlp `theodoi_reports`) as
status events on the tasks of the document that assigned them.

A row belongs to the document its `source_number` names, else to the document the report is
on (the first it reports on, urges or carries out; a plan's or decision's own table with a
status column holds its own tasks, not another document's, unless it reports on one). When that document is stored, each row
is matched to one of its tasks as a report's passage is (`evidence.match_tasks`: the
numbering, the wording, the lead body) and an automatic event is appended: the report as
evidence, the row as the passage, at the date the passage gives ("Ngày 31/3/2025 ... đã ban
hành"), else the report's. When it is not stored yet, the row stays a task of the report
with its status and source, and is attached when the directive arrives (`awaiting_reports`).
The row itself, a task of the report, gets the same event, so that lists and dashboards show
what the report says of it even while its directive is missing. A task already given an
event by the same report is not given another.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.store import repo
from theodoi.store.models import Citation, Document, StatusEvent, Task
from theodoi.tracking.evidence import Passage, match_tasks
from theodoi.tracking.labels import referenced_labels
from theodoi.tracking.links import PLAN_KINDS, number_key

# SCHEMA.md's reported values → the statuses a task's history records ("overdue" is derived
# from the due date, so a row said overdue or not done is recorded as still open)
RECORDED = {"done": "done", "done_late": "done_late", "in_progress": "in_progress", "not_done": "open",
            "overdue": "open"}
FOLLOWING = ("reports_on", "urges", "implements")


def report_rows(report: Document) -> list[Task]:
    """The tasks of `report` that carry a stated progress, in order."""
    return sorted((t for t in report.tasks if t.reported_status), key=lambda t: t.ordinal)


def row_directive(session: Session, report: Document, row: Task) -> Document | None:
    """The stored document `row` belongs to, or None while it is not stored."""
    citations = sorted(report.citations, key=lambda c: c.start)
    if row.source_number:
        key = number_key(row.source_number)
        cited = next((c for c in citations if c.cited_document_id and number_key(c.number) == key), None)
        if cited is not None:
            return session.get(Document, cited.cited_document_id)
        found = [d for d in session.scalars(select(Document).where(Document.number.is_not(None)))
                 if number_key(d.number) == key and d.id != report.id]
        return found[0] if len(found) == 1 else None
    following = FOLLOWING if report.kind not in PLAN_KINDS else ("reports_on", "urges")  # a plan's rows are its own
    followed = next((c for c in citations if c.cited_document_id and c.relation in following), None)
    return session.get(Document, followed.cited_document_id) if followed else None


def _event_time(report: Document, row: Task) -> dt.datetime:
    day = row.reported_date or report.date
    if day is None:
        return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.combine(day, dt.time())


def attach_rows(session: Session, report: Document) -> list[StatusEvent]:
    """Append a status event to the directive's task each row of `report` speaks of; rows
    whose directive is not stored wait. Running it twice adds nothing."""
    events: list[StatusEvent] = []
    touched: set[int] = set()
    already = set(session.scalars(select(StatusEvent.task_id).where(
        StatusEvent.evidence_document_id == report.id, StatusEvent.source == "auto")))
    already |= {t.id for t in report.tasks}
    for row in report_rows(report):
        if not row.events:  # the row itself shows what the report says of it, attached or not
            events.append(repo.add_status_event(
                session, row, status=RECORDED[row.reported_status], source="auto", note=f"«{row.reported_text}»",
                evidence_document_id=report.id, passage=row.text, at=_event_time(report, row)))
        directive = row_directive(session, report, row)
        if directive is None or directive.id == report.id:
            continue
        tasks = list(session.scalars(select(Task).where(Task.document_id == directive.id, Task.removed_at.is_(None))
                              .order_by(Task.ordinal)))
        passage = Passage(row.text, row.label, False, referenced_labels(row.text))
        for match in match_tasks(passage, tasks):
            if match.task.id in already:
                continue
            events.append(repo.add_status_event(
                session, match.task, status=RECORDED[row.reported_status], source="auto",
                note=f"«{row.reported_text}» (dòng {row.label or row.ordinal + 1} của báo cáo)",
                evidence_document_id=report.id, passage=row.text, at=_event_time(report, row)))
            already.add(match.task.id)
            touched.add(directive.id)
    if touched:
        repo.set_index_state(session, touched, "pending")
    return events


def awaiting_reports(session: Session, directive: Document) -> list[Document]:
    """The stored reports with rows that may belong to `directive`: rows naming its number, or
    reports whose citations resolve to it."""
    if directive.number is None:
        return []
    key = number_key(directive.number)
    digits = key.split("/")[0].split("-")[0]
    by_source = session.scalars(select(Task.document_id).where(
        Task.reported_status.is_not(None), Task.source_number.contains(digits)).distinct())
    by_link = session.scalars(select(Citation.document_id).where(Citation.cited_document_id == directive.id))
    ids = (set(by_source) | set(by_link)) - {directive.id}
    if not ids:
        return []
    with_rows = select(Task.document_id).where(Task.reported_status.is_not(None))
    return list(session.scalars(select(Document).where(Document.id.in_(ids), Document.id.in_(with_rows))
                                .order_by(Document.id)))


@dataclass
class RowView:
    """What a report's page shows of one row: the row, the directive it belongs to (None while
    not stored; `source_number` then names it) and the directive's task it updated."""

    row: Task
    directive: Document | None
    task: Task | None


def row_views(session: Session, report: Document) -> list[RowView]:
    """The rows of `report` with their directive and the task each one updated."""
    rows = report_rows(report)
    if not rows:
        return []
    events = session.scalars(select(StatusEvent).where(StatusEvent.evidence_document_id == report.id,
                                                       StatusEvent.source == "auto"))
    updated = {e.passage: e.task for e in events if e.task.document_id != report.id}
    return [RowView(row, row_directive(session, report, row), updated.get(row.text)) for row in rows]
