"""A task's status, derived from its append-only history and its deadline.

Recorded statuses are the ones in theodoi.domain.TASK_STATUSES. "overdue" is never
recorded: it is derived from the deadline and an "as of" date. Ongoing (thường xuyên)
and recurring (hằng tháng, định kỳ) tasks are never overdue. A manual decision stands
until another manual one; a later automatic event is kept and shown beside it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import and_, case, func, null

from theodoi.store.models import StatusEvent, Task
from theodoi.store.task_rows import day_of

FINISHED = ("done", "done_late", "cancelled", "superseded")
NO_FIXED_DUE = ("ongoing", "recurring")


@dataclass
class TaskState:
    """What an officer sees of a task on a given day."""

    recorded: str  # the status from the history ("open" when there is none)
    display: str  # recorded, or "overdue"
    overdue_days: int | None  # days past the due date, for open overdue tasks
    group: str | None  # VPCP groups: done_on_time, done_late, open_in_term, overdue; None if no fixed due
    deciding_event: "StatusEvent | Decision | None"
    unconfirmed_event: StatusEvent | None  # a later automatic event that differs from a manual decision


class Decision(NamedTuple):
    """The status and time of the event that decides a task's state, as the listings' query
    reads them (theodoi.store.task_rows) without loading the event."""

    status: str
    created_at: dt.datetime


def _deciding_events(task: Task, as_of: dt.date) -> tuple[StatusEvent | None, StatusEvent | None]:
    events = sorted((e for e in task.events if e.created_at.date() <= as_of), key=lambda e: (e.created_at, e.id))
    manual = [e for e in events if e.source == "manual"]
    if not manual:
        return (events[-1] if events else None), None
    decision = manual[-1]
    later_auto = [e for e in events if e.source != "manual" and (e.created_at, e.id) > (decision.created_at, decision.id)]
    unconfirmed = later_auto[-1] if later_auto and later_auto[-1].status != decision.status else None
    return decision, unconfirmed


def task_state(task: Task, as_of: dt.date | None = None) -> TaskState:
    """The status of `task` as of a day (today by default); later events are not yet known."""
    as_of = as_of or dt.date.today()
    deciding, unconfirmed = _deciding_events(task, as_of)
    return decided_state(deciding, task.due, task.deadline_kind, as_of, unconfirmed)


def decided_state(deciding: "StatusEvent | Decision | None", due: dt.date | None, deadline_kind: str | None,
                  as_of: dt.date, unconfirmed: StatusEvent | None = None) -> TaskState:
    """The state of a task with this deadline whose deciding event (as of `as_of`) is `deciding`."""
    recorded = deciding.status if deciding else "open"
    if recorded == "done" and due and deciding and deciding.created_at.date() > due:
        recorded = "done_late"
    has_fixed_due = due is not None and deadline_kind not in NO_FIXED_DUE
    overdue = has_fixed_due and recorded not in FINISHED and due < as_of
    group = None
    if has_fixed_due:
        if recorded == "done":
            group = "done_on_time"
        elif recorded == "done_late":
            group = "done_late"
        elif recorded not in FINISHED:
            group = "overdue" if overdue else "open_in_term"
    return TaskState(
        recorded=recorded, display="overdue" if overdue else recorded,
        overdue_days=(as_of - due).days if overdue else None, group=group,
        deciding_event=deciding, unconfirmed_event=unconfirmed)


def state_columns(status, decided_at, due, deadline_kind, as_of: dt.date) -> tuple:
    """`decided_state` as SQL: (recorded, display, group) expressions over the deciding event's
    status and time (NULL without one) and the task's due date and deadline kind."""
    recorded = case((status.is_(None), "open"),
                    (and_(status == "done", due.is_not(None), day_of(decided_at) > due), "done_late"),
                    else_=status)
    fixed = and_(due.is_not(None), func.coalesce(deadline_kind, "").not_in(NO_FIXED_DUE))
    overdue = and_(fixed, recorded.not_in(FINISHED), due < as_of)
    display = case((overdue, "overdue"), else_=recorded)
    group = case((~fixed, null()), (recorded == "done", "done_on_time"), (recorded == "done_late", "done_late"),
                 (recorded.in_(FINISHED), null()), (overdue, "overdue"), else_="open_in_term")
    return recorded, display, group
