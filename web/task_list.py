"""Correcting a document's task list: merge a wrongly split task into another, remove a wrong
task, add a missed one (theodoi.tracking.task_list). The officer of the lead agency of every
task concerned, or an admin."""
from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for

from theodoi.store import repo
from theodoi.tracking.access import can_update_task
from theodoi.tracking.corrections import CorrectionError
from theodoi.tracking.task_list import NotAllowed, add_task, merge_tasks, remove_task
from theodoi.tracking.updates import withdrawn_reason
from theodoi.web.auth import current_actor, require_login
from theodoi.web.corrections import TASK_REFUSED, typed_names
from theodoi.web.params import parse_day
from theodoi.web.resources import db, settings, store
from theodoi.web.tasks import task_page

bp = Blueprint("task_list", __name__)
ADD_REFUSED = "Chỉ cán bộ của cơ quan chủ trì nhiệm vụ (hoặc quản trị viên) được thêm nhiệm vụ này."


def may_add_tasks(who) -> bool:
    """Who sees the form that adds a missed task (an officer adds only tasks their agencies lead)."""
    return who is not None and who.role in ("officer", "admin")


@bp.app_context_processor
def _helpers():
    return {"may_add_tasks": lambda: may_add_tasks(current_actor())}


def _live_task(task_id: int):
    """The task in force, or the response that refuses the correction (404, or 409 with its page
    saying it was removed or merged)."""
    found = repo.get_task(db(), task_id)
    if found is None:
        abort(404)
    if found.withdrawn:
        abort(make_response(task_page(task_id, form_error=withdrawn_reason(found), code=409)))
    return found


@bp.post("/tasks/<int:task_id>/merge")
def merge(task_id: int):
    """Merge this task into another task of its document (form field `into`)."""
    who = require_login()
    merged = _live_task(task_id)
    into = request.form.get("into", type=int)
    keep = repo.get_task(db(), into) if into else None
    if keep is None or keep.document_id != merged.document_id or keep.withdrawn:
        abort(400)
    if not (can_update_task(who, merged) and can_update_task(who, keep)):
        abort(403, TASK_REFUSED)
    merge_tasks(store(), keep.id, merged.id, who, settings(), text=request.form.get("text", "").strip() or None)
    flash("Đã gộp hai nhiệm vụ.", "success")
    return redirect(url_for("tasks.show", task_id=keep.id) + "#corrections")


@bp.post("/tasks/<int:task_id>/remove")
def remove(task_id: int):
    """Remove a wrongly extracted task (it stays in the record, out of the lists)."""
    who = require_login()
    found = _live_task(task_id)
    if not can_update_task(who, found):
        abort(403, TASK_REFUSED)
    remove_task(store(), task_id, who, settings(), reason=request.form.get("reason", ""))
    flash("Đã xóa nhiệm vụ khỏi văn bản.", "success")
    return redirect(url_for("documents.show", document_id=found.document_id))


@bp.route("/documents/<int:document_id>/tasks/new", methods=["GET", "POST"])
def add(document_id: int):
    """The form that adds a task the extractor missed."""
    who = require_login()
    document = repo.get_document(db(), document_id)
    if document is None:
        abort(404)
    if not may_add_tasks(who):
        abort(403, ADD_REFUSED)
    error = None
    if request.method == "POST":
        due, error = parse_day(request.form.get("due", ""))
        if error is None:
            try:
                task_id = add_task(store(), document_id, who, settings(), text=request.form.get("text", ""),
                                   lead=typed_names(request.form.get("lead", "")),
                                   support=typed_names(request.form.get("support", "")), due=due,
                                   deadline_text=request.form.get("deadline_text", ""))
            except NotAllowed:
                abort(403, ADD_REFUSED)
            except CorrectionError as problem:
                error = f"Không thêm được: {problem}"
            else:
                flash("Đã thêm nhiệm vụ.", "success")
                return redirect(url_for("tasks.show", task_id=task_id))
    return render_template("corrections/add_task.html", document=document, error=error,
                           form=request.form), 400 if error else 200
