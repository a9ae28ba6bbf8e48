"""SQLAlchemy tables: the store is the source of truth; the search index is derived from it.

files        one row per distinct original file (by SHA-256), with its outcome
documents    the parsed document (header fields, clean text) of a file that was read
tasks        tasks found in a document, with their bodies (task_bodies) and deadline
targets      numeric targets found in a document
citations    references to other documents; `cited_document_id` once resolved
status_events  the append-only history of each task's status (automatic and manual)
target_progress  figures reached for a target, read from reports ("đến nay đạt 85%")
users        people who log in to the web app
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint, func)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table."""


def _now() -> dt.datetime:
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
    status: Mapped[str] = mapped_column(String(20), default="processing")
    error_code: Mapped[str | None] = mapped_column(String(50))
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)

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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    file: Mapped[StoredFile] = relationship(back_populates="names")


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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    file: Mapped[StoredFile] = relationship(back_populates="document")
    tasks: Mapped[list["Task"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                               order_by="Task.ordinal")
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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    document: Mapped[Document] = relationship(back_populates="copies")
    file: Mapped[StoredFile] = relationship()


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

    document: Mapped[Document] = relationship(back_populates="tasks")
    bodies: Mapped[list["TaskBody"]] = relationship(back_populates="task", cascade="all, delete-orphan",
                                                    order_by="TaskBody.position")
    events: Mapped[list["StatusEvent"]] = relationship(back_populates="task", cascade="all, delete-orphan",
                                                       order_by="StatusEvent.id")

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
    cited_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    component: Mapped[str] = mapped_column(String(100), default="")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)

    document: Mapped[Document] = relationship(back_populates="citations", foreign_keys=[document_id])
    cited_document: Mapped[Document | None] = relationship(foreign_keys=[cited_document_id])


class StatusEvent(Base):
    """One entry of a task's append-only status history (never updated, never deleted)."""

    __tablename__ = "status_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(10))  # auto | manual
    user: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_path: Mapped[str | None] = mapped_column(Text)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    passage: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, server_default=func.now())

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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    target: Mapped[Target] = relationship(back_populates="progress")
    evidence_document: Mapped[Document | None] = relationship()


class User(Base):
    """A person who logs in; `role` is viewer, officer or admin; `agency` scopes an officer."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    agency: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
