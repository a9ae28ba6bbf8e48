"""The issuer of a document by name: upper-case header lines cased as a body's name, a
subordinate body's full name from its parent line, and the issuer of a copy without a header
from what its text says of itself."""
from __future__ import annotations

import re
from collections import Counter

from theodoi.vietnamese import fold, is_upper

# Upper-case letters of Vietnamese, for character classes
UPPER = "A-ZĐÀ-ỸÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ"
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

LEVEL = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
_LOCAL_BODY = rf"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?:{LEVEL}|Thành phố)\s+[{UPPER}][^,;.:]*?"
_SPEAKER = re.compile(
    rf"^(?:(?:Bộ trưởng|Thứ trưởng)\s+(?P<ministry>Bộ\s+[{UPPER}][^,;.:]*?)|(?:Phó\s+)?Chủ tịch\s+(?P<council>{_LOCAL_BODY})|"
    rf"(?P<body>Thủ tướng Chính phủ|Chính phủ|{_LOCAL_BODY}|Bộ\s+[{UPPER}][^,;.:]*?))\s+(?:đã\s+|vừa\s+)?"
    r"(?:yêu cầu|đề nghị|chỉ thị|giao|chỉ đạo|quyết định|thông báo)\b")
_ISSUING_VERB = (r"(?:chỉ thị|yêu cầu|quyết định|ban hành|xây dựng kế hoạch|xây dựng Kế hoạch|đề nghị|giao|"
                 r"thông báo|kết luận)")


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


def name_case(upper: str) -> str:
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


def issuer_from_lines(lines: list[str]) -> tuple[str | None, str | None]:
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
    issuer = name_case(names[-1])
    parent = name_case(names[-2]) if len(names) >= 2 else None
    return (_full_name(issuer, parent) if parent else issuer), parent


def _locality(name: str) -> str | None:
    """'Ủy ban nhân dân tỉnh Long An' → 'tỉnh Long An'; 'Tỉnh ủy Quảng Ninh' → None."""
    m = re.search(rf"\b{LEVEL}\s+[{UPPER}].*$", name)
    return m.group(0) if m else None


def place_of(name: str) -> str | None:
    """The place a body's name ends with: 'Tỉnh ủy Quảng Ninh', 'Đảng bộ tỉnh Hà Tĩnh' → the
    province's name."""
    m = re.search(rf"(?:\b{LEVEL}|\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ))\s+(?P<place>[{UPPER}].*)$", name)
    return m.group("place") if m else None


def _full_name(issuer: str, parent: str) -> str:
    """A subordinate body's full name, as its parent line above it implies: 'Sở Nội vụ' under
    'Ủy ban nhân dân tỉnh Long An' → 'Sở Nội vụ tỉnh Long An'; 'Văn phòng' → 'Văn phòng Ủy ban
    nhân dân tỉnh Lào Cai'; a Party board under 'Tỉnh ủy Quảng Ninh' → 'Ban Tuyên giáo Tỉnh ủy
    Quảng Ninh'; 'Ban cán sự đảng Ủy ban nhân dân tỉnh' → '... tỉnh Hà Tĩnh'."""
    if re.search(rf"\b{LEVEL}$", issuer) and place_of(parent):
        return f"{issuer} {place_of(parent)}"
    if place_of(issuer) or re.search(r"\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ)\b|\bTrung ương\b", issuer):
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


def infer_issuer(text: str, title: str | None) -> str | None:
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
                    rf"\b(?i:{level})\s+(?P<name>[{UPPER}][\w]*(?:\s+[{UPPER}][\w]*){{0,3}})", text)
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


def speaker(sentence: str) -> str | None:
    """The body a copy without a header speaks for, from its first sentence: 'Bộ trưởng Bộ Y tế
    yêu cầu ...' → 'Bộ Y tế'; 'Chủ tịch UBND tỉnh Nam Định chỉ thị ...' → 'Ủy ban nhân dân tỉnh Nam
    Định'. A sentence that reports a document issued ('vừa ký ban hành Chỉ thị ...') names none."""
    m = _SPEAKER.match(sentence)
    if not m:
        return None
    body = m.group("ministry") or m.group("council") or m.group("body")
    return re.sub(r"^(?:UBND|Uỷ ban nhân dân)\b", "Ủy ban nhân dân", " ".join(body.split()))


