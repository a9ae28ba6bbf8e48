"""Who may do what: the roles of the web app and the agency scope of an officer.

viewer     searches and reads
officer    also updates the status of (and corrects) the tasks their agencies lead (and the tasks of the
           bodies merged into them, see `agency_keys(successors=True)`), and marks the
           documents that give their agencies tasks as tracked
secretary  (văn thư) reads and corrects documents' header fields; uploading and ingesting
           is theirs
admin      everything: every task, every document, the accounts
Nobody who has not logged in changes anything.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from theodoi.store.models import Document, Task
from theodoi.tracking.tasks import agency_keys, agency_role

ROLES = ("viewer", "officer", "secretary", "admin")
ROLE_LABELS = {"viewer": "Người xem", "officer": "Cán bộ theo dõi", "secretary": "Văn thư",
               "admin": "Quản trị"}


@dataclass(frozen=True)
class Actor:
    """The person acting: an account's id, name, role and agencies (canonical names)."""

    id: int
    username: str
    role: str
    agencies: tuple[str, ...] = ()

    def scope(self, as_of: dt.date | None = None) -> frozenset[str]:
        """The keys of the agencies the officer acts for, with their successors."""
        return agency_keys(self.agencies, as_of, successors=True)


def can_update_task(actor: Actor | None, task: Task, as_of: dt.date | None = None) -> bool:
    """An admin, or an officer of an agency that leads the task."""
    if actor is None:
        return False
    if actor.role == "admin":
        return True
    return actor.role == "officer" and agency_role(task, actor.scope(as_of), as_of) == "lead"


def can_correct_document(actor: Actor | None) -> bool:
    """Header fields (number, date, issuer, ...) are corrected by the văn thư or an admin."""
    return actor is not None and actor.role in ("secretary", "admin")


def can_upload(actor: Actor | None) -> bool:
    """Uploading and ingesting files (and reading again a file that failed) is the văn thư's, or an admin's."""
    return actor is not None and actor.role in ("secretary", "admin")


def can_track_document(actor: Actor | None, document: Document, as_of: dt.date | None = None) -> bool:
    """An admin, or an officer whose agency the document gives a task (lead, support, group)."""
    if actor is None:
        return False
    if actor.role == "admin":
        return True
    if actor.role != "officer":
        return False
    scope = actor.scope(as_of)
    return any(agency_role(task, scope, as_of) is not None for task in document.tasks)
