"""The PostgreSQL engine behind the SearchIndex interface (setting `search_backend` =
"postgres"): one index in a database, shared by every app server and worker, with no
files to copy.

Where: the schema `theodoi_search` of `search_database_url` (default: the store's
database), created by this module, not by an Alembic migration: the index is derived
data, rebuilt (never migrated) when the schema version or the analysers change, and it
may live in another database than the store. `generations` names the live generation;
each generation has its own tables `<generation>_documents`, `_tasks` and `_vocabulary`,
so `rebuild` fills new tables while the live ones serve, then swaps the pointer in one
transaction (every server follows at its next call) and drops the old tables.

What matches and how it is shown is shared with Whoosh and tantivy: tokens and folding
from analysis.py (see postgres_text.py), the query tree from query.py, snippets from
snippets.py on the stored text, spelling help from suggest.py. Matching uses a GIN index
on one tsvector; ranking is ts_rank with field weights; facet counts are one GROUPING
SETS query. Writers take row locks and give up after `lock_timeout` (IndexLockedError).
"""
from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from typing import Iterable

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from whoosh.query import Term

from theodoi.config import Settings
from theodoi.search.document import IndexDocument
from theodoi.search.errors import IndexLockedError, IndexWriteError, SearchIndexError
from theodoi.search.postgres_text import (RANK_NORMALIZATION, RANK_WEIGHTS, TSVECTOR_SQL, FilterSQL, agency_keys,
                                          field_positions, tsquery, tsvector_literals, vocabulary)
from theodoi.search.query import TASK_FILTER_NAMES, ParsedQuery, any_unit_fallback, build_filter
from theodoi.search.results import (HIGHLIGHT_TEXT_LIMIT, SearchHit, SearchResults, TaskHit, TaskResults,
                                    snippet_for, snippet_patterns)
from theodoi.search.schema import index_fields, index_version, task_fields
from theodoi.search.suggest import closest_of, suggest, wants_suggestion

log = logging.getLogger(__name__)

SCHEMA = "theodoi_search"
MAX_PAGE_SIZE = 100
FACET_FIELDS = ("kind", "issuer", "year")
TASK_FACET_FIELDS = ("status",)
FREQUENCY_CAP = 1000  # spelling help counts a word's documents up to this many
VOCABULARY_LIMIT = 5000  # candidate words looked at for one spelling suggestion
_SETUP_LOCK = 7_150_001  # advisory lock key while creating the schema or a generation

_TABLES = """
CREATE TABLE {schema}.{g}_documents (
    id bigint PRIMARY KEY, text text NOT NULL, terms tsvector NOT NULL, kind text, issuer text,
    year int, date timestamp, deadline timestamp[], agency text[], status text[]);
CREATE INDEX ON {schema}.{g}_documents USING gin (terms);
CREATE TABLE {schema}.{g}_tasks (
    id bigint PRIMARY KEY, document_id bigint NOT NULL, text text NOT NULL, terms tsvector NOT NULL,
    kind text, issuer text, year int, date timestamp, deadline timestamp[], agency text[],
    lead text[], status text[]);
CREATE INDEX ON {schema}.{g}_tasks USING gin (terms);
CREATE INDEX ON {schema}.{g}_tasks (document_id);
CREATE TABLE {schema}.{g}_vocabulary (
    part text NOT NULL, field text NOT NULL, term text NOT NULL, PRIMARY KEY (part, field, term));
"""


def database_url(settings: Settings) -> str:
    """The search database: `search_database_url`, else the store's, which must be PostgreSQL."""
    url = settings.search_database_url or settings.database_url
    if not url.startswith("postgresql"):
        raise SearchIndexError("the postgres search backend needs a PostgreSQL database: set "
                               "THEODOI_SEARCH_DATABASE_URL (or THEODOI_DATABASE_URL) to postgresql+psycopg://…")
    return url


def _row(values: dict, fields: dict, tasks: bool) -> dict:
    """The table row (parameters) of one document's or task's field values (schema.py)
    and their tokens (postgres_text.field_positions)."""
    deadline = values.get("deadline", [])
    row = {"id": int(values["id"]), "text": values.get("content", "")[:HIGHLIGHT_TEXT_LIMIT],
           **tsvector_literals(fields), "kind": values.get("kind"), "issuer": values.get("issuer"),
           "year": values.get("year"), "date": values.get("date"),
           "deadline": deadline if isinstance(deadline, list) else [deadline],
           "agency": agency_keys(values, "agency"),
           "status": [part.strip().lower() for part in values.get("status", "").split(",") if part.strip()]}
    if tasks:
        row.update(document_id=int(values["document_id"]), lead=agency_keys(values, "lead"))
    return row


