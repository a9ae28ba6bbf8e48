"""The Whoosh search path before and after a change, on one index, in one run.

    .venv/bin/python bench/bench_whoosh_path.py --keep DIR [--docs 20000] [--queries 60]
                                                [--baseline REV] [--baseline-keep DIR] [--commit N]
                                                [--profile FILE]

Builds (or reuses, with bench_search.py's --keep folder) the Whoosh index of bench_search's
generated corpus, then times `SearchIndex.search` (page of 20, facets, snippets, spelling
help) of this worktree against the same class as it was at git revision REV (default
HEAD; search/index.py and search/whoosh_matches.py of that revision loaded beside today's
modules), query by query alternately, so a shared, loaded machine slows both alike.
`--baseline-keep DIR`: the "before" class reads the index of that bench_search --keep folder
(the same generated documents, written by the code of REV) instead of --keep's.
`--commit N`: then replace the first N documents in both indexes (one commit each: a new
segment, deletions in the old one) and time every set again, as searches right after an
ingest (this writes to the indexes: use copies of the --keep folders). Prints median / p95 in ms for
each query set and the after/before ratios. `--profile FILE` writes a cProfile of the
current path over every query set (read it with `python -m pstats FILE`).
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.util
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import build_engine, generate, make_queries, percentile, query_rows  # noqa: E402

from theodoi.search.index import SearchIndex  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _module_at(revision: str, name: str):
    """search/<name>.py as it was at `revision`, loaded as a module of its own."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:search/{name}.py"], check=True,
                            capture_output=True, text=True).stdout
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(f"theodoi.search.{name}_baseline",
                                                                             loader=None))
    exec(compile(source, f"{revision}:search/{name}.py", "exec"), module.__dict__)
    return module


def baseline_class(revision: str):
    """SearchIndex as search/index.py defined it at `revision`, with that revision's
    whoosh_matches.py."""
    module = _module_at(revision, "index")
    module.whoosh_matches = _module_at(revision, "whoosh_matches")
    return module.SearchIndex


def alternate(before, after, queries: list[str], filters: dict, sort: str, warmup: int = 5):
    """(before, after) lists of milliseconds, the two run query by query in turn."""
    for query in queries[:warmup]:
        before.search(query, filters=filters, sort=sort)
        after.search(query, filters=filters, sort=sort)
    timings: tuple[list, list] = ([], [])
    for query in queries:
        for index, durations in ((before, timings[0]), (after, timings[1])):
            start = time.perf_counter()
            index.search(query, filters=filters, sort=sort)
            durations.append((time.perf_counter() - start) * 1000)
    return timings


def time_sets(before, after, rows) -> None:
    """Print median / p95 of before and after for every query set, and over all of them."""
    print(f"{'query set':30} {'before med/p95 ms':>20} {'after med/p95 ms':>20} {'after/before':>14}", flush=True)
    everything: tuple[list, list] = ([], [])
    for name, queries, filters, sort in rows:
        old, new = alternate(before, after, queries, filters, sort)
        everything[0].extend(old)
        everything[1].extend(new)
        print(f"{name:30} {statistics.median(old):9.1f} / {percentile(old, 0.95):8.1f} "
              f"{statistics.median(new):9.1f} / {percentile(new, 0.95):8.1f} "
              f"{statistics.median(new) / statistics.median(old):6.2f}x / {percentile(new, 0.95) / percentile(old, 0.95):4.2f}x",
              flush=True)
    old, new = everything
    print(f"{'all sets':30} {statistics.median(old):9.1f} / {percentile(old, 0.95):8.1f} "
          f"{statistics.median(new):9.1f} / {percentile(new, 0.95):8.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--words", type=int, nargs=2, default=(300, 2000))
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--keep", type=Path, required=True, help="bench_search.py --keep folder")
    parser.add_argument("--baseline", default="HEAD", help="git revision of the 'before' search/index.py")
    parser.add_argument("--baseline-keep", type=Path, help="bench_search.py --keep folder of the 'before' index")
    parser.add_argument("--commit", type=int, default=0, help="then replace N documents and time again")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the current path here")
    args = parser.parse_args()

    folder = args.keep / "whoosh" / "index"
    if not folder.exists() or len(SearchIndex(folder)) != args.docs:
        _, seconds, size = build_engine(args.keep, list(generate(args.docs, tuple(args.words))), "whoosh")
        print(f"built the whoosh index in {seconds:.1f} s, {size:.1f} MB", flush=True)
    before_folder = (args.baseline_keep or args.keep) / "whoosh" / "index"
    before, after = baseline_class(args.baseline)(before_folder), SearchIndex(folder)
    print(f"whoosh index: {len(after)} documents ({len(before)} before); before = search/index.py and "
          f"whoosh_matches.py at {args.baseline}", flush=True)
    rows = query_rows(make_queries(args.queries))
    time_sets(before, after, rows)
    if args.commit:
        replaced = list(islice(generate(args.docs, tuple(args.words)), args.commit))
        for index in (before, after):
            index.add(replaced)
        print(f"after a commit replacing {args.commit} documents:", flush=True)
        time_sets(before, after, rows)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _, queries, filters, sort in rows:
            for query in queries:
                after.search(query, filters=filters, sort=sort)
        profiler.disable()
        profiler.dump_stats(args.profile)
        print(f"profile of the current path: {args.profile}")


if __name__ == "__main__":
    main()
