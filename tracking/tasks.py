"""Task listings for officers: filter by agency, status and due window, as of a day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from theodoi.nlp.agencies import canonical, current_owner, group_members
from theodoi.store import repo
from theodoi.store.models import Task, TaskBody
from theodoi.tracking.rollup import children_summary
from theodoi.tracking.status import TaskState, task_state
from theodoi.vietnamese import fold


@dataclass
class TaskView:
    """A task with its derived state, ready for a page, a table or JSON."""

    task: Task
    state: TaskState
    owners: list[str]  # the lead bodies under the names that own them today (after mergers)
    children: dict[str, int] = field(default_factory=dict)  # plan tasks under it, by status


def body_owner(body: TaskBody, on: dt.date | None) -> str:
    """The canonical body that owns a task of `body` today, after any merger."""
    name = body.canonical or canonical(body.text) or body.text
    return current_owner(name, on=on or dt.date.today())


def matches_agency(task: Task, agency: str, as_of: dt.date | None = None) -> bool:
    """Whether `agency` (as typed: "Sở TT&TT", "so thong tin") names a lead or support body
    of the task, under its written, canonical or present-day name, or is a member of a
    group the task is given to ("các sở, ban, ngành" covers "Sở Y tế")."""
    wanted = {fold(agency)}
    resolved = canonical(agency)
    if resolved:
        wanted.add(fold(resolved))
    for body in task.bodies:
        names = {fold(body.text), fold(body.canonical or ""), fold(body_owner(body, as_of))}
        if any(w and any(w == n or (len(w) > 3 and w in n) for n in names if n) for w in wanted):
            return True
        if body.is_group and _group_covers(body, wanted, as_of):
            return True
    return False


def _group_covers(body: TaskBody, wanted: set[str], as_of: dt.date | None) -> bool:
    """Whether a group ("các sở, ban, ngành") covers the wanted body (or the body that has
    taken over its duties): a task given to every Sở is also each Sở's task."""
    members = set()
    for member in group_members(body.text):
        members |= {fold(member), fold(current_owner(member, on=as_of or dt.date.today()))}
    return any(w == m or w.startswith(m + " ") for w in wanted for m in members)


def in_status(state: TaskState, status: str) -> bool:
    """Whether a task in `state` is listed under `status` (a recorded status or "overdue");
    "open" also holds overdue tasks that are still open, as officers expect."""
    return state.display == status or state.recorded == status


def list_tasks(session: Session, *, agency: str | None = None, status: str | None = None,
               as_of: dt.date | None = None, due_before: dt.date | None = None,
               document_id: int | None = None) -> list[TaskView]:
    """Stored tasks with their state as of a day, filtered.

    `status` is a recorded status (open, in_progress, done, ...) or "overdue" (see `in_status`).
    """
    as_of = as_of or dt.date.today()
    tasks = repo.all_tasks(session)
    states = {task.id: task_state(task, as_of) for task in tasks}
    child_states: dict[int, list[TaskState]] = {}
    for task in tasks:
        if task.parent_task_id is not None:
            child_states.setdefault(task.parent_task_id, []).append(states[task.id])
    views = []
    for task in tasks:
        if document_id is not None and task.document_id != document_id:
            continue
        if agency and not matches_agency(task, agency, as_of):
            continue
        if due_before and not (task.due and task.due <= due_before):
            continue
        state = states[task.id]
        if status and not in_status(state, status):
            continue
        owners = [body_owner(b, as_of) for b in task.lead]
        children = children_summary(child_states[task.id]) if task.id in child_states else {}
        views.append(TaskView(task=task, state=state, owners=owners, children=children))
    return views
