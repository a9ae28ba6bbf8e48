"""The search index: open it, write to it (one writer at a time), search it.

The database is the source of truth; this index is derived from it and can always be
rebuilt (`theodoi.search.rebuild`). Writers wait for Whoosh's file lock up to
`lock_timeout` seconds, then commit or cancel exactly once and raise a SearchIndexError
the caller can act on (leave the documents "index pending").
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Iterable

from whoosh import sorting
from whoosh.index import LockError
from whoosh.query import Every

from theodoi.config import Settings
from theodoi.search.document import IndexDocument
from theodoi.search.errors import IndexLockedError, IndexWriteError
from theodoi.search.query import build_filter, parse_query
from theodoi.search.results import SearchHit, SearchResults, make_highlighter, snippet_for
from theodoi.search.schema import index_fields, index_version
from theodoi.search.storage import (create_generation, current_generation, make_current, open_whoosh,
                                    pointer_stamp, read_version)
from theodoi.search.suggest import suggest

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
FACET_FIELDS = ("kind", "issuer", "year")
WRITER_MEMORY_MB = 128


class SearchIndex:
    """A Whoosh index under `root` (see storage.py for the layout).

    It follows the live generation (reopening after a rebuild swapped it), unless
    `generation` pins it to one directory, as a rebuild does while it writes."""

    def __init__(self, root: Path, *, generation: Path | None = None, lock_timeout: float = 30.0,
                 lock_delay: float = 0.25):
        self.root = root
        self._pinned = generation
        self.lock_timeout = lock_timeout
        self.lock_delay = lock_delay
        self._guard = threading.RLock()
        self._stamp = None
        self._ix = None
        self._searcher = None
        self._highlighter = make_highlighter()
        self._reopen()

    # ------------------------------------------------------------------ state
    def _reopen(self) -> None:
        directory = self._pinned or current_generation(self.root)
        if directory is None or not directory.exists():
            directory = create_generation(self.root)
            make_current(self.root, directory)
        self._close_searcher()
        self.directory = directory
        self._ix = open_whoosh(directory)
        self._stamp = pointer_stamp(self.root)

    def _current(self):
        """The Whoosh index of the live generation, reopened if a rebuild swapped it."""
        with self._guard:
            if self._pinned is None and pointer_stamp(self.root) != self._stamp:
                self._reopen()
            return self._ix

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    @property
    def needs_rebuild(self) -> bool:
        """True when the index was built by another schema or analyser version."""
        return read_version(self.directory) != index_version()

    def close(self) -> None:
        """Release the cached searcher."""
        with self._guard:
            self._close_searcher()

    # ------------------------------------------------------------------ writing
    def add(self, docs: list[IndexDocument]) -> None:
        """Add or replace documents (by id) in one commit.

        Raises IndexLockedError when another writer holds the lock past `lock_timeout`,
        IndexWriteError when the write fails (nothing of it is committed)."""
        if docs:
            self._write(lambda writer: [writer.update_document(**index_fields(doc)) for doc in docs])

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents by id (missing ids are ignored)."""
        ids = [str(i) for i in ids]
        if ids:
            self._write(lambda writer: [writer.delete_by_term("id", i) for i in ids])

    def optimize(self) -> None:
        """Merge all segments into one (faster searches; used after a rebuild)."""
        self._write(lambda writer: None, optimize=True)

    def _write(self, work, *, optimize: bool = False) -> None:
        ix = self._current()
        try:
            writer = ix.writer(timeout=self.lock_timeout, delay=self.lock_delay, limitmb=WRITER_MEMORY_MB)
        except LockError as error:
            raise IndexLockedError(f"the search index in {self.directory} is locked by another writer "
                                   f"(waited {self.lock_timeout:g} s)") from error
        try:
            work(writer)
        except Exception as error:
            writer.cancel()
            raise IndexWriteError(f"writing to the search index failed: {error!r}") from error
        try:
            writer.commit(optimize=optimize)
        except Exception as error:
            log.exception("search index commit failed")
            if not writer.is_closed:
                try:
                    writer.cancel()
                except Exception:  # noqa: BLE001 - the commit error is the one to report
                    log.exception("cancelling the failed search index writer failed too")
            raise IndexWriteError(f"committing to the search index failed: {error!r}") from error

    # ------------------------------------------------------------------ reading
    def _fresh_searcher(self):
        ix = self._current()
        if self._searcher is not None and not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and misses deletions
            # made by a commit that only deleted documents.
            self._close_searcher()
        if self._searcher is None:
            self._searcher = ix.searcher()
        return self._searcher

    def ids(self) -> set[int]:
        """Every document id in the index (to compare with the database)."""
        with self._guard:
            searcher = self._fresh_searcher()
            return {int(fields["id"]) for fields in searcher.all_stored_fields()}

    def __len__(self) -> int:
        with self._guard:
            return self._fresh_searcher().doc_count()

    def search(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
               sort: str = "relevance") -> SearchResults:
        """Search documents. An empty query lists the documents the filters allow.

        `filters`: kind, issuer, year, date_from, date_to, agency, status,
        deadline_from, deadline_to (see query.build_filter). `sort`: "relevance" or
        "date" (newest first)."""
        if sort not in ("relevance", "date"):
            raise ValueError(f"sort must be 'relevance' or 'date', not {sort!r}")
        limit = max(1, min(int(limit), MAX_PAGE_SIZE))
        page = max(1, int(page))
        parsed = parse_query(query)
        filter_query = build_filter(filters)
        whoosh_query = parsed.query if parsed.query is not None else Every()
        sortedby = None
        if sort == "date" or parsed.query is None:
            sortedby = [sorting.FieldFacet("date", reverse=True), sorting.ScoreFacet()]
        groupedby = {name: sorting.FieldFacet(name, maptype=sorting.Count) for name in FACET_FIELDS}
        with self._guard:
            searcher = self._fresh_searcher()
            results = searcher.search_page(whoosh_query, page, pagelen=limit, filter=filter_query,
                                           sortedby=sortedby, groupedby=groupedby)
            hits = [SearchHit(id=int(hit["id"]), score=_score(hit),
                              snippet=snippet_for(hit, self._highlighter, exact_first=parsed.has_diacritics)) for hit in results]
            facets = {name: _counts(results.results.groups(name)) for name in FACET_FIELDS}
            suggestion = suggest(searcher, parsed) if parsed.words else None
            return SearchResults(total=results.total, hits=hits, facets=facets, suggestion=suggestion,
                                 page=page, limit=limit)


def _score(hit) -> float:
    """The relevance score (0 when sorted by date: Whoosh then puts the sort key there)."""
    return float(hit.score) if isinstance(hit.score, (int, float)) else 0.0


def _counts(groups: dict) -> dict:
    counts = {key: count for key, count in groups.items() if key not in (None, "", b"")}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


def open_index(settings: Settings, *, lock_timeout: float = 30.0) -> SearchIndex:
    """Open the search index of these settings, creating an empty one if missing.

    Check `.needs_rebuild` afterwards: True when the index on disk was built with
    another schema or analyser version (then run `rebuild`)."""
    return SearchIndex(Path(settings.index_dir), lock_timeout=lock_timeout)
