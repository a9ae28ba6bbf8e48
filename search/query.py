"""From what a person typed to a Whoosh query, without Whoosh's query parser.

The input is never parsed as query syntax, so field prefixes, wildcards, operators,
unbalanced quotes and very long input cannot raise: quotes make phrases, chunks shaped
like a document symbol ("15-NQ/TU", "01/2020/NĐ-CP") match the symbol field unfolded,
a word or quoted phrase after a minus sign ("-huyện", -"kế hoạch") excludes the documents
that have it, everything else becomes syllables. Each syllable matches the folded fields (so
"chuyen doi so" finds "chuyển đổi số"); a syllable typed with diacritics also matches
the exact fields with a higher boost, so exact spellings rank first. Agency
abbreviations are looked up in both directions ("UBND" ↔ "Ủy ban nhân dân").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from whoosh import query as q

from theodoi.search.abbreviations import agency_keys, longest_spelling, spellings
from theodoi.search.analysis import exact_tokens, folded_form, symbol_tokens
from theodoi.search.schema import CONTENT, CONTENT_FOLDED, META, META_FOLDED, SYMBOL_FIELD, SYMBOL_FOLDED
from theodoi.vietnamese import clean_text

MAX_QUERY_CHARS = 400
MAX_TERMS = 24
MIN_UNITS_TO_RELAX = 5

EXACT_BOOST = 2.0
META_BOOST = 2.0
SYMBOL_BOOST = 4.0
FOLDED_SYMBOL_BOOST = 0.5

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_PHRASE = re.compile(r'"([^"]*)"')
_EXCLUDED = re.compile(r'(?<!\S)-("[^"]*"|[^\s"-]\S*)')
_FIELD_PREFIX = re.compile(r"(?<!\S)[A-Za-z_]+:(?=\S)")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_SYMBOL_CHUNK = re.compile(r"^(?=[\w&./-]*\d)(?=[\w&./-]*[^\W\d_])[\w&]+(?:[./-][\w&]+)+$")

FILTER_NAMES = ("kind", "issuer", "year", "date_from", "date_to", "agency", "status",
                "deadline_from", "deadline_to")
TASK_FILTER_NAMES = FILTER_NAMES + ("lead",)


@dataclass
class ParsedQuery:
    """A user query turned into a Whoosh query, with the words that may get a suggestion."""

    query: q.Query | None  # None: nothing to search for (match everything)
    words: list[str] = field(default_factory=list)  # plain syllables, as normalised exact forms
    text: str = ""  # the sanitised text
    units: list[q.Query] = field(default_factory=list)  # the parts `query` requires all of
    excluded: list[q.Query] = field(default_factory=list)  # what a hit must not have ("-word")

    @property
    def positive(self) -> q.Query | None:
        """What the query looks for, without its exclusions (for highlighting)."""
        if not self.units:
            return None
        return self.units[0] if len(self.units) == 1 else q.And(self.units)

    @property
    def relaxed(self) -> q.Query | None:
        """Any of the units (for partial matches), or None when there are too few units
        for a partial match to mean anything."""
        return self._without_excluded(q.Or(self.units)) if len(self.units) >= MIN_UNITS_TO_RELAX else None

    def any_unit(self) -> "ParsedQuery | None":
        """The query loosened to any of its units (still without the excluded words), for
        when no hit has them all; None for a query of one unit or with partial matching."""
        if len(self.units) < 2 or len(self.units) >= MIN_UNITS_TO_RELAX:
            return None
        return ParsedQuery(self._without_excluded(q.Or(self.units)), self.words, self.text, [], self.excluded)

    def _without_excluded(self, query: q.Query) -> q.Query:
        # And + Not rather than AndNot: Whoosh's AndNot matcher lets excluded hits through
        return q.And([query, q.Not(q.Or(self.excluded))]) if self.excluded else query

    @property
    def units_needed_when_relaxed(self) -> int:
        """How many units a partial match must still have (all but about a quarter)."""
        return len(self.units) - max(1, len(self.units) // 4)

    @property
    def has_diacritics(self) -> bool:
        """True when the person typed diacritics (then exact spellings are preferred)."""
        return folded_form(self.text) != self.text.lower()


def _term_unit(exact: str) -> q.Query:
    folded = folded_form(exact)
    clauses = [q.Term(CONTENT_FOLDED, folded), q.Term(META_FOLDED, folded, boost=META_BOOST),
               q.Term(SYMBOL_FIELD, exact, boost=SYMBOL_BOOST)]
    if folded != exact:
        clauses += [q.Term(CONTENT, exact, boost=EXACT_BOOST),
                    q.Term(META, exact, boost=EXACT_BOOST * META_BOOST)]
    return q.Or(clauses)


def _sequence(fieldname: str, words: list[str], boost: float = 1.0) -> q.Query:
    if len(words) == 1:
        return q.Term(fieldname, words[0], boost=boost)
    return q.Phrase(fieldname, words, boost=boost)


def _phrase_unit(exact_words: list[str]) -> q.Query:
    if len(exact_words) == 1:
        return _term_unit(exact_words[0])
    folded = [folded_form(w) for w in exact_words]
    clauses = [_sequence(CONTENT_FOLDED, folded), _sequence(META_FOLDED, folded, META_BOOST)]
    if folded != exact_words:
        clauses += [_sequence(CONTENT, exact_words, EXACT_BOOST),
                    _sequence(META, exact_words, EXACT_BOOST * META_BOOST)]
    return q.Or(clauses)


def _spelling_unit(spelling_options: list[tuple[str, ...]]) -> q.Query:
    clauses = []
    for words in spelling_options:
        clauses += [_sequence(CONTENT_FOLDED, list(words)), _sequence(META_FOLDED, list(words), META_BOOST)]
    return q.Or(clauses)


def _symbol_unit(parts: list[str]) -> q.Query:
    """A symbol as typed ("36-HĐ/VPTW" keeps Đ apart from D), then folded at a lower boost
    for people who type "QD" for QĐ; in the symbol field and as a sequence in the text."""
    folded = [folded_form(part) for part in parts]
    return q.Or([q.And([q.Term(SYMBOL_FIELD, part) for part in parts], boost=SYMBOL_BOOST),
                 q.And([q.Term(SYMBOL_FOLDED, part) for part in folded], boost=SYMBOL_BOOST / 2),
                 _sequence(CONTENT, parts), _sequence(META, parts, META_BOOST),
                 _sequence(CONTENT_FOLDED, folded, FOLDED_SYMBOL_BOOST),
                 _sequence(META_FOLDED, folded, FOLDED_SYMBOL_BOOST * META_BOOST)])


def _word_units(words: list[str]) -> list[q.Query]:
    """Syllables to query units, replacing agency abbreviations or their written-out
    forms by a choice of both."""
    table, longest = spellings(), longest_spelling()
    folded = [folded_form(w) for w in words]
    units, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(folded[i:i + size])
            if key in table:
                units.append(_spelling_unit([key, *sorted(table[key])]))
                i += size
                break
        else:
            units.append(_term_unit(words[i]))
            i += 1
    return units


def sanitise(raw: str) -> str:
    """The query text made safe: clean, short, without field prefixes or operators."""
    text = clean_text(raw or "").translate(_QUOTES)[:MAX_QUERY_CHARS]
    text = _FIELD_PREFIX.sub(" ", text)
    return " ".join(word for word in text.split() if word not in _OPERATORS)


def _excluded_unit(exact_words: list[str]) -> q.Query:
    """What "-word" or -"a phrase" excludes: typed without diacritics, every spelling that
    folds the same; typed with them, that spelling only ("-sở" keeps "số")."""
    folded = [folded_form(w) for w in exact_words]
    if folded == exact_words:
        return q.Or([_sequence(CONTENT_FOLDED, folded), _sequence(META_FOLDED, folded)])
    return q.Or([_sequence(CONTENT, exact_words), _sequence(META, exact_words)])


def _take_exclusions(text: str) -> tuple[str, list[q.Query]]:
    """The text without its "-word" / -"phrase" parts, and what those exclude."""
    excluded = []
    for match in _EXCLUDED.finditer(text):
        words = exact_tokens(match.group(1).strip('"'))[:MAX_TERMS]
        if words:
            excluded.append(_excluded_unit(words))
    return _EXCLUDED.sub(" ", text), excluded


def parse_query(raw: str) -> ParsedQuery:
    """Build the Whoosh query for what a person typed."""
    text = sanitise(raw)
    rest, excluded = _take_exclusions(text)
    units: list[q.Query] = []
    plain_words: list[str] = []
    pieces = _PHRASE.split(rest)  # odd indexes are the insides of balanced quotes
    budget = MAX_TERMS
    for index, piece in enumerate(pieces):
        piece = piece.replace('"', " ")
        if index % 2 == 1:
            words = exact_tokens(piece)[:budget]
            if words:
                units.append(_phrase_unit(words))
                budget -= len(words)
            continue
        run: list[str] = []
        for chunk in piece.split():
            if budget <= 0:
                break
            if _SYMBOL_CHUNK.match(chunk):
                units.extend(_word_units(run))
                run = []
                parts = symbol_tokens(chunk)[:budget]
                units.append(_symbol_unit(parts))
                budget -= len(parts)
                continue
            words = exact_tokens(chunk)[:budget]
            run += words
            plain_words += words
            budget -= len(words)
        units.extend(_word_units(run))
    if not units and not excluded:
        return ParsedQuery(None, [], text)
    # No optional phrase bonus for adjacent words: Whoosh matches phrases span by span
    # over every candidate, which made 2-3 word queries several times slower.
    parsed = ParsedQuery(None, plain_words, text, units, excluded)
    parsed.query = parsed._without_excluded(parsed.positive or q.Every())
    return parsed


def any_unit_fallback(run, which: str, raw: str, *args):
    """`run(which, parsed, *args)` (a backend's search) for what was typed; when no hit
    has every word, again with any of them. Returns (the run's result, True when loosened)."""
    parsed = parse_query(raw)
    found = run(which, parsed, *args)
    loose = parsed.any_unit() if found[1] == 0 else None
    if loose is None:
        return found, False
    return run(which, loose, *args), True


def _as_date(value) -> dt.datetime:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _end_of_day(value) -> dt.datetime:
    return _as_date(value).replace(hour=23, minute=59, second=59)


def _one_or_many(fieldname: str, value, convert=lambda v: v) -> q.Query:
    values = value if isinstance(value, (list, tuple, set)) else [value]
    terms = [q.Term(fieldname, convert(v)) for v in values]
    return terms[0] if len(terms) == 1 else q.Or(terms)


def _agency_clause(fieldname: str, value) -> q.Query:
    keys: set[str] = set()
    for name in value if isinstance(value, (list, tuple, set)) else [value]:
        keys |= {folded_form(key) for key in agency_keys(name)}
    return q.Or([q.Term(fieldname, key) for key in sorted(keys)])


def build_filter(filters: dict | None, allowed: tuple[str, ...] = FILTER_NAMES) -> q.Query | None:
    """The filter query for the search page's filters (`allowed`: FILTER_NAMES for
    documents, TASK_FILTER_NAMES for tasks); None if none.

    kind, issuer: exact values (as in the facets); year: int; date_from/date_to and
    deadline_from/deadline_to: date or ISO string, inclusive; agency: any spelling of a
    lead or support body; lead: of a lead body only (tasks); status: a task status, or
    several (any of them)."""
    if not filters:
        return None
    unknown = set(filters) - set(allowed)
    if unknown:
        raise ValueError(f"unknown search filters: {', '.join(sorted(unknown))}")
    clauses: list[q.Query] = []
    for name in ("kind", "issuer"):
        if filters.get(name):
            clauses.append(_one_or_many(name, filters[name]))
    if filters.get("year"):
        years = filters["year"] if isinstance(filters["year"], (list, tuple, set)) else [filters["year"]]
        clauses.append(q.Or([q.NumericRange("year", int(y), int(y)) for y in years]))
    for fieldname, start_key, end_key in (("date", "date_from", "date_to"),
                                          ("deadline", "deadline_from", "deadline_to")):
        start, end = filters.get(start_key), filters.get(end_key)
        if start or end:
            clauses.append(q.DateRange(fieldname, _as_date(start) if start else None,
                                       _end_of_day(end) if end else None))
    for fieldname in ("agency", "lead"):
        if filters.get(fieldname):
            clauses.append(_agency_clause(fieldname, filters[fieldname]))
    if filters.get("status"):
        clauses.append(_one_or_many("status", filters["status"], lambda v: str(v).lower()))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else q.And(clauses)
