"""A task given to a group ("các sở, ban, ngành") is on each member's board."""
from __future__ import annotations

import datetime as dt

from theodoi.store.models import Task, TaskBody
from theodoi.tracking.tasks import agency_keys, agency_role


def matches_agency(task: Task, agency: str, as_of: dt.date | None = None) -> bool:
    return agency_role(task, agency_keys([agency], as_of), as_of) is not None


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


def _task(*bodies: tuple[str, str, bool]) -> Task:
    t = Task(text="báo cáo kết quả", ordinal=0, start=0, end=1)
    for position, (role, text, is_group) in enumerate(bodies):
        t.bodies.append(TaskBody(role=role, position=position, text=text, canonical=None, is_group=is_group))
    return t


def test_every_spelling_of_a_body_finds_the_same_tasks():
    lead = _task(("lead", "Sở Thông tin và Truyền thông", False))
    support = _task(("lead", "Sở Nội vụ", False), ("support", "Sở TT&TT", False))
    other = _task(("lead", "Sở Tài chính", False))
    for typed in ("Sở TT&TT", "so tt&tt", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "so thong tin va truyen thong"):
        roles = [agency_role(t, agency_keys([typed])) for t in (lead, support, other)]
        assert roles == ["lead", "support", None], typed


def test_a_group_task_is_told_apart_and_the_wording_is_not_searched():
    given_to_ministries = _task(("lead", "các bộ, ngành", True))
    mentions_ministry = Task(text="phối hợp với Bộ Tư pháp rà soát", ordinal=0, start=0, end=1)
    mentions_ministry.bodies.append(TaskBody(role="lead", position=0, text="Sở Tư pháp", canonical=None))
    assert agency_role(given_to_ministries, agency_keys(["bo tu phap"])) == "group"
    assert agency_role(mentions_ministry, agency_keys(["Bộ Tư pháp"])) is None


def test_an_officers_scope_takes_in_successors_but_a_filter_does_not():
    old_body = _task(("lead", "Sở Thông tin và Truyền thông", False))
    new_body = _task(("lead", "Sở Khoa học và Công nghệ", False))
    after = dt.date(2025, 6, 1)
    officer_of_old = agency_keys(["Sở TT&TT"], after, successors=True)
    assert agency_role(new_body, officer_of_old, after) == "lead"
    assert agency_role(old_body, agency_keys(["Sở KH&CN"], after), after) == "lead"  # its duties moved there
    assert agency_role(new_body, agency_keys(["Sở TT&TT"], after), after) is None
