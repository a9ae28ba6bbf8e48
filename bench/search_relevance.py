"""Relevance of theodoi search over the bundled corpus: recall@10 and MRR.

    .venv/bin/python bench/search_relevance.py [--data-dir DIR] [--backend whoosh|tantivy|postgres] [--verbose]

Ingests corpora/demo into a data directory (a temporary one unless --data-dir names an
existing one) with theodoi.pipeline.ingest_paths, runs every query of
tests/search_relevance.json and prints recall@10 (share of expected documents in the top
10, averaged over queries), MRR (1 / rank of the first expected document) and the misses.
`--backend` rebuilds the index with that search engine first.
tests/e2e/test_search_relevance.py imports this file for the same work.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from theodoi.config import SEARCH_BACKENDS, Settings
from theodoi.pipeline import ingest_paths
from theodoi.search import open_index, rebuild
from theodoi.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "demo"
RELEVANCE_SET = ROOT / "tests" / "search_relevance.json"
TOP = 10


@dataclass
class Outcome:
    """One query's ranking against its expected documents."""

    query: str
    expected: list[str]
    ranked: list[str]

    @property
    def missing(self) -> list[str]:
        return [name for name in self.expected if name not in self.ranked[:TOP]]

    @property
    def recall(self) -> float:
        return 1 - len(self.missing) / len(self.expected)

    @property
    def reciprocal_rank(self) -> float:
        for rank, name in enumerate(self.ranked[:TOP], start=1):
            if name in self.expected:
                return 1 / rank
        return 0.0


def load_queries() -> list[dict]:
    """The relevance set: dicts with query, expected (corpus file stems), optional filters."""
    return json.loads(RELEVANCE_SET.read_text(encoding="utf-8"))["queries"]


def ingest_corpus(data_dir: Path) -> Settings:
    """Ingest corpora/demo into `data_dir` (already ingested files are skipped)."""
    settings = Settings.load(data_dir)
    report = ingest_paths([CORPUS], settings)
    if report.index_error:
        raise RuntimeError(f"indexing the corpus failed: {report.index_error}")
    return settings


def with_backend(settings: Settings, backend: str) -> Settings:
    """The settings with `backend` as search engine, the index rebuilt with it when the
    live one was written by another engine, or is empty (a new postgres index)."""
    chosen = settings.with_(search_backend=backend)
    index = open_index(chosen)
    try:
        stale = index.needs_rebuild or len(index) == 0
    finally:
        index.close()
    if stale:
        store = Store(chosen)
        try:
            rebuild(store, chosen)
        finally:
            store.dispose()
    return chosen


def names_by_id(settings: Settings) -> dict[int, str]:
    """Stored document id → its corpus file stem."""
    from theodoi.store import repo

    store = Store(settings)
    try:
        with store.session() as session:
            ids = repo.document_ids(session)
            return {doc_id: Path(doc.file.original_name).stem
                    for doc_id, doc in repo.get_documents(session, ids).items()}
    finally:
        store.dispose()


def evaluate(settings: Settings, queries: list[dict]) -> list[Outcome]:
    """Run every query; rank the corpus file stems."""
    names = names_by_id(settings)
    index = open_index(settings)
    try:
        outcomes = []
        for item in queries:
            results = index.search(item["query"], filters=item.get("filters"), limit=TOP)
            outcomes.append(Outcome(item["query"], item["expected"], [names[hit.id] for hit in results.hits]))
        return outcomes
    finally:
        index.close()


def summary(outcomes: list[Outcome]) -> tuple[float, float]:
    """(mean recall@10, MRR)."""
    count = len(outcomes)
    return (sum(o.recall for o in outcomes) / count, sum(o.reciprocal_rank for o in outcomes) / count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="data directory to ingest into (default: a temporary one)")
    parser.add_argument("--backend", choices=SEARCH_BACKENDS, help="search engine (default: the setting)")
    parser.add_argument("--verbose", action="store_true", help="print every query's ranking")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        settings = ingest_corpus(args.data_dir or Path(temporary))
        if args.backend:
            settings = with_backend(settings, args.backend)
        outcomes = evaluate(settings, load_queries())
    for outcome in outcomes:
        if args.verbose or outcome.missing or outcome.reciprocal_rank < 1:
            print(f"{outcome.recall:4.2f} rr={outcome.reciprocal_rank:4.2f}  {outcome.query!r}"
                  + (f"  missing {outcome.missing}" if outcome.missing else ""))
            if args.verbose:
                print("      " + ", ".join(outcome.ranked))
    recall, mrr = summary(outcomes)
    print(f"{len(outcomes)} queries: recall@{TOP} {recall:.3f}, MRR {mrr:.3f}")


if __name__ == "__main__":
    main()
