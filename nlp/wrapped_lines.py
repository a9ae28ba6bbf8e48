"""Lines that only wrap a sentence: `unwrap_lines` joins them (same offsets), so a paragraph
that a PDF or a transcription broke over several lines reads as one line.
"""
from __future__ import annotations

import re

# Markdown emphasis around a closing mark or a heading ("... năm 2026.**", "**3. Cục ...") does
# not hide it.
_LINE_END_CLOSED = re.compile(r"[.;:!?…]\s*(?:/\.)?[*_]*\s*$")
_NEW_UNIT = re.compile(
    r"^\s*(?:[*_]{1,3}(?=\S))?(?:[-+•●▪*–]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s|\(?[a-zđ]\)\s|[IVXLC]{1,5}[.\-/]\s"
    r"|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b)")


def unwrap_lines(text: str) -> str:
    """`text` with the line breaks that only wrap a sentence ("... đạt khoảng\\n65%.") turned
    into spaces, so offsets stay the same. A break is kept after closing punctuation, before a
    list marker or heading, and before a capital unless the line before is long (ran to the full
    width, or at least 60 characters: a heading that long ends with a colon or stands alone)."""
    lines = text.split("\n")
    widths = sorted(len(line) for line in lines if line.strip())
    full_width = widths[int(len(widths) * 0.9)] if widths else 0
    out = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1].lstrip()
        wraps = (line.strip() and nxt and not _LINE_END_CLOSED.search(line) and not _NEW_UNIT.match(nxt)
                 and (nxt[0].islower() or nxt[0].isdigit() or nxt[0] in "(>"
                      or (len(line) >= min(0.8 * full_width, 60) and not line.isupper())))
        out.append(line + (" " if wraps else "\n"))
    out.append(lines[-1])
    return "".join(out)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line of `text` that holds `pos`."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end == -1 else end)
