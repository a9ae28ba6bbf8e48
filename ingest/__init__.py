"""Ingest: file → clean text, layout blocks and header (`parse_file`).

Each format has one parser class (`theodoi.ingest.parsers`); `registry.choose` picks
it from the magic bytes and the extension. Every failure is an `IngestError` whose
`code` says what went wrong and whose message names the file.
"""
from __future__ import annotations

import os
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError, ParsedDocument

from . import registry
from .detect import sniff
from .header import parse_header
from .layout import build_text

__all__ = ["parse_file", "parse_header", "IngestError"]


def parse_file(path: str | os.PathLike, settings: Settings | None = None) -> ParsedDocument:
    """Read one file into a ParsedDocument; raise IngestError(code, message, path) when it cannot be read."""
    settings = settings or Settings.load()
    path = Path(path)
    if not path.is_file():
        raise IngestError("unsupported_type", f"{path.name}: no such file", str(path))
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty_file", f"{path.name}: the file is empty (0 bytes)", str(path))
    if size > settings.max_file_mb * 1_000_000:
        raise IngestError("too_large", f"{path.name}: the file is {size / 1e6:.0f} MB, more than the limit of "
                          f"{settings.max_file_mb} MB", str(path))
    mime = sniff(path)
    extension = path.suffix.lower().lstrip(".")
    parser_class = registry.choose(mime, extension)
    if parser_class is None:
        what = f"content type {mime}" if mime else "unknown binary content"
        raise IngestError("unsupported_type", f"{path.name}: this kind of file cannot be read ({what}, "
                          f"extension .{extension or '-'})", str(path))
    result = parser_class().parse(path, settings)
    text, blocks = build_text(result.blocks, result.legacy_encoding)
    if not text.strip():
        hint = " (it may be a scan and OCR is off)" if settings.ocr_mode == "off" else ""
        raise IngestError("empty_text", f"{path.name}: no text could be read from the file{hint}", str(path))
    return ParsedDocument(
        path=str(path), file_name=path.name, mime=mime or parser_class.MIME_TYPES[0],
        parser=f"{parser_class.NAME}/{parser_class.VERSION}", text=text, blocks=blocks,
        header=parse_header(text, blocks), pages=result.pages, warnings=result.warnings)
