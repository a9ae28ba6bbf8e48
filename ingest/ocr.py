"""OCR with the tesseract command line (`-l vie`), one page image at a time."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from theodoi.domain import IngestError

LOW_CONFIDENCE = 60.0


@dataclass
class OcrPage:
    """The text tesseract read on one page, line by line, and its mean word confidence (0-100)."""

    lines: list[str]
    confidence: float


def check_available(languages: str, path: Path) -> None:
    """Raise ocr_unavailable when tesseract or one of `languages` ('vie', 'vie+eng') is missing."""
    if not shutil.which("tesseract"):
        raise IngestError("ocr_unavailable", f"{path.name}: this file needs OCR but tesseract is not installed "
                          "(Debian: apt-get install tesseract-ocr tesseract-ocr-vie)", str(path))
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    installed = set(out.stdout.split())
    missing = [lang for lang in languages.split("+") if lang not in installed]
    if missing:
        raise IngestError("ocr_unavailable", f"{path.name}: this file needs OCR but the tesseract language model "
                          f"{', '.join(missing)} is not installed (Debian: tesseract-ocr-{missing[0]})", str(path))


def ocr_image(image, languages: str, path: Path) -> OcrPage:
    """OCR one PIL image; lines in reading order, grouped by tesseract's paragraphs."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp, "page.png")
        image.save(png, dpi=(300, 300))
        try:
            out = subprocess.run(["tesseract", str(png), "stdout", "-l", languages, "--psm", "3", "tsv"],
                                 capture_output=True, text=True, env=env, timeout=600)
        except subprocess.TimeoutExpired as exc:
            raise IngestError("ocr_failed", f"{path.name}: OCR took too long on one page", str(path)) from exc
    if out.returncode != 0:
        raise IngestError("ocr_failed", f"{path.name}: tesseract failed: {out.stderr.strip()[-200:]}", str(path))
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(out.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if not word or row.get("level") != "5":
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(word)
        confidences.append(float(row["conf"]))
    ordered: list[str] = []
    last_par = None
    for key in sorted(lines):
        if last_par is not None and key[:2] != last_par:
            ordered.append("")
        ordered.append(" ".join(lines[key]))
        last_par = key[:2]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(lines=ordered, confidence=mean)
