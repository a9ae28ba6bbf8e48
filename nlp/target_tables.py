"""Where a figure stands in a plan's table: its row and column. In a table with a time column
("STT | Nhiệm vụ | Chỉ tiêu đạt được | Thời hạn hoàn thành"), a figure of the row is reached by
the time that row gives ("Giai đoạn 2026 - 2028" → 2028, "Trước năm 2027"), and by no year when
the row gives none ("Thường xuyên"); a figure in a column of goals ("Chỉ tiêu", "Kết quả cần
đạt", "Sản phẩm") is stated as a goal. Tables are the text's table blocks, one row a line, cells
joined by " | " (ingest's layout).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from theodoi.nlp.tasks.table_columns import header_kinds

_CELL = " | "
# A column of what the row is to reach (not "Kết quả thực hiện", a report's).
_GOAL_COLUMN = re.compile(r"chỉ\s+tiêu|mục\s+tiêu|cần\s+đạt|phải\s+đạt|dự\s+kiến|sản\s+phẩm", re.I)


@dataclass
class TableCell:
    """The row (its cells, aligned on the header's columns: None where merged down) and the
    column of a position in a table."""

    header: list[str]
    cells: list[str | None]
    column: int
    start: int  # the span of the cell holding the position
    end: int


def table_cell(text: str, pos: int, tables: list[tuple[int, int]] | tuple) -> TableCell | None:
    """The cell holding `pos` in one of `tables` (spans), below the header row; None elsewhere. A
    row with fewer cells than the header lacks the cells merged down from the row above: its
    cells are counted from the right."""
    table = next(((s, e) for s, e in tables if s <= pos < e), None)
    if table is None:
        return None
    header_end = text.find("\n", table[0], table[1])
    if header_end == -1 or pos < header_end:
        return None
    header = text[table[0]:header_end].split(_CELL)
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    raw = text[line_start:len(text) if line_end == -1 else line_end].split(_CELL)
    if len(raw) < 2 or len(raw) > len(header):
        return None
    cells: list[str | None] = [None] * (len(header) - len(raw)) + raw
    offset, column = line_start, len(header) - len(raw)
    for cell in raw:
        if pos < offset + len(cell) + len(_CELL):
            break
        offset += len(cell) + len(_CELL)
        column += 1
    return TableCell(header, cells, column, offset, offset + len(cells[column] or ""))


def time_cell(cell: TableCell) -> str | None:
    """The text of the row's time cell ("" when merged or empty), or None when the table has no
    time column or the figure stands in it."""
    columns = header_kinds(cell.header).get("deadline")
    if not columns or columns[0] == cell.column:
        return None
    return cell.cells[columns[0]] or ""


def in_goal_column(cell: TableCell) -> bool:
    """Whether the figure stands in a column of goals ("Chỉ tiêu đạt được", "Kết quả cần đạt")."""
    return bool(_GOAL_COLUMN.search(cell.header[cell.column]))
