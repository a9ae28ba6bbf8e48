"""Reading and writing the store: the only place with queries; web and CLI call these."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from theodoi.domain import Extraction, ParsedDocument
from theodoi.store.models import (Citation, Document, DocumentCopy, FileName, StatusEvent, StoredFile, Target, Task,
                                  TaskBody)
from theodoi.vietnamese import compare_key, fold


# --------------------------------------------------------------------------- files
def file_by_sha(session: Session, sha256: str) -> StoredFile | None:
    """The stored file with this content hash, if any."""
    return session.scalar(select(StoredFile).where(StoredFile.sha256 == sha256))


def record_file(session: Session, *, sha256: str, original_name: str, source_path: str,
                stored_path: str, size: int) -> StoredFile:
    """Record a file before it is read (status "processing")."""
    stored = StoredFile(sha256=sha256, original_name=original_name, source_path=source_path,
                        stored_path=stored_path, size=size, status="processing")
    session.add(stored)
    session.flush()
    return stored


def record_name(session: Session, stored: StoredFile, path: Path) -> None:
    """Keep another name under which the same bytes arrived (nothing when the path is known)."""
    known = {stored.source_path} | {n.source_path for n in stored.names}
    if str(path) not in known:
        stored.names.append(FileName(name=path.name, source_path=str(path)))


def mark_failed(session: Session, stored: StoredFile, code: str, message: str) -> None:
    """Record why a file could not be read; the original stays kept."""
    stored.status = "failed"
    stored.error_code = code
    stored.error_message = message


def failed_files(session: Session) -> Sequence[StoredFile]:
    """Files that could not be read, newest first."""
    return session.scalars(select(StoredFile).where(StoredFile.status == "failed")
                           .order_by(StoredFile.updated_at.desc())).all()


# --------------------------------------------------------------------------- documents
def save_document(session: Session, stored: StoredFile, parsed: ParsedDocument,
                  extraction: Extraction) -> Document:
    """Store a parsed document and everything extracted from it; mark the file done."""
    header = parsed.header
    document = Document(
        file=stored, kind=header.kind, number=header.number, issuer=header.issuer,
        parent_issuer=header.parent_issuer, place=header.place, date=header.date,
        title=header.title, signer=header.signer, signer_authority=header.signer_authority,
        text=parsed.text, text_key=text_key(parsed.text), pages=parsed.pages, index_state="pending")
    for ordinal, found in enumerate(extraction.tasks):
        task = Task(ordinal=ordinal, label=found.label, text=found.text, start=found.start, end=found.end,
                    component=found.component, confidence=found.confidence)
        if found.deadline is not None:
            task.deadline_text = found.deadline.text
            task.deadline_kind = found.deadline.kind
            task.due = found.deadline.due
        for role, mentions in (("lead", found.lead), ("support", found.support)):
            for position, mention in enumerate(mentions):
                task.bodies.append(TaskBody(role=role, position=position, text=mention.text,
                                            canonical=mention.canonical, is_group=mention.is_group))
        document.tasks.append(task)
    for found in extraction.targets:
        document.targets.append(Target(
            text=found.text, start=found.start, end=found.end, indicator=found.indicator,
            comparator=found.comparator, value=found.value, unit=found.unit, year=found.year,
            component=found.component, confidence=found.confidence))
    for found in extraction.citations:
        document.citations.append(Citation(
            text=found.text, start=found.start, end=found.end, number=found.number, kind=found.kind,
            date=found.date, issuer=found.issuer, relation=found.relation,
            component=found.component, confidence=found.confidence))
    session.add(document)
    stored.status = "done"
    stored.parser = parsed.parser
    stored.mime = parsed.mime
    stored.error_code = stored.error_message = None
    session.flush()
    return document


def text_key(text: str) -> str:
    """The key two copies of one text share: its words, case and spacing folded."""
    return hashlib.sha256(compare_key(text).encode("utf-8")).hexdigest()


def same_document(session: Session, parsed: ParsedDocument) -> tuple[Document, str] | None:
    """A stored document that `parsed` is another copy of, and why: the same number, issuer and
    date (all three stated), or the same text."""
    header = parsed.header
    if header.number and header.issuer and header.date:
        for document in session.scalars(select(Document).where(Document.number == header.number,
                                                               Document.date == header.date)):
            if document.issuer and fold(document.issuer) == fold(header.issuer):
                return document, "same_header"
    document = session.scalar(select(Document).where(Document.text_key == text_key(parsed.text)).limit(1))
    return (document, "same_text") if document is not None else None


def record_copy(session: Session, document: Document, stored: StoredFile, parsed: ParsedDocument,
                reason: str) -> None:
    """Keep `stored` as another copy of `document` (its text is not stored twice); mark it done."""
    document.copies.append(DocumentCopy(file=stored, reason=reason))
    stored.status = "done"
    stored.parser = parsed.parser
    stored.mime = parsed.mime
    stored.error_code = stored.error_message = None
    session.flush()


def get_document(session: Session, document_id: int) -> Document | None:
    """A document with its file, tasks (and their bodies and events), targets and citations."""
    return session.scalar(
        select(Document).where(Document.id == document_id).options(
            selectinload(Document.file),
            selectinload(Document.tasks).selectinload(Task.bodies),
            selectinload(Document.tasks).selectinload(Task.events),
            selectinload(Document.targets),
            selectinload(Document.citations)))


def get_documents(session: Session, ids: Iterable[int]) -> dict[int, Document]:
    """Documents by id (with their file), for rendering search hits."""
    ids = list(ids)
    if not ids:
        return {}
    rows = session.scalars(select(Document).where(Document.id.in_(ids)).options(selectinload(Document.file)))
    return {d.id: d for d in rows}


def documents_for_indexing(session: Session, ids: Iterable[int]) -> list[Document]:
    """Documents by id with their file, tasks, task bodies and status events loaded in a
    few queries for the whole batch (one per relationship), in id order: the search
    index's batched loader."""
    ids = list(ids)
    if not ids:
        return []
    return list(session.scalars(
        select(Document).where(Document.id.in_(ids)).order_by(Document.id).options(
            selectinload(Document.file),
            selectinload(Document.tasks).selectinload(Task.bodies),
            selectinload(Document.tasks).selectinload(Task.events))))


