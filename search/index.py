"""The search index: open it, write to it (one writer at a time), search it.

The database is the source of truth; this index is derived from it and can always be
rebuilt (`theodoi.search.rebuild`). Writers wait for Whoosh's file lock up to
`lock_timeout` seconds, then commit or cancel exactly once and raise a SearchIndexError
the caller can act on (leave the documents "index pending").

`open_index` returns this Whoosh index, or the tantivy one (`tantivy_backend.py`, same
interface) when the setting `search_backend` is "tantivy", or the PostgreSQL one
(`postgres_backend.py`) when it is "postgres".
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

import numpy as np
from whoosh import fields
from whoosh.index import LockError
from whoosh.query import Every

from theodoi.config import Settings
from theodoi.search import whoosh_matches
from theodoi.search.document import IndexDocument
from theodoi.search.errors import IndexCorruptError, IndexLockedError, IndexWriteError
from theodoi.search.query import TASK_FILTER_NAMES, ParsedQuery, any_unit_fallback, build_filter
from theodoi.search.scoring_codec import ScoringCodec
from theodoi.search.results import (SearchHit, SearchResults, TaskHit, TaskResults, snippet_for,
                                    snippet_patterns)
from theodoi.search.schema import index_fields, task_fields
from theodoi.search.storage import TASKS, GenerationIndex, has_index, open_whoosh
from theodoi.search.suggest import suggest, wants_suggestion

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
FACET_FIELDS = ("kind", "issuer", "year")
TASK_FACET_FIELDS = ("status",)
WRITER_MEMORY_MB = 128
PARTIAL_CANDIDATES = 200  # relaxed-query hits examined for partial matches


class SearchIndex(GenerationIndex):
    """A Whoosh index under `root` (see storage.py for the layout and GenerationIndex for
    how it follows the live generation)."""

    backend = "whoosh"

    def __init__(self, root: Path, **options):
        self._ix = None
        self._task_ix = None  # None in a generation written before task search existed
        self._searchers: dict[str, object] = {}
        self._facet_columns: dict[int, dict] = {}  # id(searcher) → arrays read from it (_searcher_cache)
        self._segments: dict[str, whoosh_matches.SegmentCache] = {}  # "documents"/"tasks" → kept across searchers
        super().__init__(root, **options)

    # ------------------------------------------------------------------ state
    def _open(self, directory: Path) -> None:
        self._close_searchers()
        self._ix = None if self.foreign else open_whoosh(directory)
        self._task_ix = open_whoosh(directory, TASKS) if not self.foreign and has_index(directory, TASKS) else None

    def _current(self, tasks: bool = False):
        """The Whoosh index (documents, or tasks) of the live generation, reopened if a
        rebuild swapped it; None for tasks in a generation without a task index."""
        self._fresh()
        return self._task_ix if tasks else self._ix

    def _close_searchers(self) -> None:
        for searcher in self._searchers.values():
            searcher.close()
        self._searchers = {}
        self._facet_columns = {}
        self._segments = {}

    def close(self) -> None:
        """Release the cached searcher."""
        with self._guard:
            self._close_searchers()

    # ------------------------------------------------------------------ writing
    def add(self, docs: list[IndexDocument]) -> None:
        """Add or replace documents (by id) in one commit.

        Raises IndexLockedError when another writer holds the lock past `lock_timeout`,
        IndexWriteError when the write fails (nothing of it is committed)."""
        if docs:
            self._check_writable()
            self._write(self._current(), lambda writer: [writer.update_document(**index_fields(doc))
                                                         for doc in docs])
            self._write_tasks(docs)

    def _write_tasks(self, docs: list[IndexDocument]) -> None:
        """Replace the tasks of these documents in the task index."""
        task_ix = self._current(tasks=True)
        if task_ix is None:
            return

        def work(writer):
            for doc in docs:
                writer.delete_by_term("document_id", str(doc.id))
                for task in doc.tasks:
                    writer.add_document(**task_fields(task, doc))
        self._write(task_ix, work)

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents (and their tasks) by id (missing ids are ignored)."""
        ids = [str(i) for i in ids]
        if ids:
            self._check_writable()
            self._write(self._current(), lambda writer: [writer.delete_by_term("id", i) for i in ids])
            task_ix = self._current(tasks=True)
            if task_ix is not None:
                self._write(task_ix, lambda writer: [writer.delete_by_term("document_id", i) for i in ids])

    def optimize(self) -> None:
        """Merge all segments into one (faster searches; used after a rebuild)."""
        self._check_writable()
        for ix in (self._current(), self._current(tasks=True)):
            if ix is not None:
                self._write(ix, lambda writer: None, optimize=True)

    def _check_writable(self) -> None:
        self._current()
        if self.foreign:
            raise IndexCorruptError(f"the index in {self.directory} was built by another search engine "
                                    f"than {self.backend!r}; run `theodoi reindex`")

    def _write(self, ix, work, *, optimize: bool = False) -> None:
        try:
            writer = ix.writer(timeout=self.lock_timeout, delay=self.lock_delay, limitmb=WRITER_MEMORY_MB,
                               codec=ScoringCodec())
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
    def _fresh_searcher(self, tasks: bool = False):
        """The cached searcher of the documents (or tasks) index, reopened only when a
        commit or a rebuild made it stale; None when there is no task index."""
        ix = self._current(tasks)
        if ix is None:
            return None
        name = "tasks" if tasks else "documents"
        searcher = self._searchers.get(name)
        if searcher is not None and not searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and misses deletions
            # made by a commit that only deleted documents.
            self._facet_columns.pop(id(searcher), None)
            searcher.close()
            searcher = None
        if searcher is None:
            searcher = self._searchers[name] = ix.searcher()
            self._segment_cache(searcher).keep_only(whoosh_matches.segment_ids(searcher))
        return searcher

    def _segment_cache(self, searcher) -> whoosh_matches.SegmentCache:
        """What was read from the segments of this searcher's index (documents or tasks),
        kept across searchers as long as the segments live."""
        name = "tasks" if searcher is self._searchers.get("tasks") else "documents"
        return self._segments.setdefault(name, whoosh_matches.SegmentCache())

    def ids(self) -> set[int]:
        """Every document id in the index (to compare with the database)."""
        with self._guard:
            searcher = self._fresh_searcher()
            return {int(fields["id"]) for fields in searcher.all_stored_fields()} if searcher else set()

    def __len__(self) -> int:
        with self._guard:
            searcher = self._fresh_searcher()
            return searcher.doc_count() if searcher else 0

    def search(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
               sort: str = "relevance") -> SearchResults:
        """Search documents. An empty query lists the documents the filters allow.

        `filters`: kind, issuer, year, date_from, date_to, agency, status,
        deadline_from, deadline_to (see query.build_filter). `sort`: "relevance" or
        "date" (newest first)."""
        found = any_unit_fallback(self._search, "documents", query, build_filter(filters), limit, page,
                                  _sort_order(sort, "date", reverse=True), FACET_FIELDS)
        (hits, total, facets, suggestion, page, limit), any_unit = found
        return SearchResults(total=total, hits=[SearchHit(id=int(hit["id"]), score=score, snippet=snippet,
                                                          partial=partial)
                                                for hit, score, snippet, partial in hits],
                             facets=facets, suggestion=suggestion, page=page, limit=limit, any_unit=any_unit)

    def search_tasks(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
                     sort: str = "relevance") -> TaskResults:
        """Search tasks ("tiêm chủng" with filters={"agency": "Sở Y tế", "status": "open"}).
        An empty query lists the tasks the filters allow, soonest deadline first.

        `filters`: agency (lead or support), lead, status (one or several), deadline_from,
        deadline_to, and the document's kind, issuer, year, date_from, date_to.
        `sort`: "relevance" or "deadline" (soonest first). Empty results when the index
        predates task search (`needs_rebuild` is then True)."""
        filter_query = build_filter(filters, TASK_FILTER_NAMES)
        found = any_unit_fallback(self._search, "tasks", query, filter_query, limit, page,
                                  _sort_order(sort, "deadline", reverse=False), TASK_FACET_FIELDS)
        (hits, total, facets, suggestion, page, limit), any_unit = found
        return TaskResults(total=total, hits=[TaskHit(id=int(hit["id"]), document_id=int(hit["document_id"]),
                                                      score=score, snippet=snippet, partial=partial)
                                              for hit, score, snippet, partial in hits],
                           facets=facets, suggestion=suggestion, page=page, limit=limit, any_unit=any_unit)

    def _search(self, which: str, parsed: ParsedQuery, filter_query, limit: int, page: int, sort_order,
                facet_fields):
        """The work shared by document and task search: one page of Whoosh hits with
        scores, snippets and partial flags, the total, facet counts and a suggestion.
        `sort_order`: None (by relevance) or (column, newest first?) from `_sort_order`."""
        limit = max(1, min(int(limit), MAX_PAGE_SIZE))
        page = max(1, int(page))
        if sort_order is None and parsed.positive is None:  # nothing to rank by: newest / soonest first
            sort_order = ("date", True) if which == "documents" else ("deadline", False)
        with self._guard:
            searcher = self._fresh_searcher(tasks=which == "tasks")
            if searcher is None:
                return [], 0, {}, None, page, limit
            # Every match scored at once (whoosh_matches): the page is a slice of them in
            # order, the total their count, and the facets are counted from their document
            # numbers with the searcher's cached columns.
            cache = self._searcher_cache(searcher)
            matches = whoosh_matches.find(searcher, parsed.query or Every(), filter_query, cache,
                                          self._segment_cache(searcher))
            total = len(matches)
            if sort_order is None or not total:
                ordered = matches.by_score()
            else:
                ordered = matches.by_key(_sort_keys(searcher, cache, *sort_order))
            shown = [(searcher.stored_fields(int(docnum)), _score_of(matches, docnum, sort_order))
                     for docnum in ordered[(page - 1) * limit:page * limit]]
            facets = self._facet_counts(searcher, matches.docnums, facet_fields)
            partial = (_partial_matches(searcher, parsed, filter_query, total, page, limit)
                       if sort_order is None else [])
            patterns = snippet_patterns(parsed.positive, exact_first=parsed.has_diacritics)
            hits = [(stored, score, snippet_for(stored.get("content"), patterns), is_partial)
                    for found, is_partial in ((shown, False), (partial, True)) for stored, score in found]
            suggestion = suggest(_WhooshVocabulary(searcher), parsed) if wants_suggestion(parsed, total) else None
            return hits, total, facets, suggestion, page, limit

    def _searcher_cache(self, searcher) -> dict:
        """Arrays kept as long as this searcher (facet columns, field lengths, sort keys)."""
        return self._facet_columns.setdefault(id(searcher), {})

    def _facet_counts(self, searcher, docnums: np.ndarray, facet_fields) -> dict:
        """Counts by facet value of these documents, from each facet's column read once
        per searcher (that is, per index generation and commit) as a code per document."""
        if not len(docnums):  # also an index without any segment, which has no columns
            return {name: {} for name in facet_fields}
        cache = self._searcher_cache(searcher)
        facets = {}
        for name in facet_fields:
            if ("facet", name) not in cache:
                cache["facet", name] = _coded(_column_values(searcher, name, self._segment_cache(searcher)))
            values, codes = cache["facet", name]
            counts = np.bincount(codes[docnums], minlength=len(values))
            facets[name] = _counts({values[code]: int(count) for code, count in enumerate(counts) if count},
                                   _missing(searcher.schema[name]))
        return facets


