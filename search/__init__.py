"""Full-text search over stored documents (Vietnamese-aware; Whoosh, or tantivy or
PostgreSQL when the setting `search_backend` is "tantivy" or "postgres").

The database is the source of truth; the index is derived from it and rebuildable.

- `open_index(settings)` → SearchIndex (or TantivySearchIndex, PostgresSearchIndex: the same
  interface): `add`,
  `delete`, `search`, `search_tasks`, `ids`, `needs_rebuild`, `close`.
- `document_for_index(document)`: a store.models.Document as an IndexDocument.
- `rebuild(store, settings, progress)`: rebuild into a new directory and swap it in.
- `index_pending(store, index)`: index documents waiting as "index pending".
"""
from theodoi.search.document import IndexDocument, IndexTask
from theodoi.search.errors import IndexCorruptError, IndexLockedError, IndexWriteError, SearchIndexError
from theodoi.search.from_store import document_for_index
from theodoi.search.index import SearchIndex, open_index
from theodoi.search.rebuild import index_pending, rebuild
from theodoi.search.results import SearchHit, SearchResults, TaskHit, TaskResults

__all__ = [
    "IndexDocument", "IndexTask", "SearchIndex", "TaskHit", "TaskResults", "SearchHit", "SearchResults", "open_index", "document_for_index",
    "rebuild", "index_pending", "SearchIndexError", "IndexLockedError", "IndexWriteError",
    "IndexCorruptError",
]
