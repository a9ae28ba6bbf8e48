"""What the index knows about one document: plain data, built from the store."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class IndexTask:
    """One task of a document as the task index sees it: its text, lead and support
    bodies (as written and canonical), current status and due date."""

    id: int
    text: str
    leads: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    status: str = "open"
    due: dt.date | None = None
    deadline_text: str | None = None


@dataclass
class IndexDocument:
    """One stored document as the search index sees it.

    `agencies` holds the lead and support bodies of its tasks, as written and canonical;
    `task_statuses` the current status of each task; `deadlines` their due dates; `tasks`
    the tasks themselves, for task search.
    """

    id: int
    text: str
    number: str | None = None
    kind: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    title: str | None = None
    file_name: str | None = None
    agencies: list[str] = field(default_factory=list)
    task_statuses: list[str] = field(default_factory=list)
    deadlines: list[dt.date] = field(default_factory=list)
    tasks: list[IndexTask] = field(default_factory=list)
