"""Numeric targets: "phấn đấu đến năm 2025 có trên 700 doanh nghiệp số", "tỷ lệ hộ nghèo
dưới 3%", "95 - 100%", "thuộc nhóm 15 tỉnh dẫn đầu".

Lines that only wrap a sentence are read as one line first (same offsets). A number counts
as a target when it has a unit (%, a measure, or a counted noun), its paragraph or the lines
heading it ("- Đến năm 2020:", "III. MỤC TIÊU", "Điều 1. Giao chỉ tiêu ...") state a goal
(phấn đấu, mục tiêu, chỉ tiêu, đến năm, đạt, dự kiến, quy hoạch, ...), and it is not history
("đã đạt 85%", "cùng kỳ", a "Tình hình"/"Kết quả" section), a need or support level
("nhu cầu vốn", "mức hỗ trợ", "lãi suất"), a qualifier (range end, age bracket, named places),
an anniversary, a term, a legal article, a date or a duration. Each target keeps its
comparator, unit, indicator (the phrase measured, as written) and horizon year ("Đến năm 2025",
"giai đoạn 2021-2025" → 2025; a base year "gấp 2 lần năm 2010" is not one).

A list that distributes a total ("xây dựng mới 151 chợ ... cụ thể: Việt Trì (12), Đoan
Hùng (22)") gives one target per place, with the indicator of the total.

Component "theodoi_targets" sets doc.spans["targets"], each span with `span._.target`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.domain import Target
from theodoi.nlp.extensions import doc_text
from theodoi.nlp.goal_numbers import is_action_item, not_a_goal_number, restated
from theodoi.nlp.lexicon import opens_action
from theodoi.nlp.numbers import parse_number
from theodoi.vietnamese import compare_key

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A spelled-out number starts a word, never with "tư" (đầu tư) or "năm" (a year), and "một"
# alone ("mỗi vùng một tỉnh") is an article, not a goal.
_NUMBER_WORD = (r"(?<!\w)(?!một\s+(?!trăm|nghìn|ngàn|triệu))(?:hai|ba|bốn|sáu|bảy|bẩy|tám|chín|mười|một)"
                r"(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mươi|mốt|tư|lăm|linh|lẻ|trăm|nghìn|ngàn|triệu)"
                r"(?=\s))*\s+")
_MEASURE = (r"%(?:\s*/\s*năm)?|‰|[μµ]g/m3|[μµ]g/m³|mg/[lL]\b|mg/N?m3|mg/N?m³"
            r"|m2/người|m²/người|km/km2|m3/ngày(?:\s*đêm)?|m3/ha|lít/người/ngày(?:\s*đêm)?"
            r"|kWh/người(?:\s*/?\s*năm)?|kW/ha|kg/người(?:\s*/?\s*ngày(?:\s*đêm)?)?|ha\b|km\b|m2\b|m3\b|USD\b|tuổi\b"
            r"|(?:nghìn\s+|triệu\s+|tỷ\s+|tỉ\s+)?(?:đồng|USD|đô\s+la(?:\s+Mỹ)?)(?!\w)(?:/người/năm|/người)?")
# A number in thousands, millions or billions of a counted noun ("3,5 triệu lượt khách").
_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+"
# Counted nouns that take two syllables (the rest are read as one syllable).
_TWO_SYLLABLE_NOUNS = (
    "doanh nghiệp", "đô thị", "cửa hàng", "siêu thị", "trung tâm", "dự án", "nhân lực", "lao động", "hộ gia đình",
    "công trình", "bác sĩ", "giường bệnh", "hợp tác xã", "làng nghề", "khu công nghiệp", "cụm công nghiệp",
    "sản phẩm", "học sinh", "sinh viên", "cán bộ", "đảng viên", "tổ chức", "cơ sở", "trường học", "thủ tục",
    "dịch vụ", "tỉnh, thành phố", "huyện, thành phố", "xã", "lượt khách", "triệu tấn", "triệu lao động",
    "tấn", "lượt", "nhà", "chợ", "khu", "kho", "trường", "xã", "người", "hộ", "lần", "tỉnh", "huyện",
    "khách sạn", "điểm", "điểm du lịch", "mô hình", "nhà máy", "bệnh viện", "trạm y tế", "trạm", "thôn", "bản",
    "ấp", "khu phố", "phường", "thị trấn", "đơn vị", "cơ quan", "thương hiệu", "di tích", "lễ hội", "tuyến",
    "trang trại", "tổ hợp tác", "nhà ở", "căn hộ", "việc làm", "lớp", "chi bộ", "đảng bộ", "tổ chức cơ sở đảng",
    "vườn mẫu", "khu dân cư", "hợp tác xã", "cơ sở dữ liệu", "nền tảng", "sáng kiến", "đề tài",
    "bộ dữ liệu", "tập dữ liệu", "bộ tiêu chí", "bộ công cụ", "kịch bản", "loại hình",
)
# A duration is a target only when a time is brought down to it ("rút ngắn thời gian ... xuống
# không quá 4 ngày làm việc"); otherwise it is a deadline or a term ("trong 30 ngày").
_DURATION = r"ngày\s+làm\s+việc|ngày|giờ|phút"
_REDUCED_TO = re.compile(r"(?:xuống|giảm)(?:\s+còn)?\s+(?:\S+\s+){0,2}$|\bcòn\s+(?:\S+\s+){0,2}$", re.I)
_COUNTED = "|".join(re.escape(n) for n in sorted(_TWO_SYLLABLE_NOUNS, key=len, reverse=True))
_COMPARATORS = (
    (">=", r"ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+thấp\s+hơn|đạt\s+từ|từ"),
    ("<=", r"không\s+quá|tối\s+đa|không\s+vượt\s+quá|thuộc\s+nhóm|trong\s+nhóm|nằm\s+trong\s+nhóm"),
    (">", r"trên|hơn|vượt|cao\s+hơn|>"),
    ("<", r"dưới|thấp\s+hơn|<"),
    ("~", r"khoảng|gần|xấp\s+xỉ|chừng"),
)
# A head that ends on the goal cue names no measure ("Mục tiêu ... phấn đấu trên 90% dịch vụ công").
_GOAL_CUE_END = re.compile(  # "yêu cầu 100% cơ sở chế biến ...": what follows is measured
    r"(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|yêu\s+cầu|bảo\s+đảm|đảm\s+bảo)\s*(?:(?:là|đạt|có)\s*)?$", re.I)
_RANK_GROUP = r"thuộc\s+nhóm|trong\s+nhóm|nằm\s+trong\s+nhóm"
_CMP_ALT = "|".join(f"(?P<c{i}>{alt})" for i, (_, alt) in enumerate(_COMPARATORS))

# The characters a target can start with (a comparator, a digit, a number word; any case): the
# lookahead skips every other position at once (twice as fast). A new comparator or number
# word must have its first letter here (tests/unit/nlp/test_patterns.py checks).
TARGET_FIRST_CHARS = r"(?=[\dbcdghkmnstvxíđ<>])"
TARGET = re.compile(
    TARGET_FIRST_CHARS +
    rf"(?:(?P<cmp>{_CMP_ALT})\s*)?"
    rf"(?P<value>{_NUMBER}|{_NUMBER_WORD})(?:[ \t]*(?:-|–|÷|đến)[ \t]*(?P<upper>{_NUMBER}))?\s*"
    rf"(?P<unit>{_MEASURE}|(?:{_SCALE})?(?:{_COUNTED})(?!\w)|{_DURATION})"
    r"(?P<ge>\s+trở\s+lên)?",
    re.I,
)
# "Việt Trì (12), thị xã Phú Thọ (08)": a total distributed over places.
_SHARE = re.compile(r"(?P<place>[A-ZĐ][^\s(),;:]*(?:\s+[^\s(),;:]+){0,4})\s*\((?P<value>\d{1,4})\)")
_GOAL = re.compile(
    r"phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|đến\s+năm|đạt|dự\s+kiến|quy\s+hoạch|kế\s+hoạch|giao|bảo\s+đảm|đảm\s+bảo"
    r"|nâng|giảm|tăng|duy\s+trì|phát\s+triển|xây\s+dựng|hoàn\s+thành|khởi\s+công|huy\s+động|cắt\s+giảm"
    r"|đơn\s+giản\s+hoá|đơn\s+giản\s+hóa|giai\s+đoạn|thuộc\s+nhóm|định\s+hướng|đào\s+tạo|bình\s+quân",
    re.I,
)
_PAST = re.compile(r"\b(?:đã|vừa\s+qua|còn\s+lại|giữ\s+nguyên|hiện\s+có|hiện\s+nay|trong\s+đó\s+có|đến\s+nay|chưa)\b",
                   re.I)
# A figure whose own clause goes on to say it happened ("100% cơ quan đã tổ chức quán triệt").
_PAST_AFTER = re.compile(r"[^;:.()\n]{0,40}?\bđã\b", re.I)
# Places named by what is left ("tại 4 huyện còn lại"): not a goal to reach.
_REMAINING = re.compile(r"\s*còn\s+lại\b", re.I)
_NOT_TARGET_BEFORE = re.compile(
    r"(?<!\w)(?:kỷ\s+niệm|khóa|khoá|nhiệm\s+kỳ|[Đđ]iều|khoản|điểm|số|lần\s+thứ|thứ|mục|phần|chương|loại"
    r"|ngày|tháng|"
    r"năm|quý|quí|Nghị\s+định|Quyết\s+định|Luật|đợt|dưới|trẻ\s+em|khóm|ấp|tổ|phường|thôn|xóm|lô|quận)\s*$",
    re.I,
)
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
_RANGE_UPPER = re.compile(r"\d[ \t]*(?:%|m2|m3|ha|km|[^\W\d]{1,4})?[ \t]*[-–][ \t]*$")
_AGE_OWNER = re.compile(r"(?:trẻ\s+em|trẻ|người(?:\s+dân)?|dân\s+số|công\s+dân|lao\s+động|học\s+sinh|phụ\s+nữ"
                        r"|thanh\s+niên)"
                        r"\s+(?:dưới|trên|từ)\s*$", re.I)
_PLACE_UNITS = r"tỉnh|huyện|xã|tỉnh, thành phố|huyện, thành phố"
_ALL_OF = re.compile(r"(?:tất\s+cả|cả)\s+$", re.I)
_SECTION_HEADING = re.compile(r"^(?:[IVXLC]{1,5}|[A-D]|\d{1,2}|[a-zđ])[.)]\s", re.I)
_REPORT_HEADING = re.compile(r"tình\s+hình|kết\s+quả|thực\s+trạng|đánh\s+giá|tồn\s+tại|hạn\s+chế", re.I)
# A line that opens a report of results ("Sở ... báo cáo kết quả thực hiện như sau:", "Ghi nhận kết quả đạt được:").
_REPORT_INTRO = re.compile(r"báo\s+cáo\s+kết\s+quả|kết\s+quả\s+(?:đạt\s+được|thực\s+hiện)|ghi\s+nhận", re.I)
_WAY_AHEAD = re.compile(r"phương\s+hướng|\bvà\s+(?:mục\s+tiêu|nhiệm\s+vụ|kế\s+hoạch|giải\s+pháp)", re.I)
_TOP_HEADING = re.compile(r"^(?:[IVXLC][IVXLCivxlc]{0,4}[.\-/)]\s|[A-D][.)]\s|(?:Phần|Chương)\s+[\dIVXLC]+\b)")
_ARTICLE = re.compile(r"Điều\s+\d+\.")
# A sentence that reports figures reached or compares with the same period of an earlier year.
_REPORT_SENTENCE = re.compile(
    r"\bđã\s+đạt|\bđã\s+hoàn\s+thành|\bcùng\s+kỳ\b|\bthời\s+gian\s+qua\b|\bvừa\s+qua\b|\bđến\s+nay\b"
    r"|\b(?:những|các|mấy)\s+năm\s+(?:qua|gần\s+đây)\b", re.I)
# A year named without "đến"/"tới" ("năm 2018 toàn tỉnh đón ...", "Năm 2021, ... đạt ...").
_PLAIN_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!với )\bnăm\s+(?P<year>(?:19|20)\d{2})\b", re.I)
# Figures that are needs, support levels or loan terms rather than results to reach.
_NOT_GOAL_CONTEXT = re.compile(
    r"nhu\s+cầu\s+(?:vốn|kinh\s+phí|đầu\s+tư)|mức\s+(?:vay|hỗ\s+trợ|chi)|lãi\s+suất|định\s+mức|hạn\s+mức|hỗ\s+trợ\s*$"
    r"|chính\s+sách\s+hỗ\s+trợ",
    re.I)
# A sentence that cites a document by its number: a horizon in it belongs to the cited title.
_CITED_NUMBER = re.compile(r"\b\d{1,5}/(?:\d{4}/)?[A-ZĐ]{1,6}|\bsố\s+\d{1,5}[-/]")
# A short gloss in brackets, an abbreviation or a code ("(GRDP)", "(B2C)").
# Words after a comma that open a breakdown or an aside, not another item of a list.
_NOT_AN_ITEM = re.compile(r"\s*(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể|như|nhất\s+là|đặc\s+biệt)\b", re.I)
_GLOSS = re.compile(r"\([^()\d\n;:]{1,20}\)|\([A-Z0-9]{1,6}\)")
_HEAD_BREAK = re.compile(r"[;:\n(|]|\.(?=\s)|\)")  # "|": a table cell ends
_LIST_JOIN = re.compile(r",\s|;\s*|\s(?:và|hoặc)\s")
_HORIZON_PHRASE = re.compile(
    r"(?:(?:giai\s+đoạn|thời\s+kỳ)\s+)?(?:từ\s+nay\s+)?(?:đến|tới)(?:\s+(?:hết|cuối))?\s+năm\s+(?:19|20)\d{2}"
    r"|(?:(?:giai\s+đoạn|thời\s+kỳ|\d+\s+năm)\s+)?(?:năm\s+)?(?:19|20)\d{2}\s*(?:-|–|đến)\s*(?:năm\s+)?(?:19|20)\d{2}"
    r"|(?:trong\s+|vào\s+)?năm\s+(?:19|20)\d{2}", re.I)
_MEASURE_WORD = re.compile(
    r"(?:tỷ|tỉ)\s+lệ|tiêu\s+chuẩn|chỉ\s+tiêu|diện\s+tích|đất|mật\s+độ|tốc\s+độ|số\s+lượng|tổng|mức|quy\s+mô|"
    r"chiều\s+dài|công\s+suất|sản\s+lượng|kim\s+ngạch|giá\s+trị|thu\s+nhập|lượng", re.I)
_MEASURE_OF = re.compile(rf"(?:{_MEASURE_WORD.pattern}).*?\s(?:cho|của|tại|đối\s+với)\s", re.I)
_CLAUSE_BREAK = re.compile(r"[;:\n|]|\.(?=\s)|\.$|,\s|\(|\)")
_LEAD_WORDS = re.compile(
    r"^(?:[-+•*]\s*|[a-zđ0-9]{1,2}[.)]\s*)?(?:(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|dự\s+kiến|trong\s+đó|và|có|đạt|trong"
    r"|đến\s+năm\s+\d{4}|giai\s+đoạn\s+[\d\s\-–]+|năm\s+\d{4}|toàn\s+tỉnh|toàn\s+Tỉnh)\s*,?\s*)*",
    re.I,
)
_INDICATOR_TAIL = re.compile(
    r"\s*(?:(?:bình\s+quân\s+)?(?:đạt|là|chiếm|bằng|ở\s+mức|còn|có|tăng|giảm|đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ)\s*)+$", re.I)


_LINE_END_CLOSED = re.compile(r"[.;:!?…]\s*(?:/\.)?$")
_NEW_UNIT = re.compile(
    r"^\s*(?:[-+•●▪*–]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s|\(?[a-zđ]\)\s|[IVXLC]{1,5}[.\-/]\s"
    r"|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b)")


def unwrap_lines(text: str) -> str:
    """`text` with the line breaks that only wrap a sentence ("... đạt khoảng\\n65%.") turned
    into spaces, so offsets stay the same. A break is kept after closing punctuation, before a
    list marker or heading, and before a capital unless the line before is long (ran to the full
    width, or at least 60 characters: a heading that long ends with a colon or stands alone)."""
    lines = text.split("\n")
    widths = sorted(len(line) for line in lines if line.strip())
    full_width = widths[int(len(widths) * 0.9)] if widths else 0
    out = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1].lstrip()
        wraps = (line.strip() and nxt and not _LINE_END_CLOSED.search(line) and not _NEW_UNIT.match(nxt)
                 and (nxt[0].islower() or nxt[0].isdigit() or nxt[0] in "(>"
                      or (len(line) >= min(0.8 * full_width, 60) and not line.isupper())))
        out.append(line + (" " if wraps else "\n"))
    out.append(lines[-1])
    return "".join(out)


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    breaks = list(_CLAUSE_BREAK.finditer(text, sent_start, pos))
    return breaks[-1].end() if breaks else sent_start


def _heading_lines(text: str, pos: int) -> tuple[str, str]:
    """The lines that head the paragraph at `pos`: the nearest line before it that ends with a
    colon ("- Đến năm 2020:") and the nearest numbered, capitalised or "Điều N." section heading,
    not a list item that ends a sentence ("c) Báo cáo tình hình ... hằng tháng.") ("" where
    there is none)."""
    colon = section = ""
    end = text.rfind("\n", 0, pos)
    floor = max(0, pos - 5000)
    while end > floor and not (colon and section):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip().strip("*#_ ")
        if not colon and line.endswith(":"):
            colon = line
        if not section and line and (_ARTICLE.match(line) or len(line) <= 150 and not TARGET.search(line)
                                     and not line.endswith((".", ";")) and (
                _SECTION_HEADING.match(line) or line.isupper())):
            section = line
        end = start - 1
    return colon, section


def _top_heading(text: str, pos: int) -> str:
    """The nearest top-level heading before `pos` ("I. KẾT QUẢ THỰC HIỆN", "Phần II"), or ""."""
    end = text.rfind("\n", 0, pos)
    floor = max(0, pos - 10000)
    while end > floor:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if len(line) <= 150 and _TOP_HEADING.match(line):
            return line
        end = start - 1
    return ""


def _reports_results(text: str, pos: int, colon: str, section: str) -> bool:
    """Whether the figure at `pos` stands under a heading that reports the situation or results:
    its section or top-level heading ("I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ"; not one that
    also sets the way ahead, "... VÀ PHƯƠNG HƯỚNG ..."), the label of its paragraph ("Ghi nhận
    kết quả đạt được: ..."), or a line under the same top heading that opens a report ("...
    báo cáo kết quả thực hiện như sau:")."""
    top = _top_heading(text, pos)
    if any(_REPORT_HEADING.search(line) and not _WAY_AHEAD.search(line) for line in (section, top)):
        return True
    para_start = text.rfind("\n", 0, pos) + 1
    label_end = text.rfind(":", para_start, pos)
    if label_end != -1 and _REPORT_INTRO.search(text, para_start, label_end):
        return True  # "1. Ghi nhận kết quả đạt được: ... có thêm 5 xã ..."
    return bool(colon and _REPORT_INTRO.search(colon)
                and (not top or text.rfind(colon, 0, pos) >= text.rfind(top, 0, pos)))


def _in_past_year(text: str, pos: int, period_start: int, doc_year: int | None) -> bool:
    """Whether the sentence before the figure at `pos` names a year before the document's own
    ("năm 2018 toàn tỉnh đón 28.000 lượt khách" in a 2019 resolution): a past figure."""
    return bool(doc_year) and any(
        int(y.group("year")) < doc_year and not _is_base_year(text, y)
        for y in _PLAIN_YEAR.finditer(text, period_start, pos))


def _states_a_goal(text: str, pos: int, sent_start: int, sent_end: int, doc_year: int | None = None) -> bool:
    """Whether the figure at `pos` is stated as a goal: a goal word in its paragraph up to the
    end of its sentence, or in the lines that head the paragraph; never in a sentence that
    reports results ("đã đạt được", "cùng kỳ", "đến nay", a year before the document's) nor
    under a heading that reports the situation or results ("Tình hình ...", "Kết quả ...")."""
    para_start = text.rfind("\n", 0, pos) + 1
    colon, section = _heading_lines(text, pos)
    period_start = max(para_start, text.rfind(". ", 0, pos) + 1)
    if _reports_results(text, pos, colon, section) or _REPORT_SENTENCE.search(text, period_start, sent_end):
        return False
    if _in_past_year(text, pos, period_start, doc_year):
        return False
    if _NOT_GOAL_CONTEXT.search(text, max(sent_start, pos - 120), pos) or _NOT_GOAL_CONTEXT.search(section):
        return False
    return bool(_GOAL.search(text, para_start, sent_end) or _GOAL.search(colon) or _GOAL.search(section)
                or is_action_item(text, pos))


def _is_qualifier(text: str, m: re.Match) -> bool:
    """A number that qualifies or names rather than sets a goal: the upper end of a range already
    read ("2.000m2 - 3.000 m2"), an age bracket ("trẻ em dưới 5 tuổi"), an amount in brackets
    ("(1.650 tỷ đồng)"), named places ("hai huyện Trà Cú và Duyên Hải", "tất cả 7 huyện", "4 huyện còn lại")."""
    before = text[max(0, m.start() - 30):m.start()]
    after = text[m.end():m.end() + 3]
    return bool(
        _RANGE_UPPER.search(before)
        or (m.group("unit").strip() == "tuổi" and _AGE_OWNER.search(text, max(0, m.start() - 20), m.start("value")))
        or (before.rstrip().endswith("(") and after.lstrip().startswith(")"))
        or _REMAINING.match(text, m.end())
        or (re.fullmatch(_PLACE_UNITS, m.group("unit").strip(), re.I) and re.match(r"\s+[A-ZĐ]", after))
        or _ALL_OF.search(before))


def _comparator(m: re.Match) -> str:
    if m.group("upper") or m.group("ge"):
        return ">="
    for i, (symbol, _) in enumerate(_COMPARATORS):
        if m.group(f"c{i}"):
            return symbol
    return "="


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [text.rfind(ch, 0, pos) for ch in (".\n", "\n", ". ", ";")]
    start = max(starts) + 1
    ends = [e for e in (text.find("\n", pos), text.find(". ", pos), text.find(";", pos)) if e != -1]
    return start, (min(ends) if ends else len(text))


def _year(m: re.Match) -> int:
    return int(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4"))


def _is_base_year(text: str, m: re.Match) -> bool:
    """A year a figure is compared with ("gấp 2 lần năm 2010", "so với năm 2009"), not a horizon."""
    return bool(_BASE_BEFORE.search(text, max(0, m.start() - 30), m.start()))


def _is_bound_horizon(text: str, m: re.Match) -> bool:
    """A horizon that belongs to one figure right after it ("đến năm 2030 khoảng 200 m2/người"),
    so it does not carry over to later paragraphs."""
    return bool(_BOUND_GAP.match(text, m.end()))


def _horizon(text: str, m: re.Match, sent_start: int, sent_end: int) -> int | None:
    """The horizon year of the target `m`: a horizon right after it in its clause ("16,5%/năm
    giai đoạn 2011 - 2015 và 17%/năm giai đoạn 2016 - 2020"), else the nearest before it in its
    sentence, else one later in the sentence, else the nearest "đến năm"/"giai đoạn" before it in
    its paragraph that is free or opens it ("Phấn đấu đến năm 2025 có ...; ..."), else the
    nearest before that is not bound to another figure ("- Đến năm 2020:", "Chương trình ...
    đến năm 2030"), else one in the lines heading the paragraph ("Điều 1. ... năm 2010")."""
    own = re.search(r"[,;]|\s(?:và|hoặc)\s", text[m.end():sent_end])
    clause_end = m.end() + own.start() if own else sent_end
    following = TARGET.search(text, m.end(), clause_end)
    clause_end = following.start() if following else clause_end
    after = [h for h in _HORIZON.finditer(text, m.end(), clause_end) if not _is_base_year(text, h)]
    if after:
        return _year(after[0])
    before = [h for h in _HORIZON.finditer(text, sent_start, m.start()) if not _is_base_year(text, h)]
    if before:
        return _year(before[-1])
    later = [h for h in _HORIZON.finditer(text, m.end(), sent_end) if not _is_base_year(text, h)]
    if later:
        return _year(later[0])
    period_start = max(text.rfind("\n", 0, sent_start), text.rfind(". ", 0, sent_start)) + 1
    heads = [h for h in _HORIZON.finditer(text, period_start, sent_start)
             if _LEAD_WORDS.fullmatch(text[period_start:h.start()].strip())
             or (h.group("y1") or h.group("y2")) and not _is_bound_horizon(text, h)]
    if heads:
        return _year(heads[-1])
    window_start = max(0, sent_start - 3000)
    heads = [h for h in _HORIZON.finditer(text, window_start, sent_start)
             if (h.group("y1") or h.group("y2")) and not _is_bound_horizon(text, h) and not _in_citation(text, h)]
    colon, section = _heading_lines(text, sent_start)
    titled = [(text.rfind(line, 0, sent_start), h) for line in (colon, section) if line for h in _HORIZON.finditer(line)
              if not _DATE_YEAR.search(line, 0, h.start())]
    if titled and (not heads or max(titled, key=lambda t: t[0])[0] >= heads[-1].start()):
        return _year(max(titled, key=lambda t: t[0])[1])  # "II. CHỈ TIÊU NĂM 2022" under a later horizon
    if heads:
        return _year(heads[-1])
    return None


def _in_citation(text: str, h: re.Match) -> bool:
    """Whether the horizon `h` stands in a sentence that cites a document by number (the title of
    the cited document: "Quyết định số 12/QĐ-TTg phê duyệt Chiến lược ... đến năm 2030")."""
    start = max(text.rfind("\n", 0, h.start()), text.rfind(". ", 0, h.start()), text.rfind(";", 0, h.start())) + 1
    return bool(_CITED_NUMBER.search(text, start, h.start()))


def _head(text: str, m: re.Match, sent_start: int) -> tuple[str, int]:
    """The words before the number that name what it measures, and where they start: from the
    start of the clause, or from just after the figure before it in the same clause
    ("... đạt 85% diện tích lưu vực và 60% lượng nước thải": nothing before 60%)."""
    glossed = _GLOSS.sub(lambda g: " " * len(g.group(0)), text[:m.start()])  # "(GRDP)" does not break
    breaks = list(_HEAD_BREAK.finditer(glossed, sent_start, m.start()))
    start = breaks[-1].end() if breaks else sent_start
    previous = [p for p in TARGET.finditer(text, start, m.start())
                if p.end() <= m.start() and not _is_qualifier(text, p)]
    if previous:
        cut = list(_LIST_JOIN.finditer(text, previous[-1].end(), m.start()))
        start = cut[-1].end() if cut else m.start()
    if text[max(0, start - 1):start] == ":" and not text[start:m.start("value")].strip():
        # "Vốn cân đối qua ngân sách: 1.009.074 triệu đồng": the label before the colon
        start = max(text.rfind("\n", 0, start - 1), text.rfind(". ", 0, start - 1)) + 1
    head = text[start:m.start()].lstrip()
    lead = _LEAD_WORDS.match(head)
    head = head[lead.end():] if lead else head
    head = _HORIZON_PHRASE.sub(" ", head)
    head = _INDICATOR_TAIL.sub("", head)
    return re.sub(r"\s+", " ", head).strip(" ,:-"), start


def _tail(text: str, m: re.Match, sent_end: int, counted: bool = False) -> tuple[str, int]:
    """The words after the unit up to the end of its clause, and where the clause ends; a list
    of short items (up to five words, no figure) goes on over the commas ("60-70% ấp, khu phố văn
    hoá", "3.000 cán bộ, công chức, viên chức được bồi dưỡng", "100% các trường tiểu học, trường
    trung học cơ sở, trung tâm giáo dục có phòng học thông minh"; a `counted` noun counts as the
    first item)."""
    after_break = _CLAUSE_BREAK.search(text, m.end(), sent_end)
    clause_end = after_break.start() if after_break else sent_end
    item_start, fewest = m.end(), 0 if counted else 1  # a counted noun is itself the first item
    while after_break and after_break.group(0).startswith(",") and (
            fewest <= len(text[item_start:clause_end].split()) <= 5):
        further = _CLAUSE_BREAK.search(text, after_break.end(), sent_end)
        further_end = further.start() if further else sent_end
        if re.search(r"\d", text[after_break.end():further_end]) or _NOT_AN_ITEM.match(text, after_break.end()):
            break
        item_start, clause_end, after_break, fewest = after_break.end(), further_end, further, 1
    tail = _HORIZON_PHRASE.sub(" ", text[m.end():clause_end])
    return re.sub(r"\s+", " ", tail).strip(" ,:-"), clause_end


def _heading_label(text: str, pos: int) -> str:
    """The label of the list the figure at `pos` stands in ("a) Quy mô dân số:"), or ""."""
    colon, _ = _heading_lines(text, pos)
    label = _LEAD_WORDS.sub("", colon.rstrip(":"), count=1)
    return _HORIZON_PHRASE.sub(" ", label).strip(" ,:-")


def _with_measure_of(previous: str, head: str) -> str:
    """A head that only names a subject ("đô thị loại V") after a figure whose indicator names a
    measure ("tiêu chuẩn cấp nước cho đô thị loại IV") takes that measure."""
    measure = _MEASURE_OF.match(previous)
    if not measure or _MEASURE_WORD.match(head):
        return head
    return f"{measure.group(0).strip()} {head}"


def _action_phrase(head: str) -> str:
    """The clauses at the end of `head` that open with an action verb ("bảo đảm giải ngân" in
    "Các chủ đầu tư đẩy nhanh ..., bảo đảm giải ngân"; "cải tạo, nâng cấp, mở rộng"), or ""."""
    clauses = re.split(r",\s*", head)
    keep = len(clauses)
    while keep and opens_action(compare_key(clauses[keep - 1]).split() or [""]):
        keep -= 1
    return ", ".join(c.strip() for c in clauses[keep:])


def _indicator(text: str, m: re.Match, sent_start: int, sent_end: int,
               previous: Target | None) -> tuple[str, int, int]:
    """The phrase measured, as written, and the span of the clause that states the target.

    A counted noun is named by itself and the words after it ("02 đô thị loại II"), after the
    action that produces it ("đào tạo cho 3.000 cán bộ, công chức") and by what is ranked in
    a group ("chỉ số chuyển đổi số thuộc nhóm 15 tỉnh dẫn đầu"); a rate, measure or sum by the
    words before the number ("tỷ lệ hộ nghèo dưới 3%") and those after it when the words before
    name an action ("giải ngân 100% kế hoạch vốn"), else those after it ("60% lượng nước thải"),
    else the indicator of the figure before it in the sentence ("..., giai đoạn đến năm 2030
    chiếm 18 - 20%"), else the label of its list."""
    unit = _unit(m.group("unit"))
    counted = re.fullmatch(rf"(?:{_SCALE})?(?P<noun>{_COUNTED})", unit, re.I)
    head, clause_start = _head(text, m, sent_start)
    tail, clause_end = _tail(text, m, sent_end, counted=bool(counted))
    action = _action_phrase(head)
    if counted:
        noun = counted.group("noun")
        ranked = re.match(_RANK_GROUP, m.group("cmp") or "", re.I)
        listed = text[m.end():m.end() + 2].lstrip(" ").startswith(",")  # "3.000 cán bộ, công chức"
        indicator = " ".join(part for part in (head if ranked else action, noun + ("," if listed and tail else ""),
                                               tail) if part)
        label = _heading_label(text, m.start())
        if not tail and not head and not label.isupper():
            indicator = label or noun
        return indicator, clause_start, clause_end
    if tail and unit != "lần" and _GOAL_CUE_END.search(text, clause_start, m.start()):
        indicator = tail
    elif action and tail and unit != "lần":
        indicator = f"{action} {tail}"
    elif len(head.split()) >= 2:
        indicator = _with_measure_of(previous.indicator, head) if previous else head
    elif tail and unit != "lần":
        indicator = tail
    elif previous:
        indicator = previous.indicator
    else:
        indicator = head or _heading_label(text, m.start()) or unit
    return indicator, clause_start, clause_end


def _unit(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.strip())
    return "%" if raw.startswith("%") else raw


def find_targets(text: str, exclude: list[tuple[int, int]] | tuple = (), doc_year: int | None = None) -> list[Target]:
    """Every numeric target in `text`, in order, with offsets into `text`; numbers inside
    an `exclude` span (a citation) are skipped. `doc_year`, the year of the document's date,
    tells figures of earlier years (history) from goals."""
    out: list[Target] = []
    seen: set[tuple] = set()
    text = unwrap_lines(text)
    for m in TARGET.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in exclude):
            continue
        value = parse_number(m.group("value"))
        if value is None:
            continue
        sent_start, sent_end = _sentence_bounds(text, m.start())
        value_start = m.start("value")
        prefix = text[max(sent_start, value_start - 25):value_start]
        if _NOT_TARGET_BEFORE.search(prefix) and not m.group("cmp"):
            continue
        if re.search(r"[/\-.]\s*$", text[max(0, value_start - 1):value_start]):
            continue  # part of a symbol or a date
        if _is_qualifier(text, m):
            continue
        unit = _unit(m.group("unit"))
        if 1900 <= value <= 2100 and unit != "%" and not re.search(r"\d\.\d", m.group("value")):
            continue  # a year
        clause_before = text[_clause_start(text, sent_start, m.start()):m.start()]
        if re.fullmatch(_DURATION, unit, re.I) and not _REDUCED_TO.search(clause_before[-40:]):
            continue  # a term or a time limit, not a level to bring a time down to
        if _PAST.search(clause_before[-60:]) or _PAST_AFTER.match(text, m.end()):
            continue
        if not_a_goal_number(text, m, clause_before, unit, _GOAL):
            continue
        if not _states_a_goal(text, m.start(), sent_start, sent_end, doc_year):
            continue
        period_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
        previous = out[-1] if out and out[-1].start >= period_start and out[-1].confidence == 1.0 else None
        indicator, clause_start, clause_end = _indicator(text, m, sent_start, sent_end, previous)
        year = _horizon(text, m, sent_start, sent_end)
        start = min(clause_start, m.start())
        target = Target(text=text[start:max(clause_end, m.end())].strip(), start=start, end=max(clause_end, m.end()),
                        indicator=indicator, comparator=_comparator(m), value=value, unit=unit, year=year,
                        component="theodoi_targets")
        if restated(seen, value, unit, year, indicator):
            continue  # a goal restated (in a summary table, an appendix) is one goal
        seen.add((value, unit, year, compare_key(indicator)))
        out.append(target)
        out.extend(_shares(text, m, target, clause_end))
    return out


def _shares(text: str, m: re.Match, total: Target, clause_end: int) -> list[Target]:
    """Targets of a distribution list that follows a total ("cụ thể: Việt Trì (12), ...")."""
    sentence_end = _sentence_bounds(text, m.end())[1]
    colon = text.find(":", m.end(), sentence_end)
    if colon == -1 or not re.search(r"(?:cụ\s+thể|gồm|như\s+sau|tại)\s*:\s*$", text[:colon + 1]):
        return []
    # the list must belong to this total: no other counted number in between
    if TARGET.search(text, m.end(), colon):
        return []
    found = []
    unit_noun = total.unit if total.unit != "%" else ""
    for share in _SHARE.finditer(text, colon + 1, sentence_end):
        place = share.group("place").strip()
        indicator = f"{total.indicator} tại {place}" if unit_noun and unit_noun in total.indicator \
            else f"{unit_noun} {total.indicator} tại {place}".strip()
        found.append(Target(text=share.group(0), start=share.start(), end=share.end(), indicator=indicator,
                            comparator="=", value=int(share.group("value")), unit=total.unit, year=total.year,
                            component="theodoi_targets", confidence=0.7))
    return found


class TargetFinder:
    """spaCy component: doc.spans["targets"] with `span._.target`; skips numbers in citations."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        cited = [(s.start_char, s.end_char) for s in doc.spans.get("citations", [])]
        spans = []
        doc_year = doc._.doc_date.year if doc._.doc_date else None
        for target in find_targets(doc_text(doc), exclude=cited, doc_year=doc_year):
            span = doc.char_span(target.start, target.end, alignment_mode="expand")
            if span is None:
                continue
            span._.target = target
            spans.append(span)
        doc.spans["targets"] = spans
        return doc


@Language.factory("theodoi_targets")
def make_target_finder(nlp: Language, name: str) -> TargetFinder:
    """Factory for the target finder."""
    return TargetFinder(nlp, name)
