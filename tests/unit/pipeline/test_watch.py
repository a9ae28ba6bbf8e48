"""The watched inbox: a real `theodoi watch` process, files dropped into its folder, a restart that
re-ingests nothing; and the poll's rules (a file still being written waits, temporary names wait)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from theodoi.config import Settings
from theodoi.pipeline import FileOutcome
from theodoi.watch import Inbox


def plan(number: int) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: {number}/KH-UBND\n\nKẾ HOẠCH\nRà soát thủ tục số {number}\n\n"
            f"Giao Sở Nội vụ chủ trì rà soát thủ tục hành chính số {number}, hoàn thành trước ngày 30/9/2025.\n")


class WatchProcess:
    """`theodoi watch` in its own process; its stdout lines collected as they come."""

    def __init__(self, folder: Path, data_dir: Path):
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "theodoi.cli", "--data-dir", str(data_dir), "watch", str(folder),
             "--interval", "0.3"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "THEODOI_OCR_MODE": "off"})
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.strip())

    def wait_for(self, count: int, timeout: float = 120) -> list[str]:
        deadline = time.monotonic() + timeout
        while len(self.lines) < count and time.monotonic() < deadline and self.process.poll() is None:
            time.sleep(0.1)
        assert len(self.lines) >= count, f"waited for {count} outcomes, saw {self.lines}"
        return list(self.lines)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        assert self.process.wait(timeout=30) == 0


def documents(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "theodoi.db") as connection:
        return [row[0] for row in connection.execute("select number from documents order by id")]


def test_a_watch_ingests_dropped_files_once_and_a_restart_re_reads_nothing(tmp_path):
    inbox, data_dir = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    (inbox / "kh-1.txt").write_text(plan(1), encoding="utf-8")  # there before the watch starts
    watch = WatchProcess(inbox, data_dir)
    try:
        assert watch.wait_for(1)[0].startswith(f"added {inbox / 'kh-1.txt'}")
        partial = inbox / "kh-2.txt.part"  # copied under a temporary name, then renamed
        partial.write_text(plan(2), encoding="utf-8")
        time.sleep(1)
        partial.rename(inbox / "kh-2.txt")
        (inbox / "hong.pdf").write_bytes(b"%PDF-1.4 truncated")
        watch.wait_for(3)
        time.sleep(1.5)  # a few more polls: nothing is taken twice
    finally:
        watch.stop()
    assert sorted(line.split()[:2] for line in watch.lines[1:]) == [
        ["added", str(inbox / "kh-2.txt")], ["error", "corrupt_file:"]]
    assert any(f"{inbox / 'hong.pdf'}: " in line for line in watch.lines)  # the error names the file
    assert len(watch.lines) == 3 and documents(data_dir) == ["1/KH-UBND", "2/KH-UBND"]

    (inbox / "kh-3.txt").write_text(plan(3), encoding="utf-8")  # arrives while the watch is down
    again = WatchProcess(inbox, data_dir)
    try:
        lines = again.wait_for(4)
    finally:
        again.stop()
    statuses = sorted(line.split(" ")[0] for line in lines)
    assert statuses == ["added", "error", "unchanged", "unchanged"]  # the broken file is tried again
    assert documents(data_dir) == ["1/KH-UBND", "2/KH-UBND", "3/KH-UBND"]


def test_a_file_still_being_written_waits_for_the_next_poll(tmp_path):
    handed: list[list[Path]] = []
    inbox = Inbox(tmp_path, lambda files: handed.append(files) or [FileOutcome(f, "added") for f in files])
    growing = tmp_path / "scan.pdf"
    growing.write_bytes(b"%PDF-1.4 first half")
    assert inbox.poll() == []  # seen once: maybe still being written
    with growing.open("ab") as handle:
        handle.write(b" second half")
    assert inbox.poll() == []  # it changed: wait again
    assert [o.path for o in inbox.poll()] == [growing]  # the same size and time twice: taken
    assert inbox.poll() == [] and inbox.poll() == []  # once
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / ".hidden.txt").write_text("x")
    inbox.poll()
    assert inbox.poll() == []  # temporary and hidden names are left alone
    growing.write_bytes(b"%PDF-1.4 a new version")
    inbox.poll()
    assert [o.path for o in inbox.poll()] == [growing]  # changed bytes: handed over again


def test_watch_once_ingests_what_is_there_and_stops(tmp_path):
    """`--once` ingests what the folder holds and stops, through the same handle as the loop."""
    from click.testing import CliRunner

    from theodoi.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kh-9.txt").write_text(plan(9), encoding="utf-8")
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "watch", str(tmp_path / "in"), "--once"])
    assert result.exit_code == 0 and result.output.startswith("added ")
    assert Settings.load(tmp_path / "data").data_dir.joinpath("theodoi.db").exists()
