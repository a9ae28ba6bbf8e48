"""What every parser is: a small class with a name, a version, the formats it reads and parse()."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import AttachedFile, Header

from .layout import RawBlock


@dataclass
class ParseResult:
    """A parser's output before cleaning: blocks in reading order and what it noticed."""

    blocks: list[RawBlock]
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    legacy_encoding: str | None = None  # 'tcvn3' / 'vni' when the fonts say so
    ocr_pages: list[int] = field(default_factory=list)  # 1-based numbers of the pages read by OCR
    header: Header | None = None  # fields a package states (edXML): they win over the text's
    attachments: list[AttachedFile] = field(default_factory=list)


class Parser:
    """Base class. Subclasses set NAME, VERSION, EXTENSIONS, MIME_TYPES and implement parse()."""

    NAME = ""
    VERSION = 1
    EXTENSIONS: tuple[str, ...] = ()
    MIME_TYPES: tuple[str, ...] = ()

    @classmethod
    def score(cls, mime: str | None, extension: str) -> int:
        """How well this parser fits: 20 when the content says so, 10 for the extension alone, 0 otherwise."""
        if mime and mime in cls.MIME_TYPES:
            return 20
        if extension in cls.EXTENSIONS and mime in (None, "text/plain"):
            return 10
        return 0

    def parse(self, path: Path, settings: Settings) -> ParseResult:  # pragma: no cover - interface
        raise NotImplementedError
