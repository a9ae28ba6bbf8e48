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
from theodoi.nlp.pipeline import load_pipeline

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


def _make_doc(nlp, parsed: ParsedDocument) -> Doc:
    """The tokenized Doc of a parsed document, with what its header says set on it (a package's
    header bodies are normalised first, see `package_bodies`)."""
    package_bodies(parsed.header)
    doc = nlp.make_doc(parsed.text)
    doc._.doc_date = parsed.header.date
    doc._.doc_kind = document_kind(parsed)
    doc._.doc_number = parsed.header.number
    doc._.blocks = list(parsed.blocks)
    return doc


def _extraction(doc: Doc) -> Extraction:
    return Extraction(
        tasks=sorted((s._.task for s in doc.spans.get("tasks", []) if s._.task), key=lambda t: t.start),
        targets=[s._.target for s in doc.spans.get("targets", []) if s._.target],
        citations=[s._.citation for s in doc.spans.get("citations", []) if s._.citation],
    )


def extract_many(documents: Iterable[ParsedDocument], batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """What each parsed document asks, in order: the pipeline runs with `nlp.pipe` over batches."""
    nlp = load_pipeline()
    docs = (_make_doc(nlp, parsed) for parsed in documents)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield _extraction(doc)


def extract(parsed: ParsedDocument) -> Extraction:
    """Run the pipeline on one parsed document and collect what it found."""
    return next(extract_many([parsed]))
