"""Custom attributes on spaCy Doc and Span objects, registered once for every component.

Components import this module (importing registers the attributes); nothing else
registers extensions, so names never clash.

Doc:
- `doc_date`: the document's date of issue (`datetime.date` or None), set by
  `theodoi.nlp.extract` before the pipeline runs; deadlines resolve against it.
- `doc_kind`: the document's kind ("Chỉ thị", "Kế hoạch", ...) from the header, or None.
- `doc_number`: the document's own number from the header ("123/KH-UBND"), or None; a
  citation of it is not a reference.
- `blocks`: the layout blocks from ingest (`list[theodoi.domain.Block]`), or [].

Span:
- `deadline`, `target`, `citation`: the domain object a span in
  doc.spans["deadlines" | "targets" | "citations"] stands for.
- `body`: the `BodyMention` of a span in doc.spans["bodies"].
- `task`: the `Task` of a span in doc.spans["tasks"].
- `section`: for a span in doc.spans["sections"], a `Section` (see components.sections).

`doc_text(doc)` is `doc.text` joined once: spaCy rebuilds it from every token on each access.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT_KEY = "theodoi.text"
DOC_EXTENSIONS = ("doc_date", "doc_kind", "doc_number", "blocks")
SPAN_EXTENSIONS = ("deadline", "target", "citation", "body", "task", "section")


def register_extensions() -> None:
    """Register every theodoi extension (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept in `doc.user_data` after the first call (the text of a Doc never
    changes; every component reads it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


register_extensions()
