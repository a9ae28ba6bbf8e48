"""Keeping the index in step with the store: rebuild and swap, the writer lock,
index_pending, and the version stamp."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from theodoi.domain import BodyMention, Deadline, Extraction, Header, ParsedDocument, Task
from theodoi.search import (IndexCorruptError, IndexLockedError, document_for_index, index_pending, open_index,
                            rebuild)
from theodoi.search.doctor import check
from theodoi.search.postgres_backend import SCHEMA
from theodoi.search.storage import VERSION_FILE, current_generation
from theodoi.store import repo
from theodoi.store.db import Store
from theodoi.tracking import updates
from theodoi.tracking.updates import update_status

from .hold_writer import live_generation

HOLD_WRITER = Path(__file__).with_name("hold_writer.py")


def ids_of(results) -> list[int]:
    return [hit.id for hit in results.hits]


def _save(store: Store, n: int, text: str, number: str, lead: str = "UBND tỉnh") -> int:
    parsed = ParsedDocument(path=f"/in/{n}.docx", file_name=f"{n}.docx", mime="application/docx",
                            parser="test/1", text=text,
                            header=Header(kind="Kế hoạch", number=number, issuer="Ủy ban nhân dân tỉnh Long An",
                                          date=dt.date(2024, 3, n), title=f"văn bản {n}"))
    task = Task(text=text, start=0, end=len(text),
                lead=[BodyMention(lead, 0, len(lead), canonical="Ủy ban nhân dân tỉnh")],
                support=[BodyMention("Sở Y tế", 0, 7, canonical="Sở Y tế")],
                deadline=Deadline("trong năm 2024", "year", dt.date(2024, 12, 31)))
    with store.transaction() as session:
        stored = repo.record_file(session, sha256=f"{n:064d}", original_name=f"{n}.docx",
                                  source_path=f"/in/{n}.docx", stored_path=f"originals/{n}", size=10)
        return repo.save_document(session, stored, parsed, Extraction(tasks=[task])).id


def test_document_for_index_reads_tasks_and_bodies(store):
    doc_id = _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    with store.session() as session:
        doc = document_for_index(repo.get_document(session, doc_id))
    assert doc.id == doc_id and doc.number == "5/KH-UBND" and doc.file_name == "1.docx"
    assert doc.agencies == ["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Sở Y tế"]
    assert doc.task_statuses == ["open"] and doc.deadlines == [dt.date(2024, 12, 31)]


def test_index_pending_indexes_and_marks(store, settings):
    first = _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    second = _save(store, 2, "Chuyển đổi số trong cơ quan nhà nước.", "6/KH-UBND")
    index = open_index(settings, lock_timeout=2)
    assert index_pending(store, index) == 2
    with store.session() as session:
        assert repo.document_ids(session, index_state="pending") == []
    assert ids_of(index.search("tiem chung")) == [first]
    assert ids_of(index.search("chuyen doi so", filters={"agency": "Sở Y tế"})) == [second]
    assert index_pending(store, index) == 0


@contextmanager
def writer_held(settings, index, seconds: float):
    """The index's writer lock held by another program for `seconds` (hold_writer.py)."""
    where = index.url if settings.search_backend == "postgres" else str(index.directory)
    holder = subprocess.Popen([sys.executable, str(HOLD_WRITER), settings.search_backend, where, str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.wait(seconds + 20)


def test_index_pending_leaves_documents_pending_when_locked(store, settings):
    _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    index = open_index(settings, lock_timeout=0.3)
    with writer_held(settings, index, 2.0):
        assert index_pending(store, index) == 0  # did not raise
        with store.session() as session:
            assert len(repo.document_ids(session, index_state="pending")) == 1
    assert index_pending(store, index) == 1


def test_second_writer_waits_for_the_lock(settings, documents):
    index = open_index(settings, lock_timeout=0.2)
    with writer_held(settings, index, 1.5):
        with pytest.raises(IndexLockedError):
            index.add(documents[:1])
        patient = open_index(settings, lock_timeout=15)
        patient.add(documents[:1])  # waits until the holder commits
    assert patient.ids() == {1}


def test_rebuild_into_new_directory_and_swap(store, settings, documents):
    ids = [_save(store, n, f"Văn bản số {n} về phòng chống thiên tai.", f"{n}/KH-UBND") for n in (1, 2, 3)]
    live = open_index(settings)
    live.add(documents[:1])  # stale: not in the store
    postgres = settings.search_backend == "postgres"
    old = live_generation(live.url) if postgres else live.directory
    seen = []
    assert rebuild(store, settings, progress=lambda done, total: seen.append((done, total)),
                   batch_size=2) == 3
    assert seen == [(2, 3), (3, 3)]
    if postgres:
        assert live_generation(live.url) != old
        assert not _tables_of(live.url, old)  # the old generation's tables are dropped
    else:
        new_directory = current_generation(settings.index_dir)
        assert new_directory != old and not old.exists()
    assert live.ids() == set(ids)  # the open index follows the swap
    assert set(ids_of(live.search("phong chong thien tai"))) == set(ids)
    with store.session() as session:
        assert repo.document_ids(session, index_state="pending") == []
    assert not live.needs_rebuild


def _tables_of(url: str, generation: str) -> list[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = :schema "
                                           "AND tablename LIKE :names"),
                                      {"schema": SCHEMA, "names": f"{generation}%"}).scalars().all()
    finally:
        engine.dispose()


def test_version_stamp_mismatch_asks_for_rebuild(settings):
    index = open_index(settings)
    if settings.search_backend == "postgres":
        from sqlalchemy import create_engine, text

        version = index.stored_version()
        assert version["schema_version"] >= 1 and version["analyser"] and version["backend"] == "postgres"
        engine = create_engine(index.url)
        with engine.begin() as connection:
            connection.execute(text(f"UPDATE {SCHEMA}.generations SET version = version || "
                                    """'{"analyser": "something-else"}'::jsonb WHERE live"""))
        engine.dispose()
        assert open_index(settings).needs_rebuild
        return
    stamp = index.directory / VERSION_FILE
    version = json.loads(stamp.read_text())
    assert version["schema_version"] >= 1 and version["analyser"]
    stamp.write_text(json.dumps({**version, "analyser": "something-else"}))
    assert open_index(settings).needs_rebuild


def _task_id(store: Store, doc_id: int) -> int:
    with store.session() as session:
        return repo.get_document(session, doc_id).tasks[0].id


def test_status_update_reindexes_the_document(store, settings):
    doc_id = _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    index = open_index(settings, lock_timeout=2)
    index_pending(store, index)
    assert ids_of(index.search("", filters={"status": "done"})) == []
    update_status(store, _task_id(store, doc_id), status="done", user="Trần Thị Bình", settings=settings)
    with store.session() as session:
        assert repo.document_ids(session, index_state="pending") == []
    assert ids_of(index.search("tiem chung", filters={"status": "done"})) == [doc_id]
    assert [hit.document_id for hit in index.search_tasks("", filters={"status": "done"}).hits] == [doc_id]


def test_status_update_stands_when_the_index_is_locked(store, settings, monkeypatch):
    doc_id = _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    index = open_index(settings, lock_timeout=2)
    index_pending(store, index)
    monkeypatch.setattr(updates, "INDEX_LOCK_TIMEOUT", 0.3)
    with writer_held(settings, index, 2.0):
        event = update_status(store, _task_id(store, doc_id), status="done", user="An", settings=settings)
        assert event.status == "done"
        with store.session() as session:
            assert repo.document_ids(session, index_state="pending") == [doc_id]
    assert index_pending(store, index) == 1
    assert ids_of(index.search("", filters={"status": "done"})) == [doc_id]


def test_changing_the_engine_asks_for_a_rebuild(store, settings):
    """An index written by the other engine is not read: nothing found, writes refused
    (documents stay pending), `needs_rebuild`; a rebuild with the chosen engine repairs it."""
    doc_id = _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    index_pending(store, open_index(settings))
    if settings.search_backend == "postgres":
        _switching_to_postgres_asks_for_a_rebuild(store, settings, doc_id)
        return
    other = settings.with_(search_backend="tantivy" if settings.search_backend == "whoosh" else "whoosh")
    switched = open_index(other, lock_timeout=1)
    assert switched.needs_rebuild and switched.ids() == set() and switched.search("tiem chung").hits == []
    with pytest.raises(IndexCorruptError):
        switched.add([document_for_index_of(store, doc_id)])
    assert rebuild(store, other) == 1
    assert not switched.needs_rebuild
    assert ids_of(switched.search("tiem chung")) == [doc_id]


def _switching_to_postgres_asks_for_a_rebuild(store: Store, settings, doc_id: int) -> None:
    """The postgres index lives in its own schema, so no engine reads another's: after a
    switch from Whoosh it is empty, `doctor` lists the stored documents missing from it,
    and a rebuild repairs it."""
    index = open_index(settings)
    index.delete([doc_id])  # as if the documents had been indexed by Whoosh only
    health = check(store, index)
    assert not health.healthy and health.missing_from_index == [doc_id]
    assert rebuild(store, settings) == 1
    assert check(store, index).healthy
    assert ids_of(index.search("tiem chung")) == [doc_id]


def document_for_index_of(store: Store, doc_id: int):
    with store.session() as session:
        return document_for_index(repo.get_document(session, doc_id))


def test_tantivy_is_imported_only_when_chosen(tmp_path):
    script = ("import sys\n"
              "from theodoi.config import Settings\n"
              "from theodoi.search import open_index\n"
              f"index = open_index(Settings.load({str(tmp_path)!r}).with_(search_backend='whoosh'))\n"
              "index.search('chuyen doi so')\n"
              "assert 'tantivy' not in sys.modules, 'tantivy imported'\n"
              f"open_index(Settings.load({str(tmp_path / 'other')!r}).with_(search_backend='tantivy'))\n"
              "assert 'tantivy' in sys.modules\n")
    subprocess.run([sys.executable, "-c", script], check=True)
