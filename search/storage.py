"""Where the index lives on disk: generations under the index directory.

    <index_dir>/CURRENT            name of the live generation (replaced atomically)
    <index_dir>/gen-<ns>-<id>/      documents and tasks indexes of one engine: for Whoosh
                                    two indexes ("MAIN", "TASKS") in the folder, for tantivy
                                    the sub-folders documents/ and tasks/; names sort by age
    <index_dir>/gen-<stamp>/theodoi-index.json   engine, schema version, analyser fingerprint

A rebuild writes a new generation and then points CURRENT at it, so the live index is
never touched until the new one is complete; old generations are removed afterwards.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
import uuid
from pathlib import Path

from whoosh import index as whoosh_index

from theodoi.search.errors import IndexCorruptError
from theodoi.search.schema import build_schema, build_task_schema, index_version

POINTER = "CURRENT"
VERSION_FILE = "theodoi-index.json"
DOCUMENTS, TASKS = "MAIN", "TASKS"  # Whoosh index names inside a generation
_OPEN_ATTEMPTS = 3


def current_generation(root: Path) -> Path | None:
    """The live generation's directory, or None when there is none yet."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return root / name if name else None


def pointer_stamp(root: Path) -> tuple[int, int] | None:
    """A cheap token that changes whenever CURRENT is replaced."""
    try:
        stat = (root / POINTER).stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def create_generation(root: Path, backend: str = "whoosh") -> Path:
    """A new, empty index directory of `backend` ("whoosh" or "tantivy") with the current
    schema and its version file."""
    root.mkdir(parents=True, exist_ok=True)
    directory = root / f"gen-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"  # names sort by age
    directory.mkdir()
    if backend == "tantivy":
        from theodoi.search.tantivy_backend import create_indexes  # tantivy only when chosen

        create_indexes(directory)
    else:
        whoosh_index.create_in(str(directory), build_schema(), indexname=DOCUMENTS)
        whoosh_index.create_in(str(directory), build_task_schema(), indexname=TASKS)
    (directory / VERSION_FILE).write_text(json.dumps(index_version(backend), indent=2), encoding="utf-8")
    return directory


def read_version(directory: Path) -> dict | None:
    """The version stored beside an index, or None if missing or unreadable (a stamp
    written before the engine was recorded is a Whoosh one)."""
    try:
        version = json.loads((directory / VERSION_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return {"backend": "whoosh", **version} if isinstance(version, dict) else None


def generation_backend(directory: Path) -> str:
    """The engine that wrote a generation ("whoosh" when unstamped)."""
    return (read_version(directory) or {}).get("backend", "whoosh")


def make_current(root: Path, directory: Path) -> None:
    """Point CURRENT at `directory` (atomic rename), then delete other generations."""
    temporary = root / f"{POINTER}.{uuid.uuid4().hex[:8]}.tmp"
    temporary.write_text(directory.name, encoding="utf-8")
    os.replace(temporary, root / POINTER)
    remove_stale_generations(root)


def remove_stale_generations(root: Path) -> None:
    """Delete generations other than the live one (best effort; a rebuild in progress
    elsewhere is left alone if it was touched in the last hour)."""
    live = current_generation(root)
    for path in root.glob("gen-*"):
        if path == live or not path.is_dir():
            continue
        if time.time() - path.stat().st_mtime < 3600 and not _is_older_than(path, live):
            continue
        shutil.rmtree(path, ignore_errors=True)


def _is_older_than(path: Path, live: Path | None) -> bool:
    return live is not None and path.name < live.name


def has_index(directory: Path, indexname: str) -> bool:
    """True when `directory` holds the Whoosh index `indexname` (older generations
    have no task index)."""
    return whoosh_index.exists_in(str(directory), indexname=indexname)


def open_whoosh(directory: Path, indexname: str = DOCUMENTS):
    """Open a Whoosh index of `directory`, retrying transient races; a missing or
    unreadable table of contents raises IndexCorruptError and deletes nothing."""
    last_error: Exception | None = None
    for attempt in range(_OPEN_ATTEMPTS):
        try:
            return whoosh_index.open_dir(str(directory), indexname=indexname)
        except FileNotFoundError as error:  # a concurrent commit renaming files
            last_error = error
            time.sleep(0.1 * (attempt + 1))
        except whoosh_index.EmptyIndexError as error:
            raise IndexCorruptError(f"no index in {directory}; run `theodoi reindex`") from error
        except Exception as error:  # noqa: BLE001 - any unreadable TOC or segment
            raise IndexCorruptError(f"cannot read the index in {directory}: {error!r}; "
                                    "run `theodoi reindex`") from error
    raise IndexCorruptError(f"cannot open the index in {directory}: {last_error!r}; run `theodoi reindex`")


class GenerationIndex:
    """What both engines share: an index under `root` that follows the live generation
    (reopening after a rebuild swapped it), unless `generation` pins it to one directory,
    as a rebuild does while it writes. A live generation written by another engine is
    `foreign`: not read, not written, and `needs_rebuild` until `theodoi reindex`.

    An engine sets `backend` and implements `_open(directory)` (open its handles there)."""

    backend = ""

    def __init__(self, root: Path, *, generation: Path | None = None, lock_timeout: float = 30.0,
                 lock_delay: float = 0.25):
        self.root = root
        self._pinned = generation
        self.lock_timeout = lock_timeout
        self.lock_delay = lock_delay
        self._guard = threading.RLock()
        self._stamp = None
        self._reopen()

    @classmethod
    def open(cls, settings, *, lock_timeout: float = 30.0):
        """The index of these settings (`index_dir`), following the live generation."""
        return cls(Path(settings.index_dir), lock_timeout=lock_timeout)

    @classmethod
    def for_rebuild(cls, settings):
        """An index pinned to a new, not yet live generation (see `publish`)."""
        root = Path(settings.index_dir)
        return cls(root, generation=create_generation(root, cls.backend))

    def publish(self) -> None:
        """Make this (rebuilt) generation the live one; other generations are removed."""
        self.close()
        make_current(self.root, self._pinned)

    def stored_version(self) -> dict | None:
        """The version stamp of the generation this index reads."""
        return read_version(self.directory)

    def _open(self, directory: Path) -> None:
        raise NotImplementedError

    def _reopen(self) -> None:
        directory = self._pinned or current_generation(self.root)
        if directory is None or not directory.exists():
            directory = create_generation(self.root, self.backend)
            make_current(self.root, directory)
        self.directory = directory
        self.foreign = generation_backend(directory) != self.backend
        self._open(directory)
        self._stamp = pointer_stamp(self.root)

    def _stale(self) -> bool:
        """Whether a rebuild swapped the live generation since it was opened."""
        return self._pinned is None and pointer_stamp(self.root) != self._stamp

    def _fresh(self) -> None:
        """Reopen on the live generation if it changed."""
        with self._guard:
            if self._stale():
                self._reopen()

    @property
    def needs_rebuild(self) -> bool:
        """True when the index was built by another engine, schema or analyser version."""
        self._fresh()
        return read_version(self.directory) != index_version(self.backend)
