"""HTML pages saved from portals (vbpl.vn, government sites): the main content only."""
from __future__ import annotations

import re
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from ..base import ParseResult, Parser
from ..layout import RawBlock, classify_line, is_layout_table, layout_table_lines

_DROP = ("script", "style", "noscript", "svg", "iframe", "nav", "header", "footer", "aside", "form", "button",
         "select", "template", "head")
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "section", "article", "main",
          "blockquote", "pre", "dd", "dt", "dl", "center", "body", "html", "td", "th", "caption", "figure"}
_SPACE = re.compile(r"\s+")


def _own_text_length(node) -> int:
    """Length of the text under `node` that is not link text (menus are mostly links)."""
    total = len(_SPACE.sub("", node.get_text()))
    links = sum(len(_SPACE.sub("", a.get_text())) for a in node.find_all("a"))
    return total - links


def main_content(soup):
    """Walk down from <body> while one child holds most of the readable text."""
    node = soup.body or soup
    while True:
        own = _own_text_length(node)
        children = [c for c in node.find_all(recursive=False) if c.name not in ("a",)]
        if not children or own == 0:
            return node
        best = max(children, key=_own_text_length)
        if _own_text_length(best) < 0.7 * own:
            return node
        node = best


def _inline_text(node) -> str:
    """Text of a node with line breaks where blocks and <br> are, inline pieces glued as written."""
    parts: list[str] = []

    def walk(n):
        if isinstance(n, str):
            parts.append(str(n))
            return
        if n.name == "br":
            parts.append("\n")
            return
        block = n.name in _BLOCK
        if block:
            parts.append("\n")
        for child in n.children:
            walk(child)
        if block:
            parts.append("\n")

    walk(node)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


class HtmlParser(Parser):
    NAME = "html"
    VERSION = 1
    EXTENSIONS = ("html", "htm", "xhtml")
    MIME_TYPES = ("text/html", "application/xhtml+xml")

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        from bs4 import BeautifulSoup, Comment

        data = path.read_bytes()
        try:
            soup = BeautifulSoup(data, "lxml")  # honours <meta charset>, else detects
        except Exception as exc:
            raise IngestError("corrupt_file", f"the HTML cannot be read ({exc})", str(path)) from exc
        for tag in soup(_DROP):
            tag.decompose()
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        blocks: list[RawBlock] = []
        buffer: list[str] = []

        def flush():
            text = "".join(buffer)
            buffer.clear()
            for line in text.split("\n"):
                line = _SPACE.sub(" ", line).strip()
                if line:
                    blocks.append(RawBlock(classify_line(line), line))

        def emit(node):
            if isinstance(node, str):
                buffer.append(str(node))
                return
            if node.name == "table":
                flush()
                rows = [[_inline_text(cell) for cell in tr.find_all(["td", "th"], recursive=False)]
                        for tr in node.find_all("tr")]
                rows = [row for row in rows if any(row)]
                if is_layout_table(rows):
                    blocks.extend(RawBlock("paragraph", line) for line in layout_table_lines(rows))
                elif rows:
                    blocks.append(RawBlock("table", "", rows=rows))
                return
            if node.name == "br":
                buffer.append("\n")
                return
            block = node.name in _BLOCK
            if block:
                flush()
            for child in node.children:
                emit(child)
            if block:
                flush()

        emit(main_content(soup))
        flush()
        return ParseResult(blocks=blocks)
