"""My agency: the tasks of the logged-in officer's agencies (and of the bodies merged into
them), lead, support and group tasks apart, by VPCP group and due window; sorted, paged."""
from __future__ import annotations

from flask import Blueprint, render_template
from sqlalchemy import and_

from theodoi.nlp.agencies import related_bodies
from theodoi.web.auth import require_login
from theodoi.web.listing import (ROLE_TABS, SORTS, STATUS_CHOICES, WINDOWS, listing_page, page_url,
                                 read_filters, scoped_listing)
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
    listing, untracked = scoped_listing(filters, scope=who.agencies)
    by_role = listing.counts("role")
    counts = listing.counts("grp", role="lead")
    lead = listing.where(listing.rows.c.role == "lead")
    windows = lead.sums(**{key: and_(*lead.narrowed(window=key)) for key in WINDOWS})
    related = sorted({name for agency in who.agencies for name in related_bodies(agency, filters.as_of)}
                     - set(who.agencies))
    return render_template(
        "agency/mine.html", who=who, filters=filters, page=listing_page(listing, filters),
        groups=[(key, label, counts.get(key, 0)) for key, label in GROUP_LABELS.items()],
        window_counts=windows, windows=WINDOWS, role_tabs=ROLE_TABS, by_role=by_role, untracked=untracked,
        status_choices=STATUS_CHOICES, sorts=SORTS, related=related,
        page_url=lambda **changes: page_url("agency.mine", filters, **changes))
