"""The tantivy engine behind the SearchIndex interface (setting `search_backend` = "tantivy").

The only module that imports tantivy. Everything that decides what matches stays in
Python and is shared with the Whoosh engine: the Vietnamese analysers (analysis.py)
turn each field into tokens, which are written as space-joined text that tantivy splits
on whitespace only, so the exact, folded and symbol fields hold the same terms as in
Whoosh; the query builder (query.py) makes a Whoosh query tree that is translated node by
node (Term, Phrase, And, Or, ranges, boosts); snippets (snippets.py) and spelling help
(suggest.py) are the same code. The original text is kept in a stored bytes field for
snippets.

Layout: a generation folder holds two tantivy indexes, `documents/` and `tasks/` (see
storage.py); tantivy's own lock file allows one writer per index across processes.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Iterable

import tantivy
from tantivy import Document, FieldType, Occur, Order, Query, SchemaBuilder
from whoosh import query as wq

from theodoi.search.analysis import exact_tokens, folded_tokens, line_keys, symbol_tokens
from theodoi.search.document import IndexDocument
from theodoi.search.errors import IndexCorruptError, IndexLockedError, IndexWriteError
from theodoi.search.query import TASK_FILTER_NAMES, ParsedQuery, any_unit_fallback, build_filter
from theodoi.search.results import (HIGHLIGHT_TEXT_LIMIT, SearchHit, SearchResults, TaskHit, TaskResults,
                                    snippet_for, snippet_patterns)
from theodoi.search.schema import (CONTENT, CONTENT_FOLDED, META, META_FOLDED, SYMBOL_FIELD, SYMBOL_FOLDED,
                                   index_fields, task_fields)
from theodoi.search.storage import GenerationIndex
from theodoi.search.suggest import closest_of, suggest, wants_suggestion

log = logging.getLogger(__name__)

DOCUMENTS_DIR, TASKS_DIR = "documents", "tasks"
STORED_TEXT = "text"  # the original text, for snippets
MAX_PAGE_SIZE = 100
FACET_FIELDS = ("kind", "issuer", "year")
TASK_FACET_FIELDS = ("status",)
FACET_BUCKETS = 1000
WRITER_HEAP_BYTES = 128_000_000
HIGHLIGHT_BYTES = 4 * HIGHLIGHT_TEXT_LIMIT  # UTF-8 bytes enough for the characters snippets look at
VOCABULARY_LIMIT = 5000  # most frequent terms of a first letter looked at for spelling help

_EXACT_FIELDS = {CONTENT: exact_tokens, META: exact_tokens, CONTENT_FOLDED: folded_tokens,
                 META_FOLDED: folded_tokens, SYMBOL_FIELD: symbol_tokens, SYMBOL_FOLDED: folded_tokens}
_KEY_FIELDS = ("kind", "issuer")
_LINE_FIELDS = ("agency", "lead")


def _schema(tasks: bool) -> tantivy.Schema:
    builder = SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    if tasks:
        builder.add_integer_field("document_id", stored=True, indexed=True, fast=True)
    builder.add_bytes_field(STORED_TEXT, stored=True)
    for name in (CONTENT, CONTENT_FOLDED, META, META_FOLDED):
        builder.add_text_field(name, tokenizer_name="whitespace")
    for name in (SYMBOL_FIELD, SYMBOL_FOLDED):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name in _KEY_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_date_field("date", indexed=True, fast=True)
    builder.add_date_field("deadline", indexed=True, fast=tasks)
    builder.add_text_field("agency", tokenizer_name="raw", index_option="basic")
    if tasks:
        builder.add_text_field("lead", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("status", tokenizer_name="raw", fast=tasks, index_option="basic")
    return builder.build()


def create_indexes(directory: Path) -> None:
    """Create the empty documents and tasks indexes of a new generation folder."""
    for name, tasks in ((DOCUMENTS_DIR, False), (TASKS_DIR, True)):
        (directory / name).mkdir()
        tantivy.Index(_schema(tasks), path=str(directory / name))


def _open(path: Path) -> tantivy.Index:
    try:
        return tantivy.Index.open(str(path))
    except Exception as error:  # noqa: BLE001 - any unreadable meta or segment
        raise IndexCorruptError(f"cannot read the index in {path}: {error!r}; run `theodoi reindex`") from error


# --------------------------------------------------------------------------- documents
def _statuses(value: str) -> list[str]:
    return [part.strip().lower() for part in value.split(",") if part.strip()]


def _as_document(values: dict) -> Document:
    """A tantivy document from the engine-neutral field values of schema.py."""
    document = Document()
    document.add_integer("id", int(values["id"]))
    if "document_id" in values:
        document.add_integer("document_id", int(values["document_id"]))
    document.add_bytes(STORED_TEXT, values.get(CONTENT, "").encode("utf-8"))
    for name, tokens in _EXACT_FIELDS.items():
        if values.get(name):
            document.add_text(name, " ".join(tokens(values[name])))
    for name in _KEY_FIELDS:
        if values.get(name):
            document.add_text(name, values[name])
    for name in _LINE_FIELDS:
        for key in line_keys(values.get(name, "")):
            document.add_text(name, key)
    for status in _statuses(values.get("status", "")):
        document.add_text("status", status)
    if "year" in values:
        document.add_integer("year", int(values["year"]))
    if "date" in values:
        document.add_date("date", values["date"])
    deadlines = values.get("deadline", [])
    for deadline in deadlines if isinstance(deadlines, list) else [deadlines]:
        document.add_date("deadline", deadline)
    return document


# --------------------------------------------------------------------------- queries
def translate(schema: tantivy.Schema, node: wq.Query) -> Query:
    """The tantivy query for a Whoosh query tree made by query.py."""
    if isinstance(node, wq.Every):
        return Query.all_query()
    if isinstance(node, wq.Term):
        built = Query.term_query(schema, node.fieldname, node.text)
    elif isinstance(node, wq.Phrase):
        built = Query.phrase_query(schema, node.fieldname, list(node.words))
    elif isinstance(node, (wq.And, wq.Or)):
        occur = Occur.Must if isinstance(node, wq.And) else Occur.Should
        built = Query.boolean_query([(Occur.MustNot, translate(schema, sub.query)) if isinstance(sub, wq.Not)
                                     else (occur, translate(schema, sub)) for sub in node.subqueries])
    elif isinstance(node, wq.DateRange):
        built = Query.range_query(schema, node.fieldname, FieldType.Date, node.startdate, node.enddate,
                                  include_lower=not node.startexcl, include_upper=not node.endexcl)
    elif isinstance(node, wq.NumericRange):
        built = Query.range_query(schema, node.fieldname, FieldType.Integer, node.start, node.end,
                                  include_lower=not node.startexcl, include_upper=not node.endexcl)
    else:
        raise TypeError(f"no tantivy translation for {node!r}")
    return Query.boost_query(built, node.boost) if node.boost != 1 else built


def _filtered(query: Query, filter_query: Query | None) -> Query:
    """`query` restricted to `filter_query` without changing its scores."""
    if filter_query is None:
        return query
    return Query.boolean_query([(Occur.Must, query), (Occur.Must, Query.const_score_query(filter_query, 0.0))])


class _Vocabulary:
    """Spelling help's view of a tantivy searcher (see suggest.Vocabulary)."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._terms: dict[tuple[str, str], list] = {}

    def frequency(self, fieldname: str, word: str) -> int:
        return self.searcher.doc_freq(fieldname, word)

    def closest(self, fieldname: str, word: str, maxdist: int, prefix: int) -> str | None:
        key = (fieldname, word[:prefix])
        if key not in self._terms:
            self._terms[key] = self.searcher.terms_with_prefix(fieldname, word[:prefix], limit=VOCABULARY_LIMIT)
        return closest_of(self._terms[key], word, maxdist)


