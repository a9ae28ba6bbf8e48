"""A lead-in's time passed to its list: "Các Bộ ... khắc phục ..., hoàn thành trong tháng X, cụ
thể:" followed by "(1) ...", "(2) ..." gives each item without a time of its own that time, down
to the next item as high as the lead-in or a heading. List depth is read from the markers
("I." above "1." above "a)" above "(1)" above "(i)" above "-" above "+"), on paragraphs whose
wrapped lines are joined.
"""
from __future__ import annotations

import re

from theodoi.domain import Deadline, Task
from theodoi.nlp.wrapped_lines import line_bounds, unwrap_lines

# The end of a lead-in after its time: "... khắc phục ..., hoàn thành trong tháng X, cụ thể:".
LEAD_IN_END = re.compile(r"[^.;:\n]{0,60}?:[\s*_]*$")
# List markers by depth: "I." above "1." above "1.1." above "a)" above "(1)" above "(i)" above "-" above "+".
ITEM_RANKS = ((re.compile(r"[IVXLC]{1,5}[.)]\s"), 0), (re.compile(r"\d{1,2}\.\d{1,2}\.?\s"), 2),
              (re.compile(r"\d{1,2}[.)]\s"), 1), (re.compile(r"[a-zđ][.)]\s"), 3), (re.compile(r"\(\d{1,2}\)\s"), 4),
              (re.compile(r"\((?:[ivx]{1,4}|[a-zđ])\)\s"), 5), (re.compile(r"[-–•]\s"), 6), (re.compile(r"\+\s"), 7))
LEAD_IN_REACH = 4000


def _item_rank(paragraphs: str, start: int, end: int) -> int | None:
    """The depth of the list item that opens the paragraph text[start:end] (0 for a heading),
    None for a paragraph without a marker."""
    line = paragraphs[start:end].strip().lstrip("*_ ")
    if re.match(r"(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b", line) or line.isupper():
        return 0
    return next((rank for marker, rank in ITEM_RANKS if marker.match(line)), None)


def _under_lead_in(paragraphs: str, pos: int, lead_start: int, lead_rank: int | None, first_rank: int | None) -> bool:
    """Whether `pos` stands in the list a lead-in opens at `lead_start`. Under a lead-in with a
    marker, the nearest paragraph with a marker at or before `pos` (or the lead-in itself) must be
    an item deeper than it; under one without, the items are the run of markers right after it
    (`first_rank` and deeper), ended by a paragraph without a marker."""
    start = paragraphs.rfind("\n", 0, pos) + 1
    while start > lead_start:
        end = paragraphs.find("\n", start)
        end = len(paragraphs) if end == -1 else end
        rank = _item_rank(paragraphs, start, end)
        if rank is not None:
            if lead_rank is None:
                return first_rank is not None and rank >= first_rank
            return rank > lead_rank
        if lead_rank is None and paragraphs[start:end].strip():
            return False  # a paragraph that is no item ends the list
        start = paragraphs.rfind("\n", 0, start - 1) + 1
    return lead_rank is not None


def _first_item_rank(paragraphs: str, end: int) -> int | None:
    """The marker depth of the first paragraph after `end` that is not blank (None if unmarked)."""
    while end < len(paragraphs):
        nxt = paragraphs.find("\n", end + 1)
        nxt = len(paragraphs) if nxt == -1 else nxt
        if paragraphs[end + 1:nxt].strip():
            return _item_rank(paragraphs, end + 1, nxt)
        end = nxt
    return None


def attach_lead_in_times(text: str, tasks: list[Task], found: list[Deadline]) -> None:
    """A lead-in that states a time and opens a list ("Các Bộ ... khắc phục ..., hoàn thành trong
    tháng X, cụ thể:", "Trong thời gian 10 ngày kể từ ..., cơ quan ... thực hiện các nội dung
    sau:"), a task or not, gives that time to the items under it without one of their own, down
    to the next item as high as the lead-in or a heading. `found` holds the document's time
    phrases; a recurrence in a heading names a programme ("Chương trình ... hằng năm:"), no time."""
    paragraphs = unwrap_lines(text)
    ordered = sorted(tasks, key=lambda t: t.start)
    for d in found:
        if d.start is None or d.end is None or d.kind in ("recurring", "ongoing"):
            continue
        start, end = line_bounds(paragraphs, d.start)
        if not LEAD_IN_END.match(text, d.end, end):
            continue
        rank, first_rank = _item_rank(paragraphs, start, end), _first_item_rank(paragraphs, end)
        for task in ordered:
            if task.start < end:
                continue
            if task.start > end + LEAD_IN_REACH or not _under_lead_in(paragraphs, task.start, start, rank, first_rank):
                break
            if task.deadline is None:
                task.deadline = d
