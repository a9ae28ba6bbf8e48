"""Task tables: one task per row of "Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"."""
from __future__ import annotations

import re

from theodoi.domain import BodyMention, Task
from theodoi.nlp.body_words import GROUP_NOUNS, HEADS
from theodoi.nlp.dates import parse_deadline

COLUMN_KINDS = (  # checked in this order: "Tiến độ trình" is a deadline, "Cơ quan trình" a lead
    ("task", re.compile(r"nhiệm vụ|nội dung|tên|công việc|đề án|dự án|luật", re.I)),
    ("support", re.compile(r"phối hợp|tham gia", re.I)),
    ("deadline", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)),
    ("lead", re.compile(r"chủ trì|thực hiện|trình|chịu trách nhiệm", re.I)),
    ("number", re.compile(r"^\s*(?:stt|tt|số\s+thứ\s+tự|số\s+tt)\s*\.?\s*$", re.I)),
)
# First words of a body's name; a piece of a cell after a comma that opens otherwise goes on
# the name before it ("Ủy ban Quốc phòng, An ninh và Đối ngoại").
NAME_OPENERS = HEADS | GROUP_NOUNS | {(w,) for w in ("các", "những", "mttq", "thủ", "lãnh", "giám", "chủ", "người")}


def _opens_name(name: str) -> bool:
    words = tuple(name.lower().split())
    return any(words[:len(seq)] == seq for seq in NAME_OPENERS)


def column_kinds(header: list[str]) -> dict[str, list[int]]:
    """Column indexes of a task table's header row, by kind (a table may have two lead columns)."""
    cols: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        for kind, pattern in COLUMN_KINDS:
            if pattern.search(cell or "") and (kind in ("lead", "support") or kind not in cols):
                cols.setdefault(kind, []).append(i)
                break
    return cols


def split_names(cell: str, base: int) -> list[BodyMention]:
    """The bodies of a table cell: "Bộ Tài chính, các Ủy ban của Quốc hội" → two names."""
    out: list[BodyMention] = []
    for m in re.finditer(r"[^;,\n]+", cell):
        name = m.group(0).strip(" -–.")
        if len(name) <= 1:
            continue
        bare_kind = name.islower() and tuple(name.split()) in GROUP_NOUNS  # "UBND các huyện, thành phố"
        if out and (bare_kind and " các " in f" {out[-1].text.lower()} "
                    or not _opens_name(name) and not name.split()[0].isupper()):
            prev = out[-1]
            out[-1] = BodyMention(cell[prev.start - base:m.end()].strip(" -–."), prev.start, base + m.end())
        else:
            out.append(BodyMention(name, base + m.start(), base + m.end()))
    return out


def _cells(row: list[str], indexes: list[int]) -> list[str]:
    return [row[i] or "" for i in indexes if i < len(row)]


def table_tasks(text: str, block, doc_date=None) -> list[Task]:
    """One task per row of a task table (Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian)."""
    tasks = []
    cols: dict[str, list[int]] = {}
    cursor = block.start
    for row in block.rows:
        found = column_kinds(row)
        if "task" in found and ("lead" in found or "deadline" in found):
            cols = found
            continue
        if not cols or len(row) <= cols["task"][0]:
            continue
        cell = (row[cols["task"][0]] or "").strip()
        if len(cell.split()) < 2:
            continue
        at = text.find(cell, cursor, block.end + 1)
        start = at if at >= 0 else block.start
        cursor = start + len(cell) if at >= 0 else cursor
        lead = [n for c in _cells(row, cols.get("lead", [])) for n in split_names(c, start)]
        support = [n for c in _cells(row, cols.get("support", [])) for n in split_names(c, start)]
        deadline_cell = " ".join(_cells(row, cols.get("deadline", []))).strip()
        number = " ".join(_cells(row, cols.get("number", [])[:1])).strip().rstrip(".") or None
        task = Task(text=cell, start=start, end=start + len(cell), lead=lead, support=support,
                    component="theodoi_tasks.table", confidence=0.9, label=number)
        if deadline_cell:
            task.deadline = parse_deadline(deadline_cell, doc_date)
        tasks.append(task)
    return tasks
