"""Numbers that look like targets but are not goals, and goals stated twice (for the target
component, `theodoi.nlp.components.targets`).

- `not_a_goal_number`: a count in a body's name, an area's or a list's scope (not works done on
  it: "đầu tư mới đối với 22 trạm"), a share of capital
  held, a case's threshold, a share a fraction makes, a footnote's figure, "N lần" that counts times,
  a result measured against the plan ("bằng 95,2% kế hoạch").
- `is_qualifier`: a number that qualifies another or names (a range's end, an age, places).
- `is_action_item`: a list item that opens with an action ("- Sửa chữa 12 trạm bơm"): its figure
  is a goal even without a goal word.
- `restated`: whether a goal was already read (a summary table, an appendix).
"""
from __future__ import annotations

import re

from theodoi.nlp.lexicon import opens_action
from theodoi.vietnamese import compare_key

# Numbers that are not goals: a count inside a body's name ("Ủy ban nhân dân 12 xã", "Chủ tịch
# UBND 7 huyện"), the scope of an area or a list ("Vùng B gồm 6 xã", "04 đề án sau đây"), a share
# of capital held ("nắm giữ 51% vốn điều lệ"), a threshold that sets a case ("Đối với công trình có
# chi phí dưới 500 triệu đồng, ...").
_NAME_BEFORE = re.compile(
    r"(?:Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND|HĐND|Hội\s+đồng\s+nhân\s+dân|Chủ\s+tịch|Bí\s+thư|Đảng\s+ủy"
    r"|Đảng\s+bộ|Công\s+an|Ban\s+Chỉ\s+đạo|lãnh\s+đạo|đại\s+diện)\s*(?:các\s+)?$")
# Works done on a count ("đầu tư mới đối với 22 trạm", "nâng cấp đối với 5 tuyến"): the count is
# what the works produce, not the scope of a rule.
_WORKS_FOR = re.compile(r"\b(?:đầu\s+tư|xây\s+dựng|lắp\s+đặt|nâng\s+cấp|sửa\s+chữa|cải\s+tạo)(?:\s+mới)?\s+đối\s+với\s*$",
                        re.I)
_ANNOUNCES_LIST = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+(?:sau\s+đây|như\s+sau|sau\s*:)", re.I)
_FRACTION_BEFORE = re.compile(r"\d\s*(?:[^\W\d]+\s*){0,3}/\s*\d[\d.,]*[^()\n;]{0,90}\(\s*(?:đạt|chiếm|bằng|là)?\s*$", re.I)
# A footnote's text: "[5] Tỷ lệ ..." (a marker before a capital, not one glued to a word: "giao[1].").
_FOOTNOTE = re.compile(r"(?:^|\s)\[\d{1,3}\]\s+[A-ZĐ]", re.M)
# "N lần" is a goal only as a multiple ("gấp 2 lần", "tăng 1,5 lần"); otherwise it counts times.
_MULTIPLE_BEFORE = re.compile(r"\b(?:gấp|tăng|bằng|giảm|hơn)\s*(?:\S+\s+)?$", re.I)
_SCOPE_BEFORE = re.compile(r"\b(?:gồm|bao\s+gồm|gồm\s+có)\s*$", re.I)
_HELD_SHARE = re.compile(r"\s+(?:tổng\s+)?(?:vốn|cổ\s+phần|cổ\s+phiếu)\b", re.I)
_HOLDING = re.compile(r"\b(?:nắm\s+giữ|sở\s+hữu|chi\s+phối|giữ)\b", re.I)
_CASE_OPENER = re.compile(r"\s*(?:[-+•*]\s*)?(?:đối\s+với|trường\s+hợp|nếu|riêng)\b", re.I)
# A result measured against the plan or the year before: "bằng 95,2% kế hoạch", "đạt 101% dự toán".
_PLAN_AFTER = re.compile(r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH\b|dự\s+toán|cùng\s+kỳ|năm\s+trước)", re.I)
_REACHED_BEFORE = re.compile(r"\b(?:bằng|đạt|vượt)\s*$", re.I)
_STRIVE = re.compile(r"\b(?:phấn\s+đấu|mục\s+tiêu|bảo\s+đảm|đảm\s+bảo|yêu\s+cầu)\b", re.I)
_SHARE_OF_PLAN_AFTER = re.compile(
    r"\s*,?\s*\(?\s*(?:bằng|đạt|vượt)\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH\b|dự\s+toán|cùng\s+kỳ)", re.I)
# A line that opens with an action ("- Sửa chữa 12 trạm bơm", "3. Xây dựng mới 2 trường"): an
# item of a plan, whose quantity is a goal.
# Verbs of physical works and staffing that the task lexicon leaves out ("- Nạo vét 45 km kênh",
# "- Trồng mới 300 ha rừng"): an item opening with one is an action too.
_WORKS_VERBS = {"nạo vét", "trồng", "trồng mới", "trang bị", "làm mới", "khởi công", "thay thế", "tuyển dụng", "lát",
                "kè", "đắp", "trải nhựa", "khoan", "tu bổ", "tôn tạo", "phục hồi", "lắp mới"}
_ITEM_MARKER = re.compile(r"\s*(?:[-+•*–]\s*|\(?[a-zđ0-9]{1,3}(?:\.\d{1,2})*[.)]\s*)", re.I)


