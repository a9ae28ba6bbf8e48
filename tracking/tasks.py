"""Task listings for officers: filter by agency, status and due window, as of a day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import ColumnElement, and_
from sqlalchemy.orm import Session

from theodoi.nlp.agencies import agency_key, canonical, current_owner, group_members, resolve
from theodoi.store import repo
from theodoi.store.models import Document, Task, TaskBody
from theodoi.tracking.rollup import children_summary
from theodoi.tracking.status import TaskState, task_state


@dataclass
class TaskView:
    """A task with its derived state, ready for a page, a table or JSON."""

    task: Task
    state: TaskState
    owners: list[str]  # the lead bodies under the names that own them today (after mergers)
    children: dict[str, int] = field(default_factory=dict)  # plan tasks under it, by status
    role: str | None = None  # how the task concerns the agency filtered on: lead, support, group


def body_owner(body: TaskBody, on: dt.date | None) -> str:
    """The canonical body that owns a task of `body` today, after any merger."""
    name = body.canonical or canonical(body.text) or body.text
    return current_owner(name, on=on or dt.date.today())


AGENCY_ROLES = ("lead", "support", "group")  # the order a task's roles for one agency are told in


def agency_keys(names: Iterable[str], as_of: dt.date | None = None, *, successors: bool = False) -> frozenset[str]:
    """The keys of agencies as typed ("Sở TT&TT", "so noi vu"), read through the gazetteer;
    with `successors`, also the keys of the bodies that hold their duties on `as_of`."""
    keys = set()
    for name in names:
        if not name or not name.strip():
            continue
        resolved = resolve(name) or name.strip()
        keys.add(agency_key(resolved))
        if successors:
            keys.add(agency_key(current_owner(resolved, on=as_of or dt.date.today())))
    return frozenset(keys)


def _same_body(a: str, b: str) -> bool:
    """Two keys name the same body: equal, or one is the other followed by its place
    ("so tai chinh" and "so tai chinh tinh long an")."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def agency_role(task: Task, wanted: frozenset[str], as_of: dt.date | None = None) -> str | None:
    """How the task concerns one of the `wanted` agencies (keys from `agency_keys`): "lead",
    "support", "group" (it is given to a group that covers the agency: "các sở, ban, ngành"
    covers "Sở Y tế"), or None. A body matches under its canonical name or under the name
    of the body that holds its duties today; the task's wording is never searched."""
    roles = set()
    for body in task.bodies:
        if body.is_group:
            if _group_covers(body, wanted, as_of):
                roles.add("group")
            continue
        names = {agency_key(body.canonical or resolve(body.text) or body.text), agency_key(body_owner(body, as_of))}
        if any(_same_body(n, w) for n in names for w in wanted):
            roles.add(body.role)
    return next((role for role in AGENCY_ROLES if role in roles), None)


def _group_covers(body: TaskBody, wanted: frozenset[str], as_of: dt.date | None) -> bool:
    """Whether a group ("các sở, ban, ngành") covers the wanted body (or the body that has
    taken over its duties): a task given to every Sở is also each Sở's task."""
    members = set()
    for member in group_members(body.text):
        members |= {agency_key(member), agency_key(current_owner(member, on=as_of or dt.date.today()))}
    return any(w == m or w.startswith(m + " ") for w in wanted for m in members)


def in_status(state: TaskState, status: str) -> bool:
    """Whether a task in `state` is listed under `status` (a recorded status or "overdue");
    "open" also holds overdue tasks that are still open, as officers expect."""
    return state.display == status or state.recorded == status


def _wanted(agency: str | None, scope: Iterable[str] | None, as_of: dt.date) -> frozenset[str] | None:
    """The agency keys a listing asks for: the body typed and an officer's agencies with their
    successors; None for every agency."""
    wanted = agency_keys([agency], as_of) if agency else None
    if scope is not None:
        wanted = (wanted or frozenset()) | agency_keys(scope, as_of, successors=True)
    return wanted


def count_tasks(session: Session, *, agency: str | None = None, as_of: dt.date | None = None,
                due_before: dt.date | None = None, scope: Iterable[str] | None = None,
                documents: ColumnElement[bool] | None = None) -> int:
    """How many tasks `list_tasks` gives with these filters (and no status), without reading
    their documents and histories."""
    as_of = as_of or dt.date.today()
    wanted = _wanted(agency, scope, as_of)
    if wanted is None:
        return repo.count_tasks(session, documents, due_before)
    return sum(agency_role(task, wanted, as_of) is not None
               for task in repo.tasks_with_bodies(session, documents, due_before))


def list_tasks(session: Session, *, agency: str | None = None, status: str | None = None,
               as_of: dt.date | None = None, due_before: dt.date | None = None,
               document_id: int | None = None, scope: Iterable[str] | None = None,
               documents: ColumnElement[bool] | None = None) -> list[TaskView]:
    """Stored tasks with their state as of a day, filtered.

    `agency` is one body as typed (see `agency_role`); `scope` the agencies of an officer,
    with their successors after a merger; `documents` a condition on the documents whose
    tasks are read (the tracked ones, say), put to the database. `status` is a recorded status (open, in_progress, done, ...) or "overdue" (see
    `in_status`).
    """
    as_of = as_of or dt.date.today()
    wanted = _wanted(agency, scope, as_of)
    if document_id is not None:
        documents = Document.id == document_id if documents is None else and_(documents, Document.id == document_id)
    tasks = repo.all_tasks(session, documents)
    states: dict[int, TaskState] = {}  # worked out only for the tasks listed and their children

    def state_of(task: Task) -> TaskState:
        if task.id not in states:
            states[task.id] = task_state(task, as_of)
        return states[task.id]

    children_of: dict[int, list[Task]] = {}
    # the children of a plan's tasks may stand in documents the condition leaves out
    for task in tasks if documents is None else repo.all_tasks(session, documents, children=True):
        if task.parent_task_id is not None:
            children_of.setdefault(task.parent_task_id, []).append(task)
    views = []
    for task in tasks:
        role = agency_role(task, wanted, as_of) if wanted is not None else None
        if wanted is not None and role is None:
            continue
        if due_before and not (task.due and task.due <= due_before):
            continue
        state = state_of(task)
        if status and not in_status(state, status):
            continue
        owners = [body_owner(b, as_of) for b in task.lead]
        children = children_summary([state_of(c) for c in children_of[task.id]]) if task.id in children_of else {}
        views.append(TaskView(task=task, state=state, owners=owners, children=children, role=role))
    return views
