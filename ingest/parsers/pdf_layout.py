"""Page geometry of a text PDF from pypdfium2 alone (no pdfminer pass over the page).

- `page_lines`: pdfium's text segments (runs of characters it already splits at wide gaps)
  grouped into lines, with their positions, for the page-1 header, title and signature.
- `ruled_tables`: tables drawn with ruling lines. The edges come from the page's path
  objects; cells and tables are found by pdfplumber's table geometry (the same functions
  its table finder uses); each cell's text is read by pdfium inside the cell's box.

Coordinates are in points from the top-left corner, as in pdfplumber.
"""
from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c
from pdfplumber.table import (Table, cells_to_tables, edges_to_intersections, intersections_to_cells,
                              merge_edges)
from pdfplumber.utils import filter_edges

TOLERANCE = 3  # points: snapping and joining of ruling lines, as pdfplumber's defaults
MAX_PATH_SEGMENTS = 20_000  # a page drawn with more (maps, charts, seals) is not searched for tables


@dataclass
class Segment:
    """A run of text on one line, with its box."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@dataclass
class Line:
    """Segments that share a baseline, left to right."""

    segments: list[Segment]

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segments)

    @property
    def text(self) -> str:
        return join_segments(self.segments)


def join_segments(segments: list[Segment]) -> str:
    """Segments of one line as text: a space between runs apart, none between touching runs
    (a hyphen drawn on its own: '11/2025/NQ' '-' 'HĐND')."""
    text = ""
    for i, segment in enumerate(segments):
        touching = i and segment.x0 - segments[i - 1].x1 < 1.5
        text = f"{text}{segment.text}" if touching or not i else f"{text} {segment.text}"
    return text


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text.replace("\r", " ").replace("\n", " ")).split())


def page_lines(textpage, height: float) -> list[Line]:
    """The page's text segments grouped into lines, top to bottom."""
    segments = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = _clean(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            segments.append(Segment(left, height - top, right, height - bottom, text))
    lines: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: (round(s.top), s.x0)):
        middle = (segment.top + segment.bottom) / 2
        if lines and (abs(lines[-1][0].top - segment.top) < TOLERANCE
                      or lines[-1][0].top <= middle <= lines[-1][0].bottom):  # a small glyph: '-', '*'
            lines[-1].append(segment)
        else:
            lines.append([segment])
    out = [Line(sorted(group, key=lambda s: s.x0)) for group in lines]
    return [_from_chars(textpage, height, line) if _overlapping(line) else line for line in out]


def _overlapping(line: Line) -> bool:
    """Whether two runs of the line overlap: text stamped into a blank of the template (an
    e-signed number or day drawn over "Số:    /2025/QĐ-UBND"), whose runs pdfium cuts wrongly."""
    return any(b.x0 < a.x1 - 1 for a, b in zip(line.segments, line.segments[1:]))


def _from_chars(textpage, height: float, line: Line) -> Line:
    """The line rebuilt from its characters in the order of their positions (centres, so that
    a tone mark drawn apart stays on its letter): a space where pdfium has one, where the font
    changes (the stamp's from the template's) or the gap is wider than a third of the line's
    height; a new run where it is wider than twice that."""
    top, bottom = line.top, line.bottom
    chars = []
    for i in range(textpage.count_chars()):
        left, low, right, high = textpage.get_charbox(i)
        if top <= height - (low + high) / 2 <= bottom and right >= left:
            chars.append(((left + right) / 2, left, right, textpage.get_text_range(i, 1), _font(textpage, i)))
    chars.sort()
    size = bottom - top
    segments, text, start, end = [], "", None, None
    font = None
    for _, left, right, char, char_font in chars:
        if not char.strip():
            text += " " if text else ""
            continue
        if end is not None and left - end > 2 * size:
            segments.append(Segment(start, top, end, bottom, _clean(text)))
            text, start, end = "", None, None
        apart = left - end > size / 3 or char_font != font if end is not None else False
        text += " " if apart and not text.endswith(" ") else ""
        text += char
        font = char_font
        start = left if start is None else start
        end = right if end is None else max(end, right)
    if text.strip():
        segments.append(Segment(start, top, end, bottom, _clean(text)))
    return Line(segments) if segments else line


def _font(textpage, index: int) -> tuple[str, int]:
    """The character's font name and size in points."""
    size = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, None, 0, ctypes.byref(size))
    name = ctypes.create_string_buffer(max(length, 1))
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, length, ctypes.byref(size))
    return name.value.decode("latin-1", "replace"), round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))


def read_box(textpage, height: float, x0: float, top: float, x1: float, bottom: float) -> str:
    """The text inside a box, its line breaks kept."""
    text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
    return unicodedata.normalize("NFC", text.replace("\r", ""))


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    orientation = "h" if (x1 - x0) >= (bottom - top) else "v"
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def ruling_edges(page, height: float) -> list[dict]:
    """Horizontal and vertical ruling lines drawn by the page's path objects: their straight
    segments and the sides of their rectangles (a thin filled bar gives two close lines, which
    pdfplumber's merging snaps into one)."""
    edges: list[dict] = []
    budget = MAX_PATH_SEGMENTS
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        count = pdfium_c.FPDFPath_CountSegments(obj.raw)
        budget -= count
        if budget < 0:
            return []
        matrix = obj.get_matrix()
        strokes, start, previous = [], None, None
        for i in range(count):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = matrix.on_point(x.value, y.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
                strokes.append((previous, point))
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                strokes.append((point, start))
            previous = point
        for (ax, ay), (bx, by) in strokes:
            left, right, low, high = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
            if (high - low) < 1 <= (right - left) or (right - left) < 1 <= (high - low):
                edges.append(_edge(left, height - high, right, height - low))
    return edges


def _cell_texts(table: Table, textpage, height: float) -> list[list[str]]:
    """The cell texts of each row. A cell merged down over several rows (pdfplumber leaves the
    rows under its first one without a cell in that column) gives its text to each row it spans,
    as a status or lead cell written once for a block of rows means each of them; a column with
    no cell for another reason (a cell merged across columns) stays empty."""
    rows, spanning = [], {}  # column -> (box, text) of the last cell that started in it
    for row in table.rows:
        texts = []
        for column, cell in enumerate(row.cells):
            if cell is not None:
                spanning[column] = (cell, _clean(read_box(textpage, height, *cell)))
                texts.append(spanning[column][1])
                continue
            box, text = spanning.get(column, (None, ""))
            texts.append(text if box is not None and box[3] > row.bbox[1] + TOLERANCE else "")
        rows.append(texts)
    return rows


def ruled_tables(page, textpage, height: float) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    """Tables drawn with ruling lines on the page: (bbox, rows of cell texts), top to bottom.
    Tables of one row or one column are left out (boxes and frames, not tables)."""
    edges = ruling_edges(page, height)
    if sum(e["orientation"] == "h" for e in edges) < 2 or sum(e["orientation"] == "v" for e in edges) < 2:
        return []
    edges = filter_edges(merge_edges(edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE), min_length=TOLERANCE)
    cells = intersections_to_cells(edges_to_intersections(edges, TOLERANCE, TOLERANCE))
    found = []
    for group in cells_to_tables(cells):
        table = Table(None, group)  # rows only need the cells; the page is for pdfplumber's own text
        rows = _cell_texts(table, textpage, height)
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            found.append((table.bbox, rows))
    return sorted(found, key=lambda t: t[0][1])
