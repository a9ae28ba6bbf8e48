"""Deadlines in Vietnamese text: a small regex grammar that turns a date phrase into the
last day of its period (SCHEMA.md kinds: date, month, quarter, half-year, year, ongoing,
recurring, relative).

- `parse_deadline(text, doc_date)`: one deadline phrase ("trước ngày 30/6/2021",
  "trong quý II/2021", "hằng tháng") → `Deadline`, or None.
- `find_deadlines(text, doc_date)`: every phrase of a text that states a time by which
  something must be done (or a recurrence), with character offsets. A date that is
  history ("ngày 22/3/2007 của Chính phủ"), a start ("từ ngày ..."), or lies before the
  document's own date is not a deadline.

dateparser was measured and fails on quarters, "trước ngày 15/3" and ranges
(shared/docs/deps-nlp.md), hence the grammar.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from theodoi.domain import Deadline

# ----------------------------------------------------------------------------- grammar
_Y = r"(?:19|20)\d{2}"
_SEP = r"\s*[/.\-]\s*"
_Q = r"(?:IV|I{1,3}|[1-4])"
_PART = r"(?:(?P<part>[Đđ]ầu|[Gg]iữa|[Cc]uối)\s+)?"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_N_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
            "chín": 9, "mười": 10, "mười hai": 12, "mười lăm": 15, "hai mươi": 20, "ba mươi": 30}
_NUM = r"(?:\d{1,3}|mười hai|mười lăm|hai mươi|ba mươi|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"

# A session or conference a task is tied to ("trình tại kỳ họp thứ Tám", "trước Hội nghị Tỉnh ủy lần
# thứ 12", "tại phiên họp gần nhất"): a deadline relative to an event whose date the text does not
# give. A session named by its year ("kỳ họp cuối năm 2019") is left to the year alternative.
_EVENT = (r"(?:tại|trước|trong|tới)\s+(?:(?:kỳ|phiên)\s+họp|[Hh]ội\s+nghị|[Đđ]ại\s+hội)(?:\s+(?!thứ|lần)[^\s.,;:\n()]+){0,6}?"
          r"\s+(?:(?:lần\s+)?thứ\s+(?:[0-9]{1,3}|[IVXLC]{1,6}|[^\W\d_]+)|gần\s+nhất|tiếp\s+theo|thường\s+lệ"
          r"|(?:cuối|giữa|đầu)\s+năm(?!\s+(?:19|20)\d{2}))\b"
          # "trước Đại hội Đảng bộ tỉnh", "trước Đại hội": up to the end of the clause
          r"|trước\s+[Đđ]ại\s+hội(?:\s+(?!và\b|để\b|nhiệm\s+kỳ\b)[^\s.,;:\n()]+){0,6}(?=\s*(?:[.,;:\n()]|$)|\s+(?:và|để)\b)")

# Words that end a time written out ("Cuối nhiệm kỳ Đại hội ... | có báo cáo tổng kết").
_PREDICATE_START = r"(?:có|phải|cần|tổ\s+chức|tiến\s+hành|báo\s+cáo|tổng\s+kết|sơ\s+kết|đánh\s+giá)\b"

# The characters an alternative below can start with (digits, the first letters of "theo",
# "định", "hằng", "mỗi", "tại", "thường", the number words, "ngay", "khi", "cuối", "ngày", "đầu",
# "giữa", "quý", "tháng", "giai", "thời", "năm"): the lookahead skips every other position at
# once instead of trying each alternative there (twice as fast). A new alternative must have
# its first letters here (tests/unit/nlp/test_patterns.py checks).
DATE_FIRST_CHARS = r"(?=[\dĐđbcCgGhHkKmMnNqQsTt])"

# Alternatives are tried in order at each position: longer forms first.
DATE_EXPRESSION = re.compile(
    DATE_FIRST_CHARS +
    r"(?:(?P<recurring>(?:(?:theo\s+)?[Đđ]ịnh\s+kỳ\s+)?(?:[Hh][ằà]ng|[Mm]ỗi)\s+(?:ngày|tuần|tháng|quý|quí|năm|kỳ)"
    r"|(?:theo\s+)?[Đđ]ịnh\s+kỳ(?:\s+(?:" + _NUM + r")\s+(?:tháng|năm|tuần|ngày)(?:\s+một\s+lần)?)?"
    r"|tại\s+các\s+kỳ\s+họp(?:\s+(?:thường\s+lệ|của))?|[Tt]hường\s+niên)"
    r"|(?P<ongoing>[Tt]hường\s+xuyên)"
    r"|(?P<relative>(?P<rel_n>" + _NUM + r")(?:\s*\([^()\d\n]{1,20}\))?"  # "10 (mười) ngày"
    r"\s+(?P<rel_unit>ngày|tuần|tháng|năm)(?:\s+làm\s+việc)?,?\s+"
    r"(?:kể\s+từ|tính\s+từ|sau\s+khi|từ|trước\s+(?=ngày|khi))\s*(?P<rel_from>[^.;,\n()]{1,60})"
    r"|[Nn]gay\s+sau\s+khi\s+[^.;\n()]{1,60}"
    r"|[Kk]hi\s+kết\s+thúc\s+(?:(?!\s+và\s)[^.;,\n()]){1,40}"
    r"|[Cc]uối\s+nhiệm\s+kỳ(?:\s+[^.;,\n()\s]+){0,10}?(?=\s+" + _PREDICATE_START + r"|\s*[.;,\n()]|\s*$)"
    r"|" + _EVENT + r")"
    r"|(?P<full>(?:[Nn]gày\s+)?(?P<d1>\d{1,2})" + _SEP + r"(?P<m1>\d{1,2})" + _SEP + r"(?P<y1>" + _Y + r")\b"
    r"|(?:[Nn]gày\s+)?(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>" + _Y + r")\b)"
    r"|(?P<daymonth>[Nn]gày\s+(?P<d3>\d{1,2})(?:" + _SEP + r"(?P<m3>\d{1,2})\b(?!\s*[/.\-]\s*\d)"
    r"|\s+tháng\s+(?P<m4>\d{1,2})\b(?!\s*(?:,\s*)?năm\s+\d)))"
    r"|(?P<quarter>" + _PART + r"[Qq]u[ýí]\s+(?P<q>" + _Q + r")\b(?:\s*(?:/|-|\s+năm\s+|\s+)(?P<qy>" + _Y + r"))?)"
    r"|(?P<halfyear>(?P<hn>6|06|sáu|9|09|chín)\s+tháng\s+(?P<hpart>đầu|cuối)\s+năm(?:\s+(?P<hy>" + _Y + r"))?)"
    r"|(?P<month>(?:(?P<mpart>[Đđ]ầu|[Gg]iữa|[Cc]uối)\s+)?[Tt]háng\s+(?:(?P<mfrom>\d{1,2})\s*-\s*)?(?P<m5>\d{1,2})\b"
    r"(?:\s*(?:/|-|\s+năm\s+)(?P<my>" + _Y + r"))?(?!\s*(?:tháng|năm\s+(?!" + _Y + r")|ngày)))"
    r"|(?P<period>(?:[Gg]iai\s+đoạn|[Tt]hời\s+kỳ)\s+(?:(?:từ\s+nay\s+)?đến\s+năm\s+(?P<py1>" + _Y + r")"
    r"|(?:từ\s+(?:năm\s+)?)?" + _Y + r"\s*(?:-|đến(?:\s+năm)?)\s*(?P<py2>" + _Y + r")))"
    r"|(?P<year>(?:[Cc]uối\s+)?[Nn]ăm\s+(?P<y5>" + _Y + r")\b))"
)

# A cue right before a date phrase (the phrase may start with "ngày").
_CUE_BEFORE = re.compile(
    r"(?:\b(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+(?:đến|vào|trong|trước))?|hoàn\s+thành(?:\s+(?:trước|trong|vào|xong))?"
    r"|xong(?:\s+(?:trước|trong))?|trong(?:\s+vòng)?|đến(?:\s+hết)?|hết|vào|hạn(?:\s+chót)?|kịp\s+thời"
    r"|thời\s+(?:hạn|gian)(?:\s+(?:hoàn\s+thành|thực\s+hiện|trình|báo\s+cáo|gửi))?\s*:?|muộn\s+nhất(?:\s+là)?)"
    r"|[Tt]rước|[Cc]hậm\s+nhất(?:\s+là)?(?:\s+(?:đến|vào|trong))?|[Hh]oàn\s+thành(?:\s+(?:trước|trong|vào))?"
    r"|[Tt]rong|[Đđ]ến(?:\s+hết)?|[Vv]ào"
    r"|[Tt]hời\s+(?:hạn|gian)(?:\s+(?:hoàn\s+thành|thực\s+hiện|trình|báo\s+cáo|gửi))?\s*:"
    r"(?:\s*[Dd]ự\s+kiến)?|(?:tại|trước|trong|vào)\s+(?:các\s+)?(?:kỳ|phiên)\s+họp(?:\s+thường\s+lệ)?)(?:\s+dịp)?"
    r"(?:\s+(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ\s+[Nn]hật)\s*,?)?\s*$"
)
_SESSION_CUE = re.compile(r"(?:kỳ|phiên)\s+họp", re.I)
# Words that make the phrase a start or a point in the past, not a deadline.
_NOT_DEADLINE_BEFORE = re.compile(r"(?:\b(?:từ|kể\s+từ|bắt\s+đầu|sau|tính\s+từ|tới|của|đã|năm\s+học)\s*$)", re.I)
_NOT_DEADLINE_AFTER = re.compile(r"^\s*(?:,\s*)?(?:của|đã|vừa\s+qua|trở\s+về\s+trước|về\s+việc)\b", re.I)
_WEAK_YEAR_CUE = re.compile(r"^(?:[Đđ]ến|[Tt]rong|[Vv]ào)\b")
_CLAUSE_START = re.compile(r"(?:^|[.;:(]|\b(?:phấn\s+đấu|hoàn\s+thành|xong|là|bảo\s+đảm|đảm\s+bảo))\s*$", re.I)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-+•*–]\s*|\(?[a-zđ0-9]{1,3}[.)]\s+)?$")
_RECURRING_AFTER = re.compile(r"^[^.;\n]{0,25}?\b(?:[Hh][ằà]ng\s+năm|của\s+năm\s+trước|năm\s+sau|mỗi\s+năm)\b")
# A goal before a year in its clause, with no completion cue after it: the year is the goal's horizon.
_TARGET_BEFORE = re.compile(r"\bmục\s+tiêu\b(?![^.;\n]*\b(?:hoàn\s+thành|xong|chậm\s+nhất|trước)\b)", re.I)
_CONTINUING_EDUCATION = re.compile(r"(?:giáo\s+dục|dạy\s+nghề|đào\s+tạo|bồi\s+dưỡng)\s*$", re.I)
# The end of a clause right after a phrase: "... các địa phương tổ chức vào cuối tháng 9/2020."
_CLAUSE_END = re.compile(r"^\s*(?:[.;)]|\n|$)")
# A name given a short form after it: "Chương trình xây dựng văn bản hằng năm (sau đây gọi tắt là ...)";
# a time inside such a name belongs to the name, not to an action.
_NAMED_AFTER = re.compile(r"^\s*\(\s*(?:sau\s+đây\s+)?(?:gọi\s+tắt|viết\s+tắt|gọi\s+chung|gọi\s+là)\b", re.I)
_SIGNING = re.compile(r"^(?:ngày\s+)?(?:ký|ban\s+hành(?!\s+(?:[Kk]ế\s+hoạch|[Qq]uyết\s+định|[Tt]hông\s+báo|[Cc]hỉ\s+thị"
                      r"|[Nn]ghị\s+quyết|[Vv]ăn\s+bản)\b(?!\s+này))|văn\s+bản\s+(?:này|được)\s+ban\s+hành|ký\s+ban\s+hành)", re.I)


# An event-tied deadline needs an act to be done by the event in its clause, not a past one.
_EVENT_ACT = re.compile(r"\b(?:trình|báo\s+cáo|xem\s+xét|thông\s+qua|cho\s+ý\s+kiến|quyết\s+định|ban\s+hành"
                        r"|hoàn\s+thành|tổng\s+kết|sơ\s+kết|đánh\s+giá|phê\s+duyệt|giải\s+trình)\b", re.I)
_PAST_ACT = re.compile(r"\b(?:đã|vừa)\b", re.I)
# "thường xuyên" / "định kỳ" that says how, not when: a recurrent budget line ("chi thường xuyên",
# "kinh phí thường xuyên"), a negated act ("không thanh tra định kỳ"), or one manner word among
# others ("tuyên truyền thường xuyên, sâu rộng", "bản tin định kỳ, sinh động", "liên tục và định kỳ").
_BUDGET_BEFORE = re.compile(r"\b(?:chi|kinh\s+phí|dự\s+toán|vốn|ngân\s+sách)\s*$", re.I)
_NEGATED_BEFORE = re.compile(r"\bkhông(?:\s+[^\W\d_]+){0,2}\s*$", re.I)
_MANNER = (r"sâu\s+rộng|rộng\s+rãi|sinh\s+động|liên\s+tục|thiết\s+thực|đa\s+dạng|phong\s+phú|dễ\s+hiểu|hấp\s+dẫn"
           r"|toàn\s+diện|đồng\s+bộ|quyết\s+liệt|nghiêm\s+túc|tự\s+động")
_MANNER_AFTER = re.compile(  # "thường xuyên, liên tục" is a time
    r"\s*(?:,\s*(?:định\s+kỳ|thường\s+xuyên)\s*)?(?:,|\s+và)\s*(?!liên\s+tục)(?:" + _MANNER + r")\b", re.I)
# "hồ sơ ... được cập nhật thường xuyên": a passive that describes a thing (not "phải được ...").
_PASSIVE_BEFORE = re.compile(r"(?<!phải\s)(?<!cần\s)\bđược(?!\s+giao\b)(?:\s+[^\W\d_]+){1,3}\s*$", re.I)
# ... when nothing it could time follows ("được giao thường xuyên theo dõi" times "theo dõi").
_PASSIVE_END = re.compile(r"\s*(?:[,.;:)\n]|$|(?:trên|tại|qua|bằng|để|và)\b)", re.I)
_MANNER_BEFORE = re.compile(r"\b(?:" + _MANNER + r")\s*(?:,|\s+và)\s*$", re.I)


# A document followed or cited ("theo Nghị quyết hằng năm của ...", "tại Kế hoạch hằng năm"): a
# recurrence right after it is part of its name, not a time for the task.
_NAMED_DOCUMENT_BEFORE = re.compile(
    r"\b(?:theo|tại|căn\s+cứ)\s+(?:các\s+)?(?:Nghị\s+quyết|Quyết\s+định|Kế\s+hoạch|Chương\s+trình|Chỉ\s+thị"
    r"|Nghị\s+định|Thông\s+báo|Thông\s+tư)\s*$", re.I)


def _is_manner(text: str, m: re.Match, before: str) -> bool:
    """Whether a bare "thường xuyên" / "định kỳ" at `m` qualifies a noun or an act (no deadline)."""
    return bool(_BUDGET_BEFORE.search(before) or _NEGATED_BEFORE.search(before)
                or _MANNER_AFTER.match(text, m.end()) or _MANNER_BEFORE.search(before)
                or _PASSIVE_BEFORE.search(before) and _PASSIVE_END.match(text, m.end()))


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _roll_forward(candidate: dt.date | None, doc_date: dt.date | None) -> dt.date | None:
    """A day or period given without a year lies in the document's year, or the next one
    when it would already be past on the document's date."""
    if candidate and doc_date and candidate < doc_date:
        return _safe_date(candidate.year + 1, candidate.month, candidate.day) or _last_day(candidate.year + 1, candidate.month)
    return candidate


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _N_WORDS.get(word.lower())


