"""Checks on what OCR read in the header: digits misread as letters, impossible dates,
a date that disagrees with the year in the document's number, numbers that are not
numbers, an issuer that is no body's name, a signer that is no person's name. What cannot
be trusted is dropped from the header and said in a warning; a known body's name read
without its tones gets them back. `machine_read` tells OCR output saved as text."""
from __future__ import annotations

import datetime as dt
import re

from theodoi.domain import Header
from theodoi.vietnamese import fold

from .header import KINDS
from .issuer_names import MINISTRIES

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


# bodies whose whole name a header prints; a name OCR read without tones is given them back
_KNOWN_BODIES = MINISTRIES + [
    "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
    "Văn phòng Quốc hội", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Văn phòng Trung ương Đảng",
    "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Kiểm toán Nhà nước", "Ủy ban Dân tộc"]
# the words a body's name starts with (folded), for names OCR read that no list holds
_BODY_HEADS = re.compile(
    r"^(?:uy ban|hoi dong|bo |so |van phong|ban |tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|cuc |"
    r"tong cuc|chi cuc|chinh phu|thu tuong|quoc hoi|mat tran|cong an|bo chi huy|trung tam|vien |truong |thanh tra|"
    r"kiem toan|ngan hang|doan |hoi |lien doan|toa an|vien kiem sat|tap doan|tong cong ty|cong ty|dai |phong )")
_LEVELS = {"tinh": "tỉnh", "thanh pho": "thành phố", "huyen": "huyện", "quan": "quận", "thi xa": "thị xã",
           "xa": "xã", "phuong": "phường", "thi tran": "thị trấn"}
_LOCAL = re.compile(r"^(?P<body>uy ban nhan dan|hoi dong nhan dan) (?P<level>thanh pho|thi xa|thi tran|tinh|huyen|"
                    r"quan|xa|phuong)\b")
_SYLLABLE = re.compile(r"^[^\W\d_]{1,7}$")
_FORMULAS = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
             ("Độc lập - Tự do - Hạnh phúc",), ("Nơi nhận",)]


def machine_read(head: str) -> bool:
    """Whether a text is OCR output: a formula every document prints the same way (quốc hiệu,
    tiêu ngữ, "Nơi nhận") stands in it with its letters or tones misread."""
    lowered, folded = head.lower(), None
    for spellings in _FORMULAS:
        if any(s.lower() in lowered for s in spellings):
            continue  # printed right: nothing to fold
        folded = folded if folded is not None else fold(head)
        if fold(spellings[0]) in folded:
            return True
    return False


def known_body(name: str) -> str | None:
    """The body's name with its tones when `name` is a known body read with tones lost or
    misplaced, else None."""
    folded = " ".join(fold(name).split())
    for body in _KNOWN_BODIES:
        if fold(body) == folded:
            return body
    m = _LOCAL.match(folded)
    if m:
        words = name.split()
        prefix = ("Ủy ban nhân dân" if m.group("body").startswith("uy") else "Hội đồng nhân dân")
        level_words = len(m.group("level").split())
        return " ".join([prefix, _LEVELS[m.group("level")]] + words[4 + level_words:])
    return None


def body_shaped(name: str) -> bool:
    """Whether the name starts as a body's name does and its words are words, not OCR debris."""
    words = name.replace(",", " ").split()
    return bool(_BODY_HEADS.match(fold(name) + " ")) and all(_SYLLABLE.match(w) or w.isupper() for w in words)


def person_named(name: str) -> bool:
    """Whether the signer is a person's name: 2-5 capitalised syllables, not a kind or a title."""
    words = name.split()
    kinds = {fold(kind) for kind in KINDS}
    return 2 <= len(words) <= 5 and all(_SYLLABLE.match(w) and w[0].isupper() for w in words) \
        and fold(name) not in kinds and not _BODY_HEADS.match(fold(name) + " ")


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
    warnings.extend(_check_names(header))
    return warnings


def _check_names(header: Header) -> list[str]:
    """Issuer and signer as OCR read them: a known body gets its tones back; a name that is no
    body's or no person's is dropped."""
    warnings = []
    if header.issuer:
        restored = known_body(header.issuer)
        if restored:
            header.issuer = restored
        elif not body_shaped(header.issuer):
            warnings.append(f"OCR: the issuer {header.issuer!r} is not the name of a body; dropped")
            header.issuer = None
    if header.signer and not person_named(header.signer):
        warnings.append(f"OCR: the signer {header.signer!r} is not a person's name; dropped")
        header.signer = None
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
