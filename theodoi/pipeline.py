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

from sqlalchemy.exc import IntegrityError

from theodoi.config import Settings
from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.limits import ReaderLimit, init_reader, reading_limits
from theodoi.nlp import extract
from theodoi.nlp.version import extractor_version
from theodoi.search import index_pending, open_index
from theodoi.store import claims, repo
from theodoi.store.claims import forget_path_failure, record_path_failure
from theodoi.store.db import Store
from theodoi.store.models import StoredFile
from theodoi.tracking.followup import follow_up
from theodoi.walk import PathProblem, check_file, display_name, os_problem, walk

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


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def original_path(path: Path, sha256: str) -> str:
    """Where the content-addressed copy of a file lives, relative to the data directory."""
    return (Path("originals") / sha256[:2] / f"{sha256}{display_name(path.suffix).lower()}").as_posix()


def keep_original(path: Path, relative: str, settings: Settings) -> None:
    """Copy the file into the originals folder (through a temporary name, so a run racing on
    the same bytes never sees half a copy)."""
    target = settings.data_dir / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.part")
        shutil.copyfile(path, partial)
        os.replace(partial, target)


@dataclass
class _Read:
    """A worker's result for one file: the parsed document and extraction, or why it failed."""

    parsed: object | None = None
    extraction: object | None = None
    error_code: str | None = None
    message: str | None = None


def read_and_extract(path: Path, settings: Settings) -> _Read:
    """Parse and extract one file (the part that runs in worker processes) within the time and
    memory limits of the settings. Never raises."""
    try:
        with reading_limits(settings.file_timeout, settings.reader_memory_mb):
            parsed = parse_file(path, settings)
            return _Read(parsed, extract(parsed))
    except ReaderLimit as error:
        return _Read(error_code=error.code, message=f"{path}: {error}")
    except MemoryError:
        return _Read(error_code="too_much_memory", message=f"{path}: reading ran out of memory "
                     "(THEODOI_READER_MEMORY_MB caps a reader process)")
    except IngestError as error:
        return _Read(error_code=error.code, message=str(error))
    except Exception as error:  # a bug or an unexpected file: record it, let the batch go on
        log.exception("unexpected error on %s", display_name(path))
        return _Read(error_code="internal_error", message=f"{path}: {type(error).__name__}: {error}")


def claim_file(path: Path, settings: Settings, store: Store) -> FileOutcome | int:
    """Claim the file for this run ("processing") and return its id; or the outcome when there is
    nothing to do here: a path that cannot be read (recorded for `ingest --failed`), the same
    bytes already done, or another live run reading them. A file failed before, or left
    "processing" by a run that is gone, is claimed again."""
    problem = check_file(path)
    if problem is None:
        try:
            sha256, size = sha256_of(path), path.stat().st_size
        except OSError as error:
            problem = os_problem(path, error)
    if problem is not None:
        return path_failed(problem, store)
    shown = display_name(path)
    with store.session() as session:
        forget_path_failure(session, shown)
        relative = original_path(path, sha256)
        state, stored = claims.claim(session, sha256=sha256, new_file=dict(
            original_name=display_name(path.name), source_path=shown, stored_path=relative, size=size))
        if stored is not None:  # the same bytes under another name are one file with several names
            try:
                repo.record_name(session, stored, Path(shown))
                session.commit()
            except IntegrityError:  # another run recorded the same name at the same moment
                session.rollback()
        if state == "done":
            return FileOutcome(path, "unchanged", document_id=stored.document.id if stored.document else None)
        if state == "busy" and stored.claimed_by == claims.claimant():  # named twice in this batch
            return FileOutcome(path, "unchanged")
        if state == "busy":
            return FileOutcome(path, "unchanged", message=f"{shown}: being read by another ingest ({stored.claimed_by})")
        file_id = stored.id
    try:
        keep_original(path, relative, settings)
    except OSError as error:
        return store_result(path, file_id, _Read(error_code="original_not_kept",
                                                 message=f"{shown}: could not be copied into the data directory: {error}"), store)
    return file_id


