"""Format benchmark: every corpus document in every input format theodoi reads.

Each corpora/src document is rendered by corpora/build.py in every format, whatever format
it is published in, and each rendering is read with `parse_file`, `extract` and
`to_schema` and scored against corpora/expected with theodoi.evaluation, one Scores per
format. One table row per format: files read, meta_acc, the F1 of tasks, lead bodies,
deadlines and references, seconds per file (reading and extraction, rendering excluded;
the NLP pipeline is loaded before timing), and the header fields missed (field: count).
Below the table, each missed field is listed with what was expected and what was read,
and each plain-text encoding whose reading differs from the UTF-8 one shows how.

Formats:
- plain text (build.render_txt) as UTF-8, UTF-8 with BOM, UTF-16 LE with BOM,
  Windows-1258 (build.encode_cp1258: tones as combining marks where the code page lacks
  the letter), TCVN3 (ABC) and VNI-Windows: the 8-bit encodings typed with the .VnTime and
  VNI-Times fonts, encoded with the inverse of ingest/legacy.py's tables.
  TCVN3 has codes for lower-case toned letters and for the seven bare capitals
  Ă Â Ê Ô Ơ Ư Đ only: upper-case toned letters were set in the separate .VnTimeH font,
  which draws the lower-case codes as capitals. A .txt file keeps no font, so a toned
  capital is written here with its lower-case code, as a TCVN3 keyboard driver types it:
  "CỘNG HÒA" is stored as "CéNG HßA" and reads back "CộNG HòA". The rendering is scored
  against the same expected JSON as the others; what that costs shows in the missed fields
  and in the text differences printed below the table.
  VNI-Windows has a code for every letter: capitals are written with upper-case
  modifiers ("Ủ" → "UÛ"), as a VNI keyboard driver types them.
- .docx (build.render_docx), .html (build.render_html: a portal page in windows-1258),
  text-layer .pdf (build.render_pdf).
- .doc: the .docx converted by LibreOffice (`soffice --headless --convert-to doc`); the
  row is skipped, saying so, when LibreOffice is not installed.
- scanned (OCR, Tesseract): the PDF printed, stamped with a red seal over the signer's name
  and scanned by bench/bench_scans.py (`scanned_pages`, seeded by the document's name);
  the same pages stored as an image-only PDF, as a multi-page LZW TIFF, and, for one-page
  documents only, as a PNG. `--no-ocr` skips these rows (OCR takes 3-5 s a page).

    .venv/bin/python bench/bench_formats.py [--only NAME ...] [--no-ocr] [--keep DIR]
"""
from __future__ import annotations

import argparse
import codecs
import importlib.util
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from theodoi.config import Settings
from theodoi.evaluation import Scores, meta_field_right, score_document
from theodoi.ingest import parse_file
from theodoi.ingest.legacy import TCVN3_TO_UNICODE, _vni_of
from theodoi.nlp import extract
from theodoi.nlp.schema_json import to_schema

_spec = importlib.util.spec_from_file_location("bench_scans", Path(__file__).resolve().parent / "bench_scans.py")
scans = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = scans
_spec.loader.exec_module(scans)
build = scans.load_build()

TCVN3_CODES = {letter: ord(code) for code, letter in TCVN3_TO_UNICODE.items()}
SCANNED = ("scan pdf", "scan tif", "scan png")


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 bytes of `text`; a toned capital takes its lower-case letter's code (see the module
    docstring)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = TCVN3_CODES.get(ch) or TCVN3_CODES.get(ch.lower())
        out += bytes([code]) if code else ch.encode("ascii")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """VNI-Windows bytes of `text` (as Windows-1252 holds them); capitals with capital modifiers."""
    spelled = "".join(_vni_of(ch.lower()).upper() if ch.isupper() else _vni_of(ch) if ch.islower() else ch
                      for ch in unicodedata.normalize("NFC", text))
    return spelled.encode("cp1252")


TEXT_ENCODINGS = {
    "txt UTF-8": lambda text: text.encode("utf-8"),
    "txt UTF-8 BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "txt UTF-16LE BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "txt Windows-1258": build.encode_cp1258,
    "txt TCVN3": encode_tcvn3,
    "txt VNI": encode_vni,
}


def soffice() -> str | None:
    """The LibreOffice command, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_doc(docx: Path) -> Path:
    """Convert a .docx to Word 97 .doc beside it with LibreOffice."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(docx.parent), str(docx)],
                       check=True, capture_output=True, timeout=180)
    return docx.with_suffix(".doc")


def save_pages(pages: list, path: Path, **options) -> Path:
    """Save scan pages as one multi-page file. Copies: Pillow leaves one save's encoder settings on
    the appended pages (a TIFF saved after the PDF fails)."""
    copies = [page.copy() for page in pages]
    copies[0].save(path, save_all=True, append_images=copies[1:], **options)
    return path


