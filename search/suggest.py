""""Did you mean": words of the query that the index has never seen, replaced by the
closest word of the index's own vocabulary."""
from __future__ import annotations

import logging
import re

from theodoi.search.analysis import folded_form
from theodoi.search.query import ParsedQuery
from theodoi.search.schema import CONTENT, CONTENT_FOLDED, META, META_FOLDED

log = logging.getLogger(__name__)

MIN_WORD_LENGTH = 3


def _known(searcher, word: str) -> bool:
    folded = folded_form(word)
    if folded != word:
        return bool(searcher.doc_frequency(CONTENT, word) or searcher.doc_frequency(META, word))
    return bool(searcher.doc_frequency(CONTENT_FOLDED, folded) or searcher.doc_frequency(META_FOLDED, folded))


def _closest(searcher, word: str) -> str | None:
    folded = folded_form(word)
    fieldname, term = (CONTENT, word) if folded != word else (CONTENT_FOLDED, folded)
    corrector = searcher.corrector(fieldname)
    for maxdist in (1, 2) if len(term) >= 5 else (1,):  # the nearest words first
        candidates = corrector.suggest(term, limit=1, maxdist=maxdist, prefix=1)
        if candidates:
            return candidates[0]
    return None


def suggest(searcher, parsed: ParsedQuery) -> str | None:
    """The query with its unknown words corrected, or None when every word is known
    (or nothing close is found)."""
    text, changed = parsed.text, False
    try:
        for word in dict.fromkeys(parsed.words):
            if len(word) < MIN_WORD_LENGTH or word.isdigit() or _known(searcher, word):
                continue
            replacement = _closest(searcher, word)
            if replacement:
                text = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, text)
                changed = True
    except Exception:  # noqa: BLE001 - spelling help must never break a search
        log.exception("spelling suggestion failed")
        return None
    return text if changed else None
