"""The horizon year of a target: "đến năm 2025", "giai đoạn 2021 - 2025" (the end of the range),
"trong năm 2019", from the figure's clause, its sentence, its paragraph, or the lines heading it;
a base year ("gấp 2 lần năm 2010", "so với năm 2015") is not one, nor the horizon in the title of
a cited document.
"""
from __future__ import annotations

import re

from theodoi.nlp.target_grammar import LEAD_WORDS, TARGET
from theodoi.nlp.target_layout import enclosing_headings, heading_lines, in_earlier_item, sentence_bounds

_HORIZON = re.compile(
    r"(?:đến|tới)(?:\s+(?:hết|cuối))?\s+năm\s+(?P<y1>(?:19|20)\d{2})"
    r"|(?:giai\s+đoạn|thời\s+kỳ|kế\s+hoạch|nhiệm\s+kỳ|\d\s+năm)(?:\s+[IVX]{1,4})?\s*\(?\s*(?:từ\s+)?(?:năm\s+)?"
    r"(?:19|20)\d{2}"
    r"\s*(?:-|–|đến)\s*(?:năm\s+)?(?P<y2>(?:19|20)\d{2})"
    r"|(?:trong\s+|vào\s+)?năm\s+(?P<y3>(?:19|20)\d{2})"
    r"|/(?P<y4>(?:19|20)\d{2})\b",
    re.I,
)
_BASE_BEFORE = re.compile(r"(?:(?:so\s+với|gấp\s+\S+\s+lần)(?:\s+[^\W\d]+){0,4}|cùng\s+kỳ|bằng)\s*(?:cùng\s+kỳ\s+)?$",
                          re.I)  # "so với mức bình quân năm 2015"
_BOUND_GAP = re.compile(
    r"[ \t]+(?:(?!phấn|mục|chỉ)[^\W\d]+[ \t]+){0,3}(?=(?:khoảng|trên|dưới|từ|gần|đạt\s)?\s*\d)", re.I)
_DATE_YEAR = re.compile(r"(?:tháng\s+\d{1,2}|\d{1,2}/\d{1,2})\s*$")
# "... đến năm 2030 được phê duyệt tại Quyết định ...": the horizon names the approved document.
_APPROVED_AFTER = re.compile(r"[^.;\n()]{0,60}?\bđược\s+(?:phê\s+duyệt|ban\s+hành)\s+(?:tại|theo)\b", re.I)
# A horizon that closes a clause ("... vào năm 2030; có chính sách ...") scopes the clauses after it.
_CLAUSE_CLOSE = re.compile(r"\s*;")
# A sentence that breaks a total down ("Trong đó, tỉnh A có ...") shares its horizon.
_BREAKDOWN = re.compile(r"\s*[-+•*]?\s*(?:trong\s+đó|cụ\s+thể|riêng)\b", re.I)
_VISION_BEFORE = re.compile(r"tầm\s+nhìn\s*$", re.I)
_VISION_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?tầm\s+nhìn\b", re.I)
# A heading of goals, or one that opens on a period ("3. Giai đoạn 2026 - 2028:").
_GOALS_OR_PERIOD = re.compile(
    r"mục\s+tiêu|chỉ\s+tiêu|phấn\s+đấu|^\W*(?:[\dIVXa-zđ]{1,4}[.)]\s*)?(?:đến\s+năm|giai\s+đoạn|thời\s+kỳ|năm\s+\d)",
    re.I)
# A document's number, then the day and month of its date, before the year: "12/QĐ-UBND ngày 07/3/",
# "số 5-CT/TU ngày 7 tháng 3 năm ".
_CITED_DATE = re.compile(r"(?:\d{1,5}/(?:\d{4}/)?[A-ZĐ][\w-]*|số\s+\S+)\s+ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}"
                         r"\s*(?:/|năm)?\s*$", re.I)
# A sentence that cites a document by its number: a horizon in it belongs to the cited title.
_CITED_NUMBER = re.compile(r"\b\d{1,5}/(?:\d{4}/)?[A-ZĐ]{1,6}|\bsố\s+\d{1,5}[-/]")


# "từ năm 2026", "bắt đầu năm 2027": when a time starts, not when it is reached.
_START_BEFORE = re.compile(r"(?:từ|bắt\s+đầu)\s*$", re.I)


