"""A watched inbox: ingest the files that appear in a folder, once each (`theodoi watch DIR`).

The folder is polled rather than watched with inotify (watchdog): scanners and e-office
systems drop files on network shares (SMB, NFS) where inotify sees nothing, and a poll also
finds the files that arrived while the watch was stopped. A file is taken once it has kept
the same size and time for one poll (it is no longer being written); hidden files and the
temporary names copy tools use (`.part`, `.tmp`, `~$...`) wait for their final name.

Once each: this process remembers what it handed over (path, size, time), and the store
skips a file whose bytes are already stored (by hash), so a restarted watch re-reads
nothing; a changed file is new bytes and is ingested again.

The work is a `handle(files) -> outcomes` function: `ingest_paths` in this process, with the
same outcomes as `theodoi ingest`; or, when a job queue is configured (THEODOI_QUEUE_URL), a
job per file for the `theodoi worker` processes of a multi-machine deployment.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from theodoi.config import Settings
from theodoi.pipeline import FileOutcome, ingest_paths
from theodoi.walk import PathProblem, walk

log = logging.getLogger(__name__)

Handle = Callable[[list[Path]], Iterable[FileOutcome]]
_TEMPORARY_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart")


def ingest_here(settings: Settings) -> Handle:
    """The handle of one machine: ingest the files in this process, as `theodoi ingest` does."""
    return lambda files: ingest_paths((), settings, files=files).outcomes


def enqueue_for_workers(settings: Settings) -> Handle:
    """The handle of the multi-machine deployment (THEODOI_QUEUE_URL set): a job on the queue for
    each file, read by `theodoi worker`; a path that cannot be read is recorded at once."""
    from theodoi.jobs import enqueue_ingest

    def handle(files: list) -> list[FileOutcome]:
        paths = [f.path if isinstance(f, PathProblem) else f for f in files]
        _, refused = enqueue_ingest(paths, settings)
        failed = {outcome.path for outcome in refused}
        return refused + [FileOutcome(path, "queued") for path in paths if path not in failed]

    return handle


def _waiting_name(path: Path) -> bool:
    return path.name.startswith("~$") or path.name.lower().endswith(_TEMPORARY_SUFFIXES)


@dataclass
class Inbox:
    """The state of one watched folder between polls."""

    folder: Path
    handle: Handle
    seen: dict[Path, tuple[int, int]] = field(default_factory=dict)  # handed over: (size, mtime_ns)
    last: dict[Path, tuple[int, int]] = field(default_factory=dict)  # the previous poll's view

    def poll(self, settle: bool = True) -> list[FileOutcome]:
        """Hand over the files that are new or changed and no longer being written; their outcomes.
        `settle=False` takes every file at once (for a folder nobody is writing to)."""
        now, problems = {}, {}
        for entry in walk([self.folder]):
            path = entry.path if isinstance(entry, PathProblem) else entry
            if _waiting_name(path):
                continue
            if isinstance(entry, PathProblem):  # handed over once, to be recorded with its code
                now[path], problems[path] = (-1, -1), entry
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:  # moved away between the listing and now
                continue
            now[path] = (stat.st_size, stat.st_mtime_ns)
        ready = [path for path, state in now.items()
                 if self.seen.get(path) != state and (not settle or self.last.get(path) == state)]
        self.last = now
        if not ready:
            return []
        for path in ready:
            self.seen[path] = now[path]
        return list(self.handle([problems.get(path, path) for path in ready]))


def watch(folder: Path, settings: Settings, *, handle: Handle | None = None, interval: float = 2.0,
          once: bool = False, on_file: Callable[[FileOutcome], None] | None = None,
          should_stop: Callable[[], bool] = lambda: False) -> None:
    """Poll `folder` every `interval` seconds until `should_stop()` (or after one pass with `once`)."""
    handle = handle or (enqueue_for_workers(settings) if settings.queue_url else ingest_here(settings))
    inbox = Inbox(folder, handle)
    while True:
        for outcome in inbox.poll(settle=not once):
            if on_file:
                on_file(outcome)
        if once or should_stop():
            return
        time.sleep(interval)
