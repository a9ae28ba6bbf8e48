"""Assemble parser output into clean text plus blocks with offsets into it.

Parsers hand over `RawBlock`s in reading order; `build_text` cleans each one with
`theodoi.vietnamese.clean_text` (so offsets stay valid after NFC), converts legacy
TCVN3/VNI text, and joins the blocks with newlines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from theodoi.domain import Block
from theodoi.vietnamese import clean_text

from . import legacy

_LIST_MARK = re.compile(
    r"^(?:[-+•●▪*–]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s|\(?[a-zđ]\)\s|[a-zđ]\.\s)")
_HEADING = re.compile(
    r"^(?:(?:Điều|Chương|Mục|Phần|PHẦN|CHƯƠNG|MỤC)\s+[\dIVXLC]+\b|[IVXLC]{1,5}[.\-/]\s|[A-D][.\-/]\s)")
_TERMINAL = re.compile(r"[.;:!?…]\s*(?:/\.)?$|\./\.$")
_OPENS_PART = re.compile(r"^(?:Kính\s+gửi|Căn\s+cứ|Nơi\s+nhận)\b")  # never the rest of a wrapped line
_WORD = re.compile(r"(?<!\S)[^\W\d_]{2,}(?!\S)")  # a run of letters standing alone
# a gap before '/', '-', 'tháng' or 'năm' is a blank left for a stamped number or day, not a column gap
_COLUMN_GAP = re.compile(r"\S(?P<gap>\t+| {4,})(?=\S)(?![/\-–]|tháng\b|năm\b)")
_COLUMN_CUE = re.compile(r"CỘNG\s*H[OÒ][ÀA]|ĐẢNG\s*CỘNG\s*SẢN|Độc\s*lập\s*[-–]|^\s*Số\b|ngày\s+\S+\s+tháng|"
                         r"Nơi\s*nhận|\b(?:TM|KT|TL|TUQ)\.|T/M|K/T|T/L")


@dataclass
class RawBlock:
    """A block as a parser found it, before cleaning."""

    kind: str
    text: str
    rows: list[list[str]] | None = None
    page: int | None = None


def classify_line(text: str) -> str:
    """heading, list_item or paragraph, from how the line starts and its case."""
    stripped = text.strip()
    if _HEADING.match(stripped):
        return "heading"
    if _LIST_MARK.match(stripped):
        return "list_item"
    letters = [ch for ch in stripped if ch.isalpha()]
    if letters and len(stripped) < 200 and all(ch.isupper() for ch in letters) and len(letters) > 3:
        return "heading"
    return "paragraph"


def starts_new_unit(line: str) -> bool:
    """A line that starts a heading, a list item, "Kính gửi", "Căn cứ" or "Nơi nhận" never
    continues the line before it."""
    return bool(_HEADING.match(line) or _LIST_MARK.match(line) or _OPENS_PART.match(line))


def join_wrapped_lines(lines: list[str], full_width: int | None = None) -> list[str]:
    """Join lines that a page or a text editor wrapped back into paragraphs.

    A line continues the previous one when the previous one has no closing
    punctuation and either the new line starts in lower case or the previous
    line ran to (about) the full width `full_width` (in characters). Nothing continues a line
    in capitals (a kind line, a heading)."""
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        if out and out[-1]:
            prev = out[-1]
            continues = not _TERMINAL.search(prev) and not starts_new_unit(line)
            lower_start = line[0].islower() or (line[0].isdigit() and not starts_new_unit(line))
            long_prev = full_width is not None and len(prev.rsplit("\n", 1)[-1]) >= 0.8 * full_width
            if continues and not prev.isupper() and (lower_start or long_prev):
                out[-1] = f"{prev} {line}"
                continue
        out.append(line)
    return [line for line in out if line]


def title_line_count(spans: list[tuple[float, float] | None], left: float, right: float,
                     min_inset: float) -> int:
    """How many of the lines under a kind line (their x spans, in order; None for a line that
    cannot be a title line) make the centred title: each centred line, and a line set to nearly
    the full measure that a centred line follows (a long title that wraps)."""
    measure = right - left

    def centred(span) -> bool:
        return span is not None and span[0] - left > min_inset and right - span[1] > min_inset \
            and abs((span[0] - left) - (right - span[1])) < 0.1 * measure

    count = 0
    for i, span in enumerate(spans):
        wraps = span is not None and i + 1 < len(spans) and centred(spans[i + 1]) \
            and abs((span[0] - left) - (right - span[1])) < 0.1 * measure
        if not (centred(span) or wraps):
            break
        count += 1
    return count


def _upper_case_words(line: str) -> bool:
    """Whether a line is written in capitals and holds a word (not only a symbol like "30/2020/NĐ-CP")."""
    return line.isupper() and _WORD.search(line) is not None


def join_title_lines(lines: list[str]) -> list[str]:
    """The kind line, then the centred title lines joined where a title wraps (not across an
    upper-case line or a line in brackets)."""
    out: list[str] = []
    for line in lines:
        if out and not out[-1].isupper() and not _upper_case_words(line) and not line.startswith("(") \
                and not _TERMINAL.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _two_columns(line: str) -> tuple[int, str, str] | None:
    """(where the right part starts, left part, right part) of a line holding exactly two runs of
    text far apart (a tab or 4+ spaces); None for other lines."""
    expanded = line.expandtabs(8).rstrip()
    gaps = list(_COLUMN_GAP.finditer(expanded))
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    return gap.end(), expanded[:gap.start("gap")].strip(), expanded[gap.end():].strip()


def split_side_by_side(lines: list[str]) -> list[str]:
    """Plain text typed in two columns (header: issuer | Quốc hiệu, "Số" | place and date;
    signature: "Nơi nhận" | authority, title, name) becomes the left column's lines, then the
    right column's. A block runs from a two-column line to the last two-column line before a
    blank line; lines in it holding one run go to the side their indentation puts them on.
    Blocks without a header or signature cue (tables typed with spaces) are left alone."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _two_columns(lines[i]) is None:
            out.append(lines[i])
            i += 1
            continue
        last = j = i
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
            if _two_columns(lines[j]) is not None:
                last = j
        block = lines[i:last + 1]
        i = last + 1
        if not any(_COLUMN_CUE.search(line) for line in block):
            out.extend(block)
            continue
        column = min(parts[0] for parts in map(_two_columns, block) if parts)
        left: list[str] = []
        right: list[str] = []
        for line in block:
            parts = _two_columns(line)
            if parts:
                left.append(parts[1])
                right.append(parts[2])
            else:
                expanded = line.expandtabs(8)
                indent = len(expanded) - len(expanded.lstrip())
                (right if indent >= column - 2 else left).append(line.strip())
        out.extend(left + right)
    return out


