"""Two ingests of overlapping folders at once (real processes racing on the same database): each
file ends with one outcome and one document; `doctor` does not call a store with stuck files
healthy."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from theodoi.cli import main
from theodoi.config import Settings
from theodoi.store.db import Store
from theodoi.store.models import Document, StoredFile

from .test_batches import write_folder


def _race(settings: Settings, folders: list[Path], workers: int) -> list[subprocess.CompletedProcess]:
    env = dict(os.environ, THEODOI_DATABASE_URL=settings.database_url)
    command = [sys.executable, "-m", "theodoi.cli", "--data-dir", str(settings.data_dir), "ingest",
               "--workers", str(workers)]
    processes = [subprocess.Popen([*command, str(folder)], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for folder in folders]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def race_settings(request, tmp_path):
    if request.param == "sqlite":
        return Settings.load(tmp_path / "data")
    return request.getfixturevalue("postgres_settings")


@pytest.mark.slow
def test_two_ingests_of_overlapping_folders_store_each_file_once(tmp_path, race_settings):
    shared = write_folder(tmp_path / "both", 16)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for path in shared:  # the same files under two folders: two runs contend for every one
        (tmp_path / "a" / path.name).symlink_to(path)
        (tmp_path / "b" / path.name).symlink_to(path)
    results = _race(race_settings, [tmp_path / "a", tmp_path / "b", tmp_path / "both"], workers=0)
    for result in results:
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 0, result.stderr
    store = Store(race_settings)
    with store.session() as session:
        statuses = session.execute(select(StoredFile.status, func.count()).group_by(StoredFile.status)).all()
        documents = session.scalars(select(Document.file_id)).all()
    store.dispose()
    assert statuses == [("done", len(shared))]
    assert len(documents) == len(set(documents)) == len(shared)
    added = sum(int(r.stderr.split(" added")[0].split()[-1]) for r in results)
    assert added == len(shared)
    # a later run finds every file done
    again = CliRunner().invoke(main, ["--data-dir", str(race_settings.data_dir), "ingest", str(tmp_path / "both")],
                               env={"THEODOI_DATABASE_URL": race_settings.database_url})
    assert f"0 added, {len(shared)} unchanged, 0 failed" in again.output


def test_doctor_is_not_healthy_while_files_are_failed(tmp_path, settings):
    folder = tmp_path / "in"
    write_folder(folder, 1)
    (folder / "broken.pdf").write_text("<html>not a pdf</html>", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["--data-dir", str(settings.data_dir), "ingest", str(folder)])
    result = runner.invoke(main, ["--data-dir", str(settings.data_dir), "doctor"])
    assert result.exit_code == 1, result.output
    assert "1 file could not be read" in result.output


def test_a_file_left_failed_beside_its_document_is_healed(tmp_path, settings):
    """What racing ingests left before claims existed: the file "failed" while its document is
    stored. Later runs said "0 added, 0 unchanged, 1 failed" for ever; now the file is done."""
    folder = tmp_path / "in"
    write_folder(folder, 1)
    runner = CliRunner()
    args = ["--data-dir", str(settings.data_dir), "ingest", str(folder)]
    assert "1 added" in runner.invoke(main, args).output
    store = Store(settings)
    with store.transaction() as session:
        session.execute(StoredFile.__table__.update().values(
            status="failed", error_code="store_failed", error_message="IntegrityError: NOT NULL constraint failed"))
    store.dispose()
    again = runner.invoke(main, args)
    assert "0 added, 1 unchanged, 0 failed" in again.output, again.output
    store = Store(settings)
    with store.session() as session:
        assert session.scalars(select(StoredFile.status)).all() == ["done"]
        assert session.scalar(select(func.count()).select_from(Document)) == 1
    store.dispose()
