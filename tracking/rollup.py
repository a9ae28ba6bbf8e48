"""A plan's tasks under the tasks of the resolution it implements, so progress rolls up.

A Kế hoạch "thực hiện Nghị quyết số 15-NQ/TU" breaks the resolution's tasks into smaller
ones. A plan task becomes the child of the resolution task it refers to by number
("thực hiện nhiệm vụ số 3 của Nghị quyết"), else of the one whose wording it shares most
(syllable overlap at least PARENT_THRESHOLD, clearly ahead of the next one, with a
bonus when both name the same lead body). A plan task that fits none keeps no parent:
it still belongs to the resolution through the document link.
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.store.models import Document, Target, Task
from theodoi.tracking.evidence import task_work
from theodoi.tracking.labels import label_matches, referenced_labels
from theodoi.tracking.status import TaskState, task_state
from theodoi.tracking.wording import overlap

PARENT_THRESHOLD = 0.3
MARGIN = 0.08
SAME_LEAD_BONUS = 0.1


def _leads(task: Task) -> set[str]:
    return {b.canonical or b.text for b in task.lead if not b.is_group}


def parent_for(task: Task, candidates: list[Task]) -> Task | None:
    """The resolution task `task` (of the plan) carries out, or None."""
    references = referenced_labels(task.text)
    if references:
        named = [c for c in candidates if any(label_matches(c.label, r) for r in references)]
        if len(named) == 1:
            return named[0]
    scored = sorted(((overlap(task_work(task), task_work(c)) + (SAME_LEAD_BONUS if _leads(task) & _leads(c) else 0.0),
                      c.ordinal, c) for c in candidates), key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < PARENT_THRESHOLD:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return scored[0][2]


def link_plan_tasks(session: Session, plan: Document, resolution: Document) -> int:
    """Make the plan's tasks children of the resolution's tasks they carry out; return how
    many were linked. Tasks that already have a parent keep it."""
    candidates = list(session.scalars(select(Task).where(Task.document_id == resolution.id,
                                                         Task.removed_at.is_(None)).order_by(Task.ordinal)))
    if not candidates:
        return 0
    linked = 0
    for task in session.scalars(select(Task).where(Task.document_id == plan.id, Task.parent_task_id.is_(None),
                                                  Task.removed_at.is_(None))):
        parent = parent_for(task, candidates)
        if parent is not None:
            task.parent_task_id = parent.id
            linked += 1
    session.flush()
    return linked


def children_summary(states: list[TaskState]) -> dict[str, int]:
    """How a task's children stand: counts by displayed status, and "total"."""
    counts = Counter(state.display for state in states)
    return {"total": len(states), **dict(sorted(counts.items()))}


def target_summary(target: Target, as_of=None) -> dict[str, int]:
    """How the tasks serving a target (`Task.target`) stand, as `children_summary` counts them:
    a target's progress seen from its tasks' statuses."""
    return children_summary([task_state(task, as_of) for task in target.tasks])
