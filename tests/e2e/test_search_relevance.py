"""The relevance set (tests/search_relevance.json) over the bundled corpus: every query's
expected documents are in its top 10. The corpus is ingested once, through the pipeline."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from theodoi.config import SEARCH_BACKENDS

BENCH = Path(__file__).resolve().parents[2] / "bench" / "search_relevance.py"
_spec = importlib.util.spec_from_file_location("search_relevance", BENCH)
relevance = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = relevance  # dataclasses look their module up
_spec.loader.exec_module(relevance)

QUERIES = relevance.load_queries()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return relevance.ingest_corpus(tmp_path_factory.mktemp("relevance") / "data")


ENGINES = [pytest.param(name, marks=pytest.mark.postgres) if name == "postgres" else name
           for name in SEARCH_BACKENDS]


@pytest.fixture(scope="module", params=ENGINES)
def outcomes(request, corpus, new_postgres_database):
    """Every query's outcome with one search engine (the index rebuilt with it; the
    postgres engine's in a new PostgreSQL database, dropped afterwards)."""
    if request.param != "postgres":
        settings = relevance.with_backend(corpus, request.param)
        yield {outcome.query: outcome for outcome in relevance.evaluate(settings, QUERIES)}
        return
    with new_postgres_database() as url:
        settings = relevance.with_backend(corpus.with_(search_database_url=url), "postgres")
        yield {outcome.query: outcome for outcome in relevance.evaluate(settings, QUERIES)}


def test_the_set_is_large_and_varied():
    assert len(QUERIES) >= 40
    assert len({item["query"] for item in QUERIES}) == len(QUERIES)
    assert all(any(relevance.CORPUS.glob(f"{name}.*")) for item in QUERIES for name in item["expected"])


@pytest.mark.parametrize("query", [item["query"] for item in QUERIES])
def test_expected_documents_are_in_the_top_10(outcomes, query):
    outcome = outcomes[query]
    assert not outcome.missing, f"{query!r}: missing {outcome.missing}; got {outcome.ranked}"
