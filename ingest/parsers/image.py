"""Scanned pages as images (.png, .jpg, .tif): tesseract OCR, page by page."""
from __future__ import annotations

from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from .. import ocr
from ..base import ParseResult, Parser
from ..layout import RawBlock, join_wrapped_lines, lines_to_blocks, typical_width


class ImageParser(Parser):
    NAME = "image_ocr"
    VERSION = 1
    EXTENSIONS = ("png", "jpg", "jpeg", "tif", "tiff")
    MIME_TYPES = ("image/png", "image/jpeg", "image/tiff")

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        from PIL import Image, ImageSequence, UnidentifiedImageError

        if settings.ocr_mode == "off":
            raise IngestError("ocr_unavailable", "an image can only be read by OCR, and OCR is "
                              "switched off (THEODOI_OCR_MODE=off)", str(path))
        ocr.check_available(settings.ocr_languages, path)
        try:
            image = Image.open(path)
            frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
        except (UnidentifiedImageError, OSError) as exc:
            raise IngestError("corrupt_file", f"the image is damaged ({exc})", str(path)) from exc
        if len(frames) > settings.max_pages:
            raise IngestError("too_large", f"{len(frames)} pages, more than the limit of "
                              f"{settings.max_pages}", str(path))
        blocks, warnings = [], []
        for number, frame in enumerate(frames, start=1):
            result = ocr.ocr_image(frame, settings.ocr_languages, path)
            if result.confidence < ocr.LOW_CONFIDENCE:
                warnings.append(f"page {number}: low OCR confidence ({result.confidence:.0f}/100)")
            header, lines = ocr.split_columns(result, first_page=number == 1)
            blocks.extend(RawBlock("paragraph", line, page=number) for line in header)
            blocks.extend(lines_to_blocks(join_wrapped_lines(lines, typical_width(lines)), page=number))
        return ParseResult(blocks=blocks, pages=len(frames), warnings=warnings,
                           ocr_pages=list(range(1, len(frames) + 1)))
