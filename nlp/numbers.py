"""Vietnamese numbers: digits written the Vietnamese way and spelled-out number words.

- `parse_number("3.000") == 3000`, `parse_number("8,5") == 8.5` (dot groups thousands,
  comma marks decimals); `parse_number("1.5")` is read as a decimal when the dot is not
  followed by exactly three digits.
- `parse_number_words("bảy trăm linh năm") == 705`, "một nghìn", "hai mươi lăm".

Only a span already known to be a number should be passed here: the finder lives with
the component that knows the context (targets).
"""
from __future__ import annotations

import re

from theodoi.vietnamese import compare_key

DIGITS = {
    "không": 0, "linh": None, "lẻ": None,
    "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
TEN_WORDS = {"mười": 10, "mươi": 10}
SCALES = {"trăm": 100, "nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
NUMBER_WORDS = frozenset(DIGITS) | frozenset(TEN_WORDS) | frozenset(SCALES) | {"rưỡi", "phẩy"}

_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 3.000 / 3.554.244 / 1.234,5
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
_PLAIN = re.compile(r"^\d+$")
_DECIMAL_DOT = re.compile(r"^\d+\.\d+$")
_COMMA_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3}){2,}$")  # 1,000,000 (English style, rare)


def parse_number(text: str) -> float | int | None:
    """A number written in digits the Vietnamese way, or in words; None if it is neither."""
    s = text.strip().replace(" ", "")
    if not s:
        return None
    if _PLAIN.match(s):
        return int(s)
    if _GROUPED.match(s):
        whole, _, frac = s.partition(",")
        whole = whole.replace(".", "")
        return float(f"{whole}.{frac}") if frac else int(whole)
    if _DECIMAL_COMMA.match(s):
        return float(s.replace(",", "."))
    if _COMMA_GROUPED.match(s):
        return int(s.replace(",", ""))
    if _DECIMAL_DOT.match(s):
        return float(s)
    return parse_number_words(text)


def _below_thousand(words: list[str]) -> int | None:
    """Value of a group like 'bảy trăm linh năm', 'hai mươi lăm', 'mười', 'năm mươi tư'."""
    if not words:
        return 0
    value = 0
    i = 0
    if len(words) >= 2 and words[1] == "trăm" and words[0] in DIGITS and DIGITS[words[0]] is not None:
        value += DIGITS[words[0]] * 100
        i = 2
    elif words[0] == "trăm":  # "trăm" alone = one hundred
        value += 100
        i = 1
    rest = words[i:]
    if rest and rest[0] in ("linh", "lẻ"):
        rest = rest[1:]
        if len(rest) != 1 or DIGITS.get(rest[0]) is None:
            return None
        return value + DIGITS[rest[0]]
    if not rest:
        return value
    if rest[0] == "mười":
        value += 10
        rest = rest[1:]
    elif len(rest) >= 2 and rest[1] == "mươi" and DIGITS.get(rest[0]):
        value += DIGITS[rest[0]] * 10
        rest = rest[2:]
    if not rest:
        return value
    if len(rest) == 1 and DIGITS.get(rest[0]) is not None:
        return value + DIGITS[rest[0]]
    return None


def parse_number_words(text: str) -> float | int | None:
    """Spelled-out Vietnamese number ('bảy trăm linh năm' → 705, 'một nghìn' → 1000); None if not one."""
    words = compare_key(text).replace(",", " ").split()
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    if "phẩy" in words:  # "tám phẩy năm" = 8.5
        k = words.index("phẩy")
        whole, frac = parse_number_words(" ".join(words[:k])), words[k + 1:]
        digits = [DIGITS.get(w) for w in frac]
        if whole is None or not digits or any(d is None for d in digits):
            return None
        return float(f"{int(whole)}." + "".join(str(d) for d in digits))
    half = 0.0
    if words[-1] == "rưỡi":  # "một nghìn rưỡi", "hai triệu rưỡi": half of the last scale
        words = words[:-1]
        if not words or words[-1] not in SCALES:
            return None
        half = SCALES[words[-1]] / 2
    total, group = 0, []
    for scale_name in ("tỷ", "tỉ", "triệu", "nghìn", "ngàn"):
        if scale_name in words:
            k = words.index(scale_name)
            head = _below_thousand(words[:k]) if words[:k] else 1
            if head is None:
                return None
            total += head * SCALES[scale_name]
            words = words[k + 1:]
    group = words
    tail = _below_thousand(group)
    if tail is None:
        return None
    total += tail
    if half:
        return total + half
    return total
