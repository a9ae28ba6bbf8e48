"""Targets against the figures reached, for the dashboard: each target of a tracked document
with the latest figure a report gave for it by a day, how far along it is and whether it is met;
for a choice of agencies, the targets whose tasks they are given.

A target to exceed or reach ("trên 90%", "ít nhất 500", "đạt 100%") is met when the figure
reaches it; a ceiling ("dưới 5%", "không quá 10 ngày") when the figure stays at or under it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from theodoi.nlp.agencies import agency_key
from theodoi.store.models import Target, TargetProgress
from theodoi.tracking.tasks import body_owner

CEILINGS = {"<", "<="}


@dataclass
class TargetFigure:
    """A target and the latest figure reached for it by a day (None when no report gave one)."""

    target: Target
    reached: TargetProgress | None

    @property
    def share(self) -> float | None:
        """How far along, 1.0 = the target (a ceiling: the target over the figure); None without a figure."""
        if self.reached is None:
            return None
        value, goal = self.reached.value, self.target.value
        if self.target.comparator in CEILINGS:
            return 1.0 if value <= goal else goal / value
        return value / goal if goal else None

    @property
    def met(self) -> bool | None:
        if self.reached is None:
            return None
        value, goal, comparator = self.reached.value, self.target.value, self.target.comparator
        if comparator == "<":
            return value < goal
        if comparator == "<=":
            return value <= goal
        if comparator == ">":
            return value > goal
        return value >= goal


def latest_reached(target: Target, as_of: dt.date) -> TargetProgress | None:
    """The newest figure of the target reported by `as_of` (undated figures count as known)."""
    known = [p for p in target.progress if p.as_of is None or p.as_of <= as_of]
    return max(known, key=lambda p: (p.as_of or dt.date.min, p.id), default=None)


def given_to(target: Target, keys: frozenset[str], as_of: dt.date) -> bool:
    """Whether a task in force serving the target is led by one of the agencies `keys`
    (tracking.tasks.agency_keys), under the name of the body that leads it on `as_of`: the
    dashboard's rule for the tasks it counts."""
    return any(agency_key(body_owner(body, as_of)) in keys for task in target.tasks for body in task.lead)


def target_figures(targets: Iterable[Target], as_of: dt.date) -> list[TargetFigure]:
    """The targets with the figure reached by `as_of`: those with a figure first (furthest behind
    first), then those without, by document and position."""
    figures = [TargetFigure(target, latest_reached(target, as_of)) for target in targets]
    return sorted(figures, key=lambda f: (f.reached is None, f.share if f.share is not None else 0.0,
                                          f.target.document_id, f.target.start))
