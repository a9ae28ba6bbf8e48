"""Reading and writing the store: the only place with queries; web and CLI call these."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from theodoi.domain import Extraction, ParsedDocument
from theodoi.store.audit import event_digest, previous_digest
from theodoi.store.models import (ApiToken, Citation, Correction, Document, DocumentCopy, DocumentFile, FileName,
                                  StatusEvent, StoredFile, Target, Task, TaskBody, User, UserAgency, utc_now)
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


def get_file(session: Session, file_id: int) -> StoredFile | None:
    """A stored file by id."""
    return session.get(StoredFile, file_id)


# --------------------------------------------------------------------------- documents
def save_document(session: Session, stored: StoredFile, parsed: ParsedDocument,
                  extraction: Extraction) -> Document:
    """Store a parsed document and everything extracted from it; mark the file done."""
    document = Document(file=stored, index_state="pending")
    fill_header(document, parsed)
    document.tasks.extend(new_task(ordinal, found) for ordinal, found in enumerate(extraction.tasks))
    document.targets.extend(new_target(found) for found in extraction.targets)
    document.citations.extend(new_citation(found) for found in extraction.citations)
    set_target_parents(document, extraction)
    session.add(document)
    stored.status = "done"
    stored.parser = parsed.parser
    stored.mime = parsed.mime
    stored.error_code = stored.error_message = None
    session.flush()
    return document


def fill_header(document: Document, parsed: ParsedDocument) -> None:
    """Set a document's header fields, text, page count and files from a reading of its file."""
    header = parsed.header
    document.kind, document.number, document.issuer = header.kind, header.number, header.issuer
    document.parent_issuer, document.place, document.date = header.parent_issuer, header.place, header.date
    document.title, document.signer = header.title, header.signer
    document.signer_authority = header.signer_authority
    document.text, document.text_key, document.pages = parsed.text, text_key(parsed.text), parsed.pages
    document.header_source, document.recipient_due = header.source, header.recipient_due
    document.directing, document.package = header.directing, header.package
    document.recipients = header.recipients if header.source == "edxml" else None
    document.files = [DocumentFile(position=position, role=attached.role, name=attached.name, mime=attached.mime,
                                   sha256=attached.sha256, size=attached.size, parser=attached.parser)
                      for position, attached in enumerate(parsed.attachments)]


def set_task_fields(task: Task, found) -> None:
    """Write an extracted task (domain.Task) into a stored task: text, span, deadline, bodies."""
    task.label, task.text, task.start, task.end = found.label, found.text, found.start, found.end
    task.component, task.confidence = found.component, found.confidence
    task.source_number = found.source
    status = found.status
    task.reported_status = status.value if status else None
    task.reported_text = status.text if status else None
    task.reported_date = status.date if status else None
    deadline = found.deadline
    task.deadline_text = deadline.text if deadline else None
    task.deadline_kind = deadline.kind if deadline else None
    task.due = deadline.due if deadline else None
    task.bodies = [TaskBody(role=role, position=position, text=mention.text, canonical=mention.canonical,
                            is_group=mention.is_group)
                   for role, mentions in (("lead", found.lead), ("support", found.support))
                   for position, mention in enumerate(mentions)]


def new_task(ordinal: int, found) -> Task:
    """A stored task from an extracted one."""
    task = Task(ordinal=ordinal)
    set_task_fields(task, found)
    return task


def set_target_fields(target: Target, found) -> None:
    """Write an extracted target (domain.Target) into a stored one."""
    for name in ("text", "start", "end", "indicator", "comparator", "value", "unit", "year", "component",
                 "confidence"):
        setattr(target, name, getattr(found, name))


def new_target(found) -> Target:
    """A stored target from an extracted one."""
    target = Target()
    set_target_fields(target, found)
    return target


def set_target_parents(document: Document, extraction: Extraction) -> None:
    """Point each stored task of `document` that `extraction` reads anew at the stored target it
    serves (or at none), matching tasks and targets on their place in the text."""
    targets = {(t.start, t.end, t.value): t for t in document.targets}
    found_tasks = {(t.start, t.end, t.text): t for t in extraction.tasks}
    for task in document.tasks:
        found = found_tasks.get((task.start, task.end, task.text))
        if found is not None:
            parent = found.target
            task.target = targets.get((parent.start, parent.end, parent.value)) if parent else None


def new_citation(found) -> Citation:
    """A stored citation from an extracted one (unresolved until follow-up resolves it)."""
    return Citation(text=found.text, start=found.start, end=found.end, number=found.number, kind=found.kind,
                    date=found.date, issuer=found.issuer, relation=found.relation,
                    component=found.component, confidence=found.confidence)


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
            selectinload(Document.file), selectinload(Document.files),
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


def list_documents(session: Session, *, limit: int | None = None, offset: int = 0) -> Sequence[Document]:
    """Documents, newest issue date first."""
    query = select(Document).options(selectinload(Document.file)).order_by(
        Document.date.desc().nulls_last(), Document.id.desc())
    if limit:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return session.scalars(query).all()