def render_all(src, signer: str | None, folder: Path, formats: list[str]) -> dict[str, Path]:
    """Write `src` into `folder` in every format, the .doc and the scans only when `formats` holds
    them; the paths by format (the PNG only for a one-page document)."""
    paths: dict[str, Path] = {}

    def write(label: str, suffix: str, data: bytes) -> None:
        paths[label] = folder / f"{src.name}.{suffix}"
        paths[label].write_bytes(data)

    text = build.render_txt(src).decode("utf-8")
    for label, encode in TEXT_ENCODINGS.items():
        write(label, label.split(" ", 1)[1].lower().replace(" ", "-") + ".txt", encode(text))
    write("docx", "docx", build.render_docx(src))
    write("html", "html", build.render_html(src))
    write("pdf", "pdf", build.render_pdf(src))
    if "doc" in formats:
        paths["doc"] = docx_to_doc(paths["docx"])
    if "scan pdf" in formats:
        pages = scans.scanned_pages(paths["pdf"].read_bytes(), signer, True, random.Random(src.name))
        paths["scan pdf"] = save_pages(pages, folder / f"{src.name}.scan.pdf", resolution=300)
        paths["scan tif"] = save_pages(pages, folder / f"{src.name}.scan.tif", dpi=(300, 300),
                                       compression="tiff_lzw")
        if len(pages) == 1:
            paths["scan png"] = folder / f"{src.name}.scan.png"
            pages[0].save(paths["scan png"], dpi=(300, 300))
    return paths


@dataclass
class Row:
    """What one format scored over the documents read in it."""

    files: int = 0
    seconds: float = 0.0
    scores: Scores = field(default_factory=Scores)
    missed: Counter = field(default_factory=Counter)
    misses: list = field(default_factory=list)       # (document, field, expected, read)
    text_diffs: list = field(default_factory=list)   # (document, UTF-8 line, this format's line)


def read(path: Path, settings: Settings) -> tuple[str, dict, float]:
    """Parse and extract one file: its text, its schema JSON and the seconds taken."""
    start = time.perf_counter()
    parsed = parse_file(path, settings)
    predicted = to_schema(parsed, extract(parsed))
    return parsed.text, predicted, time.perf_counter() - start


def first_difference(expected: str, got: str) -> tuple[str, str] | None:
    """The first line pair that differs between two readings, or None when they are equal."""
    if expected == got:
        return None
    a, b = expected.splitlines(), got.splitlines()
    return next(((x, y) for x, y in zip(a, b) if x != y), (f"{len(a)} lines", f"{len(b)} lines"))


def score_into(row: Row, name: str, gold: dict, predicted: dict, seconds: float) -> None:
    """Add one document read in this row's format to the row."""
    row.files += 1
    row.seconds += seconds
    score_document(gold, predicted, row.scores)
    for name_of_field in scans.FIELDS:
        expected, got = gold["document"].get(name_of_field), predicted["document"].get(name_of_field)
        if not meta_field_right(name_of_field, expected, got):
            row.missed[name_of_field] += 1
            row.misses.append((name, name_of_field, expected, got))


def print_report(rows: dict[str, Row], skipped: dict[str, str]) -> None:
    """The table, then the missed fields and the plain-text differences one by one."""
    print(f"\n{'format':18} {'files':>5} {'meta_acc':>8} {'task_f1':>7} {'lead_f1':>7} {'deadline_f1':>11} "
          f"{'ref_f1':>6} {'s/file':>6}  header fields missed")
    for label, row in rows.items():
        if label in skipped:
            print(f"{label:18} skipped: {skipped[label]}")
            continue
        s = row.scores.summary()
        missed = ", ".join(f"{f}: {n}" for f, n in row.missed.most_common()) or "none"
        print(f"{label:18} {row.files:>5} {s['meta_acc']:>8.3f} {s['task_f1']:>7.3f} {s['lead_f1']:>7.3f} "
              f"{s['deadline_f1']:>11.3f} {s['ref_f1']:>6.3f} {row.seconds / max(row.files, 1):>6.2f}  {missed}")
    for label, row in rows.items():
        if row.misses:
            print(f"\n{label}: header fields missed")
            for name, name_of_field, expected, got in row.misses:
                print(f"  {name} {name_of_field}: expected {expected!r}, read {got!r}")
        if row.text_diffs:
            print(f"\n{label}: text differs from the UTF-8 reading in {len(row.text_diffs)}/{row.files} files")
            for name, expected, got in row.text_diffs:
                print(f"  {name}: {expected!r}\n  {' ' * len(name)}  read {got!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="source names to run (default: all)")
    parser.add_argument("--no-ocr", action="store_true", help="skip the scanned rows (OCR is slow)")
    parser.add_argument("--keep", type=Path, help="keep the rendered files in this folder")
    args = parser.parse_args()
    sources = scans.corpus_sources(build, args.only)
    formats = [*TEXT_ENCODINGS, "docx", "html", "pdf", "doc", *SCANNED]
    skipped = {}
    if not soffice():
        skipped["doc"] = "LibreOffice (soffice) is not installed, so no .doc can be made from the .docx"
    if args.no_ocr:
        skipped.update(dict.fromkeys(SCANNED, "--no-ocr"))
    rows = {label: Row() for label in formats}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        settings = Settings.load(Path(tmp, "data"))
        extract(parse_file(scans.CORPORA / "src" / f"{sources[0].name}.txt", settings))  # load the pipeline
        for src in sources:
            gold = json.loads((scans.CORPORA / "expected" / f"{src.name}.json").read_text(encoding="utf-8"))
            paths = render_all(src, gold["document"].get("signer"), folder,
                               [f for f in formats if f not in skipped])
            utf8_text = None
            for label, path in paths.items():
                text, predicted, seconds = read(path, settings)
                score_into(rows[label], src.name, gold, predicted, seconds)
                if label == "txt UTF-8":
                    utf8_text = text
                elif label.startswith("txt ") and (diff := first_difference(utf8_text, text)):
                    rows[label].text_diffs.append((src.name, *diff))
            print(f"{src.name:48} read in {len(paths)} formats", flush=True)
    print_report(rows, skipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
