"""The queries of the task listings (board, my agency, dashboard): plain rows, no tasks loaded.

Each task's state is worked out by the database: the event that decides it on a day is the
last manual event known that day, else the last event (theodoi.tracking.status), picked by a
window over the history; the rest of the state follows from that event and the deadline
(`tracking.status.decided_state`). The bodies come as rows of their own, for the agency
filter and the owners. Like theodoi.store.repo, the only place with these queries.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Sequence

from sqlalchemy import ColumnElement, Date, Row, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, defer, selectinload
from sqlalchemy.sql.functions import FunctionElement

from theodoi.store.models import Document, StatusEvent, Task, TaskBody

CHUNK = 1000  # ids per IN list (SQLite allows a limited number of parameters)


class day_of(FunctionElement):  # noqa: N801 (an SQL function, named as one)
    """The day of a timestamp, as SQL: CAST(x AS DATE), date(x) on SQLite (which keeps
    timestamps and days as ISO text, so the day compares with a stored date)."""

    type = Date()
    inherit_cache = True


@compiles(day_of)
def _day_of(element, compiler, **kw):
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(day_of, "sqlite")
def _day_of_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)})"


def deciding_events(as_of: dt.date):
    """Per task, its events known on `as_of` ranked: rank 1 is the one that decides its state
    (manual events first, then the latest, the higher id first on equal times)."""
    manual_first = case((StatusEvent.source == "manual", 0), else_=1)
    rank = func.row_number().over(partition_by=StatusEvent.task_id,
                                  order_by=(manual_first, StatusEvent.created_at.desc(), StatusEvent.id.desc()))
    known = StatusEvent.created_at < dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    return select(StatusEvent.task_id, StatusEvent.status, StatusEvent.created_at,
                  rank.label("rank")).where(known).subquery("deciding")


def _in_force(query, documents: ColumnElement[bool] | None, due_before: dt.date | None):
    query = query.where(Task.removed_at.is_(None))
    if documents is not None:
        query = query.where(documents)
    return query.where(Task.due <= due_before) if due_before else query


def state_rows(session: Session, as_of: dt.date, documents: ColumnElement[bool] | None = None,
               due_before: dt.date | None = None) -> Sequence[Row]:
    """The tasks in force (of the `documents` matching a condition, due by a day) in listing
    order (document, ordinal): id, document_id, ordinal, due, deadline_kind, the document's
    date and number, and the status and time of the deciding event (None without one)."""
    decision = deciding_events(as_of)
    query = (select(Task.id, Task.document_id, Task.ordinal, Task.due, Task.deadline_kind, Document.date,
                    Document.number, decision.c.status, decision.c.created_at)
             .join(Document, Task.document_id == Document.id)
             .outerjoin(decision, and_(decision.c.task_id == Task.id, decision.c.rank == 1)))
    return session.execute(_in_force(query, documents, due_before).order_by(Task.document_id, Task.ordinal)).all()


def body_rows(session: Session, documents: ColumnElement[bool] | None = None,
              due_before: dt.date | None = None) -> Sequence[Row]:
    """The bodies of the same tasks as `state_rows`: task_id, role, canonical, text, is_group,
    each task's in their order."""
    query = (select(TaskBody.task_id, TaskBody.role, TaskBody.canonical, TaskBody.text, TaskBody.is_group)
             .join(Task, TaskBody.task_id == Task.id).join(Document, Task.document_id == Document.id))
    return session.execute(_in_force(query, documents, due_before)
                           .order_by(TaskBody.task_id, TaskBody.position, TaskBody.id)).all()


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    return (ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK))


def tasks_by_id(session: Session, ids: Sequence[int]) -> dict[int, Task]:
    """Tasks by id with what a listing row shows: the document (without its text), its file,
    the bodies and the history."""
    found = {}
    for chunk in _chunks(ids):
        found.update((task.id, task) for task in session.scalars(select(Task).where(Task.id.in_(chunk)).options(
            selectinload(Task.document).options(defer(Document.text), defer(Document.package),
                                                defer(Document.recipients)),
            selectinload(Task.document).selectinload(Document.file),
            selectinload(Task.bodies), selectinload(Task.events))))
    return found


def child_tasks(session: Session, parent_ids: Sequence[int]) -> list[Task]:
    """The tasks in force whose parent task is one of `parent_ids`, with their history."""
    children = []
    for chunk in _chunks(parent_ids):
        children += session.scalars(select(Task).where(Task.parent_task_id.in_(chunk), Task.removed_at.is_(None))
                                    .options(selectinload(Task.events)).order_by(Task.document_id, Task.ordinal))
    return children


def distinct_bodies(session: Session) -> Sequence[Row]:
    """Every distinct body named for a task: canonical, text, is_group (the agency filter
    decides on these once, not once per task)."""
    return session.execute(select(TaskBody.canonical, TaskBody.text, TaskBody.is_group).distinct()).all()
