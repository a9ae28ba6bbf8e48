"""Field lines under an item: "- Đơn vị chủ trì: X", "- Đơn vị phối hợp: Y", "- Thời gian hoàn
thành: ...", "- Kết quả: ...", "- Kinh phí: ...".

They describe the item above them and ask nothing themselves. The bodies of a lead or support
field go to the tasks of the item's block (`FieldBlock`: back to the previous group of fields,
a lead-in ending with ":", a title in capitals or a part of the document) whose lead was only
inherited; a task that names its own subject keeps it. (Their time is settled by
theodoi_task_deadlines.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.domain import BodyMention, Task
from theodoi.nlp.tasks.reader import TaskText

_ROLE = r"chủ trì|thực hiện|phối hợp|phụ trách|tham mưu|chịu trách nhiệm"
ITEM_FIELD = re.compile(
    rf"[*_]*(?:(?:(?:đơn vị|cơ quan|bộ phận|người)\s+(?:được giao\s+)?(?P<role>{_ROLE})|(?P<bare>chủ trì|phối hợp))"
    r"|(?:thời gian|thời hạn|tiến độ|kết quả|sản phẩm|kinh phí|nguồn kinh phí|nguồn vốn)(?:\s+[^\W\d_]+){0,2})"
    r"[*_]*\s*:\s*", re.IGNORECASE)
OWN_SUBJECT = ("cue", "subject")  # the strategies whose tasks name their own lead


def read_field(content: str) -> tuple[str | None, int] | None:
    """For a field line: (its role — "lead", "support" or None for a time, result or cost —,
    where its value starts in `content`); None for any other line."""
    m = ITEM_FIELD.match(content)
    if m is None:
        return None
    role = (m.group("role") or m.group("bare") or "").lower()
    return ("support" if role == "phối hợp" else "lead" if role else None), m.end()


def field_names(r: TaskText, start: int, end: int) -> list[BodyMention]:
    """The bodies of a field's value, cut at a comma or semicolon before a new name (capitalised or
    "các ..."); a comma before lower-case words goes on with the same one ("Đồng chí Phó Chủ tịch,
    phụ trách lĩnh vực Kinh tế và Hạ tầng" is one)."""
    text, out, a = r.text, [], start
    for cut in [m for m in re.finditer(r"\s*[,;]\s*", text[start:end])] + [None]:
        b, nxt = (start + cut.start(), start + cut.end()) if cut else (end, end)
        if cut is not None and not (text[nxt:nxt + 1].isupper() or re.match(r"(?:các|những)\s", text[nxt:end])):
            continue
        piece = text[a:b].strip()
        if piece:
            known = r.body_at(a)
            out.append(BodyMention(piece, a, a + len(piece), known.canonical if known else None,
                                   bool(known and known.is_group) or piece.lower().startswith("các ")))
        a = nxt
    return out


@dataclass
class FieldBlock:
    """The tasks of the item that the next group of field lines describes."""

    tasks: list[Task] = field(default_factory=list)
    in_fields: bool = False  # whether the last unit read was a field line

    def close(self) -> None:
        self.tasks, self.in_fields = [], False

    def read(self, r: TaskText, start: int, end: int) -> bool:
        """Read text[start:end] as a field line if it is one (True); its bodies go to the block."""
        found = read_field(r.text[start:end])
        if found is None:
            if self.in_fields:
                self.close()  # the fields of the last block are over: a new block starts
            return False
        self.in_fields = True
        role, value = found
        if role is not None:
            value_end = start + len(r.text[start:end].rstrip(" .;*_"))
            names = field_names(r, r.skip(start + value, value_end), value_end)
            for task in self.tasks:
                if role == "support":
                    task.support = task.support + [n for n in names if n.text not in {s.text for s in task.support}]
                elif not (task.lead and task.component.endswith(OWN_SUBJECT)):
                    task.lead = list(names)
        return True
