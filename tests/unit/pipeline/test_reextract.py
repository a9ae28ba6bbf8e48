"""Re-extraction after an upgrade: stored documents are read again from their originals, and
every status change recorded on their tasks survives (it is an event, not extraction output)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from click.testing import CliRunner
from sqlalchemy import select, update

from theodoi.cli import main
from theodoi.ingest import parse_file
from theodoi.nlp import extract
from theodoi.nlp.version import extractor_version
from theodoi.pipeline import ingest_paths
from theodoi.store.db import Store
from theodoi.store.models import Document, StatusEvent, Task
from theodoi.tracking.reextraction import apply_new_reading
from theodoi.tracking.updates import update_status

PLAN = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 41/KH-UBND
KẾ HOẠCH
Triển khai mô hình chợ an toàn thực phẩm năm 2026
1. Sở Công Thương chủ trì xây dựng tiêu chí chợ an toàn thực phẩm, hoàn thành trong tháng 3/2026.
2. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các chợ đầu mối, hoàn thành trong quý II/2026.
3. Sở Tài chính chủ trì bố trí kinh phí thực hiện mô hình, hoàn thành trước ngày 30/6/2026.
4. Ủy ban nhân dân các huyện chủ trì tuyên truyền cho tiểu thương về mô hình, hoàn thành trong năm 2026.
"""


def _ingest(settings, tmp_path):
    path = tmp_path / "in" / "kh-41-cho-an-toan.txt"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    report = ingest_paths([path], settings)
    assert report.count("added") == 1
    return path, report.outcomes[0].document_id


def _task_ids(store, document_id):
    """Numbered tasks by their number (the title line may be read as a task too)."""
    with store.session() as session:
        return {t.label: t.id for t in session.scalars(select(Task).where(Task.document_id == document_id))
                if t.label}


def test_a_document_records_the_extractor_that_read_it(settings, tmp_path):
    _, document_id = _ingest(settings, tmp_path)
    store = Store(settings)
    with store.session() as session:
        assert session.get(Document, document_id).extractor_version == extractor_version()
    assert extractor_version().count("+") == 1


def test_new_reading_keeps_ids_history_and_tasks_people_recorded_on(any_store, tmp_path):
    settings = any_store.settings
    path, document_id = _ingest(settings, tmp_path)
    store = any_store
    ids = _task_ids(store, document_id)
    assert set(ids) == {"1", "2", "3", "4"}
    update_status(store, ids["1"], status="done", user="Hoàng Văn Nam", note="Đã ban hành tiêu chí",
                  settings=settings)

    parsed = parse_file(path, settings)
    found = extract(parsed)
    by_label = {t.label: t for t in found.tasks}
    unlabelled = [t for t in found.tasks if not t.label]
    reworded = dataclasses.replace(by_label["3"], text=by_label["3"].text + " của năm")
    added = dataclasses.replace(by_label["4"], text="Công an tỉnh chủ trì bảo đảm an ninh trật tự tại các chợ",
                                label="5")
    # the new reading misses task 1 (which has an officer's update) and task 2 (which has none)
    new = dataclasses.replace(found, tasks=[*unlabelled, reworded, by_label["4"], added])
    with store.transaction() as session:
        result = apply_new_reading(session, session.get(Document, document_id), parsed, new)
    assert (result.updated, result.added, result.removed, result.kept) == (len(unlabelled) + 2, 1, 1, 1)
    after = _task_ids(store, document_id)
    assert {k: after[k] for k in ("1", "3", "4")} == {"1": ids["1"], "3": ids["3"], "4": ids["4"]}
    assert "2" not in after and after["5"] not in ids.values()  # task 2 gone, the rest keep their ids
    with store.session() as session:
        events = list(session.scalars(select(StatusEvent).where(StatusEvent.task_id == ids["1"])))
        assert [(e.user, e.note) for e in events] == [("Hoàng Văn Nam", "Đã ban hành tiêu chí")]
        assert session.get(Task, ids["3"]).text.endswith("của năm")
        assert session.get(Document, document_id).index_state == "pending"


def test_cli_reads_again_only_what_an_older_extractor_read(settings, tmp_path):
    _, document_id = _ingest(settings, tmp_path)
    store = Store(settings)
    ids = _task_ids(store, document_id)
    update_status(store, ids["2"], status="in_progress", user="Lê Thị Hoa", settings=settings)

    def run(*args):
        return CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "reextract", *args])

    nothing = run()
    assert nothing.exit_code == 0 and "0 documents read again" in nothing.output
    with store.transaction() as session:
        session.execute(update(Document).values(extractor_version="0.0.1+old"))
    upgraded = run()
    assert upgraded.exit_code == 0, upgraded.output
    assert "1 documents read again" in upgraded.output and "0 added, 0 removed, 0 kept" in upgraded.output
    assert _task_ids(store, document_id) == ids
    with store.session() as session:
        assert session.get(Document, document_id).extractor_version == extractor_version()
        assert [e.user for e in session.get(Task, ids["2"]).events] == ["Lê Thị Hoa"]
    assert "1 documents read again" in run("--all").output
    search = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "search", "cho an toan thuc pham"])
    assert "41/KH-UBND" in search.output


def test_corrections_survive_a_new_reading(any_store, tmp_path):
    from theodoi.store import repo
    from theodoi.tracking.accounts import actor, add_account
    from theodoi.tracking.corrections import correct_document, correct_task

    settings = any_store.settings
    path, document_id = _ingest(settings, tmp_path)
    ids = _task_ids(any_store, document_id)
    add_account(any_store, username="vanthu", password="mat-khau-dai-du", role="admin")
    with any_store.session() as session:
        who = actor(repo.user_by_name(session, "vanthu"))
    correct_task(any_store, ids["3"], who, settings, lead=["Sở Kế hoạch và Đầu tư"], due=dt.date(2026, 9, 30))
    correct_document(any_store, document_id, who, settings, title="Kế hoạch chợ an toàn thực phẩm (đã sửa)")

    parsed = parse_file(path, settings)
    with any_store.transaction() as session:
        apply_new_reading(session, session.get(Document, document_id), parsed, extract(parsed))
    with any_store.session() as session:
        task = session.get(Task, ids["3"])
        assert [b.text for b in task.lead] == ["Sở Kế hoạch và Đầu tư"] and task.due == dt.date(2026, 9, 30)
        assert session.get(Document, document_id).title == "Kế hoạch chợ an toàn thực phẩm (đã sửa)"
