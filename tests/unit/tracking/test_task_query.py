"""The listings as the database works them out against the tasks loaded whole, on varied
histories, deadlines, bodies and documents, on SQLite and PostgreSQL: the rows of
tracking.tasks.listed_views (states from the deciding event the database picks, roles from
body rows) against task_state and agency_role; the counts, filters, orders and pages of
tracking.task_query.Listing against the same rows counted, narrowed and sorted in Python
(web.listing.narrow, which the exports and the API use)."""
from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter

import pytest

from theodoi.domain import TASK_STATUSES, BodyMention, Deadline, Extraction, Header, ParsedDocument
from theodoi.domain import Task as FoundTask
from theodoi.store import repo
from theodoi.nlp.agencies import agency_key
from theodoi.store.models import Document
from theodoi.tracking.dashboard import AGE_BUCKETS, by_agency, monthly_trend, overdue_ages
from theodoi.tracking.status import task_state
from theodoi.tracking.task_query import Listing
from theodoi.tracking.tasks import agency_keys, agency_role, full_views, listed_views, wanted_keys
from theodoi.web.listing import SORTS, STATUS_CHOICES, WINDOWS, Filters, narrow

AS_OF_DAYS = (dt.date(2024, 3, 1), dt.date(2024, 6, 30), dt.date(2024, 7, 1), dt.date(2025, 2, 28),
              dt.date(2025, 3, 1), dt.date(2026, 1, 1))
KINDS = ("date", "month", "ongoing", "recurring", None)
# invented bodies: ordinary ones, one merged into another on 1/3/2025, a group, an unknown one
BODIES = (("Sở Y tế", None, False), ("Sở Tài chính", None, False),
          ("Sở Thông tin và Truyền thông", None, False), ("Sở Khoa học và Công nghệ", None, False),
          ("các sở, ban, ngành", None, True), ("Ban quản lý khu công nghiệp Đồi Mây", None, False),
          ("UBND huyện Cỏ Lau", "Ủy ban nhân dân huyện Cỏ Lau", False))


def _mentions(rng: random.Random, count: int) -> list[BodyMention]:
    return [BodyMention(text=text, start=0, end=len(text), canonical=canonical, is_group=group)
            for text, canonical, group in rng.sample(BODIES, count)]


# invented documents: two with the same date and number, an undated one, numbers whose order
# differs between code points and a language's collation
DOCUMENTS = ((dt.date(2024, 1, 2), "12/KH"), (dt.date(2024, 1, 2), "12/KH"), (None, "3/KH"),
             (dt.date(2023, 5, 5), "Đ-3"), (dt.date(2023, 5, 5), "a-1"), (dt.date(2023, 5, 5), None),
             (dt.date(2025, 8, 9), "Z-9"))


def _found_task(rng: random.Random, n: int) -> FoundTask:
    kind = rng.choice(KINDS)
    due = None if kind in (None, "ongoing") or rng.random() < 0.1 else dt.date(2024, 1, 1) + dt.timedelta(
        days=rng.randint(0, 800))
    deadline = Deadline(text="hạn", kind=kind, due=due) if kind else None
    return FoundTask(text=f"nhiệm vụ {n}", start=n, end=n + 1, deadline=deadline,
                     lead=_mentions(rng, rng.randint(0, 2)), support=_mentions(rng, rng.randint(0, 2)))


