"""The search page: a query box, results with highlighted snippets, facets, suggestion, pages."""
from __future__ import annotations

import math
import re

from flask import Blueprint, current_app, render_template, request, url_for

from theodoi.store import repo
from theodoi.web.resources import db, search_index

bp = Blueprint("search", __name__)

FILTER_FIELDS = ("kind", "issuer", "year")
SORT_CHOICES = {"relevance": "Liên quan nhất", "date": "Mới nhất"}
FACET_LABELS = {"kind": "Loại văn bản", "issuer": "Cơ quan ban hành", "year": "Năm ban hành"}
RECENT_COUNT = 20
MAX_YEAR = 9999  # a document's year is that of a date; larger values are an undated document's placeholder


def dated_years(counts: dict) -> dict:
    """The year facet without the placeholder an index gives undated documents (2147483647):
    only years a date can have."""
    return {year: count for year, count in counts.items() if str(year).isdigit() and 0 < int(year) <= MAX_YEAR}


def search_url(**changes) -> str:
    """This search's URL with some parameters changed (None removes one); back to page 1."""
    args = {k: v for k, v in request.args.items() if v}
    args.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            args.pop(key, None)
        else:
            args[key] = value
    return url_for("search.results", **args)


MAX_PAGE = 10_000


def _page_arg() -> int:
    try:
        return min(MAX_PAGE, max(1, int(request.args.get("page", "1")[:6])))
    except ValueError:
        return 1


@bp.get("/")
@bp.get("/search")
def results():
    """Search results for `q` (with filters, sort and page), or the newest documents."""
    query = (request.args.get("q") or "").strip()
    filters = {name: request.args[name] for name in FILTER_FIELDS if request.args.get(name)}
    if not re.fullmatch(r"[0-9]{1,4}", filters.get("year", "0")):  # not a year: ignored, never an overflow
        del filters["year"]
    sort = request.args.get("sort") if request.args.get("sort") in SORT_CHOICES else "relevance"
    context = dict(query=query, filters=filters, sort=sort, sort_choices=SORT_CHOICES,
                   facet_labels=FACET_LABELS, search_url=search_url)
    if not query and not filters:
        return render_template("search/index.html", recent=repo.list_documents(db(), limit=RECENT_COUNT),
                               **context)
    page = _page_arg()
    page_size = current_app.config["SEARCH_PAGE_SIZE"]
    found = search_index().search(query, filters=filters, limit=page_size, page=page, sort=sort)
    if "year" in found.facets:
        found.facets["year"] = dated_years(found.facets["year"])
    documents = repo.get_documents(db(), [hit.id for hit in found.hits])
    hits = [(hit, documents[hit.id]) for hit in found.hits if hit.id in documents]
    return render_template("search/index.html", found=found, hits=hits, page=page,
                           pages=max(1, math.ceil(found.total / page_size)), **context)