def path_failed(problem: PathProblem, store: Store) -> FileOutcome:
    """Record a path that cannot be read and return its outcome."""
    with store.session() as session:
        record_path_failure(session, display_name(problem.path), problem.code, problem.message)
    return FileOutcome(problem.path, "failed", error_code=problem.code, message=problem.message)


def store_result(path: Path, file_id: int, result: _Read, store: Store) -> FileOutcome:
    """Save the document in one transaction (status "done"), or record the failure; only while
    this run still holds the file's claim (else another run stored or took it: "unchanged")."""
    code, message = result.error_code, result.message
    if code is None:
        try:
            with store.transaction() as session:
                if not claims.hold(session, file_id):
                    return FileOutcome(path, "unchanged", message=f"{display_name(path)}: stored by another ingest")
                stored = session.get(StoredFile, file_id)
                same = repo.same_document(session, result.parsed)
                if same is not None:  # another copy of a stored document: kept with it, not read twice
                    repo.record_copy(session, same[0], stored, result.parsed, same[1])
                    return FileOutcome(path, "copy", document_id=same[0].id)
                document = repo.save_document(session, stored, result.parsed, result.extraction)
                document.extractor_version = extractor_version()
                stored.claimed_by = None
                link_and_follow_up(session, document, result.parsed.header)
                return FileOutcome(path, "added", document_id=document.id)
        except Exception as error:  # rolled back: nothing of the document stays
            log.exception("could not store %s", display_name(path))
            code, message = "store_failed", f"{path}: could not be stored: {type(error).__name__}: {error}"
    message = display_name(message or "")
    with store.transaction() as session:
        if not claims.release(session, file_id, code, message):
            return FileOutcome(path, "unchanged", message=f"{display_name(path)}: taken over by another ingest")
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
                 files: list[Path | PathProblem] | None = None, store: Store | None = None) -> IngestReport:
    """Ingest files and folders into the data directory, indexing what was added as it goes.

    Files are read and extracted in a pool of worker processes (`ingest_workers`) while this
    process stores them, one transaction per file in the order of the files, and feeds the
    search index (IndexFeed). A file already "done" (same bytes) is skipped, so a killed batch
    resumes where it stopped. A path that cannot be read is a failed outcome with its code; files
    left "processing" by a run that is gone are marked "interrupted" first (and read again when
    in this batch), and those this run holds when it stops are marked so on the way out. A
    long-lived caller (a queue worker) passes its `store`, kept open after the batch."""
    own_store = store is None
    store = store or Store(settings)
    report = IngestReport()
    paths_list = list(files if files is not None else walk(paths))
    with store.transaction() as session:
        claims.interrupt_abandoned(session)
    workers = worker_count(settings, len(paths_list))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=init_reader,
                               initargs=(settings.reader_memory_mb,)) if workers else None
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
        with store.transaction() as session:
            claims.interrupt_abandoned(session, mine=True)
    feed.close()
    report.index_error = feed.error
    if own_store:
        store.dispose()
    return report


def _outcomes(paths: list[Path | PathProblem], settings: Settings, store: Store, pool: ProcessPoolExecutor | None,
              workers: int, idle: Callable[[bool], None]) -> Iterator[FileOutcome]:
    """Claim each file, read it (in the pool when there is one, READ_AHEAD files a reader ahead) and
    store it, in order; `idle(last_files)` is called before waiting for a reader."""
    claimed_ids: set[int] = set()
    pending: deque[tuple[Path, int, Future | None]] = deque()
    for path in paths:
        if isinstance(path, PathProblem):
            pending.append((path.path, -1, _done(path_failed(path, store))))
            continue
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
        result = _Read(error_code="reader_crashed", message=f"{path}: the reader process crashed, or was "
                       "stopped far past THEODOI_FILE_TIMEOUT, on this file or on one read beside it; ingest it "
                       "again alone to tell")
    return result if isinstance(result, FileOutcome) else store_result(path, file_id, result, store)
