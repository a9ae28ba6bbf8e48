"""A report's passages become status events of the tasks it reports on, and its figures
progress of the targets."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from theodoi.store import repo
from theodoi.store.models import StatusEvent, Target, TargetProgress, Task
from theodoi.tracking.evidence import Passage, match_tasks, passages, read_status
from theodoi.tracking.labels import normalize_label
from theodoi.tracking.followup import relink
from theodoi.tracking.status import task_state
from theodoi.tracking.updates import update_status


@pytest.mark.parametrize("text, status", [
    ("Về nội dung này: Đã hoàn thành.", "done"),
    ("UBND tỉnh đã ban hành Kế hoạch số 12/KH-UBND ngày 5/3/2023.", "done"),
    ("Sở đang triển khai xây dựng, dự kiến xong trong quý I/2024.", "in_progress"),
    ("Nhiệm vụ chưa hoàn thành do thiếu kinh phí.", "in_progress"),
    ("Đã hoàn thành số hóa dữ liệu tại 5/9 huyện.", "in_progress"),
    ("Đến nay chưa triển khai do chưa bố trí được vốn.", "open"),
    ("Chưa thực hiện.", "open"),
    ("Đang thực hiện. Đã hoàn thành số hóa tại 5 huyện.", "in_progress"),
])
def test_status_words(text, status):
    assert read_status(text)[0] == status


def test_a_deadline_is_not_a_status():
    assert read_status("Sở Xây dựng hoàn thành trong quý II/2024.") is None


def test_passages_keep_numbering_and_skip_looking_ahead(report_text):
    found = passages(report_text)
    numbered = [(p.label, p.looking_ahead) for p in found if p.label]
    assert numbered == [("1", False), ("2", False), ("3", False), ("1", True)]
    assert normalize_label("2a)") == "2.a" == normalize_label("2. a")


def _events(store):
    with store.session() as session:
        rows = session.scalars(select(StatusEvent).order_by(StatusEvent.id))
        return [(e.task.label, e.status, e.source, e.evidence_document_id, e.created_at.date(), e.passage)
                for e in rows]


def _check_report_evidence(store, report_id):
    events = {label: rest for label, *rest in _events(store)}
    assert set(events) == {"1", "2", "3"}  # task 4 is only in the looking-ahead section
    assert events["1"][0] == "done"  # labelled 1 in both, wording agrees
    assert events["3"][0] == "in_progress"  # the report numbers it 2: wording wins over numbering
    assert events["2"][0] == "open"
    for status, source, evidence, at, passage in events.values():
        assert (source, evidence, at) == ("auto", report_id, dt.date(2023, 12, 20))
    assert events["3"][4].startswith("Về cổng thông tin du lịch thông minh")


def test_report_stored_after_the_plan(any_store, add_plan, add_report):
    add_plan(any_store)
    report = add_report(any_store)
    _check_report_evidence(any_store, report)


def test_report_stored_before_the_plan(any_store, add_plan, add_report):
    report = add_report(any_store)
    assert _events(any_store) == []
    add_plan(any_store)
    _check_report_evidence(any_store, report)


def test_reading_again_records_nothing_twice(any_store, add_plan, add_report):
    add_plan(any_store)
    add_report(any_store)
    before = _events(any_store)
    with any_store.transaction() as session:
        relink(session)
    assert _events(any_store) == before


def test_figures_reached_are_recorded_against_the_targets(any_store, add_plan, add_report):
    add_plan(any_store)
    report = add_report(any_store)
    with any_store.session() as session:
        rows = {p.target.indicator: p for p in session.scalars(select(TargetProgress))}
        assert {k: v.value for k, v in rows.items()} == {"lượt khách du lịch": 3_200_000,
                                                         "cơ sở lưu trú đạt chuẩn": 65}
        lodging = rows["cơ sở lưu trú đạt chuẩn"]
        assert (lodging.unit, lodging.evidence_document_id, lodging.as_of) == ("%", report, dt.date(2023, 12, 20))
        assert "đến nay đạt 65%" in lodging.passage
        assert len(list(session.scalars(select(Target)))) == 2  # the goals restated in the plan are not progress


def test_overdue_and_done_late_follow_from_the_report(any_store, add_plan, add_report):
    add_plan(any_store)
    add_report(any_store)
    with any_store.session() as session:
        tasks = {t.label: t for t in session.scalars(select(Task).where(Task.label.is_not(None)))
                 if t.document.kind == "Kế hoạch"}
        as_of = dt.date(2024, 1, 15)
        assert task_state(tasks["1"], as_of).group == "done_late"  # due Q3/2023, reported done 20/12/2023
        assert task_state(tasks["3"], as_of).display == "overdue"  # due 30/6/2023, still in progress
        assert task_state(tasks["2"], as_of).group == "open_in_term"  # due 2024, not started
        assert task_state(tasks["4"], as_of).display == "overdue"  # nothing reported, due 12/2023


def test_manual_update_is_not_overwritten_by_a_later_report(any_store, add_plan, add_report):
    add_plan(any_store)
    with any_store.session() as session:
        task_id = session.scalar(select(Task.id).where(Task.label == "3"))
    update_status(any_store, task_id, status="done", user="Nguyễn Văn An", note="Cổng đã vận hành",
                  settings=any_store.settings)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    add_report(any_store, date=tomorrow)  # says "đang triển khai", later
    with any_store.session() as session:
        task = session.get(Task, task_id)
        state = task_state(task, as_of=tomorrow)
        assert state.recorded == "done_late"  # the officer marked it done after its deadline
        assert (state.deciding_event.status, state.deciding_event.source) == ("done", "manual")
        assert state.unconfirmed_event.status == "in_progress"
        assert [e.source for e in task.events] == ["manual", "auto"]


def test_no_task_is_chosen_when_two_fit_equally():
    tasks = [Task(id=1, ordinal=0, label="1", text="Rà soát quy hoạch du lịch", start=0, end=1),
             Task(id=2, ordinal=1, label="2", text="Rà soát quy hoạch du lịch", start=0, end=1)]
    assert match_tasks(Passage("Đã hoàn thành rà soát quy hoạch du lịch.", None, False), tasks) == []


def test_a_report_marks_its_directive_for_reindexing(any_store, add_plan, add_report):
    """Events recorded from a report change the directive's task statuses (a search filter):
    the directive waits as "index pending" until the search index is updated."""
    plan_id = add_plan(any_store)
    with any_store.transaction() as session:
        repo.set_index_state(session, [plan_id], "indexed")
    report_id = add_report(any_store)
    with any_store.session() as session:
        assert plan_id in repo.document_ids(session, index_state="pending")
        assert report_id in repo.document_ids(session, index_state="pending")


def test_a_passage_that_opens_with_its_date_dates_the_event(any_store, add_plan, add_document, cite):
    text = ("Báo cáo kết quả thực hiện Kế hoạch số 20/KH-UBND\n"
            "1. Ngày 20/9/2023, Sở Văn hóa, Thể thao và Du lịch đã hoàn thành xây dựng Đề án phát triển "
            "sản phẩm du lịch cộng đồng.\n"
            "3. Sở Thông tin và Truyền thông đã hoàn thành xây dựng cổng thông tin du lịch thông minh.\n")
    add_plan(any_store)
    add_document(any_store, number="160/BC-UBND", kind="Báo cáo", date=dt.date(2024, 2, 1), text=text,
                 title="Kết quả thực hiện Kế hoạch số 20/KH-UBND",
                 citations=[cite(text, "20/KH-UBND", relation="reports_on", kind="Kế hoạch")], name="bc-160.txt")
    with any_store.session() as session:
        tasks = {t.label: t for t in session.scalars(select(Task).where(Task.label.is_not(None)))
                 if t.document.kind == "Kế hoạch"}
        as_of = dt.date(2024, 3, 1)
        assert tasks["1"].events[-1].created_at.date() == dt.date(2023, 9, 20)
        assert task_state(tasks["1"], as_of).group == "done_on_time"  # due Q3/2023, done 20/9/2023
        assert task_state(tasks["3"], as_of).group == "done_late"  # due 30/6/2023, dated by the report
