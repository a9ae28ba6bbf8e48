"""Marking a document as tracked (theo dõi): its tasks then feed the board and the counts."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, flash, redirect, request, url_for

from theodoi.store import repo
from theodoi.store.models import Document
from theodoi.tracking.access import can_track_document
from theodoi.tracking.tracked import TrackRule, set_tracked
from theodoi.web.auth import current_actor, require_login
from theodoi.web.resources import db, settings, store

bp = Blueprint("follow", __name__, url_prefix="/documents")
TRACK_REFUSED = ("Chỉ cán bộ của cơ quan được giao nhiệm vụ trong văn bản (hoặc quản trị viên) được đánh dấu "
                 "theo dõi văn bản này.")


@dataclass
class Tracking:
    """What the document page says about tracking."""

    marked: bool
    by_rule: bool
    may_change: bool


@bp.app_context_processor
def _tracking_helper():
    def document_tracking(document: Document) -> Tracking:
        return Tracking(marked=document.tracked_at is not None,
                        by_rule=TrackRule.from_settings(settings()).by_rule(document),
                        may_change=can_track_document(current_actor(), document))
    return {"document_tracking": document_tracking}


@bp.post("/<int:document_id>/tracking")
def mark(document_id: int):
    """Start (tracked=1) or stop (tracked=0) tracking a document."""
    who = require_login()
    document = repo.get_document(db(), document_id)
    if document is None:
        abort(404)
    if not can_track_document(who, document):
        abort(403, TRACK_REFUSED)
    tracked = request.form.get("tracked") == "1"
    with store().transaction() as session:
        set_tracked(session, document_id, user_id=who.id, tracked=tracked)
    flash("Đã đưa văn bản vào danh sách theo dõi." if tracked else "Đã bỏ theo dõi văn bản.", "success")
    return redirect(url_for("documents.show", document_id=document_id))
