"""SQLAlchemy tables: the store is the source of truth; the search index is derived from it.

files        one row per distinct original file (by SHA-256), with its outcome and claimant
path_failures  paths that could not be read at all (permission, loop, special file, ...)
documents    the parsed document (header fields, clean text) of a file that was read
tasks        tasks found in a document, with their bodies (task_bodies) and deadline
targets      numeric targets found in a document
citations    references to other documents; `cited_document_id` once resolved
status_events  the append-only history of each task's status (automatic and manual)
target_progress  figures reached for a target, read from reports ("đến nay đạt 85%")
users        people who log in to the web app, with the agencies an officer acts for
             (user_agencies)
corrections  the append-only record of people's corrections of extracted fields, and of the
             tasks they merged, removed or added
api_tokens   tokens scripts use for the JSON API, kept as SHA-256 hashes
document_files  the files an edXML package carried (main document, appendices)
watches      what a user follows (a document, a task or an agency); `users.watch_seen_at` is
             their last visit of the watch page
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint, func)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table."""


# JSON in SQLite, JSONB in PostgreSQL (json has no equality: SELECT DISTINCT over documents needs one)
Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class StoredFile(Base):
    """An original file, kept content-addressed; `status` is written before the work
    (processing) and after it (done or failed), so a crash leaves a visible trace."""

    __tablename__ = "files"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str] = mapped_column(Text)
    stored_path: Mapped[str] = mapped_column(Text)  # relative to the data directory
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(100))
    parser: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="processing", index=True)
    error_code: Mapped[str | None] = mapped_column(String(50))
    error_message: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(200))  # host:pid:start/thread of the run reading it
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    document: Mapped["Document | None"] = relationship(back_populates="file", uselist=False)
    names: Mapped[list["FileName"]] = relationship(back_populates="file", cascade="all, delete-orphan",
                                                   order_by="FileName.id")


