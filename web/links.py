"""Link pages: a document's relations both ways as a timeline, and the citations whose
document is not stored yet. Both read the links of tracking/links.py (`document_links`)."""
from __future__ import annotations

from flask import Blueprint, abort, render_template

from theodoi.store import repo
from theodoi.tracking.link_views import timeline, unresolved
from theodoi.tracking.links import document_links
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
    records = document_links(db())
    return render_template("links/timeline.html", document=found, entries=timeline(records, document_id),
                           missing=unresolved(records, document_id), stage_labels=STAGE_LABELS)


@bp.get("/links/unresolved")
def missing():
    """The documents cited but not stored, the most cited first."""
    return render_template("links/unresolved.html", missing=unresolved(document_links(db())))
