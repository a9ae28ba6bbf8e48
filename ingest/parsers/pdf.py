"""PDF: pypdfium2 for the text, the page-1 header columns, the signature block and ruled
tables (cells found by pdfplumber's table geometry, see `pdf_layout`); tesseract for pages
without a usable text layer."""
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
from ..layout import (RawBlock, classify_line, join_title_lines, join_wrapped_lines, starts_new_unit, title_line_count,
                      typical_width)
from .pdf_layout import Line, join_segments, page_lines, read_box, ruled_tables

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?\s*$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_TERMINAL = re.compile(r"[.;:!?]\s*(?:/\.)?$")
COLUMN_GAP = 12  # points between the recipients' column and the signature's, at the least
RUNNING_LINE_MAX = 70  # characters: page headers and footers are short; a body line repeated is not one


def _needs_ocr(text: str) -> bool:
    """A page whose text layer is missing, or is (cid:NN) / private-use garbage."""
    visible = re.sub(r"\s", "", _CID.sub("", text))
    garbage = len(_CID.findall(text)) + sum(1 for ch in text if unicodedata.category(ch) in ("Co", "Cn"))
    return len(visible) < 30 or garbage > 0.2 * max(len(visible), 1)


def _header_block(lines: list[Line], width: float, height: float) -> tuple[list[str], float]:
    """The page-1 header as lines, left column then right column, then the kind line and the
    centred title lines below it, and where that block ends (pt from the top)."""
    bottom, title = None, []
    for k, line in enumerate(lines):
        text = line.text
        if line.top < height * 0.6 and _kind_of(text) and text.isupper() and line.x0 > width * 0.15:
            bottom = line.top - 1
            left = min(ln.x0 for ln in lines)
            right = max(ln.x1 for ln in lines)
            follows = lines[k + 1:k + 8]
            spans = [(f.x0, f.x1) if len(f.segments) == 1 else None for f in follows]
            title = [line] + follows[:title_line_count(spans, left, right, min_inset=3)]
            break
    if bottom is None:
        for line in lines:
            if line.top > height * 0.5:
                break
            if re.match(r"^Kính gửi", line.text):
                bottom = line.top - 1
                break
            if re.search(r"\bSố\b|ngày .* năm|^V/v", line.text):
                bottom = line.bottom + 1
    if bottom is None:
        return [], 0.0
    motto = next((segment.x0 for line in lines if line.top < bottom for segment in line.segments
                  if re.search(r"CỘNG\s*HÒA|CỘNG\s*HOÀ|ĐẢNG\s*CỘNG\s*SẢN", segment.text)
                  and segment.x0 > width * 0.25), None)
    split = motto - 2 if motto is not None else width * 0.42
    left, right = [], []
    for line in lines:
        if line.top >= bottom:
            break
        # pdfium ends a run at a wide gap: each run lies in one column
        left.append(join_segments([s for s in line.segments if (s.x0 + s.x1) / 2 < split]))
        right.append(join_segments([s for s in line.segments if (s.x0 + s.x1) / 2 >= split]))
    return [t for t in left + right if t] + join_title_lines([line.text for line in title]), (
        title[-1].bottom + 1 if title else bottom)


def _signature_block(lines: list[Line], width: float) -> tuple[list[str], float] | None:
    """From the 'Nơi nhận' line down (and the signature lines just above it, if it starts higher):
    the recipients (left column, wrapped lines joined), then the signature block (right column:
    authority, title, name), and where the block starts."""
    start = next((k for k, line in enumerate(lines) if re.match(r"^Nơi\s*nhận", line.text)), None)
    if start is None:
        return None
    while start > 0 and lines[start - 1].x0 > width * 0.4 and len(lines[start - 1].text) < 60:
        start -= 1  # the authority or title printed just above "Nơi nhận", on the right
    zone = [line for line in lines[start:] if not _PAGE_NUMBER.match(line.text)]
    starts = [s.x0 for line in zone for k, s in enumerate(line.segments) if s.x0 > width * 0.4
              and (k == 0 or s.x0 - line.segments[k - 1].x1 > COLUMN_GAP)]  # not a left line's last word
    if not starts:
        return None
    split = min(starts) - 2
    left = [join_segments([s for s in line.segments if s.x0 < split]) for line in zone]
    right = [join_segments([s for s in line.segments if s.x0 >= split]) for line in zone]
    recipients = join_wrapped_lines([text for text in left if text])
    return recipients + [text for text in right if text], zone[0].top - 1


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and short headers/footers repeated at the top or bottom of most pages."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    edges = Counter()
    for lines in pages:
        edges.update({key(line) for line in lines[:2] + lines[-2:] if 0 < len(line.strip()) <= RUNNING_LINE_MAX})
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


