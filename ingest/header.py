"""Read the formal parts of a Vietnamese document (NĐ 30/2020, HD 36-HD/VPTW) from its text.

`parse_header(text)` works on the cleaned text that ingest produces. The header block
is expected in reading order (left column, then right column); lines that still hold
both columns side by side (separated by a tab or 2+ spaces) are split. Whatever the
text does not state stays None.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from theodoi.domain import Block, Header
from theodoi.vietnamese import fold, is_upper

from .signature import recipients, signature

KINDS = [
    "Thông báo kết luận", "Nghị quyết liên tịch", "Thông tư liên tịch", "Nghị quyết", "Quyết định",
    "Chỉ thị", "Kết luận", "Thông báo", "Kế hoạch", "Báo cáo", "Chương trình", "Công văn", "Hướng dẫn",
    "Quy định", "Quy chế", "Tờ trình", "Công điện", "Thông tri", "Đề án", "Phương án", "Thông cáo",
    "Thông tư", "Nghị định", "Pháp lệnh", "Luật", "Biên bản", "Giấy mời", "Lời kêu gọi", "Quy hoạch",
]
KIND_CODES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "KL": "Kết luận", "TB": "Thông báo",
    "KH": "Kế hoạch", "BC": "Báo cáo", "CTR": "Chương trình", "HD": "Hướng dẫn", "QYĐ": "Quy định",
    "QĐI": "Quy định", "QC": "Quy chế", "TTR": "Tờ trình", "CĐ": "Công điện", "NĐ": "Nghị định",
    "TT": "Thông tư", "CV": "Công văn", "ĐA": "Đề án", "PA": "Phương án", "TC": "Thông cáo",
    "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch", "GM": "Giấy mời", "BB": "Biên bản",
}
ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BCH": "Ban Chấp hành", "BTV": "Ban Thường vụ", "MTTQ": "Mặt trận Tổ quốc", "TP.": "thành phố",
    "TP": "thành phố", "TW": "Trung ương", "VPCP": "Văn phòng Chính phủ", "TTCP": "Thủ tướng Chính phủ",
}
MINISTRIES = [
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Kế hoạch và Đầu tư",
    "Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường",
    "Bộ Giao thông vận tải", "Bộ Xây dựng", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
    "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
]

_UP = "A-ZĐÀ-ỸÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ"
_SEPARATOR = re.compile(r"^[\s\-–—_*=.…]*$")
_NATIONAL = re.compile(r"CỘNG\s*H[OÒ][ÀA]\s*X[AÃ]\s*H[OỘ]I|Độc\s*lập\s*[-–]\s*Tự\s*do|ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM")
# the same formulas with tones lost (OCR, typed without a Vietnamese keyboard), on the folded line
_NATIONAL_FOLDED = re.compile(r"cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia|doc\s*lap\s*[-–~]\s*tu\s*do")
_YEARS_ONLY = re.compile(r"^\(?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\)?$")
_WEEKDAY = re.compile(r"^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)$", re.IGNORECASE)
_NUMBER = re.compile(r"(?:^|\b)(?:[\w ]{0,20}\s)?[Ss]ố\s*(?:hiệu)?\s*[:.]?\s*(?P<num>\d[^\s,;]*(?:\s*[-/]\s*[^\s,;]+)*)")
_DATE = re.compile(r"(?:(?P<place>[^\n,:;]{2,40}),\s*)?ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
                   re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(?P<place>[^\n,:;\d]{2,40}),\s*ngày\b")  # the day left blank or unreadable
_NUMERIC_DATE = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})"
_BODY_LINE = re.compile(
    r"^(?:Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|"
    r"Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ban Chấp hành|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Bộ trưởng|"
    r"Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ)\b", re.IGNORECASE)
_TITLE_STOP = re.compile(
    r"^(?:Căn cứ|Kính gửi|Thực hiện|Theo|Xét|\(?\s*(?:Ban hành\s+)?[Kk]èm theo|Điều\s+\d|QUYẾT NGHỊ|QUYẾT ĐỊNH\s*:|"
    r"CHỈ THỊ\s*:|KHÓA\b|KHOÁ\b|Khóa\b|Khoá\b|KỲ HỌP|Kỳ họp|Nơi nhận|I[.\-]\s|1[.\-]\s|Ngày\s+\d)")
_OPEN_ENDING = re.compile(r"\b(?:số|ngày|của|về|và|tại|theo)\s*:?$", re.IGNORECASE)
_TITLE_OPENING = re.compile(r"^Thực hiện\b")  # "KẾ HOẠCH / Thực hiện Nghị quyết số ...": a trích yếu
_OWNER = re.compile(
    r"^của\s+(?P<body>(?:Ban Chấp hành|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Ban cán sự đảng|Đảng đoàn|"
    r"Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    r"Huyện ủy|Huyện uỷ)\b[^,;.]{0,80}?)(?:\s+(?P<rest>(?:về|V/v)\b.*))?$", re.IGNORECASE)
_ISSUED_WITH = re.compile(
    r"kèm theo\s+(?P<kind>" + "|".join(KINDS) + r"|văn bản)\s+(?:số\s*:?\s*)?(?P<num>\d+[^\s,;)]*|/[^\s,;)]+)"
    r"(?:\s+ngày\s+(?:(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})|"
    r"(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})))?", re.IGNORECASE)
_ADOPTED = re.compile(
    r"thông qua(?:\s+(?:tại|trong)\s+[^.;]{0,80}?)?\s+ngày\s+(?:(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+"
    r"(?P<y>\d{4})|" + _NUMERIC_DATE.replace("P<d>", "P<d2>").replace("P<m>", "P<m2>").replace("P<y>", "P<y2>") + ")",
    re.IGNORECASE)
_LEVEL = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
_LOCAL_BODY = rf"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?:{_LEVEL}|Thành phố)\s+[{_UP}][^,;.:]*?"
_SPEAKER = re.compile(
    rf"^(?:(?:Bộ trưởng|Thứ trưởng)\s+(?P<ministry>Bộ\s+[{_UP}][^,;.:]*?)|(?:Phó\s+)?Chủ tịch\s+(?P<council>{_LOCAL_BODY})|"
    rf"(?P<body>Thủ tướng Chính phủ|Chính phủ|{_LOCAL_BODY}|Bộ\s+[{_UP}][^,;.:]*?))\s+(?:đã\s+|vừa\s+)?"
    r"(?:yêu cầu|đề nghị|chỉ thị|giao|chỉ đạo|quyết định|thông báo)\b")
_ISSUING_VERB = (r"(?:chỉ thị|yêu cầu|quyết định|ban hành|xây dựng kế hoạch|xây dựng Kế hoạch|đề nghị|giao|"
                 r"thông báo|kết luận)")


def _date(d, m, y) -> dt.date | None:
    try:
        value = dt.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None
    return value if 1945 <= value.year <= 2100 else None


def _norm_number(raw: str) -> str:
    number = re.sub(r"\s*([/\-–])\s*", r"\1", raw.strip()).replace("–", "-")
    return number.rstrip(".:;,)")


def _national(line: str) -> bool:
    """Whether the line holds the quốc hiệu or tiêu ngữ (or the Party's name line), tones kept or lost."""
    return bool(_NATIONAL.search(line) or _NATIONAL_FOLDED.search(fold(line)))


def _motto_split(line: str) -> list[str]:
    """An issuer line run into the quốc hiệu with one space (OCR of two columns): two parts."""
    m = _NATIONAL_FOLDED.search(fold(line))
    if m and m.start() > 3 and is_upper(line[:m.start()]):
        return [line[:m.start()].strip(), line[m.start():].strip()]
    return []


def _split_columns(lines: list[str]) -> list[str]:
    """Header lines above the kind line holding two columns side by side (a tab, 2+ spaces, or
    two table cells ' | ') become two lines, left column first. Lines from the kind line on
    (task tables among them) stay as they are."""
    end = next((i for i, line in enumerate(lines) if _kind_of(line)), len(lines))
    left, right, out = [], [], []
    for i, line in enumerate(lines[:end]):
        parts = [p.strip() for p in re.split(r"\t+|\s{2,}(?![/\-–]|tháng\b|năm\b)", line.strip()) if p.strip()]
        parts = parts if len(parts) >= 2 or i > 1 else _motto_split(line.strip())
        cells = [p.strip() for p in line.split(" | ") if p.strip()]
        if len(parts) < 2 and len(cells) == 2:
            parts = cells
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(" ".join(parts[1:]))
        else:
            out.append(line.strip())
    head = left + right + out if left else out
    return head + [line.strip() for line in lines[end:]]


def _kind_of(line: str, first_line: bool = False) -> tuple[str, str] | None:
    """(kind, rest of the line) when the line is a document's kind line."""
    stripped = line.strip().lstrip("#*").strip()
    for kind in KINDS:
        n = len(kind)
        head = stripped[:n]
        if head.lower() != kind.lower():
            continue
        rest = stripped[n:]
        if rest and rest[0].isalnum():
            continue
        rest = rest.strip(" :")
        if head == kind.upper():
            return kind, rest
        if first_line and head[0].isupper() and (not rest or rest[0].islower()):
            return kind, rest
    return None


def _runs_on(previous: str, line: str) -> bool:
    """Whether `line` continues a wrapped title: it starts in lower case, or the line before
    stops on a word that needs what follows ('... Chỉ thị số' / '08/CT-UBND ngày ...'), or it
    holds only a period of years ('GIAI ĐOẠN' / '2026 - 2030')."""
    return line[:1].islower() or bool(_OPEN_ENDING.search(previous)) and not is_upper(line) \
        or bool(_YEARS_ONLY.match(line))


def _expand(name: str) -> str:
    words = []
    for word in name.split():
        key = word.upper().rstrip(",")
        words.append(ABBREVIATIONS.get(key, word) if word.isupper() or key in ("TP.",) else word)
    return " ".join(words)


def _recase(phrase: str, text: str) -> str:
    """The phrase as the document writes it with capitals, if it does; else as given."""
    best, best_caps = phrase, sum(w[:1].isupper() for w in phrase.split())
    pattern = re.compile(r"\s+".join(map(re.escape, phrase.split())), re.IGNORECASE)
    for match in pattern.finditer(text):
        found = match.group(0)
        caps = sum(w[:1].isupper() for w in found.split())
        if caps > best_caps and not is_upper(found):
            best, best_caps = " ".join(found.split()), caps
    return best


def _name_case(upper: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG' → 'Ủy ban nhân dân tỉnh Bình Dương' (body names)."""
    if not is_upper(upper):
        return " ".join(_expand(upper).split())
    cased = " ".join(_cased(_expand(upper).lower().split()))
    for phrase in ("Ban Chấp hành", "Ban Thường vụ", "Ủy ban Thường vụ", "Uỷ ban Thường vụ", "Đảng bộ", "Đảng ủy", "Đảng uỷ", "Mặt trận Tổ quốc"):
        cased = re.sub(re.escape(phrase) + r"\b(?! ban\b)", phrase, cased, flags=re.IGNORECASE)
    return re.sub(r"\b(tỉnh|thành|huyện|quận|thị) (ủy|uỷ)\b", lambda m: f"{m.group(1).capitalize()} {m.group(2).lower()}",
                  cased, flags=re.IGNORECASE)


def _cased(words: list[str]):
    capital_next, proper = True, False
    for i, word in enumerate(words):
        pair = f"{words[i - 1]} {word}" if i else word
        following = words[i + 1] if i + 1 < len(words) else ""
        if capital_next or proper or (word, following) in (("quốc", "hội"), ("chính", "phủ"), ("trung", "ương"),
                                                            ("chính", "trị"), ("ủy", "ban"), ("uỷ", "ban")):
            word = word[:1].upper() + word[1:]
        capital_next = False
        if words[i] in ("tỉnh", "huyện", "quận", "xã", "phường") or pair in ("thành phố", "thị xã", "thị trấn"):
            proper = True
        elif words[i] in ("bộ", "sở", "cục", "vụ", "viện", "ban") and i + 1 < len(words) and (
                not i or words[i - 1] not in ("đảng", "ủy", "uỷ")) and words[i + 1] != "cán":
            capital_next = True
        yield word


def _issuer_from_lines(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent) from the upper-case name lines of the header's left column."""
    if not lines:
        return None, None
    names: list[str] = []
    for line in lines:
        starts_body = re.match(
            r"^(?:SỞ|BAN|VĂN PHÒNG|PHÒNG|CỤC|CHI CỤC|VỤ|TỔNG CỤC|TRUNG TÂM|THANH TRA|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|"
            r"TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BỘ|CHÍNH PHỦ|QUỐC HỘI|TRƯỜNG|"
            r"VIỆN|CÔNG AN|ĐOÀN|HỘI|LIÊN ĐOÀN|MẶT TRẬN)\b", line)
        if names and starts_body and not re.match(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG)\b", line):
            names.append(line)
        elif names:
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    if len(names) >= 2 and re.fullmatch(r"BAN (?:CHẤP HÀNH|THƯỜNG VỤ)", names[-1]):
        names[-1] = f"{names[-1]} {names[-2]}"
    issuer = _name_case(names[-1])
    parent = _name_case(names[-2]) if len(names) >= 2 else None
    return (_full_name(issuer, parent) if parent else issuer), parent


def _locality(name: str) -> str | None:
    """'Ủy ban nhân dân tỉnh Long An' → 'tỉnh Long An'; 'Tỉnh ủy Quảng Ninh' → None."""
    m = re.search(rf"\b{_LEVEL}\s+[{_UP}].*$", name)
    return m.group(0) if m else None


def _place(name: str) -> str | None:
    """The place a body's name ends with: 'Tỉnh ủy Quảng Ninh', 'Đảng bộ tỉnh Hà Tĩnh' → the
    province's name."""
    m = re.search(rf"(?:\b{_LEVEL}|\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ))\s+(?P<place>[{_UP}].*)$", name)
    return m.group("place") if m else None


def _full_name(issuer: str, parent: str) -> str:
    """A subordinate body's full name, as its parent line above it implies: 'Sở Nội vụ' under
    'Ủy ban nhân dân tỉnh Long An' → 'Sở Nội vụ tỉnh Long An'; 'Văn phòng' → 'Văn phòng Ủy ban
    nhân dân tỉnh Lào Cai'; a Party board under 'Tỉnh ủy Quảng Ninh' → 'Ban Tuyên giáo Tỉnh ủy
    Quảng Ninh'; 'Ban cán sự đảng Ủy ban nhân dân tỉnh' → '... tỉnh Hà Tĩnh'."""
    if re.search(rf"\b{_LEVEL}$", issuer) and _place(parent):
        return f"{issuer} {_place(parent)}"
    if _place(issuer) or re.search(r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ)\b|\bTrung ương\b", issuer):
        return issuer
    if re.match(r"^(?:Sở|Phòng|Chi cục)\b", issuer) and _locality(parent):
        return f"{issuer} {_locality(parent)}"
    party_parent = re.match(r"^(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+(?:ủy|uỷ)\b", parent)
    if re.fullmatch(r"(?:Văn phòng|Thanh tra|Ban Thường trực|Thường trực)", issuer) or party_parent and re.match(
            r"^(?:Ban|Ủy ban Kiểm tra|Uỷ ban Kiểm tra|Văn phòng)\b", issuer):
        return f"{issuer} {parent}"
    return issuer


def _place_name(text_after_level: str, full_text: str) -> str | None:
    words = []
    for word in text_after_level.split():
        bare = word.strip(",.;:()")
        if not bare or bare.lower() in ("đến", "năm", "giai", "về", "và", "trong", "giai đoạn", "từ", "trên"):
            break
        words.append(bare)
        if bare != word or len(words) == 4:
            break
    if not words:
        return None
    return _recase(" ".join(words), full_text)


def _infer_issuer(text: str, title: str | None) -> str | None:
    """The issuing body of a document whose header was stripped, from what the text says of itself."""
    body = re.search(r"(?P<body>Văn phòng Chính phủ|Văn phòng Bộ|Văn phòng Trung ương Đảng)\s+xin\s+thông\s+báo", text)
    if body:
        if body.group("body") != "Văn phòng Bộ":
            return body.group("body")
        haystack = fold(f"{title or ''}\n{text}")
        hits = [(haystack.count(fold(m)), m) for m in MINISTRIES if fold(m) in haystack]
        return max(hits)[1] if hits else None
    council = re.search(r"\b(?:Ủy|Uỷ) ban nhân dân\s+(?P<level>tỉnh|thành phố|Thành phố|huyện|quận)\s+" + _ISSUING_VERB
                        + r"|\bUBND\s+(?P<level2>tỉnh|thành phố|Thành phố|huyện|quận)\s+" + _ISSUING_VERB, text)
    if council:
        level = (council.group("level") or council.group("level2"))
        place = None
        if title:
            m = re.search(rf"\b{level}\s+(?P<rest>.+)$", title, re.IGNORECASE)
            place = _place_name(m.group("rest"), text) if m else None
        if not place:
            found = Counter(
                " ".join(m.group("name").split()) for m in re.finditer(
                    rf"\b(?i:{level})\s+(?P<name>[{_UP}][\w]*(?:\s+[{_UP}][\w]*){{0,3}})", text)
                if all(w[0].isupper() for w in m.group("name").split()))
            place = found.most_common(1)[0][0] if found else None
        if place:
            return f"Ủy ban nhân dân {level.lower()} {place}"
    if title:
        m = re.search(r"\b(ban chấp hành|ban thường vụ)\s+(?P<body>.+?)(?:\s+\(?kh[oó][aáà]\b|\s+lần\b|\s+về\b|$)",
                      title, re.IGNORECASE)
        if m:
            return _recase(f"{m.group(1)} {m.group('body')}", text)
    return None


def _speaker(sentence: str) -> str | None:
    """The body a copy without a header speaks for, from its first sentence: 'Bộ trưởng Bộ Y tế
    yêu cầu ...' → 'Bộ Y tế'; 'Chủ tịch UBND tỉnh Nam Định chỉ thị ...' → 'Ủy ban nhân dân tỉnh Nam
    Định'. A sentence that reports a document issued ('vừa ký ban hành Chỉ thị ...') names none."""
    m = _SPEAKER.match(sentence)
    if not m:
        return None
    body = m.group("ministry") or m.group("council") or m.group("body")
    return re.sub(r"^(?:UBND|Uỷ ban nhân dân)\b", "Ủy ban nhân dân", " ".join(body.split()))


def parse_header(text: str, blocks: list[Block] | None = None) -> Header:
    """The formal parts of the document in `text`; fields the text does not state are None."""
    header = Header()
    lines = [line for line in text.split("\n")]
    nonempty = [line.strip() for line in lines if line.strip()]
    head_zone = _split_columns(nonempty[:30])
    kind_index = None
    title_lines: list[str] = []
    for i, line in enumerate(head_zone):
        if _TITLE_STOP.match(line) and kind_index is None and i > 0 and not is_upper(line):
            break
        found = _kind_of(line, first_line=(line == nonempty[0].strip()))
        if found and not line.lower().startswith(("nghị quyết số", "quyết định số")):
            header.kind, rest = found
            kind_index = i
            if header.kind == "Chương trình":  # "CHƯƠNG TRÌNH HÀNH ĐỘNG": the kind's own words, not the title
                rest = re.sub(r"^HÀNH\s+ĐỘNG\b\s*:?\s*", "", rest)
            if rest:
                title_lines.append(rest)
            break
    before = head_zone[:kind_index] if kind_index is not None else head_zone[:12]
    has_formal_header = any(_national(line) for line in before) or any(
        re.match(r"^(?:[\w ]{0,20}\s)?Số\s*:?\s*\d", line) for line in before)
    # number, place and date
    for line in before:
        m = _NUMBER.search(re.sub(r"\s*([/\-–])\s*", r"\1", line))
        if m and header.number is None and "/" in m.group("num") and (
                line.startswith("Số") or re.match(r"^[\w ]{0,20}\s[Ss]ố\s*:", line)):
            header.number = _norm_number(m.group("num"))
        m = _DATE.search(line) or _PLACE_DATE.search(line)
        if m and header.date is None and header.place is None:
            if m.re is _DATE:
                header.date = _date(m.group("d"), m.group("m"), m.group("y"))
            place = (m.group("place") or "").strip(" .")
            if re.search(r"\d", place):  # "Số: 330/TB-VPCP Hà Nội, ngày ...": both columns on one line
                place = re.sub(r"^.*\d\S*\s*", "", place)
            if place and not re.search(r"\d|Số", place) and not _WEEKDAY.match(place):
                header.place = place
    # issuer: the upper-case name lines above the first separator, number or quốc hiệu line
    if has_formal_header:
        name_lines = []
        for line in before:
            if _national(line) or _SEPARATOR.match(line) or re.match(r"^(?:[\w ]{0,20}\s)?Số\b", line) \
                    or _DATE.search(line) or line.startswith(("V/v", "v/v", "Về việc")):
                if name_lines:
                    break
                continue
            if is_upper(line):
                name_lines.append(line.strip(" *"))
            elif name_lines:
                break
        header.issuer, header.parent_issuer = _issuer_from_lines(name_lines)
        vv = next((i for i, line in enumerate(before) if re.match(r"^(?:V/v|v/v|Về việc|V/V)\b", line)), None)
        if header.kind is None and vv is not None:
            header.kind = "Công văn"
            subject = [before[vv]]
            for line in before[vv + 1:]:
                if _runs_on(subject[-1], line):
                    subject.append(line)
                else:
                    break
            title_lines = [re.sub(r"^(?:V/v|v/v|V/V)\s*", "Về việc ", " ".join(subject))]
    # title
    after = head_zone[kind_index + 1:] if kind_index is not None else []
    title_end = 0
    if kind_index is not None:
        for j, line in enumerate(after[:8]):
            if header.kind == "Chương trình" and not title_lines and re.fullmatch(r"HÀNH\s+ĐỘNG\s*:?", line):
                title_end = j + 1
                continue
            opens_title = not title_lines and _TITLE_OPENING.match(line) and not line.rstrip().endswith(":")
            if (_TITLE_STOP.match(line) and not opens_title) or _SEPARATOR.match(line) or _national(line):
                break
            if _BODY_LINE.match(line) and (title_lines or j) and not (title_lines and title_lines[-1].endswith(",")):
                break  # the body that issues, below the title ("QUYẾT NGHỊ" formula); not a title's listed body
            if title_lines:
                joined = " ".join(title_lines)
                if is_upper(joined) != is_upper(line) and not _runs_on(joined, line):
                    break
                if not is_upper(joined) and not _runs_on(joined, line):
                    break
            title_lines.append(line)
            title_end = j + 1
        if header.kind == "Thông báo" and title_lines and fold(title_lines[0]).startswith("ket luan"):
            header.kind = "Thông báo kết luận"
            title_lines[0] = title_lines[0][len("kết luận"):].strip()  # the kind's own words, not the title
    elif not has_formal_header and nonempty:
        first = nonempty[0].lstrip("#* ").strip()
        if len(first) <= 220 and not re.search(r"[.:;]$", first) and not first.startswith("(") and not _TITLE_STOP.match(first) \
                and not re.match(r"^(?:Ngày|Sáng|Chiều|Tối)\s+\d", first) and len(nonempty) > 1:
            header.title = first
    if title_lines:
        header.title = " ".join(" ".join(title_lines).split()).strip(" :")
        if header.kind == "Công điện":  # "... tài sản / THỦ TƯỚNG CHÍNH PHỦ điện:": the formula, not the title
            header.title = re.sub(rf"\s+[{_UP}][{_UP}\s]+\s+điện\s*:?$", "", header.title)
        owner = _OWNER.match(header.title)
        if owner:  # "NGHỊ QUYẾT / của Ban Chấp hành Đảng bộ tỉnh / về ...": that body issued it
            header.parent_issuer = header.parent_issuer or header.issuer
            body = owner.group("body")
            place = _place(header.issuer or "")
            if place and re.search(rf"(?:\b{_LEVEL}|\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ))$", body):
                body = f"{body} {place}"
            header.issuer = body
            header.title = owner.group("rest") or None
    # headerless documents: number/date from annexes and adoption lines, issuer from the text
    if header.kind is None and not has_formal_header and nonempty and re.match(r"^Kính\s+gửi\b", nonempty[0]):
        header.kind = "Công văn"  # a letter copied from "Kính gửi" on: no kind line, recipients first
    if header.kind and not has_formal_header:
        if header.issuer is None:
            for line in after[title_end:title_end + 2]:
                if _BODY_LINE.match(line) and len(line.split()) <= 12 and not line.rstrip().endswith((".", ";")):
                    header.issuer = _name_case(line.strip(" ,"))
                    break
        if header.issuer is None:
            header.issuer = _infer_issuer(text, header.title)
    if header.issuer is None and not has_formal_header:
        opening = nonempty[1] if len(nonempty) > 1 and header.title and nonempty[0].lstrip("#* ") == header.title \
            else (nonempty[0] if nonempty else "")
        header.issuer = _speaker(opening)
    # "kèm theo": just below the title it names the parent document; later, an annex of this one
    for m in _ISSUED_WITH.finditer(text):
        near_top = m.start() < len("\n".join(nonempty[:(kind_index or 0) + title_end + 6]))
        kind = next((k for k in KINDS if k.lower() == m.group("kind").lower()), "Công văn")  # "văn bản số"
        if near_top and kind != header.kind and header.issued_with is None:
            header.issued_with = _norm_number(m.group("num"))
        elif not near_top and kind == header.kind:
            if header.number is None:
                header.number = _norm_number(m.group("num"))
            if header.date is None:
                header.date = _date(m.group("d") or m.group("d2"), m.group("m") or m.group("m2"),
                                    m.group("y") or m.group("y2"))
    if header.date is None and header.kind in ("Nghị quyết", "Nghị quyết liên tịch", "Luật", "Pháp lệnh"):
        adopted = list(_ADOPTED.finditer(text))
        if adopted:
            m = adopted[-1]
            header.date = _date(m.group("d") or m.group("d2"), m.group("m") or m.group("m2"),
                                m.group("y") or m.group("y2"))
    if header.kind is None and header.number and has_formal_header:
        code = re.search(r"(?:\d/|-)(?P<code>[A-Za-zĐđ]+)(?:[-/])", header.number)
        header.kind = KIND_CODES.get(code.group("code").upper()) if code else None
        if header.kind is None and re.match(r"^\d+/[A-ZĐ]", header.number):
            header.kind = "Công văn"
    header.signer_authority, header.signer_title, header.signer = signature(nonempty)
    header.recipients = recipients(lines)
    return header
