"""The link records one page shows, read with indexed queries instead of every citation.

A link record belongs to its citing document (tracking.links groups citations per citing
document), so the records touching some documents are those of a few citing documents: the
documents themselves, the documents citing them (citations.cited_document_id), and the
documents citing a decision one of them was issued with (a report on the decision is on its
plan). A timeline reads them ring by ring, up to its depth. The unresolved citations are read
alone, with just the number and date of their documents' resolved ones (an unresolved citation
that names a document already linked is part of that link). Documents are read without their
text.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only, selectinload

from theodoi.store.models import Citation, Document, StoredFile
from theodoi.tracking.link_views import TIMELINE_DEPTH
from theodoi.tracking.links import document_links, group_citations, group_record

SIDE_COLUMNS = (Document.id, Document.number, Document.kind, Document.title, Document.date, Document.issuer,
                Document.file_id)


def _side(relationship):
    return selectinload(relationship).options(load_only(*SIDE_COLUMNS),
                                              selectinload(Document.file).load_only(StoredFile.original_name))


def _citations(session: Session, where) -> list[Citation]:
    return list(session.scalars(select(Citation).where(where)
                                .options(_side(Citation.document), _side(Citation.cited_document))
                                .order_by(Citation.document_id, Citation.start, Citation.id)))


def _ids(session: Session, query) -> set[int]:
    return set(session.scalars(query))


def links_touching(session: Session, ids: Iterable[int]) -> list[dict]:
    """The link records from or to any of the documents `ids`."""
    ids = set(ids)
    issued_with = select(Citation.cited_document_id).where(Citation.document_id.in_(ids),
                                                           Citation.relation == "issued_with")
    citing = (ids | _ids(session, select(Citation.document_id).where(Citation.cited_document_id.in_(ids)))
              | _ids(session, select(Citation.document_id).where(Citation.cited_document_id.in_(issued_with))))
    records = document_links(session, _citations(session, Citation.document_id.in_(citing)))
    return [r for r in records if r["from"]["id"] in ids or r["to"]["id"] in ids]


def _record_key(record: dict) -> tuple:
    return (record["from"]["id"], record["to"]["id"], record["to"]["number"], record["relation"], record.get("via"))


def timeline_links(session: Session, document_id: int, depth: int = TIMELINE_DEPTH) -> list[dict]:
    """The link records a timeline of `document_id` needs: those touching the documents up to
    `depth - 1` links away from it (link_views.timeline arranges them)."""
    records: dict[tuple, dict] = {}
    seen, ring = {document_id}, {document_id}
    for _ in range(depth):
        found = links_touching(session, ring)
        for record in found:
            records.setdefault(_record_key(record), record)
        ring = {side["id"] for r in found if r["to"]["resolved"] for side in (r["from"], r["to"])} - seen
        seen |= ring
        if not ring:
            break
    return list(records.values())


def unresolved_links(session: Session) -> list[dict]:
    """The records of every link whose document is not stored (as document_links gives them)."""
    unresolved = _citations(session, Citation.cited_document_id.is_(None))
    citing = select(Citation.document_id).where(Citation.cited_document_id.is_(None))
    resolved = list(session.scalars(
        select(Citation).where(Citation.cited_document_id.is_not(None), Citation.document_id.in_(citing))
        .options(load_only(Citation.id, Citation.document_id, Citation.cited_document_id, Citation.number,
                           Citation.date, Citation.start, Citation.relation))))
    records = []
    for group in group_citations(unresolved + resolved):
        if all(c.cited_document_id is None for c in group):
            records.append(group_record(group)[1])
    return records
