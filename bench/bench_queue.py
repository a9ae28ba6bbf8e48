"""Queue benchmark: files per second for N generated text files ingested by one process on SQLite
(`theodoi ingest`, its reader pool) beside `theodoi ingest --queue` read by W `theodoi worker`
processes on PostgreSQL + Redis (a fresh database and a namespace of its own, both removed at
the end). Both runs are separate processes started from the command line, spaCy load included.

    .venv/bin/python bench/bench_queue.py [--files 60] [--workers 2]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
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
               "THEODOI_QUEUE_NAMESPACE": namespace}
        data = Path(tmp, "many")
        workers = []
        try:
            started = time.perf_counter()
            workers = [subprocess.Popen(theodoi(data, "worker"), env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True) for _ in range(args.workers)]
            subprocess.run(theodoi(data, "ingest", "--queue", str(folder)), env=env, check=True, capture_output=True)
            while done_count(url) < args.files:
                time.sleep(0.2)
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
    print(f"{args.workers} workers, PostgreSQL + Redis queue:  {args.files / many:6.2f} files/s ({many:.1f} s)"
          f"  ratio {one / many:.2f}")


if __name__ == "__main__":
    main()
