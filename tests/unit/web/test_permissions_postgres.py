"""The permission matrix of test_permissions.py once more on PostgreSQL: every role × every
action of a form, against the same sample documents stored in a new PostgreSQL database."""
from __future__ import annotations

import pytest

from tests.unit.web.test_permissions import MATRIX, WHO, attempt, expect, live_task_count


@pytest.fixture
def settings(postgres_settings):
    """The web fixtures (store, sample documents, accounts, app) on PostgreSQL."""
    return postgres_settings


@pytest.mark.postgres
@pytest.mark.parametrize("who", WHO)
def test_every_action_on_postgresql(client, accounts, login, store, sample_documents, who):
    assert store.engine.dialect.name == "postgresql"
    if who:
        login(client, who)
    tasks = 4
    for action, allowed in MATRIX.items():
        allowed = allowed.get(who, False)
        expect(attempt(client, action, sample_documents), who, allowed)
        if who and allowed:
            tasks += {"remove": -1, "merge": -1, "add": 1}.get(action, 0)
        assert live_task_count(store, sample_documents.plan_id) == tasks, action