class FileName(Base):
    """Another name under which the same bytes arrived: one file, several names."""

    __tablename__ = "file_names"
    __table_args__ = (UniqueConstraint("file_id", "source_path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    file: Mapped[StoredFile] = relationship(back_populates="names")


class PathFailure(Base):
    """A path that could not be read at all (no bytes, so no `files` row): permission, loop,
    special file, dangling link, too long. Removed when the path is read later."""

    __tablename__ = "path_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    path_key: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the path's bytes
    path: Mapped[str] = mapped_column(Text)
    error_code: Mapped[str] = mapped_column(String(50))
    error_message: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


class Document(Base):
    """A document that was read: its header fields and its clean text."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id", ondelete="CASCADE"), unique=True)
    kind: Mapped[str | None] = mapped_column(String(50), index=True)
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    issuer: Mapped[str | None] = mapped_column(String(300))
    parent_issuer: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(100))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    signer: Mapped[str | None] = mapped_column(String(200))
    signer_authority: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    text_key: Mapped[str | None] = mapped_column(String(64), index=True)  # sha256 of the text, case and spaces folded
    pages: Mapped[int | None] = mapped_column(Integer)
    index_state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | indexed
    extractor_version: Mapped[str | None] = mapped_column(String(64))  # nlp.version at the last reading
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, index=True)
    # from an edXML package: the header is the package's ("edxml") or read from the text ("text")
    header_source: Mapped[str] = mapped_column(String(10), default="text", server_default="text")
    recipient_due: Mapped[dt.date | None] = mapped_column(Date, index=True)  # DueDate: the recipient's deadline
    directing: Mapped[bool | None] = mapped_column(Boolean)  # SteeringType: a directing document
    recipients: Mapped[list | None] = mapped_column(Json)  # To and ToPlaces, normalised
    package: Mapped[dict | None] = mapped_column(Json)  # the package header as read, with the signature check
    # set when an officer or admin starts following the document up (see tracking.tracked); indexed:
    # the task listings pick the tracked documents by it
    tracked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    tracked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    file: Mapped[StoredFile] = relationship(back_populates="document")
    files: Mapped[list["DocumentFile"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                       order_by="DocumentFile.position")
    tracked_by: Mapped["User | None"] = relationship()
    # the tasks in force: a task a person removed (or merged into another) stays stored, out of this list
    tasks: Mapped[list["Task"]] = relationship(
        cascade="all, delete-orphan", order_by="Task.ordinal", overlaps="document",
        primaryjoin="and_(Document.id == Task.document_id, Task.removed_at.is_(None))")
    targets: Mapped[list["Target"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                   order_by="Target.start")
    citations: Mapped[list["Citation"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Citation.start",
        foreign_keys="Citation.document_id")
    copies: Mapped[list["DocumentCopy"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                        order_by="DocumentCopy.id")


class DocumentCopy(Base):
    """Another file that holds the same document (the PDF, a portal page, a transcription): kept
    with the document, not stored as a second one. `reason`: same_header (number, issuer and
    date) or same_text."""

    __tablename__ = "document_copies"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id", ondelete="CASCADE"), unique=True)
    reason: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    document: Mapped[Document] = relationship(back_populates="copies")
    file: Mapped[StoredFile] = relationship()


class DocumentFile(Base):
    """A file an edXML package carried: the main document or an appendix (the package itself is the
    stored original; these are its decoded parts, by hash)."""

    __tablename__ = "document_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(10))  # main | appendix
    name: Mapped[str] = mapped_column(String(500))
    mime: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    parser: Mapped[str | None] = mapped_column(String(100))  # None: carried but not read

    document: Mapped[Document] = relationship(back_populates="files")


class Task(Base):
    """An action the document asks of someone."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    deadline_text: Mapped[str | None] = mapped_column(Text)
    deadline_kind: Mapped[str | None] = mapped_column(String(20))
    due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    component: Mapped[str] = mapped_column(String(100), default="")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    parent_task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    # a report's row: the progress the document states for it, and the number of the document
    # that assigned it (SCHEMA.md `status`, `source`); None for a directive's own tasks
    reported_status: Mapped[str | None] = mapped_column(String(20))
    reported_text: Mapped[str | None] = mapped_column(Text)
    reported_date: Mapped[dt.date | None] = mapped_column(Date)
    source_number: Mapped[str | None] = mapped_column(String(100), index=True)
    # the plan's target the task serves (nlp/target_parents.py)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id", ondelete="SET NULL"), index=True)
    # set when a person removed the task (wrongly extracted) or merged it into another (merged_into_id)
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))

    document: Mapped[Document] = relationship(overlaps="tasks")
    target: Mapped["Target | None"] = relationship(overlaps="tasks")
    bodies: Mapped[list["TaskBody"]] = relationship(back_populates="task", cascade="all, delete-orphan",
                                                    order_by="[TaskBody.position, TaskBody.id]")
    events: Mapped[list["StatusEvent"]] = relationship(back_populates="task", cascade="all, delete-orphan",
                                                       order_by="StatusEvent.id")

    @property
    def withdrawn(self) -> bool:
        """Removed from its document by a person, or merged into another task: kept for the record only."""
        return self.removed_at is not None or self.merged_into_id is not None

    @property
    def lead(self) -> list["TaskBody"]:
        """The bodies that lead (chủ trì) the task."""
        return [b for b in self.bodies if b.role == "lead"]

    @property
    def support(self) -> list["TaskBody"]:
        """The bodies asked to cooperate (phối hợp)."""
        return [b for b in self.bodies if b.role == "support"]


class TaskBody(Base):
    """A body named for a task: as written, and its canonical name from the gazetteer."""

    __tablename__ = "task_bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(10))  # lead | support
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(500))
    canonical: Mapped[str | None] = mapped_column(String(300), index=True)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)

    task: Mapped[Task] = relationship(back_populates="bodies")

    @property
    def name(self) -> str:
        """The canonical name when known, else the text as written."""
        return self.canonical or self.text


