"""`theodoi doctor` finds drift between store and index; `theodoi search --tasks`."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from theodoi.cli import main
from theodoi.pipeline import ingest_paths
from theodoi.search import open_index
from theodoi.store import repo
from theodoi.store.db import Store

DEMO = Path(__file__).resolve().parents[3] / "corpora" / "demo"
FILES = [DEMO / "ct-08-ubnd-long-an-ky-cuong-hanh-chinh.txt", DEMO / "qd-1234-ubnd-nghe-an-ke-hoach-tmdt.txt"]


def _run(settings, *args):
    return CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), *args])


def test_doctor_reports_drift_and_reindex_repairs_it(settings):
    ingest_paths(FILES, settings.with_(ingest_workers=1))
    assert _run(settings, "doctor").exit_code == 0
    store = Store(settings)
    with store.session() as session:
        first, second = repo.document_ids(session)
    with store.transaction() as session:
        repo.set_index_state(session, [second], "pending")
    store.dispose()
    index = open_index(settings)
    index.delete([first])
    index.close()
    result = _run(settings, "doctor")
    assert result.exit_code == 1
    assert f"1 stored but not in the index: {first}" in result.output
    assert f"1 waiting as index pending: {second}" in result.output
    assert _run(settings, "reindex").exit_code == 0
    assert _run(settings, "doctor").exit_code == 0


def test_doctor_advises_another_engine_past_the_whoosh_limit(settings, monkeypatch):
    ingest_paths(FILES, settings.with_(ingest_workers=1))
    assert "advice" not in _run(settings, "doctor").output
    monkeypatch.setenv("THEODOI_WHOOSH_DOCUMENT_LIMIT", "1")
    result = _run(settings, "doctor")
    assert result.exit_code == 0  # advice, not drift
    if settings.search_backend == "whoosh":
        assert "advice: 2 documents: past 1, Whoosh" in result.output
        assert "THEODOI_SEARCH_BACKEND=tantivy" in result.output and "THEODOI_SEARCH_BACKEND=postgres" in result.output
    else:
        assert "advice" not in result.output


def test_search_tasks_from_the_command_line(settings):
    ingest_paths(FILES, settings.with_(ingest_workers=1))
    result = _run(settings, "search", "--tasks", "ke hoach", "--agency", "so cong thuong")
    assert result.exit_code == 0, result.output
    assert "1234/QĐ-UBND — Sở Công Thương" in result.output
    assert "[Kế] [hoạch]" in result.output


