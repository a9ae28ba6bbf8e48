"""Numbered tables flattened to one cell a line with a lone "|" between cells, as legal portals'
pages come out when saved as text or markdown:

    |
    STT
    |
    Tên nhiệm vụ
    |
    Tình trạng
    |
    |
    1
    |
    Xây dựng hệ thống ...
    |
    Đang thực hiện
    |

The cells are the lines between two separators. An empty cell (two separators in a row) ends a
row when the row is complete (as many cells as the first row), when the next cell opens a row (a
number, a Roman numeral, a letter), when the row is a group row (a label and a heading in capitals
across the table: "B. | SỞ GIAO THÔNG") or when the row does not open with its number (the rest of
a row under cells merged down from the row above, or a row whose number cell is empty); otherwise
it is an empty cell of the row. A cell that opens an
appendix or a list ("PHỤ LỤC II", "DANH MỤC ...") or runs too long ends the table, and so does a
blank line (a flattened table has none). Only a table
whose head row opens with a running-number column (STT, TT) and has three columns or more is
rebuilt: the side-by-side header, signature and a portal's metadata box are flattened the same
way and are read as lines.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence, TypeVar

ROW_OPENER = re.compile(r"^\W*(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ]|[A-ZĐ](?=\.))\W*$")
TABLE_BREAK = re.compile(r"^\W*(?:PHỤ\s+LỤC|Phụ\s+lục|DANH\s+MỤC|BIỂU\s+\d|Biểu\s+\d)")
NUMBER_COLUMN = re.compile(r"^(?:STT|TT|Số\s+TT)\.?$", re.IGNORECASE)
MAX_CELL_CHARS = 3000  # a longer run between separators is text, not a cell

Cell = TypeVar("Cell")


def is_group_row(cells: list[str]) -> bool:
    """Whether a row is a label and a heading across the table ("A. | SỞ THỦY LỢI", "II | NHÓM ...")."""
    return len(cells) == 2 and bool(ROW_OPENER.match(cells[0])) and cells[1].isupper()


def split_rows(cells: Sequence[Cell], text: Callable[[Cell], str] = str) -> list[list[Cell]]:
    """The rows of a flattened table's cells (empty cells mark where rows may end)."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    width = 0
    for i, cell in enumerate(cells):
        if text(cell):
            row.append(cell)
            continue
        following = next((text(c) for c in cells[i + 1:] if text(c)), "")
        texts = [text(c) for c in row]
        if row and (not width or len(row) >= width or ROW_OPENER.match(following)
                    or not ROW_OPENER.match(texts[0]) or is_group_row(texts)):
            rows.append(row)
            width = width or len(row)
            row = []
        elif row:
            row.append(cell)
    if row:
        rows.append(row)
    return rows


def _numbered(rows: list[list[str]]) -> bool:
    return len(rows) >= 2 and len(rows[0]) >= 3 and bool(NUMBER_COLUMN.match(rows[0][0]))


def gather_tables(items: list[tuple[str, str]]) -> list[tuple[str, object]]:
    """(kind, line) items with ("sep", "|") separators → the same items, each numbered flattened
    table as one ("table", rows) item; any other separator becomes a paragraph break."""
    out: list[tuple[str, object]] = []
    cells: list[list[tuple[str, str]]] | None = None  # each cell: its (kind, line) items
    current: list[tuple[str, str]] = []

    def close() -> None:
        nonlocal cells, current
        if cells is not None:
            texts = [" ".join(line for kind, line in cell if kind == "line").strip() for cell in cells]
            rows = [r for r in split_rows(texts) if r]
            if _numbered(rows):
                out.append(("table", rows))
            else:
                for cell in cells:
                    out.extend(cell)
                    out.append(("break", ""))
        out.extend(current)
        cells, current = None, []

    for kind, line in items:
        if kind == "sep":
            if cells is None:
                out.extend(current)
                out.append(("break", ""))
                cells, current = [], []
                continue
            cell_text = " ".join(text for k, text in current if k == "line")
            if len(cell_text) > MAX_CELL_CHARS or TABLE_BREAK.match(cell_text.strip("*_ ")):
                close()
                out.append(("break", ""))
                cells = []
                continue
            cells.append(current)
            current = []
        elif kind == "heading" or kind == "break" and cells is not None:  # a blank line ends a flattened table
            close()
            out.append((kind, line))
        else:
            current.append((kind, line))
    close()
    return out
