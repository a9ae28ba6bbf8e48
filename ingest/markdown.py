"""Markdown as people and converters write it, back to the plain lines of the document.

Transcriptions and pages saved as markdown carry marks that are not the document's words:
backslash escapes (`57\\-NQ/TW`), emphasis (`**Điều 1.**`, and bold split inside words by
an HTML converter: `Quy*ế*t`), heading marks, links, YAML front matter added by a
repository, page-break markers of an OCR tool, and tables of two kinds: `| a | b |` rows,
and HTML tables flattened into one cell a line with a lone `|` between cells.

`unmark(text)` returns `(kind, line)` pairs: "heading" for `#` headings, "break" where a
paragraph or table cell ends, "line" for every other line. An emphasis span that a
converter wrapped over two lines (`**CỘNG\\nHÒA XÃ HỘI ...**`) is one line again.
"""
from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])")
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_PAGE_BREAK = re.compile(r"^\s*[-=_*]{2,}\s*(?:page\s*break|ngắt\s*trang)\s*[-=_*]{2,}\s*$", re.IGNORECASE)
_RULE = re.compile(r"^\s*(?:[-=_*~]\s*){3,}$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LONE_PIPES = re.compile(r"^[\s|]*\|[\s|]*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(?P<text>.*?))?\s*#*\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HTML_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|font|sup|sub|a|p|div|center|small|mark)\b[^>]*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_STARS = re.compile(r"\*+")
_UNDERSCORES = re.compile(r"(?<![\w_])__?(?=\S)|(?<=\S)__?(?![\w_])")
_SPAN_REACH = 240  # an emphasis span longer than this is a stray mark, not a wrapped span


def _front_matter_end(lines: list[str]) -> int:
    """How many lines a YAML front matter takes at the top (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for i, line in enumerate(lines[1:40], start=1):
        if line.strip() in ("---", "..."):
            return i + 1 if i > 1 else 0
        if line.strip() and not _FRONT_KEY.match(line) and not line.startswith((" ", "-")):
            return 0
    return 0


def _stars(line: str, state: int) -> tuple[str, int]:
    """The line without emphasis stars and the emphasis still open at its end (0 none).

    A star run at the line start followed by a space is a list mark; '(*)' is a note mark."""
    out, pos = [], 0
    for m in _STARS.finditer(line):
        before, after = line[:m.start()], line[m.end():]
        if not before.strip() and after.startswith(" ") and len(m.group()) == 1:
            out.append(line[pos:m.start()] + "-")
            pos = m.end()
            continue
        if before.endswith("(") and after.startswith(")"):
            continue
        out.append(line[pos:m.start()])
        pos = m.end()
        state ^= len(m.group()) if len(m.group()) < 4 else 0
    out.append(line[pos:])
    return "".join(out), state


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group("text"), line)
    line = _HTML_TAG.sub("", line)
    line = _UNDERSCORES.sub("", line)
    return _ESCAPE.sub(r"\1", line)


def unmark(text: str) -> list[tuple[str, str]]:
    """(kind, line) pairs of the document's lines with the markdown marks taken out."""
    lines = _BR.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    lines = lines[_front_matter_end(lines):]
    out: list[tuple[str, str]] = []
    state, open_since = 0, 0  # emphasis open at the end of the last line; characters since it opened
    for raw in lines:
        if _LONE_PIPES.match(raw):  # the cell separators of a table flattened one cell a line
            state = 0
            out.extend(("sep", "|") for _ in range(raw.count("|")))
            continue
        if not raw.strip() or _PAGE_BREAK.match(raw):
            state = 0
            out.append(("break", ""))
            continue
        if _TABLE_RULE.match(raw) and "|" in raw:  # the row under a table's head row
            continue
        if _RULE.match(raw):
            state = 0
            out.append(("break", ""))
            continue
        heading = _HEADING.match(raw)
        if heading and "|" not in raw:
            state = 0
            if heading.group("text"):
                cleaned, _ = _stars(_inline(heading.group("text")), 0)
                out.append(("heading", " ".join(cleaned.split())))
            out.append(("break", ""))
            continue
        line = raw.rstrip("\\").rstrip()
        if line.startswith(">"):
            line = line.lstrip("> ")
        was_open = state != 0 and open_since <= _SPAN_REACH
        cleaned, state = _stars(_inline(line), state)
        open_since = open_since + len(cleaned) if state else 0
        if was_open and out and out[-1][0] == "line":
            out[-1] = ("line", f"{out[-1][1]} {cleaned.strip()}".strip())
        else:
            out.append(("line", cleaned.strip()))
    return [(kind, line) for kind, line in out if kind in ("break", "sep") or line]
