"""Load benchmark of the web app served by waitress (`theodoi serve`) on 127.0.0.1.

    .venv/bin/python bench/bench_load.py DATA_DIR [--users 20] [--seconds 60]
                                         [--soak-seconds 600 --ingest-files 200]

DATA_DIR: a data directory (bench/load_data.py makes one of 20,000 documents). One server
process; 20 simulated users (asyncio tasks sharing one httpx client, each sending its next
request when the last one answered, no think time) on one page at a time: a static file (the
server's own ceiling), search (a query of bench_search's sets), the task board, "my agency"
(the client logged in as an officer of Sở Y tế, an account the bench adds to DATA_DIR when
missing), the dashboard. Prints requests/s, median and p95 latency and errors per page, all
in one run.

With --soak-seconds, then a soak: the users on a mix of the four pages and a document page
for that long while `theodoi ingest` reads --ingest-files generated files into the same data
directory; prints errors, p95 per page, and the server's memory (RSS) at the start and end.

The client is a few lines of asyncio over httpx (pinned in requirements.lock already): locust
would add gevent and a web UI to the lock for 20 users, and wrk cannot vary the query per
request without Lua; the static-file row shows what client and server do with no work behind.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_queue import PLAN  # noqa: E402
from bench_search import make_queries, percentile  # noqa: E402

QUERIES = [query for queries in make_queries(40).values() for query in queries]


def pages(rng: random.Random, documents: int) -> dict:
    """Page name → a function giving the next URL path of that page."""
    return {
        "static file": lambda: "/static/style.css",
        "search": lambda: "/search?" + httpx.QueryParams({"q": rng.choice(QUERIES)}).__str__(),
        "task board": lambda: "/tasks",
        "my agency": lambda: "/my-agency",
        "dashboard": lambda: "/dashboard",
        "document": lambda: f"/documents/{rng.randint(1, documents)}",
    }


OFFICER, PASSWORD, AGENCY = "bench_officer", "bench-load-password", "Sở Y tế"


def officer_account(data_dir: Path) -> None:
    """The officer whose "my agency" page the bench asks for, added to the data directory once."""
    from theodoi.config import Settings
    from theodoi.store import repo
    from theodoi.store.db import Store
    from theodoi.tracking.accounts import add_account

    store = Store(Settings.load(data_dir))
    with store.transaction() as session:
        known = repo.user_by_name(session, OFFICER) is not None
    if not known:
        add_account(store, username=OFFICER, password=PASSWORD, role="officer", agencies=[AGENCY])
    store.dispose()


def log_in(base: str) -> httpx.Cookies:
    """The session cookie of the officer, logged in through the login form."""
    with httpx.Client(base_url=base, timeout=60) as client:
        form = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        answer = client.post("/login", data={"csrf_token": token, "username": OFFICER, "password": PASSWORD})
        if answer.status_code != 302:
            raise RuntimeError(f"the bench officer could not log in ({answer.status_code})")
        return client.cookies


async def drive(base: str, users: int, seconds: float, next_url, cookies: httpx.Cookies | None = None) -> dict:
    """`users` loops requesting next_url() for `seconds`: {"latencies": {page: [s]}, "errors": {page: n}}."""
    results = {"latencies": {}, "errors": {}, "requests": 0}
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=120, cookies=cookies,
                                 limits=httpx.Limits(max_connections=users, max_keepalive_connections=users)) as client:
        async def user() -> None:
            while time.monotonic() < deadline:
                page, url = next_url()
                started = time.perf_counter()
                try:
                    answer = await client.get(url)
                    ok = answer.status_code == 200
                except httpx.HTTPError:
                    ok = False
                results["latencies"].setdefault(page, []).append(time.perf_counter() - started)
                results["requests"] += 1
                if not ok:
                    results["errors"][page] = results["errors"].get(page, 0) + 1
        await asyncio.gather(*(user() for _ in range(users)))
    return results


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_server(data_dir: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "theodoi.cli", "--data-dir", str(data_dir), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=5)
            return server
        except httpx.HTTPError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise RuntimeError("the app server did not start")


def report(name: str, results: dict, seconds: float, page: str | None = None) -> str:
    latencies = results["latencies"].get(page or name, [])
    if not latencies:
        return f"{name:14} no answer"
    errors = results["errors"].get(page or name, 0)
    return (f"{name:14} {len(latencies) / seconds:8.1f} {statistics.median(latencies) * 1000:9.0f} "
            f"{percentile(latencies, 0.95) * 1000:9.0f} {len(latencies):8d} {errors:7d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60, help="per page")
    parser.add_argument("--warmup", type=float, default=10, help="seconds of mixed requests before measuring")
    parser.add_argument("--soak-seconds", type=float, default=0)
    parser.add_argument("--ingest-files", type=int, default=200)
    parser.add_argument("--port", type=int, default=18650)
    args = parser.parse_args()
    rng = random.Random(3)
    documents = int((args.data_dir / "theodoi.db").exists() and _count_documents(args.data_dir)) or 1
    urls = pages(rng, documents)
    base = f"http://127.0.0.1:{args.port}"
    officer_account(args.data_dir)
    server = start_server(args.data_dir, args.port)
    try:
        cookies = log_in(base)
        print(f"{documents} documents, {args.users} users, {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f} at start; server RSS {rss_mb(server.pid):.0f} MB", flush=True)
        mixed = list(urls)
        asyncio.run(drive(base, args.users, args.warmup, lambda: (page := rng.choice(mixed), urls[page]()), cookies))
        print(f"{'page':14} {'req/s':>8} {'p50 ms':>9} {'p95 ms':>9} {'requests':>8} {'errors':>7}", flush=True)
        for page in ("static file", "search", "task board", "my agency", "dashboard"):
            results = asyncio.run(drive(base, args.users, args.seconds, lambda page=page: (page, urls[page]()), cookies))
            print(report(page, results, args.seconds), flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at the end; server RSS {rss_mb(server.pid):.0f} MB", flush=True)
        if args.soak_seconds:
            soak(args, base, server, urls, rng, cookies)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def soak(args, base: str, server: subprocess.Popen, urls: dict, rng: random.Random, cookies: httpx.Cookies) -> None:
    """Mixed pages for --soak-seconds while an ingest of --ingest-files files runs."""
    with tempfile.TemporaryDirectory() as inbox:
        for n in range(args.ingest_files):
            Path(inbox, f"soak-{n:04d}.txt").write_text(PLAN.format(n=50_000 + n), encoding="utf-8")
        start_rss = rss_mb(server.pid)
        started = time.perf_counter()
        ingest = subprocess.Popen([sys.executable, "-m", "theodoi.cli", "--data-dir", str(args.data_dir), "ingest", inbox],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        mixed = list(urls)
        results = asyncio.run(drive(base, args.users, args.soak_seconds,
                                    lambda: (page := rng.choice(mixed), urls[page]()), cookies))
        ingest_seconds = None
        if ingest.poll() is not None:
            ingest_seconds = "done during the soak"
        output, _ = ingest.communicate()
        elapsed = time.perf_counter() - started
    print(f"\nsoak: {args.users} users, {args.soak_seconds:.0f} s, {results['requests']} requests, "
          f"{sum(results['errors'].values())} errors; ingest of {args.ingest_files} files "
          f"({ingest_seconds or f'finished after the soak, {elapsed:.0f} s from its start'}): "
          f"{output.strip().splitlines()[-1] if output.strip() else 'no output'}", flush=True)
    print(f"{'page':14} {'req/s':>8} {'p50 ms':>9} {'p95 ms':>9} {'requests':>8} {'errors':>7}")
    for page in urls:
        print(report(page, results, args.soak_seconds))
    print(f"server RSS {start_rss:.0f} MB at the start of the soak, {rss_mb(server.pid):.0f} MB at the end; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)


def _count_documents(data_dir: Path) -> int:
    import sqlite3

    with sqlite3.connect(data_dir / "theodoi.db") as db:
        return db.execute("select count(*) from documents").fetchone()[0]


if __name__ == "__main__":
    main()
