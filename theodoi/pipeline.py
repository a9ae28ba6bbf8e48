"""One file through every layer: keep the original → ingest → nlp → store → index.

The file's outcome is recorded before the work ("processing") and after it ("done" or
"failed", with the error code and message), so a crash or a bad file leaves a trace and
a batch goes on. The search index is written after the database commit, a chunk of
documents at a time while the batch runs, and never fails an ingest: a document the index
could not take stays "index pending" for `reindex`.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from theodoi.config import Settings
from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.nlp import extract
from theodoi.search import index_pending, open_index
from theodoi.store import repo
from theodoi.store.db import Store
from theodoi.store.models import StoredFile
from theodoi.tracking.followup import follow_up

log = logging.getLogger(__name__)


@dataclass
class FileOutcome:
    """What happened to one file: added, a copy of a stored document, unchanged (seen before) or failed."""

    path: Path
    status: str  # added | copy | unchanged | failed
    document_id: int | None = None
    error_code: str | None = None
    message: str | None = None


@dataclass
class IngestReport:
    """The outcomes of a batch."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    index_error: str | None = None

    @property
    def failed(self) -> list[FileOutcome]:
        """The files that could not be read."""
        return [o for o in self.outcomes if o.status == "failed"]

    def count(self, status: str) -> int:
        """How many files ended with `status`."""
        return sum(1 for o in self.outcomes if o.status == status)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the files below folders named (hidden files skipped), in order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def keep_original(path: Path, sha256: str, settings: Settings) -> str:
    """Copy the file into the content-addressed originals folder; return its relative path."""
    relative = Path("originals") / sha256[:2] / f"{sha256}{path.suffix.lower()}"
    target = settings.data_dir / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return relative.as_posix()


@dataclass
class _Read:
    """A worker's result for one file: the parsed document and extraction, or why it failed."""

    parsed: object | None = None
    extraction: object | None = None
    error_code: str | None = None
    message: str | None = None


def read_and_extract(path: Path, settings: Settings) -> _Read:
    """Parse and extract one file (the part that runs in worker processes). Never raises."""
    try:
        parsed = parse_file(path, settings)
        return _Read(parsed, extract(parsed))
    except IngestError as error:
        return _Read(error_code=error.code, message=str(error))
    except Exception as error:  # a bug or an unexpected file: record it, let the batch go on
        log.exception("unexpected error on %s", path)
        return _Read(error_code="internal_error", message=f"{path}: {type(error).__name__}: {error}")


def claim_file(path: Path, settings: Settings, store: Store) -> FileOutcome | int:
    """Record the file as "processing" before the work and return its id; or the outcome when
    there is nothing to do (missing, or already done: an unchanged file is skipped by its hash).
    A file left "processing" by a killed run, or "failed" before, is claimed again."""
    if not path.is_file():
        return FileOutcome(path, "failed", error_code="not_found", message=f"{path}: no such file")
    sha256 = sha256_of(path)
    with store.transaction() as session:
        stored = repo.file_by_sha(session, sha256)
        if stored is not None:  # the same bytes under another name are one file with several names
            repo.record_name(session, stored, path)
        if stored is not None and stored.status == "done":
            return FileOutcome(path, "unchanged", document_id=stored.document.id if stored.document else None)
        if stored is None:
            stored = repo.record_file(session, sha256=sha256, original_name=path.name, source_path=str(path),
                                      stored_path=keep_original(path, sha256, settings), size=path.stat().st_size)
        else:
            stored.status = "processing"
        return stored.id


def store_result(path: Path, file_id: int, result: _Read, store: Store) -> FileOutcome:
    """Save the document in one transaction (status "done"), or record the failure."""
    code, message = result.error_code, result.message
    if code is None:
        try:
            with store.transaction() as session:
                stored = session.get(StoredFile, file_id)
                same = repo.same_document(session, result.parsed)
                if same is not None:  # another copy of a stored document: kept with it, not read twice
                    repo.record_copy(session, same[0], stored, result.parsed, same[1])
                    return FileOutcome(path, "copy", document_id=same[0].id)
                document = repo.save_document(session, stored, result.parsed, result.extraction)
                link_and_follow_up(session, document, result.parsed.header)
                return FileOutcome(path, "added", document_id=document.id)
        except Exception as error:  # rolled back: nothing of the document stays
            log.exception("could not store %s", path)
            code, message = "store_failed", f"{path}: could not be stored: {type(error).__name__}: {error}"
    with store.transaction() as session:
        repo.mark_failed(session, session.get(StoredFile, file_id), code, message)
    return FileOutcome(path, "failed", error_code=code, message=message)


def ingest_file(path: Path, settings: Settings, store: Store) -> FileOutcome:
    """Read, extract and store one file. Never raises for a bad file: the outcome says why."""
    claimed = claim_file(path, settings, store)
    if isinstance(claimed, FileOutcome):
        return claimed
    return store_result(path, claimed, read_and_extract(path, settings), store)


def link_and_follow_up(session, document, header) -> None:
    """Resolve the new document's links and read it (or the reports waiting for it) for task
    status, in a savepoint: a failure there is logged and never loses the document."""
    try:
        with session.begin_nested():
            follow_up(session, document, header)
    except Exception:
        log.exception("follow-up links not updated for %s (`theodoi links --relink` redoes it)", document.file_id)


MIN_FILES_FOR_POOL = 4  # below this, a reader process saves about what it costs (2 files: even)
READ_AHEAD = 8  # files read ahead per reader, so readers go on while this process writes a chunk
# Stored documents are indexed once INDEX_INTERVAL seconds have passed since the last index
# write, or once INDEX_CHUNK of them wait. A commit costs ~50 ms whatever it holds (chunks of
# 5 made a batch of small files 30 % slower); a short interval lets this process index while
# it would wait for a reader, and leaves little to index after the last file is read.
INDEX_CHUNK = 20
INDEX_INTERVAL = 0.5