def document_page(session: Session, *, offset: int, limit: int) -> tuple[int, Sequence[Document]]:
    """How many documents there are, and `limit` of them from `offset`, newest first."""
    total = session.scalar(select(func.count(Document.id)))
    return total, list_documents(session, limit=limit, offset=offset)


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
def get_task(session: Session, task_id: int) -> Task | None:
    """One task with its document, bodies and history."""
    return session.scalar(select(Task).where(Task.id == task_id).options(
        selectinload(Task.document), selectinload(Task.bodies), selectinload(Task.events)))


def withdrawn_tasks(session: Session, document_id: int) -> Sequence[Task]:
    """The tasks of a document a person removed or merged into another, in its order."""
    return session.scalars(select(Task).where(Task.document_id == document_id, Task.removed_at.is_not(None))
                           .order_by(Task.ordinal)).all()


def tasks_merged_into(session: Session, task_id: int) -> Sequence[Task]:
    """The tasks a person merged into this one, in their document's order."""
    return session.scalars(select(Task).where(Task.merged_into_id == task_id).order_by(Task.ordinal)).all()


def add_status_event(session: Session, task: Task, *, status: str, source: str, user: str | None = None,
                     user_id: int | None = None, note: str | None = None, evidence_path: str | None = None,
                     evidence_document_id: int | None = None, passage: str | None = None,
                     at: dt.datetime | None = None) -> StatusEvent:
    """Append one entry to a task's status history, its hash chained to the task's last one."""
    session.flush()  # the task has its id, and its earlier events are in the database
    previous = previous_digest(session, task.id)
    event = StatusEvent(task=task, task_id=task.id, status=status, source=source, user=user, user_id=user_id, note=note,
                        evidence_path=evidence_path, evidence_document_id=evidence_document_id,
                        passage=passage, created_at=at or utc_now())
    event.row_hash = event_digest(previous, event)
    session.add(event)
    session.flush()
    return event


def all_targets(session: Session) -> Sequence[Target]:
    """Every target with its document, the figures reached for it and the tasks that serve it."""
    return session.scalars(select(Target).options(selectinload(Target.document), selectinload(Target.progress),
                                                  selectinload(Target.tasks).selectinload(Task.bodies))
                           .order_by(Target.document_id, Target.start)).all()


# --------------------------------------------------------------------------- links
def citing_citations(session: Session, document_id: int) -> Sequence[Citation]:
    """Citations in other documents that resolve to this one, with the citing document
    (the documents that implement, report on, urge, ... this one), oldest first."""
    return session.scalars(
        select(Citation).join(Citation.document)
        .where(Citation.cited_document_id == document_id, Citation.document_id != document_id)
        .options(selectinload(Citation.document).selectinload(Document.file))
        .order_by(Document.date.asc().nulls_last(), Citation.id)).all()


# --------------------------------------------------------------------------- users
def get_user(session: Session, user_id: int) -> User | None:
    """An account by id, with its agencies."""
    return session.get(User, user_id)


def user_by_name(session: Session, username: str) -> User | None:
    """An account by its username (exact)."""
    return session.scalar(select(User).where(User.username == username))


def list_users(session: Session) -> Sequence[User]:
    """Every account, by username."""
    return session.scalars(select(User).order_by(User.username)).all()


def add_user(session: Session, *, username: str, password_hash: str, role: str,
             agencies: Iterable[str] = ()) -> User:
    """Create an account with the agencies it acts for."""
    user = User(username=username, password_hash=password_hash, role=role, active=True)
    user.agency_rows = [UserAgency(agency=agency) for agency in dict.fromkeys(agencies)]
    session.add(user)
    session.flush()
    return user


# --------------------------------------------------------------------------- corrections
def corrections_of(session: Session, *, document_id: int, task_id: int | None = None) -> Sequence[Correction]:
    """The corrections of a document's header (task_id None) or of one task, newest first."""
    query = select(Correction).where(Correction.document_id == document_id)
    query = query.where(Correction.task_id == task_id) if task_id is not None else query.where(
        Correction.task_id.is_(None))
    return session.scalars(query.order_by(Correction.created_at.desc(), Correction.id.desc())).all()


# --------------------------------------------------------------------------- API tokens
def add_api_token(session: Session, user: User, token_hash: str, name: str = "") -> ApiToken:
    """Keep the hash of a new API token of `user`."""
    token = ApiToken(user=user, token_hash=token_hash, name=name)
    session.add(token)
    session.flush()
    return token


def user_by_token_hash(session: Session, token_hash: str) -> User | None:
    """The active account of an API token that is not revoked, else None."""
    return session.scalar(select(User).join(ApiToken, ApiToken.user_id == User.id).where(
        ApiToken.token_hash == token_hash, ApiToken.revoked.is_(False), User.active.is_(True)))
