"""What a search returns: hits with highlighted snippets, facet counts, a suggestion."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from theodoi.search.schema import CONTENT, CONTENT_FOLDED
from theodoi.search.snippets import SNIPPET_CHARS, highlight, word_pattern

HIGHLIGHT_TEXT_LIMIT = 20_000  # characters of a document looked at for its snippet


@dataclass
class SearchHit:
    """One matching document: its id, score and an HTML-safe snippet with <mark>.
    `partial`: it lacks some words of the query (listed after the documents with all)."""

    id: int
    score: float
    snippet: str
    partial: bool = False


@dataclass
class SearchResults:
    """One page of results."""

    total: int
    hits: list[SearchHit]
    facets: dict[str, dict] = field(default_factory=dict)  # "kind"/"issuer"/"year" → value → count
    suggestion: str | None = None  # "Did you mean": the query with misspelt words replaced
    page: int = 1
    limit: int = 20
    any_unit: bool = False  # no hit had every word of the query: these have some of them


@dataclass
class TaskHit:
    """One matching task: its id, its document's id, score and a highlighted snippet of
    its text. `partial`: it lacks some words of the query."""

    id: int
    document_id: int
    score: float
    snippet: str
    partial: bool = False


@dataclass
class TaskResults:
    """One page of task results; `facets["status"]` counts the tasks by status."""

    total: int
    hits: list[TaskHit]
    facets: dict[str, dict] = field(default_factory=dict)
    suggestion: str | None = None
    page: int = 1
    limit: int = 20
    any_unit: bool = False  # no hit had every word of the query: these have some of them


def snippet_patterns(query, *, exact_first: bool = False) -> list:
    """The highlight patterns of a Whoosh query, tried in order (made once per search).
    `exact_first` (a query typed with diacritics) marks the exact spellings rather than
    every word that folds the same, when the text has them."""
    exact, folded = _content_terms(query)
    return [word_pattern(exact, ()), word_pattern(exact, folded)] if exact_first else [word_pattern(exact, folded)]


def snippet_for(text: str, patterns: list) -> str:
    """The highlighted snippet of a hit's stored text (patterns from `snippet_patterns`),
    or the start of the text if nothing in it matched (a match on the title or symbol only)."""
    text = (text or "")[:HIGHLIGHT_TEXT_LIMIT]
    if not text:
        return ""
    for pattern in patterns:
        marked = highlight(text, pattern)
        if marked:
            return marked
    head = " ".join(text[:SNIPPET_CHARS].split())
    return escape(head, quote=False) + ("…" if len(text) > SNIPPET_CHARS else "")


def _content_terms(query) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words a query looks for in the text: (exact forms, folded forms)."""
    if query is None:
        return (), ()
    exact, folded = set(), set()
    for fieldname, word in query.all_terms():
        word = word.decode("utf-8") if isinstance(word, bytes) else str(word)
        if fieldname == CONTENT:
            exact.add(word)
        elif fieldname == CONTENT_FOLDED:
            folded.add(word)
    return tuple(sorted(exact)), tuple(sorted(folded))
