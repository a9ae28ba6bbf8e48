"""`theodoi serve` refuses a taken port and a missing data directory with one line, exit 2."""
from __future__ import annotations

import socket
import subprocess
import sys


def _serve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "theodoi.cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_busy_port_is_one_line_and_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve("--data-dir", str(tmp_path), "serve", "--port", str(port))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"--port {port + 1}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_data_directory_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "nowhere"
    result = _serve("--data-dir", str(missing), "serve", "--port", "1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "no data directory at" in result.stderr and "nowhere" in result.stderr
    assert not missing.exists()