def list_documents(session: Session, *, limit: int | None = None) -> Sequence[Document]:
    """Documents, newest issue date first."""
    query = select(Document).options(selectinload(Document.file)).order_by(
        Document.date.desc().nulls_last(), Document.id.desc())
    if limit:
        query = query.limit(limit)
    return session.scalars(query).all()


def document_ids(session: Session, *, index_state: str | None = None) -> list[int]:
    """Ids of all documents, or of those in one index state ("pending", "indexed")."""
    query = select(Document.id).order_by(Document.id)
    if index_state:
        query = query.where(Document.index_state == index_state)
    return list(session.scalars(query))


def set_index_state(session: Session, ids: Iterable[int], state: str) -> None:
    """Mark documents as indexed or waiting to be indexed."""
    ids = list(ids)
    if ids:
        for document in session.scalars(select(Document).where(Document.id.in_(ids))):
            document.index_state = state


# --------------------------------------------------------------------------- tasks
def all_tasks(session: Session) -> Sequence[Task]:
    """Every task with its document, bodies and status history."""
    return session.scalars(select(Task).options(
        selectinload(Task.document).selectinload(Document.file),
        selectinload(Task.bodies), selectinload(Task.events)).order_by(Task.document_id, Task.ordinal)).all()


def get_task(session: Session, task_id: int) -> Task | None:
    """One task with its document, bodies and history."""
    return session.scalar(select(Task).where(Task.id == task_id).options(
        selectinload(Task.document), selectinload(Task.bodies), selectinload(Task.events)))


def add_status_event(session: Session, task: Task, *, status: str, source: str, user: str | None = None,
                     note: str | None = None, evidence_path: str | None = None,
                     evidence_document_id: int | None = None, passage: str | None = None,
                     at: dt.datetime | None = None) -> StatusEvent:
    """Append one entry to a task's status history."""
    event = StatusEvent(task=task, status=status, source=source, user=user, note=note,
                        evidence_path=evidence_path, evidence_document_id=evidence_document_id,
                        passage=passage)
    if at is not None:
        event.created_at = at
    session.add(event)
    session.flush()
    return event


# --------------------------------------------------------------------------- links
def citing_citations(session: Session, document_id: int) -> Sequence[Citation]:
    """Citations in other documents that resolve to this one, with the citing document
    (the documents that implement, report on, urge, ... this one), oldest first."""
    return session.scalars(
        select(Citation).join(Citation.document)
        .where(Citation.cited_document_id == document_id, Citation.document_id != document_id)
        .options(selectinload(Citation.document).selectinload(Document.file))
        .order_by(Document.date.asc().nulls_last(), Citation.id)).all()
