"""Officers' updates: a status change by a named user, with a note and an evidence file.

`update_status` is the one function the CLI (`theodoi task update`) and the web app call.
The update is appended to the task's history (never replacing an event); the evidence
file is kept content-addressed under the data directory's evidence folder. The task's
document is marked "index pending" in the same transaction and re-indexed after the
commit (its task statuses are search filters); a busy or broken index leaves it pending.
"""
from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import TASK_STATUSES
from theodoi.search import index_pending, open_index
from theodoi.store import repo
from theodoi.store.db import Store
from theodoi.store.models import StatusEvent, Task

log = logging.getLogger(__name__)

INDEX_LOCK_TIMEOUT = 2.0  # seconds an update waits for the search index before leaving it pending
MAX_USER_CHARS = StatusEvent.user.property.columns[0].type.length  # the column's length (100)
MAX_NOTE_CHARS = 5000


class UpdateError(ValueError):
    """An update that cannot be made: unknown or withdrawn task, unknown status, no user, missing file."""


def withdrawn_reason(task: Task) -> str | None:
    """Why a task a person removed or merged into another takes no more status updates or
    corrections, in Vietnamese; None for a task in force."""
    if task.merged_into_id is not None:
        return (f"Nhiệm vụ này đã được gộp vào nhiệm vụ khác (mã {task.merged_into_id}) nên không cập nhật "
                "trạng thái hay sửa được nữa; hãy cập nhật trên nhiệm vụ đã gộp.")
    if task.removed_at is not None:
        return "Nhiệm vụ này đã bị xóa khỏi văn bản nên không cập nhật trạng thái hay sửa được nữa."
    return None


def keep_evidence(path: Path, settings: Settings) -> str:
    """Copy an evidence file into settings.evidence_dir by its SHA-256; return its path
    relative to the data directory (the same file twice is kept once)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = settings.evidence_dir / sha[:2] / f"{sha}{path.suffix.lower()}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return target.relative_to(settings.data_dir).as_posix()


def update_status(store: Store, task_id: int, *, status: str, user: str, note: str | None = None,
                  evidence_file: Path | None = None, settings: Settings, user_id: int | None = None) -> StatusEvent:
    """Append an officer's status change to a task's history and return the event, then
    re-index the task's document (never failing the update if the index is busy).
    `user_id` is the account of the person logged in to the web app (its username is `user`).

    Raises UpdateError for an unknown, removed or merged task, an unknown status, an empty user
    name or a missing file.
    """
    if status not in TASK_STATUSES:
        raise UpdateError(f"unknown status {status!r}; one of: {', '.join(TASK_STATUSES)}")
    if not user or not user.strip():
        raise UpdateError("a status update needs the name of the user who makes it")
    if len(user.strip()) > MAX_USER_CHARS:
        raise UpdateError(f"a user name has at most {MAX_USER_CHARS} characters, not {len(user.strip())}")
    if note and len(note) > MAX_NOTE_CHARS:
        raise UpdateError(f"a note has at most {MAX_NOTE_CHARS} characters, not {len(note)}")
    if evidence_file is not None and not Path(evidence_file).is_file():
        raise UpdateError(f"{evidence_file}: no such file")
    with store.transaction() as session:
        task = repo.get_task(session, task_id)
        if task is None:
            raise UpdateError(f"no task with id {task_id}")
        if task.withdrawn:
            raise UpdateError(withdrawn_reason(task))
        evidence_path = keep_evidence(Path(evidence_file), settings) if evidence_file is not None else None
        event = repo.add_status_event(session, task, status=status, source="manual", user=user.strip(), user_id=user_id,
                                      note=note.strip() if note and note.strip() else None,
                                      evidence_path=evidence_path)
        repo.set_index_state(session, [task.document_id], "pending")
    reindex_pending(store, settings)
    return event


def reindex_pending(store: Store, settings: Settings) -> None:
    """Index the documents waiting as "index pending"; a locked or unreadable index is
    logged and leaves them pending (`theodoi reindex` or the next ingest retries)."""
    try:
        index = open_index(settings, lock_timeout=INDEX_LOCK_TIMEOUT)
    except Exception as error:  # noqa: BLE001 - the index is derived data; the update stands
        log.warning("search index not updated after a status change: %s", error)
        return
    try:
        index_pending(store, index)
    finally:
        index.close()
