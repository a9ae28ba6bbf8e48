"""Queue benchmark: files per second for N generated text files ingested by one process on SQLite
(`theodoi ingest`, its reader pool) beside `theodoi ingest --queue` read by W `theodoi worker`
processes on PostgreSQL + Redis (a fresh database and a namespace of its own, both removed at
the end), with S app servers (`theodoi serve`) on the same database and the PostgreSQL search
index answering searches all along. Both runs are separate processes started from the command
line, spaCy load included. The queue run ends when every file has its outcome and every app
server's search finds all the documents (one shared index, nothing to copy).

    .venv/bin/python bench/bench_queue.py [--files 500] [--workers 2] [--servers 2]
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import redis
from sqlalchemy import create_engine, text

POSTGRES_ADMIN = os.environ.get("THEODOI_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("THEODOI_TEST_REDIS", "redis://127.0.0.1:6379/0")
PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG\nSố: {n}/KH-UBND\n\nKẾ HOẠCH\nThực hiện nhiệm vụ số {n}\n\n"
        "1. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính rà soát danh mục dự án số {n}, "
        "hoàn thành trước ngày 30/9/2025.\n2. Ủy ban nhân dân các huyện báo cáo kết quả thực hiện hằng quý.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")


def theodoi(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "theodoi.cli", "--data-dir", str(data_dir), *args]


def done_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("select count(*) from files where status in ('done', 'failed')")).scalar()
    except Exception:  # the schema is not there yet
        return 0
    finally:
        engine.dispose()


def wait_for_port(port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/documents", timeout=5)
            return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError(f"no app server on port {port}")


def search_totals(ports: list[int], stats: dict) -> list[int]:
    """Each server's total for a word every generated file has (errors and latencies counted)."""
    totals = []
    for port in ports:
        started = time.perf_counter()
        try:
            answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/search", params={"q": "kế hoạch"}, timeout=30)
            answer.raise_for_status()
            totals.append(answer.json()["total"])
        except (httpx.HTTPError, KeyError, ValueError):
            stats["errors"] += 1
            totals.append(-1)
        stats["latencies"].append(time.perf_counter() - started)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--port", type=int, default=18700, help="first app server port")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "in")
        folder.mkdir()
        for n in range(args.files):
            (folder / f"kh-{n:04d}.txt").write_text(PLAN.format(n=1000 + n), encoding="utf-8")

        started = time.perf_counter()
        subprocess.run(theodoi(Path(tmp, "one"), "ingest", str(folder)), check=True, capture_output=True)
        one = time.perf_counter() - started

        name, namespace = f"theodoi_bench_{uuid.uuid4().hex[:8]}", f"theodoi-bench-{uuid.uuid4().hex[:8]}"
        admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
        env = {**os.environ, "THEODOI_DATABASE_URL": url, "THEODOI_QUEUE_URL": REDIS_URL,
               "THEODOI_QUEUE_NAMESPACE": namespace, "THEODOI_SEARCH_BACKEND": "postgres"}
        data = Path(tmp, "many")
        ports = [args.port + n for n in range(args.servers)]
        stats: dict = {"errors": 0, "latencies": []}
        workers = []
        try:
            data.mkdir()
            subprocess.run(theodoi(data, "reindex"), env=env, check=True, capture_output=True)  # schema + index
            workers = [subprocess.Popen(theodoi(data, "serve", "--port", str(port)), env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True) for port in ports]
            for port in ports:
                wait_for_port(port)
            started = time.perf_counter()
            workers += [subprocess.Popen(theodoi(data, "worker"), env=env, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, start_new_session=True) for _ in range(args.workers)]
            subprocess.run(theodoi(data, "ingest", "--queue", str(folder)), env=env, check=True, capture_output=True)
            while min(search_totals(ports, stats)) < args.files or done_count(url) < args.files:
                time.sleep(0.5)
            many = time.perf_counter() - started
        finally:
            for process in workers:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait()
            client = redis.Redis.from_url(REDIS_URL)
            keys = list(client.scan_iter(f"{namespace}*"))
            if keys:
                client.delete(*keys)
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    print(f"{args.files} files, {os.cpu_count()} cores")
    print(f"one process, SQLite:                   {args.files / one:6.2f} files/s ({one:.1f} s)")
    print(f"{args.workers} workers + {args.servers} app servers, PostgreSQL + Redis queue + PostgreSQL search: "
          f"{args.files / many:6.2f} files/s ({many:.1f} s)  ratio {one / many:.2f}")
    latencies = sorted(stats["latencies"])
    if latencies:
        print(f"searches on the app servers during the run: {len(latencies)}, errors {stats['errors']}, "
              f"median {latencies[len(latencies) // 2] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
