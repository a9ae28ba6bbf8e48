"""The layout around a figure in a text, for reading targets: the sentence and clause that hold a
position, and the lines that head its paragraph (`heading_lines`, `top_heading`).
"""
from __future__ import annotations

import re

from theodoi.nlp.components.sections import MARKDOWN_OPENING, read_marker
from theodoi.nlp.target_grammar import CLAUSE_BREAK, TARGET
from theodoi.nlp.wrapped_lines import line_bounds

_SECTION_HEADING = re.compile(r"^(?:[IVXLC]{1,5}|[A-D]|\d{1,2}|[a-zđ])[.)]\s", re.I)
_TOP_HEADING = re.compile(r"^(?:[IVXLC][IVXLCivxlc]{0,4}[.\-/)]\s|[A-D][.)]\s|(?:Phần|Chương|PHẦN|CHƯƠNG)\s+[\dIVXLC]+\b)")
_ARTICLE = re.compile(r"Điều\s+\d+\.")
_ENDS_SENTENCE = re.compile(r"[.;][\s*_]*$")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [text.rfind(ch, 0, pos) for ch in (".\n", "\n", ". ", ";")]
    start = max(starts) + 1
    ends = [e for e in (text.find("\n", pos), text.find(". ", pos), text.find(";", pos)) if e != -1]
    return start, (min(ends) if ends else len(text))


def clause_opening(text: str, sent_start: int, pos: int) -> int:
    breaks = list(CLAUSE_BREAK.finditer(text, sent_start, pos))
    return breaks[-1].end() if breaks else sent_start


def heading_lines(text: str, pos: int) -> tuple[str, str]:
    """The lines that head the paragraph at `pos`: the nearest line before it that ends with a
    colon ("- Đến năm 2020:") and the nearest numbered, capitalised or "Điều N." section heading,
    not a list item that ends a sentence ("c) Báo cáo tình hình ... hằng tháng.") ("" where
    there is none)."""
    colon = section = ""
    end = text.rfind("\n", 0, pos)
    floor = max(0, pos - 5000)
    while end > floor and not (colon and section):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip().strip("*#_ ")
        if not colon and line.endswith(":"):
            colon = line
        if not section and line and (_ARTICLE.match(line) or len(line) <= 150 and not TARGET.search(line)
                                     and not line.endswith((".", ";")) and (
                _SECTION_HEADING.match(line) or line.isupper())):
            section = line
        end = start - 1
    return colon, section


def enclosing_headings(text: str, pos: int, reach: int = 10000) -> list[str]:
    """The numbered headings that enclose the line at `pos`, nearest first: going back, each line
    whose marker is of a higher level than every line read so far and that does not end a
    sentence ("2. Mục tiêu cụ thể" above "a) ...:" above "- ..."; a sibling "a)" and an item
    "- Cấp nước: ... ." are passed over), up to a top-level part."""
    out: list[str] = []
    line_start, line_end = line_bounds(text, pos)
    depth = _depth(text[line_start:line_end]) or 99
    end = line_start - 1
    floor = max(0, pos - reach)
    while end > floor and depth > 1:
        start = text.rfind("\n", 0, end) + 1
        level = _depth(text[start:end])
        if level is not None and level < depth and not _ENDS_SENTENCE.search(text, start, end):
            out.append(text[start:end].strip())
            depth = level
        end = start - 1
    return out


def in_earlier_item(text: str, pos: int, other: int, reach: int = 3000) -> bool:
    """Whether the position `other` (before `pos`, on another line) stands in an earlier item of
    the list that holds the line at `pos`, or under such an item: no line of a higher level
    stands between them, and the nearest line at or before `other` of the item's level or higher
    is of the item's level ("- Lập kế hoạch giai đoạn 2026 - 2030." then "- Kiểm tra; yêu cầu
    100% ..."). False when the line at `pos` is no list item."""
    line_start, _ = line_bounds(text, pos)
    depth = _depth(text[line_start:line_bounds(text, line_start)[1]])
    other_start, other_end = line_bounds(text, other)
    if depth is None or other_start == line_start:
        return False
    end = line_start - 1
    while end > other_end:  # the lines between
        start = text.rfind("\n", 0, end) + 1
        level = _depth(text[start:end])
        if level is not None and level < depth:
            return False
        end = start - 1
    end, floor = other_end, max(0, other - reach)
    while end > floor:  # the item that holds `other`
        start = text.rfind("\n", 0, end) + 1
        level = _depth(text[start:end])
        if level is not None and level <= depth:
            return level == depth
        end = start - 1
    return False


def _depth(line: str) -> float | None:
    """The level of a line's list marker ("I." 1, "1." 2, "a)" 4, "-" 5), or None."""
    line = line.strip()
    opening = MARKDOWN_OPENING.match(line)
    return read_marker(line[opening.end() if opening else 0:])[1]


def top_heading(text: str, pos: int) -> str:
    """The nearest top-level heading before `pos` ("I. KẾT QUẢ THỰC HIỆN", "Phần II"), with the
    capitalised lines it wraps onto, or ""."""
    end = text.rfind("\n", 0, pos)
    floor = max(0, pos - 10000)
    while end > floor:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if len(line) <= 150 and _TOP_HEADING.match(line.strip("*#_ ")):
            return line + _continuation(text, end)
        end = start - 1
    return ""


def _continuation(text: str, end: int) -> str:
    """The capitalised lines that go on with a heading ending at `end` ("II. NHỮNG VIỆC ĐÃ LÀM VÀ" /
    "KẾT QUẢ ĐẠT ĐƯỢC"), joined with a space first ("" when there are none)."""
    out = ""
    while end < len(text) and len(out) < 300:
        nxt = text.find("\n", end + 1)
        line = text[end + 1:len(text) if nxt == -1 else nxt].strip().strip("*#_ ")
        if not line or not line.isupper() or _TOP_HEADING.match(line):
            break
        out += " " + line
        end = len(text) if nxt == -1 else nxt
    return out
