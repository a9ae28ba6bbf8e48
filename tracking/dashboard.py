"""Figures for the dashboard: the four VPCP groups and the on-time rate per agency, the open
overdue tasks by how long they are overdue, and the trend by month (tasks finished, tasks that
went overdue).

A task counts for the body that leads it today (after mergers). The on-time rate is the
share finished on time among the tasks whose deadline has come: done on time, done late,
and overdue still open (the tasks still in term are not judged yet).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from theodoi.tracking.tasks import TaskView

GROUPS = ("done_on_time", "done_late", "open_in_term", "overdue")
AGE_BUCKETS = ((30, "Đến 30 ngày"), (90, "31–90 ngày"), (180, "91–180 ngày"), (365, "181–365 ngày"),
               (None, "Trên 1 năm"))


@dataclass
class AgencyFigures:
    """One agency's tasks by VPCP group."""

    agency: str
    groups: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.groups[g] for g in GROUPS)

    @property
    def on_time_rate(self) -> float | None:
        """Done on time among the tasks whose deadline has come; None when none has."""
        judged = self.groups["done_on_time"] + self.groups["done_late"] + self.groups["overdue"]
        return self.groups["done_on_time"] / judged if judged else None


def by_agency(views: list[TaskView], limit: int | None = None) -> list[AgencyFigures]:
    """Figures per lead agency (its present-day name), the agencies with most tasks first;
    tasks without a fixed deadline are left out (they belong to no VPCP group)."""
    figures: dict[str, AgencyFigures] = {}
    for view in views:
        if view.state.group is None:
            continue
        for owner in dict.fromkeys(view.owners):
            figures.setdefault(owner, AgencyFigures(owner)).groups[view.state.group] += 1
    ranked = sorted(figures.values(), key=lambda f: (-f.total, f.agency))
    return ranked[:limit] if limit else ranked


def overdue_ages(views: list[TaskView]) -> list[tuple[str, int]]:
    """How many open tasks are overdue by up to 30, 90, 180, 365 days, and more."""
    counts = Counter()
    for view in views:
        days = view.state.overdue_days
        if days is None:
            continue
        label = next(label for bound, label in AGE_BUCKETS if bound is None or days <= bound)
        counts[label] += 1
    return [(label, counts[label]) for _, label in AGE_BUCKETS]


@dataclass
class Month:
    """One month of the trend: tasks finished in it, and tasks due in it not finished by their due date."""

    start: dt.date
    done: int = 0
    overdue: int = 0

    @property
    def label(self) -> str:
        return f"{self.start.month:02d}/{self.start.year}"


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def monthly_trend(views: list[TaskView], as_of: dt.date, months: int = 12) -> list[Month]:
    """The last `months` months up to `as_of`, oldest first: tasks finished (done, on time or
    late) in each, by the date of the event that finished them, and tasks that went overdue in
    each (due that month and, as of `as_of`, finished late or still open past it)."""
    trend = {_month_start(as_of, back): Month(_month_start(as_of, back)) for back in range(months - 1, -1, -1)}
    for view in views:
        event = view.state.deciding_event
        if view.state.recorded in ("done", "done_late") and event is not None:
            month = trend.get(_month_start(event.created_at.date()))
            if month is not None:
                month.done += 1
        if view.state.group in ("overdue", "done_late") and view.task.due < as_of:
            month = trend.get(_month_start(view.task.due))
            if month is not None:
                month.overdue += 1
    return list(trend.values())
