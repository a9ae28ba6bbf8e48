"""The task listings of the board and of "my agency": filters read from the query string,
the filtered rows (the same rows for the page and its exports), sorting and pages.

Only the tasks of tracked documents are listed (see theodoi.tracking.tracked).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from flask import current_app, request, url_for
from sqlalchemy import not_

from theodoi.domain import TASK_STATUSES
from theodoi.tracking.task_query import STATUS_ORDER, WINDOW_DAYS, Listing
from theodoi.tracking.tasks import TaskView, full_views, in_status, listed_views, wanted_keys
from theodoi.tracking.tracked import TrackRule
from theodoi.web.params import date_arg
from theodoi.web.resources import db, settings

STATUS_CHOICES = ("overdue", *TASK_STATUSES)
WINDOWS = {"overdue": "Quá hạn", "due7": "Đến hạn trong 7 ngày", "due30": "Đến hạn trong 30 ngày"}
SORTS = {"deadline": "Thời hạn", "document": "Văn bản", "status": "Trạng thái"}
ROLE_TABS = {"lead": "Chủ trì", "support": "Phối hợp", "group": "Giao chung cho nhóm cơ quan"}
PAGE_SIZE = 50
_FAR = dt.date.max


@dataclass
class Filters:
    """What a listing is filtered, sorted and paged by (all from the query string)."""

    agency: str = ""
    status: str = ""
    window: str = ""
    role: str = ""
    due_before: dt.date | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    sort: str = "deadline"
    descending: bool = False
    page: int = 1
    errors: list[str] = field(default_factory=list)

    def args(self, **changes) -> dict:
        """The query-string arguments that give these filters (with some changed)."""
        values = {"agency": self.agency, "status": self.status, "window": self.window, "role": self.role,
                  "due_before": self.due_before.isoformat() if self.due_before else "",
                  "as_of": self.as_of.isoformat(), "sort": self.sort, "order": "desc" if self.descending else "",
                  "page": self.page if self.page > 1 else ""}
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None)}


def read_filters() -> Filters:
    """The filters of this request; bad values are dropped (dates with a message)."""
    args = request.args
    due_before, due_error = date_arg("due_before")
    as_of, as_of_error = date_arg("as_of")
    try:
        page = max(1, int(args.get("page", "1")))
    except ValueError:
        page = 1
    return Filters(
        agency=(args.get("agency") or "").strip(),
        status=args.get("status") if args.get("status") in STATUS_CHOICES else "",
        window=args.get("window") if args.get("window") in WINDOWS else "",
        role=args.get("role") if args.get("role") in ROLE_TABS else "",
        due_before=due_before, as_of=as_of or dt.date.today(),
        sort=args.get("sort") if args.get("sort") in SORTS else "deadline",
        descending=args.get("order") == "desc", page=page,
        errors=[e for e in (due_error, as_of_error) if e])


def in_window(view: TaskView, window: str, as_of: dt.date) -> bool:
    """Whether a task is overdue, or open and due within 7 or 30 days of `as_of`."""
    if window == "overdue":
        return view.state.display == "overdue"
    return (view.state.group == "open_in_term" and view.task.due is not None
            and as_of <= view.task.due <= as_of + dt.timedelta(days=WINDOW_DAYS[window]))


def scoped_listing(filters: Filters, scope: tuple[str, ...] | None = None) -> tuple[Listing, int]:
    """The tasks of tracked documents in the agency filter (and the officer's `scope`), as of
    the filters' day, before the status, window and role filters, as a listing the database
    counts and pages (tracking.task_query); and how many tasks of untracked documents were
    left out."""
    tracked = TrackRule.from_settings(settings()).condition(db())
    wanted = wanted_keys(filters.agency or None, scope, filters.as_of)
    listing = Listing.of(db(), filters.as_of, tracked, filters.due_before, wanted)
    return listing, Listing.of(db(), filters.as_of, not_(tracked), filters.due_before, wanted).count()


def scoped_rows(filters: Filters, scope: tuple[str, ...] | None = None) -> tuple[list[TaskView], int]:
    """The same tasks as `scoped_listing`, as rows read without loading the tasks (see
    `tracking.tasks.listed_views`), and the count of the untracked ones."""
    tracked = TrackRule.from_settings(settings()).condition(db())
    chosen = dict(agency=filters.agency or None, as_of=filters.as_of, due_before=filters.due_before, scope=scope)
    wanted = wanted_keys(filters.agency or None, scope, filters.as_of)
    untracked = Listing.of(db(), filters.as_of, not_(tracked), filters.due_before, wanted).count()
    return listed_views(db(), documents=tracked, **chosen), untracked


def scoped_views(filters: Filters, scope: tuple[str, ...] | None = None) -> tuple[list[TaskView], int]:
    """`scoped_rows` with every task loaded: for the exports and the API, which give them all."""
    rows, untracked = scoped_rows(filters, scope)
    return full_views(db(), rows, filters.as_of), untracked


def narrow(views: list[TaskView], filters: Filters) -> list[TaskView]:
    """The views that pass the status, window and role filters, sorted."""
    kept = [v for v in views
            if (not filters.status or in_status(v.state, filters.status))
            and (not filters.window or in_window(v, filters.window, filters.as_of))
            and (not filters.role or v.role == filters.role)]
    return sort_views(kept, filters.sort, filters.descending)


def sort_views(views: list[TaskView], sort: str, descending: bool = False) -> list[TaskView]:
    """Sorted by deadline (tasks without a due date last), document (issue date, number)
    or status (overdue first, the longest overdue first)."""
    if sort == "document":
        key = lambda v: (v.task.document.date or dt.date.min, v.task.document.number or "", v.task.ordinal)  # noqa: E731
    elif sort == "status":
        key = lambda v: (STATUS_ORDER.get(v.state.display, 9), -(v.state.overdue_days or 0), v.task.due or _FAR)  # noqa: E731
    else:
        key = lambda v: (v.task.due is None, v.task.due or _FAR, v.task.document_id, v.task.ordinal)  # noqa: E731
    ordered = sorted(views, key=key, reverse=descending)
    if sort == "deadline" and descending:  # tasks without a due date stay last
        ordered = [v for v in ordered if v.task.due] + [v for v in ordered if not v.task.due]
    return ordered


@dataclass
class Page:
    """One page of rows and the links around it."""

    rows: list
    number: int
    count: int
    total: int


def paginate(views: list, number: int) -> Page:
    """The rows of page `number` (1-based; past the end gives the last page), TASK_PAGE_SIZE a page."""
    size = current_app.config.get("TASK_PAGE_SIZE", PAGE_SIZE)
    count = max(1, math.ceil(len(views) / size))
    number = min(number, count)
    return Page(rows=views[(number - 1) * size:number * size], number=number, count=count, total=len(views))


def listing_page(listing: Listing, filters: Filters, count_all: int | None = None) -> Page:
    """The page of `filters.page` of a listing narrowed by the filters' status, window and
    role, sorted; its rows loaded whole (the same rows as `paginate(narrow(...))`). `count_all`:
    the listing's count when the caller knows it (a query less when nothing narrows it)."""
    size = current_app.config.get("TASK_PAGE_SIZE", PAGE_SIZE)
    narrowed = dict(status=filters.status, window=filters.window, role=filters.role)
    total = count_all if count_all is not None and not any(narrowed.values()) else listing.count(**narrowed)
    count = max(1, math.ceil(total / size))
    number = min(filters.page, count)
    rows = listing.page(sort=filters.sort, descending=filters.descending, offset=(number - 1) * size, limit=size,
                        **narrowed)
    return Page(rows=full_views(db(), rows, filters.as_of), number=number, count=count, total=total)


def page_url(endpoint: str, filters: Filters, **changes) -> str:
    """The URL of this listing with some arguments changed."""
    return url_for(endpoint, **filters.args(**changes))
