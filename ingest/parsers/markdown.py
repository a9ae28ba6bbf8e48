"""Markdown transcriptions and pages saved as markdown (.md): the marks taken out
(`ingest.markdown.unmark`), `#` headings kept as headings, `| a | b |` rows read as table
rows (a table that only sets the header or signature side by side is read column by column),
lines that a converter or an OCR tool wrapped joined back into paragraphs."""
from __future__ import annotations

from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from ..base import ParseResult, Parser
from ..layout import (RawBlock, is_layout_table, join_wrapped_lines, layout_table_lines, split_side_by_side,
                      text_and_tables, typical_width)
from ..flattened_tables import gather_tables
from ..markdown import unmark
from ..textdecode import UndecodableText, decode_bytes


class MarkdownParser(Parser):
    NAME = "markdown"
    VERSION = 1
    EXTENSIONS = ("md", "markdown", "mdown")
    MIME_TYPES = ("text/markdown",)

    @classmethod
    def score(cls, mime: str | None, extension: str) -> int:
        """Above plain text (20) for a .md file whose content is text: the bytes cannot tell them apart."""
        if extension in cls.EXTENSIONS and mime in (None, "text/plain", "text/markdown"):
            return 25
        return super().score(mime, extension)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        try:
            text, encoding = decode_bytes(path.read_bytes())
        except UndecodableText as exc:
            raise IngestError("decode_error", f"cannot read the text: {exc}", str(path)) from exc
        pairs = gather_tables(unmark(text))
        width = typical_width([line for kind, line in pairs if kind == "line"])

        def paragraphs(lines: list[str]) -> list[str]:
            return join_wrapped_lines(split_side_by_side(lines), width)

        blocks: list[RawBlock] = []
        run: list[str] = []
        for kind, line in pairs + [("heading", "")]:
            if kind in ("line", "break"):
                run.append(line)
                continue
            found = text_and_tables(run, paragraphs) + ([RawBlock("table", "", rows=line)] if kind == "table" else [])
            for block in found:
                if block.rows and is_layout_table(block.rows):  # header or signature set side by side
                    blocks.extend(RawBlock("paragraph", row) for row in layout_table_lines(block.rows))
                else:
                    blocks.append(block)
            run = []
            if kind == "heading" and line:
                blocks.append(RawBlock("heading", line))
        warnings = [f"legacy encoding converted: {encoding}"] if "+" in encoding or encoding in ("tcvn3", "vni") else []
        return ParseResult(blocks=blocks, warnings=warnings)
