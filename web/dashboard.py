"""The dashboard: for a period (due dates) and a set of agencies, the four VPCP groups and
the on-time rate per agency, overdue tasks by age, the trend by month, and the targets of the
tracked documents against the figures reached; charts drawn as SVG on the server."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from theodoi.nlp.agencies import agency_key
from theodoi.store import repo
from theodoi.tracking.dashboard import AGE_BUCKETS, by_agency, monthly_trend, overdue_ages
from theodoi.tracking.target_figures import given_to, target_figures
from theodoi.tracking.tasks import agency_keys
from theodoi.tracking.tracked import TrackRule
from theodoi.web.listing import read_filters, scoped_listing
from theodoi.web.params import date_arg
from theodoi.web.resources import db, settings
from theodoi.web.template_helpers import GROUP_LABELS

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")
TOP_AGENCIES = 12
TOP_TARGETS = 15


@bp.get("")
def show():
    """Figures of the tracked tasks due in the period, for the agencies asked (else the
    agencies with most tasks)."""
    filters = read_filters()
    due_from, from_error = date_arg("due_from")
    filters.agency = ""
    listing, untracked = scoped_listing(filters)
    if due_from:
        listing = listing.where(listing.rows.c.due >= due_from)
    wanted = [a.strip() for a in request.args.getlist("agency") if a.strip()]
    figures = by_agency(listing)
    if wanted:
        keys = agency_keys(wanted, filters.as_of, successors=True)
        figures = [f for f in figures if agency_key(f.agency) in keys]
        listing = listing.where(listing.led_by(keys))
    else:
        figures = figures[:TOP_AGENCIES]
    tracked = TrackRule.from_settings(settings())
    targets = target_figures((t for t in repo.all_targets(db()) if tracked(t.document)
                              and (not wanted or given_to(t, keys, filters.as_of))), filters.as_of)
    return render_template(
        "dashboard/show.html", figures=figures, ages=overdue_ages(listing), group_labels=GROUP_LABELS,
        trend=monthly_trend(listing), targets=targets[:TOP_TARGETS], targets_total=len(targets),
        filters=filters, due_from=due_from, wanted=wanted, untracked=untracked, age_buckets=AGE_BUCKETS,
        errors=filters.errors + [e for e in (from_error,) if e])
