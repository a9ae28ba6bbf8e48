"""theodoi's NLP layer: text → tasks (lead, support, deadline), targets, citations.

    from theodoi.nlp import extract, load_pipeline
    extraction = extract(parsed_document)
"""
from __future__ import annotations

import re

from theodoi.domain import Extraction, ParsedDocument
from theodoi.nlp.parts import PART_CHARS, blocks_within, shifted, split_points
from theodoi.nlp.pipeline import load_pipeline

__all__ = ["extract", "load_pipeline"]

KINDS = ("Thông báo kết luận", "Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận", "Thông báo", "Kế hoạch",
         "Báo cáo", "Chương trình", "Công văn", "Hướng dẫn", "Quy định", "Tờ trình", "Công điện")


def document_kind(parsed: ParsedDocument) -> str | None:
    """The header's kind, or the kind word that opens the text when ingest found no header."""
    if parsed.header.kind:
        return parsed.header.kind
    opening = parsed.text.lstrip()[:40].lower()
    return next((k for k in KINDS if re.match(re.escape(k.lower()) + r"\b", opening)), None)


def extract(parsed: ParsedDocument) -> Extraction:
    """Run the pipeline on a parsed document and collect what it found; a text longer than
    PART_CHARS is read in parts (nlp/parts.py), so length is never a limit here."""
    if len(parsed.text) <= PART_CHARS:
        return _extract_text(parsed, parsed.text, list(parsed.blocks))
    found = Extraction()
    for start, end in split_points(parsed.text):
        part = _extract_text(parsed, parsed.text[start:end], blocks_within(parsed.blocks, start, end))
        found.tasks.extend(shifted(part.tasks, start))
        found.targets.extend(shifted(part.targets, start))
        found.citations.extend(shifted(part.citations, start))
    return found


def _extract_text(parsed: ParsedDocument, text: str, blocks: list) -> Extraction:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.doc_date = parsed.header.date
    doc._.doc_kind = document_kind(parsed)
    doc._.doc_number = parsed.header.number
    doc._.blocks = blocks
    for _, component in nlp.pipeline:
        doc = component(doc)
    return Extraction(
        tasks=sorted((s._.task for s in doc.spans.get("tasks", []) if s._.task), key=lambda t: t.start),
        targets=[s._.target for s in doc.spans.get("targets", []) if s._.target],
        citations=[s._.citation for s in doc.spans.get("citations", []) if s._.citation],
    )