def _year(m: re.Match) -> int:
    return int(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4"))


def cell_horizon(cell: str) -> int | None:
    """The year a time cell of a plan's table gives ("Giai đoạn 2026 - 2028", "Trước năm 2027",
    "Hoàn thành trong năm 2026, rà soát hằng năm"): its first horizon that is not a start ("Triển
    khai từ năm 2026"), or None ("Thường xuyên")."""
    for h in _HORIZON.finditer(cell):
        if h.group("y2") or not _START_BEFORE.search(cell, 0, h.start()):
            return _year(h)
    return None


def is_base_year(text: str, m: re.Match) -> bool:
    """A year a figure is compared with ("gấp 2 lần năm 2010", "so với năm 2009"), not a horizon."""
    return bool(_BASE_BEFORE.search(text, max(0, m.start() - 30), m.start()))


def _is_bound_horizon(text: str, m: re.Match) -> bool:
    """A horizon that belongs to one figure right after it ("đến năm 2030 khoảng 200 m2/người"),
    so it does not carry over to later paragraphs."""
    return bool(_BOUND_GAP.match(text, m.end()))


def sentence_horizon(text: str, m: re.Match, sent_start: int, sent_end: int) -> int | None:
    """The horizon the sentence of the target `m` states: right after it in its clause, else the
    nearest before it, else the first after it; None when the sentence states none."""
    own = re.search(r"[,;]|\s(?:và|hoặc)\s", text[m.end():sent_end])
    clause_end = m.end() + own.start() if own else sent_end
    following = TARGET.search(text, m.end(), clause_end)
    clause_end = following.start() if following else clause_end
    after = _horizons(text, m.end(), clause_end)
    if after:
        return _year(after[0])
    before = _horizons(text, sent_start, m.start())
    if before:
        return _year(before[-1])
    later = _horizons(text, m.end(), sent_end)
    return _year(later[0]) if later else None


def _horizons(text: str, start: int, end: int) -> list[re.Match]:
    """The horizons between `start` and `end`, but for base years and the dates of cited
    documents ("Quyết định số 12/QĐ-UBND ngày 07/3/2024")."""
    return [h for h in _HORIZON.finditer(text, start, end) if not is_base_year(text, h)
            and not _CITED_DATE.search(text, max(0, h.start() - 60), h.start())]


def horizon_year(text: str, m: re.Match, sent_start: int, sent_end: int) -> int | None:
    """The horizon year of the target `m`: a horizon right after it in its clause ("16,5%/năm
    giai đoạn 2011 - 2015 và 17%/năm giai đoạn 2016 - 2020"), else the nearest before it in its
    sentence, else one later in the sentence, else the nearest "đến năm"/"giai đoạn" before it in
    its paragraph that is free, opens it ("Phấn đấu đến năm 2025 có ...; ...") or closes a clause
    ("... vào năm 2030; ..."), else the
    nearest before that is not bound to another figure ("- Đến năm 2020:", "Chương trình ...
    đến năm 2030") nor stands in an earlier item of the list under a lead-in ("...
    cụ thể:") that holds the figure, else one in the lines
    heading the paragraph ("Điều 1. ... năm 2010") or the numbered headings enclosing it. A
    sentence that breaks a total down ("Trong đó, ...") reads the
    total's sentence as its own; the horizon in a plan's name ("..., tầm nhìn đến năm 2050") or in
    a cited title does not carry over."""
    if _BREAKDOWN.match(text, sent_start) and sent_start > 1:
        sent_start = sentence_bounds(text, sent_start - 2)[0]  # "Trong đó, ...": the total's sentence too
    stated = sentence_horizon(text, m, sent_start, sent_end)
    if stated is not None:
        return stated
    period_start = max(text.rfind("\n", 0, sent_start), text.rfind(". ", 0, sent_start)) + 1
    heads = [h for h in _HORIZON.finditer(text, period_start, sent_start)
             if LEAD_WORDS.fullmatch(text[period_start:h.start()].strip())
             or (h.group("y1") or h.group("y2")) and not _is_bound_horizon(text, h) and not _names_a_plan(text, h)
             or h.group("y3") and _CLAUSE_CLOSE.match(text, h.end()) and not is_base_year(text, h)]
    if heads:
        return _year(heads[-1])
    window_start = max(0, sent_start - 3000)
    enclosing = enclosing_headings(text, sent_start)
    listed = bool(enclosing) and enclosing[0].rstrip("*_ ").endswith(":")  # items under a lead-in
    heads = [h for h in _HORIZON.finditer(text, window_start, sent_start)
             if (h.group("y1") or h.group("y2")) and not _is_bound_horizon(text, h) and not _in_citation(text, h)
             and not _names_a_plan(text, h) and not (listed and in_earlier_item(text, sent_start, h.start()))]
    colon, section = heading_lines(text, sent_start)
    titled = [(text.rfind(line, 0, sent_start), h) for line in (colon, section) if line for h in _HORIZON.finditer(line)
              if not _DATE_YEAR.search(line, 0, h.start())] + _enclosing_horizons(text, sent_start)
    if titled and (not heads or max(titled, key=lambda t: t[0])[0] >= heads[-1].start()):
        return _year(max(titled, key=lambda t: t[0])[1])  # "II. CHỈ TIÊU NĂM 2022" under a later horizon
    if heads:
        return _year(heads[-1])
    return None


def _enclosing_horizons(text: str, pos: int) -> list[tuple[int, re.Match]]:
    """(line start, horizon) of the numbered headings of goals or of a period that enclose the
    line at `pos` ("2. Mục tiêu giai đoạn 2026 - 2028" over "a) ..." over "g) ..."; not "Điều 1.
    Phê duyệt quy hoạch ... đến năm 2030", whose horizon names the plan), but for a date."""
    found = []
    for line in enclosing_headings(text, pos):
        if not _GOALS_OR_PERIOD.search(line):
            continue
        at = text.rfind(line, 0, pos)
        found.extend((at, h) for h in _HORIZON.finditer(text, at, at + len(line))
                     if not _DATE_YEAR.search(text, at, h.start()) and not _names_a_plan(text, h)
                     and not is_base_year(text, h))
    return found


def _in_citation(text: str, h: re.Match) -> bool:
    """Whether the horizon `h` stands in a sentence that cites a document by number (the title of
    the cited document: "Quyết định số 12/QĐ-TTg phê duyệt Chiến lược ... đến năm 2030", "Quy
    hoạch ... đến năm 2030 được phê duyệt tại Quyết định số 12/QĐ-TTg")."""
    start = max(text.rfind("\n", 0, h.start()), text.rfind(". ", 0, h.start()), text.rfind(";", 0, h.start())) + 1
    return bool(_CITED_NUMBER.search(text, start, h.start()) or _APPROVED_AFTER.match(text, h.end()))


def _names_a_plan(text: str, h: re.Match) -> bool:
    """Whether the horizon `h` is part of a strategy's or plan's name ("... giai đoạn 2021 - 2030,
    tầm nhìn đến năm 2050"): it belongs to that name, not to the figures after it."""
    return bool(_VISION_BEFORE.search(text, max(0, h.start() - 20), h.start()) or _VISION_AFTER.match(text, h.end()))
