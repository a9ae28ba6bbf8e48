"""Benchmark: pipeline load time and extraction speed (`theodoi extract`) on a folder.

    .venv/bin/python bench/bench_extract.py [FOLDER ...]     # default: corpora/demo

Reads every file once (ingest, not timed in the extraction figure), then times the NLP
pipeline over the texts: documents, pages (of 3,000 characters, the length of an A4
page of Vietnamese administrative text) and sentences per second.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.nlp import extract
from theodoi.walk import PathProblem, walk

CHARS_PER_PAGE = 3000


def pipeline_load_seconds() -> float:
    """Seconds a fresh Python process takes to import spaCy and build the pipeline."""
    code = ("import time; t = time.perf_counter(); from theodoi.nlp import load_pipeline; load_pipeline(); "
            "print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[str(Path(__file__).parent.parent / "corpora" / "demo")])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    load_seconds = pipeline_load_seconds()

    settings = Settings.load("/tmp/theodoi-bench")
    parsed = []
    for path in walk(args.folders):
        if isinstance(path, PathProblem):
            print(f"skipped {path.message}", file=sys.stderr)
            continue
        try:
            parsed.append(parse_file(path, settings))
        except IngestError as error:
            print(f"skipped {error}", file=sys.stderr)
    chars = sum(len(p.text) for p in parsed)
    sentences = sum(len(re.findall(r"[.;:!?](?:\s|$)", p.text)) for p in parsed)

    rounds = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        tasks = sum(len(extract(p).tasks) for p in parsed)
        rounds.append(time.perf_counter() - started)
    seconds = statistics.median(rounds)
    pages = chars / CHARS_PER_PAGE
    print(f"pipeline load: {load_seconds:.2f} s (fresh process: import spaCy and theodoi.nlp, build the pipeline)")
    print(f"documents: {len(parsed)}, characters: {chars}, pages (3,000 chars): {pages:.1f}, "
          f"sentences: {sentences}, tasks: {tasks}")
    print(f"extract: median {seconds:.2f} s over {args.rounds} rounds = {len(parsed) / seconds:.1f} docs/s, "
          f"{pages / seconds:.1f} pages/s, {sentences / seconds:.0f} sentences/s")


if __name__ == "__main__":
    main()
