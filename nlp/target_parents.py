"""The target each task of a plan serves: `task.target`, read from the plan's section structure.

The document is read as a tree of units (`sections.split_units`: numbered items nest by depth;
a plain line ending with ":" or with no full stop, "Nhiệm vụ:", "Chỉ tiêu năm 2026", heads the
items under it; a table is one unit, its rows apart).
A task's parent target is found walking from the task's unit up to the top:

- a heading above the task that states a target itself ("1. Phấn đấu đến năm 2027, 100% xã
  có ...:" with tasks a), b) under it) gives it;
- else the nearest goal unit before the task or before one of its headings, at the same level
  ("Mục tiêu: ..." then "Nhiệm vụ: 1. ..."; "II. CHỈ TIÊU" then "III. NHIỆM VỤ"; a line "- Phấn
  đấu 100% ..." then the task lines under the same heading). A goal unit is a section whose
  targets no task naming a body serves (or headed "Mục tiêu" / "Chỉ tiêu"), or a single line
  that opens on a goal ("Phấn đấu", "Đến năm 2027", "Chỉ tiêu") and names no body; the search
  stops at a section of its own that holds tasks, so the goals of one section are not handed
  to the next one's tasks;
- in a table, the nearest row before the task's row that states a target, leaves most cells
  empty and holds no task naming a body (a goal row, itself parent of nothing above it).

Where the unit found states several targets, the task takes the one whose indicator shares
the most wording with it (at least two syllable pairs and 40% of the indicator's, ahead of
every other), or none, when the task states a figure of its own. A target in the task's own
sentence is not its parent.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from theodoi.domain import Block, Target, Task
from theodoi.nlp.components.sections import split_units
from theodoi.vietnamese import compare_key

_GOAL_HEAD = re.compile(r"[\W\d_]*(?:[IVX]+\W+)?(?:mục\s+tiêu|chỉ\s+tiêu)", re.I)
_GOAL_LINE = re.compile(_GOAL_HEAD.pattern + r"|[\W\d_]*(?:phấn\s+đấu|(?:đến|tới)(?:\s+(?:hết|cuối))?\s+năm\s+\d{4}"
                        r"|giai\s+đoạn\s+\d{4})", re.I)
_ENDS_SENTENCE = re.compile(r"[.;!?…][\"'”)\]*_]*\s*$")  # a line that does not end so is a heading
MIN_SHARED_PAIRS = 2  # syllable pairs an indicator shares with a task to tell several targets apart
MIN_SHARED_SHARE = 0.4  # ... and the share of the indicator's pairs they make


@dataclass
class _Unit:
    start: int
    end: int
    depth: float | None
    content_start: int
    heads: bool = False  # a line that ends with ":" or no stop: it heads the units under it
    rows: list[tuple[int, int]] = field(default_factory=list)  # a table's rows
    parent: int | None = None
    children: list[int] = field(default_factory=list)


def _units(text: str, blocks: list[Block]) -> list[_Unit]:
    """The units of `text` in order, each table one unit with its rows."""
    tables = sorted((b for b in blocks if b.kind == "table" and b.end > b.start), key=lambda b: b.start)
    units = [_Unit(s, e, sec.depth, sec.content_start, heads=not _ENDS_SENTENCE.search(text[s:e]))
             for s, e, sec in split_units(text)
             if not any(t.start <= s < t.end for t in tables)]
    for table in tables:
        rows, pos = [], table.start
        for line in text[table.start:table.end].split("\n"):
            if line.strip():
                rows.append((pos, pos + len(line)))
            pos += len(line) + 1
        units.append(_Unit(table.start, table.end, None, table.start, rows=rows))
    return sorted(units, key=lambda u: u.start)


def _build_tree(units: list[_Unit]) -> None:
    """Set each unit's parent: the nearest item of lower depth, or the line heading a list; a
    paragraph's, the nearest item that heads (not one ending on a full stop)."""
    stack: list[int] = []
    level: dict[int, float | None] = {}  # a heading line's level is set by the first item under it

    def attach(i: int) -> None:
        units[i].parent = stack[-1] if stack else None
        if stack:
            units[stack[-1]].children.append(i)

    for i, unit in enumerate(units):
        if unit.depth is None:  # a paragraph ends a heading line's list, and goes on after an item's sentence
            while stack and (units[stack[-1]].depth is None or not units[stack[-1]].heads):
                stack.pop()
            attach(i)
            if unit.heads:
                stack.append(i)
                level[i] = None
            continue
        if stack and units[stack[-1]].depth is None and level[stack[-1]] is None:
            below = next((level[j] for j in reversed(stack[:-1])), None)
            if below is None or unit.depth > below:
                level[stack[-1]] = unit.depth - 0.01
            else:
                stack.pop()
        while stack and level[stack[-1]] >= unit.depth:
            stack.pop()
        attach(i)
        stack.append(i)
        level[i] = unit.depth


def _assigns(task: Task) -> bool:
    """A task that names who does it (a goal line read as a task names no one; its horizon,
    "đến năm 2027", may read as a deadline)."""
    return bool(task.lead)


def _pairs(text: str) -> set[tuple[str, str]]:
    words = compare_key(text).split()
    return set(zip(words, words[1:]))


