"""Table reader "table_rows": one task per row of a task table ("STT | Nhiệm vụ | Sản phẩm |
Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành").

What a column holds is read by `table_columns`. A row without its number is the rest of a row
whose first cells are merged down and keeps that row's lead and support where its own cells are
empty (a flattened table leaves those cells out: its cells are the last columns). A group row
across the table ("A. | SỞ THỦY LỢI", "II. NHÓM NHIỆM VỤ ...") gives its body, if it names one, to
the rows under it whose lead cell is empty, and is a task of its own when it opens with an action
("II. Trình Hội đồng xem xét ..."). The deadline is the row's time cell, nothing else.
"""
from __future__ import annotations

import re

from theodoi.domain import Block, BodyMention, Task
from theodoi.ingest.flattened_tables import ROW_OPENER
from theodoi.nlp.agencies import canonical
from theodoi.nlp.tasks.patterns import starts_predicate
from theodoi.nlp.tasks.registry import table_reader
from theodoi.nlp.tasks.table_columns import (cell_deadline, column_kinds, header_kinds, is_body_name, opens_name,
                                             split_names)

MAX_HEADER_CELL = 80  # a header names its columns in a few words
SAMPLE_ROWS = 40  # rows under a header that tell its columns apart by content
BULLET = re.compile(r"^[-–+•*]\s*")


def _is_header(row: list[str]) -> bool:
    found = header_kinds(row)
    return "task" in found and any(k in found for k in ("lead", "deadline", "support")) \
        and all(len(c or "") <= MAX_HEADER_CELL for c in row)


def _group_bodies(row: list[str]) -> list[BodyMention] | None:
    """The bodies a group row names ([] when it names none); None when `row` is not a group row:
    at most a label and one cell across the table."""
    filled = [c.strip() for c in row if (c or "").strip()]
    if not filled or len(filled) > 2 or len(filled) == 2 and not ROW_OPENER.match(filled[0]):
        return None
    title = filled[-1]
    names = [n for n in split_names(title, 0) if is_body_name(n.text)]
    return [BodyMention(canonical(n.text) or n.text, -1, -1) for n in names]


def _aligned(row: list[str], width: int) -> list[str]:
    """A row under merged cells ("- Lập bản đồ ... | - Bản đồ số ... | 2026 - 2027" under a row of
    seven): its cells are the last columns."""
    return [""] * (width - len(row)) + list(row)


def _body_cell_home(row: list[str], first: int, cols: dict[str, list[int]]) -> list[str]:
    """A row under merged cells whose first cell (at `first` once aligned right) names bodies in a
    column that holds none ("Các phòng liên quan | - Biên soạn ... | ..." under a row whose lead and
    group cells span it, its partner cell its own): that cell goes back to the support (else
    lead) column before it."""
    homes = [i for kind in ("support", "lead") for i in cols.get(kind, []) if i < first]
    if first in cols.get("support", []) + cols.get("lead", []) or not homes or not opens_name(row[first] or ""):
        return row
    row = list(row)
    row[homes[0]], row[first] = row[first], ""
    return row


def _shaped(row: list[str], width: int, cols: dict[str, list[int]]) -> list[str]:
    """A row with a cell for each column of its header (see `_aligned`, `_body_cell_home`)."""
    if len(row) < width and not ROW_OPENER.match(row[0] or ""):
        return _body_cell_home(_aligned(row, width), width - len(row), cols)
    return list(row)


def _cells(row: list[str], indexes: list[int]) -> list[str]:
    return [row[i] or "" for i in indexes if i < len(row)]


def _at(names: list[BodyMention], start: int) -> list[BodyMention]:
    """Names read elsewhere (a group row, the row above), placed at the task's start."""
    return [BodyMention(n.text, start, start) for n in names]


@table_reader("table_rows")
def table_tasks(text: str, block: Block, doc_date=None) -> list[Task]:
    """One task per row of a task table, with the lead, support and deadline of its row."""
    tasks: list[Task] = []
    rows = block.rows or []
    cols: dict[str, list[int]] = {}
    width, cursor = 0, block.start
    group: list[BodyMention] = []
    above: tuple[list[BodyMention], list[BodyMention]] = ([], [])
    for n, row in enumerate(rows):
        if _is_header(row):
            width = len(row)
            cols = column_kinds(row, [r for r in rows[n + 1:n + 1 + SAMPLE_ROWS] if len(r) == width])
            group, above = [], ([], [])
            continue
        if "task" not in cols:
            continue
        bodies = _group_bodies(row)
        if bodies is not None:
            group, above = bodies, ([], [])
            title = [c.strip() for c in row if (c or "").strip()]
            if not starts_predicate(title[-1]) or title[-1].isupper():
                continue  # a group named by a noun ("NHÓM GIẢI PHÁP ...") or a body is no task
            row = [""] * width  # "II. Trình Hội đồng xem xét tại kỳ họp thứ hai": a task over its group
            row[cols["task"][0]] = title[-1]
            if len(title) == 2 and "number" in cols:
                row[cols["number"][0]] = title[0]
        else:
            row = _shaped(row, width, cols)
        cell = BULLET.sub("", (row[cols["task"][0]] if cols["task"][0] < len(row) else "") or "").strip()
        if len(cell.split()) < 2:
            continue
        at = text.find(cell, cursor, block.end + 1)
        start = at if at >= 0 else block.start
        cursor = start + len(cell) if at >= 0 else cursor
        number = " ".join(_cells(row, cols.get("number", [])[:1])).strip().rstrip(".")
        merged = not number  # the rest of the row above: its number (and lead) cells span down
        lead = [m for c in _cells(row, cols.get("lead", [])) for m in split_names(c, start)]
        support = [m for c in _cells(row, cols.get("support", [])) for m in split_names(c, start)]
        if not lead:
            lead = _at(above[0] if merged and above[0] else group, start)
        if not support and merged:
            support = _at(above[1], start)
        above = (lead, support)
        task = Task(text=cell, start=start, end=start + len(cell), lead=lead, support=support,
                    component="theodoi_tasks.table", confidence=0.9, label=number or None)
        task.deadline = cell_deadline(" ".join(_cells(row, cols.get("deadline", []))), doc_date)
        tasks.append(task)
    return tasks
