"""`theodoi backup` then `theodoi restore` into an empty data directory (SQLite, and PostgreSQL)
gives the same rows, files, secret key and search results; a non-empty target is refused."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tests.conftest import build_sample_documents
from theodoi.cli import main
from theodoi.config import Settings
from theodoi.search import index_pending, open_index
from theodoi.store.db import Store
from theodoi.store.models import Base
from theodoi.tracking.updates import update_status
from theodoi.web.security import secret_key


def _rows(settings: Settings) -> dict[str, list[dict]]:
    store = Store(settings)
    with store.engine.connect() as connection:
        rows = {table.name: [dict(r._mapping) for r in connection.execute(select(table).order_by(*table.primary_key))]
                for table in Base.metadata.sorted_tables}
    store.dispose()
    return rows


def _files(settings: Settings) -> dict[str, bytes]:
    return {p.relative_to(settings.data_dir).as_posix(): p.read_bytes()
            for folder in ("originals", "evidence") for p in sorted((settings.data_dir / folder).rglob("*"))
            if p.is_file()}


def _search_ids(settings: Settings) -> list[int]:
    index = open_index(settings)
    try:
        return [hit.id for hit in index.search("chuyển đổi số", limit=10).hits]
    finally:
        index.close()


@pytest.fixture
def source(tmp_path) -> Settings:
    settings = Settings.load(tmp_path / "source")
    store = Store(settings)
    sample = build_sample_documents(store)
    note = tmp_path / "bien-ban.txt"
    note.write_text("Biên bản nghiệm thu nền tảng dữ liệu.", encoding="utf-8")
    update_status(store, sample.plan_task_ids[0], status="done_late", user="Nguyễn Thị Lan", note="đã xong",
                  evidence_file=note, settings=settings)
    index = open_index(settings)
    index_pending(store, index)
    index.close()
    store.dispose()
    secret_key(settings)
    return settings


@pytest.mark.parametrize("target_db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_restore_into_an_empty_directory_gives_the_same_data(tmp_path, source, target_db, request):
    archive = tmp_path / "theodoi-backup.tar.gz"
    runner = CliRunner()
    made = runner.invoke(main, ["--data-dir", str(source.data_dir), "backup", str(archive)])
    assert made.exit_code == 0, made.output
    target = (Settings.load(tmp_path / "restored") if target_db == "sqlite"
              else request.getfixturevalue("postgres_settings").with_(data_dir=tmp_path / "restored",
                                                                       index_dir=tmp_path / "restored" / "index"))
    env = {"THEODOI_DATABASE_URL": target.database_url}
    restored = runner.invoke(main, ["--data-dir", str(target.data_dir), "restore", str(archive)], env=env)
    assert restored.exit_code == 0, restored.output
    assert "3 documents indexed" in restored.output
    assert _rows(target) == _rows(source)
    assert _files(target) == _files(source) and any(name.startswith("evidence/") for name in _files(target))
    assert target.secret_key_file.read_text() == source.secret_key_file.read_text()
    assert _search_ids(target) == _search_ids(source) != []
    doctor = runner.invoke(main, ["--data-dir", str(target.data_dir), "doctor"], env=env)
    assert doctor.exit_code == 0, doctor.output
    # the restored store goes on: a new status event chains onto the restored history
    store = Store(target)
    update_status(store, _rows(target)["tasks"][1]["id"], status="in_progress", user="Trần Văn Minh", settings=target)
    store.dispose()
    assert runner.invoke(main, ["--data-dir", str(target.data_dir), "doctor"], env=env).exit_code == 0


def test_restore_into_a_data_directory_in_use_is_refused(tmp_path, source):
    archive = tmp_path / "b.tar.gz"
    runner = CliRunner()
    assert runner.invoke(main, ["--data-dir", str(source.data_dir), "backup", str(archive)]).exit_code == 0
    refused = runner.invoke(main, ["--data-dir", str(source.data_dir), "restore", str(archive)])
    assert refused.exit_code == 2
    assert "not empty" in refused.output
