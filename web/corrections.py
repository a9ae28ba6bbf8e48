"""Correcting what was extracted: a task's text, lead, support and deadline (the officer of
its lead agency, an admin), a document's header fields (the văn thư, an admin). Every
change is an audited correction (theodoi.tracking.corrections)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from theodoi.store import repo
from theodoi.tracking.access import can_correct_document, can_update_task
from theodoi.tracking.corrections import (DOCUMENT_FIELDS, FIELD_LABELS, CorrectionError, correct_document,
                                          correct_task)
from theodoi.tracking.task_list import STRUCTURE_LABELS
from theodoi.tracking.updates import withdrawn_reason
from theodoi.web.auth import current_actor, require_login
from theodoi.web.params import parse_day
from theodoi.web.resources import db, settings, store
from theodoi.web.tasks import task_page

bp = Blueprint("corrections", __name__)
DOCUMENT_REFUSED = "Chỉ văn thư hoặc quản trị viên được sửa thông tin văn bản."
TASK_REFUSED = "Chỉ cán bộ của cơ quan chủ trì nhiệm vụ (hoặc quản trị viên) được sửa nhiệm vụ này."


@bp.app_context_processor
def _helpers():
    return {"may_correct_document": lambda: can_correct_document(current_actor())}


def typed_names(raw: str) -> list[str]:
    """The names typed in one field, split on semicolons and lines."""
    return [name.strip() for name in raw.replace("\n", ";").split(";") if name.strip()]


@bp.route("/tasks/<int:task_id>/correct", methods=["GET", "POST"])
def task(task_id: int):
    """The correction form of a task, and its corrections so far (none for a removed or merged task)."""
    who = require_login()
    found = repo.get_task(db(), task_id)
    if found is None:
        abort(404)
    if found.withdrawn:
        return task_page(task_id, form_error=withdrawn_reason(found), code=409)
    if not can_update_task(who, found):
        abort(403, TASK_REFUSED)
    error = None
    if request.method == "POST":
        due, error = parse_day(request.form.get("due", ""))
        if error is None:
            try:
                changed = correct_task(
                    store(), task_id, who, settings(), text=request.form.get("text", ""),
                    lead=typed_names(request.form.get("lead", "")), support=typed_names(request.form.get("support", "")),
                    due=due, deadline_text=request.form.get("deadline_text", ""))
            except CorrectionError as problem:
                error = f"Không sửa được: {problem}"
            else:
                flash(f"Đã lưu {len(changed)} chỉnh sửa." if changed else "Không có gì thay đổi.", "success")
                return redirect(url_for("tasks.show", task_id=task_id) + "#corrections")
    return render_template("corrections/task.html", task=found, error=error, form=request.form,
                           corrections=repo.corrections_of(db(), document_id=found.document_id, task_id=task_id),
                           labels=FIELD_LABELS | STRUCTURE_LABELS), 400 if error else 200


@bp.route("/documents/<int:document_id>/correct", methods=["GET", "POST"])
def document(document_id: int):
    """The correction form of a document's header fields, and its corrections so far."""
    who = require_login()
    found = repo.get_document(db(), document_id)
    if found is None:
        abort(404)
    if not can_correct_document(who):
        abort(403, DOCUMENT_REFUSED)
    error = None
    if request.method == "POST":
        day, error = parse_day(request.form.get("date", ""))
        if error is None:
            fields = {name: request.form.get(name, "") for name in DOCUMENT_FIELDS if name != "date"}
            changed = correct_document(store(), document_id, who, settings(), date=day, **fields)
            flash(f"Đã lưu {len(changed)} chỉnh sửa." if changed else "Không có gì thay đổi.", "success")
            return redirect(url_for("corrections.document", document_id=document_id))
    return render_template("corrections/document.html", document=found, error=error, form=request.form,
                           fields=DOCUMENT_FIELDS, labels=FIELD_LABELS,
                           corrections=repo.corrections_of(db(), document_id=document_id)), 400 if error else 200
