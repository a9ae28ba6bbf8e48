"""Batches: a bad file in the middle, a killed run resumed, reading in worker processes, the search
index written as the batch goes."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from theodoi import pipeline
from theodoi.cli import main
from theodoi.pipeline import ingest_paths
from theodoi.search import IndexWriteError, SearchIndex, index_pending, open_index
from theodoi.store.db import Store
from theodoi.store.models import Document, StoredFile


def plan(number: int) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: {number}/KH-UBND\n\nKẾ HOẠCH\nTriển khai nhiệm vụ số {number}\n\n"
            f"Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành thực hiện nhiệm vụ số {number}, hoàn thành "
            f"trước ngày 30/6/2025.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")


def write_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"kh-{i:03d}.txt"
        path.write_text(plan(100 + i), encoding="utf-8")
        paths.append(path)
    return paths


def rows(settings, model):
    store = Store(settings)
    with store.session() as session:
        found = session.query(model).all()
        result = [(r.file_id if model is Document else r.original_name,
                   None if model is Document else r.status) for r in found]
    store.dispose()
    return result


def test_bad_file_in_the_middle_is_listed_and_nothing_of_it_stored(tmp_path, settings):
    folder = tmp_path / "in"
    write_folder(folder, 4)
    (folder / "kh-001b.pdf").write_text("<html><body>not a pdf</body></html>", encoding="utf-8")
    report = ingest_paths([folder], settings)
    assert [o.path.name for o in report.failed] == ["kh-001b.pdf"]
    assert report.count("added") == 4
    store = Store(settings)
    with store.session() as session:
        bad = session.query(StoredFile).filter_by(original_name="kh-001b.pdf").one()
        assert bad.status == "failed" and bad.error_code
        assert session.query(Document).filter_by(file_id=bad.id).count() == 0
        assert session.query(Document).count() == 4
    store.dispose()
    listed = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "ingest", "--failed"])
    assert "kh-001b.pdf" in listed.output and bad.error_code in listed.output


def test_worker_pool_stores_every_file_once_in_order(tmp_path, settings):
    paths = write_folder(tmp_path / "in", 10)
    shutil_copy = tmp_path / "in" / "kh-000-copy.txt"  # the same bytes twice in one batch
    shutil_copy.write_bytes(paths[0].read_bytes())
    report = ingest_paths([tmp_path / "in"], settings.with_(ingest_workers=2))
    assert [o.path.name for o in report.outcomes] == sorted(p.name for p in (tmp_path / "in").iterdir())
    assert report.count("added") == 10 and report.count("unchanged") == 1
    assert len(rows(settings, Document)) == 10


def _done_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("select count(*) from files where status = 'done'").fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not there yet, or the database is locked
        return 0


@pytest.mark.slow
def test_killed_batch_resumes_with_every_file_done_once(tmp_path, settings):
    paths = write_folder(tmp_path / "in", 40)
    command = [sys.executable, "-m", "theodoi.cli", "--data-dir", str(settings.data_dir), "ingest",
               str(tmp_path / "in"), "--workers", "1"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    db = settings.data_dir / "theodoi.db"
    deadline = time.monotonic() + 120
    while _done_count(db) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_at_kill = _done_count(db)
    assert process.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    assert 3 <= done_at_kill < len(paths)

    result = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "ingest", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    files = rows(settings, StoredFile)
    assert sorted(name for name, _ in files) == sorted(p.name for p in paths)
    assert all(status == "done" for _, status in files)
    documents = [file_id for file_id, _ in rows(settings, Document)]
    assert len(documents) == len(set(documents)) == len(paths)
    assert f"{len(paths) - done_at_kill} added" in result.output or "added" in result.output


def _index_states(settings) -> list[str]:
    store = Store(settings)
    with store.session() as session:
        states = [d.index_state for d in session.query(Document).order_by(Document.id)]
    store.dispose()
    return states


@pytest.mark.parametrize("workers", [1, 0])  # one reader process beside this one; reading here
def test_documents_are_indexed_during_the_batch_and_none_is_left_pending(tmp_path, settings, monkeypatch, workers):
    monkeypatch.setattr(pipeline, "INDEX_CHUNK", 3)
    monkeypatch.setattr(pipeline, "INDEX_INTERVAL", 3600.0)
    if not workers:
        monkeypatch.setattr(pipeline, "MIN_FILES_FOR_POOL", 1000)
    write_folder(tmp_path / "in", 10)
    seen: list[tuple[int, int]] = []  # (files stored, documents searchable) as the batch goes

    def on_file(outcome):
        # the lock is free between chunks: another writer (a status update) gets it at once
        open_index(settings, lock_timeout=0.2).delete([10_000])
        seen.append((len(seen) + 1, len(open_index(settings))))

    report = ingest_paths([tmp_path / "in"], settings.with_(ingest_workers=workers), on_file=on_file)
    assert report.count("added") == 10 and report.index_error is None
    # never more than a chunk (3) stored and not yet searchable, the rest indexed as it goes
    assert all(stored - 2 <= searchable <= stored for stored, searchable in seen)
    assert _index_states(settings) == ["indexed"] * 10
    assert len(open_index(settings)) == 10
    assert len({hit.document_id for hit in open_index(settings).search_tasks('"nhiệm vụ số 109"').hits}) == 1


def test_a_failing_index_leaves_the_documents_pending_and_the_batch_stored(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(pipeline, "INDEX_CHUNK", 3)
    monkeypatch.setattr(pipeline, "INDEX_INTERVAL", 3600.0)
    calls = []

    def broken_add(self, docs):
        calls.append(len(docs))
        raise IndexWriteError("disk full")

    monkeypatch.setattr(SearchIndex, "add", broken_add)
    write_folder(tmp_path / "in", 10)
    report = ingest_paths([tmp_path / "in"], settings)
    assert report.count("added") == 10 and "disk full" in report.index_error
    assert len(calls) == 1 and calls[0] <= 3  # the first failure stops the index writes of the batch
    assert _index_states(settings) == ["pending"] * 10
    monkeypatch.undo()
    assert index_pending(Store(settings), open_index(settings)) == 10  # `theodoi reindex` catches up


def test_worker_count(settings, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert pipeline.worker_count(settings, 40) == 1  # one reader beside this process
    assert pipeline.worker_count(settings, 3) == 0  # a small batch is read here
    assert pipeline.worker_count(settings.with_(ingest_workers=3), 40) == 3
    assert pipeline.worker_count(settings.with_(ingest_workers=3), 9) == 3
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert pipeline.worker_count(settings, 40) == 0