_STAMP_ANNOTATIONS = {20, 3, 13}  # FPDF_ANNOT_WIDGET, FREETEXT, STAMP


def _flatten_stamps(pdf) -> bool:
    """Draw page 1's filled form fields and stamps into its content, so that their text stands
    where it shows: an e-signing tool stamps the number and day into the template's blanks
    ("Số:    /2025/QĐ-UBND", "ngày   tháng") as annotations, outside the text layer."""
    import pypdfium2.raw as pdfium_c

    if not len(pdf):
        return False
    page = pdf[0]
    kinds = {pdfium_c.FPDFAnnot_GetSubtype(pdfium_c.FPDFPage_GetAnnot(page.raw, i))
             for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw))}
    scanned = bool(kinds & _STAMP_ANNOTATIONS) and _needs_ocr(page.get_textpage().get_text_range())
    page.close()
    if not kinds & _STAMP_ANNOTATIONS or scanned:  # a scan is read by OCR, whose image shows the stamps
        return False
    pdf.init_forms()  # flattening draws the fields' appearance, which needs the form environment
    page = pdf[0]
    try:
        flattened = page.flatten() == pdfium_c.FLATTEN_SUCCESS
    except RuntimeError:  # no form in the file (a bare annotation): nothing pdfium can flatten
        flattened = False
    page.close()
    return flattened


class PdfParser(Parser):
    NAME = "pdf"
    VERSION = 1
    EXTENSIONS = ("pdf",)
    MIME_TYPES = ("application/pdf",)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise IngestError("encrypted_pdf", "the PDF is protected by a password and cannot "
                                  "be read", str(path)) from exc
            raise IngestError("corrupt_file", f"the PDF is damaged or truncated ({exc})",
                              str(path)) from exc
        warnings: list[str] = []
        try:
            if len(pdf) > settings.max_pages:
                raise IngestError("too_large", f"the PDF has {len(pdf)} pages, more than the limit "
                                  f"of {settings.max_pages}", str(path))
            if _flatten_stamps(pdf):
                warnings.append("page 1: text filled into form fields or stamped (e-signing) read in place")
            mode = settings.ocr_mode
            ocr_pages, pages_lines, unreadable = [], [], 0
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                text = unicodedata.normalize("NFC", textpage.get_text_range())
                unreadable += _needs_ocr(text)
                if mode == "force" or (mode == "auto" and _needs_ocr(text)):
                    ocr_pages.append(i)
                    pages_lines.append(self._ocr_page(page, i, settings, path, warnings))
                else:
                    pages_lines.append(self._text_page(page, textpage, i, text))
            if mode == "off" and unreadable == len(pdf):
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

    def _text_page(self, page, textpage, index: int, text: str) -> list:
        width, height = page.get_size()
        items: list = []
        top, end = 0.0, height
        signature = None
        lines = page_lines(textpage, height) if index == 0 or "Nơi nhận" in text else []
        if index == 0:
            header, top = _header_block(lines, width, height)
            items.extend(("header", line) for line in header)
        if lines:
            signature = _signature_block([line for line in lines if line.top > top], width)
            if signature is not None:
                end = signature[1]
        tables = [(max(bbox[1], top), bbox[3], rows) for bbox, rows in ruled_tables(page, textpage, height)
                  if top < bbox[3] and bbox[1] < end]
        for t_top, t_bottom, rows in tables + [(end, end, None)]:
            if t_top > top:
                band = read_box(textpage, height, 0, top, width, t_top)
                items.extend(("text", line) for line in band.split("\n"))
            if rows is not None:
                items.append(("table", rows))
            top = max(top, t_bottom)
        if signature is not None:
            items.extend(("header", line) for line in signature[0])
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
                    flush()
                    blocks.append(RawBlock("paragraph", value, page=number))
                elif kind == "table":
                    flush()
                    blocks.append(RawBlock("table", "", rows=value, page=number))
                elif kept and value == kept[0]:
                    kept.pop(0)
                    pending.append(value)
            flush()
        return blocks
