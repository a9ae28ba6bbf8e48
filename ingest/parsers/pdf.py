"""PDF: pypdfium2 for the body text (fast), pdfplumber for the page-1 header columns and
ruled tables, tesseract for pages without a usable text layer."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from .. import ocr
from ..base import ParseResult, Parser
from ..header import _kind_of
from ..layout import RawBlock, classify_line, join_wrapped_lines, starts_new_unit, typical_width

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?\s*$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_TERMINAL = re.compile(r"[.;:!?]\s*(?:/\.)?$")
X_TOLERANCE = 1.5


def _needs_ocr(text: str) -> bool:
    """A page whose text layer is missing, or is (cid:NN) / private-use garbage."""
    visible = re.sub(r"\s", "", _CID.sub("", text))
    garbage = len(_CID.findall(text)) + sum(1 for ch in text if unicodedata.category(ch) in ("Co", "Cn"))
    return len(visible) < 30 or garbage > 0.2 * max(len(visible), 1)


def _lines_of(words: list[dict]) -> list[tuple[float, float, str, float]]:
    """pdfplumber words grouped into lines: (top, bottom, text, x0)."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [(ln[0]["top"], max(w["bottom"] for w in ln), " ".join(w["text"] for w in sorted(ln, key=lambda w: w["x0"])),
             min(w["x0"] for w in ln)) for ln in lines]


