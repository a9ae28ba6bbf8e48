"""People's corrections of what was extracted: a document's header fields, a task's text,
lead and support bodies and deadline (merging, removing and adding tasks: tracking.task_list).

Each changed field is applied to the stored row and recorded as a Correction (before and
after, who, when), in one transaction; the document is then re-indexed (its header and
its tasks' bodies are search fields). Unchanged fields record nothing.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from theodoi.config import Settings
from theodoi.nlp.agencies import group_members, lookup, resolve
from theodoi.store import repo
from theodoi.store.db import Store
from theodoi.store.models import Correction, Task, TaskBody
from theodoi.tracking.access import Actor
from theodoi.tracking.updates import reindex_pending, withdrawn_reason

DOCUMENT_FIELDS = ("kind", "number", "issuer", "date", "title", "signer")
TASK_FIELDS = ("text", "lead", "support", "due", "deadline_text")
FIELD_LABELS = {"kind": "Loại văn bản", "number": "Số, ký hiệu", "issuer": "Cơ quan ban hành",
                "date": "Ngày ban hành", "title": "Trích yếu", "signer": "Người ký", "text": "Nội dung nhiệm vụ",
                "lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp", "due": "Thời hạn",
                "deadline_text": "Thời hạn (văn bản)"}


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown row, empty required field)."""


def _text(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _bodies_text(task: Task, role: str) -> str | None:
    return "; ".join(b.text for b in task.bodies if b.role == role) or None


def _set_bodies(task: Task, role: str, names: list[str]) -> None:
    task.bodies[:] = [b for b in task.bodies if b.role != role]
    for position, name in enumerate(names):
        entry = lookup(name)
        task.bodies.append(TaskBody(role=role, position=position, text=name, canonical=resolve(name),
                                    is_group=bool(entry and entry.is_group) or bool(group_members(name))))


def apply_task_changes(task: Task, actor: Actor, changes: dict) -> list[Correction]:
    """Set the changed TASK_FIELDS of a stored task; the corrections recording them (not yet added)."""
    unknown = set(changes) - set(TASK_FIELDS)
    if unknown:
        raise CorrectionError(f"unknown task fields: {', '.join(sorted(unknown))}")
    recorded = []
    for name, value in changes.items():
        if name in ("lead", "support"):
            names = [n.strip() for n in value if n.strip()]
            old, new = _bodies_text(task, name), "; ".join(names) or None
            if old != new:
                _set_bodies(task, name, names)
        else:
            if name == "text" and not (value or "").strip():
                raise CorrectionError("a task's text cannot be empty")
            old, new = _text(getattr(task, name)), _text(value.strip() if isinstance(value, str) else value)
            if old != new:
                setattr(task, name, value.strip() if isinstance(value, str) else value)
                if name == "due":
                    task.deadline_kind = "date" if value else (None if task.deadline_kind == "date"
                                                               else task.deadline_kind)
        if old != new:
            recorded.append(Correction(document_id=task.document_id, task_id=task.id, field=name,
                                       old_value=old, new_value=new, user_id=actor.id, user=actor.username))
    return recorded


def correct_task(store: Store, task_id: int, actor: Actor, settings: Settings, **changes) -> list[Correction]:
    """Correct a task: `text` (str), `lead` / `support` (lists of names), `due` (date or
    None), `deadline_text` (str). Returns the corrections recorded; a removed or merged task
    takes none (CorrectionError)."""
    with store.transaction() as session:
        task = repo.get_task(session, task_id)
        if task is None:
            raise CorrectionError(f"no task with id {task_id}")
        if task.withdrawn:
            raise CorrectionError(withdrawn_reason(task))
        recorded = apply_task_changes(task, actor, changes)
        session.add_all(recorded)
        if recorded:
            repo.set_index_state(session, [task.document_id], "pending")
    if recorded:
        reindex_pending(store, settings)
    return recorded


def _stored_value(field: str, text: str | None):
    """A recorded value (text) as the row holds it."""
    if field in ("due", "date") and text:
        return dt.date.fromisoformat(text)
    return text


def reapply_corrections(session, document) -> int:
    """Write the latest recorded correction of each field back onto `document` and its tasks
    (after a re-extraction wrote a new reading over them); returns how many fields it set."""
    latest: dict[tuple[int | None, str], Correction] = {}
    for correction in session.scalars(select(Correction).where(Correction.document_id == document.id)
                                      .order_by(Correction.id)):
        latest[(correction.task_id, correction.field)] = correction
    tasks = {task.id: task for task in document.tasks}
    applied = 0
    for (task_id, field), correction in latest.items():
        row = document if task_id is None else tasks.get(task_id)
        if row is None or field not in (DOCUMENT_FIELDS if task_id is None else TASK_FIELDS):
            continue  # a removed task, or a merge, removal or addition (kept on the rows themselves)
        if field in ("lead", "support"):
            _set_bodies(row, field, [n for n in (correction.new_value or "").split("; ") if n])
        else:
            setattr(row, field, _stored_value(field, correction.new_value))
        applied += 1
    return applied


def correct_document(store: Store, document_id: int, actor: Actor, settings: Settings,
                     **changes) -> list[Correction]:
    """Correct header fields of a document (DOCUMENT_FIELDS; `date` a date or None)."""
    unknown = set(changes) - set(DOCUMENT_FIELDS)
    if unknown:
        raise CorrectionError(f"unknown document fields: {', '.join(sorted(unknown))}")
    with store.transaction() as session:
        document = repo.get_document(session, document_id)
        if document is None:
            raise CorrectionError(f"no document with id {document_id}")
        recorded = []
        for name, value in changes.items():
            value = value.strip() or None if isinstance(value, str) else value
            old, new = _text(getattr(document, name)), _text(value)
            if old != new:
                setattr(document, name, value)
                recorded.append(Correction(document_id=document.id, field=name, old_value=old, new_value=new,
                                           user_id=actor.id, user=actor.username))
        session.add_all(recorded)
        if recorded:
            repo.set_index_state(session, [document.id], "pending")
    if recorded:
        reindex_pending(store, settings)
    return recorded
