"""The full text of a document as HTML, with tasks, targets and citations marked.

Spans come from the store as character offsets into the text. They may nest (a target
inside a task) or cross; the output is always well-formed: a span that crosses another
is closed and reopened around it, and only its first piece carries the `id` anchor.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A stretch of the text to wrap in `<mark class="{css_class}" id="{anchor}">`."""

    start: int
    end: int
    css_class: str
    anchor: str
    title: str = ""


def _open_tag(span: Span, first_piece: bool) -> str:
    parts = [f'<mark class="{escape(span.css_class)}"']
    if first_piece:
        parts.append(f' id="{escape(span.anchor)}"')
    else:
        parts.append(f' data-continues="{escape(span.anchor)}"')
    if span.title:
        parts.append(f' title="{escape(span.title)}"')
    return "".join(parts) + ">"


def mark_text(text: str, spans: list[Span]) -> Markup:
    """`text` escaped for HTML, with each valid span wrapped in a `<mark>`.

    Spans outside the text or empty are ignored. Longer spans open first when two
    start at the same place, so the shorter one nests inside.
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    valid.sort(key=lambda s: (s.start, -s.end))
    opening: dict[int, list[Span]] = {}
    closing: dict[int, list[Span]] = {}
    for span in valid:
        opening.setdefault(span.start, []).append(span)
        closing.setdefault(span.end, []).append(span)
    cuts = sorted({0, len(text), *opening, *closing})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[Span] = set()
    for here, following in zip(cuts, cuts[1:] + [None]):
        ending = closing.get(here, [])
        if ending:
            reopen = []
            while any(s in stack for s in ending):
                top = stack.pop()
                out.append("</mark>")
                if top not in ending:
                    reopen.append(top)
            for span in reversed(reopen):
                out.append(_open_tag(span, first_piece=False))
                stack.append(span)
        for span in opening.get(here, []):
            out.append(_open_tag(span, first_piece=span not in opened))
            opened.add(span)
            stack.append(span)
        if following is not None:
            out.append(str(escape(text[here:following])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))