_COLUMNS = ("id", "text", "terms", "kind", "issuer", "year", "date", "deadline", "agency", "status")
_TASK_COLUMNS = _COLUMNS + ("document_id", "lead")


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    values = ", ".join(TSVECTOR_SQL if c == "terms" else f":{c}" for c in columns)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != "id")
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values}) ON CONFLICT (id) DO UPDATE SET {updates}"


class _Vocabulary:
    """Spelling help's view of one table (see suggest.Vocabulary)."""

    def __init__(self, connection, table: str, vocabulary_table: str, part: str):
        self.connection, self.table, self.vocabulary_table, self.part = connection, table, vocabulary_table, part

    def frequency(self, fieldname: str, word: str) -> int:
        return self.connection.execute(text(
            f"SELECT count(*) FROM (SELECT 1 FROM {self.table} WHERE terms @@ CAST(:q AS tsquery) LIMIT {FREQUENCY_CAP}) AS m"),
            {"q": tsquery_term(fieldname, word)}).scalar_one()

    def closest(self, fieldname: str, word: str, maxdist: int, prefix_length: int) -> str | None:
        start = word[:prefix_length].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        candidates = self.connection.execute(text(
            f"SELECT term FROM {self.vocabulary_table} WHERE part = :part AND field = :field AND term LIKE :start "
            f"AND length(term) BETWEEN :shortest AND :longest LIMIT {VOCABULARY_LIMIT}"),
            {"part": self.part, "field": fieldname, "start": start + "%", "shortest": len(word) - maxdist,
             "longest": len(word) + maxdist}).scalars().all()
        near = [term for term in candidates if closest_of([(term, 0)], word, maxdist)]  # within maxdist
        counted = [(term, self.frequency(fieldname, term)) for term in near]
        return closest_of([(term, count) for term, count in counted if count], word, maxdist)


def tsquery_term(fieldname: str, word: str) -> str:
    return tsquery(Term(fieldname, word))


