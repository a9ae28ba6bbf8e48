"""What the PostgreSQL engine writes and asks: tsvector and tsquery literals, filter SQL.

Folding happens in Python, not in PostgreSQL (no unaccent, no text search dictionary): the
analysers of analysis.py make every field's tokens, exactly as for Whoosh and tantivy, so
the three engines share one definition of a word, of folding (đ → d, tones off) and of
the symbol parts ("15-NQ/TU" → 15, nq, tu). unaccent would be a second folding table to
keep in step with theodoi.vietnamese, and PostgreSQL's parser splits words by the
database's locale (a C locale cuts "chuyển" in two).

One tsvector holds every text field, each lexeme prefixed by its field ("f:chuyen" in the
folded content, "c:chuyển" in the exact content, "s:nq" in the symbol…), with the word
positions (for phrases) and a weight label (A–D) standing for the field's boost. The
Whoosh query tree of query.py becomes one tsquery over those lexemes (Term → 'f:so',
Phrase → 'f:chuyen' <-> 'f:doi', And → &, Or → |); filters become SQL conditions.
"""
from __future__ import annotations

from collections import defaultdict

from whoosh import query as wq

from theodoi.search.analysis import exact_tokens, folded_tokens, line_keys, symbol_tokens
from theodoi.search.schema import CONTENT, CONTENT_FOLDED, META, META_FOLDED, SYMBOL_FIELD, SYMBOL_FOLDED

# field → (lexeme prefix, tokenizer, weight label); weights of the labels in RANK_WEIGHTS
TEXT_FIELDS = {
    CONTENT_FOLDED: ("f", folded_tokens, "D"),
    CONTENT: ("c", exact_tokens, "C"),
    META_FOLDED: ("n", folded_tokens, "C"),
    META: ("m", exact_tokens, "B"),
    SYMBOL_FOLDED: ("t", folded_tokens, "B"),
    SYMBOL_FIELD: ("s", symbol_tokens, "A"),
}
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 0.8}"  # D, C, B, A: folded text 1, exact text and folded meta 2, …
RANK_NORMALIZATION = 0  # no length normalisation: MRR 0.952 on the relevance set, against 0.912–0.943 with 1, 2, 8, 16 or 32
MAX_POSITION = 16383  # PostgreSQL's largest word position
MAX_POSITIONS = 256  # positions kept per lexeme (PostgreSQL keeps no more)
SUGGEST_FIELDS = (CONTENT, CONTENT_FOLDED)  # whose words spelling help picks from


def prefix(fieldname: str) -> str:
    return TEXT_FIELDS[fieldname][0]


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def field_positions(values: dict) -> dict[str, dict[str, list[int]]]:
    """Field → token → its word positions (at most MAX_POSITIONS of them; tokens past
    MAX_POSITION read as standing there: found, but not as phrases)."""
    fields = {}
    for fieldname, (_, tokens, _) in TEXT_FIELDS.items():
        text = values.get(fieldname)
        if not text:
            continue
        words = tokens(text)
        positions: dict[str, list[int]] = defaultdict(list)
        for position, token in enumerate(words[:MAX_POSITION], start=1):
            positions[token].append(position)
        for token in set(words[MAX_POSITION:]) - positions.keys():
            positions[token] = [MAX_POSITION]
        fields[fieldname] = positions
    return fields


def tsvector_literals(fields: dict[str, dict[str, list[int]]]) -> dict[str, str]:
    """Field → its tsvector as text, each lexeme prefixed by the field's mark and quoted
    (tokens are word characters: no quote or backslash to escape); TSVECTOR_SQL casts and
    weights them."""
    return {fieldname: " ".join(f"'{mark}:{token}':{','.join(map(str, positions[:MAX_POSITIONS]))}"
                                for token, positions in fields.get(fieldname, {}).items())
            for fieldname, (mark, _, _) in TEXT_FIELDS.items()}


# The SQL of one tsvector from the parameters tsvector_literals makes (named by field).
TSVECTOR_SQL = " || ".join(f"setweight(CAST(:{fieldname} AS tsvector), '{label}')"
                           for fieldname, (_, _, label) in TEXT_FIELDS.items())


def vocabulary(fields: dict[str, dict[str, list[int]]]) -> set[tuple[str, str]]:
    """(field, word) pairs spelling help may offer, from field_positions."""
    return {(fieldname, token) for fieldname in SUGGEST_FIELDS for token in fields.get(fieldname, {})}


def agency_keys(values: dict, fieldname: str) -> list[str]:
    return line_keys(values.get(fieldname, "") or "")


def tsquery(node: wq.Query) -> str:
    """The tsquery (as text, for CAST) of a Whoosh query tree made by query.py."""
    if isinstance(node, wq.Term):
        return _quote(f"{prefix(node.fieldname)}:{node.text}")
    if isinstance(node, wq.Phrase):
        mark = prefix(node.fieldname)
        return "(" + " <-> ".join(_quote(f"{mark}:{word}") for word in node.words) + ")"
    if isinstance(node, wq.Not):  # an excluded word or phrase ("-word")
        return "!" + tsquery(node.query)
    if isinstance(node, (wq.And, wq.Or)):
        joiner = " & " if isinstance(node, wq.And) else " | "
        # Every() stands for "anything" beside an exclusion: it adds nothing to a conjunction
        subqueries = [sub for sub in node.subqueries if not (isinstance(sub, wq.Every) and joiner == " & ")]
        return "(" + joiner.join(tsquery(sub) for sub in subqueries) + ")"
    raise TypeError(f"no tsquery for {node!r}")


class FilterSQL:
    """SQL conditions for a filter tree of query.build_filter, with numbered parameters."""

    SCALARS = ("kind", "issuer")
    ARRAYS = ("agency", "lead", "status")

    def __init__(self):
        self.params: dict = {}

    def _param(self, value) -> str:
        name = f"f{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def sql(self, node: wq.Query) -> str:
        if isinstance(node, (wq.And, wq.Or)):
            if not node.subqueries:
                return "TRUE" if isinstance(node, wq.And) else "FALSE"
            joiner = " AND " if isinstance(node, wq.And) else " OR "
            return "(" + joiner.join(self.sql(sub) for sub in node.subqueries) + ")"
        if isinstance(node, wq.Term) and node.fieldname in self.SCALARS:
            return f"{node.fieldname} = {self._param(node.text)}"
        if isinstance(node, wq.Term) and node.fieldname in self.ARRAYS:
            return f"{self._param(node.text)} = ANY({node.fieldname})"
        if isinstance(node, wq.NumericRange) and node.fieldname == "year":
            return self._range("year", node.start, node.end)
        if isinstance(node, wq.DateRange) and node.fieldname == "date":
            return self._range("date", node.startdate, node.enddate)
        if isinstance(node, wq.DateRange) and node.fieldname == "deadline":
            return f"EXISTS (SELECT 1 FROM unnest(deadline) AS d WHERE {self._range('d', node.startdate, node.enddate)})"
        raise TypeError(f"no SQL filter for {node!r}")

    def _range(self, column: str, start, end) -> str:
        parts = []
        if start is not None:
            parts.append(f"{column} >= {self._param(start)}")
        if end is not None:
            parts.append(f"{column} <= {self._param(end)}")
        return " AND ".join(parts) or "TRUE"
