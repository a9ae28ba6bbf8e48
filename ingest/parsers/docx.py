"""Word 2007+ (.docx) through python-docx: paragraphs and tables in body order."""
from __future__ import annotations

import zipfile
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from .. import legacy
from ..base import ParseResult, Parser
from ..layout import RawBlock, classify_line, is_layout_table, layout_table_lines
from .docx_numbering import Numbering

MAX_RATIO = 200  # a real .docx rarely unpacks to more than ~20× its size


def check_zip_bomb(path: Path, max_bytes: int) -> None:
    """Refuse archives whose members would unpack to more than `max_bytes` or far beyond their size."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile as exc:
        raise IngestError("corrupt_file", "the Word file is damaged (not a valid zip archive)",
                          str(path)) from exc
    size = max(path.stat().st_size, 1)
    if total > max_bytes or (total > 10_000_000 and total / size > MAX_RATIO):
        raise IngestError("too_large", f"the Word file would unpack to {total // 1_000_000} MB, "
                          f"more than is safe to read", str(path))


def _cell_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats itself
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text for p in cell.paragraphs))
        rows.append(cells)
    return rows


class DocxParser(Parser):
    NAME = "docx"
    VERSION = 1
    EXTENSIONS = ("docx",)
    MIME_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        import docx
        from docx.table import Table

        check_zip_bomb(path, settings.max_file_mb * 5 * 1_000_000)
        try:
            document = docx.Document(str(path))
        except Exception as exc:  # python-docx raises several kinds for broken packages
            raise IngestError("corrupt_file", f"the Word file cannot be opened ({exc})",
                              str(path)) from exc
        numbering = Numbering(document)
        blocks: list[RawBlock] = []
        fonts: set[str] = set()
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                rows = _cell_rows(item)
                if is_layout_table(rows):
                    blocks.extend(RawBlock("paragraph", line) for line in layout_table_lines(rows))
                elif rows:
                    blocks.append(RawBlock("table", "", rows=rows))
                continue
            text = item.text.strip()
            if not text:
                continue
            fonts.update(run.font.name for run in item.runs[:3] if run.font.name)
            style = (item.style.name or "").lower() if item.style is not None else ""
            label = numbering.label(item)
            kind = "heading" if style.startswith(("heading", "title")) else (
                "list_item" if label or "list" in style else classify_line(text))
            blocks.append(RawBlock(kind, f"{label} {text}" if label and not text.startswith(label) else text))
        encodings = {legacy.font_encoding(name) for name in fonts} - {None}
        return ParseResult(blocks=blocks, legacy_encoding=encodings.pop() if len(encodings) == 1 else None)
