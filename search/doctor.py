"""Drift between the store and the search index, and a collection grown past its engine
(`theodoi doctor`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from theodoi.search.index import SearchIndex
from theodoi.search.schema import index_version
from theodoi.store import repo

# The default of the setting whoosh_document_limit: past this many documents, Whoosh's full
# search path (facets, snippets, spelling help) takes more than ~250 ms at the 95th
# percentile on a 2-core machine (bench/bench_whoosh_path.py, docs/search.md).
WHOOSH_DOCUMENT_LIMIT = 10_000


@dataclass
class IndexHealth:
    """What is out of step: ids on one side only, documents waiting to be indexed, and
    the index's version against the code's."""

    stored: int
    indexed: int
    missing_from_index: list[int] = field(default_factory=list)  # stored, not indexed
    not_in_store: list[int] = field(default_factory=list)  # indexed, no longer stored
    pending: list[int] = field(default_factory=list)  # stored as "index pending"
    index_version: dict | None = None
    code_version: dict = field(default_factory=dict)
    outgrown: str | None = None  # advice when the collection is too large for the engine

    @property
    def version_mismatch(self) -> bool:
        return self.index_version != self.code_version

    @property
    def healthy(self) -> bool:
        return not (self.missing_from_index or self.not_in_store or self.pending or self.version_mismatch)


def outgrown_advice(backend: str, documents: int, limit: int = WHOOSH_DOCUMENT_LIMIT) -> str | None:
    """What to switch to when `documents` are too many for the engine, else None."""
    if backend != "whoosh" or documents <= limit:
        return None
    return (f"{documents:,} documents: past {limit:,}, Whoosh (the embedded default) answers searches in "
            "more than ~250 ms; switch the search engine with THEODOI_SEARCH_BACKEND=tantivy (one machine) "
            "or THEODOI_SEARCH_BACKEND=postgres (several app servers sharing the PostgreSQL database), "
            "then run `theodoi reindex`")


def check(store, index: SearchIndex, *, whoosh_limit: int = WHOOSH_DOCUMENT_LIMIT) -> IndexHealth:
    """Compare the store's documents with the index's; advise another engine when the
    collection has outgrown Whoosh (`whoosh_limit` documents)."""
    with store.session() as session:
        stored = set(repo.document_ids(session))
        pending = repo.document_ids(session, index_state="pending")
    indexed = index.ids()
    return IndexHealth(stored=len(stored), indexed=len(indexed),
                       missing_from_index=sorted(stored - indexed), not_in_store=sorted(indexed - stored),
                       pending=pending, index_version=index.stored_version(),
                       code_version=index_version(index.backend),
                       outgrown=outgrown_advice(index.backend, len(stored), whoosh_limit))
