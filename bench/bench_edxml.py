"""edXML benchmark: packages read per second beside reading their attachments alone.

Each corpora/demo document that has a text layer (PDF, DOCX, TXT, HTML; scans excluded) is
written into a signed package by `theodoi.ingest.edxml_writer` (its header in the
MessageHeader, the file base64 in AttachmentEncoded), once as it is and once zipped. Then,
best of --rounds, `parse_file` over:
  - the attachments alone (the files themselves),
  - the packages (XML parse, signature digest, base64, zip, type check, the attachment's parser),
  - the zipped packages,
and the package overhead alone (read_package + check_signature + decoded_files, no parser).
One line each: files per second, and the ratio to the attachments alone. No NLP: ingest only.

    .venv/bin/python bench/bench_edxml.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import mimetypes
import tempfile
import time
from pathlib import Path

from theodoi.config import Settings
from theodoi.ingest import parse_file
from theodoi.ingest.edxml_package import read_package
from theodoi.ingest.edxml_signature import check_signature
from theodoi.ingest.edxml_writer import PackageFile, fields_from_header, write_package, zipped
from theodoi.ingest.parsers.edxml import decoded_files

DEMO = Path(__file__).resolve().parent.parent / "corpora" / "demo"
FORMATS = (".pdf", ".docx", ".txt", ".html")


def build(folder: Path, settings: Settings) -> tuple[list[Path], list[Path], list[Path]]:
    """(attachments, packages, zipped packages) written into `folder`."""
    sources = [p for p in sorted(DEMO.iterdir()) if p.suffix in FORMATS]
    packages, zips = [], []
    for source in sources:
        fields = fields_from_header(parse_file(source, settings).header)
        file = PackageFile(source.name, source.read_bytes(), mimetypes.guess_type(source.name)[0] or "")
        for kind, files, out in (("plain", [file], packages), ("zip", [zipped(f"{source.stem}.zip", [file])], zips)):
            path = folder / f"{source.stem}-{kind}.edxml"
            path.write_bytes(write_package(fields, files, sign_key=b"bench"))
            out.append(path)
    return sources, packages, zips


def best_seconds(rounds: int, work) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def overhead(paths: list[Path], settings: Settings) -> None:
    for path in paths:
        package = read_package(path)
        check_signature(package.tree)
        decoded_files(path, package.files, settings.max_file_mb * 1_000_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings.load(tempfile.mkdtemp(prefix="theodoi-bench-edxml-"), ocr_mode="off")
    with tempfile.TemporaryDirectory() as folder:
        sources, packages, zips = build(Path(folder), settings)
        size = sum(p.stat().st_size for p in sources) / 1e6
        print(f"{len(sources)} documents ({size:.1f} MB), {args.rounds} rounds, best round")
        base = best_seconds(args.rounds, lambda: [parse_file(p, settings) for p in sources])
        rows = [("attachments alone", base, sources),
                ("packages", best_seconds(args.rounds, lambda: [parse_file(p, settings) for p in packages]), packages),
                ("zipped packages", best_seconds(args.rounds, lambda: [parse_file(p, settings) for p in zips]), zips),
                ("package overhead only", best_seconds(args.rounds, lambda: overhead(packages, settings)), packages)]
        print(f"{'read':<24}{'files/s':>9}{'s/file':>9}{'× alone':>9}")
        for label, seconds, paths in rows:
            print(f"{label:<24}{len(paths) / seconds:>9.1f}{seconds / len(paths):>9.3f}{seconds / base:>9.2f}")


if __name__ == "__main__":
    main()
