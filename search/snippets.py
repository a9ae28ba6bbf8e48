"""Highlighted snippets, found with one compiled regular expression per query.

Whoosh's highlighter re-analysed every hit's text token by token in Python (~4 ms a hit,
40 % of a search in the profile). Here the query's words become one pattern: an exact
word matches itself (any case), a folded word matches every spelling that folds to it
("so" → số, sở, sơ, so…) through character classes, so the regex engine scans the text.
The best windows (most distinct words, then most matches) become the snippet, in text
order, with matches in <mark> and everything else HTML-escaped.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice
from html import escape

from theodoi.vietnamese import fold

SNIPPET_CHARS = 200  # characters of one fragment
CONTEXT_CHARS = 60  # shown before the first match of a fragment
FRAGMENTS = 2
MAX_MATCHES = 100  # matches looked at for the best fragments (common words match everywhere)
SEPARATOR = " … "

_VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


@lru_cache(maxsize=1)
def _spellings_by_folded_letter() -> dict[str, str]:
    """Folded letter → every lowercase letter that folds to it (a → aàáảãạăằ…)."""
    table: dict[str, set[str]] = {}
    for letter in _VIETNAMESE_LETTERS:
        for tone in _TONES:
            spelled = unicodedata.normalize("NFC", letter + tone)
            if len(spelled) == 1:
                table.setdefault(fold(spelled), set()).add(spelled)
    return {key: "".join(sorted(value)) for key, value in table.items()}


def _folded_pattern(word: str) -> str:
    classes = _spellings_by_folded_letter()
    return "".join(f"[{re.escape(classes[ch])}]" if ch in classes and len(classes[ch]) > 1 else re.escape(ch)
                   for ch in word)


@lru_cache(maxsize=256)
def word_pattern(exact: tuple[str, ...], folded: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for these exact and folded words (whole words, any case)."""
    parts = [re.escape(word) for word in exact] + [_folded_pattern(word) for word in folded]
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _windows(matches: list[re.Match]) -> list[tuple[int, int]]:
    """Up to FRAGMENTS non-overlapping (start, end) spans over the match list, the
    richest first: most distinct words, then most matches."""
    scored, last = [], 0
    for first, match in enumerate(matches):
        start = max(0, match.start() - CONTEXT_CHARS)
        end = start + SNIPPET_CHARS
        last = max(last, first)
        while last < len(matches) and matches[last].end() <= end:
            last += 1
        inside = matches[first:last]
        distinct = len({m.group(0).lower() for m in inside})
        scored.append((-distinct, -len(inside), start, end))
    scored.sort()
    chosen: list[tuple[int, int]] = []
    for _, _, start, end in scored:
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
        if len(chosen) == FRAGMENTS:
            break
    return sorted(chosen)


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen (start, end) so no word is cut in half."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _fragment(text: str, start: int, end: int, matches: list[re.Match]) -> str:
    out, position = [], start
    for match in matches:
        if match.start() < position or match.end() > end:
            continue
        out.append(escape(text[position:match.start()], quote=False))
        out.append(f"<mark>{escape(match.group(0), quote=False)}</mark>")
        position = match.end()
    out.append(escape(text[position:end], quote=False))
    return "".join(out).strip()


def highlight(text: str, pattern: re.Pattern | None) -> str:
    """The best fragments of `text` with the pattern's matches marked; "" if none.
    Only the first MAX_MATCHES matches are weighed."""
    if pattern is None:
        return ""
    matches = list(islice(pattern.finditer(text), MAX_MATCHES))
    if not matches:
        return ""
    fragments = []
    for start, end in _windows(matches):
        start, end = _word_edges(text, start, min(end, len(text)))
        fragments.append(_fragment(text, start, end, matches))
    return SEPARATOR.join(fragment for fragment in fragments if fragment)
