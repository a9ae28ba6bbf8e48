"""Targets against figures reached: met or not by the target's comparator, the latest figure by a day."""
from __future__ import annotations

import datetime as dt

import pytest

from theodoi.store.models import Target, TargetProgress
from theodoi.tracking.target_figures import TargetFigure, latest_reached, target_figures


def target(comparator: str, value: float, *figures: tuple[float, dt.date | None]) -> Target:
    made = Target(id=1, document_id=1, start=0, comparator=comparator, value=value, unit="%",
                  indicator="hộ dân dùng nước sạch", text="")
    made.progress = [TargetProgress(id=i, value=v, unit="%", text="", as_of=day) for i, (v, day) in enumerate(figures)]
    return made


@pytest.mark.parametrize("comparator, goal, reached, met, share", [
    (">", 90, 90, False, 1.0), (">", 90, 95, True, 95 / 90), (">=", 90, 90, True, 1.0), ("=", 100, 80, False, 0.8),
    ("<", 5, 4, True, 1.0), ("<=", 5, 10, False, 0.5), ("<", 5, 5, False, 1.0)])
def test_met_by_comparator(comparator, goal, reached, met, share):
    figure = TargetFigure(target(comparator, goal), TargetProgress(value=reached, unit="%", text=""))
    assert figure.met is met and figure.share == pytest.approx(share)


def test_latest_figure_known_on_a_day():
    made = target(">", 90, (70, dt.date(2024, 3, 1)), (85, dt.date(2024, 9, 1)), (80, dt.date(2024, 6, 1)))
    assert latest_reached(made, dt.date(2024, 7, 1)).value == 80
    assert latest_reached(made, dt.date(2025, 1, 1)).value == 85
    assert latest_reached(made, dt.date(2024, 1, 1)) is None
    assert target_figures([made], dt.date(2024, 1, 1))[0].met is None
