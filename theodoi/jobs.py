"""A job queue for many machines: files to ingest as jobs on Redis, read by `theodoi worker`
processes on any machine that sees the files, the database and the index.

Dramatiq (dramatiq[redis]) carries the jobs. Chosen over Celery (what paperless-ngx uses) and
RQ because its Redis broker acknowledges a message only when the job ends and keeps a heartbeat
per worker: the jobs of a worker that was killed go back on the queue for another worker (RQ
moves them to a failed registry; Celery redelivers them only after a visibility timeout of an
hour), and it is a small library with no second broker or result store to run. A job that runs
twice is harmless: the file's claim lets one run store it (store/claims.py).

Without THEODOI_QUEUE_URL nothing here is used: `theodoi ingest` reads in one process, no Redis.
"""
from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Iterable

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from theodoi.config import Settings
from theodoi.limits import cap_memory
from theodoi.pipeline import FileOutcome, ingest_paths, path_failed
from theodoi.store.db import Store
from theodoi.walk import PathProblem, walk

log = logging.getLogger(__name__)

QUEUE = "ingest"
MAINTENANCE_CHANCE = 100_000  # of a million broker commands: how often dead workers' jobs are looked for
MAX_RETRIES = 3  # a job that raised (the database or Redis away) is tried again, with backoff
NO_TIME_LIMIT_MS = 24 * 3600 * 1000


class QueueNotConfigured(RuntimeError):
    """THEODOI_QUEUE_URL is not set."""


def make_broker(settings: Settings) -> RedisBroker:
    """The Redis broker the settings name, its keys under THEODOI_QUEUE_NAMESPACE."""
    if not settings.queue_url:
        raise QueueNotConfigured("no job queue: set THEODOI_QUEUE_URL (e.g. redis://127.0.0.1:6379/0)")
    return RedisBroker(url=settings.queue_url, namespace=settings.queue_namespace,
                       heartbeat_timeout=int(settings.queue_heartbeat * 1000), maintenance_chance=MAINTENANCE_CHANCE)


def declare_ingest(broker: RedisBroker, settings: Settings, store: Store | None = None) -> dramatiq.Actor:
    """The ingest actor on `broker`: one file through the whole pipeline, in the worker (with the
    worker's `store`, opened once)."""
    limit = int((settings.file_timeout + 120) * 1000) if settings.file_timeout else NO_TIME_LIMIT_MS

    def ingest_file_job(path: str) -> None:
        outcome = ingest_paths([path], settings, store=store).outcomes[0]
        log.info("%s: %s %s", path, outcome.status, outcome.error_code or "")

    return dramatiq.actor(ingest_file_job, broker=broker, actor_name="theodoi_ingest_file", queue_name=QUEUE,
                          max_retries=MAX_RETRIES, time_limit=limit)


def enqueue_ingest(paths: Iterable[str | Path], settings: Settings) -> tuple[int, list[FileOutcome]]:
    """Put a job on the queue for every file under `paths`; a path that cannot be read is
    recorded here at once. Returns (jobs queued, outcomes of the paths refused)."""
    broker = make_broker(settings)
    actor = declare_ingest(broker, settings)
    store = Store(settings)
    queued, refused = 0, []
    try:
        for item in walk(paths):
            if isinstance(item, PathProblem):
                refused.append(path_failed(item, store))
            else:
                actor.send(str(item.resolve()))
                queued += 1
    finally:
        store.dispose()
        broker.close()
    return queued, refused


def run_worker(settings: Settings, threads: int = 1, stop: threading.Event | None = None) -> None:
    """Read jobs until SIGTERM or SIGINT (or `stop` is set): each thread ingests one file at a time."""
    broker = make_broker(settings)
    store = Store(settings)  # migrated once, before the first job
    declare_ingest(broker, settings, store)
    cap_memory(settings.reader_memory_mb)
    stop = stop or threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    worker = dramatiq.Worker(broker, queues={QUEUE}, worker_threads=threads)
    worker.start()
    try:
        stop.wait()
    finally:
        worker.stop()
        broker.close()
        store.dispose()
