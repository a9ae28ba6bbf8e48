"""Rows of a progress table: "Nhiệm vụ | Cơ quan chủ trì | Thời hạn | Tiến độ / Kết quả".

A table is a progress table when a column's header names the progress ("Tình trạng", "Tình
hình thực hiện", "Kết quả", "Tiến độ thực hiện", "Đánh giá"; "Tiến độ" too when another column
holds the deadline). Each row is a task (its columns told apart as `tasks.tables` tells them,
with the progress and resource columns left out) whose `status` is the first progress column that says
something (with the date the cell gives, "Đã hoàn thành ngày 15/7/2024"): status words in the result column count when the progress column is empty. A
group row ("I. NHÓM ...") carries no status. The table's `source` is the document a caption
just above it names as assigning the tasks ("Nhiệm vụ tại Nghị quyết số 71/NQ-CP"), or the
number a "Văn bản giao" column gives for its row.
"""
from __future__ import annotations

import datetime as dt
import re

from theodoi.domain import Block, Progress, Task
from theodoi.nlp.progress import read_progress, stated_date
from theodoi.nlp.dates import parse_deadline
from theodoi.nlp.tasks.table_columns import column_kinds, split_names

_EXPECTED_HEADER = re.compile(r"dự\s+kiến|sản\s+phẩm|đầu\s+ra|cần\s+đạt|yêu\s+cầu", re.I)  # what is to come
_PROGRESS_HEADER = re.compile(r"tình\s+trạng|tình\s+hình|kết\s+quả|tiến\s+độ\s+thực\s+hiện|đánh\s+giá|mức\s+độ\s+hoàn"
                              r"|trạng\s+thái", re.I)
_PLAIN_PROGRESS = re.compile(r"^\W*tiến\s+độ\W*$", re.I)
_DEADLINE_HEADER = re.compile(r"thời\s+hạn|thời\s+gian|hạn\s+hoàn\s+thành", re.I)
_SOURCE_HEADER = re.compile(r"văn\s+bản\s+giao|nguồn\s+giao|căn\s+cứ|văn\s+bản\s+chỉ\s+đạo|theo\s+văn\s+bản", re.I)
_SKIPPED_HEADER = re.compile(r"nguồn\s+(?:lực|vốn|kinh\s+phí)|kinh\s+phí|ghi\s+chú", re.I)
_SYMBOL = re.compile(r"\d{1,5}[a-zđ]?\s*[/-]\s*[\wĐđ]+(?:[/-][\wĐđ&]+){0,3}")


def progress_columns(header: list[str]) -> list[int]:
    """The indexes of a header row's progress columns, in order ([] when it has none)."""
    has_deadline = any(_DEADLINE_HEADER.search(c or "") for c in header)
    return [i for i, c in enumerate(header) if not _EXPECTED_HEADER.search(c or "")
            and (_PROGRESS_HEADER.search(c or "") or (has_deadline and _PLAIN_PROGRESS.match(c or "")))]


_TASK_HEADER = re.compile(r"nhiệm\s+vụ|nội\s+dung|tên|công\s+việc|đề\s+án|dự\s+án|chỉ\s+tiêu", re.I)
MAX_HEADER_CELL = 80  # a header names its columns in a few words
MAX_MARK_HEADER = 30  # "Hoàn thành quá hạn": a column named by a progress value
_MARK = re.compile(r"^\s*[xX✓✔√]\s*$")


def progress_header(block: Block) -> list[list[str]] | None:
    """The header rows of a progress table (its header, and the row under it that names the
    marked columns), or None when `block` is not one."""
    head = _header_index(block)
    if head is None:
        return None
    rows = block.rows or []
    under = head + 1 < len(rows) and bool(mark_columns(rows[head + 1]))
    return rows[head:head + 2] if under else rows[head:head + 1]


def continued(block: Block, header: list[list[str]]) -> Block | None:
    """`block` read under the header rows of the progress table before it, when it has no
    header of its own and as many columns: the part of an appendix table on the next page."""
    rows = block.rows or []
    if not rows or _header_index(block) is not None or max(len(r) for r in rows) != max(len(r) for r in header):
        return None
    return Block(kind="table", text=block.text, start=block.start, end=block.end, rows=[*header, *rows],
                 page=block.page)


