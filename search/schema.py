"""The index schema, its version, and the mapping from IndexDocument to index fields.

Only `id` and `content` are stored: the database is the source of truth and the web app
renders hits from it; `content` is kept for highlighted snippets.
"""
from __future__ import annotations

import datetime as dt

from whoosh import fields

from theodoi.search.abbreviations import agency_keys, table_fingerprint
from theodoi.search.analysis import EXACT, FOLDED, LINES, SYMBOL, analyser_fingerprint
from theodoi.search.document import IndexDocument

SCHEMA_VERSION = 1

# Field names, used by the query builder too.
CONTENT, CONTENT_FOLDED = "content", "content_f"
META, META_FOLDED = "meta", "meta_f"
SYMBOL_FIELD = "symbol"


def build_schema() -> fields.Schema:
    """A fresh schema object."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        content=fields.TEXT(analyzer=EXACT, stored=True, phrase=True),
        content_f=fields.TEXT(analyzer=FOLDED, phrase=True),
        meta=fields.TEXT(analyzer=EXACT, phrase=True),
        meta_f=fields.TEXT(analyzer=FOLDED, phrase=True),
        symbol=fields.TEXT(analyzer=SYMBOL, phrase=False),
        kind=fields.ID(sortable=True),
        issuer=fields.ID(sortable=True),
        year=fields.NUMERIC(int, bits=32, sortable=True),
        date=fields.DATETIME(sortable=True),
        deadline=fields.DATETIME(),
        agency=fields.TEXT(analyzer=LINES, phrase=False),
        status=fields.KEYWORD(commas=True, lowercase=True),
    )


def index_version() -> dict:
    """What must match between the code and an index on disk (else rebuild)."""
    return {"schema_version": SCHEMA_VERSION, "analyser": analyser_fingerprint(),
            "abbreviations": table_fingerprint()}


def _datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def index_fields(doc: IndexDocument) -> dict:
    """The field values to write for one document."""
    meta = "\n".join(part for part in (doc.kind, doc.number, doc.title, doc.issuer, doc.file_name,
                                       *doc.agencies) if part)
    keys = set()
    for name in doc.agencies:
        keys |= agency_keys(name)
    values = {
        "id": str(doc.id), "content": doc.text, "content_f": doc.text, "meta": meta, "meta_f": meta,
        "symbol": doc.number or "", "agency": "\n".join(sorted(keys)),
        "status": ",".join(doc.task_statuses),
    }
    if doc.kind:
        values["kind"] = doc.kind
    if doc.issuer:
        values["issuer"] = doc.issuer
    if doc.date:
        values["year"] = doc.date.year
        values["date"] = _datetime(doc.date)
    if doc.deadlines:
        values["deadline"] = [_datetime(day) for day in doc.deadlines]
    return {name: value for name, value in values.items() if value != ""}
