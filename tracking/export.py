"""Task records for JSON output and exports."""
from __future__ import annotations

from theodoi.domain import STATUS_LABELS
from theodoi.store.models import StatusEvent
from theodoi.tracking.tasks import TaskView


def _evidence_document(event: StatusEvent) -> dict:
    """The report (or letter) an event was read from: id, number, kind, title, date, file name."""
    document = event.evidence_document
    if document is None:
        return {"document_id": event.evidence_document_id, "document_number": None, "document_kind": None,
                "document_title": None, "document_date": None, "document_file_name": None}
    return {"document_id": document.id, "document_number": document.number, "document_kind": document.kind,
            "document_title": document.title, "document_date": document.date.isoformat() if document.date else None,
            "document_file_name": document.file.original_name if document.file else None}


def _unconfirmed(event: StatusEvent | None) -> dict | None:
    """A later automatic event that differs from the officer's decision, shown beside it."""
    if event is None:
        return None
    return {"status": event.status, **_evidence_document(event), "passage": event.passage,
            "at": event.created_at.isoformat(timespec="seconds")}


def task_record(view: TaskView) -> dict:
    """A task as a plain dict: its document, text, bodies, deadline, status and evidence, the
    target it serves, and when a person removed it or merged it into another task."""
    task, state = view.task, view.state
    document = task.document
    evidence = [
        {"status": e.status, "source": e.source, "user": e.user, "note": e.note,
         "at": e.created_at.isoformat(timespec="seconds"), "passage": e.passage, **_evidence_document(e),
         "file": e.evidence_path}
        for e in task.events]
    return {
        "id": task.id,
        "document": {"id": document.id, "number": document.number, "kind": document.kind,
                     "title": document.title, "date": document.date.isoformat() if document.date else None,
                     "file_name": document.file.original_name},
        "label": task.label,
        "text": task.text,
        "lead": [b.text for b in task.lead],
        "lead_canonical": [b.canonical for b in task.lead],
        "owners": view.owners,
        "support": [b.text for b in task.support],
        "deadline": ({"text": task.deadline_text, "kind": task.deadline_kind,
                      "due": task.due.isoformat() if task.due else None} if task.deadline_kind else None),
        "status": state.display,
        "status_label": STATUS_LABELS.get(state.display, state.display),
        "recorded_status": state.recorded,
        "overdue_days": state.overdue_days,
        "group": state.group,
        "evidence": evidence,
        "unconfirmed": _unconfirmed(state.unconfirmed_event),
        "parent_task_id": task.parent_task_id,
        "children": view.children,
        "target_id": task.target_id,
        "removed_at": task.removed_at.isoformat(timespec="seconds") if task.removed_at else None,
        "merged_into_id": task.merged_into_id,
    }
