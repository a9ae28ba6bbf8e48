"""Task rows written as lines: an item followed by labelled lines that are the cells of its row.

    1.1. Xây dựng quy chế phối hợp ...
    - Thời gian hoàn thành: tháng 8/2026
    - Đơn vị chủ trì: Phòng Tổng hợp
    - Đơn vị phối hợp: Phòng Kế toán, các tổ công tác
    - Kết quả: Quy chế được ban hành.

The labelled lines are not tasks. Their lead and support (and their time, for a task that names
none of its own) go to the tasks above them, back to the previous such lines or the heading of a
part ("II. ..."): items that share one block of lines all take it. An item that names its own
subject keeps it ("Hội Nông dân xã phối hợp ..."), and a support it names is kept beside its lines'.
"""
from __future__ import annotations

import re

from theodoi.domain import Task
from theodoi.nlp.tasks.table_columns import cell_deadline, split_names

FIELD = re.compile(r"^[ \t]*[-+•*]?[ \t]*(?P<label>(?:(?:đơn\s+vị|cơ\s+quan|bộ\s+phận|người)\s+)?(?:chủ\s+trì|phối\s+hợp"
                   r"|thực\s+hiện|phụ\s+trách)|thời\s+(?:gian|hạn)(?:\s+hoàn\s+thành|\s+thực\s+hiện)?|kết\s+quả"
                   r"|sản\s+phẩm)[ \t]*:[ \t]*(?P<value>[^\n]*)$", re.I | re.M)
PART = re.compile(r"^[ \t]*[IVX]{1,5}\.[ \t]+\S", re.M)  # "II. NỘI DUNG ...": a part of the document


def _kind(label: str) -> str | None:
    label = " ".join(label.lower().split())
    if label.endswith(("chủ trì", "thực hiện", "phụ trách")) and not label.startswith("thời"):
        return "lead"
    if label.endswith("phối hợp"):
        return "support"
    if label.startswith("thời"):
        return "deadline"
    return None  # "Kết quả", "Sản phẩm": what comes out, read by nobody here


def _blocks(text: str) -> list[tuple[int, int, dict]]:
    """(start, end, {kind: (value, where)}) of each run of labelled lines in `text`."""
    blocks: list[tuple[int, int, dict]] = []
    for m in FIELD.finditer(text):
        kind = _kind(m.group("label"))
        if blocks and not text[blocks[-1][1]:m.start()].strip():
            start, _, fields = blocks.pop()
        else:
            start, fields = m.start(), {}
        if kind and m.group("value").strip() and kind not in fields:
            fields[kind] = (m.group("value").strip(), m.start("value"))
        blocks.append((start, m.end(), fields))
    return [b for b in blocks if "lead" in b[2]]


def apply_field_rows(text: str, tasks: list[Task], doc_date=None) -> list[Task]:
    """`tasks` with the labelled lines under items read as the cells of their rows."""
    blocks = _blocks(text)
    if not blocks:
        return tasks
    kept = [t for t in tasks if not any(s <= t.start < e for s, e, _ in blocks)]
    previous = 0
    for start, end, fields in blocks:
        part = max((m.start() for m in PART.finditer(text, previous, start)), default=previous)
        value, at = fields["lead"]
        lead = split_names(value, at)
        support = split_names(*fields["support"]) if "support" in fields else []
        for task in kept:
            if not part <= task.start < start:
                continue
            line_start = text.rfind("\n", 0, task.start) + 1
            if not any(line_start <= b.start < task.end for b in task.lead):  # "Hội Nông dân xã phối hợp ...": its own
                task.lead = list(lead)
            own = [s for s in task.support if task.start <= s.start < task.end]
            task.support = own + [s for s in support if s.text not in {o.text for o in own}]
            if "deadline" in fields and (task.deadline is None or task.deadline.start is None
                                         or not task.start <= task.deadline.start < task.end):
                found = cell_deadline(fields["deadline"][0], doc_date)
                task.deadline = found if found is not None else task.deadline
        previous = end
    return kept

