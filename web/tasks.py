"""Follow-up pages: the task list with its filters and VPCP groups, one task's history,
and an officer's status update (through theodoi.tracking.updates.update_status)."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for

from theodoi.domain import TASK_STATUSES
from theodoi.store import repo
from theodoi.tracking.access import can_update_task
from theodoi.tracking.corrections import FIELD_LABELS
from theodoi.tracking.rollup import target_summary
from theodoi.tracking.status import task_state
from theodoi.tracking.task_list import STRUCTURE_LABELS
from theodoi.tracking.updates import UpdateError, update_status, withdrawn_reason
from theodoi.web.auth import current_actor, require_login
from theodoi.web.listing import (SORTS, STATUS_CHOICES, WINDOWS, listing_page, page_url, read_filters,
                                 scoped_listing)
from theodoi.web.params import date_arg
from theodoi.web.resources import data_file, db, settings, store
from theodoi.web.template_helpers import GROUP_LABELS

bp = Blueprint("tasks", __name__, url_prefix="/tasks")

_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")
UPDATE_REFUSED = ("Chỉ cán bộ của cơ quan chủ trì nhiệm vụ (hoặc quản trị viên) được cập nhật trạng thái "
                  "nhiệm vụ này.")


@bp.get("")
def index():
    """The board: tasks of tracked documents filtered by agency, status, due window and
    date, as of a day; with counts per VPCP group; sorted and paged."""
    filters = read_filters()
    listing, untracked = scoped_listing(filters)
    counts = listing.counts("grp")
    groups = [(key, label, counts.get(key, 0)) for key, label in GROUP_LABELS.items()]
    total = sum(counts.values())
    return render_template(
        "tasks/index.html", page=listing_page(listing, filters, total), groups=groups, total_in_scope=total,
        untracked=untracked, filters=filters, status_choices=STATUS_CHOICES, windows=WINDOWS, sorts=SORTS,
        page_url=lambda **changes: page_url("tasks.index", filters, **changes))


def task_page(task_id: int, *, form_error: str | None = None, form: dict | None = None, code: int = 200):
    """A task's page (with a message above its update form), with the tasks merged into it; a
    removed or merged task shows as such, without the forms, with a link to the task it went into."""
    task = repo.get_task(db(), task_id)
    if task is None:
        abort(404)
    as_of, date_error = date_arg("as_of")
    events = sorted(task.events, key=lambda e: (e.created_at, e.id), reverse=True)
    return render_template("tasks/show.html", task=task, state=task_state(task, as_of), events=events,
                           date_error=date_error, statuses=TASK_STATUSES, form_error=form_error,
                           form=form or {}, may_update=can_update_task(current_actor(), task),
                           update_refused=UPDATE_REFUSED, correction_labels=FIELD_LABELS | STRUCTURE_LABELS,
                           corrections=repo.corrections_of(db(), document_id=task.document_id, task_id=task.id),
                           target_summary=target_summary(task.target, as_of) if task.target else None,
                           withdrawn=withdrawn_reason(task),
                           merged_into=repo.get_task(db(), task.merged_into_id) if task.merged_into_id else None,
                           merged_from=repo.tasks_merged_into(db(), task.id)), code


@bp.get("/<int:task_id>")
def show(task_id: int):
    """One task: its document, bodies, deadline, derived status, history and update form."""
    return task_page(task_id)


@bp.post("/<int:task_id>/status")
def update(task_id: int):
    """Record a status change by the logged-in officer of the lead agency (or an admin),
    with a note and an optional evidence file."""
    who = require_login()
    task = repo.get_task(db(), task_id)
    if task is None:
        abort(404)
    if task.withdrawn:
        return task_page(task_id, form_error=withdrawn_reason(task), code=409)
    if not can_update_task(who, task):
        abort(403, UPDATE_REFUSED)
    form = {name: (request.form.get(name) or "").strip() for name in ("status", "note")}
    if form["status"] not in TASK_STATUSES:
        return task_page(task_id, form_error="Hãy chọn một trạng thái.", form=form, code=400)
    upload = request.files.get("evidence")
    with tempfile.TemporaryDirectory() as folder:
        evidence_file = None
        if upload is not None and upload.filename:
            suffix = Path(upload.filename).suffix.lower()
            evidence_file = Path(folder) / f"evidence{suffix if _SAFE_SUFFIX.match(suffix) else ''}"
            upload.save(evidence_file)
        try:
            update_status(store(), task_id, status=form["status"], user=who.username, user_id=who.id,
                          note=form["note"] or None, evidence_file=evidence_file, settings=settings())
        except UpdateError as error:
            if repo.get_task(db(), task_id) is None:
                abort(404)
            return task_page(task_id, form_error=f"Không cập nhật được: {error}", form=form, code=400)
    flash("Đã cập nhật trạng thái nhiệm vụ.", "success")
    return redirect(url_for("tasks.show", task_id=task_id) + "#history")


@bp.get("/<int:task_id>/events/<int:event_id>/evidence")
def evidence(task_id: int, event_id: int):
    """The evidence file an officer attached to a status update."""
    task = repo.get_task(db(), task_id)
    event = next((e for e in task.events if e.id == event_id), None) if task else None
    if event is None or not event.evidence_path:
        abort(404)
    path = data_file(event.evidence_path)
    return send_file(path, as_attachment=True, download_name=f"minh-chung-{task_id}-{event_id}{path.suffix}")