def _counts(aggregation: dict) -> dict:
    counts = {bucket["key"]: bucket["doc_count"] for bucket in aggregation.get("buckets", [])
              if bucket["key"] not in (None, "")}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


class _Part:
    """One tantivy index of a generation (documents or tasks) and when it was last read."""

    def __init__(self, path: Path):
        self.path = path
        self.index = _open(path)
        self.schema = self.index.schema
        self._meta_stamp = self._stamp()

    def _stamp(self):
        try:
            stat = (self.path / "meta.json").stat()
        except FileNotFoundError:
            return None
        return stat.st_ino, stat.st_mtime_ns

    def searcher(self):
        """A searcher of the last commit (reloaded when any process committed since)."""
        stamp = self._stamp()
        if stamp != self._meta_stamp:
            self.index.reload()
            self._meta_stamp = stamp
        return self.index.searcher()


class TantivySearchIndex(GenerationIndex):
    """The SearchIndex interface (see index.SearchIndex) over tantivy indexes under `root`."""

    backend = "tantivy"

    def __init__(self, root: Path, **options):
        self._parts: dict[str, _Part] | None = None
        super().__init__(root, **options)

    # ------------------------------------------------------------------ state
    def _open(self, directory: Path) -> None:
        self._parts = {} if self.foreign else {"documents": _Part(directory / DOCUMENTS_DIR),
                                               "tasks": _Part(directory / TASKS_DIR)}

    def _stale(self) -> bool:
        return self._parts is None or super()._stale()  # closed, or swapped by a rebuild

    def _part(self, which: str) -> _Part | None:
        """The documents or tasks index of the live generation, reopened if a rebuild
        swapped it; None in a generation of another engine."""
        self._fresh()
        return self._parts.get(which)

    def close(self) -> None:
        """Release the open indexes (reopened on the next call)."""
        with self._guard:
            self._parts = None

    # ------------------------------------------------------------------ writing
    def add(self, docs: list[IndexDocument]) -> None:
        """Add or replace documents (by id), and their tasks, in one commit per index.

        Raises IndexLockedError when another writer holds the lock past `lock_timeout`,
        IndexWriteError when the write fails (nothing of it is committed)."""
        if not docs:
            return
        built = [_as_document(index_fields(doc)) for doc in docs]
        tasks = [(doc.id, [_as_document(task_fields(task, doc)) for task in doc.tasks]) for doc in docs]

        def write_documents(writer):
            for doc, document in zip(docs, built):
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(document)

        def write_tasks(writer):
            for doc_id, documents in tasks:
                writer.delete_documents_by_term("document_id", doc_id)
                for document in documents:
                    writer.add_document(document)

        self._write(self._writable("documents"), write_documents)
        self._write(self._writable("tasks"), write_tasks)

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents (and their tasks) by id (missing ids are ignored)."""
        ids = [int(i) for i in ids]
        if ids:
            self._write(self._writable("documents"), lambda writer: [writer.delete_documents_by_term("id", i)
                                                                     for i in ids])
            self._write(self._writable("tasks"), lambda writer: [writer.delete_documents_by_term("document_id", i)
                                                                 for i in ids])

    def optimize(self) -> None:
        """Nothing to do: tantivy merges segments by its own policy after each commit
        (each write waits for those merges)."""
        self._writable("documents")

    def _writable(self, which: str) -> _Part:
        part = self._part(which)
        if part is None:
            raise IndexCorruptError(f"the index in {self.directory} was built by another search engine "
                                    f"than {self.backend!r}; run `theodoi reindex`")
        return part

    def _writer(self, part: _Part):
        waited_until = time.monotonic() + self.lock_timeout
        while True:
            try:
                return part.index.writer(WRITER_HEAP_BYTES)
            except ValueError as error:
                if "LockBusy" not in str(error):
                    raise IndexWriteError(f"cannot write to the search index: {error}") from error
                if time.monotonic() >= waited_until:
                    raise IndexLockedError(f"the search index in {part.path} is locked by another writer "
                                           f"(waited {self.lock_timeout:g} s)") from error
                time.sleep(self.lock_delay)

    def _write(self, part: _Part, work) -> None:
        writer = self._writer(part)
        try:
            work(writer)
            writer.commit()
        except Exception as error:
            try:
                writer.rollback()
            except Exception:  # noqa: BLE001 - the write error is the one to report
                log.exception("rolling back the failed search index writer failed too")
            raise IndexWriteError(f"writing to the search index failed: {error!r}") from error
        finally:
            writer.wait_merging_threads()  # also releases the writer's lock
        with self._guard:
            part.searcher()

    # ------------------------------------------------------------------ reading
    def ids(self) -> set[int]:
        """Every document id in the index (to compare with the database)."""
        with self._guard:
            part = self._part("documents")
            if part is None:
                return set()
            searcher = part.searcher()
            if not searcher.num_docs:
                return set()
            found = searcher.search(Query.all_query(), searcher.num_docs, count=False)
            return set(searcher.fast_field_values("id", [address for _, address in found.hits]))

    def __len__(self) -> int:
        with self._guard:
            part = self._part("documents")
            return part.searcher().num_docs if part else 0

    def search(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
               sort: str = "relevance") -> SearchResults:
        """Search documents; the same arguments and results as index.SearchIndex.search."""
        found = any_unit_fallback(self._search, "documents", query, build_filter(filters), limit, page,
                                  _sort_field(sort, "date"), FACET_FIELDS)
        (hits, total, facets, suggestion, page, limit), any_unit = found
        return SearchResults(total=total, hits=[SearchHit(id=fields["id"], score=score, snippet=snippet,
                                                          partial=partial)
                                                for fields, score, snippet, partial in hits],
                             facets=facets, suggestion=suggestion, page=page, limit=limit, any_unit=any_unit)

    def search_tasks(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
                     sort: str = "relevance") -> TaskResults:
        """Search tasks; the same arguments and results as index.SearchIndex.search_tasks."""
        found = any_unit_fallback(self._search, "tasks", query, build_filter(filters, TASK_FILTER_NAMES), limit,
                                  page, _sort_field(sort, "deadline"), TASK_FACET_FIELDS)
        (hits, total, facets, suggestion, page, limit), any_unit = found
        return TaskResults(total=total, hits=[TaskHit(id=fields["id"], document_id=fields["document_id"],
                                                      score=score, snippet=snippet, partial=partial)
                                              for fields, score, snippet, partial in hits],
                           facets=facets, suggestion=suggestion, page=page, limit=limit, any_unit=any_unit)

    def _search(self, which: str, parsed: ParsedQuery, filter_node, limit: int, page: int, sort_field,
                facet_fields):
        limit = max(1, min(int(limit), MAX_PAGE_SIZE))
        page = max(1, int(page))
        if sort_field is None and parsed.positive is None:  # nothing to rank by: newest / soonest first
            sort_field = ("date", Order.Desc) if which == "documents" else ("deadline", Order.Asc)
        with self._guard:
            part = self._part(which)
            if part is None:
                return [], 0, {}, None, page, limit
            searcher = part.searcher()
            schema = part.schema
            main = translate(schema, parsed.query) if parsed.query is not None else Query.all_query()
            filter_query = translate(schema, filter_node) if filter_node is not None else None
            wanted = _filtered(main, filter_query)
            offset = (page - 1) * limit
            if sort_field:
                found = searcher.search(wanted, limit, count=True, order_by_field=sort_field[0],
                                        order=sort_field[1], offset=offset)
            else:
                found = searcher.search(wanted, limit, count=True, offset=offset)
            ranked = [(address, score if sort_field is None else 0.0, False) for score, address in found.hits]
            if sort_field is None:
                ranked += [(address, score, True) for score, address
                           in self._partial(searcher, schema, parsed, main, filter_query, found.count, page, limit)]
            patterns = snippet_patterns(parsed.positive, exact_first=parsed.has_diacritics)
            hits = []
            for address, score, partial in ranked:
                fields = searcher.doc(address).to_dict()
                text = bytes(fields.get(STORED_TEXT, [b""])[0][:HIGHLIGHT_BYTES]).decode("utf-8", "ignore")
                hits.append(({name: values[0] for name, values in fields.items() if name != STORED_TEXT}, float(score),
                             snippet_for(text, patterns), partial))
            aggregations = searcher.aggregate(wanted, {name: {"terms": {"field": name, "size": FACET_BUCKETS}}
                                                       for name in facet_fields})
            facets = {name: _counts(aggregations.get(name, {})) for name in facet_fields}
            suggestion = suggest(_Vocabulary(searcher), parsed) if wants_suggestion(parsed, found.count) else None
            return hits, found.count, facets, suggestion, page, limit

    @staticmethod
    def _partial(searcher, schema, parsed, main: Query, filter_query: Query | None, strict_total: int,
                 page: int, limit: int) -> list:
        """When fewer hits than the page needs have every word, the hits that have most
        of them (all but about a quarter), to be listed after the full matches."""
        first, end = (page - 1) * limit, page * limit
        if parsed.relaxed is None or strict_total >= end:
            return []
        skip, count = max(0, first - strict_total), end - max(strict_total, first)
        most = Query.boolean_query([(Occur.Should, translate(schema, unit)) for unit in parsed.units],
                                   minimum_number_should_match=parsed.units_needed_when_relaxed)
        if parsed.excluded:
            most = Query.boolean_query([(Occur.Must, most), (Occur.MustNot, translate(schema, wq.Or(parsed.excluded)))])
        partial = _filtered(Query.boolean_query([(Occur.Must, most), (Occur.MustNot, main)]), filter_query)
        return searcher.search(partial, count, count=False, offset=skip).hits


def _sort_field(sort: str, fieldname: str):
    """(field, order) to sort by for `sort` ("relevance": None; dates newest first,
    deadlines soonest first)."""
    if sort == "relevance":
        return None
    if sort != fieldname:
        raise ValueError(f"sort must be 'relevance' or {fieldname!r}, not {sort!r}")
    return fieldname, Order.Desc if fieldname == "date" else Order.Asc

