"""A task's status, derived from its append-only history and its deadline.

Recorded statuses are the ones in theodoi.domain.TASK_STATUSES. "overdue" is never
recorded: it is derived from the deadline and an "as of" date. Ongoing (thường xuyên)
and recurring (hằng tháng, định kỳ) tasks are never overdue. A manual decision stands
until another manual one; a later automatic event is kept and shown beside it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from theodoi.store.models import StatusEvent, Task

FINISHED = {"done", "done_late", "cancelled", "superseded"}
NO_FIXED_DUE = {"ongoing", "recurring"}


@dataclass
class TaskState:
    """What an officer sees of a task on a given day."""

    recorded: str  # the status from the history ("open" when there is none)
    display: str  # recorded, or "overdue"
    overdue_days: int | None  # days past the due date, for open overdue tasks
    group: str | None  # VPCP groups: done_on_time, done_late, open_in_term, overdue; None if no fixed due
    deciding_event: StatusEvent | None
    unconfirmed_event: StatusEvent | None  # a later automatic event that differs from a manual decision


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
    recorded = deciding.status if deciding else "open"
    if recorded == "done" and task.due and deciding and deciding.created_at.date() > task.due:
        recorded = "done_late"
    has_fixed_due = task.due is not None and task.deadline_kind not in NO_FIXED_DUE
    overdue = has_fixed_due and recorded not in FINISHED and task.due < as_of
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
        overdue_days=(as_of - task.due).days if overdue else None, group=group,
        deciding_event=deciding, unconfirmed_event=unconfirmed)
