"""My agency: the tasks of the logged-in officer's agencies (and of the bodies merged into
them), lead, support and group tasks apart, by VPCP group and due window; sorted, paged."""
from __future__ import annotations

from collections import Counter

from flask import Blueprint, render_template

from theodoi.nlp.agencies import related_bodies
from theodoi.web.auth import require_login
from theodoi.web.listing import (ROLE_TABS, SORTS, STATUS_CHOICES, WINDOWS, in_window, narrow, page_url,
                                 paginate, read_filters, scoped_views)
from theodoi.web.template_helpers import GROUP_LABELS

bp = Blueprint("agency", __name__, url_prefix="/my-agency")


@bp.get("")
def mine():
    """The officer's tasks; `role` picks lead (default), support or group tasks."""
    who = require_login()
    filters = read_filters()
    filters.role = filters.role or "lead"
    filters.agency = ""  # the scope is the account's agencies
    if not who.agencies:
        return render_template("agency/mine.html", who=who, filters=filters, page=None)
    in_scope, untracked = scoped_views(filters, scope=who.agencies)
    by_role = Counter(view.role for view in in_scope)
    lead = [view for view in in_scope if view.role == "lead"]
    counts = Counter(view.state.group for view in lead)
    windows = {key: sum(in_window(view, key, filters.as_of) for view in lead) for key in WINDOWS}
    views = narrow(in_scope, filters)
    related = sorted({name for agency in who.agencies for name in related_bodies(agency, filters.as_of)}
                     - set(who.agencies))
    return render_template(
        "agency/mine.html", who=who, filters=filters, page=paginate(views, filters.page),
        groups=[(key, label, counts.get(key, 0)) for key, label in GROUP_LABELS.items()],
        window_counts=windows, windows=WINDOWS, role_tabs=ROLE_TABS, by_role=by_role, untracked=untracked,
        status_choices=STATUS_CHOICES, sorts=SORTS, related=related,
        page_url=lambda **changes: page_url("agency.mine", filters, **changes))
