"""A task's status derived from its history, its deadline and the day it is looked at."""
from __future__ import annotations

import datetime as dt

from theodoi.store.models import StatusEvent, Task
from theodoi.tracking.status import task_state

DUE = dt.date(2021, 6, 30)


def task(due=DUE, kind="date", events=()):
    t = Task(text="xây dựng kế hoạch", ordinal=0, start=0, end=1, due=due, deadline_kind=kind)
    for i, (status, source, day) in enumerate(events):
        t.events.append(StatusEvent(id=i + 1, status=status, source=source,
                                    created_at=dt.datetime.combine(day, dt.time(9))))
    return t


def test_open_task_before_its_deadline_is_in_term():
    state = task_state(task(), as_of=dt.date(2021, 6, 1))
    assert (state.display, state.group, state.overdue_days) == ("open", "open_in_term", None)


def test_open_task_after_its_deadline_is_overdue_with_its_age():
    state = task_state(task(), as_of=dt.date(2021, 7, 10))
    assert (state.display, state.group, state.overdue_days) == ("overdue", "overdue", 10)
    assert state.recorded == "open"


def test_ongoing_and_recurring_tasks_are_never_overdue():
    for kind in ("ongoing", "recurring"):
        state = task_state(task(due=None, kind=kind), as_of=dt.date(2030, 1, 1))
        assert state.display == "open" and state.group is None


def test_done_on_time_and_done_late():
    on_time = task(events=[("done", "auto", dt.date(2021, 6, 20))])
    late = task(events=[("done", "auto", dt.date(2021, 8, 2))])
    assert task_state(on_time, as_of=dt.date(2022, 1, 1)).group == "done_on_time"
    state = task_state(late, as_of=dt.date(2022, 1, 1))
    assert (state.display, state.group) == ("done_late", "done_late")


def test_manual_decision_is_not_overwritten_by_a_later_automatic_event():
    t = task(events=[("in_progress", "auto", dt.date(2021, 5, 1)),
                     ("done", "manual", dt.date(2021, 6, 1)),
                     ("in_progress", "auto", dt.date(2021, 6, 15))])
    state = task_state(t, as_of=dt.date(2021, 7, 1))
    assert state.recorded == "done"
    assert state.unconfirmed_event.status == "in_progress"


def test_latest_automatic_event_counts_when_there_is_no_manual_one():
    t = task(events=[("open", "auto", dt.date(2021, 5, 1)), ("in_progress", "auto", dt.date(2021, 6, 1))])
    assert task_state(t, as_of=dt.date(2021, 6, 2)).display == "in_progress"


def test_events_after_the_as_of_day_are_not_yet_known():
    t = task(events=[("done", "auto", dt.date(2021, 8, 2))])
    assert task_state(t, as_of=dt.date(2021, 7, 1)).display == "overdue"
    assert task_state(t, as_of=dt.date(2021, 9, 1)).display == "done_late"
