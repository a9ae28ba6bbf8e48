""""Theo dõi của tôi": follow a document, a task or an agency, and see what changed on them
since the last visit (theodoi.tracking.watch). Any logged-in user."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from theodoi.store import repo
from theodoi.store.models import utc_now
from theodoi.tracking.corrections import FIELD_LABELS
from theodoi.tracking.task_list import STRUCTURE_LABELS
from theodoi.tracking.watch import WatchError, changes_since, follows, mark_seen, set_watch, watches_of
from theodoi.web.auth import current_actor, require_login
from theodoi.web.listing import paginate
from theodoi.web.resources import db, store

bp = Blueprint("watch", __name__, url_prefix="/watch")


@bp.app_context_processor
def _helpers():
    def watching(kind: str, target) -> bool | None:
        """Whether the logged-in user follows it; None when nobody is logged in."""
        who = current_actor()
        try:
            return None if who is None else follows(db(), who.id, kind, target)
        except WatchError:  # an agency the gazetteer does not know cannot be followed
            return None
    return {"watching": watching}


def _back(kind: str, target: str) -> str:
    if kind == "document":
        return url_for("documents.show", document_id=int(target))
    if kind == "task":
        return url_for("tasks.show", task_id=int(target))
    return url_for("watch.mine")


@bp.post("")
def change():
    """Follow (follow=1) or stop following (follow=0) a document, task or agency."""
    who = require_login()
    kind, target = request.form.get("kind", ""), request.form.get("target", "")
    follow = request.form.get("follow") == "1"
    try:
        with store().transaction() as session:
            set_watch(session, who.id, kind, target, follow=follow)
    except (WatchError, ValueError):
        if kind != "agency":
            abort(400)
        flash(f"Không tìm thấy cơ quan “{target}”.", "error")
        return redirect(url_for("watch.mine"))
    flash("Đã thêm vào Theo dõi của tôi." if follow else "Đã bỏ khỏi Theo dõi của tôi.", "success")
    return redirect(_back(kind, target))


def _moment(name: str) -> dt.datetime | None:
    """A moment in the query string (ISO 8601), None when absent or not one."""
    try:
        moment = dt.datetime.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment  # stored in UTC


def _page_number(name: str) -> int:
    return max(1, request.args.get(name, 1, type=int))


@bp.get("")
def mine():
    """What the user follows, and what changed on it since their last visit, a page at a time.
    A visit marks what it shows as seen; the links to its other pages carry the window of
    time it shows (`since`, `until`), so they page through the same changes."""
    who = require_login()
    since, until = _moment("since"), _moment("until")
    visit = since is None or until is None  # a new visit, not another page of one
    if visit:
        since, until = None, utc_now()
    with store().transaction() as session:
        since, changes = changes_since(session, repo.get_user(session, who.id), since=since, until=until)
        shown = paginate(changes, _page_number("page"))
        watched = paginate(watches_of(session, who.id), _page_number("watched"))
        window = {"since": since.isoformat(), "until": until.isoformat()} if since else {}
        html = render_template(
            "watch/mine.html", since=since, page=shown, watched=watched, labels=FIELD_LABELS | STRUCTURE_LABELS,
            page_url=lambda page: url_for("watch.mine", **window, page=page, watched=watched.number),
            watched_url=lambda page: url_for("watch.mine", **window, page=shown.number, watched=page))
        if visit:
            mark_seen(session, who.id, at=until)
    return html