class _WhooshVocabulary:
    """Spelling help's view of a Whoosh searcher (see suggest.Vocabulary)."""

    def __init__(self, searcher):
        self.searcher = searcher

    def frequency(self, fieldname: str, word: str) -> int:
        return self.searcher.doc_frequency(fieldname, word)

    def closest(self, fieldname: str, word: str, maxdist: int, prefix: int) -> str | None:
        candidates = self.searcher.corrector(fieldname).suggest(word, limit=1, maxdist=maxdist, prefix=prefix)
        return candidates[0] if candidates else None


def _column_values(searcher, fieldname: str, segments: whoosh_matches.SegmentCache) -> list:
    """The value of a column for every document number of `searcher`, segment by segment,
    each segment's read once while it lives (a segment whose documents lack the field has
    an empty column: read one by one)."""
    values: list = []
    for leaf, _ in searcher.leaf_searchers():
        key = (whoosh_matches.segment_id(leaf), fieldname)
        if key not in segments.columns:
            reader, size = leaf.reader(), leaf.doc_count_all()
            column = reader.column_reader(fieldname)
            read = list(column)
            segments.columns[key] = read if len(read) == size else [column[n] for n in range(size)]
        values += segments.columns[key]
    return values


def _coded(column: list) -> tuple[list, np.ndarray]:
    """(the distinct values, each document's index into them) of a column."""
    index: dict = {}
    codes = np.fromiter((index.setdefault(value, len(index)) for value in column), dtype=np.int64, count=len(column))
    return list(index), codes