def worker_count(settings: Settings, files: int) -> int:
    """How many reader processes a batch of `files` gets: the setting, else one per core but the one
    left to this process (which stores and indexes while they read); 0 (read here) for small
    batches and on one core."""
    if files < MIN_FILES_FOR_POOL:
        return 0
    wanted = settings.ingest_workers or (os.cpu_count() or 1) - 1
    return max(0, min(wanted, files))


class IndexFeed:
    """Writes what a batch stores into the search index as it goes, after the database commits:
    the documents "index pending" (this batch's, and any an earlier run or a status update left)
    are indexed in one commit when INDEX_INTERVAL seconds have passed since the last write (as a
    document is stored, or before this process waits for a reader) or INDEX_CHUNK of them wait,
    and at the end. A writer exists only while a chunk is written, so the lock is never held
    across the batch. The first failure (a locked or broken index) stops the feed for the batch:
    the documents stay pending."""

    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.index = None
        self.error: str | None = None
        self.waiting = 0
        self.since = time.monotonic()

    def stored(self) -> None:
        """One more document committed: index the chunk when it is due."""
        self.waiting += 1
        if self.waiting >= INDEX_CHUNK or time.monotonic() - self.since >= INDEX_INTERVAL:
            self.flush()

    def idle(self, last_files: bool) -> None:
        """This process is about to wait for a reader: open the index (while the first file is
        read), or index what waits when INDEX_INTERVAL seconds have passed, or at once when the
        readers have the `last_files` of the batch (what is indexed then is not left for the end)."""
        if self.index is None or self.waiting and (last_files or time.monotonic() - self.since >= INDEX_INTERVAL):
            self.flush()

    def flush(self) -> None:
        """Index every pending document now."""
        if self.error is None:
            try:
                if self.index is None:
                    self.index = open_index(self.settings)
                index_pending(self.store, self.index, raise_errors=True)
            except Exception as error:  # the documents stay "index pending"; `theodoi reindex` retries
                log.warning("search index not updated: %s", error)
                self.error = str(error)
        self.waiting, self.since = 0, time.monotonic()

    def close(self) -> None:
        """Index what is still pending and let go of the index."""
        self.flush()
        if self.index is not None:
            self.index.close()


def ingest_paths(paths: Iterable[str | Path], settings: Settings, *,
                 on_file: Callable[[FileOutcome], None] | None = None,
                 files: list[Path] | None = None) -> IngestReport:
    """Ingest files and folders into the data directory, indexing what was added as it goes.

    Files are read and extracted in a pool of worker processes (`ingest_workers`) while this
    process stores them, one transaction per file in the order of the files, and feeds the
    search index (IndexFeed). A file already "done" (same bytes) is skipped, so a killed batch
    resumes where it stopped."""
    store = Store(settings)
    report = IngestReport()
    paths_list = list(files if files is not None else expand_paths(paths))
    workers = worker_count(settings, len(paths_list))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) if workers else None
    feed = IndexFeed(settings, store)
    try:
        for outcome in _outcomes(paths_list, settings, store, pool, workers, feed.idle):
            report.outcomes.append(outcome)
            if outcome.status == "added":
                feed.stored()
            if on_file:
                on_file(outcome)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    feed.close()
    report.index_error = feed.error
    store.dispose()
    return report


def _outcomes(paths: list[Path], settings: Settings, store: Store, pool: ProcessPoolExecutor | None,
              workers: int, idle: Callable[[bool], None]) -> Iterator[FileOutcome]:
    """Claim each file, read it (in the pool when there is one, READ_AHEAD files a reader ahead) and
    store it, in order; `idle(last_files)` is called before waiting for a reader."""
    claimed_ids: set[int] = set()
    pending: deque[tuple[Path, int, Future | None]] = deque()
    for path in paths:
        claimed = claim_file(path, settings, store)
        if isinstance(claimed, FileOutcome) or claimed in claimed_ids:  # done before, or twice in this batch
            outcome = claimed if isinstance(claimed, FileOutcome) else FileOutcome(path, "unchanged")
            pending.append((path, -1, _done(outcome)))
        else:
            claimed_ids.add(claimed)
            pending.append((path, claimed, _submit(pool, path, settings)))
        while pending and (len(pending) > READ_AHEAD * workers or pool is None):
            yield _finish(*pending.popleft(), settings, store, lambda: idle(False))
    while pending:
        yield _finish(*pending.popleft(), settings, store, lambda: idle(True))


def _submit(pool: ProcessPoolExecutor | None, path: Path, settings: Settings) -> Future | None:
    """The file's reading in the pool; None (read here) without a pool or once a reader crashed it."""
    if pool is None:
        return None
    try:
        return pool.submit(read_and_extract, path, settings)
    except BrokenProcessPool:
        return None


def _done(outcome: FileOutcome) -> Future:
    future: Future = Future()
    future.set_result(outcome)
    return future


def _finish(path: Path, file_id: int, future: Future | None, settings: Settings, store: Store,
            idle: Callable[[], None]) -> FileOutcome:
    if future is None:
        return store_result(path, file_id, read_and_extract(path, settings), store)
    if not future.done():
        idle()
    try:
        result = future.result()
    except BrokenProcessPool:  # a reader crashed (a native library on a broken file)
        result = _Read(error_code="reader_crashed", message=f"{path}: the reader process crashed on this file "
                       "or on one read beside it; ingest it again alone to tell")
    return result if isinstance(result, FileOutcome) else store_result(path, file_id, result, store)
