"""Exclusion with a minus sign, and any-word results when no document has every word
(both engines, through the shared fixtures)."""
from __future__ import annotations


def ids(results) -> list[int]:
    return sorted(hit.id for hit in results.hits)


def test_minus_excludes_a_word_or_a_phrase(index):
    assert ids(index.search("chuyển đổi số")) == [1, 3, 4]
    assert ids(index.search("chuyển đổi số -huyện")) == [1, 4]
    assert ids(index.search('chuyển đổi số -"kế hoạch"')) == [1, 4]
    assert ids(index.search('chuyển đổi số -"kế thi"')) == [1, 3, 4]  # a phrase, not its words apart
    assert ids(index.search("chuyen doi so -khong")) == [1, 3]  # without diacritics: every spelling


def test_an_excluded_word_with_diacritics_keeps_other_spellings(index):
    # "-số" leaves out the documents with "số" (1, 3), not the one written without diacritics
    assert ids(index.search("chuyen doi -số")) == [4]
    assert ids(index.search("chuyen doi -so")) == []


def test_only_exclusions_list_the_rest_newest_first(index):
    results = index.search("-tuyên -tiêm")
    assert [hit.id for hit in results.hits] == [3, 1, 2]


def test_no_document_with_every_word_falls_back_to_any_of_them(index):
    strict = index.search("tiêm chủng")
    assert ids(strict) == [5] and not strict.any_unit
    loose = index.search("tiêm chủng thi đua")
    assert loose.any_unit and ids(loose) == [3, 5]
    assert ids(index.search("tiêm chủng thi đua -phong")) == [5]
    assert index.search("khôngcótừnày").total == 0 and not index.search("khôngcótừnày").any_unit
