"""One file through every layer: keep the original → ingest → nlp → store → index.

The file's outcome is recorded before the work ("processing") and after it ("done" or
"failed", with the error code and message), so a crash or a bad file leaves a trace and
a batch goes on. The search index is written after the database commit and never fails
an ingest: a document the index could not take stays "index pending" for `reindex`.
"""
from __future__ import annotations

import hashlib
import logging
import shutil
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


SUPPORTED_SUFFIXES = {".txt", ".pdf", ".docx", ".doc", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


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


def ingest_file(path: Path, settings: Settings, store: Store) -> FileOutcome:
    """Read, extract and store one file. Never raises for a bad file: the outcome says why."""
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
        file_id = stored.id
    try:
        parsed = parse_file(path, settings)
        extraction = extract(parsed)
    except IngestError as error:
        code, message = error.code, str(error)
    except Exception as error:  # a bug or an unexpected file: record it, let the batch go on
        log.exception("unexpected error on %s", path)
        code, message = "internal_error", f"{path}: {type(error).__name__}: {error}"
    else:
        with store.transaction() as session:
            stored = session.get(StoredFile, file_id)
            document = repo.save_document(session, stored, parsed, extraction)
            return FileOutcome(path, "added", document_id=document.id)
    with store.transaction() as session:
        repo.mark_failed(session, session.get(StoredFile, file_id), code, message)
    return FileOutcome(path, "failed", error_code=code, message=message)


def ingest_paths(paths: Iterable[str | Path], settings: Settings, *,
                 on_file: Callable[[FileOutcome], None] | None = None,
                 files: list[Path] | None = None) -> IngestReport:
    """Ingest files and folders into the data directory, then index what was added."""
    store = Store(settings)
    report = IngestReport()
    for path in files if files is not None else expand_paths(paths):
        outcome = ingest_file(path, settings, store)
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    try:
        index_pending(store, open_index(settings))
    except Exception as error:  # the documents stay "index pending"; `theodoi reindex` retries
        log.warning("search index not updated: %s", error)
        report.index_error = str(error)
    store.dispose()
    return report
