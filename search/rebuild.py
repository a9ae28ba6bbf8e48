"""Keep the index in step with the database: full rebuilds and pending documents."""
from __future__ import annotations

import logging
from typing import Callable

from theodoi.config import Settings
from theodoi.search.from_store import document_for_index
from theodoi.search.index import SearchIndex, index_class
from theodoi.store import repo

log = logging.getLogger(__name__)

BATCH_SIZE = 500
Progress = Callable[[int, int], None]


def _index_batch(store, index: SearchIndex, ids: list[int]) -> list[int]:
    """Index these documents (read in one session); returns the ids written."""
    with store.session() as session:
        docs = [document_for_index(document) for document in repo.documents_for_indexing(session, ids)]
    index.add(docs)
    return [doc.id for doc in docs]


def rebuild(store, settings: Settings, progress: Progress | None = None, *,
            batch_size: int = BATCH_SIZE) -> int:
    """Rebuild the index from the database into a new directory (with the engine of
    `settings.search_backend`), in batches, and swap it in when complete; the live index
    serves searches until then. Documents stored
    while the rebuild ran are picked up before the swap. Returns the number indexed."""
    target = index_class(settings.search_backend).for_rebuild(settings)
    with store.session() as session:
        ids = repo.document_ids(session)
    done: list[int] = []
    total = len(ids)
    for start in range(0, total, batch_size):
        done += _index_batch(store, target, ids[start:start + batch_size])
        if progress:
            progress(len(done), total)
    with store.session() as session:
        late = sorted(set(repo.document_ids(session)) - set(ids))
    if late:
        done += _index_batch(store, target, late)
    target.optimize()
    target.publish()
    with store.transaction() as session:
        repo.set_index_state(session, done, "indexed")
    log.info("search index rebuilt: %d documents in %s", len(done), target.directory)
    return len(done)


def index_pending(store, index: SearchIndex, *, batch_size: int = BATCH_SIZE, raise_errors: bool = False) -> int:
    """Index the documents waiting as "index pending" and mark them indexed. Called
    after ingest commits: a failure is logged and leaves them pending (to be retried);
    it is raised only with `raise_errors` (for a caller that stops writing after one).
    Returns the number indexed."""
    indexed = 0
    try:
        with store.session() as session:
            pending = repo.document_ids(session, index_state="pending")
        for start in range(0, len(pending), batch_size):
            written = _index_batch(store, index, pending[start:start + batch_size])
            with store.transaction() as session:
                repo.set_index_state(session, written, "indexed")
            indexed += len(written)
        return indexed
    except Exception:  # noqa: BLE001 - the index is derived data; the ingest stands
        if raise_errors:
            raise
        log.exception("indexing pending documents failed; they stay pending")
        return indexed