def _header_block(page) -> tuple[list[str], float]:
    """The page-1 header as lines, left column then right column, and where it ends (pt from the top)."""
    words = page.extract_words(x_tolerance=X_TOLERANCE)
    lines = _lines_of([dict(w, text=unicodedata.normalize("NFC", w["text"])) for w in words])
    bottom = None
    for top, _, text, x0 in lines:
        if top < page.height * 0.6 and _kind_of(text) and text.isupper() and x0 > page.width * 0.15:
            bottom = top - 1
            break
    if bottom is None:
        for top, line_bottom, text, _ in lines:
            if top > page.height * 0.5:
                break
            if re.match(r"^Kính gửi", text):
                bottom = top - 1
                break
            if re.search(r"\bSố\b|ngày .* năm|^V/v", text):
                bottom = line_bottom + 1
    if bottom is None:
        return [], 0.0
    split = page.width * 0.42
    for _, _, text, x0 in lines:
        if re.search(r"CỘNG\s*HÒA|CỘNG\s*HOÀ|ĐẢNG\s*CỘNG\s*SẢN", text) and x0 > page.width * 0.25:
            split = x0 - 2
            break
    out: list[str] = []
    for box in ((0, 0, split, bottom), (split, 0, page.width, bottom)):
        text = page.crop(box).extract_text(x_tolerance=X_TOLERANCE) or ""
        out.extend(line for line in text.split("\n") if line.strip())
    return out, bottom


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and headers/footers repeated at the top or bottom of most pages."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    edges = Counter()
    for lines in pages:
        edges.update({key(line) for line in lines[:2] + lines[-2:] if line.strip()})
    repeated = {k for k, n in edges.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    out = []
    for lines in pages:
        kept = []
        for i, line in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if at_edge and (_PAGE_NUMBER.match(line) or key(line) in repeated):
                continue
            kept.append(line)
        out.append(kept)
    return out


class PdfParser(Parser):
    NAME = "pdf"
    VERSION = 1
    EXTENSIONS = ("pdf",)
    MIME_TYPES = ("application/pdf",)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        import pdfplumber
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c

        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise IngestError("encrypted_pdf", f"{path.name}: the PDF is protected by a password and cannot "
                                  "be read", str(path)) from exc
            raise IngestError("corrupt_file", f"{path.name}: the PDF is damaged or truncated ({exc})",
                              str(path)) from exc
        warnings: list[str] = []
        try:
            if len(pdf) > settings.max_pages:
                raise IngestError("too_large", f"{path.name}: the PDF has {len(pdf)} pages, more than the limit "
                                  f"of {settings.max_pages}", str(path))
            texts, table_pages = [], []
            for i in range(len(pdf)):
                page = pdf[i]
                texts.append(page.get_textpage().get_text_range())
                paths = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1))
                if paths >= 4:
                    table_pages.append(i)
            mode = settings.ocr_mode
            ocr_pages = [i for i, t in enumerate(texts) if mode == "force" or (mode == "auto" and _needs_ocr(t))]
            pages_lines: list[list[RawBlock | str]] = []
            plumber = pdfplumber.open(str(path)) if (table_pages or 0 not in ocr_pages) else None
            try:
                for i in range(len(pdf)):
                    if i in ocr_pages:
                        pages_lines.append(self._ocr_page(pdf[i], i, settings, path, warnings))
                    else:
                        pages_lines.append(self._text_page(pdf[i], plumber, i, i in table_pages))
            finally:
                if plumber is not None:
                    plumber.close()
            if mode == "off" and all(_needs_ocr(t) for t in texts):
                warnings.append("no text layer and OCR is off")
            return ParseResult(blocks=self._blocks(pages_lines), pages=len(pdf), warnings=warnings,
                               ocr_pages=[i + 1 for i in ocr_pages])
        finally:
            pdf.close()

    def _ocr_page(self, page, index: int, settings: Settings, path: Path, warnings: list[str]) -> list:
        ocr.check_available(settings.ocr_languages, path)
        image = page.render(scale=300 / 72).to_pil()
        result = ocr.ocr_image(image, settings.ocr_languages, path)
        if result.confidence < ocr.LOW_CONFIDENCE:
            warnings.append(f"page {index + 1}: low OCR confidence ({result.confidence:.0f}/100)")
        header, lines = ocr.split_columns(result, first_page=index == 0)
        return [("header", line) for line in header] + [("ocr", line) for line in lines]

    def _text_page(self, page, plumber, index: int, has_rules: bool) -> list:
        width, height = page.get_size()
        textpage = page.get_textpage()
        items: list = []
        top = 0.0
        if index == 0 and plumber is not None:
            header, top = _header_block(plumber.pages[0])
            items.extend(("header", line) for line in header)
        tables = []
        if has_rules and plumber is not None:
            for table in plumber.pages[index].find_tables():
                rows = [[(cell or "").replace("\n", " ") for cell in row] for row in table.extract(
                    x_tolerance=X_TOLERANCE)]
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2 and table.bbox[3] > top:
                    tables.append((max(table.bbox[1], top), table.bbox[3], rows))
        for t_top, t_bottom, rows in sorted(tables) + [(height, height, None)]:
            if t_top > top:
                band = textpage.get_text_bounded(left=0, bottom=height - t_top, right=width, top=height - top)
                items.extend(("text", line) for line in band.replace("\r", "").split("\n"))
            if rows is not None:
                items.append(("table", rows))
            top = max(top, t_bottom)
        return items

    @staticmethod
    def _blocks(pages: list[list]) -> list[RawBlock]:
        text_pages = [[v for k, v in items if k in ("text", "ocr")] for items in pages]
        cleaned = iter(_strip_running_lines(text_pages))
        width = typical_width([line for lines in text_pages for line in lines])
        blocks: list[RawBlock] = []
        for number, items in enumerate(pages, start=1):
            keep = next(cleaned)
            pending: list[str] = []

            def flush():
                for paragraph in join_wrapped_lines(pending, width):
                    last = blocks[-1] if blocks else None
                    if (last is not None and last.kind != "table" and last.page != number
                            and not _TERMINAL.search(last.text) and paragraph[:1].islower()
                            and not starts_new_unit(paragraph)):
                        last.text = f"{last.text} {paragraph}"
                        continue
                    blocks.append(RawBlock(classify_line(paragraph), paragraph, page=number))
                pending.clear()

            kept = list(keep)
            for kind, value in items:
                if kind == "header":
                    blocks.append(RawBlock("paragraph", value, page=number))
                elif kind == "table":
                    flush()
                    blocks.append(RawBlock("table", "", rows=value, page=number))
                elif kept and value == kept[0]:
                    kept.pop(0)
                    pending.append(value)
            flush()
        return blocks
