"""What follows the storing of a document: its links, its place in a plan, its evidence.

`follow_up` runs in the ingest transaction, right after the document is saved, so a
document and its links are committed together. It works whichever document came first:
when a directive arrives after the report on it, the report's citation resolves now and
the report is read for the directive's tasks now; a report's rows (tasks with a stated
progress) go onto the tasks of the document that assigned them, now or when it arrives.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.domain import Header
from theodoi.store.models import Citation, Document, Task
from theodoi.tracking.achievements import record_achievements
from theodoi.tracking.evidence import record_evidence
from theodoi.tracking.links import add_header_link, all_citations, attachments, resolve_citations
from theodoi.tracking.report_rows import attach_rows, awaiting_reports
from theodoi.tracking.rollup import link_plan_tasks

EVIDENCE_RELATIONS = {"reports_on", "urges"}


@dataclass
class FollowUp:
    """What `follow_up` did: links resolved, plan tasks placed, events and figures recorded."""

    links: int = 0
    child_tasks: int = 0
    events: int = 0
    figures: int = 0
    notes: list[str] = field(default_factory=list)


def _with_attachments(session: Session, document: Document) -> list[Document]:
    return [document, *attachments(session, document)]


def _act_on(session: Session, citation: Citation, result: FollowUp) -> None:
    """Do what a resolved link calls for; a decision stands with the plan issued with it."""
    citing, cited = citation.document, session.get(Document, citation.cited_document_id)
    if citation.relation == "implements":
        for plan in _with_attachments(session, citing):
            for resolution in _with_attachments(session, cited):
                result.child_tasks += link_plan_tasks(session, plan, resolution)
    elif citation.relation in EVIDENCE_RELATIONS:
        result.events += len(attach_rows(session, citing))  # a report's rows first: they name their task
        for directive in _with_attachments(session, cited):
            result.events += len(record_evidence(session, citing, directive))
            result.figures += len(record_achievements(session, citing, directive))
    elif citation.relation == "issued_with":
        for other in session.scalars(select(Citation).where(Citation.cited_document_id == cited.id)):
            if other.relation in EVIDENCE_RELATIONS:
                result.events += len(attach_rows(session, other.document))
                result.events += len(record_evidence(session, other.document, citing))
                result.figures += len(record_achievements(session, other.document, citing))
        for own in cited.citations:
            if own.relation == "implements" and own.cited_document_id is not None:
                result.child_tasks += link_plan_tasks(session, citing, session.get(Document, own.cited_document_id))


def follow_up(session: Session, document: Document, header: Header | None = None) -> FollowUp:
    """Resolve the links a new document makes or completes, then place plan tasks under the
    resolution's and read reports for the status of the tasks they report on."""
    if header is not None:
        add_header_link(session, document, header)
    result = FollowUp()
    for citation in resolve_citations(session, document):
        result.links += 1
        _act_on(session, citation, result)
    for report in [document, *awaiting_reports(session, document)]:
        result.events += len(attach_rows(session, report))
    return result


def relink(session: Session) -> FollowUp:
    """Resolve every citation again and redo what follows from each resolved link (plan
    tasks, report evidence); what was already recorded is not recorded twice."""
    result = FollowUp()
    resolve_citations(session)
    for citation in all_citations(session):
        if citation.cited_document_id is not None:
            result.links += 1
            _act_on(session, citation, result)
    for report in session.scalars(select(Document).where(
            Document.id.in_(select(Task.document_id).where(Task.reported_status.is_not(None))))):
        result.events += len(attach_rows(session, report))
    return result