def _sort_order(sort: str, fieldname: str, reverse: bool):
    """None for `sort` "relevance", else (`fieldname`, reverse): by that column, then score."""
    if sort == "relevance":
        return None
    if sort != fieldname:
        raise ValueError(f"sort must be 'relevance' or {fieldname!r}, not {sort!r}")
    return fieldname, reverse


def _sort_keys(searcher, cache: dict, fieldname: str, reverse: bool):
    """Each document's rank by a column, as Whoosh's sort on it compares them (its sort
    key, negated when `reverse`); read once per searcher."""
    if ("sort", fieldname, reverse) not in cache:
        keys: list = []
        for leaf, _ in searcher.leaf_searchers():
            column = leaf.reader().column_reader(fieldname, reverse=reverse, translate=False)
            keys += [column.sort_key(docnum) for docnum in range(leaf.doc_count_all())]
        rank = {key: position for position, key in enumerate(sorted(set(keys)))}
        cache["sort", fieldname, reverse] = np.array([rank[key] for key in keys], dtype=np.int64)
    return cache["sort", fieldname, reverse]


def _score_of(matches, docnum, sort_order) -> float:
    """A hit's relevance score (0 when sorted by a column, as Whoosh gave it)."""
    if sort_order is not None:
        return 0.0
    return float(matches.scores[np.searchsorted(matches.docnums, docnum)])


