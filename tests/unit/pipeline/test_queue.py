"""The job queue on the real Redis (127.0.0.1:6379, keys under a namespace of this test): files
queued by `theodoi ingest --queue` are stored by `theodoi worker` processes, and the job of a
worker killed in the middle of a file is done by another worker."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest

from .test_batches import write_folder
from .test_limits import write_heavy_docx

REDIS_URL = os.environ.get("THEODOI_TEST_REDIS", "redis://127.0.0.1:6379/0")
pytestmark = [pytest.mark.redis, pytest.mark.slow]


@pytest.fixture
def queue_env(settings):
    import redis

    namespace = f"theodoi-test-{uuid.uuid4().hex[:10]}"
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()
    yield {**os.environ, "THEODOI_QUEUE_URL": REDIS_URL, "THEODOI_QUEUE_NAMESPACE": namespace,
           "THEODOI_QUEUE_HEARTBEAT": "3", "THEODOI_FILE_TIMEOUT": "0"}
    keys = list(client.scan_iter(f"{namespace}*"))
    if keys:
        client.delete(*keys)
    client.close()


def _theodoi(settings, *args: str) -> list[str]:
    return [sys.executable, "-m", "theodoi.cli", "--data-dir", str(settings.data_dir), *args]


def _start_worker(settings, env) -> subprocess.Popen:
    return subprocess.Popen(_theodoi(settings, "worker"), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _statuses(settings) -> dict[str, str]:
    db = settings.data_dir / "theodoi.db"
    if not db.exists():
        return {}
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return dict(connection.execute("select original_name, status from files"))
    except sqlite3.OperationalError:
        return {}


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_queued_files_are_stored_by_workers(tmp_path, settings, queue_env):
    paths = write_folder(tmp_path / "in", 5)
    queued = subprocess.run(_theodoi(settings, "ingest", "--queue", str(tmp_path / "in")), env=queue_env,
                            capture_output=True, text=True, timeout=120)
    assert queued.returncode == 0, queued.stderr
    assert "5 files queued" in queued.stderr
    workers = [_start_worker(settings, queue_env) for _ in range(2)]
    try:
        assert _wait(lambda: list(_statuses(settings).values()).count("done") == len(paths), 240), _statuses(settings)
    finally:
        for process in workers:
            _stop(process)
    with sqlite3.connect(settings.data_dir / "theodoi.db") as connection:
        assert connection.execute("select count(*), count(distinct file_id) from documents").fetchone() == (5, 5)


def test_the_job_of_a_killed_worker_is_done_by_another(tmp_path, settings, queue_env):
    folder = tmp_path / "in"
    folder.mkdir()
    write_heavy_docx(folder / "slow.docx", 1)  # several seconds to read: the worker is killed inside it
    first = _start_worker(settings, queue_env)
    try:
        queued = subprocess.run(_theodoi(settings, "ingest", "--queue", str(folder)), env=queue_env,
                                capture_output=True, text=True, timeout=120)
        assert queued.returncode == 0, queued.stderr
        assert _wait(lambda: _statuses(settings).get("slow.docx") == "processing", 180), "the job never started"
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    assert _statuses(settings)["slow.docx"] == "processing"
    second = _start_worker(settings, queue_env)
    try:
        assert _wait(lambda: _statuses(settings).get("slow.docx") == "done", 300), _statuses(settings)
    finally:
        _stop(second)
    with sqlite3.connect(settings.data_dir / "theodoi.db") as connection:
        assert connection.execute("select count(*) from documents").fetchone() == (1,)


def test_a_watched_inbox_enqueues_for_workers_when_a_queue_is_set(settings, queue_env, tmp_path):
    """With THEODOI_QUEUE_URL set, `theodoi watch --once` puts the folder's files on the queue
    (outcome "queued") and a worker stores them."""
    inbox = tmp_path / "inbox"
    write_folder(inbox, 2)
    watched = subprocess.run(_theodoi(settings, "watch", str(inbox), "--once"), env=queue_env,
                             capture_output=True, text=True, timeout=120)
    assert watched.returncode == 0, watched.stderr
    assert watched.stdout.count("queued ") == 2
    worker = _start_worker(settings, queue_env)
    try:
        assert _wait(lambda: sorted(_statuses(settings).values()) == ["done", "done"], 120), _statuses(settings)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