def not_a_goal_number(text: str, m: re.Match, clause_before: str, unit: str, goal: re.Pattern) -> bool:
    """A count in a name, an area's scope, a share of capital held, a case's threshold, the share a
    fraction makes ("450/600 hồ sơ (đạt 75%)") or a figure in a footnote ("[2] Số liệu ... là 71%").
    `m` is a match of the target pattern (groups "value", "unit"); `goal` finds goal words."""
    before = text[max(0, m.start("value") - 40):m.start("value")]
    line_start = text.rfind("\n", 0, m.start()) + 1
    if unit == "%" and _FRACTION_BEFORE.search(text, max(0, m.start("value") - 140), m.start("value")) \
            or _FOOTNOTE.search(text, line_start, m.start()):
        return True
    if unit == "lần" and not _MULTIPLE_BEFORE.search(before):
        return True
    if not m.group("value")[0].isdigit() and m.group("unit")[:1].isupper():
        return True  # a spelled-out number before a capital belongs to a name ("Ngã ba Đồng Lộc")
    if _NAME_BEFORE.search(before) or (_SCOPE_BEFORE.search(before) and not goal.search(clause_before)):
        return True
    if re.search(r"\bđối\s+với\s*$", before, re.I) and not _WORKS_FOR.search(before) \
            or _ANNOUNCES_LIST.match(text, m.end()):
        return True  # "đối với 02 đề án", "04 tờ trình sau đây": what a list or a rule covers
    if unit == "%" and _HELD_SHARE.match(text, m.end()) and _HOLDING.search(clause_before):
        return True
    if _SHARE_OF_PLAN_AFTER.match(text, m.end()) or unit == "%" and _PLAN_AFTER.match(text, m.end()) \
            and _REACHED_BEFORE.search(before) and not _STRIVE.search(clause_before):
        return True  # "đạt 210.500 tấn, bằng 95,2% kế hoạch": a result measured against the plan
    return bool(_CASE_OPENER.match(clause_before))


def is_action_item(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a list item that opens with an action verb."""
    line_start = text.rfind("\n", 0, pos) + 1
    marker = _ITEM_MARKER.match(text, line_start)
    if not marker or marker.end() > pos:
        return False
    return opens_work(compare_key(text[marker.end():pos]).split()[:4] or [""])


def opens_work(words: list[str]) -> bool:
    """Whether `words` (compare_key form) open with an action verb of the task lexicon or a verb
    of physical works ("nạo vét", "trồng mới")."""
    return opens_action(words) or any(" ".join(words[:n]) in _WORKS_VERBS for n in (1, 2))


def indicator_words(indicator: str) -> set[str]:
    """The words of an indicator, compared without case, tone placement or punctuation."""
    return set(re.findall(r"\w+", compare_key(indicator)))


def restated(seen: set[tuple], value, unit: str, year: int | None, indicator: str) -> bool:
    """Whether a goal with this figure was already read: the same indicator, or for a count (not a
    rate, where "100%" recurs with other meanings) one whose words hold all of this one's or the reverse."""
    key = compare_key(indicator)
    if (value, unit, year, key) in seen:
        return True
    if unit == "%":
        return False
    words = indicator_words(key)
    return any(v == value and u == unit and y == year and (words <= indicator_words(k) or indicator_words(k) <= words)
               for v, u, y, k in seen)


# Places named by what is left ("tại 4 huyện còn lại"): not a goal to reach.
_REMAINING = re.compile(r"\s*còn\s+lại\b", re.I)
_RANGE_UPPER = re.compile(r"\d[ \t]*(?:%|m2|m3|ha|km|[^\W\d]{1,4})?[ \t]*[-–][ \t]*$")
_AGE_OWNER = re.compile(r"(?:trẻ\s+em|trẻ|người(?:\s+dân)?|dân\s+số|công\s+dân|lao\s+động|học\s+sinh|phụ\s+nữ"
                        r"|thanh\s+niên)"
                        r"\s+(?:dưới|trên|từ)\s*$", re.I)
_PLACE_UNITS = r"tỉnh|huyện|xã|tỉnh, thành phố|huyện, thành phố"
# A count that says what the members of a share have ("100% các xã có tối thiểu 1 trạm y tế").
_SHARE_HAS_BEFORE = re.compile(r"\d\s*%[^;.:\n\d]*\scó\s+$")
_ALL_OF = re.compile(r"(?:tất\s+cả|cả)\s+$", re.I)


def is_qualifier(text: str, m: re.Match) -> bool:
    """A number that qualifies or names rather than sets a goal: the upper end of a range already
    read ("2.000m2 - 3.000 m2"), what the members of a share have ("100% các xã có 1 trạm"), an age bracket ("trẻ em dưới 5 tuổi"), an amount in brackets
    ("(1.650 tỷ đồng)"), named places ("hai huyện Trà Cú và Duyên Hải", "tất cả 7 huyện", "4 huyện còn lại")."""
    before = text[max(0, m.start() - 30):m.start()]
    after = text[m.end():m.end() + 3]
    return bool(
        _RANGE_UPPER.search(before)
        or (m.group("unit").strip() == "tuổi" and _AGE_OWNER.search(text, max(0, m.start() - 20), m.start("value")))
        or (before.rstrip().endswith("(") and after.lstrip().startswith(")"))
        or _REMAINING.match(text, m.end())
        or (re.fullmatch(_PLACE_UNITS, m.group("unit").strip(), re.I) and re.match(r"\s+[A-ZĐ]", after))
        or _ALL_OF.search(before)
        or m.group("unit").strip() != "%" and _SHARE_HAS_BEFORE.search(text, max(0, m.start() - 200), m.start()))
