"""theodoi's NLP layer: text → tasks (lead, support, deadline), targets, citations.

    from theodoi.nlp import extract, extract_many, load_pipeline
    extraction = extract(parsed_document)
    extractions = list(extract_many(parsed_documents))  # one nlp.pipe over the batch
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from theodoi.domain import Extraction, Header, ParsedDocument
from theodoi.nlp.agencies import canonical
from theodoi.nlp.parts import PART_CHARS, blocks_within, shifted, split_points
from theodoi.nlp.pipeline import load_pipeline
from theodoi.nlp.target_parents import assign_target_parents

__all__ = ["extract", "extract_many", "load_pipeline"]
BATCH_SIZE = 16  # documents per nlp.pipe batch

KINDS = ("Thông báo kết luận", "Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận", "Thông báo", "Kế hoạch",
         "Báo cáo", "Chương trình", "Công văn", "Hướng dẫn", "Quy định", "Tờ trình", "Công điện")


def document_kind(parsed: ParsedDocument) -> str | None:
    """The header's kind, or the kind word that opens the text when ingest found no header."""
    if parsed.header.kind:
        return parsed.header.kind
    opening = parsed.text.lstrip()[:40].lower()
    return next((k for k in KINDS if re.match(re.escape(k.lower()) + r"\b", opening)), None)


def package_bodies(header: Header) -> None:
    """A package's issuer and recipients (edXML From, To, ToPlaces), as the sender's system spells
    them ("UBND tỉnh ..."), written out against the gazetteer; a name it does not know stays as written."""
    if header.source != "edxml":
        return
    header.issuer = canonical(header.issuer) or header.issuer if header.issuer else None
    header.recipients = list(dict.fromkeys(canonical(name) or name for name in header.recipients))


def _parts(parsed: ParsedDocument) -> list[tuple[int, str, list]]:
    """(offset, text, blocks) of the parts a document is read in: the whole text, or parts of at
    most PART_CHARS characters (nlp/parts.py), so length is never a limit here."""
    if len(parsed.text) <= PART_CHARS:
        return [(0, parsed.text, list(parsed.blocks))]
    return [(start, parsed.text[start:end], blocks_within(parsed.blocks, start, end))
            for start, end in split_points(parsed.text)]


def _make_doc(nlp, parsed: ParsedDocument, text: str, blocks: list) -> Doc:
    """The tokenized Doc of (a part of) a parsed document, with what its header says set on it."""
    doc = nlp.make_doc(text)
    doc._.doc_date = parsed.header.date
    doc._.doc_kind = document_kind(parsed)
    doc._.doc_number = parsed.header.number
    doc._.blocks = blocks
    return doc


def _extraction(doc: Doc) -> Extraction:
    return Extraction(
        tasks=sorted((s._.task for s in doc.spans.get("tasks", []) if s._.task), key=lambda t: t.start),
        targets=[s._.target for s in doc.spans.get("targets", []) if s._.target],
        citations=[s._.citation for s in doc.spans.get("citations", []) if s._.citation],
    )


def extract_many(documents: Iterable[ParsedDocument], batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """What each parsed document asks, in order: the pipeline runs with `nlp.pipe` over batches
    of documents (or of the parts of a long one); a package's header bodies are normalised first."""
    nlp = load_pipeline()
    read: dict[int, ParsedDocument] = {}

    def pieces():
        for number, parsed in enumerate(documents):
            package_bodies(parsed.header)
            read[number] = parsed
            for offset, text, blocks in _parts(parsed):
                yield _make_doc(nlp, parsed, text, blocks), (number, offset)

    current, found = None, None
    for doc, (number, offset) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if number != current:
            if found is not None:
                yield _with_parents(read.pop(current), found)
            current, found = number, Extraction()
        part = _extraction(doc)
        found.tasks.extend(shifted(part.tasks, offset) if offset else part.tasks)
        found.targets.extend(shifted(part.targets, offset) if offset else part.targets)
        found.citations.extend(shifted(part.citations, offset) if offset else part.citations)
    if found is not None:
        yield _with_parents(read.pop(current), found)


def _with_parents(parsed: ParsedDocument, found: Extraction) -> Extraction:
    """`found` with each task's target set, read over the whole document."""
    assign_target_parents(parsed.text, parsed.blocks, found.tasks, found.targets)
    return found


def extract(parsed: ParsedDocument) -> Extraction:
    """Run the pipeline on one parsed document and collect what it found."""
    return next(extract_many([parsed]))
