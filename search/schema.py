"""The index schemas, their version, and the mapping from IndexDocument to index fields.

Two Whoosh indexes live side by side in one generation directory: documents and tasks
(see storage.py). Tasks get their own index rather than a "type" field in the documents'
one: a task is a sentence, a document thousands of words, and mixing them would skew the
length normalisation, term statistics, totals and facet counts of every document search
(and force a type filter onto every query); the two still share one generation, so a
rebuild swaps them together. The task index uses the same text field names, so one
parsed query serves both.

Only ids and `content` are stored: the database is the source of truth and the web app
renders hits from it; `content` is kept for highlighted snippets.
"""
from __future__ import annotations

import datetime as dt

from whoosh import fields

from theodoi.search.abbreviations import agency_keys, table_fingerprint
from theodoi.search.analysis import EXACT, FOLDED, LINES, SYMBOL, SyllablePositions, analyser_fingerprint
from theodoi.search.document import IndexDocument, IndexTask

SCHEMA_VERSION = 3  # 3: fewer tiers of terms for year, date and deadline (see _tiered)
# Dates are counted in microseconds, and 2**40 of them are 12.7 days: a date is indexed as
# its day and its 12.7-day bucket.
DATE_SHIFT_STEP = 40

# Field names, used by the query builder too.
CONTENT, CONTENT_FOLDED = "content", "content_f"
META, META_FOLDED = "meta", "meta_f"
SYMBOL_FIELD, SYMBOL_FOLDED = "symbol", "symbol_f"


def _tiered(field: fields.NUMERIC, shift_step: int) -> fields.NUMERIC:
    """A numeric or date field indexed with a term every `shift_step` bits of precision (0:
    the full value only). Whoosh's default (8 tiers) made a third of a task's postings; a
    range reads the coarsest terms that fit in it and the full values at its edges: the
    year, only ever filtered on one value, needs no tiers, and dates read a few hundred
    terms for a range of years (every distinct day without tiers)."""
    field.shift_step = shift_step
    return field


def _positional(analyzer, **options) -> fields.TEXT:
    """A text field with positions (for phrases), filled by SyllablePositions."""
    field = fields.TEXT(analyzer=analyzer, phrase=True, **options)
    field.format = SyllablePositions(field_boost=field.format.field_boost)
    return field


def _shared_fields(sortable: bool) -> dict:
    """The fields documents and tasks both have: text (exact and folded), the document's
    metadata and symbol, its facets, and the bodies named. `sortable` keeps a column of the
    document's kind, issuer, year and date for facets and sorting (documents only: tasks
    are filtered by them, never sorted or counted by them)."""
    return dict(
        content=_positional(EXACT, stored=True),
        content_f=_positional(FOLDED),
        meta=_positional(EXACT),
        meta_f=_positional(FOLDED),
        symbol=fields.TEXT(analyzer=SYMBOL, phrase=False),
        symbol_f=fields.TEXT(analyzer=FOLDED, phrase=False),
        kind=fields.ID(sortable=sortable),
        issuer=fields.ID(sortable=sortable),
        year=_tiered(fields.NUMERIC(int, bits=32, sortable=sortable), 0),
        date=_tiered(fields.DATETIME(sortable=sortable), DATE_SHIFT_STEP),
        agency=fields.TEXT(analyzer=LINES, phrase=False),
    )


def build_schema() -> fields.Schema:
    """A fresh schema object for the document index."""
    return fields.Schema(**_shared_fields(sortable=True), id=fields.ID(stored=True, unique=True),
                         deadline=_tiered(fields.DATETIME(), DATE_SHIFT_STEP),
                         status=fields.KEYWORD(commas=True, lowercase=True))


def build_task_schema() -> fields.Schema:
    """A fresh schema object for the task index. A task's id is only stored: tasks are
    found by their text and filters, and replaced or deleted by `document_id`."""
    return fields.Schema(**_shared_fields(sortable=False), id=fields.STORED(), document_id=fields.ID(stored=True),
                         deadline=_tiered(fields.DATETIME(sortable=True), DATE_SHIFT_STEP),
                         lead=fields.TEXT(analyzer=LINES, phrase=False),
                         status=fields.KEYWORD(lowercase=True, sortable=True))


def index_version(backend: str = "whoosh") -> dict:
    """What must match between the code and an index on disk (else rebuild): the engine
    that wrote it, the schema, analyser and abbreviation-table versions."""
    return {"backend": backend, "schema_version": SCHEMA_VERSION, "analyser": analyser_fingerprint(),
            "abbreviations": table_fingerprint()}


def _datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _agency_lines(names: list[str]) -> str:
    keys: set[str] = set()
    for name in names:
        keys |= agency_keys(name)
    return "\n".join(sorted(keys))


def _document_facets(doc: IndexDocument) -> dict:
    values: dict = {}
    if doc.kind:
        values["kind"] = doc.kind
    if doc.issuer:
        values["issuer"] = doc.issuer
    if doc.date:
        values["year"] = doc.date.year
        values["date"] = _datetime(doc.date)
    return values


def task_fields(task: IndexTask, doc: IndexDocument) -> dict:
    """The field values to write for one task of `doc`."""
    content = "\n".join(part for part in (task.text, task.deadline_text) if part)
    meta = "\n".join(part for part in (*task.leads, *task.supports, doc.kind, doc.number) if part)
    values = {
        "id": str(task.id), "document_id": str(doc.id), "content": content, "content_f": content,
        "meta": meta, "meta_f": meta, "symbol": doc.number or "", "symbol_f": doc.number or "",
        "agency": _agency_lines(task.leads + task.supports), "lead": _agency_lines(task.leads),
        "status": (task.status or "open").lower(), **_document_facets(doc),
    }
    if task.due:
        values["deadline"] = _datetime(task.due)
    return {name: value for name, value in values.items() if value != ""}


def index_fields(doc: IndexDocument) -> dict:
    """The field values to write for one document."""
    meta = "\n".join(part for part in (doc.kind, doc.number, doc.title, doc.issuer, doc.file_name,
                                       *doc.agencies) if part)
    values = {
        "id": str(doc.id), "content": doc.text, "content_f": doc.text, "meta": meta, "meta_f": meta,
        "symbol": doc.number or "", "symbol_f": doc.number or "", "agency": _agency_lines(doc.agencies),
        "status": ",".join(doc.task_statuses), **_document_facets(doc),
    }
    if doc.deadlines:
        values["deadline"] = [_datetime(day) for day in doc.deadlines]
    return {name: value for name, value in values.items() if value != ""}
