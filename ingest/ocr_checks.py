"""Checks on what OCR read in the header: digits misread as letters, impossible dates,
a date that disagrees with the year in the document's number, numbers that are not
numbers. What cannot be trusted is dropped from the header and said in a warning."""
from __future__ import annotations

import datetime as dt
import re

from theodoi.domain import Header
from theodoi.vietnamese import fold

# letters tesseract puts for digits inside numbers (O/o → 0, l/I/| → 1); rarer ones (S/5, B/8) are
# left alone, since codes such as 'B2' are real
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_CONFUSED = re.compile(r"^(?=.*\d)[\dOolI|]+$")
# symbol parts start with a capital and may go on in lower case: CTr (chương trình), TTr (tờ trình)
_STATE_NUMBER = re.compile(r"^\d{1,5}[a-zđ]?(?:/(?:19|20)\d{2})?/[A-ZĐ][A-ZĐa-zđ0-9]*(?:[-.&][A-ZĐ0-9&][A-ZĐa-zđ0-9&]*)*$")
_PARTY_NUMBER = re.compile(r"^\d{1,5}[a-zđ]?-[A-ZĐ][A-ZĐa-zđ]{0,5}(?:/[A-ZĐ0-9][A-ZĐa-zđ0-9]*(?:[-.][A-ZĐ0-9][A-ZĐa-zđ0-9]*)*)+$")
_WRITTEN_DATE = re.compile(r"ngày\s+(?:(?P<d>\S{1,3})\s+)?tháng\s+(?:(?P<m>\S{1,3})\s+)?năm\s+(?P<y>\S{1,4})",
                           re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^(?:[\w ]{0,20}\s)?[Ss]ố\s*[:.]\s*(?P<raw>\S.{0,40}?)\s*$", re.MULTILINE)


def fix_confusions(token: str) -> str:
    """Each '/' or '-' separated part of a token that has digits and otherwise only letters OCR
    mistakes for digits becomes all digits ('2O15' → '2015', 'l23/KH-UBND' → '123/KH-UBND')."""
    parts = re.split(r"([/\-.,:;()])", token)
    return "".join(part.translate(_AS_DIGIT) if _CONFUSED.match(part) and _mostly_digits(part) else part
                   for part in parts)


def _mostly_digits(part: str) -> bool:
    digits = sum(ch.isdigit() for ch in part)
    return digits >= len(part) - digits


def well_formed_number(number: str) -> bool:
    """A State ('123/KH-UBND', '29/2015/QĐ-UBND') or Party ('15-NQ/TU') number and symbol."""
    return bool(_STATE_NUMBER.match(number) or _PARTY_NUMBER.match(number))


def check_header(header: Header, header_text: str, today: dt.date | None = None) -> list[str]:
    """Validate an OCR-ed header in place; return warnings for what was dropped or looks wrong.

    `header_text` is the text of the header block (for dates the parser could not take)."""
    today = today or dt.date.today()
    warnings: list[str] = []
    if header.number and not well_formed_number(header.number):
        warnings.append(f"OCR: the number {header.number!r} is not a well-formed number and symbol; dropped")
        header.number = None
    elif header.number is None and (number_line := _NUMBER_LINE.search(header_text)):
        warnings.append(f"OCR: the number on the 'Số' line cannot be read ({number_line['raw']!r})")
    written = _WRITTEN_DATE.search(header_text)
    if header.date is None and written:
        warnings.append(f"OCR: the date '{written.group(0)}' cannot be read as a date (a part is missing, "
                        "handwritten or impossible)")
    if header.date is not None:
        year_in_number = re.search(r"/((?:19|20)\d{2})/", header.number or "")
        if header.date > today:
            warnings.append(f"OCR: the date {header.date.isoformat()} is in the future; dropped")
            header.date = None
        elif year_in_number and int(year_in_number.group(1)) != header.date.year:
            warnings.append(f"OCR: the date {header.date.isoformat()} disagrees with the year in the number "
                            f"{header.number}")
    _spell_place_in_issuer(header)
    return warnings


def _spell_place_in_issuer(header: Header) -> None:
    """'Ủy ban nhân dân tỉnh Phù Thọ' with place 'Phú Thọ': the issuer takes the place's tones, since
    tesseract reads the mixed-case date line more surely than the bold capitals of the issuer."""
    if not header.issuer or not header.place:
        return
    words, place = header.issuer.split(), header.place.split()
    tail = words[-len(place):]
    if len(words) > len(place) and tail != place and fold(" ".join(tail)) == fold(header.place):
        header.issuer = " ".join(words[:-len(place)] + place)
