"""Coverage-guided fuzzing (atheris, libFuzzer) of the date grammar, the header parser and the
readers, each target for a bounded time in a process of its own.

atheris is not in requirements.lock (a 33 MB wheel only this bench uses): install it in a
scratch venv made with the project's interpreter and put that venv's packages on the path of
the project's venv:

    uv venv /tmp/fuzz/.venv --python /root/.pyenv/versions/3.11.7/bin/python3
    VIRTUAL_ENV=/tmp/fuzz/.venv uv pip install atheris==3.0.0
    PYTHONPATH=/tmp/fuzz/.venv/lib/python3.11/site-packages .venv/bin/python bench/fuzz_atheris.py \
        [--seconds 120] [--targets dates header readers]

A target fails on any exception other than the ones it is allowed (the readers: IngestError,
the clean refusal with a code); libFuzzer then writes the input to crash-* in --artifacts.
Prints runs, runs/s, coverage (libFuzzer "cov") and crashes per target.

The date grammar starts from the seeds in bench/fuzz_seeds/dates (date phrases of every kind
the grammar knows; an input is two bytes of day offset from 1990-01-01, the document's date,
then the text in UTF-8, so a seed reads as written and mutations stay mostly Vietnamese text);
the inputs libFuzzer finds go to a scratch corpus folder, never into the seeds.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TARGETS = ("dates", "header", "readers")
SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".doc", ".md")
SEEDS = Path(__file__).resolve().parent / "fuzz_seeds"
FIRST_DAY, LAST_OFFSET = (1990, 1, 1), 25_000


def date_input(data: bytes) -> tuple[int, str]:
    """(day offset from FIRST_DAY, text) of a dates input: two bytes, then UTF-8."""
    return int.from_bytes(data[:2], "big") % (LAST_OFFSET + 1), data[2:].decode("utf-8", errors="replace")


def run_target(name: str) -> None:
    """The fuzz loop of one target (runs in a child process; never returns)."""
    import atheris

    with atheris.instrument_imports(include=["theodoi"]):  # not spaCy and the readers' libraries: slow, not ours
        import datetime as dt

        from theodoi.config import Settings
        from theodoi.domain import IngestError
        from theodoi.ingest import parse_file
        from theodoi.ingest.header import parse_header
        from theodoi.nlp.dates import find_deadlines

    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    settings = Settings.load(folder / "data")

    def dates(data: bytes) -> None:
        offset, text = date_input(data[:8000])
        for deadline in find_deadlines(text, dt.date(*FIRST_DAY) + dt.timedelta(days=offset)):
            assert deadline.due is None or isinstance(deadline.due, dt.date)

    def header(data: bytes) -> None:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(8000)
        parsed = parse_header(text)
        assert parsed.date is None or isinstance(parsed.date, dt.date)

    def readers(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        path = folder / f"fuzz{SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]}"
        path.write_bytes(provider.ConsumeBytes(200_000))
        try:
            parse_file(path, settings)
        except IngestError as error:
            assert error.code

    atheris.Setup(sys.argv[:1] + sys.argv[3:], {"dates": dates, "header": header, "readers": readers}[name])
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120, help="fuzzing time per target")
    parser.add_argument("--targets", nargs="+", choices=TARGETS, default=list(TARGETS))
    parser.add_argument("--artifacts", type=Path, default=Path(tempfile.gettempdir()) / "theodoi-fuzz")
    args = parser.parse_args()
    print(f"{'target':8} {'runs':>9} {'runs/s':>8} {'cov':>6} {'crashes':>8}", flush=True)
    for name in args.targets:
        artifacts, corpus = args.artifacts / name, args.artifacts / f"{name}-corpus"
        for folder in (artifacts, corpus):
            folder.mkdir(parents=True, exist_ok=True)
        seeds = [str(SEEDS / name)] if (SEEDS / name).is_dir() else []
        done = subprocess.run([sys.executable, __file__, "--run", name, f"-max_total_time={args.seconds}",
                               f"-artifact_prefix={artifacts}/", "-rss_limit_mb=3000", "-timeout=60",
                               str(corpus), *seeds],  # new inputs are written to the first folder
                              capture_output=True, text=True)
        log = done.stdout + done.stderr
        runs = re.findall(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)\s+cov: (\d+)", log)
        total = re.search(r"Done (\d+) runs in (\d+) second", log)
        crashes = sorted(path.name for path in artifacts.iterdir())
        count, seconds = (int(total.group(1)), max(1, int(total.group(2)))) if total else (int(runs[-1][0]) if runs else 0, args.seconds)
        print(f"{name:8} {count:9d} {count / seconds:8.1f} {runs[-1][1] if runs else '?':>6} {len(crashes):8d}"
              + (f"  exit {done.returncode}: {', '.join(crashes)}" if crashes or done.returncode else ""), flush=True)
        if done.returncode and not crashes:
            print(log[-3000:])


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--run":
        run_target(sys.argv[2])
    else:
        main()
