"""Citations of other documents by number and symbol (Nghị định 30/2020/NĐ-CP, Hướng dẫn
36-HD/VPTW): "Nghị quyết số 15-NQ/TU ngày 31/12/2020 của ...", "Chỉ thị 05-CT/TW",
"30/2020/NĐ-CP", "11676/VPCP-KTTH".

Each citation keeps its kind, date and issuer when the text states them, and a relation
read from the words before it (implements, reports_on, urges, issued_with, amends,
replaces, repeals, else cites). The document's own number ("Số: ..." or "Nghị quyết số: ..." in the
header, "(Kèm theo Nghị quyết số ...)" heading an appendix, or `doc._.doc_number` when that
extension exists) is not a citation.

Component "theodoi_citations" sets doc.spans["citations"], each span with `span._.citation`.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.domain import Citation
from theodoi.nlp.dates import DATE_EXPRESSION
from theodoi.nlp.extensions import doc_text
from theodoi.vietnamese import compare_key

_L = r"A-Za-zĐđ&"
_GROUP = rf"[A-ZĐ][{_L}]*\d*"
_DASH = r"\s*[-–]\s*"
# 30/2020/NĐ-CP, 51/2017/QH14, 08/2011/TTLT-BNV-BTC
_QPPL = rf"\d{{1,5}}[a-zđ]?\s*/\s*(?:19|20)\d{{2}}\s*/\s*{_GROUP}(?:{_DASH}{_GROUP}){{0,3}}"
# 123/QĐ-UBND, 1298/QĐ-UBND-HC, 11676/VPCP-KTTH, 30c/NQ-CP; one group only after "số" or a kind
_ADMIN_MULTI = rf"\d{{1,5}}[a-zđ]?\s*/\s*{_GROUP}(?:{_DASH}{_GROUP}){{1,3}}"
_ADMIN_SINGLE = rf"\d{{1,5}}[a-zđ]?\s*/\s*{_GROUP}"
# 15-NQ/TU, 127-KL/TW, 234-CV/BTGTU
_PARTY = rf"\d{{1,5}}{_DASH}[A-ZĐ][A-Za-zĐđ]{{0,4}}\s*/\s*[A-ZĐ][A-Za-zĐđ]*\d*(?:-[A-ZĐ][A-Za-zĐđ]*)?"

KINDS = (
    "Thông báo kết luận", "Nghị quyết liên tịch", "Thông tư liên tịch", "Kế hoạch liên tịch",
    "Chương trình hành động", "Báo cáo thẩm tra", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị",
    "Kết luận", "Thông báo", "Thông tư", "Thông tri", "Kế hoạch", "Chương trình", "Công văn", "Văn bản",
    "Hướng dẫn", "Quy định", "Quy chế", "Tờ trình", "Báo cáo", "Công điện", "Bộ luật", "Luật",
    "Pháp lệnh", "Lệnh", "Đề án", "Điều lệ", "Thông cáo",
)
_KIND_ALT = "|".join(re.escape(k) for k in KINDS)
_KIND_WORD = re.compile(rf"(?<!\w)(?P<kind>{_KIND_ALT})(?!\w)", re.I)
_KIND_CANONICAL = {compare_key(k): k for k in KINDS}
_KIND_CANONICAL.update({
    "văn bản": "Công văn", "chương trình hành động": "Chương trình", "báo cáo thẩm tra": "Báo cáo",
    "kế hoạch liên tịch": "Kế hoạch",
})

SYMBOL = re.compile(
    rf"(?<![\w/.\-])(?P<number>{_QPPL}|{_ADMIN_MULTI}|{_PARTY}|(?P<single>{_ADMIN_SINGLE}))(?![\w/])"
)
# "Nghị quyết 20 Ban Chấp hành Trung ương", "Chỉ thị số 05 của Bộ Chính trị": a bare number
_BARE = re.compile(
    r"(?<!\w)(?P<kind>Nghị quyết|Chỉ thị|Kết luận|Quy định)\s+(?:số\s+)?(?P<number>\d{1,4})"
    r"(?=\s+(?:của|ngày|Ban|Hội nghị|Trung ương|Bộ Chính trị|[Kk]h[oó]a|TW)\b)"
)
_SO_BEFORE = re.compile(r"(?:\bsố|\bSố|\bSỐ|\bvăn\s+bản)\s*:?\s*$")
_OWN_NUMBER_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:[^\W\d]+[ \t]+){0,3}(?:Số|SỐ|số)\s*:\s*$|(?:^|\n)[ \t]*(?:Số|SỐ)\s*$"
    # an appendix names the document it belongs to: "(Kèm theo Nghị quyết số 124/2017/NQ-HĐND ...)"
    r"|(?:^|\n)[ \t]*\(?[ \t]*(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+(?:[^\W\d]+[ \t]+){1,3}(?:số\s*:?\s*)?$")
_RECIPIENTS = re.compile(r"(?:^|\n)[ \t]*Nơi\s+nhận\s*:?[^\n]*(?:\n[ \t]*(?:[-–+•*][^\n]*|\([^\n]*))*", re.I)
_ISSUER = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(?P<issuer>(?:[A-ZĐÂỦỦ][^\s,;.()]*|liên|Liên)(?:[ \t]+(?!về\b|ban\s+hành\b|quy\s+định\b|hướng\s+dẫn\b|phê\s+duyệt\b|thực\s+hiện\b|theo\b|được\b|để\b|hoàn\s+thành\b|trước\b|chậm\s+nhất\b)[^\s,;.()]+){0,12})"
)
# where a cited issuer's name ends, though the words run on: a footnote mark ("[3]", "[^3]", "³"),
# a colon, the next citation ("và Kế hoạch ...", "và các văn bản ...", "Công điện 99/CĐ-UBND",
# "Luật số ..."), a symbol, a date, a clause in lower case ("và các", "tại các sở", "gửi các xã") or
# the cited document's title
_ISSUER_END = re.compile(
    r"\[\^?\d+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]|:"
    rf"|\s+và\s+(?:(?:các|những)\s+)?(?:{_KIND_ALT})(?!\w)"
    rf"|\s+(?:{_KIND_ALT})\s+(?:số\b|\d)"
    r"|\s+và\s+(?P<next>\w)"
    r"|\s+(?=\d{1,5}[a-zđ]?\s*[/-])"
    r"|\s+(?-i:ngày|năm|tháng|tại|gửi|mà|đã|đang|sẽ|cũng|là|có|như|khẩn\s+trương|yêu\s+cầu|chỉ\s+đạo"
    r"|đề\s+nghị|giao(?!\s+thông)|với|trong|nhằm|bằng)(?!\w)"
    # the cited document's title, written on without a colon: "... của Bộ Y tế Hướng dẫn ..."
    r"|\s+(?-i:Phê\s+duyệt|Ban\s+hành|Hướng\s+dẫn|Quy\s+định|Sửa\s+đổi|Về\s+việc)(?!\w)",
    re.I)


def _issuer_extent(issuer: str) -> str:
    """The body's name at the head of the words after "của"/"do", cut where another citation,
    a footnote mark, a date or a clause begins."""
    # "và" joins two bodies ("Bộ Tài nguyên và Môi trường") unless a lower-case word follows it
    cut = next((m for m in _ISSUER_END.finditer(issuer) if not (m.group("next") or "a").isupper()), None)
    return (issuer[:cut.start()] if cut else issuer).rstrip(" \t-–")


_RELATIONS = (
    ("amends", re.compile(r"sửa\s+đổi(?:,)?\s+(?:và\s+)?bổ\s+sung|sửa\s+đổi", re.I)),
    ("replaces", re.compile(r"thay\s+thế", re.I)),
    ("repeals", re.compile(r"bãi\s+bỏ|hủy\s+bỏ|huỷ\s+bỏ", re.I)),
    ("issued_with", re.compile(r"(?:ban\s+hành\s+)?kèm\s+theo", re.I)),
    ("reports_on", re.compile(r"báo\s+cáo\s+(?:kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết)|sơ\s+kết|tổng\s+kết"
                              r"|(?:kết\s+luận|đánh\s+giá|kiểm\s+điểm)[^.;\n]{0,50}?kết\s+quả\s+(?:thực\s+hiện|triển\s+khai)",
                              re.I)),
    # a letter that follows up one before it, or presses for it to be carried out
    ("urges", re.compile(r"(?:^|[\s(])(?:tiếp\s+theo|đôn\s+đốc|nhắc\s+lại|chấn\s+chỉnh[^.;\n]{0,60}?"
                         r"(?:thực\s+hiện|triển\s+khai)|khẩn\s+trương\s+(?:thực\s+hiện|triển\s+khai|hoàn\s+thành))"
                         r"(?=\W)", re.I)),
    ("implements", re.compile(
        r"(?:kế\s+hoạch|chương\s+trình(?:\s+hành\s+động)?|đề\s+án|phương\s+án)[^.;\n]{0,60}?"
        r"(?:thực\s+hiện|triển\s+khai|quán\s+triệt)|(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?)\s*$"
        # a passage that opens by carrying out a document: "Thực hiện chỉ đạo ... tại Công điện số",
        # "Để cụ thể hóa Nghị quyết số", "Triển khai Kết luận số"
        r"|(?:^|\n)[\W_]*(?:để\s+|nhằm\s+)?(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá"
        r"|quán\s+triệt)(?:\s+(?!quy\s+định\b)[^\s.;]+){0,14}?\s*$", re.I)),
)
# where the passage a citation belongs to starts: a sentence, a clause after ";" or ":", a
# blank line, a table cell, a list item (a wrapped line goes on: "... số 192-KL/TW và\nKết luận số")
_PASSAGE_START = re.compile(r"[.;]|:\s|\n[ \t]*(?=\n|\||[-+•*][ \t]|\d{1,2}[.)][ \t])")
# "Thủ tướng Chính phủ đã ban hành Công điện số ... chỉ đạo ...": a letter that opens on the
# directive it relays carries it out
_RELAYED_BEFORE = re.compile(r"(?:đã|vừa)\s+ban\s+hành\s*$", re.I)
_RELAYED_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:chỉ\s+đạo|yêu\s+cầu|giao)\b", re.I)


def normalize_number(number: str) -> str:
    """The symbol without spaces, with plain hyphens: "84/BC- KTNS" → "84/BC-KTNS"."""
    return re.sub(r"\s+", "", number.replace("–", "-").replace("—", "-"))


def _kind_before(text: str, start: int) -> tuple[str | None, int]:
    """The document kind named just before a symbol ("Quyết định số", "hướng dẫn ... số"), and where it starts."""
    window_start = max(0, start - 80)
    window = text[window_start:start]
    kinds = list(_KIND_WORD.finditer(window))
    if not kinds:
        return None, start
    last = kinds[-1]
    between = window[last.end():]
    # the kind must name this symbol: only "số", the issuer or a short name may stand between
    if re.search(r"[.;\n]|\d", between) or len(between) > 60:
        return None, start
    if len(between.split()) > 3 and not re.search(r"\bsố\s*:?\s*$", between):
        return None, start
    return _KIND_CANONICAL.get(compare_key(last.group("kind")), last.group("kind")), window_start + last.start()


def _date_after(text: str, end: int) -> tuple[dt.date | None, int]:
    m = re.match(r"\s*,?\s*(?:ban\s+hành\s+)?(?=ngày|\d)", text[end:end + 20])
    if not m:
        return None, end
    d = DATE_EXPRESSION.match(text, end + m.end())
    if d and d.group("full"):
        g = d.groupdict()
        day, month, year = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"])
        try:
            return dt.date(int(year), int(month), int(day)), d.end()
        except ValueError:
            return None, end
    return None, end


def _relation(text: str, start: int, end: int | None = None) -> str:
    """The relation the passage before a citation states (its sentence, at most 160 characters
    back); "cites" when it states none."""
    window = text[max(0, start - 160):start]
    cut = max((m.end() for m in _PASSAGE_START.finditer(window)), default=0)
    before = window[cut:]
    for relation, cue in _RELATIONS:
        if cue.search(before):
            return relation
    if end is not None and _RELAYED_BEFORE.search(before) and _RELAYED_AFTER.match(text[end:end + 120]):
        return "implements"
    return "cites"


def find_citations(text: str, own_number: str | None = None) -> list[Citation]:
    """Every citation of another document in `text`, in order, with offsets; the document's
    own number (given, or written on a "Số:" header line or an appendix's "Kèm theo" line) is
    left out wherever it stands."""
    own_numbers = {normalize_number(m.group("number")).upper() for m in SYMBOL.finditer(text)
                   if _OWN_NUMBER_LINE.search(text[max(0, m.start() - 50):m.start()])}
    if own_number:
        own_numbers.add(normalize_number(own_number).upper())
    out: list[Citation] = []
    recipients = [(r.start(), r.end()) for r in _RECIPIENTS.finditer(text)]
    taken: list[tuple[int, int]] = list(recipients)  # "Nơi nhận" lists addressees, not sources
    for m in SYMBOL.finditer(text):
        if any(s <= m.start() < e for s, e in recipients):
            continue
        number = normalize_number(m.group("number"))
        if number.upper() in own_numbers:
            continue
        kind, start = _kind_before(text, m.start())
        if m.group("single") and not kind and not _SO_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        date, end = _date_after(text, m.end())
        end = max(end, m.end())
        issuer_match = _ISSUER.match(text[end:end + 120])
        issuer = (_issuer_extent(issuer_match.group("issuer")) or None) if issuer_match else None
        if issuer:
            end += issuer_match.start("issuer") + len(issuer)
        out.append(Citation(text=text[start:end], start=start, end=end, number=number, kind=kind, date=date,
                            issuer=issuer, relation=_relation(text, start, end), component="theodoi_citations"))
        taken.append((m.start(), m.end()))
    for m in _BARE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        kind = _KIND_CANONICAL.get(compare_key(m.group("kind")), m.group("kind"))
        out.append(Citation(text=m.group(0), start=m.start(), end=m.end(), number=m.group("number"), kind=kind,
                            relation=_relation(text, m.start()), component="theodoi_citations", confidence=0.6))
    out.sort(key=lambda c: c.start)
    return out


def distinct_citations(citations: list[Citation]) -> list[Citation]:
    """One citation per number (compared without spaces, case and Đ/D), the first mention
    completed with the kind, date and issuer of later ones."""
    by_key: dict[str, Citation] = {}
    for c in citations:
        key = normalize_number(c.number).upper().replace("Đ", "D")
        first = by_key.setdefault(key, c)
        if first is not c:
            first.kind = first.kind or c.kind
            first.date = first.date or c.date
            first.issuer = first.issuer or c.issuer
            if first.relation == "cites":
                first.relation = c.relation
    return list(by_key.values())


class CitationFinder:
    """spaCy component: doc.spans[spans_key] ("citations") with `span._.citation`."""

    def __init__(self, nlp: Language, name: str, spans_key: str = "citations"):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        own = doc._.doc_number if Doc.has_extension("doc_number") else None
        spans = []
        for citation in find_citations(doc_text(doc), own_number=own):
            span = doc.char_span(citation.start, citation.end, alignment_mode="expand")
            if span is None:
                continue
            span._.citation = citation
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("theodoi_citations", assigns=["doc.spans"], default_config={"spans_key": "citations"})
def make_citation_finder(nlp: Language, name: str, spans_key: str) -> CitationFinder:
    """Factory for the citation finder."""
    return CitationFinder(nlp, name, spans_key)
