"""Tables written as text with one cell separator a line, as legal portals export them:

    **STT**
    |
    **Tên nhiệm vụ**
    |
    **Tình trạng**
    |
    |
    1
    |
    Xây dựng hệ thống ...
    |
    Đang thực hiện
    |

A line holding only "|" ends a cell (a line "| 3" ends one and opens the next with "3",
as a reader that joins short lines leaves it); an empty cell (two such lines in a row) ends a row when
the row is complete (as many cells as the header) or the next cell opens a row (a
number, a Roman numeral); otherwise it is an empty cell of the row. A cell that opens an
appendix or a list ("PHỤ LỤC II", "DANH MỤC ...") ends the table. Each table comes back as a
`Block(kind="table")` with its rows, for the readers of task tables; ingest gives real table
blocks for the formats that carry them, and those are never read again here.
"""
from __future__ import annotations

import re

from theodoi.domain import Block
from theodoi.ingest.flattened_tables import MAX_CELL_CHARS, TABLE_BREAK, split_rows

_SEPARATOR = re.compile(r"^[ \t]*\|[ \t]*(?:$|(?=[^|\n]*$))", re.M)


def _clean(cell: str) -> str:
    """A cell's text without the emphasis marks around it."""
    return cell.strip().strip("*_ \t\n").strip()


def line_tables(text: str) -> list[Block]:
    """The tables written with separator lines in `text`, as table blocks (rows of cell texts)."""
    seps = [m for m in _SEPARATOR.finditer(text)]
    blocks: list[Block] = []
    run: list[tuple[str, int, int]] = []

    def close() -> None:
        rows = [r for r in split_rows(run, text=lambda cell: cell[0]) if r]
        if len(rows) >= 2:
            start, end = rows[0][0][1], rows[-1][-1][2]
            blocks.append(Block(kind="table", text=text[start:end], start=start, end=end,
                                rows=[[c[0] for c in r] for r in rows]))
        run.clear()

    for before, after in zip(seps, seps[1:]):
        raw = text[before.end():after.start()]
        if len(raw) > MAX_CELL_CHARS or TABLE_BREAK.match(_clean(raw)):
            close()
            continue
        lead = len(raw) - len(raw.lstrip())
        cleaned = _clean(raw)
        start = before.end() + lead + (raw.strip().find(cleaned) if cleaned else 0)
        run.append((cleaned, start, start + len(cleaned)))
    close()
    return blocks
