"""A scanned document's number and date taken from where the file itself cites them.

The number and day of a công văn are often written by hand on the printed form
("Số: 4532/UBND-KSTTHC", "ngày 07 tháng 12 năm 2011"), and OCR cannot read them. A
file often holds another document that cites this one in print: the guidance sent with
it ("Văn bản số 4532/UBND-KSTTHC, ngày 07/12/2011 của UBND tỉnh về việc ..."), a later
page, a copy made for a body. When exactly one such citation carries the symbol, month
and year that the header shows in print, and the title the header gives, the number
and date are taken from it, and a warning says so for a person to check.
"""
from __future__ import annotations

import datetime as dt
import re

from theodoi.domain import Header
from theodoi.vietnamese import fold

from .header import _date, _norm_number
from .ocr_checks import _NUMBER_LINE, _WRITTEN_DATE

TITLE_SHARE = 0.8  # share of the title's syllables the citation's "về việc ..." must repeat
_STATE_SYMBOL = re.compile(r"((?:/(?:19|20)\d{2})?/[A-ZĐ][A-ZĐ0-9]*(?:[-.&][A-ZĐ0-9&]+)*)$")
_PARTY_SYMBOL = re.compile(r"(-[A-ZĐ]{1,6}(?:/[A-ZĐ0-9]+(?:[-.][A-ZĐ0-9]+)*)+)$")
_CITED_DATE = re.compile(
    r"\W{0,3}\s*(?:ban hành\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})|"
    r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))", re.IGNORECASE)


def printed_symbol(number_line: str) -> str | None:
    """The printed part of a number whose digits could not be read: '/UBND-KSTTHC' of
    '/74,/UBND- KSTTHC', '-NQ/TU' of '?? -NQ/TU'; None when no symbol can be told."""
    raw = re.sub(r"\s*([/\-–.])\s*", r"\1", number_line.strip()).replace("–", "-").rstrip(".:;,)")
    for pattern in (_PARTY_SYMBOL, _STATE_SYMBOL):
        m = pattern.search(raw)
        if m and re.search(r"[A-ZĐ]{2}", m.group(1)):
            return m.group(1)
    return None


def cited_as(text: str, symbol: str) -> list[tuple[str, dt.date, int]]:
    """Every '<digits><symbol>' in `text` that is followed by its date: (number, date, end offset)."""
    pattern = re.compile(r"(?<![\w/.-])(\d{1,5}[a-zđ]?)\s*" + r"\s*".join(re.escape(ch) for ch in symbol)
                         + r"(?![\w/])")
    found = []
    for m in pattern.finditer(text):
        when = _CITED_DATE.match(text, m.end())
        if when is None:
            continue
        day = _date(when["d"] or when["d2"], when["m"] or when["m2"], when["y"] or when["y2"])
        if day is not None:
            found.append((_norm_number(m.group(1) + symbol), day, when.end()))
    return found


def _repeats_title(title: str | None, following: str) -> bool:
    if not title:
        return True
    wanted = fold(re.sub(r"^(?:Về việc|V/v)\s+", "", title, flags=re.IGNORECASE)).split()
    present = set(fold(following).replace(",", " ").replace(".", " ").split())
    words = [w.strip(",.;") for w in wanted]
    return bool(words) and sum(w in present for w in words) / len(words) >= TITLE_SHARE


def _printed_month_and_year(header: Header, header_text: str) -> tuple[int | None, int | None]:
    if header.date is not None:
        return header.date.month, header.date.year
    written = _WRITTEN_DATE.search(header_text)
    if written is None or not (written["m"] or "").isdigit() or not written["y"].isdigit():
        return None, None
    return int(written["m"]), int(written["y"])


def recover_from_own_citation(header: Header, header_text: str, text: str) -> list[str]:
    """Fill the header's missing number and/or date from the one citation of this document in
    `text` (see the module's docstring); return a warning saying what was taken from where.

    `header_text` is the OCR-ed header block, for what was printed on the 'Số' and date lines."""
    if header.number is not None and header.date is not None:
        return []
    if header.number is not None:
        symbol = header.number[re.match(r"\d*[a-zđ]?", header.number).end():]
    else:
        number_line = _NUMBER_LINE.search(header_text)
        symbol = printed_symbol(number_line["raw"]) if number_line else None
    month, year = _printed_month_and_year(header, header_text)
    if not symbol or year is None or month is None:
        return []
    title_window = 3 * len(header.title or "") + 80
    matches = {(number, day) for number, day, end in cited_as(text, symbol)
               if (day.year, day.month) == (year, month) and header.date in (None, day)
               and header.number in (None, number) and _repeats_title(header.title, text[end:end + title_window])}
    if len(matches) != 1:
        return []
    (number, day), = matches
    taken = []
    if header.number is None:
        header.number = number
        taken.append(f"number {number}")
    if header.date is None:
        header.date = day
        taken.append(f"date {day.isoformat()}")
    return [f"OCR: {' and '.join(taken)} taken from the citation of this document later in the file "
            f"('{number}, ngày {day:%d/%m/%Y}'), as the header's could not be read; check them"]