def _store_tasks(store, rng: random.Random, count: int) -> list[int]:
    """The DOCUMENTS with `count` tasks of random deadlines and bodies among them; returns the
    tasks' ids in listing order (document, ordinal)."""
    ids = []
    for number, (date, doc_number) in enumerate(DOCUMENTS):
        found = [_found_task(rng, n) for n in range(count // len(DOCUMENTS))]
        parsed = ParsedDocument(path=f"/in/{number}.txt", file_name=f"{number}.txt", mime="text/plain",
                                parser="test/1", text="văn bản",
                                header=Header(kind="Kế hoạch", number=doc_number, date=date))
        with store.transaction() as session:
            stored = repo.record_file(session, sha256=f"{number:064d}", original_name=f"{number}.txt",
                                      source_path=f"/in/{number}.txt", stored_path=f"originals/{number}.txt", size=7)
            document = repo.save_document(session, stored, parsed, Extraction(tasks=found))
            ids += [task.id for task in document.tasks]
    return ids


def _add_histories(store, rng: random.Random, ids: list[int]) -> None:
    """0 to 6 events per task: manual and automatic, at random days and times, some at the same
    moment (the later id decides), some on the due day's last minute or the next day's first."""
    with store.transaction() as session:
        for task_id in ids:
            task = repo.get_task(session, task_id)
            moment = dt.datetime(2024, 1, 1, 9)
            for _ in range(rng.randint(0, 6)):
                step = rng.random()
                if step < 0.15:
                    pass  # the same moment as the last event
                elif step < 0.3 and task.due:
                    moment = dt.datetime.combine(task.due + dt.timedelta(days=rng.choice((0, 1))),
                                                 rng.choice((dt.time(0, 0), dt.time(23, 59, 59, 999999))))
                else:
                    moment += dt.timedelta(days=rng.randint(0, 200), seconds=rng.randint(0, 86_399))
                repo.add_status_event(session, task, status=rng.choice(TASK_STATUSES),
                                      source=rng.choice(("manual", "auto", "auto")), at=moment)


@pytest.fixture
def varied_tasks(any_store):
    rng = random.Random(20261207)
    ids = _store_tasks(any_store, rng, 140)
    _add_histories(any_store, rng, ids)
    return any_store, ids


def test_listed_states_are_the_states_of_the_histories(varied_tasks):
    store, ids = varied_tasks
    with store.transaction() as session:
        tasks = {task.id: task for task in (repo.get_task(session, i) for i in ids)}
        for as_of in AS_OF_DAYS:
            listed = listed_views(session, as_of=as_of)
            assert [view.task.id for view in listed] == ids
            for view in listed:
                expected = task_state(tasks[view.task.id], as_of)
                got = view.state
                assert (got.recorded, got.display, got.overdue_days, got.group) == (
                    expected.recorded, expected.display, expected.overdue_days, expected.group), (view.task.id, as_of)
                deciding = expected.deciding_event
                assert (got.deciding_event is None) == (deciding is None)
                if deciding is not None:
                    assert (got.deciding_event.status, got.deciding_event.created_at) == (
                        deciding.status, deciding.created_at)


def test_listed_rows_carry_what_listings_sort_and_count_on(varied_tasks):
    store, ids = varied_tasks
    as_of = dt.date(2025, 3, 1)
    with store.transaction() as session:
        listed = listed_views(session, as_of=as_of)
        full = full_views(session, listed, as_of)
        for row, view in zip(listed, full):
            assert (row.task.id, row.task.document_id, row.task.ordinal, row.task.due, row.task.deadline_kind) == (
                view.task.id, view.task.document_id, view.task.ordinal, view.task.due, view.task.deadline_kind)
            assert (row.task.document.date, row.task.document.number) == (view.task.document.date,
                                                                          view.task.document.number)
            assert row.owners == view.owners
            assert row.state.display == view.state.display


def test_listed_roles_are_the_roles_of_the_bodies(varied_tasks):
    store, ids = varied_tasks
    with store.transaction() as session:
        tasks = {task.id: task for task in (repo.get_task(session, i) for i in ids)}
        for names, as_of in itertools.product(
                [["Sở Y tế"], ["so tai chinh"], ["Sở Khoa học và Công nghệ"], ["Sở TT&TT", "Sở Y tế"],
                 ["UBND huyện Cỏ Lau"]], (dt.date(2025, 2, 28), dt.date(2025, 3, 1))):
            wanted = agency_keys(names, as_of, successors=True)
            listed = listed_views(session, as_of=as_of, scope=names)
            expected = {i: role for i, task in tasks.items() if (role := agency_role(task, wanted, as_of))}
            assert {view.task.id: view.role for view in listed} == expected
            assert expected, "the sample gives each agency some tasks"


SCOPE = ["Sở Y tế", "Sở TT&TT"]
SORT_CASES = [dict(), dict(status="overdue"), dict(status="done"), dict(status="open"), dict(window="due30"),
              dict(role="lead"), dict(role="support", window="overdue")]


def test_the_database_counts_narrows_and_sorts_as_the_rows_are(varied_tasks):
    store, ids = varied_tasks
    for as_of, scope in itertools.product((dt.date(2024, 6, 30), dt.date(2025, 3, 1)), (None, SCOPE)):
        _same_counts_filters_and_orders(store, as_of, scope)


def _same_counts_filters_and_orders(store, as_of, scope):
    tracked = Document.date.is_not(None)
    with store.transaction() as session:
        rows = listed_views(session, as_of=as_of, scope=scope, documents=tracked)
        listing = Listing.of(session, as_of, tracked, None, wanted_keys(None, scope, as_of))
        assert listing.count() == len(rows) > 0
        assert listing.counts("grp") == Counter(row.state.group for row in rows)
        assert listing.counts("role") == Counter(row.role for row in rows)
        assert listing.counts("grp", role="lead") == Counter(row.state.group for row in rows if row.role == "lead")
        cases = [*SORT_CASES, *(dict(status=status) for status in STATUS_CHOICES), *(dict(window=w) for w in WINDOWS)]
        for narrowed in cases:
            if "role" in narrowed and scope is None:
                continue
            for sort in SORTS:
                for descending in (False, True):
                    filters = Filters(as_of=as_of, sort=sort, descending=descending, **narrowed)
                    expected = [row.task.id for row in narrow(rows, filters)]
                    assert listing.count(**narrowed) == len(expected), narrowed
                    page = listing.page(sort=sort, descending=descending, offset=0, limit=10_000, **narrowed)
                    assert [row.task.id for row in page] == expected, (narrowed, sort, descending)
                    middle = listing.page(sort=sort, descending=descending, offset=7, limit=5, **narrowed)
                    assert [row.task.id for row in middle] == expected[7:12]
        for row in listing.page(sort="deadline", descending=False, offset=0, limit=10_000):
            same = next(r for r in rows if r.task.id == row.task.id)
            assert (row.state, row.role) == (same.state, same.role)


def test_untracked_tasks_are_counted_for_the_agencies_asked(varied_tasks):
    store, ids = varied_tasks
    as_of = dt.date(2025, 3, 1)
    untracked = Document.date.is_(None)
    with store.transaction() as session:
        for scope in (None, SCOPE):
            listing = Listing.of(session, as_of, untracked, None, wanted_keys(None, scope, as_of))
            assert listing.count() == len(listed_views(session, as_of=as_of, scope=scope, documents=untracked)) > 0


def _figures_of_rows(rows, as_of):
    """The dashboard's figures counted over listing rows in Python (the way they were counted
    before the database counted them): by owner, by overdue age, by month."""
    groups = {}
    for row in rows:
        if row.state.group is not None:
            for owner in dict.fromkeys(row.owners):
                groups.setdefault(owner, Counter())[row.state.group] += 1
    ages = Counter()
    for row in rows:
        if row.state.overdue_days is not None:
            ages[next(label for bound, label in AGE_BUCKETS if bound is None or row.state.overdue_days <= bound)] += 1
    months = {}
    for row in rows:
        event = row.state.deciding_event
        if row.state.recorded in ("done", "done_late") and event is not None:
            key = (event.created_at.year, event.created_at.month)
            months.setdefault(key, Counter())["done"] += 1
        if row.state.group in ("overdue", "done_late") and row.task.due < as_of:
            months.setdefault((row.task.due.year, row.task.due.month), Counter())["overdue"] += 1
    return groups, [(label, ages[label]) for _, label in AGE_BUCKETS], months


def test_dashboard_figures_asked_of_the_database(varied_tasks):
    store, ids = varied_tasks
    for as_of, led_by in itertools.product((dt.date(2024, 12, 31), dt.date(2025, 3, 1), dt.date(2026, 1, 1)),
                                           (None, ["Sở KH&CN"], ["Sở Y tế", "UBND huyện Cỏ Lau"])):
        _same_dashboard_figures(store, as_of, led_by)


def _same_dashboard_figures(store, as_of, led_by):
    due_from = dt.date(2024, 3, 1)
    with store.transaction() as session:
        listing = Listing.of(session, as_of)
        listing = listing.where(listing.rows.c.due >= due_from)
        rows = [row for row in listed_views(session, as_of=as_of) if row.task.due and row.task.due >= due_from]
        groups, ages, months = _figures_of_rows(rows, as_of)
        assert {f.agency: f.groups for f in by_agency(listing)} == groups
        if led_by:
            keys = agency_keys(led_by, as_of, successors=True)
            listing = listing.where(listing.led_by(keys))
            rows = [row for row in rows if any(agency_key(owner) in keys for owner in row.owners)]
            assert rows
            groups, ages, months = _figures_of_rows(rows, as_of)
        assert overdue_ages(listing) == ages
        trend = monthly_trend(listing)
        assert len(trend) == 12 and trend[-1].start == as_of.replace(day=1)
        for month in trend:
            expected = months.get((month.start.year, month.start.month), Counter())
            assert (month.done, month.overdue) == (expected["done"], expected["overdue"]), month.label
        assert sum(month.done + month.overdue for month in trend) > 0
