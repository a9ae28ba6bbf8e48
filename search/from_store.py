"""Turn a stored document (store.models.Document) into an IndexDocument."""
from __future__ import annotations

from theodoi.search.document import IndexDocument, IndexTask
from theodoi.store.models import Document


def _current_status(task) -> str:
    return task.events[-1].status if task.events else "open"


def _names(task, role: str) -> list[str]:
    names: list[str] = []
    for body in sorted((b for b in task.bodies if b.role == role), key=lambda b: b.position):
        for name in (body.text, body.canonical):
            if name and name not in names:
                names.append(name)
    return names


def task_for_index(task) -> IndexTask:
    """The task index's view of a stored task (bodies and events must be loaded)."""
    return IndexTask(id=task.id, text=task.text or "", leads=_names(task, "lead"),
                     supports=_names(task, "support"), status=_current_status(task), due=task.due,
                     deadline_text=task.deadline_text)


def document_for_index(document: Document) -> IndexDocument:
    """The index's view of a stored document (its tasks, bodies and status events are
    read, so the session must still be open or they must be loaded)."""
    agencies: list[str] = []
    for task in document.tasks:
        for body in task.bodies:
            for name in (body.text, body.canonical):
                if name and name not in agencies:
                    agencies.append(name)
    return IndexDocument(
        id=document.id, text=document.text or "", number=document.number, kind=document.kind,
        issuer=document.issuer, date=document.date, title=document.title,
        file_name=document.file.original_name if document.file is not None else None,
        agencies=agencies,
        task_statuses=sorted({_current_status(task) for task in document.tasks}),
        deadlines=sorted({task.due for task in document.tasks if task.due is not None}),
        tasks=[task_for_index(task) for task in document.tasks])
