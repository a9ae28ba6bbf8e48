"""The Vietnamese analysers shared by indexing and querying.

Every token goes through `compare_key` (NFC, one tone placement, lowercase). Tokens are
syllables (`\\w+`); there is no stop list and no minimum length, so "tổ", "thể", "cần"
and "ý" survive. Three flavours:

- `EXACT`: syllables as written (lowercase, tones placed one way): "chuyển", "đổi", "số".
- `FOLDED`: the same syllables without diacritics, đ → d: "chuyen", "doi", "so".
- `SYMBOL`: the letter and digit runs of a document symbol, never folded, so
  "15-NQ/TU" → "15", "nq", "tu" and "HĐ" stays "hđ" (not "hd").
- `LINES`: one token per line, folded: the multi-valued agency fields ("so tt&tt"
  typed in a filter finds "Sở TT&TT").

`analyser_fingerprint()` hashes what the analysers make of a probe text; the index
stores it and is rebuilt when it changes.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import lru_cache

from whoosh.analysis import CompositeAnalyzer, Filter, RegexTokenizer
from whoosh.formats import Positions

from theodoi.vietnamese import compare_key, fold

WORD_PATTERN = r"\w+"
SYMBOL_PATTERN = r"[^\W_]+"
_WORDS = re.compile(WORD_PATTERN)
_SYMBOL_PARTS = re.compile(SYMBOL_PATTERN)
_LINES = re.compile(r"[^\n]+")


@lru_cache(maxsize=500_000)
def exact_form(token: str) -> str:
    """The exact (diacritic-keeping) index form of one token."""
    return compare_key(token)


@lru_cache(maxsize=500_000)
def folded_form(token: str) -> str:
    """The diacritic-folded index form of one token."""
    return fold(compare_key(token))


class VietnameseFilter(Filter):
    """Normalise each token to its exact form, or its folded form when `folded`."""

    def __init__(self, folded: bool = False):
        self.folded = folded

    def __call__(self, tokens):
        form = folded_form if self.folded else exact_form
        for token in tokens:
            token.text = form(token.text)
            if token.text:
                yield token


class SyllableAnalyzer(CompositeAnalyzer):
    """`RegexTokenizer(pattern) | VietnameseFilter(folded)`, which can also give the index
    forms of a whole text in one call (`forms`, for SyllablePositions)."""

    def __init__(self, pattern: str, folded: bool):
        super().__init__(RegexTokenizer(pattern), VietnameseFilter(folded=folded))
        self.words, self.folded = re.compile(pattern), folded

    def forms(self, text: str) -> list[str]:
        """Each match's index form, "" where the filter drops the token (it still takes
        a position, as in the tokenizer)."""
        return list(map(folded_form if self.folded else exact_form, self.words.findall(text)))


class SyllablePositions(Positions):
    """Whoosh's Positions format filled from `SyllableAnalyzer.forms` without a Token per
    word: the same terms, positions, weights and bytes (indexing spent about a third of
    its time making and filtering tokens)."""

    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(value, str) or not isinstance(analyzer, SyllableAnalyzer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        positions = defaultdict(list)
        for position, form in enumerate(analyzer.forms(value)):
            if form:
                positions[form].append(position)
        for word, found in positions.items():
            yield word, len(found), float(len(found)) * self.field_boost, self.encode(found)


def _exact_analyser():
    return SyllableAnalyzer(WORD_PATTERN, folded=False)


def _folded_analyser():
    return SyllableAnalyzer(WORD_PATTERN, folded=True)


def _symbol_analyser():
    return RegexTokenizer(SYMBOL_PATTERN) | VietnameseFilter(folded=False)


def _lines_analyser():
    return RegexTokenizer(r"[^\n]+") | VietnameseFilter(folded=True)


EXACT = _exact_analyser()
FOLDED = _folded_analyser()
SYMBOL = _symbol_analyser()
LINES = _lines_analyser()


def exact_tokens(text: str) -> list[str]:
    """The exact-field tokens of `text` (what `EXACT` makes of it, without Token objects)."""
    return [form for form in map(exact_form, _WORDS.findall(text)) if form]


def folded_tokens(text: str) -> list[str]:
    """The folded-field tokens of `text`."""
    return [form for form in map(folded_form, _WORDS.findall(text)) if form]


def symbol_tokens(text: str) -> list[str]:
    """The symbol-field tokens of a document symbol ("15-NQ/TU" → 15, nq, tu)."""
    return [form for form in map(exact_form, _SYMBOL_PARTS.findall(text)) if form]


def line_keys(text: str) -> list[str]:
    """The agency-field tokens: each line of `text`, folded."""
    return [form for form in map(folded_form, _LINES.findall(text)) if form]


_PROBE = ("Ý kiến của Sở TT&TT ở tỉnh về quy định; thuỷ lợi, hoà bình, CHUYỂN ĐỔI SỐ.\n"
          "Số: 15-NQ/TU, 36-HĐ/VPTW; tổ chức thể hiện cần làm.")


def analyser_fingerprint() -> str:
    """A short hash of what every analyser makes of a probe text."""
    parts = [exact_tokens(_PROBE), folded_tokens(_PROBE), symbol_tokens(_PROBE), line_keys(_PROBE)]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]
