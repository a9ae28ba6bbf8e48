""""Did you mean": words of the query that the index has never seen, replaced by the
closest word of the index's own vocabulary.

The engine is reached through a `Vocabulary` (how many documents hold a word in a field;
the closest known word), so Whoosh and tantivy share the rules here.
"""
from __future__ import annotations

import logging
import re
from typing import Iterable, Protocol

from theodoi.search.analysis import folded_form
from theodoi.search.query import ParsedQuery
from theodoi.search.schema import CONTENT, CONTENT_FOLDED, META, META_FOLDED

log = logging.getLogger(__name__)

MIN_WORD_LENGTH = 3
PREFIX = 1  # a suggestion starts with the same letter as the typed word
FEW_RESULTS = 5  # spelling help is looked for only when a search finds fewer documents


class Vocabulary(Protocol):
    """What spelling help needs from an index."""

    def frequency(self, fieldname: str, word: str) -> int:
        """How many documents hold `word` in `fieldname`."""

    def closest(self, fieldname: str, word: str, maxdist: int, prefix: int) -> str | None:
        """The most frequent known word within `maxdist` edits of `word`, sharing its
        first `prefix` characters; None if there is none."""


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of a and b, or limit + 1 once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest_of(terms: Iterable[tuple[str, int]], word: str, maxdist: int) -> str | None:
    """From (term, document count) pairs, the term nearest to `word` within `maxdist`
    edits: the smallest distance, then the most documents, then (as Whoosh's corrector
    breaks ties) the term that sorts last."""
    best_key, best = None, None
    for term, count in terms:
        if term == word:
            continue
        distance = edit_distance(word, term, maxdist)
        if distance <= maxdist:
            key = (-distance, count, term)
            if best_key is None or key > best_key:
                best_key, best = key, term
    return best


def _known(vocabulary: Vocabulary, word: str) -> bool:
    folded = folded_form(word)
    if folded != word:
        return bool(vocabulary.frequency(CONTENT, word) or vocabulary.frequency(META, word))
    return bool(vocabulary.frequency(CONTENT_FOLDED, folded) or vocabulary.frequency(META_FOLDED, folded))


def _closest(vocabulary: Vocabulary, word: str) -> str | None:
    folded = folded_form(word)
    fieldname, term = (CONTENT, word) if folded != word else (CONTENT_FOLDED, folded)
    for maxdist in (1, 2) if len(term) >= 5 else (1,):  # the nearest words first
        candidate = vocabulary.closest(fieldname, term, maxdist, PREFIX)
        if candidate:
            return candidate
    return None


def wants_suggestion(parsed: ParsedQuery, total: int) -> bool:
    """Whether to look for spelling help: the query has plain words and found few
    results (a word the index has never seen finds nothing, as every word is required)."""
    return bool(parsed.words) and total < FEW_RESULTS


def suggest(vocabulary: Vocabulary, parsed: ParsedQuery) -> str | None:
    """The query with its unknown words corrected, or None when every word is known
    (or nothing close is found)."""
    text, changed = parsed.text, False
    try:
        for word in dict.fromkeys(parsed.words):
            if len(word) < MIN_WORD_LENGTH or word.isdigit() or _known(vocabulary, word):
                continue
            replacement = _closest(vocabulary, word)
            if replacement:
                text = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, text)
                changed = True
    except Exception:  # noqa: BLE001 - spelling help must never break a search
        log.exception("spelling suggestion failed")
        return None
    return text if changed else None
