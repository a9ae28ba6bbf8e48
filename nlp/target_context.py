"""Whether a figure is stated as a goal: a goal word in its paragraph or in the lines heading it
(phấn đấu, mục tiêu, chỉ tiêu, đến năm, đạt, ...), or an action item; never in a sentence or under
a heading that reports results or the situation, in a sentence about an earlier year, or as a
need or support level ("nhu cầu vốn", "mức hỗ trợ").
"""
from __future__ import annotations

import re

from theodoi.nlp.goal_numbers import is_action_item
from theodoi.nlp.target_horizon import is_base_year
from theodoi.nlp.target_layout import enclosing_headings, heading_lines, top_heading

GOAL_WORDS = re.compile(
    r"phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|đến\s+năm|đạt|dự\s+kiến|quy\s+hoạch|kế\s+hoạch|giao|bảo\s+đảm|đảm\s+bảo"
    r"|nâng|giảm|tăng|duy\s+trì|phát\s+triển|xây\s+dựng|hoàn\s+thành|khởi\s+công|huy\s+động|cắt\s+giảm"
    r"|đơn\s+giản\s+hoá|đơn\s+giản\s+hóa|giai\s+đoạn|thuộc\s+nhóm|định\s+hướng|đào\s+tạo|bình\s+quân",
    re.I,
)
# A heading that opens the goals of everything under it ("2. Mục tiêu cụ thể", "II. CHỈ TIÊU").
_GOALS_HEADING = re.compile(r"mục\s+tiêu|chỉ\s+tiêu|phấn\s+đấu", re.I)
_REPORT_HEADING = re.compile(r"tình\s+hình|kết\s+quả|thực\s+trạng|đánh\s+giá|tồn\s+tại|hạn\s+chế", re.I)
# A line that opens a report of results ("Sở ... báo cáo kết quả thực hiện như sau:", "Ghi nhận kết quả đạt được:").
_REPORT_INTRO = re.compile(r"báo\s+cáo\s+kết\s+quả|kết\s+quả\s+(?:đạt\s+được|thực\s+hiện)|ghi\s+nhận", re.I)
_WAY_AHEAD = re.compile(r"phương\s+hướng|\bvà\s+(?:mục\s+tiêu|nhiệm\s+vụ|kế\s+hoạch|giải\s+pháp)", re.I)
# A sentence that reports figures reached or compares with the same period of an earlier year.
_REPORT_SENTENCE = re.compile(
    r"\bđã\s+đạt|\bđã\s+hoàn\s+thành|\bcùng\s+kỳ\b|\bthời\s+gian\s+qua\b|\bvừa\s+qua\b|\bđến\s+nay\b"
    r"|\b(?:những|các|mấy)\s+năm\s+(?:qua|gần\s+đây)\b", re.I)
# A year named without "đến"/"tới" ("năm 2018 toàn tỉnh đón ...", "Năm 2021, ... đạt ...").
_PLAIN_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!với )\bnăm\s+(?P<year>(?:19|20)\d{2})\b", re.I)
_DATE_BEFORE = re.compile(r"tháng\s+\d{1,2}\s+$", re.I)
# A sentence that states the present ("Hiện nay, toàn tỉnh có 180 trạm ..."): no goal.
_PRESENT_OPENING = re.compile(r"\s*[-+•*]?\s*(?:hiện\s+nay|hiện\s+tại|tính\s+đến\s+(?:nay|thời\s+điểm))\b", re.I)
# A sentence that sets a norm or a limit ("1. Hạn mức giao đất ... là không quá 4.000 m2"): a rule, not a goal.
_NORM_OPENING = re.compile(r"\s*(?:[-+•*]|\d{1,2}[.)])?\s*(?:hạn\s+mức|định\s+mức|mức\s+(?:phạt|thu|phí))\b", re.I)
# A share required right before the figure ("yêu cầu 100% các công trường ...").
_REQUIRED_BEFORE = re.compile(r"\byêu\s+cầu\s+(?:các\s+)?$", re.I)
# Figures that are needs, support levels or loan terms rather than results to reach.
_NOT_GOAL_CONTEXT = re.compile(
    r"nhu\s+cầu\s+(?:vốn|kinh\s+phí|đầu\s+tư)|mức\s+(?:vay|hỗ\s+trợ|chi|phạt|thu|phí)|lãi\s+suất|định\s+mức|hạn\s+mức|hỗ\s+trợ\s*$"
    r"|chính\s+sách\s+hỗ\s+trợ",
    re.I)


