"""Task listings for officers: filter by agency, status and due window, as of a day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from sqlalchemy import ColumnElement, and_
from sqlalchemy.orm import Session

from theodoi.nlp.agencies import agency_key, canonical, current_owner, group_members, resolve
from theodoi.store import task_rows
from theodoi.store.models import Document, Task, TaskBody
from theodoi.tracking.rollup import children_summary
from theodoi.tracking.status import Decision, TaskState, decided_state, task_state


@dataclass
class TaskView:
    """A task with its derived state, ready for a page, a table or JSON. In the listings'
    rows (`listed_views`) `task` is a ListedTask, until `full_views` loads the rows shown."""

    task: "Task | ListedTask"
    state: TaskState
    owners: list[str]  # the lead bodies under the names that own them today (after mergers)
    children: dict[str, int] = field(default_factory=dict)  # plan tasks under it, by status
    role: str | None = None  # how the task concerns the agency filtered on: lead, support, group


@dataclass(frozen=True, slots=True)
class ListedDocument:
    """What a listing sorts on of a task's document."""

    id: int
    date: dt.date | None
    number: str | None


@dataclass(frozen=True, slots=True)
class ListedTask:
    """What a listing filters, counts and sorts on of a task, read without loading it."""

    id: int
    document_id: int
    ordinal: int
    due: dt.date | None
    deadline_kind: str | None
    document: ListedDocument


def owner_of(canonical_name: str | None, text: str, on: dt.date | None) -> str:
    """The canonical body that owns today the tasks of a body (canonical name, text as
    written), after any merger."""
    name = canonical_name or canonical(text) or text
    return current_owner(name, on=on or dt.date.today())


def body_owner(body: TaskBody, on: dt.date | None) -> str:
    """The canonical body that owns a task of `body` today, after any merger."""
    return owner_of(body.canonical, body.text, on)


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
    as_of = as_of or dt.date.today()
    roles = {body_role(b.role, b.canonical, b.text, b.is_group, wanted, as_of) for b in task.bodies}
    return next((role for role in AGENCY_ROLES if role in roles), None)


@lru_cache(maxsize=100_000)
def body_role(role: str, canonical_name: str | None, text: str, is_group: bool, wanted: frozenset[str],
              as_of: dt.date) -> str | None:
    """How one body of a task concerns the `wanted` agencies: its `role` when it names one of
    them, "group" when it is a group covering one, else None. Cached: a collection names the
    same few bodies over and over."""
    if is_group:
        return "group" if _group_covers(text, wanted, as_of) else None
    names = {agency_key(canonical_name or resolve(text) or text), agency_key(owner_of(canonical_name, text, as_of))}
    return role if any(_same_body(n, w) for n in names for w in wanted) else None


def _group_covers(text: str, wanted: frozenset[str], as_of: dt.date) -> bool:
    """Whether a group ("các sở, ban, ngành") covers the wanted body (or the body that has
    taken over its duties): a task given to every Sở is also each Sở's task."""
    members = set()
    for member in group_members(text):
        members |= {agency_key(member), agency_key(current_owner(member, on=as_of))}
    return any(w == m or w.startswith(m + " ") for w in wanted for m in members)


def in_status(state: TaskState, status: str) -> bool:
    """Whether a task in `state` is listed under `status` (a recorded status or "overdue");
    "open" also holds overdue tasks that are still open, as officers expect."""
    return state.display == status or state.recorded == status


def wanted_keys(agency: str | None, scope: Iterable[str] | None, as_of: dt.date) -> frozenset[str] | None:
    """The agency keys a listing asks for: the body typed and an officer's agencies with their
    successors; None for every agency."""
    wanted = agency_keys([agency], as_of) if agency else None
    if scope is not None:
        wanted = (wanted or frozenset()) | agency_keys(scope, as_of, successors=True)
    return wanted


def _roles(bodies, wanted: frozenset[str], as_of: dt.date) -> dict[int, str]:
    """Task id → how the task concerns the wanted agencies (see `agency_role`), for the tasks
    of `bodies` (rows of store.task_rows.body_rows) that concern them."""
    found: dict[int, set[str | None]] = {}
    for body in bodies:
        found.setdefault(body.task_id, set()).add(
            body_role(body.role, body.canonical, body.text, body.is_group, wanted, as_of))
    return {task_id: role for task_id, roles in found.items()
            if (role := next((r for r in AGENCY_ROLES if r in roles), None)) is not None}


def listed_views(session: Session, *, as_of: dt.date, agency: str | None = None, due_before: dt.date | None = None,
                 scope: Iterable[str] | None = None, documents: ColumnElement[bool] | None = None) -> list[TaskView]:
    """The rows of `list_tasks` (before its status filter) with their state and owners, read
    in two queries without loading the tasks: enough to count, filter, sort and page them;
    `full_views` loads the rows a page shows."""
    wanted = wanted_keys(agency, scope, as_of)
    bodies = task_rows.body_rows(session, documents, due_before)
    owners: dict[int, list[str]] = {}
    for body in bodies:
        if body.role == "lead":
            owners.setdefault(body.task_id, []).append(owner_of(body.canonical, body.text, as_of))
    roles = _roles(bodies, wanted, as_of) if wanted is not None else None
    views = []
    for row in task_rows.state_rows(session, as_of, documents, due_before):
        role = roles.get(row.id) if roles is not None else None
        if roles is not None and role is None:
            continue
        task = ListedTask(row.id, row.document_id, row.ordinal, row.due, row.deadline_kind,
                          ListedDocument(row.document_id, row.date, row.number))
        decision = Decision(row.status, row.created_at) if row.status is not None else None
        views.append(TaskView(task=task, state=decided_state(decision, row.due, row.deadline_kind, as_of),
                              owners=owners.get(row.id, []), role=role))
    return views


def full_views(session: Session, views: list[TaskView], as_of: dt.date) -> list[TaskView]:
    """The same rows with their tasks loaded (document, bodies, history), the state worked
    out from the history, and the summary of their plan tasks (children)."""
    ids = [view.task.id for view in views]
    tasks = task_rows.tasks_by_id(session, ids)
    children_of: dict[int, list[Task]] = {}
    for child in task_rows.child_tasks(session, ids):
        children_of.setdefault(child.parent_task_id, []).append(child)
    full = []
    for view in views:
        task = tasks[view.task.id]
        children = children_of.get(task.id)
        full.append(TaskView(task=task, state=task_state(task, as_of), owners=[body_owner(b, as_of) for b in task.lead],
                             children=children_summary([task_state(c, as_of) for c in children]) if children else {},
                             role=view.role))
    return full


def list_tasks(session: Session, *, agency: str | None = None, status: str | None = None,
               as_of: dt.date | None = None, due_before: dt.date | None = None,
               document_id: int | None = None, scope: Iterable[str] | None = None,
               documents: ColumnElement[bool] | None = None) -> list[TaskView]:
    """Stored tasks with their state as of a day, filtered.

    `agency` is one body as typed (see `agency_role`); `scope` the agencies of an officer,
    with their successors after a merger; `documents` a condition on the documents whose
    tasks are read (the tracked ones, say), put to the database. `status` is a recorded
    status (open, in_progress, done, ...) or "overdue" (see `in_status`).
    """
    as_of = as_of or dt.date.today()
    if document_id is not None:
        documents = Document.id == document_id if documents is None else and_(documents, Document.id == document_id)
    views = listed_views(session, as_of=as_of, agency=agency, due_before=due_before, scope=scope, documents=documents)
    return full_views(session, [view for view in views if not status or in_status(view.state, status)], as_of)
