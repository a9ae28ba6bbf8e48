"""Merging, removing and adding tasks: audited corrections that a re-extraction keeps."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from theodoi.ingest import parse_file
from theodoi.nlp import extract
from theodoi.pipeline import ingest_paths
from theodoi.store import repo
from theodoi.store.models import Correction, Document, Task
from theodoi.tracking.accounts import actor, add_account
from theodoi.tracking.corrections import CorrectionError, correct_task
from theodoi.tracking.reextraction import apply_new_reading
from theodoi.tracking.task_list import NotAllowed, add_task, merge_tasks, remove_task
from theodoi.tracking.tasks import list_tasks
from theodoi.tracking.updates import UpdateError, update_status

PLAN = """ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 17/KH-UBND
KẾ HOẠCH
Phát triển nghề dệt thổ cẩm năm 2027
1. Sở Công Thương chủ trì khảo sát các làng nghề dệt thổ cẩm, hoàn thành trong tháng 4/2027.
2. Sở Công Thương lập danh mục sản phẩm dệt thổ cẩm tiêu biểu để quảng bá.
3. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức hội chợ sản phẩm làng nghề, hoàn thành trong quý III/2027.
4. Sở Tài chính chủ trì bố trí kinh phí hỗ trợ các hợp tác xã dệt, hoàn thành trước ngày 30/6/2027.
Các đơn vị gửi kết quả về Sở Công Thương trước ngày 15/12/2027 để tổng hợp.
"""


@pytest.fixture
def plan(any_store, tmp_path):
    """The plan ingested; its numbered tasks by number; an admin and an officer of Sở Công Thương."""
    path = tmp_path / "in" / "kh-17-tho-cam.txt"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    report = ingest_paths([path], any_store.settings)
    document_id = report.outcomes[0].document_id
    add_account(any_store, username="quantri", password="mat-khau-dai-du", role="admin")
    add_account(any_store, username="canbo_ct", password="mat-khau-dai-du", role="officer",
                agencies=["Sở Công Thương"])
    with any_store.session() as session:
        ids = {t.label: t.id for t in session.scalars(select(Task).where(Task.document_id == document_id)) if t.label}
        people = {name: actor(repo.user_by_name(session, name)) for name in ("quantri", "canbo_ct")}
    assert {"1", "2", "3", "4"} <= set(ids)
    return path, document_id, ids, people


def _live(store, document_id):
    with store.session() as session:
        return {t.id: t.text for t in repo.get_document(session, document_id).tasks}


def test_merge_remove_add_are_recorded_and_survive_a_new_reading(any_store, plan):
    path, document_id, ids, people = plan
    settings, admin = any_store.settings, people["quantri"]
    merge_tasks(any_store, ids["1"], ids["2"], people["canbo_ct"], settings)
    remove_task(any_store, ids["4"], admin, settings, reason="Đã có trong kế hoạch khác")
    added = add_task(any_store, document_id, admin, settings, lead=["Sở Công Thương"], due=dt.date(2027, 12, 15),
                     text="Các đơn vị gửi kết quả về Sở Công Thương", deadline_text="trước ngày 15/12/2027")
    before = _live(any_store, document_id)
    assert ids["2"] not in before and ids["4"] not in before and added in before
    assert "khảo sát các làng nghề" in before[ids["1"]] and "lập danh mục sản phẩm" in before[ids["1"]]
    with any_store.session() as session:
        fields = sorted((c.task_id, c.field, c.user) for c in session.scalars(
            select(Correction).where(Correction.field.in_(["merged_into", "removed", "added"]))))
        assert fields == sorted([(ids["2"], "merged_into", "canbo_ct"), (ids["4"], "removed", "quantri"),
                                 (added, "added", "quantri")])
        merged = session.get(Task, ids["2"])
        assert merged.merged_into_id == ids["1"] and merged.removed_at is not None
        added_task = session.get(Task, added)
        assert (added_task.start, added_task.end) != (0, 0)  # its place in the text was found
        board = {view.task.id for view in list_tasks(session)}
    assert ids["2"] not in board and ids["4"] not in board and added in board

    parsed = parse_file(path, settings)
    with any_store.transaction() as session:
        result = apply_new_reading(session, session.get(Document, document_id), parsed, extract(parsed))
    assert result.added == 0  # the findings of the merged and removed tasks paired with them
    assert _live(any_store, document_id) == before


def test_an_officer_corrects_only_tasks_their_agency_leads(any_store, plan):
    _, document_id, ids, people = plan
    officer, settings = people["canbo_ct"], any_store.settings
    with pytest.raises(NotAllowed):
        merge_tasks(any_store, ids["1"], ids["3"], officer, settings)
    with pytest.raises(NotAllowed):
        remove_task(any_store, ids["4"], officer, settings)
    with pytest.raises(NotAllowed):
        add_task(any_store, document_id, officer, settings, text="Sở Tài chính thẩm định dự toán",
                 lead=["Sở Tài chính"])
    with pytest.raises(CorrectionError):
        merge_tasks(any_store, ids["1"], ids["1"], officer, settings)
    assert len(_live(any_store, document_id)) >= 4
    with any_store.session() as session:
        assert session.scalars(select(Correction)).all() == []


def test_a_removed_or_merged_task_takes_no_status_update_or_correction(any_store, plan):
    _, _, ids, people = plan
    admin, settings = people["quantri"], any_store.settings
    merge_tasks(any_store, ids["1"], ids["2"], admin, settings)
    remove_task(any_store, ids["4"], admin, settings)
    for task_id, said in ((ids["2"], f"đã được gộp vào nhiệm vụ khác (mã {ids['1']})"),
                          (ids["4"], "đã bị xóa khỏi văn bản")):
        with pytest.raises(UpdateError, match=re.escape(said)):
            update_status(any_store, task_id, status="done", user="quantri", settings=settings)
        with pytest.raises(CorrectionError, match=re.escape(said)):
            correct_task(any_store, task_id, admin, settings, due=dt.date(2027, 9, 30))
    with any_store.session() as session:
        for task_id in (ids["2"], ids["4"]):
            assert session.get(Task, task_id).events == []
        assert session.scalars(select(Correction).where(Correction.field == "due")).all() == []
    update_status(any_store, ids["1"], status="done", user="quantri", settings=settings)  # the kept task takes them
