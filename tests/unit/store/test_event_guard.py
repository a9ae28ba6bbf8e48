"""The status history cannot be changed with plain SQL (a trigger refuses UPDATE and DELETE on
PostgreSQL and SQLite), and `doctor` finds a change made around the trigger."""
from __future__ import annotations

import pytest
import sqlalchemy.exc
from click.testing import CliRunner
from sqlalchemy import text

from tests.conftest import build_sample_documents
from theodoi.cli import main


@pytest.mark.parametrize("statement", ["UPDATE status_events SET status = 'cancelled'",
                                       "DELETE FROM status_events"])
def test_plain_sql_cannot_change_the_status_history(any_store, statement):
    build_sample_documents(any_store)
    with pytest.raises(sqlalchemy.exc.DatabaseError, match="append-only"):
        with any_store.engine.begin() as connection:
            connection.execute(text(statement))
    with any_store.engine.connect() as connection:
        assert connection.execute(text("SELECT status FROM status_events")).scalars().all() == ["done"]


def test_doctor_finds_an_event_changed_around_the_trigger(store, sample_documents):
    from theodoi.search import index_pending, open_index

    index = open_index(store.settings)
    index_pending(store, index)
    index.close()
    doctor = ["--data-dir", str(store.settings.data_dir), "doctor"]
    assert CliRunner().invoke(main, doctor).exit_code == 0
    with store.engine.begin() as connection:  # someone with the database file
        connection.execute(text("DROP TRIGGER status_events_no_update"))
        event_id = connection.execute(text("SELECT id FROM status_events")).scalar()
        connection.execute(text("UPDATE status_events SET status = 'cancelled', user = 'someone'"))
    result = CliRunner().invoke(main, doctor)
    assert result.exit_code == 1, result.output
    assert f"1 status events changed, or with an earlier event removed, since they were written: {event_id}" in result.output
    assert "trigger status_events_no_update missing" in result.output


def test_events_appended_through_the_store_keep_a_valid_chain(store, sample_documents):
    from theodoi.store.audit import broken_events
    from theodoi.tracking.updates import update_status

    task_id = sample_documents.plan_task_ids[0]
    for status in ("in_progress", "done", "open"):
        update_status(store, task_id, status=status, user="Lan", note=f"ghi chú {status}", settings=store.settings)
    with store.session() as session:
        assert broken_events(session) == []