def table_text(rows: list[list[str]]) -> str:
    """A table as text: one line per row, cells separated by ' | '."""
    return "\n".join(" | ".join(" ".join(cell.split()) for cell in row) for row in rows)


def is_layout_table(rows: list[list[str]]) -> bool:
    """A borderless table that only places the header or signature blocks side by side."""
    if not rows or len(rows) > 8 or max(len(r) for r in rows) > 3:
        return False
    joined = " ".join(" ".join(r) for r in rows)
    return bool(re.search(r"CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Nơi nhận|\bSố\s*:|\b(?:TM|KT|TL|TUQ)\.|T/M|K/T",
                          clean_text(joined)))


def layout_table_lines(rows: list[list[str]]) -> list[str]:
    """The cells of a layout table column by column (left block first), one line each."""
    width = max(len(r) for r in rows)
    lines: list[str] = []
    for col in range(width):
        for row in rows:
            if col < len(row):
                lines.extend(part.strip() for part in row[col].splitlines() if part.strip())
    return lines


def build_text(raw_blocks: list[RawBlock], legacy_encoding: str | None = None) -> tuple[str, list[Block]]:
    """Clean each raw block and join them into one text; return (text, blocks with offsets).

    `legacy_encoding` ('tcvn3'/'vni') forces a conversion; otherwise it is detected."""
    if legacy_encoding is None:
        legacy_encoding = legacy.detect_legacy("\n".join(b.text for b in raw_blocks))
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for raw in raw_blocks:
        rows = None
        if raw.rows is not None:
            rows = [[clean_text(legacy.to_unicode(c, legacy_encoding)).strip() for c in row] for row in raw.rows]
            rows = [row for row in rows if any(row)]
            if not rows:
                continue
            text = table_text(rows)
        else:
            text = clean_text(legacy.to_unicode(raw.text, legacy_encoding)).strip()
            text = re.sub(r"[ \t]+", " ", text)
        if not text:
            continue
        blocks.append(Block(kind=raw.kind, text=text, start=offset, end=offset + len(text), rows=rows, page=raw.page))
        parts.append(text)
        offset += len(text) + 1
    return "\n".join(parts), blocks


def piped_cells(line: str) -> list[str] | None:
    """The cells of a table row typed with pipes, as antiword writes them ('|a|b|c|') or as
    a text copy of a web page has them ('a | b | c'); None for any other line."""
    stripped = line.strip()
    if len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|"):
        return [cell.strip() for cell in stripped[1:-1].split("|")]
    if " | " in stripped:
        return [cell.strip() for cell in stripped.split("|")]
    return None


def text_and_tables(lines: list[str], paragraphs) -> list[RawBlock]:
    """Blocks of plain lines with the tables typed in them: runs of two or more piped rows with
    as many cells each (a lone piped line stays text) become table blocks; the lines between
    are made into blocks by `paragraphs` (lines → paragraph strings)."""
    blocks: list[RawBlock] = []
    text: list[str] = []
    i = 0
    while i < len(lines):
        cells = piped_cells(lines[i])
        run = [cells] if cells else []
        while run and i + len(run) < len(lines):
            more = piped_cells(lines[i + len(run)])
            if more is None or len(more) != len(cells):
                break
            run.append(more)
        if len(run) >= 2:
            blocks.extend(lines_to_blocks(paragraphs(text)))
            blocks.append(RawBlock("table", "", rows=run))
            text, i = [], i + len(run)
        else:
            text.append(lines[i])
            i += 1
    blocks.extend(lines_to_blocks(paragraphs(text)))
    return blocks


def lines_to_blocks(lines: list[str], page: int | None = None) -> list[RawBlock]:
    """Each line becomes a block classified by `classify_line`."""
    return [RawBlock(classify_line(line), line, page=page) for line in lines if line.strip()]


def typical_width(lines: list[str]) -> int | None:
    """The usual length of a full line (90th percentile), for `join_wrapped_lines`."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) > 20)
    if len(lengths) < 5:
        return None
    return lengths[int(len(lengths) * 0.9) - 1]