def _partial_matches(searcher, parsed: ParsedQuery, filter_query, strict_total: int, page: int,
                     limit: int) -> list:
    """When fewer hits than the page needs have every word, the hits that have most of
    them (all but about a quarter), to be listed after the full matches."""
    first, end = (page - 1) * limit, page * limit
    if parsed.relaxed is None or strict_total >= end:
        return []
    skip, count = max(0, first - strict_total), end - max(strict_total, first)
    unit_terms = [{(name, _as_text(text)) for name, text in unit.all_terms()} for unit in parsed.units]
    results = searcher.search(parsed.relaxed, limit=max(PARTIAL_CANDIDATES, skip + count),
                              filter=filter_query, mask=parsed.query, terms=True)
    kept = []
    for hit in results:
        matched = {(name, _as_text(text)) for name, text in hit.matched_terms()}
        if sum(1 for terms in unit_terms if terms & matched) >= parsed.units_needed_when_relaxed:
            kept.append(hit)
        if len(kept) >= skip + count:
            break
    return [_partial_hit(hit) for hit in kept[skip:]]


def _as_text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _partial_hit(hit) -> tuple[dict, float]:
    return hit.fields(), float(hit.score)


def _missing(field):
    """The value a numeric column reads for a document without one (2147483647 for a year):
    the facet leaves it out, as it leaves out empty text."""
    return field.from_column_value(field.default) if isinstance(field, fields.NUMERIC) else None


def _counts(groups: dict, missing=None) -> dict:
    counts = {key: count for key, count in groups.items() if key not in (None, "", b"", missing)}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


def index_class(backend: str):
    """The SearchIndex class of an engine ("whoosh", "tantivy" or "postgres"; the last two
    are imported only when asked for)."""
    if backend == "tantivy":
        from theodoi.search.tantivy_backend import TantivySearchIndex

        return TantivySearchIndex
    if backend == "postgres":
        from theodoi.search.postgres_backend import PostgresSearchIndex

        return PostgresSearchIndex
    if backend != "whoosh":
        raise ValueError(f"unknown search backend {backend!r}")
    return SearchIndex


def open_index(settings: Settings, *, lock_timeout: float = 30.0) -> SearchIndex:
    """Open the search index of these settings (engine: `settings.search_backend`),
    creating an empty one if missing.

    Check `.needs_rebuild` afterwards: True when the index on disk was built with
    another engine, schema or analyser version (then run `rebuild`)."""
    return index_class(settings.search_backend).open(settings, lock_timeout=lock_timeout)
