"""The block-at-a-time matcher (whoosh_matches) against Whoosh's own matchers: the same
documents, scores and order, on an index of several segments with deleted documents."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from whoosh import query as q

from theodoi.config import Settings
from theodoi.search import IndexDocument, open_index
from theodoi.search import whoosh_matches
from theodoi.search.query import build_filter, parse_query

PHRASES = ("chuyển đổi số; ủy ban nhân dân tỉnh; sở y tế; kế hoạch thực hiện; nghị quyết; tiêm chủng; báo cáo; "
           "giao thông vận tải; phòng chống tham nhũng; cải cách hành chính; tỉnh; số; y tế; thực hiện").split("; ")
KINDS = ("Nghị quyết", "Kế hoạch", "Báo cáo")


def _documents(count: int, seed: int = 5) -> list[IndexDocument]:
    rng = random.Random(seed)
    return [IndexDocument(id=n, number=f"{n}/KH-UBND", kind=rng.choice(KINDS), issuer="Sở Y tế",
                          date=dt.date(2015 + n % 10, 1 + n % 12, 1), title=" ".join(rng.choices(PHRASES, k=2)),
                          text=" ".join(rng.choices(PHRASES, k=rng.randint(10, 200))))
            for n in range(1, count + 1)]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    settings = Settings.load(tmp_path_factory.mktemp("matches")).with_(search_backend="whoosh")
    index = open_index(settings, lock_timeout=5)
    documents = _documents(700)
    for start in range(0, len(documents), 250):  # several segments, postings of several blocks
        index.add(documents[start:start + 250])
    index.delete(range(3, 700, 7))
    index.add(_documents(40, seed=9))  # replaced documents: more deletions
    searcher = index._fresh_searcher()
    assert len(searcher.leaf_searchers()) > 1
    yield searcher
    index.close()


QUERIES = ["chuyển đổi số", "chuyen doi so", "sở y tế", "UBND tỉnh", '"nhân dân tỉnh"', '"ke hoach"',
           "tiêm chủng -tham", "nghị quyết -\"cải cách\"", "12/KH-UBND", "giao thông vận tải phòng chống"]


@pytest.mark.parametrize("typed", QUERIES)
@pytest.mark.parametrize("filters", [None, {"kind": "Kế hoạch", "date_from": "2019-01-01"}])
def test_same_matches_scores_and_order_as_whoosh(searcher, typed, filters):
    query, filter_query = parse_query(typed).query, build_filter(filters)
    expected = searcher.search(query, limit=None, filter=filter_query)
    found = whoosh_matches.find(searcher, query, filter_query, {}, whoosh_matches.SegmentCache())
    assert len(found) == len(expected)
    assert len(expected) > 0 or filters
    assert found.by_score().tolist() == [hit.docnum for hit in expected]
    by_docnum = dict(zip(found.docnums.tolist(), found.scores.tolist()))
    for hit in expected:
        assert by_docnum[hit.docnum] == pytest.approx(hit.score, rel=1e-12)


def test_a_phrase_needs_its_words_in_order(searcher):
    phrase = q.Phrase("content_f", ["so", "y", "te"])
    wrong_order = q.Phrase("content_f", ["te", "y", "so"])
    expected = {hit.docnum for hit in searcher.search(phrase, limit=None)}
    assert set(whoosh_matches.find(searcher, phrase, None, {}, whoosh_matches.SegmentCache()).docnums.tolist()) == expected
    assert set(whoosh_matches.find(searcher, wrong_order, None, {}, whoosh_matches.SegmentCache()).docnums.tolist()) == {
        hit.docnum for hit in searcher.search(wrong_order, limit=None)}


def test_a_term_the_index_lacks_matches_nothing(searcher):
    assert len(whoosh_matches.find(searcher, q.Term("content", "xyzzy"), None, {}, whoosh_matches.SegmentCache())) == 0


def test_the_cache_keeps_within_its_limit():
    import numpy as np

    cache = whoosh_matches.PostingsCache(limit=1000)
    for n in range(10):
        cache.get(n, lambda: (np.zeros(50),))  # 400 bytes each
    assert cache.size <= 1000 and list(cache.items) == [8, 9]
