"""Tracked documents: only their tasks feed the board and its overdue counts.

A document is tracked from when an officer or an admin marks it (`documents.tracked_at`),
or by the rule in the settings: its kind is one of `track_kinds` (any kind when empty)
and it was issued on or after `track_since`. Without a rule only marked documents are
tracked, so a directive of 2010 never shows as thousands of days overdue by itself.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from theodoi.config import Settings
from theodoi.store import repo
from theodoi.store.models import Document
from theodoi.vietnamese import fold


@dataclass(frozen=True)
class TrackRule:
    """Which documents are tracked without being marked."""

    kinds: frozenset[str]
    since: dt.date | None

    @classmethod
    def from_settings(cls, settings: Settings) -> "TrackRule":
        return cls(frozenset(fold(kind) for kind in settings.track_kinds), settings.track_since)

    def by_rule(self, document: Document) -> bool:
        """Whether the rule tracks the document (a dated one of a listed kind)."""
        if self.since is None or document.date is None or document.date < self.since:
            return False
        return not self.kinds or fold(document.kind or "") in self.kinds

    def condition(self, session: Session) -> ColumnElement[bool]:
        """The same test as a condition on Document, for the database to apply (never NULL)."""
        marked = Document.tracked_at.is_not(None)
        if self.since is None:
            return marked
        by_rule = and_(Document.date.is_not(None), Document.date >= self.since)
        if self.kinds:
            kinds = [kind for kind in session.scalars(select(Document.kind).distinct())
                     if kind and fold(kind) in self.kinds]
            by_rule = and_(by_rule, Document.kind.is_not(None), Document.kind.in_(kinds))
        return or_(marked, by_rule)

    def __call__(self, document: Document) -> bool:
        """Whether the document is tracked: marked, or by the rule."""
        return document.tracked_at is not None or self.by_rule(document)


def set_tracked(session: Session, document_id: int, *, user_id: int | None, tracked: bool) -> Document | None:
    """Mark a document tracked by a user (or stop tracking it); None for an unknown id."""
    document = repo.get_document(session, document_id)
    if document is None:
        return None
    if tracked and document.tracked_at is None:
        document.tracked_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        document.tracked_by_id = user_id
    elif not tracked:
        document.tracked_at = document.tracked_by_id = None
    return document
