"""OCR with the tesseract command line (`-l vie`), one page image at a time.

Tesseract's TSV output gives every word with its box and confidence: the lines are
rebuilt from it, the two-column header block of page 1 is split into its left and
right columns (as the PDF path does with the text layer), and the mean word
confidence tells the caller when a page was read poorly.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from theodoi.domain import IngestError

from . import seals
from .header import _kind_of, _runs_on
from .layout import join_title_lines, title_line_count
from .ocr_checks import fix_confusions

LOW_CONFIDENCE = 60.0  # mean word confidence (0-100) under which a page is flagged
JUNK_CONFIDENCE = 50.0  # a header line made only of words below this is a stain or a stamp
SEAL_NAME_MARGIN = 0.06  # share of the page height below a seal re-read with it (the signer's name)
BAND_PADDING = 15  # pixels around the re-read band
TITLE_LINES_MAX = 7  # centred lines under the kind line read as the title
COLUMN_GAP = 0.03  # share of the page width: a gap this wide between words separates two columns
BETTER_BY = 10.0  # how much more confident a re-read word must be to replace the first reading
FRAGMENT = 0.6  # two readings' words are one word when each spans this share of the other's width


@dataclass
class OcrWord:
    """One word tesseract read: its text, box (pixels) and confidence; `line` is tesseract's line key."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    line: tuple  # (block, paragraph, line); a second reading's line is (the line above it + 0.5, its own key)


@dataclass
class OcrPage:
    """The text tesseract read on one page, line by line, and its mean word confidence (0-100)."""

    lines: list[str]
    confidence: float
    words: list[OcrWord] = field(default_factory=list)
    width: int = 0
    height: int = 0


def check_available(languages: str, path: Path) -> None:
    """Raise ocr_unavailable when tesseract or one of `languages` ('vie', 'vie+eng') is missing."""
    if not shutil.which("tesseract"):
        raise IngestError("ocr_unavailable", "this file needs OCR but tesseract is not installed "
                          "(Debian: apt-get install tesseract-ocr tesseract-ocr-vie)", str(path))
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    installed = set(out.stdout.split())
    missing = [lang for lang in languages.split("+") if lang not in installed]
    if missing:
        raise IngestError("ocr_unavailable", f"this file needs OCR but the tesseract language model "
                          f"{', '.join(missing)} is not installed (Debian: tesseract-ocr-{missing[0]})", str(path))


def ocr_image(image, languages: str, path: Path) -> OcrPage:
    """OCR one PIL image; lines in reading order, grouped by tesseract's paragraphs, and the words.

    A page with a red seal is read twice: the band under the seal is read again from the red
    channel, where the seal's ink vanishes (see _merge_reread); the signer's name under a seal
    is often found only there."""
    words = _tesseract_words(image, languages, path)
    seal = seals.red_ink_box(image)
    if seal is not None:
        words = _reread_under_seal(words, image, seal, languages, path)
    confidences = [w.conf for w in words]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(lines=_paragraph_lines(words), confidence=mean, words=words,
                   width=image.width, height=image.height)


