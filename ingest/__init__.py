"""Ingest: file → clean text, layout blocks and header (`parse_file`).

Each format has one parser class (`theodoi.ingest.parsers`); `registry.choose` picks
it from the magic bytes and the extension. Every failure is an `IngestError` whose
`code` says what went wrong and whose message names the file. An edXML package's parser
also returns the package's header, whose fields win over those read from the text.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import Header, IngestError, ParsedDocument

from . import news, portal, registry
from .detect import sniff
from .header import parse_header
from .layout import build_text
from .ocr_checks import check_header, machine_read
from .own_citation import recover_from_own_citation

__all__ = ["parse_file", "parse_header", "IngestError"]

BINARY_EXTENSIONS = {"pdf", "docx", "doc", "png", "jpg", "jpeg", "tif", "tiff"}


def parse_file(path: str | os.PathLike, settings: Settings | None = None) -> ParsedDocument:
    """Read one file into a ParsedDocument; raise IngestError(code, message, path) when it cannot be read."""
    settings = settings or Settings.load()
    path = Path(path)
    if not path.is_file():
        raise IngestError("unsupported_type", "no such file", str(path))
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty_file", "the file is empty (0 bytes)", str(path))
    if size > settings.max_file_mb * 1_000_000:
        raise IngestError("too_large", f"the file is {size / 1e6:.0f} MB, more than the limit of "
                          f"{settings.max_file_mb} MB", str(path))
    mime = sniff(path)
    extension = path.suffix.lower().lstrip(".")
    if extension in BINARY_EXTENSIONS and mime in ("text/html", "text/plain"):
        what = "a web page (HTML), often an error page saved in place of the download" if mime == "text/html" \
            else "plain text"
        raise IngestError("type_mismatch", f"the file is named .{extension} but holds {what}",
                          str(path))
    parser_class = registry.choose(mime, extension)
    if parser_class is None and extension in BINARY_EXTENSIONS:
        raise IngestError("corrupt_file", f"the content is not a readable .{extension} file (damaged "
                          "or truncated)", str(path))
    if parser_class is None:
        what = f"content type {mime}" if mime else "unknown binary content"
        raise IngestError("unsupported_type", f"this kind of file cannot be read ({what}, "
                          f"extension .{extension or '-'})", str(path))
    result = parser_class().parse(path, settings)
    page = portal.official_text(result.blocks)
    reported = not page and news.is_news(result.blocks)
    raw_blocks = page.blocks if page else news.drop_furniture(result.blocks) if reported else result.blocks
    text, blocks = build_text(raw_blocks, result.legacy_encoding)
    if not text.strip():
        hint = " (it may be a scan and OCR is off)" if settings.ocr_mode == "off" else ""
        raise IngestError("empty_text", f"no text could be read from the file{hint}", str(path))
    header = parse_header(text, blocks)
    warnings = list(result.warnings)
    if page:
        warnings.extend(portal.fill_header(header, page))
    if reported:  # a news page has no issuer of its own; the document it reports is cited
        header.issuer, header.reports_on = None, news.reported_document(text)
    header_text = "\n".join(b.text for b in blocks[:30] if b.page in (1, None))
    if 1 in result.ocr_pages or machine_read(header_text + "\n" + text[-3000:]):
        warnings.extend(check_header(header, header_text))
        warnings.extend(recover_from_own_citation(header, header_text, text))
    if result.header is not None:  # a package's header: its fields win, the text fills the gaps
        header = with_package_fields(result.header, header)
    return ParsedDocument(
        path=str(path), file_name=path.name, mime=mime or parser_class.MIME_TYPES[0],
        parser=f"{parser_class.NAME}/{parser_class.VERSION}", text=text, blocks=blocks,
        header=header, pages=result.pages, warnings=warnings, attachments=result.attachments)


def with_package_fields(package: Header, from_text: Header) -> Header:
    """The package's header, each field it leaves empty taken from the text's header."""
    merged = replace(package)
    for name, value in vars(from_text).items():
        if getattr(merged, name) in (None, []) and value not in (None, []):
            setattr(merged, name, value)
    return merged
