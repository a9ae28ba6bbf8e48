"""Accounts, API tokens, tracked documents and corrections on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import not_, select

from theodoi.store import repo
from theodoi.store.models import Document, Task
from theodoi.tracking.access import can_update_task
from theodoi.tracking.accounts import (AccountError, actor, add_account, authenticate, new_api_token, set_active,
                                       token_account)
from theodoi.tracking.corrections import CorrectionError, correct_document, correct_task
from theodoi.tracking.tracked import TrackRule, set_tracked


def test_accounts_and_tokens(any_store):
    add_account(any_store, username="canbo", password="mat-khau-dai", role="officer", agencies=["so tt&tt"])
    with pytest.raises(AccountError, match="taken"):
        add_account(any_store, username="canbo", password="mat-khau-dai", role="viewer")
    token = new_api_token(any_store, "canbo")
    with any_store.transaction() as session:
        user = authenticate(session, "canbo", "mat-khau-dai")
        assert user is not None and user.agencies == ["Sở Thông tin và Truyền thông"]
        assert authenticate(session, "canbo", "sai") is None
        assert token_account(session, token).username == "canbo"
        assert token_account(session, token + "x") is None
    set_active(any_store, "canbo", False)
    with any_store.transaction() as session:
        assert authenticate(session, "canbo", "mat-khau-dai") is None
        assert token_account(session, token) is None


def test_tracking_and_corrections(any_store, add_plan):
    plan_id = add_plan(any_store)
    add_account(any_store, username="canbo", password="mat-khau-dai", role="officer",
                agencies=["Sở Thông tin và Truyền thông"])
    with any_store.transaction() as session:
        who = actor(repo.user_by_name(session, "canbo"))
        task = session.scalars(select(Task).where(Task.document_id == plan_id).order_by(Task.ordinal)).all()[2]
        task_id = task.id
        assert can_update_task(who, repo.get_task(session, task_id))
        document = set_tracked(session, plan_id, user_id=who.id, tracked=True)
        assert TrackRule(frozenset(), None)(document)
    changed = correct_task(any_store, task_id, who, any_store.settings, lead=["Sở KH&CN"], due=dt.date(2023, 9, 30))
    assert [(c.field, c.new_value) for c in changed] == [("lead", "Sở KH&CN"), ("due", "2023-09-30")]
    changed = correct_document(any_store, plan_id, who, any_store.settings, number="21/KH-UBND", title=None)
    assert [(c.field, c.old_value, c.new_value) for c in changed][0] == ("number", "20/KH-UBND", "21/KH-UBND")
    with pytest.raises(CorrectionError):
        correct_task(any_store, task_id, who, any_store.settings, text="  ")
    with any_store.transaction() as session:
        task = repo.get_task(session, task_id)
        assert [b.canonical for b in task.lead] == ["Sở Khoa học và Công nghệ"] and task.due == dt.date(2023, 9, 30)
        assert len(repo.corrections_of(session, document_id=plan_id, task_id=task_id)) == 2
        assert repo.get_document(session, plan_id).number == "21/KH-UBND"


@pytest.mark.parametrize("rule", [TrackRule(frozenset(), None), TrackRule(frozenset(), dt.date(2024, 1, 1)),
                                  TrackRule(frozenset({"ke hoach", "chi thi"}), dt.date(2023, 6, 1))])
def test_the_tracking_rule_put_to_the_database_keeps_the_same_documents(any_store, add_document, rule):
    shapes = [("Kế hoạch", dt.date(2024, 3, 1)), ("Chỉ thị", dt.date(2023, 7, 1)), ("Nghị quyết", dt.date(2024, 5, 1)),
              ("Kế hoạch", dt.date(2022, 1, 1)), ("Kế hoạch", None), (None, dt.date(2025, 1, 1)), ("Thông báo", None)]
    ids = [add_document(any_store, number=f"{i}/X", kind=kind, date=date, text=f"Văn bản thứ {i}")
           for i, (kind, date) in enumerate(shapes)]
    with any_store.transaction() as session:
        set_tracked(session, ids[-1], user_id=None, tracked=True)  # marked: tracked whatever its kind and date
    with any_store.transaction() as session:
        documents = [repo.get_document(session, i) for i in ids]
        by_python = {d.id for d in documents if rule(d)}
        condition = rule.condition(session)
        by_database = {d.id for d in session.scalars(select(Document).where(condition))}
        left_out = {d.id for d in session.scalars(select(Document).where(not_(condition)))}
    assert by_database == by_python and ids[-1] in by_database
    assert left_out == set(ids) - by_python  # every document is on one side: no NULL falls between
