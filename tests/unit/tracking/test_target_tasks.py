"""A plan's tasks stored under the target they serve (tasks.target_id), kept through a new
reading, and the target's progress seen from its tasks' statuses; on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from theodoi.pipeline import ingest_file
from theodoi.reextract import reextract_document
from theodoi.store import repo
from theodoi.store.models import Document, Task
from theodoi.tracking.rollup import target_summary

PLAN = """ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
Số: 88/KH-UBND
Điện Biên, ngày 12 tháng 01 năm 2026
KẾ HOẠCH
Phát triển thương mại điện tử năm 2026

I. MỤC TIÊU
Đến năm 2027, 80% hợp tác xã có gian hàng trên sàn thương mại điện tử.
II. NHIỆM VỤ
1. Sở Công Thương chủ trì tập huấn bán hàng trực tuyến cho các hợp tác xã, hoàn thành trong quý II/2026.
2. Liên minh Hợp tác xã tỉnh hỗ trợ các hợp tác xã mở gian hàng trên sàn thương mại điện tử.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện kế hoạch.
"""


def _tasks(session) -> dict[str, Task]:
    return {t.label: t for t in session.scalars(select(Task)) if t.label}


def test_tasks_keep_their_target_through_a_new_reading_and_show_its_progress(any_store, tmp_path):
    path = tmp_path / "kh-88.txt"
    path.write_text(PLAN, encoding="utf-8")
    assert ingest_file(path, any_store.settings, any_store).status == "added"
    with any_store.transaction() as session:
        [target] = session.scalar(select(Document)).targets
        tasks = _tasks(session)
        assert target.value == 80 and [t.label for t in target.tasks] == ["II.1", "II.2"]
        assert tasks["II.1"].target_id == target.id
        repo.add_status_event(session, tasks["II.1"], status="done", source="manual", user="test",
                              at=dt.datetime(2026, 5, 1))
        document_id, target_id = target.document_id, target.id
    reextract_document(any_store, document_id)
    with any_store.session() as session:
        target = session.get(Document, document_id).targets[0]
        assert target.id == target_id and [t.label for t in target.tasks] == ["II.1", "II.2"]
        assert target_summary(target, dt.date(2026, 6, 1)) == {"total": 2, "done": 1, "open": 1}
        labelled = _tasks(session)
        assert labelled["II.1"].target is target and all(t.target is None for t in session.scalars(select(Task))
                                                       if t.text.startswith("bố trí kinh phí"))
