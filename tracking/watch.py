"""A user's watch list: the documents, tasks and agencies they follow, and what changed on them
since their last visit of the watch page.

What changed: status events of a followed task, of a task of a followed document or of a task
that concerns a followed agency (lead, support or group, read as the board reads it);
corrections of those tasks and of a followed document's header; new documents citing a followed
document. Each is read with an indexed query on its creation time since the last visit (or,
before the first visit, since the oldest follow); an event read from a report is dated by the
report, so it counts from when the report was stored.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session, selectinload

from theodoi.nlp.agencies import resolve
from theodoi.store.models import Citation, Correction, Document, StatusEvent, Task, User, Watch, utc_now
from theodoi.tracking.tasks import agency_keys, agency_role

WATCH_KINDS = ("document", "task", "agency")


class WatchError(ValueError):
    """A follow that cannot be made: unknown kind, document, task or agency."""


@dataclass
class Change:
    """One change on something followed: a status event, a correction or a citing document."""

    kind: str  # status | correction | document
    at: dt.datetime
    document: Document
    task: Task | None = None
    event: StatusEvent | None = None
    correction: Correction | None = None
    because: str = ""  # what followed made it show: "văn bản", "nhiệm vụ", or the agency's name


def _target(kind: str, target) -> dict:
    if kind not in WATCH_KINDS:
        raise WatchError(f"unknown watch kind {kind!r}")
    if kind == "agency":
        name = resolve(str(target or ""))
        if not name:
            raise WatchError(f"unknown agency {target!r}")
        return {"agency": name}
    return {f"{kind}_id": int(target)}


def _existing(session: Session, user_id: int, kind: str, where: dict) -> Watch | None:
    query = select(Watch).where(Watch.user_id == user_id, Watch.kind == kind)
    for column, value in where.items():
        query = query.where(getattr(Watch, column) == value)
    return session.scalar(query.limit(1))


def set_watch(session: Session, user_id: int, kind: str, target, *, follow: bool) -> bool:
    """Follow (or stop following) a document or task (by id) or an agency (by name as typed);
    returns whether the user follows it now."""
    where = _target(kind, target)
    if kind in ("document", "task"):
        model = Document if kind == "document" else Task
        if session.get(model, where[f"{kind}_id"]) is None:
            raise WatchError(f"no {kind} with id {target}")
    found = _existing(session, user_id, kind, where)
    if follow and found is None:
        session.add(Watch(user_id=user_id, kind=kind, **where))
    elif not follow and found is not None:
        session.execute(delete(Watch).where(Watch.id == found.id))
    session.flush()
    return follow


def follows(session: Session, user_id: int, kind: str, target) -> bool:
    """Whether the user follows this document, task or agency."""
    return _existing(session, user_id, kind, _target(kind, target)) is not None


def watches_of(session: Session, user_id: int) -> list[Watch]:
    """What the user follows, oldest first."""
    return list(session.scalars(select(Watch).where(Watch.user_id == user_id).order_by(Watch.id)))


def _since(user: User, watches: list[Watch]) -> dt.datetime | None:
    return user.watch_seen_at or min((w.created_at for w in watches), default=None)


def _task_reason(task: Task, documents: set[int], tasks: set[int], agencies: dict[str, frozenset[str]]) -> str:
    if task.id in tasks:
        return "nhiệm vụ"
    if task.document_id in documents:
        return "văn bản"
    return next((name for name, keys in agencies.items() if agency_role(task, keys) is not None), "")


def _within(column, since: dt.datetime, until: dt.datetime | None):
    """Created after `since` and, when given, by `until`."""
    return column > since if until is None else and_(column > since, column <= until)


def changes_since(session: Session, user: User, since: dt.datetime | None = None,
                  until: dt.datetime | None = None) -> tuple[dt.datetime | None, list[Change]]:
    """What changed on what `user` follows since their last visit (or `since`), up to `until`
    when given, newest first; and the start of that window (None when nothing is followed)."""
    watches = watches_of(session, user.id)
    since = since or _since(user, watches)
    if since is None:
        return None, []
    documents = {w.document_id for w in watches if w.kind == "document"}
    tasks = {w.task_id for w in watches if w.kind == "task"}
    agencies = {w.agency: agency_keys([w.agency], successors=True) for w in watches if w.kind == "agency"}
    changes: list[Change] = []
    task_loads = (selectinload(Task.bodies), selectinload(Task.document))
    # an event read from a report carries the report's date: it counts from when the report came
    arrived = select(Document.id).where(_within(Document.created_at, since, until))
    for event in session.scalars(select(StatusEvent).where(or_(_within(StatusEvent.created_at, since, until),
                                                               StatusEvent.evidence_document_id.in_(arrived)))
                                 .order_by(StatusEvent.id)
                                 .options(selectinload(StatusEvent.task).options(*task_loads))):
        because = _task_reason(event.task, documents, tasks, agencies)
        if because:
            changes.append(Change("status", event.created_at, event.task.document, event.task, event=event,
                                  because=because))
    for correction in session.scalars(select(Correction).where(_within(Correction.created_at, since, until))
                                      .order_by(Correction.id)):
        task = session.get(Task, correction.task_id) if correction.task_id else None
        if task is None:
            because = "văn bản" if correction.document_id in documents else ""
        else:
            because = _task_reason(task, documents, tasks, agencies)
        if because:
            changes.append(Change("correction", correction.created_at, session.get(Document, correction.document_id),
                                  task, correction=correction, because=because))
    if documents:
        citing = session.scalars(select(Document).join(Citation, Citation.document_id == Document.id).where(
            Citation.cited_document_id.in_(documents), _within(Document.created_at, since, until))
            .distinct().order_by(Document.id))
        changes.extend(Change("document", document.created_at, document, because="văn bản")
                       for document in citing)
    changes.sort(key=lambda change: change.at, reverse=True)  # stable: the same order on every page
    return since, changes


def mark_seen(session: Session, user_id: int, at: dt.datetime | None = None) -> None:
    """Record the user's visit of the watch page: the next visit shows what changed after it."""
    session.get(User, user_id).watch_seen_at = at or utc_now()
