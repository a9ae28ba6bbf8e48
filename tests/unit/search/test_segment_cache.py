"""The scoring file written beside each Whoosh segment, and what is read from segments kept
across searchers: the same postings as Whoosh's blocks, and searches after a commit that
find the new documents, drop the deleted ones and reuse what the old segments gave."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from whoosh.codec.whoosh3 import W3Codec

from theodoi.config import Settings
from theodoi.search import IndexDocument, open_index, whoosh_matches
from theodoi.search.query import parse_query
from theodoi.search.schema import index_fields
from theodoi.search.scoring_codec import ScoringDirectory

WORDS = ("xây dựng cầu cảng; quản lý rừng phòng hộ; nước sạch nông thôn; số hóa hồ sơ; trường học vùng cao; "
         "bảo tồn di tích; đường tỉnh; chợ đầu mối; sổ tay; sơ kết").split("; ")


def _documents(first: int, count: int, seed: int, extra: str = "") -> list[IndexDocument]:
    rng = random.Random(seed)
    return [IndexDocument(id=n, number=f"{n}/KH-UBND", kind=rng.choice(("Kế hoạch", "Báo cáo")),
                          issuer="Sở Kế hoạch", date=dt.date(2016 + n % 8, 1 + n % 12, 3),
                          title=" ".join(rng.choices(WORDS, k=2)),
                          text=" ".join(rng.choices(WORDS, k=rng.randint(20, 300))) + extra)
            for n in range(first, first + count)]


@pytest.fixture()
def index(tmp_path):
    index = open_index(Settings.load(tmp_path).with_(search_backend="whoosh"), lock_timeout=5)
    yield index
    index.close()


def _scorable_terms(searcher, reader):
    return [(name, text) for name, text in reader.all_terms() if searcher.schema[name].scorable]


def test_the_scoring_file_holds_the_postings_of_whooshs_blocks(index):
    for start in range(1, 400, 130):  # several segments, then deletions and replacements
        index.add(_documents(start, 130, seed=start))
    index.delete(range(5, 400, 9))
    index.add(_documents(1, 30, seed=77))
    searcher = index._fresh_searcher()
    assert len(searcher.leaf_searchers()) > 1
    for leaf, _ in searcher.leaf_searchers():
        reader = leaf.reader()
        directory = ScoringDirectory.of(reader)
        terms = _scorable_terms(searcher, reader)
        assert directory is not None and len(directory.offsets) == len(terms)
        for name, text in terms:
            ids, weights = directory.postings(reader, name, text)
            block_ids, block_weights = whoosh_matches._postings(reader.postings(name, text))
            assert ids.tolist() == block_ids.tolist(), (name, text)
            assert weights.tolist() == block_weights.tolist(), (name, text)


def test_a_segment_without_scoring_file_is_read_from_whooshs_blocks(index):
    documents = _documents(1, 150, seed=3)
    index.add(documents[:100])
    writer = index._current().writer(codec=W3Codec())  # Whoosh's codec, as an index written before
    for doc in documents[100:]:
        writer.update_document(**index_fields(doc))
    writer.commit()
    searcher = index._fresh_searcher()
    plain = [leaf.reader() for leaf, _ in searcher.leaf_searchers() if ScoringDirectory.of(leaf.reader()) is None]
    assert len(plain) == 1
    for typed in ("số hóa", "so hoa", '"nong thon"', "sổ tay -rừng"):
        query = parse_query(typed).query
        expected = searcher.search(query, limit=None)
        found = whoosh_matches.find(searcher, query, None, {}, whoosh_matches.SegmentCache())
        assert found.by_score().tolist() == [hit.docnum for hit in expected]
        scores = dict(zip(found.docnums.tolist(), found.scores.tolist()))
        assert [scores[hit.docnum] for hit in expected] == pytest.approx([hit.score for hit in expected], rel=1e-12)


def _whoosh_order(index, typed: str) -> list[int]:
    """Document ids as Whoosh's own search ranks them on a fresh searcher."""
    with index._current().searcher() as searcher:
        return [int(hit["id"]) for hit in searcher.search(parse_query(typed).query, limit=None)]


def _cached_arrays(index) -> dict:
    cache = index._segments["documents"]
    return {key: value for key, value in cache.postings.items.items()} | {
        ("lengths", *key): value for key, value in cache.lengths.items()}


def test_a_commit_keeps_what_the_old_segments_gave_and_finds_the_new_documents(index):
    index.add(_documents(1, 120, seed=1))
    typed = "số hóa hồ sơ"
    first = index.search(typed, limit=100)
    assert [hit.id for hit in first.hits] == _whoosh_order(index, typed)[:100]
    before = _cached_arrays(index)
    old_segments = whoosh_matches.segment_ids(index._fresh_searcher())
    assert before and {key[1] for key in before} == old_segments

    index.add(_documents(500, 60, seed=2, extra=" số hóa hồ sơ"))  # every new document has the words
    second = index.search(typed, limit=100)
    assert second.total == first.total + 60
    assert [hit.id for hit in second.hits] == _whoosh_order(index, typed)[:100]
    assert sum(second.facets["kind"].values()) == second.total
    after = _cached_arrays(index)
    kept = [key for key in before if key[1] in old_segments]
    assert kept and all(after[key] is before[key] for key in kept)  # reused, not read again
    assert {key[1] for key in after} - old_segments  # the new segment read too

    index.delete(range(500, 530))
    index.add(_documents(1, 10, seed=9))  # replaced: their old text is gone
    third = index.search(typed, limit=100)
    expected = _whoosh_order(index, typed)
    assert third.total == len(expected) and [hit.id for hit in third.hits] == expected[:100]
    assert not set(expected) & set(range(500, 530)) and set(range(530, 560)) <= set(expected)


def test_segments_merged_away_are_forgotten(index):
    for start in (1, 101, 201):
        index.add(_documents(start, 100, seed=start))
    index.search("quản lý rừng")
    old_segments = whoosh_matches.segment_ids(index._fresh_searcher())
    index.optimize()
    result = index.search("quản lý rừng")
    assert [hit.id for hit in result.hits] == _whoosh_order(index, "quản lý rừng")[:20]
    cache = index._segments["documents"]
    remaining = {key[1] for key in cache.postings.items} | {key[0] for key in cache.lengths}
    assert remaining and not remaining & old_segments
    assert ScoringDirectory.of(index._fresh_searcher().reader()) is not None  # the merged segment has one
