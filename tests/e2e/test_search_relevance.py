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


@pytest.fixture(scope="module", params=SEARCH_BACKENDS)
def outcomes(request, corpus):
    """Every query's outcome with one search engine (the index rebuilt with it)."""
    settings = relevance.with_backend(corpus, request.param)
    return {outcome.query: outcome for outcome in relevance.evaluate(settings, QUERIES)}


def test_the_set_is_large_and_varied():
    assert len(QUERIES) >= 40
    assert len({item["query"] for item in QUERIES}) == len(QUERIES)
    assert all(any(relevance.CORPUS.glob(f"{name}.*")) for item in QUERIES for name in item["expected"])


@pytest.mark.parametrize("query", [item["query"] for item in QUERIES])
def test_expected_documents_are_in_the_top_10(outcomes, query):
    outcome = outcomes[query]
    assert not outcome.missing, f"{query!r}: missing {outcome.missing}; got {outcome.ranked}"
