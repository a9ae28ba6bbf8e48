"""The task listings as SQL: the board's and "my agency"'s counts and pages asked of the
database, which works out each task's state (tracking.status.state_columns) and its role for
the agencies asked; only the rows of the page shown are loaded (tracking.tasks.full_views).

The rows, filters and orders are those of tracking.tasks.listed_views and web.listing's
`narrow` (which the exports and the API use): tests/unit/tracking/test_task_query.py holds
them side by side on varied tasks.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, case, exists, func, null, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from theodoi.nlp.agencies import agency_key
from theodoi.store import task_rows
from theodoi.store.models import Document, Task, TaskBody
from theodoi.tracking.status import Decision, decided_state, state_columns
from theodoi.tracking.tasks import AGENCY_ROLES, ListedDocument, ListedTask, TaskView, body_role, owner_of

STATUS_ORDER = {"overdue": 0, "open": 1, "in_progress": 2, "done_late": 3, "done": 4, "cancelled": 5,
                "superseded": 6}  # the "status" sort: overdue first, unknown statuses last
WINDOW_DAYS = {"due7": 7, "due30": 30}


def _roles(session: Session, wanted: frozenset[str], as_of: dt.date):
    """Per task that concerns the wanted agencies, how: the first of its bodies' roles in
    AGENCY_ROLES (rank 1 lead, 2 support, 3 group), as a subquery (task_id, rank) over the
    bodies; the bodies that name them are picked once among the distinct bodies (`body_role`)."""
    named, groups = [], []  # (canonical or "", text) of the bodies naming one; texts of the groups covering one
    for body in task_rows.distinct_bodies(session):
        if not body_role("lead", body.canonical, body.text, body.is_group, wanted, as_of):
            continue
        if body.is_group:
            groups.append(body.text)
        else:
            named.append((body.canonical or "", body.text))
    names = tuple_(func.coalesce(TaskBody.canonical, ""), TaskBody.text).in_(named)
    rank = case((and_(~TaskBody.is_group, TaskBody.role == "lead", names), 1),
                (and_(~TaskBody.is_group, TaskBody.role == "support", names), 2),
                (and_(TaskBody.is_group, TaskBody.text.in_(groups)), 3), else_=null())
    return (select(TaskBody.task_id, func.min(rank).label("rank")).where(rank.is_not(None))
            .group_by(TaskBody.task_id).subquery("roles"))


@dataclass
class Listing:
    """The tasks in force of the documents matching a condition (due by a day; concerning the
    wanted agencies, when asked), with their state as of a day, as an SQL subquery."""

    session: Session
    as_of: dt.date
    rows: object  # the subquery: id, document_id, ordinal, due, deadline_kind, date, number,
    #               status, created_at (the deciding event's), recorded, display, grp, role
    conditions: tuple = ()  # on the rows, for every count and page (`where`)

    @classmethod
    def of(cls, session: Session, as_of: dt.date, documents: ColumnElement[bool] | None = None,
           due_before: dt.date | None = None, wanted: frozenset[str] | None = None) -> "Listing":
        decision = task_rows.deciding_events(as_of)
        recorded, display, group = state_columns(decision.c.status, decision.c.created_at, Task.due,
                                                 Task.deadline_kind, as_of)
        roles = _roles(session, wanted, as_of) if wanted is not None else None
        role = null() if roles is None else case(*((roles.c.rank == n, name)
                                                    for n, name in enumerate(AGENCY_ROLES, 1)))
        query = (select(Task.id, Task.document_id, Task.ordinal, Task.due, Task.deadline_kind, Document.date,
                        Document.number, decision.c.status, decision.c.created_at, recorded.label("recorded"),
                        display.label("display"), group.label("grp"), role.label("role"))
                 .outerjoin(Document, Task.document_id == Document.id)  # every task has one: a count skips it
                 .outerjoin(decision, and_(decision.c.task_id == Task.id, decision.c.rank == 1))
                 .where(Task.removed_at.is_(None)))
        if roles is not None:  # only the tasks that concern the agencies
            query = query.join(roles, roles.c.task_id == Task.id)
        if documents is not None:  # the documents picked apart (by the index on tracked_at, say), not per task
            query = query.where(Task.document_id.in_(select(Document.id).where(documents).correlate(None)))
        if due_before:
            query = query.where(Task.due <= due_before)
        return cls(session, as_of, query.subquery("listing"))

    def where(self, *conditions: ColumnElement[bool]) -> "Listing":
        """The same listing with only the rows that meet more conditions."""
        return replace(self, conditions=self.conditions + conditions)

    def led_by(self, keys: frozenset[str]) -> ColumnElement[bool]:
        """The condition that a task has a lead body owned on the listing's day (after mergers)
        by one of the agencies of `keys` (agency_key)."""
        named = [(body.canonical or "", body.text) for body in task_rows.distinct_bodies(self.session)
                 if agency_key(owner_of(body.canonical, body.text, self.as_of)) in keys]
        body = aliased(TaskBody)
        return exists().where(body.task_id == self.rows.c.id, body.role == "lead",
                              tuple_(func.coalesce(body.canonical, ""), body.text).in_(named))

    def narrowed(self, *, status: str = "", window: str = "", role: str = "") -> list[ColumnElement[bool]]:
        """The conditions of the status ("overdue" or a recorded one), window (overdue, due7,
        due30) and role filters (see web.listing.narrow)."""
        rows, conditions = self.rows.c, []
        if status:
            conditions.append(or_(rows.display == status, rows.recorded == status))
        if window == "overdue":
            conditions.append(rows.display == "overdue")
        elif window:
            last = self.as_of + dt.timedelta(days=WINDOW_DAYS[window])
            conditions.append(and_(rows.grp == "open_in_term", rows.due >= self.as_of, rows.due <= last))
        if role:
            conditions.append(rows.role == role)
        return conditions

    def count(self, **filters) -> int:
        """How many rows pass the filters (see `narrowed`)."""
        return self.session.scalar(select(func.count()).select_from(self.rows)
                                   .where(*self.conditions, *self.narrowed(**filters)))

    def counts(self, column: str, **filters) -> Counter:
        """How many rows pass the filters, by the value of a column (grp, role, display)."""
        by = self.rows.c[column]
        query = (select(by, func.count()).select_from(self.rows).where(*self.conditions, *self.narrowed(**filters))
                 .group_by(by))
        return Counter(dict(self.session.execute(query).all()))

    def order(self, sort: str, descending: bool) -> list:
        """ORDER BY of web.listing.sort_views: deadline (tasks without a due date last either
        way), document (issue date, number, ordinal) or status (overdue first, the longest
        overdue first); rows equal on the key keep the listing's order (document, ordinal)."""
        rows = self.rows.c
        if sort == "deadline":
            key = [rows.due.desc(), rows.document_id.desc(), rows.ordinal.desc()] if descending else [
                rows.due, rows.document_id, rows.ordinal]
            return [rows.due.is_(None), *key]
        if sort == "document":  # an undated document sorts as the earliest
            number = func.coalesce(rows.number, "")
            number = number.collate("C") if self.session.bind.dialect.name == "postgresql" else number
            undated = rows.date.is_(None)
            key = [undated, *(part.desc() for part in (rows.date, number, rows.ordinal))] if descending else [
                undated.desc(), rows.date, number, rows.ordinal]
        else:
            status = case(*((rows.display == name, rank) for name, rank in STATUS_ORDER.items()), else_=9)
            key = [status, rows.due.is_(None), rows.due]
            key = [part.desc() for part in key] if descending else key
        return [*key, rows.document_id, rows.ordinal]

    def sums(self, **conditions: ColumnElement[bool]) -> dict[str, int]:
        """How many rows meet each of some conditions on them, in one query: name → count."""
        query = select(*(func.coalesce(func.sum(case((condition, 1), else_=0)), 0).label(name)
                         for name, condition in conditions.items())).select_from(self.rows).where(*self.conditions)
        return dict(self.session.execute(query).one()._mapping)

    def lead_bodies(self, *conditions: ColumnElement[bool]) -> list:
        """The lead bodies of the rows meeting the conditions: (task id, grp, canonical, text)."""
        query = (select(self.rows.c.id, self.rows.c.grp, TaskBody.canonical, TaskBody.text)
                 .join(TaskBody, and_(TaskBody.task_id == self.rows.c.id, TaskBody.role == "lead"))
                 .where(*self.conditions, *conditions))
        return self.session.execute(query).all()

    def page(self, *, sort: str, descending: bool, offset: int, limit: int, **filters) -> list[TaskView]:
        """The rows of one page, in order, as listing rows (tracking.tasks.full_views loads them)."""
        query = (select(self.rows).where(*self.conditions, *self.narrowed(**filters))
                 .order_by(*self.order(sort, descending))
                 .offset(offset).limit(limit))
        return [self.view(row) for row in self.session.execute(query)]

    def view(self, row) -> TaskView:
        """A listing row (no owners: the page's rows get theirs when loaded)."""
        task = ListedTask(row.id, row.document_id, row.ordinal, row.due, row.deadline_kind,
                          ListedDocument(row.document_id, row.date, row.number))
        decision = Decision(row.status, row.created_at) if row.status is not None else None
        return TaskView(task=task, state=decided_state(decision, row.due, row.deadline_kind, self.as_of),
                        owners=[], role=row.role)