class PostgresSearchIndex:
    """The SearchIndex interface (see index.SearchIndex) over tables in PostgreSQL."""

    backend = "postgres"

    def __init__(self, url: str, *, generation: str | None = None, lock_timeout: float = 30.0):
        self.url = url
        self.lock_timeout = lock_timeout
        self._pinned = generation
        self._engine = create_engine(url, pool_pre_ping=True, future=True)
        self._guard = threading.RLock()
        self._ensure_schema()

    @classmethod
    def open(cls, settings: Settings, *, lock_timeout: float = 30.0) -> "PostgresSearchIndex":
        return cls(database_url(settings), lock_timeout=lock_timeout)

    @classmethod
    def for_rebuild(cls, settings: Settings) -> "PostgresSearchIndex":
        """An index writing into a new, not yet live generation (see `publish`)."""
        url = database_url(settings)
        probe = cls(url)
        name = probe._create_generation(live=False)
        probe.close()
        return cls(url, generation=name)

    def publish(self) -> None:
        """Make this (rebuilt) generation the live one and drop the others' tables."""
        with self._engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SETUP_LOCK})
            old = connection.execute(text(f"SELECT name FROM {SCHEMA}.generations WHERE name <> :name"),
                                     {"name": self._pinned}).scalars().all()
            connection.execute(text(f"UPDATE {SCHEMA}.generations SET live = (name = :name)"), {"name": self._pinned})
            for name in old:
                self._drop(connection, name)
        self._pinned = None

    # ------------------------------------------------------------------ state
    def _ensure_schema(self) -> None:
        with self._engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SETUP_LOCK})
            connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
            connection.execute(text(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.generations (name text PRIMARY KEY, "
                                    "version jsonb NOT NULL, live boolean NOT NULL DEFAULT false, "
                                    "created timestamptz NOT NULL DEFAULT now())"))
            has_live = connection.execute(text(f"SELECT count(*) FROM {SCHEMA}.generations WHERE live")).scalar_one()
        if not has_live and self._pinned is None:
            self._create_generation(live=True)

    def _create_generation(self, *, live: bool) -> str:
        name = f"g{time.time_ns():020d}_{uuid.uuid4().hex[:8]}"
        with self._engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SETUP_LOCK})
            if live and connection.execute(text(f"SELECT count(*) FROM {SCHEMA}.generations WHERE live")).scalar_one():
                return ""  # another process made one meanwhile
            for statement in _TABLES.format(schema=SCHEMA, g=name).split(";"):
                if statement.strip():
                    connection.execute(text(statement))
            connection.execute(text(f"INSERT INTO {SCHEMA}.generations (name, version, live) "
                                    "VALUES (:name, CAST(:version AS jsonb), :live)"),
                               {"name": name, "version": json.dumps(index_version(self.backend)), "live": live})
        return name

    @staticmethod
    def _drop(connection, name: str) -> None:
        for suffix in ("documents", "tasks", "vocabulary"):
            connection.execute(text(f"DROP TABLE IF EXISTS {SCHEMA}.{name}_{suffix}"))
        connection.execute(text(f"DELETE FROM {SCHEMA}.generations WHERE name = :name"), {"name": name})

    def _generation(self, connection) -> str:
        """The generation this index reads and writes: the pinned one, else the live one."""
        if self._pinned:
            return self._pinned
        name = connection.execute(text(f"SELECT name FROM {SCHEMA}.generations WHERE live")).scalar_one_or_none()
        if name is None:
            raise SearchIndexError(f"no live search index in {SCHEMA}; run `theodoi reindex`")
        return name

    @property
    def directory(self) -> str:
        """Where the index lives (for messages)."""
        return f"{self._engine.url.render_as_string(hide_password=True)} schema {SCHEMA}"

    def stored_version(self) -> dict | None:
        """The version the live (or pinned) generation was built with."""
        with self._engine.connect() as connection:
            name = self._generation(connection)
            return connection.execute(text(f"SELECT version FROM {SCHEMA}.generations WHERE name = :name"),
                                      {"name": name}).scalar_one_or_none()

    @property
    def needs_rebuild(self) -> bool:
        """True when the index was built by another schema or analyser version."""
        return self.stored_version() != index_version(self.backend)

    def close(self) -> None:
        """Close the pooled connections (reopened on the next call)."""
        self._engine.dispose()

    # ------------------------------------------------------------------ writing
    def _write(self, work) -> None:
        try:
            with self._engine.begin() as connection:
                connection.execute(text(f"SET LOCAL lock_timeout = '{int(self.lock_timeout * 1000)}ms'"))
                work(connection, self._generation(connection))
        except (OperationalError, DBAPIError) as error:
            if getattr(error.orig, "sqlstate", None) == "55P03":  # lock_not_available
                raise IndexLockedError(f"the search index in {self.directory} is locked by another writer "
                                       f"(waited {self.lock_timeout:g} s)") from error
            raise IndexWriteError(f"writing to the search index failed: {error.orig!r}") from error

    def add(self, docs: list[IndexDocument]) -> None:
        """Add or replace documents (by id), and their tasks, in one transaction.

        Raises IndexLockedError when another writer holds their rows past `lock_timeout`,
        IndexWriteError when the write fails (nothing of it is committed)."""
        if not docs:
            return
        documents = [(values, field_positions(values)) for values in map(index_fields, docs)]
        tasks = [(values, field_positions(values)) for values in
                 (task_fields(task, doc) for doc in docs for task in doc.tasks)]
        rows = ([_row(values, fields, tasks=False) for values, fields in documents],
                [_row(values, fields, tasks=True) for values, fields in tasks])
        words = [{"part": part, "field": field, "term": term}
                 for part, written in (("documents", documents), ("tasks", tasks))
                 for field, term in set().union(*(vocabulary(fields) for _, fields in written))]

        def work(connection, g):
            connection.execute(text(_insert_sql(f"{SCHEMA}.{g}_documents", _COLUMNS)), rows[0])
            connection.execute(text(f"DELETE FROM {SCHEMA}.{g}_tasks WHERE document_id = ANY(:ids)"),
                               {"ids": [doc.id for doc in docs]})
            if rows[1]:
                connection.execute(text(_insert_sql(f"{SCHEMA}.{g}_tasks", _TASK_COLUMNS)), rows[1])
            if words:
                connection.execute(text(f"INSERT INTO {SCHEMA}.{g}_vocabulary (part, field, term) "
                                        "VALUES (:part, :field, :term) ON CONFLICT DO NOTHING"), words)
        self._write(work)

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents (and their tasks) by id (missing ids are ignored)."""
        ids = [int(i) for i in ids]
        if ids:
            def work(connection, g):
                connection.execute(text(f"DELETE FROM {SCHEMA}.{g}_documents WHERE id = ANY(:ids)"), {"ids": ids})
                connection.execute(text(f"DELETE FROM {SCHEMA}.{g}_tasks WHERE document_id = ANY(:ids)"), {"ids": ids})
            self._write(work)

    def optimize(self) -> None:
        """Refresh the planner's statistics (after a rebuild or a bulk load)."""
        with self._engine.begin() as connection:
            g = self._generation(connection)
            for suffix in ("documents", "tasks", "vocabulary"):
                connection.execute(text(f"ANALYZE {SCHEMA}.{g}_{suffix}"))

    # ------------------------------------------------------------------ reading
    def ids(self) -> set[int]:
        """Every document id in the index (to compare with the database)."""
        with self._engine.connect() as connection:
            g = self._generation(connection)
            return set(connection.execute(text(f"SELECT id FROM {SCHEMA}.{g}_documents")).scalars())

    def __len__(self) -> int:
        with self._engine.connect() as connection:
            g = self._generation(connection)
            return connection.execute(text(f"SELECT count(*) FROM {SCHEMA}.{g}_documents")).scalar_one()

    def search(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
               sort: str = "relevance") -> SearchResults:
        """Search documents; the same arguments and results as index.SearchIndex.search."""
        found = any_unit_fallback(self._search, "documents", query, build_filter(filters), limit, page,
                                  _sort_order(sort, "date"), FACET_FIELDS)
        (hits, total, facets, suggestion, page, limit), any_unit = found
        return SearchResults(total=total, hits=[SearchHit(id=row["id"], score=score, snippet=snippet, partial=partial)
                                                for row, score, snippet, partial in hits],
                             facets=facets, suggestion=suggestion, page=page, limit=limit, any_unit=any_unit)

    def search_tasks(self, query: str, *, filters: dict | None = None, limit: int = 20, page: int = 1,
                     sort: str = "relevance") -> TaskResults:
        """Search tasks; the same arguments and results as index.SearchIndex.search_tasks."""
        found = any_unit_fallback(self._search, "tasks", query, build_filter(filters, TASK_FILTER_NAMES), limit, page,
                                  _sort_order(sort, "deadline"), TASK_FACET_FIELDS)
        (hits, total, facets, suggestion, page, limit), any_unit = found
        return TaskResults(total=total, hits=[TaskHit(id=row["id"], document_id=row["document_id"], score=score,
                                                      snippet=snippet, partial=partial)
                                              for row, score, snippet, partial in hits],
                           facets=facets, suggestion=suggestion, page=page, limit=limit, any_unit=any_unit)

    def _search(self, which: str, parsed: ParsedQuery, filter_node, limit: int, page: int, order: str | None,
                facet_fields: tuple[str, ...]):
        limit = max(1, min(int(limit), MAX_PAGE_SIZE))
        page = max(1, int(page))
        if order is None and parsed.positive is None:  # nothing to rank by: newest / soonest first
            fieldname = "date" if which == "documents" else "deadline"
            order = _sort_order(fieldname, fieldname)
        filters = FilterSQL()
        conditions = [filters.sql(filter_node)] if filter_node is not None else []
        params = dict(filters.params)
        if parsed.query is not None:
            conditions.append("terms @@ CAST(:q AS tsquery)")
            params["q"] = tsquery(parsed.query)
        where = " AND ".join(conditions) or "TRUE"
        score = (f"ts_rank('{RANK_WEIGHTS}', terms, CAST(:q AS tsquery), {RANK_NORMALIZATION})"
                 if parsed.query is not None else "0.0")
        extra = ", document_id" if which == "tasks" else ""
        with self._engine.connect() as connection:
            # Matches are read through the GIN index even when most rows match: its bitmap
            # needs no recheck (no tsvector read) for the facet counts; a sequential scan
            # would read every row's tsvector.
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            g = self._generation(connection)
            table = f"{SCHEMA}.{g}_{which}"
            rows = connection.execute(text(
                f"SELECT id{extra}, {score} AS score FROM {table} WHERE {where} "
                f"ORDER BY {order or 'score DESC'}, id LIMIT :limit OFFSET :offset"),
                {**params, "limit": limit, "offset": (page - 1) * limit}).mappings().all()
            total, facets = self._facets(connection, table, where, params, facet_fields)
            ranked = [(dict(row), float(row["score"]) if order is None else 0.0, False) for row in rows]
            if order is None:
                ranked += self._partial(connection, table, parsed, filters, conditions[0] if filter_node is not None
                                        else "", total, page, limit, extra)
            texts = dict(connection.execute(text(f"SELECT id, text FROM {table} WHERE id = ANY(:ids)"),
                                            {"ids": [row["id"] for row, _, _ in ranked]}).all())
            patterns = snippet_patterns(parsed.positive, exact_first=parsed.has_diacritics)
            hits = [(row, score, snippet_for(texts.get(row["id"], ""), patterns), partial)
                    for row, score, partial in ranked]
            suggestion = None
            if wants_suggestion(parsed, total):
                suggestion = suggest(_Vocabulary(connection, table, f"{SCHEMA}.{g}_vocabulary", which), parsed)
            return hits, total, facets, suggestion, page, limit

    @staticmethod
    def _facets(connection, table: str, where: str, params: dict, facet_fields: tuple[str, ...]):
        """(total, facet counts) of the matches, in one GROUPING SETS query."""
        columns = {name: "status[1]" if name == "status" else name for name in facet_fields}
        selected = ", ".join(f"{column} AS {name}" for name, column in columns.items())
        flags = ", ".join(f"GROUPING({column}) AS g_{name}" for name, column in columns.items())
        sets = ", ".join(f"({column})" for column in columns.values())
        rows = connection.execute(text(f"SELECT {selected}, {flags}, count(*) AS n FROM {table} WHERE {where} "
                                       f"GROUP BY GROUPING SETS ({sets}, ())"), params).mappings().all()
        total, facets = 0, {name: {} for name in facet_fields}
        for row in rows:
            grouped = [name for name in facet_fields if not row[f"g_{name}"]]
            if not grouped:
                total = row["n"]
            elif row[grouped[0]] not in (None, ""):
                facets[grouped[0]][row[grouped[0]]] = row["n"]
        return total, {name: dict(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))
                       for name, counts in facets.items()}

    @staticmethod
    def _partial(connection, table: str, parsed, filters: FilterSQL, filter_where: str, strict_total: int,
                 page: int, limit: int, extra: str) -> list:
        """When fewer hits than the page needs have every word, the hits that have most
        of them (all but about a quarter), to be listed after the full matches."""
        first, end = (page - 1) * limit, page * limit
        if parsed.relaxed is None or strict_total >= end:
            return []
        skip, count = max(0, first - strict_total), end - max(strict_total, first)
        params = {**filters.params, "q": tsquery(parsed.query), "any": tsquery(parsed.relaxed),
                  **{f"u{i}": tsquery(unit) for i, unit in enumerate(parsed.units)},
                  "needed": parsed.units_needed_when_relaxed, "limit": count, "offset": skip}
        matched = " + ".join(f"(terms @@ CAST(:u{i} AS tsquery))::int" for i in range(len(parsed.units)))
        where = "terms @@ CAST(:any AS tsquery) AND NOT terms @@ CAST(:q AS tsquery)"
        if filter_where:
            where += f" AND {filter_where}"
        rows = connection.execute(text(
            f"SELECT id{extra}, ts_rank('{RANK_WEIGHTS}', terms, CAST(:any AS tsquery), {RANK_NORMALIZATION}) AS score FROM {table} "
            f"WHERE {where} AND {matched} >= :needed ORDER BY score DESC, id LIMIT :limit OFFSET :offset"),
            params).mappings().all()
        return [(dict(row), float(row["score"]), True) for row in rows]


def _sort_order(sort: str, fieldname: str) -> str | None:
    """The ORDER BY of `sort` ("relevance": None; dates newest first, deadlines soonest first)."""
    if sort == "relevance":
        return None
    if sort != fieldname:
        raise ValueError(f"sort must be 'relevance' or {fieldname!r}, not {sort!r}")
    return "date DESC NULLS LAST, score DESC" if fieldname == "date" else "deadline[1] ASC NULLS LAST, score DESC"