class Target(Base):
    """A quantity to reach."""

    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(Text)
    comparator: Mapped[str] = mapped_column(String(4))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(100))
    year: Mapped[int | None] = mapped_column(Integer)
    component: Mapped[str] = mapped_column(String(100), default="")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)

    document: Mapped[Document] = relationship(back_populates="targets")
    progress: Mapped[list["TargetProgress"]] = relationship(
        back_populates="target", cascade="all, delete-orphan", order_by="TargetProgress.id")
    # the tasks in force that serve it (a removed or merged task is out, as in Document.tasks)
    tasks: Mapped[list[Task]] = relationship(
        order_by="Task.ordinal", overlaps="target",
        primaryjoin="and_(Target.id == Task.target_id, Task.removed_at.is_(None))")


class Citation(Base):
    """A reference from a document to another by number; resolved when that one is stored."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str | None] = mapped_column(String(50))
    date: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    relation: Mapped[str] = mapped_column(String(20), default="cites")
    cited_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"),
                                                          index=True)
    component: Mapped[str] = mapped_column(String(100), default="")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)

    document: Mapped[Document] = relationship(back_populates="citations", foreign_keys=[document_id])
    cited_document: Mapped[Document | None] = relationship(foreign_keys=[cited_document_id])


class StatusEvent(Base):
    """One entry of a task's append-only status history: never updated, never deleted (the
    database refuses both; `row_hash` lets `doctor` show it, store/audit.py)."""

    __tablename__ = "status_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(10))  # auto | manual
    user: Mapped[str | None] = mapped_column(String(100))  # the account's username (or the CLI's --user)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_path: Mapped[str | None] = mapped_column(Text)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    passage: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, server_default=func.now(),
                                                    index=True)
    row_hash: Mapped[str | None] = mapped_column(String(64))  # store/audit.py: chained per task

    task: Mapped[Task] = relationship(back_populates="events")
    evidence_document: Mapped[Document | None] = relationship()


class TargetProgress(Base):
    """A figure reached for a target, with the report passage that states it (append-only)."""

    __tablename__ = "target_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)  # the figure as written: "đạt 85%"
    passage: Mapped[str | None] = mapped_column(Text)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    as_of: Mapped[dt.date | None] = mapped_column(Date)  # the report's date
    source: Mapped[str] = mapped_column(String(10), default="auto")  # auto | manual
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    target: Mapped[Target] = relationship(back_populates="progress")
    evidence_document: Mapped[Document | None] = relationship()


class User(Base):
    """A person who logs in: `role` is viewer, officer, secretary or admin; an officer acts
    for the agencies in `agencies` (canonical names); a disabled account cannot log in."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    watch_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # last visit of "Theo dõi của tôi"

    agency_rows: Mapped[list["UserAgency"]] = relationship(cascade="all, delete-orphan",
                                                           order_by="UserAgency.id", lazy="selectin")

    @property
    def agencies(self) -> list[str]:
        """The canonical names of the agencies the user acts for."""
        return [row.agency for row in self.agency_rows]


class UserAgency(Base):
    """One agency an officer acts for."""

    __tablename__ = "user_agencies"
    __table_args__ = (UniqueConstraint("user_id", "agency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    agency: Mapped[str] = mapped_column(String(300))


class Correction(Base):
    """One field of a document or a task corrected by a person: the value before and after
    (append-only; the corrected row holds the new value)."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, index=True)


class Watch(Base):
    """One thing a user follows: a document, a task, or an agency (canonical name)."""

    __tablename__ = "watches"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # document | task | agency
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    agency: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    document: Mapped[Document | None] = relationship()
    task: Mapped[Task | None] = relationship()


class ApiToken(Base):
    """A token for the JSON API: it acts as its account; only its SHA-256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    user: Mapped[User] = relationship()