def mark_columns(row: list[str]) -> dict[int, str]:
    """The columns a header row names by a progress value ("Đã hoàn thành | Đang thực hiện |
    Chưa thực hiện"), where a row marks its status with "x"; {} when fewer than two."""
    marks = {}
    for i, cell in enumerate(row):
        words = " ".join((cell or "").split())
        found = read_progress(words) if 0 < len(words) <= MAX_MARK_HEADER else None
        if found:
            marks[i] = found[0]
    return marks if len(marks) >= 2 else {}


def _header_index(block: Block) -> int | None:
    """The row that heads a progress table: short cells naming the task and its progress."""
    for i, row in enumerate(block.rows or []):
        if (len(row) >= 3 and all(len(c or "") <= MAX_HEADER_CELL for c in row)
                and (progress_columns(row) or mark_columns(row))
                and any(_TASK_HEADER.search(c or "") for c in row)):
            return i
    return None


def row_status(row: list[str], columns: list[int], due: dt.date | None, as_of: dt.date | None) -> Progress | None:
    """The status the row's progress columns state, the first that says something."""
    for i in columns:
        cell = (row[i] if i < len(row) else "") or ""
        found = read_progress(" ".join(cell.split()), due, as_of)
        if found:
            return Progress(found[0], found[1], stated_date(cell))
    return None


def marked_status(row: list[str], marks: dict[int, str]) -> Progress | None:
    """The status of the column a row marks with "x", or None."""
    return next((Progress(value, row[i].strip()) for i, value in marks.items()
                 if i < len(row) and _MARK.match(row[i] or "")), None)


def _cell(row: list[str], indexes: list[int]) -> str:
    return " ".join((row[i] or "") for i in indexes if i < len(row)).strip()


def _row_task(text: str, row: list[str], cols: dict[str, list[int]], cursor: int, end: int,
              as_of: dt.date | None) -> Task | None:
    """The task of one row: its task cell, lead, support and deadline cells (the row is never
    taken for a header, whatever words its cells hold)."""
    cell = _cell(row, cols["task"][:1])
    if len(cell.split()) < 2:
        return None
    at = text.find(cell, cursor, end + 1)
    start = at if at >= 0 else cursor
    lead = [n for i in cols.get("lead", []) if i < len(row) for n in split_names(row[i] or "", start)]
    support = [n for i in cols.get("support", []) if i < len(row) for n in split_names(row[i] or "", start)]
    deadline = _cell(row, cols.get("deadline", []))
    label = _cell(row, cols.get("number", [])[:1]).rstrip(".") or None
    return Task(text=cell, start=start, end=start + len(cell), lead=lead, support=support,
                deadline=parse_deadline(deadline, as_of) if deadline else None,
                component="theodoi_reports.table", confidence=0.9, label=label)


def progress_rows(text: str, block: Block, as_of: dt.date | None, caption_source: str | None = None) -> list[Task]:
    """The tasks of a progress table, each with the status its row states (None when it says
    nothing) and its source; [] when `block` is not a progress table."""
    head = _header_index(block)
    if head is None:
        return []
    header = block.rows[head]
    columns = progress_columns(header)
    marks = mark_columns(header)
    if not marks and head + 1 < len(block.rows) and mark_columns(block.rows[head + 1]):
        head += 1  # a second header row under "Kết quả thực hiện": Đã hoàn thành | Đang thực hiện | ...
        marks = mark_columns(block.rows[head])
    hidden = set(columns) | set(marks) | {i for i, c in enumerate(header) if _SKIPPED_HEADER.search(c or "")}
    sources = [i for i, c in enumerate(header) if _SOURCE_HEADER.search(c or "")]
    hidden |= set(sources)
    cols = column_kinds(["" if i in hidden else c for i, c in enumerate(header)])
    if "task" not in cols:
        return []
    out: list[Task] = []
    cursor = block.start
    for row in block.rows[head + 1:]:
        if len([c for c in row if (c or "").strip()]) * 2 < len(header):
            continue  # a group row ("I | NHÓM ...") or a note across the table
        task = _row_task(text, row, cols, cursor, block.end, as_of)
        if task is None:
            continue
        cursor = max(cursor, task.end)
        task.status = (row_status(row, columns, task.deadline.due if task.deadline else None, as_of)
                       or marked_status(row, marks))
        if task.status is None:
            continue  # a row that states no progress (or text run into the table) is not read here
        cell_source = next((m.group(0) for i in sources if i < len(row) for m in [_SYMBOL.search(row[i] or "")] if m),
                           None)
        task.source = cell_source or caption_source
        out.append(task)
    return out
