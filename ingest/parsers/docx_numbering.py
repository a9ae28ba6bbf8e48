"""Word's automatic numbering: the label ('1.', 'a)', 'II.', '-') a numbered paragraph shows.

A paragraph (or its style) names a list instance (w:numId) and a level (w:ilvl); the list
instance points to an abstract definition whose levels give the format (w:numFmt) and the
label template (w:lvlText, '%1.' or '%1.%2.'). Counters run per list instance, and a level
restarts when a higher level advances.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

BULLET = "-"


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


def _roman(n: int) -> str:
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
              (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in values:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in a numFmt: decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


class Numbering:
    """The numbering definitions of one document; `label(paragraph)` advances the counters."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.findall(qn("w:abstractNum")):
            abstract[node.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"))): _Level(_val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "",
                                                   int(_val(lvl, "w:start") or 1))
                for lvl in node.findall(qn("w:lvl"))}
        for node in root.findall(qn("w:num")):
            levels = dict(abstract.get(_val(node, "w:abstractNumId"), {}))
            for override in node.findall(qn("w:lvlOverride")):
                ilvl, start = int(override.get(qn("w:ilvl"))), _val(override, "w:startOverride")
                if start is not None and ilvl in levels:
                    base = levels[ilvl]
                    levels[ilvl] = _Level(base.fmt, base.text, int(start))
            self._levels[node.get(qn("w:numId"))] = levels

    def label(self, paragraph) -> str | None:
        """The label Word shows before `paragraph` ('1.', 'a)', '-'), or None when it is not numbered."""
        num_id, ilvl = self._num_pr(paragraph)
        levels = self._levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return BULLET
        if level.fmt == "none":
            return level.text.strip() or None
        text = level.text
        for i in range(ilvl, -1, -1):
            if f"%{i + 1}" in text:
                value = counters.get(i, levels[i].start if i in levels else 1)
                text = text.replace(f"%{i + 1}", format_number(value, levels[i].fmt if i in levels else "decimal"))
        return text.strip() or None

    @staticmethod
    def _num_pr(paragraph) -> tuple[str | None, int]:
        """(numId, ilvl) from the paragraph's own properties, else from its style's."""
        sources = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            sources.append(style.element.pPr)
            style = style.base_style
        for ppr in sources:
            num_pr = ppr.numPr if ppr is not None else None
            if num_pr is not None and num_pr.numId is not None:
                num_id = str(num_pr.numId.val)
                ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                return (None if num_id == "0" else num_id), ilvl
        return None, 0
