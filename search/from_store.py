"""Turn a stored document (store.models.Document) into an IndexDocument."""
from __future__ import annotations

from theodoi.search.document import IndexDocument
from theodoi.store.models import Document


def _current_status(task) -> str:
    return task.events[-1].status if task.events else "open"


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
        deadlines=sorted({task.due for task in document.tasks if task.due is not None}))
