"""The JSON API under /api/v1 for scripts: documents, tasks, search, links, status updates.

A script authenticates with `Authorization: Bearer <token>` (`theodoi user token NAME`);
the token acts as its account, with the same permissions as in the pages. Without a
token, reading is open when THEODOI_ANONYMOUS_READ is 1. The session cookie is not used
here, so the API needs no CSRF token. Described by /api/v1/openapi.json (api_spec.py).
"""
from __future__ import annotations

from flask import Blueprint, abort, g, jsonify, request
from werkzeug.exceptions import HTTPException

from theodoi.domain import TASK_STATUSES
from theodoi.store import repo
from theodoi.store.models import Document
from theodoi.tracking.access import Actor, can_update_task
from theodoi.tracking.accounts import actor, token_account
from theodoi.tracking.export import task_record
from theodoi.tracking.status import task_state
from theodoi.tracking.tasks import TaskView, body_owner, list_tasks
from theodoi.tracking.tracked import TrackRule
from theodoi.tracking.updates import UpdateError, update_status, withdrawn_reason
from theodoi.web.api_spec import openapi_document
from theodoi.web.listing import narrow, read_filters, scoped_views
from theodoi.web.resources import db, search_index, settings, store

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_LIMIT = 200
MAX_PAGE = 100_000
MAX_ID = 2**31 - 1  # ids are 32-bit integers in PostgreSQL; larger ones name nothing


def _known_id(value: int, what: str) -> int:
    if not 0 < value <= MAX_ID:
        abort(404, f"không có {what} này")
    return value


def _error(error: HTTPException):
    return jsonify(error=error.description or error.name), error.code


for _code in (400, 401, 403, 404, 405, 409, 500):  # by code: the app's own 404 page would win over a class handler
    bp.register_error_handler(_code, _error)


def _actor() -> Actor | None:
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    user = token_account(db(), token.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        abort(401, "token không hợp lệ hoặc đã bị thu hồi")
    return actor(user)


@bp.before_request
def _authenticate():
    """Who calls: the token's account; reading without a token only when anonymous reading is on."""
    g.api_actor = _actor()
    if g.api_actor is None and not settings().anonymous_read:
        abort(401, "cần token (Authorization: Bearer ...)")


def _paging() -> tuple[int, int]:
    try:
        page = int(request.args.get("page", "1"))
        limit = int(request.args.get("limit", "50"))
    except ValueError:
        abort(400, "page và limit phải là số nguyên")
    if not (1 <= page <= MAX_PAGE and 1 <= limit <= MAX_LIMIT):
        abort(400, f"page từ 1 đến {MAX_PAGE}, limit từ 1 đến {MAX_LIMIT}")
    return page, limit


def _document_summary(document: Document) -> dict:
    return {"id": document.id, "number": document.number, "kind": document.kind, "title": document.title,
            "date": document.date.isoformat() if document.date else None, "issuer": document.issuer,
            "tracked": TrackRule.from_settings(settings())(document)}


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI document of this API."""
    return jsonify(openapi_document())


@bp.get("/documents")
def documents():
    """Documents, newest first, a page at a time."""
    page, limit = _paging()
    total, rows = repo.document_page(db(), offset=(page - 1) * limit, limit=limit)
    return jsonify(total=total, page=page, limit=limit, items=[_document_summary(d) for d in rows])


@bp.get("/documents/<int:document_id>")
def document(document_id: int):
    """One document's header, tasks and citations."""
    found = repo.get_document(db(), _known_id(document_id, "văn bản"))
    if found is None:
        abort(404, "không có văn bản này")
    views = list_tasks(db(), document_id=document_id)
    return jsonify(**_document_summary(found), place=found.place, signer=found.signer,
                   tasks=[task_record(view) for view in views], links=_links(found))


def _links(found: Document) -> dict:
    return {"cites": [{"number": c.number, "relation": c.relation, "document_id": c.cited_document_id}
                      for c in found.citations],
            "cited_by": [{"number": c.document.number, "relation": c.relation, "document_id": c.document_id}
                         for c in repo.citing_citations(db(), found.id)]}


@bp.get("/documents/<int:document_id>/links")
def links(document_id: int):
    """The documents this one cites, and those that cite it (implement, report on, urge...)."""
    found = repo.get_document(db(), _known_id(document_id, "văn bản"))
    if found is None:
        abort(404, "không có văn bản này")
    return jsonify(_links(found))


@bp.get("/tasks")
def tasks():
    """Tasks of tracked documents, with the board's filters (agency, status, window, role,
    due_before, as_of, sort, order), a page at a time."""
    page, limit = _paging()
    filters = read_filters()
    views = narrow(scoped_views(filters)[0], filters)
    return jsonify(total=len(views), page=page, limit=limit,
                   items=[task_record(view) for view in views[(page - 1) * limit:page * limit]])


def _task_view(task_id: int) -> TaskView:
    found = repo.get_task(db(), _known_id(task_id, "nhiệm vụ"))
    if found is None:
        abort(404, "không có nhiệm vụ này")
    if found.withdrawn:  # out of its document's tasks: shown alone, as it stood
        return TaskView(task=found, state=task_state(found), owners=[body_owner(b, None) for b in found.lead])
    return next(view for view in list_tasks(db(), document_id=found.document_id) if view.task.id == task_id)


@bp.get("/tasks/<int:task_id>")
def task(task_id: int):
    """One task with its status and evidence (a removed or merged task too, with when and into which)."""
    return jsonify(task_record(_task_view(task_id)))


@bp.post("/tasks/<int:task_id>/status")
def update(task_id: int):
    """Record a status change as the token's account (officer of the lead agency, admin); a
    removed or merged task takes none (409)."""
    who = g.api_actor
    if who is None:
        abort(401, "cần token (Authorization: Bearer ...)")
    found = repo.get_task(db(), _known_id(task_id, "nhiệm vụ"))
    if found is None:
        abort(404, "không có nhiệm vụ này")
    if found.withdrawn:
        abort(409, withdrawn_reason(found))
    if not can_update_task(who, found):
        abort(403, "chỉ cán bộ của cơ quan chủ trì (hoặc quản trị viên) được cập nhật nhiệm vụ này")
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or body.get("status") not in TASK_STATUSES:
        abort(400, f"cần JSON có status là một trong: {', '.join(TASK_STATUSES)}")
    note = body.get("note")
    if note is not None and not isinstance(note, str):
        abort(400, "note phải là chuỗi")
    try:
        event = update_status(store(), task_id, status=body["status"], user=who.username, user_id=who.id,
                              note=note, settings=settings())
    except UpdateError as error:
        abort(400, str(error))
    return jsonify(id=event.id, task_id=task_id, status=event.status, user=event.user, note=event.note,
                   at=event.created_at.isoformat(timespec="seconds")), 201


@bp.get("/search")
def search():
    """Documents matching `q` (words, "phrases", -exclusions), best first."""
    page, limit = _paging()
    query = (request.args.get("q") or "").strip()
    found = search_index().search(query, limit=limit, page=page)
    rows = repo.get_documents(db(), [hit.id for hit in found.hits])
    return jsonify(total=found.total, page=page, limit=limit, any_unit=found.any_unit, items=[
        {"score": hit.score, "snippet": hit.snippet, "partial": hit.partial,
         "document": _document_summary(rows[hit.id])} for hit in found.hits if hit.id in rows])
