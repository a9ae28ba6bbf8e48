"""The link pages' reading before and after they read only what they show, on one store, in one run.

    .venv/bin/python bench/bench_link_pages.py [--docs 20000] [--keep DIR] [--pages 12] [--runs 3]
                                               [--baseline REV]

Builds (or reuses with --keep) a SQLite store of generated documents linked as follow-up chains
(a resolution; three plans carrying it out; a report on each plan; an urging letter for each
plan), texts of about 2,500 characters, one document in ten citing a law that is not stored.
Then times, alternately in fresh sessions, what each page reads and arranges:

  timeline    /documents/<id>/links for `--pages` documents (resolutions, plans, reports)
  unresolved  /links/unresolved

"before" is `document_links` over every citation as tracking/links.py had it at REV (default
0f7e9a6, before this change) and "all links now" the same over every citation with today's
grouping; "after" is tracking/link_queries.py. Prints median ms of each and the ratios.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from theodoi.config import Settings
from theodoi.store.db import Store
from theodoi.store.models import Citation, Document, StoredFile
from theodoi.tracking.link_queries import timeline_links, unresolved_links
from theodoi.tracking.link_views import timeline, unresolved
from theodoi.tracking.links import document_links

ROOT = Path(__file__).resolve().parents[1]
FILLER = ("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện tổ chức thực hiện "
          "nghiêm túc, hiệu quả các nhiệm vụ được giao, định kỳ báo cáo kết quả về Sở Kế hoạch và Đầu tư. ") * 14


def baseline_links(revision: str):
    """tracking/links.py as it was at `revision`."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:tracking/links.py"], check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("theodoi.tracking.links_baseline", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    exec(compile(source, f"{revision}:tracking/links.py", "exec"), module.__dict__)
    return module


def generate(store: Store, documents: int) -> None:
    """Store `documents` documents as chains of eight, and their citations."""
    chains = documents // 20 * 2 or 1
    rows, citations = [], []

    def add(kind: str, number: str, day: dt.date, cites: list[tuple[int | None, str, str]]) -> int:
        rows.append({"kind": kind, "number": number, "date": day, "issuer": "Ủy ban nhân dân tỉnh Long An",
                     "title": f"{kind} {number}", "text": f"{kind.upper()} số {number}. {FILLER}"})
        document_id = len(rows)
        for cited, cited_number, relation in cites:
            citations.append({"document_id": document_id, "text": cited_number, "start": 10, "end": 20,
                              "number": cited_number, "relation": relation, "cited_document_id": cited})
        if document_id % 10 == 0:
            law = f"{document_id % 300 + 1}/2019/QH14"
            citations.append({"document_id": document_id, "text": law, "start": 30, "end": 40, "number": law,
                              "kind": "Luật", "relation": "cites", "cited_document_id": None})
        return document_id

    for chain in range(chains):
        year = 2015 + chain % 10
        resolution = add("Nghị quyết", f"{chain + 1}-NQ/TU", dt.date(year, 1, 10), [])
        for plan_index in range(3):
            plan_number = f"{chain * 3 + plan_index + 1}/KH-UBND"
            plan = add("Kế hoạch", plan_number, dt.date(year, 3, 1 + plan_index),
                       [(resolution, f"{chain + 1}-NQ/TU", "implements")])
            add("Báo cáo", f"{chain * 3 + plan_index + 1}/BC-UBND", dt.date(year, 12, 1),
                [(plan, plan_number, "reports_on")])
            add("Công văn", f"{chain * 3 + plan_index + 1}/UBND-VX", dt.date(year, 6, 1),
                [(plan, plan_number, "urges")])
    with store.transaction() as session:
        files = [{"sha256": hashlib.sha256(str(i).encode()).hexdigest(), "original_name": f"vb-{i}.txt",
                  "source_path": f"/in/vb-{i}.txt", "stored_path": f"originals/{i}.txt", "size": 3000,
                  "status": "done"} for i in range(1, len(rows) + 1)]
        session.execute(insert(StoredFile), files)
        session.execute(insert(Document), [{**row, "file_id": i, "index_state": "indexed"}
                                           for i, row in enumerate(rows, start=1)])
        session.execute(insert(Citation), citations)


def median_ms(durations: list[float]) -> float:
    return statistics.median(durations) * 1000


def timed(store: Store, read) -> float:
    with store.session() as session:
        started = time.perf_counter()
        read(session)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--keep", type=Path, help="data directory to build once and reuse")
    parser.add_argument("--pages", type=int, default=12, help="timelines to time (0: none)")
    parser.add_argument("--runs", type=int, default=3, help="runs of the unresolved list")
    parser.add_argument("--baseline", default="0f7e9a6")
    args = parser.parse_args()
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="bench-links-")) / "data"
    store = Store(Settings.load(data_dir))
    with store.session() as session:
        stored = session.scalar(select(func.count(Document.id)))
    if not stored:
        started = time.perf_counter()
        generate(store, args.docs)
        print(f"built {args.docs} documents in {time.perf_counter() - started:.1f} s ({data_dir})")
    with store.session() as session:
        total = session.scalar(select(func.count(Document.id)))
        ids = list(session.scalars(select(Document.id).order_by(Document.id)))
        print(f"{total} documents, {session.scalar(select(func.count(Citation.id)))} citations")
    before = baseline_links(args.baseline)
    if args.pages:
        step = max(1, len(ids) // args.pages)
        pages = [ids[i] for i in range(0, len(ids), step)][:args.pages]

        paths = {
            "before": lambda document_id: lambda s: (timeline(r := before.document_links(s), document_id),
                                                     unresolved(r, document_id)),
            "all links now": lambda document_id: lambda s: (timeline(r := document_links(s), document_id),
                                                            unresolved(r, document_id)),
            "after": lambda document_id: lambda s: (timeline(r := timeline_links(s, document_id), document_id),
                                                    unresolved(r, document_id)),
        }
        timings = {name: [] for name in paths}
        for document_id in pages:
            for name, path in paths.items():
                timings[name].append(timed(store, path(document_id)))
        print(f"timeline ({len(pages)} documents), median ms:")
        for name, durations in timings.items():
            print(f"  {name:14s} {median_ms(durations):10.1f}")
        after = median_ms(timings["after"])
        print(f"  ratio before/after {median_ms(timings['before']) / after:.0f}x, "
              f"all links now/after {median_ms(timings['all links now']) / after:.0f}x")

    lists = {"before": lambda s: unresolved(before.document_links(s)),
             "all links now": lambda s: unresolved(document_links(s)),
             "after": lambda s: unresolved(unresolved_links(s))}
    timings = {name: [] for name in lists}
    for _ in range(args.runs):
        for name, read in lists.items():
            timings[name].append(timed(store, read))
    with store.session() as session:
        assert unresolved(unresolved_links(session)) == unresolved(document_links(session))
    print(f"unresolved list ({args.runs} runs), median ms:")
    for name, durations in timings.items():
        print(f"  {name:14s} {median_ms(durations):10.1f}")
    after = median_ms(timings["after"])
    print(f"  ratio before/after {median_ms(timings['before']) / after:.1f}x, "
          f"all links now/after {median_ms(timings['all links now']) / after:.1f}x")
    store.dispose()


if __name__ == "__main__":
    sys.exit(main())
