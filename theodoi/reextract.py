"""`theodoi reextract`: read stored documents again after an upgrade of the reader or extractor.

Each document is read again from its kept original (so ingest improvements count too) and its
new reading is written over the stored one in one transaction per document, keeping every
status change, report evidence and figure recorded on its tasks and targets
(tracking.reextraction). Then its links are resolved again and the search index is brought up
to date. A document whose original can no longer be read keeps its stored reading and is listed.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import or_, select

from theodoi.config import Settings
from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.nlp import extract
from theodoi.nlp.version import extractor_version
from theodoi.pipeline import link_and_follow_up
from theodoi.search import index_pending, open_index
from theodoi.store.db import Store
from theodoi.store.models import Document
from theodoi.tracking.reextraction import Reconciled, apply_new_reading

log = logging.getLogger(__name__)


@dataclass
class ReextractReport:
    """What a re-extraction did, over all documents."""

    version: str
    documents: int = 0
    changes: Reconciled = field(default_factory=Reconciled)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (document id, reason)


def documents_to_read(store: Store, *, everything: bool) -> list[int]:
    """Ids of the documents a re-extraction reads: all, or those read by another extractor version."""
    query = select(Document.id).order_by(Document.id)
    if not everything:
        version = extractor_version()
        query = query.where(or_(Document.extractor_version.is_(None), Document.extractor_version != version))
    with store.transaction() as session:
        return list(session.scalars(query))


def reextract_document(store: Store, document_id: int) -> Reconciled:
    """Read one stored document again from its original and store the new reading."""
    settings = store.settings
    with store.transaction() as session:
        stored_path = session.get(Document, document_id).file.stored_path
    parsed = parse_file(settings.data_dir / stored_path, settings)
    extraction = extract(parsed)
    with store.transaction() as session:
        document = session.get(Document, document_id)
        result = apply_new_reading(session, document, parsed, extraction)
        document.extractor_version = extractor_version()
        link_and_follow_up(session, document, parsed.header)
    return result


def reextract(settings: Settings, *, everything: bool = False,
              on_document: Callable[[int, int], None] | None = None) -> ReextractReport:
    """Re-extract stored documents (all, or only those an older extractor read), then index them.
    `on_document(done, total)` is called after each document."""
    store = Store(settings)
    report = ReextractReport(version=extractor_version())
    ids = documents_to_read(store, everything=everything)
    for done, document_id in enumerate(ids, start=1):
        try:
            report.changes += reextract_document(store, document_id)
            report.documents += 1
        except IngestError as error:
            report.failed.append((document_id, str(error)))
        except Exception as error:  # the stored reading stays; the next run tries again
            log.exception("re-extraction failed for document %s", document_id)
            report.failed.append((document_id, f"{type(error).__name__}: {error}"))
        if on_document:
            on_document(done, len(ids))
    index = open_index(settings)
    try:
        index_pending(store, index)
    finally:
        index.close()
        store.dispose()
    return report
