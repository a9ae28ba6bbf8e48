"""A report's progress rows become status events on the tasks of the plan that assigned
them, whichever of the two is stored first (documents written for the test)."""
import datetime as dt

from sqlalchemy import select

from theodoi.domain import Progress, Task
from theodoi.store.models import StatusEvent, Task as StoredTask
from theodoi.tracking.status import task_state

ROWS_REPORT = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 210/BC-UBND
BÁO CÁO
Tiến độ các nhiệm vụ giao tại Kế hoạch số 20/KH-UBND
STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn | Tiến độ / Kết quả
1 | Xây dựng Đề án phát triển sản phẩm du lịch cộng đồng | Sở Văn hóa, Thể thao và Du lịch | Quý III/2023 | Đã hoàn thành
2 | Nâng cấp tuyến đường vào khu du lịch hồ Hòa Bình | Sở Giao thông vận tải | Năm 2024 | Chưa triển khai
3 | Xây dựng cổng thông tin du lịch thông minh | Sở Thông tin và Truyền thông | 30/6/2023 | Đã hoàn thành
"""


def _row(text: str, label: str, value: str, date=None) -> Task:
    start = ROWS_REPORT.index(text)
    return Task(text=text, start=start, end=start + len(text), label=label, component="theodoi_reports.table",
                status=Progress(value, {"done": "Đã hoàn thành", "not_done": "Chưa triển khai"}[value], date),
                source="20/KH-UBND")


ROWS = [
    _row("Xây dựng Đề án phát triển sản phẩm du lịch cộng đồng", "1", "done"),
    _row("Nâng cấp tuyến đường vào khu du lịch hồ Hòa Bình", "2", "not_done"),
    _row("Xây dựng cổng thông tin du lịch thông minh", "3", "done", dt.date(2023, 8, 15)),
]


def _add_rows_report(store, add_document):
    return add_document(store, number="210/BC-UBND", kind="Báo cáo", date=dt.date(2023, 12, 28),
                        issuer="Ủy ban nhân dân tỉnh Hòa Bình", title="Tiến độ các nhiệm vụ", text=ROWS_REPORT,
                        tasks=ROWS, name="bc-210.txt")


def _plan_events(store) -> dict[str, tuple[str, int, dt.date, str]]:
    with store.session() as session:
        rows = session.execute(select(StoredTask.label, StatusEvent.status, StatusEvent.evidence_document_id,
                                      StatusEvent.created_at, StatusEvent.passage)
                               .join(StatusEvent, StatusEvent.task_id == StoredTask.id)
                               .where(StoredTask.component == "test"))
        return {r.label: (r.status, r.evidence_document_id, r.created_at.date(), r.passage) for r in rows}


def _check(store, report_id):
    events = _plan_events(store)
    assert events["1"] == ("done", report_id, dt.date(2023, 12, 28),
                           "Xây dựng Đề án phát triển sản phẩm du lịch cộng đồng")
    assert events["2"][:2] == ("open", report_id)
    assert events["3"][:3] == ("done", report_id, dt.date(2023, 8, 15))  # the date the row gives
    assert "4" not in events
    with store.session() as session:
        portal = session.scalars(select(StoredTask).where(StoredTask.label == "3", StoredTask.component == "test"))
        state = task_state(next(iter(portal)), as_of=dt.date(2024, 1, 10))
        assert state.recorded == "done_late"  # due 30/6/2023, done 15/8/2023


def test_rows_attach_to_a_stored_plan(any_store, add_plan, add_document):
    add_plan(any_store)
    report = _add_rows_report(any_store, add_document)
    _check(any_store, report)


def test_rows_wait_for_their_plan_and_attach_when_it_arrives(any_store, add_plan, add_document):
    report = _add_rows_report(any_store, add_document)
    assert _plan_events(any_store) == {}
    with any_store.session() as session:
        kept = session.scalars(select(StoredTask).where(StoredTask.document_id == report)).all()
        assert [(t.reported_status, t.source_number) for t in kept] == [
            ("done", "20/KH-UBND"), ("not_done", "20/KH-UBND"), ("done", "20/KH-UBND")]
        assert [task_state(t, dt.date(2024, 1, 10)).recorded for t in kept] == ["done", "open", "done"]
    add_plan(any_store)
    _check(any_store, report)


def test_attaching_again_adds_nothing(any_store, add_plan, add_document):
    from theodoi.tracking.followup import relink
    add_plan(any_store)
    _add_rows_report(any_store, add_document)
    with any_store.session() as session:
        before = session.query(StatusEvent).count()
    assert before == len(_plan_events(any_store)) + len(ROWS)  # the plan's tasks, and the rows themselves
    with any_store.transaction() as session:
        relink(session)
    with any_store.session() as session:
        assert session.query(StatusEvent).count() == before


def test_a_plan_s_own_status_column_is_not_a_report_on_what_it_carries_out(any_store, add_resolution, add_document,
                                                                           cite):
    text = "KẾ HOẠCH thực hiện Nghị quyết số 08-NQ/TU\nPhát triển sản phẩm du lịch cộng đồng | Đang thực hiện"
    add_resolution(any_store)
    start = text.index("Phát triển")
    row = Task(text="Phát triển sản phẩm du lịch cộng đồng", start=start, end=start + 37, label="1",
               status=Progress("in_progress", "Đang thực hiện"), component="theodoi_reports.table")
    add_document(any_store, number="30/KH-UBND", kind="Kế hoạch", date=dt.date(2023, 3, 1), text=text, tasks=[row],
                 citations=[cite(text, "08-NQ/TU", relation="implements", date=dt.date(2023, 1, 10))])
    with any_store.session() as session:
        resolution_events = session.scalars(select(StatusEvent).join(StoredTask).where(
            StoredTask.component == "test")).all()
        assert resolution_events == []
