"""`theodoi_sections`: the document cut into units (paragraphs and numbered items).

Each unit is a span in doc.spans["units"] whose `span._.section` is a `Section`: its
label ("1", "a", "-"), its depth (capital letters "A." 0.75, roman numerals and "Điều" 1, "1." 2, "1.1." 3, "a)" 4,
"(1)" and "Thứ hai là" 4.5, "-" 5, "+" 6; None for a plain paragraph) and where its content starts after the label.
Lines broken by a PDF's layout are joined back: a line that does not end a sentence
goes on in the next one unless that one opens a new item (always when it ends with a comma,
"và" or a body's head noun: "1. Bộ trưởng các Bộ,\nChủ tịch ...", "1. Sở\nTài chính" are one heading). Markdown marks that open a
line ("**4. Sở Y tế**", "## II. NHIỆM VỤ") are read past: the label behind them counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.nlp.body_words import HEADS
from theodoi.nlp.extensions import doc_text, register_extensions

register_extensions()

_ORDINALS = "nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
MARKERS = (
    # "Thứ hai là, ...", "*Thứ ba*, ...", "Hai là ...": ordinal items of a list written as prose
    (re.compile(rf"[*_]{{0,2}}(?:Thứ\s+(?:{_ORDINALS})|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)(?=[*_]{{0,2}}\s+là\b))"
                r"[*_]{0,2}(?:\s+là)?\s*[,:.]?\s+"), 4.5),
    (re.compile(r"\(\s*(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\s*\)\s+"), 4.5),  # "(1)", "(b)", "(ii)"
    (re.compile(r"[A-H]\.(?:\s+|$)"), 0.75),  # "A. Những nội dung chủ yếu", above the roman parts
    (re.compile(r"(?:Điều|ĐIỀU)\s+\d+\s*[.:]?\s*"), 1),
    (re.compile(r"(?:[IVX]{1,5}|[IVX][ivx]{1,4})\s*[.)/]\s*"), 1),  # "Ii." where a heading was sentence-cased
    (re.compile(r"\d{1,2}(?:\.\d{1,2}){2,}\.?(?:\s*[-–:](?=\s))?\s*"), 4),
    (re.compile(r"\d{1,2}\.\d{1,2}\.?(?:\s*[-–:](?=\s))?\s+"), 3),  # "2.1.", "2.1 -"
    (re.compile(r"\d{1,2}\s*[.)/]\s*"), 2),
    (re.compile(r"[a-zđ]\s*[)/]\s*|[a-zđ]\.\s+"), 4),
    (re.compile(r"[-–—•·*]\s*"), 5),
    (re.compile(r"\+\s*"), 6),
)
SENTENCE_END = re.compile(r"[.:;!?…][\"'”)\]*_]*\s*$")  # (also before a closing markdown "**")
# A line that cannot end a unit: it stops on a comma or a joining word.
GOES_ON = re.compile(r"(?:,|\s(?:và|cùng|hoặc|của|với|-|–))[\s*_]*$")
# ... or on the head noun of a body, whose name is on the next line ("1. Sở\nNông nghiệp ...").
ENDS_ON_HEAD = re.compile(r"(?:^|\s)(?:" + "|".join(sorted({" ".join(seq).capitalize() for seq in HEADS}, key=len, reverse=True))
                          + r")[\s*_]*$")  # capitalised: "Bộ Nội vụ" ends on a name, not on the head "Vụ"
MARKDOWN_OPENING = re.compile(r"(?:#{1,6}\s+|\*\*\s*|__\s*)+")
MARKS_ONLY = re.compile(r"[*_\s]*")
JUNK_LINE = re.compile(r"^\s*(?:[=\-_*~]{3,}|[*~]|!\[.*|\[.*\]\(.*\)\s*)$")  # (a lone "*" under an issuer)


@dataclass
class Section:
    """One unit of the document's layout."""

    label: str | None
    depth: float | None
    content_start: int  # character offset where the text after the label begins

    @property
    def is_item(self) -> bool:
        return self.depth is not None


def read_marker(line: str) -> tuple[str | None, int | None, int]:
    """(label, depth, length of the marker) for the start of a line."""
    for pattern, depth in MARKERS:
        m = pattern.match(line)
        if m:
            label = re.sub(r"[*_(]|\s+là$", "", m.group(0).strip().rstrip(".)/:,").strip()).strip()
            return label or m.group(0).strip(), depth, m.end()
    return None, None, 0


def split_units(text: str, heading_ends: frozenset[int] = frozenset()) -> list[tuple[int, int, Section]]:
    """Cut text into units: (start, end, Section), wrapped lines joined; a line that ends a
    heading of the layout (`heading_ends`: a headline, a markdown heading) is never joined to the next."""
    units: list[list] = []  # [start, end, Section]
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or JUNK_LINE.match(stripped):
            continue
        lead = len(line) - len(line.lstrip())
        opening = MARKDOWN_OPENING.match(stripped)
        if opening and opening.end() < len(stripped):
            lead, stripped = lead + opening.end(), stripped[opening.end():]
        label, depth, size = read_marker(stripped)
        prev = units[-1] if units else None
        if prev is not None and prev[1] not in heading_ends:
            prev_text = text[prev[0]:prev[1]]
            prev_content = text[prev[2].content_start:prev[1]].strip()
            if prev[2].is_item and MARKS_ONLY.fullmatch(prev_content):  # "1." alone on its line
                prev[1] = end
                prev[2].content_start = start + lead
                continue
            # a wrapped line goes on; a heading (I., Điều 1) goes on only with a lowercase line,
            # so "Thủ trưởng các sở ... có trách nhiệm:" under it stays a unit of its own
            wraps = stripped[0].islower() or len(prev_text) >= 60 and (prev[2].depth or 2) > 1 \
                or GOES_ON.search(prev_text) is not None or ENDS_ON_HEAD.search(prev_text) is not None
            if label is None and not SENTENCE_END.search(prev_text) and wraps:
                prev[1] = end
                continue
        units.append([start + lead, end, Section(label, depth, start + lead + size)])
    return [(s, e, sec) for s, e, sec in units]


class SectionSplitter:
    """Writes doc.spans[spans_key]: one span per unit, with `span._.section`."""

    def __init__(self, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        heading_ends = frozenset(len(text[:b.end].rstrip()) for b in doc._.blocks or [] if b.kind == "heading")
        for start, end, section in split_units(text, heading_ends):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.section = section
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("theodoi_sections", assigns=["doc.spans"], default_config={"spans_key": "units"})
def make_section_splitter(nlp: Language, name: str, spans_key: str) -> SectionSplitter:
    """Factory of the unit splitter."""
    return SectionSplitter(name, spans_key)