def _resolve(m: re.Match, doc_date: dt.date | None) -> tuple[str, dt.date | None] | None:
    """(kind, due) of one DATE_EXPRESSION match; None when the numbers are not a date."""
    g = m.groupdict()
    doc_year = doc_date.year if doc_date else None
    if g["recurring"]:
        return "recurring", None
    if g["ongoing"]:
        return "ongoing", None
    if g["relative"]:
        n, unit, start = g["rel_n"], g["rel_unit"], g["rel_from"]
        if n and start and doc_date and _SIGNING.match(start.strip()):
            count = _number(n) or 0
            if unit == "ngày":
                return "relative", doc_date + dt.timedelta(days=count)
            if unit == "tuần":
                return "relative", doc_date + dt.timedelta(weeks=count)
            months = count * (12 if unit == "năm" else 1)
            y, mo = divmod(doc_date.month - 1 + months, 12)
            y += doc_date.year
            return "relative", _safe_date(y, mo + 1, doc_date.day) or _last_day(y, mo + 1)
        return "relative", None
    if g["full"]:
        d, mo, y = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"])
        due = _safe_date(int(y), int(mo), int(d))
        return ("date", due) if due else None
    if g["daymonth"]:
        d, mo = int(g["d3"]), int(g["m3"] or g["m4"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        due = _roll_forward(_safe_date(doc_year, mo, d), doc_date) if doc_year else None
        return "date", due
    if g["quarter"]:
        q = int(g["q"]) if g["q"].isdigit() else _ROMAN[g["q"].upper()]
        year = int(g["qy"]) if g["qy"] else doc_year
        if year is None:
            return "quarter", None
        due = _last_day(year, 3 * q)
        return "quarter", due if g["qy"] else _roll_forward(due, doc_date)
    if g["halfyear"]:
        months = 9 if g["hn"] in ("9", "09", "chín") else 6
        year = int(g["hy"]) if g["hy"] else doc_year
        end_month = months if g["hpart"] == "đầu" else 12
        kind = "half-year" if months == 6 else "month"
        return kind, (_last_day(year, end_month) if year else None)
    if g["month"]:
        mo = int(g["m5"])
        if not 1 <= mo <= 12 or (g["mfrom"] and not 1 <= int(g["mfrom"]) <= mo):
            return None
        if g["my"]:
            return "month", _last_day(int(g["my"]), mo)
        return "month", (_roll_forward(_last_day(doc_year, mo), doc_date) if doc_year else None)
    if g["period"]:
        year = int(g["py1"] or g["py2"])
        return "year", dt.date(year, 12, 31)
    if g["year"]:
        return "year", dt.date(int(g["y5"]), 12, 31)
    return None


def deadline_in(text: str, start: int, end: int, doc_date: dt.date | None = None) -> Deadline | None:
    """The first time phrase in text[start:end] read as a deadline whatever its context (for a
    place that states a deadline, as a "Thời hạn:" label does), with offsets; None if none."""
    for m in DATE_EXPRESSION.finditer(text, start, end):
        resolved = _resolve(m, doc_date)
        if resolved is not None:
            kind, due = resolved
            return Deadline(text=text[m.start():m.end()], kind=kind, due=due, start=m.start(), end=m.end())
    return None


# A year in the opening that is not a horizon: not one end of a range ("2021-2030") nor "đến năm 2030".
_OPENING_YEAR = re.compile(r"(?<![\d\-–])(?<![\d\-–]\s)(?:19|20)\d{2}(?!\d|\s?[\-–]\s?(?:19|20)\d{2})")
_HORIZON_BEFORE = re.compile(r"(?:đến|tới|giai\s+đoạn|thời\s+kỳ|tầm\s+nhìn)(?:\s+hết)?\s+(?:năm\s+)?$", re.I)


def opening_year_date(text: str, window: int = 600) -> dt.date | None:
    """1 January of the first year written in the document's opening (its title or headline:
    "Kế hoạch ... năm 2019", "70/2024/QĐ-UBND"), to resolve months and days written without a
    year when the document's own date is unknown; None when the opening names no year."""
    for m in _OPENING_YEAR.finditer(text, 0, window):
        if not _HORIZON_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            return dt.date(int(m.group(0)), 1, 1)
    return None


def parse_deadline(text: str, doc_date: dt.date | None = None) -> Deadline | None:
    """Read one deadline phrase ("trước ngày 30/6/2021", "quý 3/2021", "thường xuyên") into a
    `Deadline` whose `due` is the last day of the period; None when it holds no date phrase."""
    matches = list(DATE_EXPRESSION.finditer(text))
    if not matches:
        return None
    m = matches[0]
    resolved = _resolve(m, doc_date)
    if resolved is None:
        return None
    kind, due = resolved
    if kind == "date" and m.group("daymonth") and _RECURRING_AFTER.match(text[m.end():]):
        kind, due = "recurring", None
    upper = _range_end(text, m, matches[1] if len(matches) > 1 else None, due, doc_date)
    if upper is not None:  # "Quý IV/2025 - Quý II/2026": due at the end of the second
        kind, due = upper[0], upper[1]
    return Deadline(text=text.strip(), kind=kind, due=due)


def _is_deadline_context(text: str, m: re.Match, kind: str, end: int | None = None) -> tuple[bool, int]:
    """Whether the phrase at `m` (going on to `end` when it opens a range) is a time to meet, and
    where its span starts (cue included)."""
    end = m.end() if end is None else end
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[max(line_start, m.start() - 60):m.start()]
    after = text[m.end():m.end() + 30]
    if kind == "ongoing" and _CONTINUING_EDUCATION.search(before) or _NAMED_AFTER.match(text[m.end():]):
        return False, m.start()
    bare = m.group("ongoing") or (m.group("recurring") and re.fullmatch(r"(?:theo\s+)?[Đđ]ịnh\s+kỳ", m.group(0)))
    if bare and _is_manner(text, m, before):
        return False, m.start()
    clause = re.split(r"[.;\n]", text[max(0, m.start() - 250):m.start()])[-1]
    if kind == "year" and _TARGET_BEFORE.search(clause):
        return False, m.start()  # "bảo đảm mục tiêu đạt 500 công trình xanh vào năm 2030": a target's horizon
    if m.group(0).lower().startswith(("tại", "trước", "trong", "tới")) and kind == "relative":
        clause = re.split(r"[.;:\n]", text[max(0, m.start() - 120):m.start()])[-1]
        return bool(_EVENT_ACT.search(clause) and not _PAST_ACT.search(clause)), m.start()
    if kind == "recurring" and _NAMED_DOCUMENT_BEFORE.search(before):
        return False, m.start()  # "theo Nghị quyết hằng năm của HĐND": the name of what is followed
    if kind in ("recurring", "ongoing", "relative"):
        return True, m.start()
    cue = _CUE_BEFORE.search(before)
    if _NOT_DEADLINE_AFTER.match(after) and not (cue and _SESSION_CUE.search(cue.group(0))):
        return False, m.start()  # "ngày 22/3/2007 của Chính phủ"; not "tại kỳ họp cuối năm X của HĐND"
    if cue and kind == "year" and _WEAK_YEAR_CUE.match(cue.group(0)):
        in_year = m.group("year") and not cue.group(0).lower().startswith("đến")  # "trong năm 2010"
        if not in_year and not _CLAUSE_START.search(before[:cue.start()]):
            cue = None  # "Đề án ... đến năm 2020", "trong giai đoạn 2021-2025": a horizon in a noun phrase
    if cue:
        return True, m.start() - (len(before) - cue.start())
    if kind == "year" and m.group("period") and _CLAUSE_START.search(before):
        return True, m.start()  # "Giai đoạn 2011 - 2015 xây dựng mới ..."
    if _NOT_DEADLINE_BEFORE.search(before):
        return False, m.start()
    # "đầu / giữa / cuối tháng 9/2020" that closes a clause: a point in time the work aims at
    if (m.group("mpart") or m.group("part")) and _CLAUSE_END.match(text[end:end + 2]):
        return True, m.start()
    # "(tháng 12/2021)", "(quý I/2022)": Party plans put the deadline in brackets.
    if before.rstrip().endswith("(") and text[end:end + 2].lstrip().startswith(")"):
        return True, m.start()
    # A table cell or list item that starts with the period: "Tháng 7/2026", "Cuối tháng 3 năm 2010: ..."
    if _LINE_START.search(text[max(0, m.start() - 12):m.start()]) or m.start() == line_start:
        rest = text[end:].split("\n", 1)[0].strip()
        if not rest or rest[0] in ":,." and not re.match(r"\.\d", rest):
            return True, m.start()
    return False, m.start()


def find_deadlines(text: str, doc_date: dt.date | None = None, year_hint: dt.date | None = None) -> list[Deadline]:
    """Every deadline phrase in `text`, in order, each with `start`/`end` offsets (cue included).
    Without `doc_date`, `year_hint` (see `opening_year_date`) gives the year of phrases without one.
    A range of two periods ("Quý IV/2021 - Quý II/2022", "tháng 11 đến tháng 12/2021", "Quý IV/2021 và
    Quý I/2022") is one phrase due at the end of the second."""
    found: list[Deadline] = []
    pending = None  # (kind, due, match) of the phrase after a range connector, when merged
    matches = list(DATE_EXPRESSION.finditer(text))
    for i, m in enumerate(matches):
        if pending is not None and pending.start() == m.start():
            pending = None
            continue
        resolved = _resolve(m, doc_date or year_hint)
        if resolved is None:
            continue
        kind, due = resolved
        if kind == "relative" and doc_date is None:
            due = None  # counted from a signing day the text does not give
        if m.group("daymonth") and _RECURRING_AFTER.match(text[m.end():]):
            kind, due = "recurring", None
        upper = _range_end(text, m, matches[i + 1] if i + 1 < len(matches) else None, due, doc_date or year_hint)
        end = upper[2].end() if upper is not None else m.end()
        ok, start = _is_deadline_context(text, m, kind, end)
        if not ok:
            continue
        if upper is not None:
            kind, due, pending = upper
        if due and doc_date and kind not in ("relative",) and due < doc_date:
            continue  # a period already over on the document's date is history
        found.append(Deadline(text=text[start:end], kind=kind, due=due, start=start, end=end))
    return _drop_events_dated_later(text, found)


_RANGE_JOIN = re.compile(r"\s*[-–]\s*|\s+(?:đến|và)\s+", re.I)  # "Quý IV/2021 và Quý I/2022": through both


def _range_end(text: str, m: re.Match, nxt: re.Match | None, due: dt.date | None, ref: dt.date | None):
    """(kind, due, match) of the period that closes a range opened at `m`, or None."""
    if nxt is None or due is None or not _RANGE_JOIN.fullmatch(text, m.end(), nxt.start()):
        return None
    resolved = _resolve(nxt, ref)
    if resolved is None or resolved[1] is None or resolved[1] < due or resolved[0] in ("relative", "recurring"):
        return None
    return resolved[0], resolved[1], nxt


def _drop_events_dated_later(text: str, found: list[Deadline]) -> list[Deadline]:
    """An event-tied deadline whose event is dated right after it ("tại Hội nghị lần thứ 11
    (tháng 10/2019)") gives way to the date."""
    kept = []
    for i, d in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (d.kind == "relative" and d.due is None and nxt is not None and nxt.due is not None
                and nxt.start - d.end <= 80 and not re.search(r"[.;\n]", text[d.end:nxt.start])):
            continue
        kept.append(d)
    return kept


def pick_deadline(deadlines: list[Deadline]) -> Deadline | None:
    """The deadline that governs a task among those found in its text: a dated one first
    (the earliest in the text), else a recurrence, else ongoing or relative."""
    for kinds in (("date", "month", "quarter", "half-year", "year"), ("relative",), ("recurring",), ("ongoing",)):
        for d in deadlines:
            if d.kind in kinds and (d.due or d.kind not in ("date", "month", "quarter", "half-year", "year")):
                return d
    return deadlines[0] if deadlines else None
