"""Drift between the store and the search index (`theodoi doctor`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from theodoi.search.index import SearchIndex
from theodoi.search.schema import index_version
from theodoi.store import repo


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

    @property
    def version_mismatch(self) -> bool:
        return self.index_version != self.code_version

    @property
    def healthy(self) -> bool:
        return not (self.missing_from_index or self.not_in_store or self.pending or self.version_mismatch)


def check(store, index: SearchIndex) -> IndexHealth:
    """Compare the store's documents with the index's."""
    with store.session() as session:
        stored = set(repo.document_ids(session))
        pending = repo.document_ids(session, index_state="pending")
    indexed = index.ids()
    return IndexHealth(stored=len(stored), indexed=len(indexed),
                       missing_from_index=sorted(stored - indexed), not_in_store=sorted(indexed - stored),
                       pending=pending, index_version=index.stored_version(),
                       code_version=index_version(index.backend))
