"""Legacy Vietnamese 8-bit font encodings: TCVN3 (ABC, ".VnTime") and VNI-Windows.

Text typed in these fonts reaches us as Latin-1/Windows-1252 look-alikes
("Uû ban nh©n d©n", "UÛy ban nhaân daân"). `detect_legacy` decides whether a
text is such garbage and `to_unicode` converts it. Real Unicode Vietnamese is
never touched: it holds letters (ă, ơ, ư, đ, U+1EA0-U+1EF9) that no 8-bit text can.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, "ABC"): one byte per letter. Upper-case toned letters of
# the ".VnTimeH" fonts reuse the lower-case codes, so only the seven bare capitals differ;
# `_restore_line` puts toned capitals back in words typed in capitals.
_TCVN3_LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
_TCVN3_LOWER_CODES = bytes([
    0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
    0xAE, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
    0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
    0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
])
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
TCVN3_TO_UNICODE = {chr(code): letter for letter, code in zip(_TCVN3_LOWER, _TCVN3_LOWER_CODES)}
TCVN3_TO_UNICODE.update({chr(code): letter for letter, code in _TCVN3_UPPER.items()})
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# VNI-Windows: a base letter followed by modifier characters (as read through Windows-1252).
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_VNI_TONE = {_ACUTE: "ù", _GRAVE: "ø", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_VNI_CIRCUMFLEX_TONE = {"": "â", _ACUTE: "á", _GRAVE: "à", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}
_VNI_BREVE_TONE = {"": "ê", _ACUTE: "é", _GRAVE: "è", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}
_VNI_I = {_ACUTE: "í", _GRAVE: "ì", _HOOK: "æ", _TILDE: "ó", _DOT: "ò"}


def _vni_of(letter: str) -> str:
    """The VNI-Windows spelling of one lower-case Vietnamese letter."""
    parts = unicodedata.normalize("NFD", letter)
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in _VNI_TONE), "")
    if letter == "đ":
        return "ñ"
    if "\u0302" in marks:  # circumflex: â ê ô
        return base + _VNI_CIRCUMFLEX_TONE[tone]
    if "\u0306" in marks:  # breve: ă
        return base + _VNI_BREVE_TONE[tone]
    if "\u031b" in marks:  # horn: ơ ư
        return {"o": "ô", "u": "ö"}[base] + (_VNI_TONE[tone] if tone else "")
    if base == "i" and tone:
        return _VNI_I[tone]
    if base == "y" and tone == _DOT:
        return "î"
    return base + (_VNI_TONE[tone] if tone else "")


def _vni_table() -> dict[str, str]:
    letters = set(_TCVN3_LOWER) | set("ăâêôơưđ") | {
        unicodedata.normalize("NFC", v + t) for v in "aeiouy" for t in _VNI_TONE}
    table: dict[str, str] = {}
    for letter in letters:
        code = _vni_of(letter)
        if code != letter:
            table[code] = letter
            table[code.upper()] = letter.upper()
            table[code[0].upper() + code[1:]] = letter.upper()  # capital base, small modifiers
    return table


VNI_TO_UNICODE = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))

# Letters only Unicode Vietnamese has: their presence proves the text is not 8-bit legacy.
_UNICODE_ONLY = re.compile("[ăĂơƠưƯđĐ\u1ea0-\u1ef9]")
_COMMON_WORDS = set(
    "của và các có được nhân dân trong năm tháng ngày thực hiện những với cho về để phát triển tỉnh "
    "theo này người đã công tác chỉ đạo báo cáo số quyết định nghị ủy ban xã hội việc nhà nước quản lý "
    "một là không tại trên đồng thời cơ quan đơn vị kế hoạch chính phủ thành phố huyện sở ngành tài "
    "kinh tế đầu tư chương trình nhiệm vụ giải pháp tăng cường đảng cộng hòa độc lập tự do hạnh phúc "
    "tổ chức triển khai giao thông tin bộ trưởng chủ tịch".split())
_WORD = re.compile(r"\w+")


# Toned letters: TCVN3 has only lower-case codes for them, so their case is not known.
_TCVN3_CASELESS = set(_TCVN3_LOWER) - set("ăâđêôơư")
_LETTERS = re.compile(r"[^\W\d_]+")
_CAPITAL_SYLLABLE = re.compile(r"[^AEIOUYĂÂÊÔƠƯ]{0,3}[AEIOUYĂÂÊÔƠƯ]{1,3}[^AEIOUYĂÂÊÔƠƯ]{0,2}")


def _in_capitals(word: str) -> bool | None:
    """For a TCVN3 word holding toned letters, its other letters all capitals: True when it is
    surely written in capitals ("CộNG", "ủY": two capitals, or a capital right after a toned
    letter), None when it may be ("Hà", "Sở"). False for any other word."""
    known = [ch for ch in word if ch not in _TCVN3_CASELESS]
    if not known or len(known) == len(word) or any(ch.islower() for ch in known):
        return False
    after_toned = any(a in _TCVN3_CASELESS and b.isupper() for a, b in zip(word, word[1:]))
    return True if len(known) >= 2 or after_toned else None


def _capital_word(word: str) -> bool:
    """A syllable of three capitals or more without a toned letter ("BAN", "THƯ", "CÔNG"), not an
    abbreviation ("TT", "GTVT", "UBND")."""
    return len(word) >= 3 and word.isupper() and _CAPITAL_SYLLABLE.fullmatch(word) is not None


def _restore_line(line: str) -> str:
    """One line of TCVN3 text with the toned letters of words typed in capitals upper-cased: the
    words surely in capitals, and those that may be when a word a space apart is in capitals
    ("Xã" in "HòA Xã HộI", "Sở" in "Sở CÔNG THƯƠNG"; not in "Sở TT&TT") or when the whole line
    is in capitals and holds such a word ("ĐộC LậP - Tự DO")."""
    words = list(_LETTERS.finditer(line))
    state = [_in_capitals(m.group()) for m in words]
    capitals = [s is True or _capital_word(m.group()) for s, m in zip(state, words)]
    if any(capitals) and not any(ch.islower() and ch not in _TCVN3_CASELESS for ch in line):
        state = [True if s is None else s for s in state]
    beside = [i for i in range(len(words) - 1) if not line[words[i].end():words[i + 1].start()].strip(" \t")]
    changed = True
    while changed:
        changed = False
        for a, b in [(i, i + 1) for i in beside] + [(i + 1, i) for i in beside]:
            if (capitals[a] or state[a] is True) and state[b] is None:
                state[b], changed = True, True
    out, last = [], 0
    for match, upper in zip(words, state):
        if upper is True:
            out += [line[last:match.start()], match.group().upper()]
            last = match.end()
    return "".join(out) + line[last:]


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 text (read as Latin-1) to Unicode, toned capitals restored in words typed in
    capitals (see _restore_line)."""
    return "\n".join(_restore_line(line) for line in text.translate(_TCVN3_TABLE).split("\n"))


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows text (read as Windows-1252) to Unicode."""
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def vietnamese_score(text: str) -> float:
    """Share of words that are common Vietnamese words: how Vietnamese a text reads."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(w in _COMMON_WORDS for w in words) / len(words)


def detect_legacy(text: str) -> str | None:
    """'tcvn3' or 'vni' when `text` is Vietnamese typed in that legacy encoding, else None."""
    sample = text[:200_000]
    if _UNICODE_ONLY.search(sample) or not re.search("[\u0080-\u00ff]", sample):
        return None
    base = vietnamese_score(sample)
    scores = {"tcvn3": vietnamese_score(tcvn3_to_unicode(sample)),
              "vni": vietnamese_score(vni_to_unicode(sample))}
    best = max(scores, key=scores.get)
    return best if scores[best] >= base + 0.05 else None


def to_unicode(text: str, encoding: str | None) -> str:
    """Convert `text` from the named legacy encoding ('tcvn3', 'vni'); None returns it unchanged.

    Parts that already hold Unicode-only Vietnamese letters are left alone."""
    if encoding is None or _UNICODE_ONLY.search(text):
        return text
    convert = tcvn3_to_unicode if encoding == "tcvn3" else vni_to_unicode
    return convert(text)


def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font name implies: '.VnTime' → 'tcvn3', 'VNI-Times' → 'vni'."""
    name = (font_name or "").split("+")[-1].lower()
    if name.startswith(".vn") or name.startswith("vn") and not name.startswith("vni"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return None
