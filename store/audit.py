"""The status history is append-only, and shown to be: each event carries a hash of its content
chained to the task's previous event, and the database refuses UPDATE and DELETE on the table
(a trigger on PostgreSQL and on SQLite, migration 0004_i15_event_guard). `theodoi doctor`
recomputes the chains and checks the triggers are there, so a change made around them (a
dropped trigger, an edited SQLite file) is found.
"""
from __future__ import annotations

import hashlib
import json

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from theodoi.store.models import StatusEvent

GUARD_TRIGGERS = ("status_events_no_update", "status_events_no_delete")
CHAINED = ("task_id", "status", "source", "user", "note", "evidence_path", "evidence_document_id", "passage",
           "created_at")


def event_digest(previous: str | None, row) -> str:
    """The hash of an event (any object or mapping with the CHAINED fields) after `previous`."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    content = {name: get(name) for name in CHAINED}
    content["created_at"] = content["created_at"].isoformat(timespec="microseconds") if content["created_at"] else None
    payload = json.dumps([previous or "", content], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def previous_digest(session: Session, task_id: int) -> str | None:
    """The hash of the task's newest event, if it has one."""
    return session.scalar(select(StatusEvent.row_hash).where(StatusEvent.task_id == task_id)
                          .order_by(StatusEvent.id.desc()).limit(1))


def broken_events(session: Session) -> list[int]:
    """Ids of events whose hash does not match their content and the task's earlier events
    (changed, or an earlier event of the task removed, since they were written)."""
    broken, last = [], {}
    for event in session.scalars(select(StatusEvent).order_by(StatusEvent.task_id, StatusEvent.id)):
        if event.row_hash != event_digest(last.get(event.task_id), event):
            broken.append(event.id)
        last[event.task_id] = event.row_hash
    return broken


def missing_guards(session: Session) -> list[str]:
    """The guard triggers that are not in the database."""
    if session.bind.dialect.name == "postgresql":
        found = set(session.scalars(text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'status_events'::regclass")))
    else:
        found = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                         "AND tbl_name = 'status_events'")))
    return [name for name in GUARD_TRIGGERS if name not in found]
