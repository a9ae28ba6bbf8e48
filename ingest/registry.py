"""The parsers ingest knows, and the choice of one for a file: the highest score wins."""
from __future__ import annotations

from .base import Parser
from .parsers.doc import WordDocParser
from .parsers.docx import DocxParser
from .parsers.edxml import EdxmlParser
from .parsers.html import HtmlParser
from .parsers.image import ImageParser
from .parsers.markdown import MarkdownParser
from .parsers.pdf import PdfParser
from .parsers.plain_text import PlainTextParser

PARSERS: list[type[Parser]] = [PdfParser, DocxParser, WordDocParser, HtmlParser, MarkdownParser, PlainTextParser,
                               ImageParser, EdxmlParser]


def choose(mime: str | None, extension: str) -> type[Parser] | None:
    """The parser class that scores highest for this content type and extension, or None."""
    scored = [(cls.score(mime, extension), i, cls) for i, cls in enumerate(PARSERS)]
    best = max(scored, key=lambda s: (s[0], -s[1]))
    return best[2] if best[0] > 0 else None
