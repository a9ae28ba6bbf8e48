"""Figures for the dashboard: the four VPCP groups and the on-time rate per agency, the open
overdue tasks by how long they are overdue, and the trend by month (tasks finished, tasks that
went overdue).

A task counts for the body that leads it today (after mergers). The on-time rate is the
share finished on time among the tasks whose deadline has come: done on time, done late,
and overdue still open (the tasks still in term are not judged yet). The figures are asked of
the database (a tracking.task_query.Listing): no task is loaded.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import and_

from theodoi.tracking.task_query import Listing
from theodoi.tracking.tasks import owner_of

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


def by_agency(listing: Listing, limit: int | None = None) -> list[AgencyFigures]:
    """Figures per lead agency (its present-day name), the agencies with most tasks first;
    tasks without a fixed deadline are left out (they belong to no VPCP group)."""
    figures: dict[str, AgencyFigures] = {}
    counted = set()  # (task, owner): a task led by two bodies of one owner counts once for it
    for task_id, group, canonical_name, text in listing.lead_bodies(listing.rows.c.grp.is_not(None)):
        owner = owner_of(canonical_name, text, listing.as_of)
        if (task_id, owner) not in counted:
            counted.add((task_id, owner))
            figures.setdefault(owner, AgencyFigures(owner)).groups[group] += 1
    ranked = sorted(figures.values(), key=lambda f: (-f.total, f.agency))
    return ranked[:limit] if limit else ranked


def overdue_ages(listing: Listing) -> list[tuple[str, int]]:
    """How many open tasks are overdue by up to 30, 90, 180, 365 days, and more."""
    rows, conditions, newer = listing.rows.c, {}, None
    for bound, label in AGE_BUCKETS:  # overdue by up to `bound` days: due on or after as_of - bound
        oldest = listing.as_of - dt.timedelta(days=bound) if bound is not None else None
        in_bucket = [rows.display == "overdue"]
        if oldest is not None:
            in_bucket.append(rows.due >= oldest)
        if newer is not None:
            in_bucket.append(rows.due < newer)
        conditions[label] = and_(*in_bucket)
        newer = oldest
    counts = listing.sums(**conditions)
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


def monthly_trend(listing: Listing, months: int = 12) -> list[Month]:
    """The last `months` months up to the listing's day, oldest first: tasks finished (done, on
    time or late) in each, by the date of the event that finished them, and tasks that went
    overdue in each (due that month and, as of that day, finished late or still open past it)."""
    as_of, rows = listing.as_of, listing.rows.c
    trend = [Month(_month_start(as_of, back)) for back in range(months - 1, -1, -1)]
    bounds = [(month, trend[n + 1].start if n + 1 < len(trend) else _month_start(as_of, -1))
              for n, month in enumerate(trend)]
    finished = and_(rows.recorded.in_(("done", "done_late")), rows.created_at.is_not(None))
    went_overdue = and_(rows.grp.in_(("overdue", "done_late")), rows.due < as_of)
    conditions = {}
    for n, (month, end) in enumerate(bounds):
        start, after = (dt.datetime.combine(day, dt.time()) for day in (month.start, end))
        conditions[f"done{n}"] = and_(finished, rows.created_at >= start, rows.created_at < after)
        conditions[f"overdue{n}"] = and_(went_overdue, rows.due >= month.start, rows.due < end)
    counts = listing.sums(**conditions)
    for n, month in enumerate(trend):
        month.done, month.overdue = counts[f"done{n}"], counts[f"overdue{n}"]
    return trend