def _tesseract_words(image, languages: str, path: Path, left: int = 0, top: int = 0) -> list[OcrWord]:
    """The words tesseract reads in `image`, their boxes moved by (`left`, `top`)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp, "page.png")
        image.save(png, dpi=(300, 300))
        try:
            out = subprocess.run(["tesseract", str(png), "stdout", "-l", languages, "--psm", "3", "tsv"],
                                 capture_output=True, text=True, env=env, timeout=600)
        except subprocess.TimeoutExpired as exc:
            raise IngestError("ocr_failed", "OCR took too long on one page", str(path)) from exc
    if out.returncode != 0:
        raise IngestError("ocr_failed", f"tesseract failed: {out.stderr.strip()[-200:]}", str(path))
    return parse_tsv(out.stdout, left, top)


def _reread_under_seal(words: list[OcrWord], image, seal: tuple[int, int, int, int], languages: str,
                       path: Path) -> list[OcrWord]:
    """`words` with the band across the page under the seal (and the name usually printed just
    below it) read again without red ink (see _merge_reread)."""
    top = seal[1]
    bottom = min(image.height, seal[3] + int(image.height * SEAL_NAME_MARGIN))
    crossing = [span for span in _line_spans(words).values() if span[0] < bottom and span[1] > top]
    top = max(0, min([top, *(t for t, _ in crossing)]) - BAND_PADDING)  # never cut a line in two
    bottom = min(image.height, max([bottom, *(b for _, b in crossing)]) + BAND_PADDING)
    band = seals.without_red_ink(image.crop((0, top, image.width, bottom)))
    return _merge_reread(words, _tesseract_words(band, languages, path, 0, top), top, bottom)


def _merge_reread(first: list[OcrWord], second: list[OcrWord], top: int, bottom: int) -> list[OcrWord]:
    """The page's words, the band from `top` to `bottom` laid out as the second reading read it
    (a seal breaks tesseract's lines and blocks apart; without its ink they come out whole).

    In the band each word keeps the first reading's text where that read the same word with
    clearly more confidence (the red channel of a JPEG scan is a little blurrier than its grey),
    and words only the first reading saw join the second reading's line beside them."""
    spans = _line_spans(first)

    def middle(word: OcrWord) -> float:  # of its line, so that a line stays whole
        return sum(spans[word.line]) / 2

    outside = [w for w in first if not top <= middle(w) < bottom]
    first_band = [w for w in first if top <= middle(w) < bottom]
    above = [w for w in outside if middle(w) < top]
    anchor = _after(max(above, key=middle).line) if above else (0, 0, 0)
    band: list[OcrWord] = []
    seen: set[int] = set()
    for word in second:
        if any(_overlap(kept, word) for kept in outside):
            continue  # the band's edge cut through a line the first reading keeps
        under = [i for i, old in enumerate(first_band) if _overlap(old, word)]
        seen.update(under)
        same = first_band[under[0]] if len(under) == 1 else None
        if same is not None and same.conf >= word.conf + BETTER_BY \
                and _covered(word, [same]) >= FRAGMENT and _covered(same, [word]) >= FRAGMENT:
            word = replace(word, text=same.text, conf=same.conf)
        band.append(replace(word, line=anchor + word.line))
    for i, word in enumerate(first_band):
        if i not in seen and not _is_junk(word) and word.conf >= JUNK_CONFIDENCE:
            band.append(replace(word, line=_line_for(band, word, anchor)))
    return sorted(outside + band, key=lambda w: (w.line, w.left))


def _line_spans(words: list[OcrWord]) -> dict[tuple, tuple[int, int]]:
    """Each line's (top, bottom) in pixels."""
    spans: dict[tuple, tuple[int, int]] = {}
    for word in words:
        top, bottom = spans.get(word.line, (word.top, word.bottom))
        spans[word.line] = (min(top, word.top), max(bottom, word.bottom))
    return spans


def _covered(word: OcrWord, others: list[OcrWord]) -> float:
    """The share of `word`'s width that `others` span (under 1: they read only a fragment of it)."""
    spans = sum(max(0, min(o.right, word.right) - max(o.left, word.left)) for o in others)
    return min(1.0, spans / max(1, word.right - word.left))


def _overlap(a: OcrWord, b: OcrWord) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def _after(line: tuple) -> tuple:
    """A line key that sorts just after `line` and before the line that follows it."""
    return (*line[:-1], line[-1] + 0.5)


def _line_for(words: list[OcrWord], new: OcrWord, first: tuple) -> tuple:
    """The line key for `new` among `words`: the line of the words beside it on the same baseline,
    else one just after the nearest line above it, else `first`."""
    middle = (new.top + new.bottom) / 2
    beside = [w for w in words if w.top <= middle <= w.bottom]
    if beside:
        return min(beside, key=lambda w: abs((w.top + w.bottom) / 2 - middle)).line
    above = [w for w in words if w.bottom <= new.top]
    return _after(max(above, key=lambda w: w.bottom).line) if above else first


def parse_tsv(tsv: str, left_offset: int = 0, top_offset: int = 0) -> list[OcrWord]:
    """The words of tesseract's TSV output (level 5 rows with text), digit/letter confusions fixed,
    their boxes moved by the offsets (for a crop of a page)."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if not text or row.get("level") != "5":
            continue
        left, top = int(row["left"]) + left_offset, int(row["top"]) + top_offset
        words.append(OcrWord(fix_confusions(text), left, top, left + int(row["width"]), top + int(row["height"]),
                             float(row["conf"]), (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))))
    return words


def _paragraph_lines(words: list[OcrWord]) -> list[str]:
    """Tesseract's lines in its order, an empty line between paragraphs."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    ordered: list[str] = []
    last_par = None
    for key in sorted(lines):
        if last_par is not None and key[:-1] != last_par:
            ordered.append("")
        ordered.append(" ".join(lines[key]))
        last_par = key[:-1]
    return ordered


def _is_junk(word: OcrWord) -> bool:
    """Rules, stamps and specks read as '|', '__', '`'."""
    return not any(ch.isalnum() for ch in word.text) and word.text not in ("-", "–")


def _two_columns(lines: list[list[OcrWord]], split: float, width: int) -> list[str]:
    """Lines cut into columns near x = `split` (see _cut): the left column's lines, then the right
    column's. A column line made only of low-confidence words (a stamp, a signature stroke) is dropped."""
    left_column: list[str] = []
    right_column: list[str] = []
    for ws in lines:
        words = [w for w in ws if not _is_junk(w)]
        if not words:
            continue
        cut = _cut(words, split, width)
        left = [w for w in words if (w.left + w.right) / 2 < cut]
        right = [w for w in words if (w.left + w.right) / 2 >= cut]
        for column, kept in ((left_column, left), (right_column, right)):
            if kept and max(w.conf for w in kept) >= JUNK_CONFIDENCE:
                column.append(" ".join(w.text for w in sorted(kept, key=lambda w: w.left)))
    return left_column + right_column


def _cut(words: list[OcrWord], split: float, width: int) -> float:
    """Where one line divides into columns: in its wide gap nearest `split` (a centred date line
    can start left of the motto above it); a line without one stays whole, on the side of its middle."""
    ordered = sorted(words, key=lambda w: w.left)
    gaps = [(max(a.right - split, split - b.left, 0), (a.right + b.left) / 2) for a, b in zip(ordered, ordered[1:])
            if b.left - a.right > width * COLUMN_GAP]
    near = [(distance, middle) for distance, middle in gaps if distance < width * 0.2]
    if near:
        return min(near)[1]
    middle = (ordered[0].left + max(w.right for w in ordered)) / 2
    return ordered[0].left if middle >= split else ordered[-1].right + 1


def split_columns(page: OcrPage, first_page: bool = True) -> tuple[list[str], list[str]]:
    """(header block lines, the other lines) of an OCR-ed page, side-by-side blocks unzipped.

    On the first page the header block (issuer and number left, national motto and date right)
    comes first, left column then right; on any page the signature zone that starts at
    'Nơi nhận' (recipients left, authority, title and signer right) ends the page the same way."""
    by_line: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in page.words:
        by_line.setdefault(word.line, []).append(word)
    lines = sorted(by_line.values(), key=lambda ws: min(w.top for w in ws))
    end = _header_end(lines, page) if first_page else None
    header: list[str] = []
    if end:
        header = _two_columns(lines[:end], _column_split(lines[:end], page.width), page.width)
        lines = lines[end:]
        title = _kind_and_title(lines, page.width)
        header += join_title_lines([_line_text(ws) for ws in lines[:title]])
        lines = lines[title:]
    received = next((i for i, ws in enumerate(lines) if re.match(r"^Nơi\s*nhận", _line_text(ws))), None)
    zone = lines[received:] if received is not None else []
    zone_keys = {ws[0].line for ws in zone}
    body_keys = {ws[0].line for ws in lines} - zone_keys
    body = _paragraph_lines([w for w in page.words if w.line in body_keys])
    if zone:
        body += _two_columns(zone, _signature_split(zone, page.width), page.width)
    return header, body


def _kind_and_title(lines: list[list[OcrWord]], width: int) -> int:
    """How many lines from the top are the kind line ('KẾ HOẠCH') and the centred title lines
    under it (as the text-layer path reads them); 0 when the first line is not a kind line."""
    first = _line_text(lines[0]) if lines else ""
    if not (first.isupper() and _kind_of(first)):
        return 0
    words = [[w for w in ws if not _is_junk(w)] for ws in lines[:TITLE_LINES_MAX + 12]]
    # the text area from the lines nearby: a scan turned by half a degree moves lines far down the page
    left = min(w.left for ws in words for w in ws)
    right = max(w.right for ws in words for w in ws)
    spans = [(min(w.left for w in ws), max(w.right for w in ws)) if ws else None
             for ws in words[1:TITLE_LINES_MAX + 1]]
    return 1 + title_line_count(spans, left, right, min_inset=width * 0.004)


def _signature_split(zone: list[list[OcrWord]], width: int) -> float:
    """Where the signature column begins: after the first wide gap on the 'Nơi nhận' line, else
    the left edge of the authority line (TM., KT., TL., ...), else 45% of the width."""
    first = sorted((w for w in zone[0] if not _is_junk(w)), key=lambda w: w.left)
    for before, after in zip(first, first[1:]):
        if after.left - before.right > width * 0.04:
            return after.left - width * 0.01
    for ws in zone:
        for word in ws:
            if re.match(r"^(?:TM|KT|TL|TUQ|T/M|K/T)\.?", word.text) and word.left > width * 0.3:
                return word.left - width * 0.01
    return width * 0.45


def _line_text(words: list[OcrWord]) -> str:
    return " ".join(w.text for w in sorted(words, key=lambda w: w.left) if not _is_junk(w))


def _body_line(words: list[OcrWord], width: int) -> bool:
    """A line set across most of the page with no gap between columns: body text, not the header."""
    ordered = sorted((w for w in words if not _is_junk(w)), key=lambda w: w.left)
    if not ordered or ordered[-1].right - ordered[0].left < width * 0.6:
        return False
    return all(after.left - before.right < width * COLUMN_GAP for before, after in zip(ordered, ordered[1:]))


def _header_end(lines: list[list[OcrWord]], page: OcrPage) -> int | None:
    """How many of the page's lines (top to bottom) make the header block, or None when there is none."""
    end = None
    for i, ws in enumerate(lines):
        text = _line_text(ws)
        top, x0 = min(w.top for w in ws), min(w.left for w in ws if not _is_junk(w)) if text else 0
        if top > page.height * 0.5 or end is not None and _body_line(ws, page.width):
            break
        if i and text.isupper() and _kind_of(text) and x0 > page.width * 0.15:
            return i
        if re.match(r"^Kính\s*gửi", text):
            return i
        if re.search(r"\b[Ss]ố\b|ngày .*năm|^V/[vV]|^Về việc", text):
            end = i + 1
            if re.match(r"^(?:V/[vV]|Về việc)", text):  # the subject runs on in lower case
                while end < len(lines) and _runs_on(_line_text(lines[end - 1]), _line_text(lines[end])):
                    end += 1
                return end
    return end


def _column_split(lines: list[list[OcrWord]], width: int) -> float:
    """The x where the right column begins: the national motto's left edge, else 42% of the width."""
    for ws in lines:
        ordered = sorted(ws, key=lambda w: w.left)
        for i, word in enumerate(ordered):
            pair = " ".join(w.text for w in ordered[i:i + 2]).upper()
            if re.match(r"^(?:CỘNG\s*H|ĐẢNG\s*CỘNG)", pair) and word.left > width * 0.25:
                return word.left - width * 0.01
    return width * 0.42
