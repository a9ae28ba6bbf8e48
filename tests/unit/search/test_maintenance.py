"""Keeping the index in step with the store: rebuild and swap, the writer lock,
index_pending, and the version stamp."""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import time

import pytest
from whoosh import index as whoosh_index

from theodoi.domain import BodyMention, Deadline, Extraction, Header, ParsedDocument, Task
from theodoi.search import IndexLockedError, document_for_index, index_pending, open_index, rebuild
from theodoi.search.storage import VERSION_FILE, current_generation
from theodoi.store import repo
from theodoi.store.db import Store


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


@pytest.fixture
def store(settings):
    store = Store(settings)
    yield store
    store.dispose()


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


def _hold_writer(directory: str, ready, seconds: float) -> None:
    writer = whoosh_index.open_dir(directory).writer()
    ready.set()
    time.sleep(seconds)
    writer.commit()


def test_index_pending_leaves_documents_pending_when_locked(store, settings):
    _save(store, 1, "Triển khai tiêm chủng mở rộng.", "5/KH-UBND")
    index = open_index(settings, lock_timeout=0.3)
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold_writer, args=(str(index.directory), ready, 2.0))
    holder.start()
    try:
        assert ready.wait(10)
        assert index_pending(store, index) == 0  # did not raise
        with store.session() as session:
            assert len(repo.document_ids(session, index_state="pending")) == 1
    finally:
        holder.join(10)
    assert index_pending(store, index) == 1


def test_second_writer_waits_for_the_lock(settings, documents):
    index = open_index(settings, lock_timeout=0.2)
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold_writer, args=(str(index.directory), ready, 1.5))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(IndexLockedError):
            index.add(documents[:1])
        patient = open_index(settings, lock_timeout=15)
        patient.add(documents[:1])  # waits until the holder commits
    finally:
        holder.join(10)
    assert patient.ids() == {1}


def test_rebuild_into_new_directory_and_swap(store, settings, documents):
    ids = [_save(store, n, f"Văn bản số {n} về phòng chống thiên tai.", f"{n}/KH-UBND") for n in (1, 2, 3)]
    live = open_index(settings)
    live.add(documents[:1])  # stale: not in the store
    old_directory = live.directory
    seen = []
    assert rebuild(store, settings, progress=lambda done, total: seen.append((done, total)),
                   batch_size=2) == 3
    assert seen == [(2, 3), (3, 3)]
    new_directory = current_generation(settings.index_dir)
    assert new_directory != old_directory and not old_directory.exists()
    assert live.ids() == set(ids)  # the open index follows the swap
    assert set(ids_of(live.search("phong chong thien tai"))) == set(ids)
    with store.session() as session:
        assert repo.document_ids(session, index_state="pending") == []
    assert not live.needs_rebuild


def test_version_stamp_mismatch_asks_for_rebuild(settings):
    index = open_index(settings)
    stamp = index.directory / VERSION_FILE
    version = json.loads(stamp.read_text())
    assert version["schema_version"] >= 1 and version["analyser"]
    stamp.write_text(json.dumps({**version, "analyser": "something-else"}))
    assert open_index(settings).needs_rebuild
