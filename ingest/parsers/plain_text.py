"""Plain text in any encoding Vietnamese offices used: UTF-8/16, Windows-1258, TCVN3, VNI.
Header and signature blocks typed in two columns are read left column first."""
from __future__ import annotations

import re
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from ..base import ParseResult, Parser
from ..layout import join_wrapped_lines, split_side_by_side, text_and_tables
from ..textdecode import UndecodableText, decode_bytes

_RULE = re.compile(r"^\s*[-=_*~#]{3,}\s*$")


class PlainTextParser(Parser):
    NAME = "plain_text"
    VERSION = 1
    EXTENSIONS = ("txt", "text", "csv", "")
    MIME_TYPES = ("text/plain",)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        try:
            text, encoding = decode_bytes(path.read_bytes())
        except UndecodableText as exc:
            raise IngestError("decode_error", f"cannot read the text: {exc}", str(path)) from exc
        lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if not _RULE.match(line)]
        blocks = text_and_tables(lines, lambda text: join_wrapped_lines(split_side_by_side(text)))
        warnings = [f"legacy encoding converted: {encoding}"] if "+" in encoding or encoding in ("tcvn3", "vni") else []
        return ParseResult(blocks=blocks, warnings=warnings)
