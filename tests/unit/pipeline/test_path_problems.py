"""A batch never aborts on a path: names that are not UTF-8, files and folders this user may not
read, special files, dangling links, loops and folders nested deeper than a path may be long are
each an outcome with a code, listed by `ingest --failed`, and the files around them are read."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from theodoi.cli import main
from theodoi.store.db import Store
from theodoi.store.models import StoredFile

from .test_batches import _done_count, plan, write_folder


def ingest(data_dir: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), "ingest", *args])


def failed_listing(data_dir: Path) -> str:
    return ingest(data_dir, "--failed").output


def files_by_status(settings) -> dict[str, list[str]]:
    store = Store(settings)
    with store.session() as session:
        found: dict[str, list[str]] = {}
        for row in session.query(StoredFile):
            found.setdefault(row.status, []).append(row.original_name)
    store.dispose()
    return found


def test_a_name_that_is_not_utf8_is_read_and_the_batch_goes_on(tmp_path, settings):
    folder = tmp_path / "in"
    write_folder(folder, 2)
    odd = folder / os.fsdecode(b"k\xea ho\xe1ch cp1258.txt")  # a Windows archive unzipped here
    odd.write_text(plan(900), encoding="utf-8")
    result = ingest(settings.data_dir, str(folder))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    names = files_by_status(settings)["done"]
    assert r"k\xea ho\xe1ch cp1258.txt" in names


def test_special_files_dangling_links_and_loops_are_outcomes_with_codes(tmp_path, settings):
    folder = tmp_path / "in"
    write_folder(folder, 2)
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (folder / "sub").mkdir()
    (folder / "sub" / "kh-900.txt").write_text(plan(900), encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    result = ingest(settings.data_dir, str(folder))
    assert result.exit_code == 1, result.output
    assert "3 added" in result.output and "3 failed" in result.output
    listed = failed_listing(settings.data_dir)
    for code, name in (("not_regular_file", "pipe.txt"), ("dangling_link", "gone.pdf"), ("path_loop", "back")):
        assert any(line.startswith(code) and name in line for line in listed.splitlines()), (code, listed)
    # named on the command line, a special file is the same outcome (not "no such file")
    named = ingest(settings.data_dir, str(folder / "pipe.txt"))
    assert "not_regular_file" in named.output


def _nest(root: Path, depth: int, file_text: str) -> None:
    """`depth` folders one inside the other under root, a file at the bottom (made through
    folder descriptors: the full path is longer than the system lets one name)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        handle = os.open("kh.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(handle, file_text.encode("utf-8"))
        os.close(handle)
    finally:
        os.close(fd)


def test_folders_nested_2100_deep_do_not_abort_the_batch(tmp_path, settings):
    folder = tmp_path / "in"
    write_folder(folder, 2)
    (folder / "deep").mkdir()
    try:
        _nest(folder / "deep", 2100, plan(901))
        result = ingest(settings.data_dir, str(folder))
        assert not isinstance(result.exception, RecursionError), result.exception
        assert "2 added" in result.output, result.output
        assert "path_too_long" in failed_listing(settings.data_dir)
    finally:  # shutil.rmtree recurses once a folder: GNU rm does not
        subprocess.run(["rm", "-rf", str(folder / "deep")], check=True)


WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux)")
def test_unreadable_file_and_folder_are_outcomes_with_codes(tmp_path, settings):
    """Root reads everything, so the ingest runs as root without the capabilities that override
    file permissions: a file and a folder with mode 000 are then refused by the system for real."""
    folder = tmp_path / "in"
    write_folder(folder, 2)
    secret = folder / "kh-secret.txt"
    secret.write_text(plan(902), encoding="utf-8")
    closed = folder / "closed"
    closed.mkdir()
    (closed / "kh-inside.txt").write_text(plan(903), encoding="utf-8")
    secret.chmod(0o000)
    closed.chmod(0o000)
    try:
        command = [*WITHOUT_OVERRIDE, sys.executable, "-m", "theodoi.cli", "--data-dir", str(settings.data_dir),
                   "ingest"]
        run = subprocess.run([*command, str(folder)], capture_output=True, text=True, timeout=300)
        assert "Traceback" not in run.stderr, run.stderr
        assert "2 added" in run.stderr and "2 failed" in run.stderr, run.stderr
        listed = subprocess.run([*command, "--failed"], capture_output=True, text=True, timeout=120).stdout
        lines = listed.splitlines()
        assert any(line.startswith("permission_denied") and "kh-secret.txt" in line for line in lines), listed
        assert any(line.startswith("permission_denied") and "closed" in line for line in lines), listed
        assert _processing_count(settings.data_dir / "theodoi.db") == 0
    finally:
        secret.chmod(0o644)
        closed.chmod(0o755)


def _processing_count(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as connection:
        return connection.execute("select count(*) from files where status = 'processing'").fetchone()[0]


def _start_and_stop(settings, folder: Path, sig: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "theodoi.cli", "--data-dir", str(settings.data_dir), "ingest",
               str(folder), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    db = settings.data_dir / "theodoi.db"
    deadline = time.monotonic() + 120
    while _done_count(db) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, sig)
    process.wait(timeout=60)
    return process


@pytest.mark.slow
def test_files_of_a_killed_run_are_reclaimed_by_the_next_run(tmp_path, settings):
    write_folder(tmp_path / "in", 30)
    process = _start_and_stop(settings, tmp_path / "in", signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    assert _processing_count(settings.data_dir / "theodoi.db") > 0  # what the killed run held
    other = tmp_path / "other"
    write_folder(other, 1)
    (other / "kh-000.txt").write_text(plan(999), encoding="utf-8")
    ingest(settings.data_dir, str(other))
    assert _processing_count(settings.data_dir / "theodoi.db") == 0
    assert any(line.startswith("interrupted") for line in failed_listing(settings.data_dir).splitlines())
    again = ingest(settings.data_dir, str(tmp_path / "in"))
    assert again.exit_code == 0, again.output
    statuses = files_by_status(settings)
    assert set(statuses) == {"done"} and len(statuses["done"]) == 31


@pytest.mark.slow
def test_a_stopped_run_leaves_nothing_processing(tmp_path, settings):
    write_folder(tmp_path / "in", 30)
    process = _start_and_stop(settings, tmp_path / "in", signal.SIGTERM)
    assert process.returncode != 0
    assert _processing_count(settings.data_dir / "theodoi.db") == 0
