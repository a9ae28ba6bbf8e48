"""Scanned-document benchmark: the corpus printed, stamped, scanned and read back by OCR.

Every corpora/src document is rendered to PDF by corpora/build.py whatever format it is
published in. Each page is rasterised at 300 dpi; the page with the signature gets a red
seal stamped over the signer's name; every page is turned by a fraction of a degree,
blurred, speckled and stored as a JPEG in an image-only PDF, as an office scanner does.
`parse_file` reads it back through Tesseract, and the extraction is scored against
corpora/expected (theodoi.evaluation) beside the born-digital PDF of the same source, so
what scanning costs shows field by field.

    .venv/bin/python bench/bench_scans.py [--only NAME ...] [--no-seal] [--keep DIR]
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from theodoi.config import Settings
from theodoi.evaluation import Scores, meta_field_right, score_document
from theodoi.ingest import parse_file
from theodoi.nlp import extract
from theodoi.nlp.schema_json import to_schema

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SEAL_RED = (205, 35, 45)
FIELDS = ("kind", "number", "issuer", "date", "place", "title", "signer")


def load_build():
    spec = importlib.util.spec_from_file_location("corpora_build", CORPORA / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def corpus_sources(build, only: list[str] | None) -> list:
    """The parsed corpora/src documents, all or those named in `only`."""
    sources = [build.parse_source(p) for p in sorted((CORPORA / "src").glob("*.txt"))]
    return [s for s in sources if not only or s.name in only]


def stamp_seal(page: Image.Image, centre: tuple[float, float], radius: int, name: str) -> Image.Image:
    """A red seal over `page` (translucent ink: the type under it stays dark)."""
    seal = Image.new("RGB", page.size, "white")
    draw = ImageDraw.Draw(seal)
    cx, cy = centre
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=SEAL_RED, width=12)
    inner = radius - radius // 5
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=SEAL_RED, width=6)
    font = ImageFont.truetype(BOLD, radius // 6)
    for i, letter in enumerate(name.upper()):
        angle = math.radians(180 + i * 300 / max(len(name), 1))
        draw.text((cx + (radius * 0.9) * math.cos(angle), cy + (radius * 0.9) * math.sin(angle)), letter,
                  font=font, fill=SEAL_RED, anchor="mm")
    draw.regular_polygon((cx, cy, radius // 3), 5, fill=SEAL_RED)
    return ImageChops.multiply(page, seal)


def scan(image: Image.Image, rng: random.Random) -> Image.Image:
    """A scanner's copy: slightly turned, blurred, speckled, JPEG-compressed."""
    turned = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor="white")
    blurred = turned.filter(ImageFilter.GaussianBlur(0.7))
    draw = ImageDraw.Draw(blurred)
    for _ in range(400):
        x, y = rng.randrange(blurred.width), rng.randrange(blurred.height)
        draw.point((x, y), fill=(90, 90, 90))
    buffer = io.BytesIO()
    blurred.save(buffer, "JPEG", quality=70)
    return Image.open(buffer)


def scanned_pages(pdf_bytes: bytes, signer: str | None, seal: bool, rng: random.Random) -> list[Image.Image]:
    """The scanner's copy of each page of `pdf_bytes`, a seal stamped over the signer's name."""
    document = pdfium.PdfDocument(pdf_bytes)
    pages = []
    for index in range(len(document)):
        page = document[index]
        image = page.render(scale=300 / 72).to_pil().convert("RGB")
        if seal and signer:
            textpage = page.get_textpage()
            searcher = textpage.search(signer)
            found = searcher.get_next()
            if found is not None:
                left, bottom, right, top = textpage.get_charbox(found[0])
                height = page.get_height()
                x, y = left * 300 / 72, (height - top) * 300 / 72
                # placed as on the dev set's scanned letter (049): a seal 440 px across at 300 dpi over
                # the left of the signature, its lower rim across the top half of the signer's name
                image = stamp_seal(image, (x + 70, y - 200), 220, "Ủy ban nhân dân")
        pages.append(scan(image, rng))
    return pages


def scanned_pdf(pdf_bytes: bytes, signer: str | None, seal: bool, rng: random.Random, out: Path) -> int:
    """Write an image-only PDF of `pdf_bytes` to `out`; return its page count."""
    pages = scanned_pages(pdf_bytes, signer, seal, rng)
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=300)
    return len(pages)


def read_and_score(path: Path, gold: dict, settings: Settings, total: Scores) -> tuple[dict, Scores]:
    """Read and extract one file; its scores alone, also added to `total`."""
    parsed = parse_file(path, settings)
    predicted = to_schema(parsed, extract(parsed))
    score_document(gold, predicted, total)
    return predicted, score_document(gold, predicted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="source names to run (default: all)")
    parser.add_argument("--no-seal", action="store_true", help="scan without stamping a seal")
    parser.add_argument("--keep", type=Path, help="keep the scanned PDFs in this folder")
    args = parser.parse_args()
    build = load_build()
    rng = random.Random(7)
    sources = corpus_sources(build, args.only)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        settings = Settings.load(Path(tmp, "data"))
        digital_total, scanned_total = Scores(), Scores()
        wrong: Counter[str] = Counter()
        pages_total, ocr_seconds = 0, 0.0
        for src in sources:
            gold = json.loads((CORPORA / "expected" / f"{src.name}.json").read_text(encoding="utf-8"))
            digital_path = folder / f"{src.name}.pdf"
            digital_path.write_bytes(build.render_pdf(src))
            scan_path = folder / f"{src.name}.scan.pdf"
            pages = scanned_pdf(digital_path.read_bytes(), gold["document"].get("signer"), not args.no_seal, rng,
                                scan_path)
            _, digital = read_and_score(digital_path, gold, settings, digital_total)
            start = time.perf_counter()
            predicted, scanned = read_and_score(scan_path, gold, settings, scanned_total)
            ocr_seconds += time.perf_counter() - start
            pages_total += pages
            misses = [f for f in FIELDS if not meta_field_right(f, gold["document"].get(f), predicted["document"].get(f))]
            wrong.update(misses)
            print(f"{src.name:48} {pages} p  meta {digital.summary()['meta_acc']:.2f} → "
                  f"{scanned.summary()['meta_acc']:.2f}  tasks {digital.tasks.f1:.2f} → {scanned.tasks.f1:.2f}"
                  + (f"  missed: {', '.join(misses)}" if misses else ""))
        print(f"\n{len(sources)} documents, {pages_total} scanned pages, {ocr_seconds / pages_total:.2f} s per page "
              "(OCR, extraction included)")
        for label, total in (("born-digital PDF", digital_total), ("scanned", scanned_total)):
            summary = total.summary()
            print(f"{label:17} " + "  ".join(f"{k}={v:.3f}" for k, v in summary.items()))
        print("fields missed on scans: " + (", ".join(f"{f} {n}" for f, n in wrong.most_common()) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
