"""Link pages: a document's relations both ways as a timeline, and the citations whose
document is not stored yet. Each reads only the link records it shows
(tracking/link_queries.py), arranged by tracking/link_views.py."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for

from theodoi.store import repo
from theodoi.tracking.link_queries import timeline_links, unresolved_links
from theodoi.tracking.link_views import timeline, unresolved
from theodoi.web.listing import paginate
from theodoi.web.resources import db

bp = Blueprint("links", __name__)
STAGE_LABELS = {"directive": "Văn bản chỉ đạo", "plan": "Kế hoạch, chương trình thực hiện",
                "urging": "Văn bản đôn đốc", "report": "Báo cáo kết quả"}


@bp.get("/documents/<int:document_id>/links")
def document(document_id: int):
    """The documents linked to this one, both ways and one step further, by date."""
    found = repo.get_document(db(), document_id)
    if found is None:
        abort(404)
    records = timeline_links(db(), document_id)
    return render_template("links/timeline.html", document=found, entries=timeline(records, document_id),
                           missing=unresolved(records, document_id), stage_labels=STAGE_LABELS)


@bp.get("/links/unresolved")
def missing():
    """The documents cited but not stored, the most cited first, a page at a time."""
    page = paginate(unresolved(unresolved_links(db())), max(1, request.args.get("page", 1, type=int)))
    return render_template("links/unresolved.html", missing=page.rows, page=page,
                           page_url=lambda **changes: url_for("links.missing", **changes))
