"""One file through every layer: keep the original → ingest → nlp → store → index.

The file's outcome is recorded before the work ("processing") and after it ("done" or
"failed", with the error code and message), so a crash or a bad file leaves a trace and
a batch goes on. The search index is written after the database commit and never fails
an ingest: a document the index could not take stays "index pending" for `reindex`.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
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
    """What happened to one file: added, unchanged (seen before) or failed."""

    path: Path
    status: str  # added | unchanged | failed
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


MIN_FILES_FOR_POOL = 8  # below this, starting reader processes costs more than it saves


def worker_count(settings: Settings, files: int) -> int:
    """How many reader processes a batch of `files` gets: the setting, else one per core but the one
    left to this process (which stores and indexes); 1 (read here) for small batches."""
    wanted = settings.ingest_workers or max(1, (os.cpu_count() or 1) - 1)
    return 1 if files < MIN_FILES_FOR_POOL else max(1, min(wanted, files))


def ingest_paths(paths: Iterable[str | Path], settings: Settings, *,
                 on_file: Callable[[FileOutcome], None] | None = None,
                 files: list[Path] | None = None) -> IngestReport:
    """Ingest files and folders into the data directory, then index what was added.

    Files are read and extracted in a pool of worker processes (`ingest_workers`); the store
    writes happen here, one transaction per file, in the order of the files. A file already
    "done" (same bytes) is skipped, so a killed batch resumes where it stopped."""
    store = Store(settings)
    report = IngestReport()
    paths_list = list(files if files is not None else expand_paths(paths))
    workers = worker_count(settings, len(paths_list))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) if workers > 1 else None
    try:
        for outcome in _outcomes(paths_list, settings, store, pool, workers):
            report.outcomes.append(outcome)
            if on_file:
                on_file(outcome)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    try:
        index_pending(store, open_index(settings))
    except Exception as error:  # the documents stay "index pending"; `theodoi reindex` retries
        log.warning("search index not updated: %s", error)
        report.index_error = str(error)
    store.dispose()
    return report


def _outcomes(paths: list[Path], settings: Settings, store: Store, pool: ProcessPoolExecutor | None,
              workers: int) -> Iterator[FileOutcome]:
    """Claim each file, read it (in the pool when there is one, a few files ahead) and store it, in order."""
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
        while pending and (len(pending) > 2 * workers or pool is None):
            yield _finish(*pending.popleft(), settings, store)
    while pending:
        yield _finish(*pending.popleft(), settings, store)


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


def _finish(path: Path, file_id: int, future: Future | None, settings: Settings, store: Store) -> FileOutcome:
    if future is None:
        return store_result(path, file_id, read_and_extract(path, settings), store)
    try:
        result = future.result()
    except BrokenProcessPool:  # a reader crashed (a native library on a broken file)
        result = _Read(error_code="reader_crashed", message=f"{path}: the reader process crashed on this file "
                       "or on one read beside it; ingest it again alone to tell")
    return result if isinstance(result, FileOutcome) else store_result(path, file_id, result, store)
