"""A task given to a group ("các sở, ban, ngành") is on each member's board."""
from __future__ import annotations

import datetime as dt

from theodoi.store.models import Task, TaskBody
from theodoi.tracking.tasks import matches_agency


def task(text: str, is_group: bool) -> Task:
    t = Task(text="rà soát thủ tục hành chính", ordinal=0, start=0, end=1)
    t.bodies.append(TaskBody(role="lead", position=0, text=text, canonical=None, is_group=is_group))
    return t


def test_a_department_finds_the_tasks_of_its_group():
    given_to_all = task("các sở, ban, ngành tỉnh", is_group=True)
    assert matches_agency(given_to_all, "Sở Y tế")
    assert matches_agency(given_to_all, "so y te tinh Long An")
    assert matches_agency(given_to_all, "Sở TT&TT")
    assert not matches_agency(given_to_all, "Bộ Y tế")


def test_the_successor_of_a_merged_department_finds_the_group_task():
    given_to_all = task("các sở, ngành", is_group=True)
    assert matches_agency(given_to_all, "Sở Khoa học và Công nghệ", as_of=dt.date(2025, 6, 1))


def test_a_single_body_is_not_a_group():
    assert not matches_agency(task("Sở Nội vụ", is_group=False), "Sở Y tế")
