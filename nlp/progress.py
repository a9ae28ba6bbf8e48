"""Progress words: what a report's cell or sentence says of a task, as SCHEMA.md's `status`.

    read_progress("Đã hoàn thành") → ("done", "Đã hoàn thành")
    read_progress("Chưa hoàn thành", due=2025-06-30, as_of=2025-09-01) → ("overdue", ...)

Values: done (đã hoàn thành, đã ban hành, đã trình), done_late (hoàn thành chậm / quá hạn /
trễ hạn), in_progress (đang thực hiện, đang triển khai, tiếp tục, chuyển tiếp; a part
of the work counted: "mới hoàn thành 12/30 hồ sơ"), overdue (quá
hạn, chậm tiến độ; or not finished when the task's due date lies before the report),
not_done (chưa thực hiện, chưa triển khai, thực hiện mới: not started, no due date passed).
At one position the longer phrase wins: "chưa hoàn thành" is not "hoàn thành", "hoàn thành
chậm" is not "hoàn thành"; the first phrase of the text decides.
"""
from __future__ import annotations

import datetime as dt
import re

from theodoi.nlp.dates import DATE_EXPRESSION

_DOC = (r"(?:kế hoạch|quyết định|chương trình|nghị quyết|nghị định|chỉ thị|đề án|quy chế|quy định|hướng dẫn"
        r"|văn bản|công văn|thông tư|luật|dự thảo|báo cáo|tờ trình)")
_VERB = (r"(?:thực hiện|triển khai|ban hành|xây dựng|trình|tổ chức|bắt đầu|hoàn thiện|phê duyệt|thao tác"
         r"|rà soát|cập nhật|báo cáo|có kết luận|có|được)")
# (value, pattern), checked as one alternation: at one position the earlier (longer) one wins
PHRASES: tuple[tuple[str, str], ...] = (
    ("in_progress", r"(?:chỉ|mới|được) (?:ghi nhận|có|đạt|hoàn thành|thực hiện|rà soát)[^.;\n]{0,80}?"
                    r"(?<![\d/])\d{1,5}\s*/\s*\d{1,5}(?![\d/])"),
    ("done_late", r"(?:đã )?hoàn thành (?:nhưng )?(?:chậm|quá hạn|trễ hạn|muộn|sau thời hạn)"),
    ("overdue", r"(?:đã )?quá hạn|trễ hạn|chậm (?:so với )?tiến độ|chưa đáp ứng (?:yêu cầu )?tiến độ"
                r"|chậm triển khai|chậm thực hiện"),
    ("unfinished", r"(?:vẫn |hiện |còn )*chưa (?:được )?(?:hoàn thành|xong|có kết quả)"),
    ("not_done", rf"(?:vẫn |hiện |còn )*chưa (?:được )?(?:{_VERB})|thực hiện mới|nhiệm vụ mới|chưa bắt đầu"),
    ("in_progress", r"đang (?:được )?(?:tiếp tục |khẩn trương |tích cực )?[^\W\d]+(?: [^\W\d]+)?|tiếp tục (?:thực hiện|triển khai)"
                    r"|chuyển tiếp|thực hiện thường xuyên|đang trong quá trình|từng bước"
                    r"|(?:đúng|bảo đảm|đảm bảo) tiến độ"),
    ("done", rf"(?:đã|cơ bản đã|cơ bản) hoàn thành|hoàn thành (?:xong|đúng hạn)|đã (?:thực hiện )?xong|đã thực hiện"
             rf"|đã (?:được )?(?:ban hành|phê duyệt|trình|tổ chức|triển khai|xây dựng|thông qua|khởi công|gửi|ký"
             rf"|công bố|bàn giao|nghiệm thu|lắp đặt|đưa vào (?:sử dụng|vận hành|hoạt động))"
             rf"|{_DOC}[^.;\n]{{0,40}}? đã được (?:ban hành|phê duyệt|thông qua)|^\W*hoàn thành\W*$|^\W*xong\W*$"),
)
_PHRASE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(PHRASES)), re.I)


def read_progress(text: str, due: dt.date | None = None, as_of: dt.date | None = None) -> tuple[str, str] | None:
    """(value, the words that said so) for the first progress phrase of `text`, or None.
    Unfinished work whose `due` lies before `as_of` (the report's date) is overdue; without a
    date passed it is in progress ("chưa hoàn thành") or not done ("chưa thực hiện")."""
    m = _PHRASE.search(text or "")
    if m is None:
        return None
    value = PHRASES[int(m.lastgroup[1:])][0]
    if value in ("unfinished", "not_done") and due and as_of and due < as_of:
        value = "overdue"
    elif value == "unfinished":
        value = "in_progress" if re.search(r"\bđang\b|\bmột phần\b|\d+\s*/\s*\d+", text, re.I) else "not_done"
    return value, m.group(0).strip()


def full_dates(text: str):
    """(match, date) for each full date written in `text` ("15/7/2024", "ngày 15 tháng 7 năm 2024")."""
    for m in DATE_EXPRESSION.finditer(text or ""):
        if m.group("full"):
            g = m.groupdict()
            day, month, year = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"])
            try:
                yield m, dt.date(int(year), int(month), int(day))
            except ValueError:
                continue


def stated_date(text: str) -> dt.date | None:
    """The first full date written in `text` ("Đã hoàn thành ngày 15/7/2024" → 2024-07-15), or None."""
    return next((day for _, day in full_dates(text)), None)
