"""The grammar of a figure that may be a target: a number (digits in the Vietnamese style, or
spelled out), an optional comparator before it ("trên", "không quá", "thuộc nhóm") and a unit
after it (%, a measure, a sum of money, a counted noun, a duration). `TARGET` finds them;
`comparator` and `unit_of` read a match. Used by `theodoi.nlp.components.targets`.
"""
from __future__ import annotations

import re

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
SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+"
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
DURATION = r"ngày\s+làm\s+việc|ngày|giờ|phút"
COUNTED = "|".join(re.escape(n) for n in sorted(_TWO_SYLLABLE_NOUNS, key=len, reverse=True))
_COMPARATORS = (
    (">=", r"ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+thấp\s+hơn|đạt\s+từ|từ"),
    ("<=", r"không\s+quá|tối\s+đa|không\s+vượt\s+quá|thuộc\s+nhóm|trong\s+nhóm|nằm\s+trong\s+nhóm"),
    (">", r"trên|hơn|vượt|cao\s+hơn|>"),
    ("<", r"dưới|thấp\s+hơn|<"),
    ("~", r"khoảng|gần|xấp\s+xỉ|chừng"),
)
RANK_GROUP = r"thuộc\s+nhóm|trong\s+nhóm|nằm\s+trong\s+nhóm"
_CMP_ALT = "|".join(f"(?P<c{i}>{alt})" for i, (_, alt) in enumerate(_COMPARATORS))

# The characters a target can start with (a comparator, a digit, a number word; any case): the
# lookahead skips every other position at once (twice as fast). A new comparator or number
# word must have its first letter here (tests/unit/nlp/test_patterns.py checks).
TARGET_FIRST_CHARS = r"(?=[\dbcdghkmnstvxíđ<>])"
TARGET = re.compile(
    TARGET_FIRST_CHARS +
    rf"(?:(?P<cmp>{_CMP_ALT})\s*)?"
    rf"(?P<value>{_NUMBER}|{_NUMBER_WORD})(?:[ \t]*(?:-|–|÷|đến)[ \t]*(?P<upper>{_NUMBER}))?\s*"
    rf"(?P<unit>{_MEASURE}|(?:{SCALE})?(?:{COUNTED})(?!\w)|{DURATION})"
    r"(?P<ge>\s+trở\s+lên)?",
    re.I,
)
LEAD_WORDS = re.compile(
    r"^(?:[-+•*]\s*|[a-zđ0-9]{1,2}[.)]\s*)?(?:(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|dự\s+kiến|trong\s+đó|và|có|đạt|trong"
    r"|đến\s+năm\s+\d{4}|giai\s+đoạn\s+[\d\s\-–]+|năm\s+\d{4}|toàn\s+tỉnh|toàn\s+Tỉnh)\s*,?\s*)*",
    re.I,
)
CLAUSE_BREAK = re.compile(r"[;:\n|]|\.(?=\s)|\.$|,\s|\(|\)")


def comparator(m: re.Match) -> str:
    if m.group("upper") or m.group("ge"):
        return ">="
    for i, (symbol, _) in enumerate(_COMPARATORS):
        if m.group(f"c{i}"):
            return symbol
    return "="


def unit_of(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.strip())
    return "%" if raw.startswith("%") else raw
