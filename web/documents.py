"""Document pages: metadata, the text with its tasks and targets marked, a report's progress rows
with the directive each belongs to, each task's latest status with the report that said so,
links, the original."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, send_file

from theodoi.store import repo
from theodoi.store.models import Document
from theodoi.tracking.report_rows import row_views
from theodoi.tracking.rollup import target_summary
from theodoi.tracking.status import task_state
from theodoi.web.marking import Span, mark_text
from theodoi.web.params import date_arg
from theodoi.web.resources import data_file, db

bp = Blueprint("documents", __name__, url_prefix="/documents")


def document_spans(document: Document) -> list[Span]:
    """The marks to draw on a document's text: its tasks, targets and citations."""
    spans = [Span(t.start, t.end, "task", f"task-{t.id}", f"Nhiệm vụ {t.label or t.ordinal + 1}")
             for t in document.tasks]
    spans += [Span(t.start, t.end, "target", f"target-{t.id}", f"Chỉ tiêu: {t.indicator}")
              for t in document.targets]
    spans += [Span(c.start, c.end, "citation", f"citation-{c.id}", f"Văn bản dẫn chiếu: {c.number}")
              for c in document.citations]
    return spans


@bp.get("/<int:document_id>")
def show(document_id: int):
    """One document with everything extracted from it and the documents that follow it up."""
    document = repo.get_document(db(), document_id)
    if document is None:
        abort(404)
    as_of, date_error = date_arg("as_of")
    states = {task.id: task_state(task, as_of) for task in document.tasks}
    return render_template(
        "documents/show.html", document=document, states=states, date_error=date_error,
        marked_text=mark_text(document.text, document_spans(document)),
        cited_by=repo.citing_citations(db(), document_id), rows=row_views(db(), document),
        target_summaries={t.id: target_summary(t, as_of) for t in document.targets if t.tasks},
        withdrawn=repo.withdrawn_tasks(db(), document_id))


@bp.get("/<int:document_id>/original")
def original(document_id: int):
    """The original file as it was ingested, under its original name."""
    document = repo.get_document(db(), document_id)
    if document is None or document.file is None:
        abort(404)
    return send_file(data_file(document.file.stored_path), as_attachment=True, download_name=document.file.original_name,
                     mimetype=document.file.mime or None)
