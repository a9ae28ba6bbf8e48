"""What a search returns: hits with highlighted snippets, facet counts, a suggestion."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from whoosh import highlight

from theodoi.search.schema import CONTENT, CONTENT_FOLDED

SNIPPET_CHARS = 200
HIGHLIGHT_TEXT_LIMIT = 20_000  # characters of a document looked at for its snippet


@dataclass
class SearchHit:
    """One matching document: its id, score and an HTML-safe snippet with <mark>."""

    id: int
    score: float
    snippet: str


@dataclass
class SearchResults:
    """One page of results."""

    total: int
    hits: list[SearchHit]
    facets: dict[str, dict] = field(default_factory=dict)  # "kind"/"issuer"/"year" → value → count
    suggestion: str | None = None  # "Did you mean": the query with misspelt words replaced
    page: int = 1
    limit: int = 20


class _MarkFormatter(highlight.HtmlFormatter):
    """<mark>term</mark>, with the text around it HTML-escaped."""

    def __init__(self):
        super().__init__(tagname="mark", between=" … ")
        self.template = "<%(tag)s>%(t)s</%(tag)s>"


def make_highlighter() -> highlight.Highlighter:
    """The highlighter used for snippets (re-analyses the stored text, folded)."""
    return highlight.Highlighter(
        fragmenter=highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60),
        formatter=_MarkFormatter())


def snippet_for(hit, highlighter: highlight.Highlighter, *, exact_first: bool = False) -> str:
    """The highlighted snippet of a Whoosh hit, or the start of its text if nothing
    in the text itself matched (a match on the title or symbol only). `exact_first`
    (a query typed with diacritics) marks the exact spellings rather than every
    word that folds the same."""
    text = (hit.get("content") or "")[:HIGHLIGHT_TEXT_LIMIT]
    if not text:
        return ""
    for fieldname in ((CONTENT, CONTENT_FOLDED) if exact_first else (CONTENT_FOLDED, CONTENT)):
        marked = highlighter.highlight_hit(hit, fieldname, text=text, top=2)
        if marked:
            return marked
    head = " ".join(text[:SNIPPET_CHARS].split())
    return escape(head, quote=False) + ("…" if len(text) > SNIPPET_CHARS else "")
