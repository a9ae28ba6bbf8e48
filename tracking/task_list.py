"""People's corrections of which tasks a document has: two tasks the extractor split wrongly
merged into one, a task it found wrongly removed, a task it missed added.

A removed or merged task is never deleted (its status history is append-only): it keeps its
row with `removed_at` (and `merged_into_id`), out of its document's tasks, so the board, the
counts and the search index no longer see it, and a re-extraction that finds it again pairs
the finding with it instead of adding it anew (tracking.reextraction). A merge rewrites the
kept task's text and bodies as ordinary field corrections, re-applied after a re-extraction;
an added task carries corrections, so a re-extraction that does not find it keeps it. Each
step is a Correction row: field "merged_into" (new value: the kept task's id), "removed"
(new value: the reason) or "added".
"""
from __future__ import annotations

import datetime as dt

from theodoi.config import Settings
from theodoi.store import repo
from theodoi.store.db import Store
from theodoi.store.models import Correction, Task, utc_now
from theodoi.tracking.access import Actor, can_update_task
from theodoi.tracking.corrections import CorrectionError, apply_task_changes
from theodoi.tracking.updates import reindex_pending

STRUCTURE_LABELS = {"merged_into": "Gộp vào nhiệm vụ", "removed": "Xóa nhiệm vụ", "added": "Thêm nhiệm vụ"}


class NotAllowed(CorrectionError):
    """The actor may not correct one of the tasks concerned."""


def _names(bodies) -> list[str]:
    """Body names as written, once each (by canonical name when known)."""
    seen, names = set(), []
    for body in bodies:
        key = body.canonical or body.text
        if key not in seen:
            seen.add(key)
            names.append(body.text)
    return names


def _record(task: Task, actor: Actor, field: str, old: str | None, new: str | None) -> Correction:
    return Correction(document_id=task.document_id, task_id=task.id, field=field, old_value=old, new_value=new,
                      user_id=actor.id, user=actor.username)


def _withdraw(task: Task, merged_into: Task | None = None) -> None:
    task.removed_at = utc_now()
    task.merged_into_id = merged_into.id if merged_into is not None else None


def _live_task(session, task_id: int, actor: Actor) -> Task:
    task = repo.get_task(session, task_id)
    if task is None or task.removed_at is not None:
        raise CorrectionError(f"no task with id {task_id}")
    if not can_update_task(actor, task):
        raise NotAllowed(f"task {task_id} is not the actor's to correct")
    return task


def merge_tasks(store: Store, keep_id: int, merged_id: int, actor: Actor, settings: Settings,
                text: str | None = None) -> list[Correction]:
    """Merge task `merged_id` into `keep_id` (same document): the kept task takes both texts
    in their order (or `text`), both lead and support lists, and the merged one's deadline when
    it has none; the merged task is withdrawn. The actor must be allowed to correct both."""
    if keep_id == merged_id:
        raise CorrectionError("a task cannot be merged into itself")
    with store.transaction() as session:
        keep, merged = _live_task(session, keep_id, actor), _live_task(session, merged_id, actor)
        if keep.document_id != merged.document_id:
            raise CorrectionError("only tasks of one document can be merged")
        first, second = sorted((keep, merged), key=lambda task: task.ordinal)
        leads = _names([*keep.lead, *merged.lead])
        changes = {"text": text or f"{first.text.rstrip(' .;,')}; {second.text}", "lead": leads,
                   "support": [name for name in _names([*keep.support, *merged.support]) if name not in leads]}
        if keep.due is None and merged.due is not None:
            changes.update(due=merged.due, deadline_text=merged.deadline_text or "")
        recorded = apply_task_changes(keep, actor, changes)
        recorded.append(_record(merged, actor, "merged_into", None, str(keep.id)))
        _withdraw(merged, keep)
        session.add_all(recorded)
        repo.set_index_state(session, [keep.document_id], "pending")
    reindex_pending(store, settings)
    return recorded


def remove_task(store: Store, task_id: int, actor: Actor, settings: Settings, reason: str = "") -> Correction:
    """Withdraw a wrongly extracted task, with the reason given."""
    with store.transaction() as session:
        task = _live_task(session, task_id, actor)
        recorded = _record(task, actor, "removed", task.text, reason.strip() or None)
        _withdraw(task)
        session.add(recorded)
        repo.set_index_state(session, [task.document_id], "pending")
    reindex_pending(store, settings)
    return recorded


def add_task(store: Store, document_id: int, actor: Actor, settings: Settings, *, text: str,
             lead: list[str], support: list[str] = (), due: dt.date | None = None,
             deadline_text: str = "") -> int:
    """Add a task the extractor missed to a document; returns its id. An officer adds only
    tasks their agencies lead; its place in the text is found when the text is quoted."""
    if not text.strip():
        raise CorrectionError("a task's text cannot be empty")
    with store.transaction() as session:
        document = repo.get_document(session, document_id)
        if document is None:
            raise CorrectionError(f"no document with id {document_id}")
        start = document.text.find(text.strip())
        task = Task(document_id=document.id, ordinal=1 + max((t.ordinal for t in document.tasks), default=-1),
                    text=text.strip(), start=max(start, 0), end=max(start, 0) + len(text.strip()) if start >= 0 else 0)
        session.add(task)
        session.flush()
        recorded = [_record(task, actor, "added", None, task.text),
                    *apply_task_changes(task, actor, {"lead": lead, "support": list(support), "due": due,
                                                      "deadline_text": deadline_text})]
        if not can_update_task(actor, task):
            raise NotAllowed("an officer adds only tasks their agencies lead")
        session.add_all(recorded)
        repo.set_index_state(session, [document.id], "pending")
        task_id = task.id
    reindex_pending(store, settings)
    return task_id