def _pick(targets: list[int], all_targets: list[Target], task: Task) -> int | None:
    """The one target, or the one whose indicator shares most wording with the task (none for a
    task that states a figure of its own: it is measured by it)."""
    if len(targets) == 1:
        return targets[0]
    if any(t.start < task.end and task.start < t.end for t in all_targets):
        return None
    words = _pairs(task.text)
    scored = sorted(((len(pairs & words) / len(pairs), len(pairs & words), i) for i in targets
                     for pairs in [_pairs(all_targets[i].indicator)] if pairs), reverse=True)
    if not scored or scored[0][1] < MIN_SHARED_PAIRS or scored[0][0] < MIN_SHARED_SHARE:
        return None
    return scored[0][2] if len(scored) == 1 or scored[1][0] < scored[0][0] else None


class _Reader:
    def __init__(self, text: str, blocks: list[Block], tasks: list[Task], targets: list[Target]):
        self.text, self.tasks, self.targets = text, tasks, targets
        self.units = _units(text, blocks)
        _build_tree(self.units)
        self.starts = [u.start for u in self.units]
        self._subtrees: dict[int, list[list[int]]] = {}
        self.roots = [j for j, u in enumerate(self.units) if u.parent is None]
        self.unit_tasks = self._spread([t.start for t in tasks])
        self.unit_assigning = [[n for n in found if _assigns(tasks[n])] for found in self.unit_tasks]
        self.unit_targets = self._spread([t.start for t in targets])

    def _spread(self, starts: list[int]) -> list[list[int]]:
        """Indexes of the items starting in each unit."""
        out: list[list[int]] = [[] for _ in self.units]
        for n, start in enumerate(starts):
            u = self.unit_at(start)
            if u is not None:
                out[u].append(n)
        return out

    def unit_at(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos <= self.units[i].end else None

    def subtree(self, i: int, of: list[list[int]]) -> list[int]:
        """The items of `of` in unit i and every unit under it (worked out once per list)."""
        key = id(of)
        if key not in self._subtrees:
            whole: list[list[int]] = [list(found) for found in of]
            for j in reversed(range(len(self.units))):  # children come after their parent
                parent = self.units[j].parent
                if parent is not None:
                    whole[parent][:0] = whole[j]
            self._subtrees[key] = whole
        return self._subtrees[key][i]

    def is_goal(self, i: int) -> bool:
        """A section whose targets no task of its own serves (or headed "Mục tiêu", "Chỉ tiêu"),
        or a single line that states a goal ("Phấn đấu ...", "Đến năm 2027, ...")."""
        unit = self.units[i]
        if not self.subtree(i, self.unit_targets) or unit.rows:
            return False
        opening = self.text[unit.content_start:unit.end]
        if not unit.children:
            return not self.unit_assigning[i] and bool(_GOAL_LINE.match(opening))
        return not self.subtree(i, self.unit_assigning) or bool(_GOAL_HEAD.match(opening))

    def goal_before(self, i: int) -> int | None:
        """The nearest goal unit before `i` among its siblings, unless a section holding tasks
        stands between."""
        parent = self.units[i].parent
        siblings = self.units[parent].children if parent is not None else self.roots
        for j in reversed(siblings[:siblings.index(i)]):
            if self.is_goal(j):
                return j
            if (self.units[j].children or self.units[j].rows) and self.subtree(j, self.unit_tasks):
                return None
        return None

    def in_table(self, i: int, task: Task) -> int | None:
        """The nearest row before the task's row that states a target and no task."""
        rows = self.units[i].rows
        here = rows.index(self.row_of(i, task))
        for n in range(here - 1, -1, -1):
            targets = self.row_targets(i, *rows[n])
            if targets:
                return _pick(targets, self.targets, task)
        return None

    def row_of(self, i: int, task: Task) -> tuple[int, int]:
        """The span of the table row the task starts in."""
        rows = self.units[i].rows
        return next(((s, e) for s, e in rows if s <= task.start <= e), rows[0])

    def row_targets(self, i: int, start: int, end: int) -> list[int]:
        """The targets a table row states when it is a row of the table's goals: most of its cells
        empty (a group row) and no task naming a body."""
        cells = self.text[start:end].split("|")
        if sum(bool(c.strip()) for c in cells) * 2 > len(cells) or any(
                start <= t.start < end and _assigns(t) for t in self.tasks):
            return []
        return [n for n in self.unit_targets[i] if start <= self.targets[n].start < end]

    def parent(self, task: Task) -> int | None:
        i = self.unit_at(task.start)
        if i is None:
            return None
        if self.units[i].rows:
            if self.row_targets(i, *self.row_of(i, task)):
                return None  # a goal row read as a task
            found = self.in_table(i, task)
            if found is not None:
                return found
        own = True
        while i is not None:
            if not own and self.unit_targets[i]:
                return _pick(self.unit_targets[i], self.targets, task)
            if not (own and self.is_goal(i)):
                goal = self.goal_before(i)
                if goal is not None:
                    return _pick(self.subtree(goal, self.unit_targets), self.targets, task)
            if not own and _GOAL_HEAD.match(self.text[self.units[i].content_start:self.units[i].end]):
                return None  # a task inside a goal section serves no other goal
            i, own = self.units[i].parent, False
        return None


def assign_target_parents(text: str, blocks: list[Block], tasks: list[Task], targets: list[Target]) -> None:
    """Set `task.target` for each task of `tasks` that serves one of `targets` (None otherwise)."""
    if not tasks or not targets:
        return
    reader = _Reader(text, blocks, tasks, targets)
    for task in tasks:
        found = reader.parent(task)
        task.target = targets[found] if found is not None else None
