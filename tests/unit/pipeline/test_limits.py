"""Limits that are real: a reader that runs too long or grows too big ends with a code while the
batch goes on, and reader processes die with the process that started them."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ...raw_docx import document_xml, raw_docx
from .test_batches import write_folder

WORDS = ("giao sở tài chính chủ trì phối hợp rà soát các khoản chi thường xuyên năm ngân sách "
         "báo cáo kết quả thực hiện kế hoạch tỉnh huyện xã").split()
def write_heavy_docx(path: Path, megabytes: int) -> None:
    """A valid Word file whose text unpacks to `megabytes` MB (a few MB on disk: under the
    zip-bomb ratio, so it is read, slowly)."""
    rng = random.Random(15)
    block = "".join(f"<w:p><w:r><w:t>{' '.join(rng.choice(WORDS) for _ in range(12))} {rng.randrange(10**6)}."
                    "</w:t></w:r></w:p>" for _ in range(2000))
    body = block * (megabytes * 1_000_000 // len(block.encode()))
    path.write_bytes(raw_docx(document_xml(body)))


def _ingest(data_dir: Path, folder: Path, timeout: float, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "theodoi.cli", "--data-dir", str(data_dir), "ingest", str(folder), "--workers", "0"]
    return subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def heavy_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    write_folder(folder, 1)
    write_heavy_docx(folder / "heavy.docx", 20)  # read without limits: over 90 s here
    return folder


@pytest.mark.slow
def test_a_reader_over_the_time_limit_ends_with_timeout(heavy_folder, settings):
    run = _ingest(settings.data_dir, heavy_folder, 120, THEODOI_FILE_TIMEOUT="5", THEODOI_READER_MEMORY_MB="0")
    assert "error timeout: " in run.stderr and "heavy.docx" in run.stderr, run.stderr
    assert "1 added" in run.stderr and "1 failed" in run.stderr


@pytest.mark.slow
def test_a_reader_over_the_memory_guard_ends_with_too_much_memory(heavy_folder, settings):
    run = _ingest(settings.data_dir, heavy_folder, 120, THEODOI_FILE_TIMEOUT="0", THEODOI_READER_MEMORY_MB="80")
    assert "error too_much_memory: " in run.stderr and "heavy.docx" in run.stderr, run.stderr
    assert "1 added" in run.stderr and "1 failed" in run.stderr


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except OSError:
        return False


@pytest.mark.slow
def test_reader_processes_exit_when_the_main_process_is_killed(tmp_path, settings):
    write_folder(tmp_path / "in", 12)
    command = [sys.executable, "-m", "theodoi.cli", "--data-dir", str(settings.data_dir), "ingest",
               str(tmp_path / "in"), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        readers = _children(process.pid)
        assert readers, "no reader process started"
        os.kill(process.pid, signal.SIGKILL)  # only the main process
        process.wait()
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in readers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in readers), "a reader outlived the main process"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _stuck_in_c(queue) -> None:
    """A reader whose file keeps it inside one C call: the timer's handler never gets to run."""
    import hashlib

    from theodoi.limits import init_reader, reading_limits

    init_reader(0)
    with reading_limits(1, 0):
        hashlib.pbkdf2_hmac("sha256", b"mat khau", b"muoi", 2**31 - 1)  # minutes inside OpenSSL
    queue.put("returned")


def test_a_reader_stuck_inside_c_code_is_stopped_by_the_kernel():
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    reader = context.Process(target=_stuck_in_c, args=(queue,))
    reader.start()
    reader.join(timeout=300)  # about 12 s of CPU; the call alone would take half an hour
    still_running = reader.is_alive()
    if still_running:
        reader.kill()
        reader.join()
    assert not still_running, "the reader was not stopped"
    assert reader.exitcode == -signal.SIGXCPU and queue.empty()