def _reports_results(text: str, pos: int, colon: str, section: str) -> bool:
    """Whether the figure at `pos` stands under a heading that reports the situation or results:
    its section or top-level heading ("I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ"; not one that
    also sets the way ahead, "... VÀ PHƯƠNG HƯỚNG ...", read in its last clause), the label of its paragraph ("Ghi nhận
    kết quả đạt được: ..."), or a line under the same top heading that opens a report ("...
    báo cáo kết quả thực hiện như sau:"; in its last clause: a lead-in that asks, among other
    things, to report results, "...; báo cáo kết quả ...; lồng ghép ..., cụ thể:", opens tasks)."""
    top = top_heading(text, pos)
    if any(_REPORT_HEADING.search(line.rsplit(";", 1)[-1]) and not _WAY_AHEAD.search(line) for line in (section, top)):
        return True
    para_start = text.rfind("\n", 0, pos) + 1
    label_end = text.rfind(":", para_start, pos)
    if label_end != -1 and _REPORT_INTRO.search(text, para_start, label_end):
        return True  # "1. Ghi nhận kết quả đạt được: ... có thêm 5 xã ..."
    return bool(colon and _REPORT_INTRO.search(colon.rsplit(";", 1)[-1])
                and (not top or text.rfind(colon, 0, pos) >= text.rfind(top, 0, pos)))


def _in_past_year(text: str, pos: int, period_start: int, doc_year: int | None) -> bool:
    """Whether the sentence before the figure at `pos` names a year before the document's own
    ("năm 2018 toàn tỉnh đón 28.000 lượt khách" in a 2019 resolution): a past figure; the year of
    a date ("ngày 07 tháng 3 năm 2018", a cited document's) is none."""
    return bool(doc_year) and any(
        int(y.group("year")) < doc_year and not is_base_year(text, y)
        and not _DATE_BEFORE.search(text, max(0, y.start() - 15), y.start())
        for y in _PLAIN_YEAR.finditer(text, period_start, pos))


def states_a_goal(text: str, pos: int, sent_start: int, sent_end: int, doc_year: int | None = None) -> bool:
    """Whether the figure at `pos` is stated as a goal: a goal word in its paragraph up to the
    end of its sentence, or in the lines that head the paragraph, or a heading of goals above its
    item ("2. Mục tiêu cụ thể" over "a) ...:" over "b) 100% ..."); never in a sentence that
    reports results ("đã đạt được", "cùng kỳ", "đến nay", a year before the document's) nor
    under a heading that reports the situation or results ("Tình hình ...", "Kết quả ..."), nor in
    one that states the present ("Hiện nay, ..."); a share required ("yêu cầu 100% ...") is one."""
    para_start = text.rfind("\n", 0, pos) + 1
    colon, section = heading_lines(text, pos)
    period_start = max(para_start, text.rfind(". ", 0, pos) + 1)
    if _reports_results(text, pos, colon, section) or _REPORT_SENTENCE.search(text, period_start, sent_end):
        return False
    if _in_past_year(text, pos, period_start, doc_year) or _PRESENT_OPENING.match(text, period_start) \
            or _NORM_OPENING.match(text, period_start):
        return False
    if _REQUIRED_BEFORE.search(text, max(sent_start, pos - 30), pos):
        return True  # "yêu cầu 100% công trường phải che chắn": a requirement to meet
    if _NOT_GOAL_CONTEXT.search(text, max(sent_start, pos - 120), pos) or _NOT_GOAL_CONTEXT.search(section):
        return False
    return bool(GOAL_WORDS.search(text, para_start, sent_end) or GOAL_WORDS.search(colon) or GOAL_WORDS.search(section)
                or is_action_item(text, pos) or _under_goals_heading(text, pos))


def _under_goals_heading(text: str, pos: int) -> bool:
    """Whether the nearest enclosing heading that names goals or reports results names goals."""
    for line in enclosing_headings(text, pos):
        if _REPORT_HEADING.search(line) and not _WAY_AHEAD.search(line):
            return False
        if _GOALS_HEADING.search(line):
            return True
    return False
