"""Read the formal parts of a Vietnamese document (NĐ 30/2020, HD 36-HD/VPTW) from its text.

`parse_header(text)` works on the cleaned text that ingest produces. The header block
is expected in reading order (left column, then right column); lines that still hold
both columns side by side (separated by a tab or 2+ spaces) are split. Whatever the
text does not state stays None.
"""
from __future__ import annotations

import datetime as dt
import re

from theodoi.domain import Block, Header
from theodoi.vietnamese import fold, is_upper

from .issuer_names import LEVEL, UPPER, infer_issuer, issuer_from_lines, name_case, place_of, speaker
from .signature import recipients, signature

KINDS = [
    "Thông báo kết luận", "Nghị quyết liên tịch", "Thông tư liên tịch", "Nghị quyết", "Quyết định",
    "Chỉ thị", "Kết luận", "Thông báo", "Kế hoạch", "Báo cáo", "Chương trình", "Công văn", "Hướng dẫn",
    "Quy định", "Quy chế", "Tờ trình", "Công điện", "Thông tri", "Đề án", "Phương án", "Thông cáo",
    "Thông tư", "Nghị định", "Pháp lệnh", "Luật", "Biên bản", "Giấy mời", "Lời kêu gọi", "Quy hoạch",
]
KIND_CODES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "KL": "Kết luận", "TB": "Thông báo",
    "KH": "Kế hoạch", "BC": "Báo cáo", "CTR": "Chương trình", "HD": "Hướng dẫn", "QYĐ": "Quy định",
    "QĐI": "Quy định", "QC": "Quy chế", "TTR": "Tờ trình", "CĐ": "Công điện", "NĐ": "Nghị định",
    "TT": "Thông tư", "CV": "Công văn", "ĐA": "Đề án", "PA": "Phương án", "TC": "Thông cáo",
    "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch", "GM": "Giấy mời", "BB": "Biên bản",
}
_SEPARATOR = re.compile(r"^[\s\-–—_*=.…]*$")
_NATIONAL = re.compile(r"CỘNG\s*H[OÒ][ÀA]\s*X[AÃ]\s*H[OỘ]I|Độc\s*lập\s*[-–]\s*Tự\s*do|ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM")
# the same formulas with tones lost (OCR, typed without a Vietnamese keyboard), on the folded line
_NATIONAL_FOLDED = re.compile(r"cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia|doc\s*lap\s*[-–~]\s*tu\s*do")
_YEARS_ONLY = re.compile(r"^\(?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\)?$")
_WEEKDAY = re.compile(r"^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)$", re.IGNORECASE)
_NUMBER = re.compile(r"(?:^|\b)(?:[\w ]{0,20}\s)?[Ss]ố\s*(?:hiệu)?\s*[:.]?\s*(?P<num>\d[^\s,;]*(?:\s*[-/]\s*[^\s,;]+)*)")
_DATE = re.compile(r"(?:(?P<place>[^\n,:;]{2,40}),\s*)?ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
                   re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(?P<place>[^\n,:;\d]{2,40}),\s*ngày\b")  # the day left blank or unreadable
_NUMERIC_DATE = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})"
_BODY_LINE = re.compile(
    r"^(?:Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|"
    r"Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ban Chấp hành|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Bộ trưởng|"
    r"Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ)\b", re.IGNORECASE)
_TITLE_STOP = re.compile(
    r"^(?:Căn cứ|Kính gửi|Thực hiện|Theo|Xét|\(?\s*(?:Ban hành\s+)?[Kk]èm theo|Điều\s+\d|QUYẾT NGHỊ|QUYẾT ĐỊNH\s*:|"
    r"CHỈ THỊ\s*:|KHÓA\b|KHOÁ\b|Khóa\b|Khoá\b|KỲ HỌP|Kỳ họp|Nơi nhận|I[.\-]\s|1[.\-]\s|Ngày\s+\d)")
_OPEN_ENDING = re.compile(r"\b(?:số|ngày|của|về|và|tại|theo)\s*:?$", re.IGNORECASE)
_TITLE_OPENING = re.compile(r"^Thực hiện\b")  # "KẾ HOẠCH / Thực hiện Nghị quyết số ...": a trích yếu
_OWNER = re.compile(
    r"^của\s+(?P<body>(?:Ban Chấp hành|Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Ban cán sự đảng|Đảng đoàn|"
    r"Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    r"Huyện ủy|Huyện uỷ)\b[^,;.]{0,80}?)(?:\s+(?P<rest>(?:về|V/v)\b.*))?$", re.IGNORECASE)
_ISSUED_WITH = re.compile(
    r"kèm theo\s+(?P<kind>" + "|".join(KINDS) + r"|văn bản)\s+(?:số\s*:?\s*)?(?P<num>\d+[^\s,;)]*|/[^\s,;)]+)"
    r"(?:\s+ngày\s+(?:(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})|"
    r"(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})))?", re.IGNORECASE)
_ADOPTED = re.compile(
    r"thông qua(?:\s+(?:tại|trong)\s+[^.;]{0,80}?)?\s+ngày\s+(?:(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+"
    r"(?P<y>\d{4})|" + _NUMERIC_DATE.replace("P<d>", "P<d2>").replace("P<m>", "P<m2>").replace("P<y>", "P<y2>") + ")",
    re.IGNORECASE)
def _date(d, m, y) -> dt.date | None:
    try:
        value = dt.date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None
    return value if 1945 <= value.year <= 2100 else None


def _norm_number(raw: str) -> str:
    number = re.sub(r"\s*([/\-–])\s*", r"\1", raw.strip()).replace("–", "-")
    return number.rstrip(".:;,)")


def _national(line: str) -> bool:
    """Whether the line holds the quốc hiệu or tiêu ngữ (or the Party's name line), tones kept or lost."""
    return bool(_NATIONAL.search(line) or _NATIONAL_FOLDED.search(fold(line)))


def _motto_split(line: str) -> list[str]:
    """An issuer line run into the quốc hiệu with one space (OCR of two columns): two parts."""
    m = _NATIONAL_FOLDED.search(fold(line))
    if m and m.start() > 3 and is_upper(line[:m.start()]):
        return [line[:m.start()].strip(), line[m.start():].strip()]
    return []


def _split_columns(lines: list[str]) -> list[str]:
    """Header lines above the kind line holding two columns side by side (a tab, 2+ spaces, or
    two table cells ' | ') become two lines, left column first. Lines from the kind line on
    (task tables among them) stay as they are."""
    end = next((i for i, line in enumerate(lines) if _kind_of(line)), len(lines))
    left, right, out = [], [], []
    for i, line in enumerate(lines[:end]):
        parts = [p.strip() for p in re.split(r"\t+|\s{2,}(?![/\-–]|tháng\b|năm\b)", line.strip()) if p.strip()]
        parts = parts if len(parts) >= 2 or i > 1 else _motto_split(line.strip())
        cells = [p.strip() for p in line.split(" | ") if p.strip()]
        if len(parts) < 2 and len(cells) == 2:
            parts = cells
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(" ".join(parts[1:]))
        else:
            out.append(line.strip())
    head = left + right + out if left else out
    return head + [line.strip() for line in lines[end:]]


def _kind_of(line: str, first_line: bool = False) -> tuple[str, str] | None:
    """(kind, rest of the line) when the line is a document's kind line."""
    stripped = line.strip().lstrip("#*").strip()
    for kind in KINDS:
        n = len(kind)
        head = stripped[:n]
        if head.lower() != kind.lower():
            continue
        rest = stripped[n:]
        if rest and rest[0].isalnum():
            continue
        rest = rest.strip(" :")
        if head == kind.upper():
            return kind, rest
        if first_line and head[0].isupper() and (not rest or rest[0].islower()):
            return kind, rest
    return None


def _runs_on(previous: str, line: str) -> bool:
    """Whether `line` continues a wrapped title: it starts in lower case, or the line before
    stops on a word that needs what follows ('... Chỉ thị số' / '08/CT-UBND ngày ...'), or it
    holds only a period of years ('GIAI ĐOẠN' / '2026 - 2030')."""
    return line[:1].islower() or bool(_OPEN_ENDING.search(previous)) and not is_upper(line) \
        or bool(_YEARS_ONLY.match(line))


def parse_header(text: str, blocks: list[Block] | None = None) -> Header:
    """The formal parts of the document in `text`; fields the text does not state are None."""
    header = Header()
    lines = [line for line in text.split("\n")]
    nonempty = [line.strip() for line in lines if line.strip()]
    head_zone = _split_columns(nonempty[:30])
    kind_index = None
    title_lines: list[str] = []
    for i, line in enumerate(head_zone):
        if _TITLE_STOP.match(line) and kind_index is None and i > 0 and not is_upper(line):
            break
        found = _kind_of(line, first_line=(line == nonempty[0].strip()))
        if found and not line.lower().startswith(("nghị quyết số", "quyết định số")):
            header.kind, rest = found
            kind_index = i
            if header.kind == "Chương trình":  # "CHƯƠNG TRÌNH HÀNH ĐỘNG": the kind's own words, not the title
                rest = re.sub(r"^HÀNH\s+ĐỘNG\b\s*:?\s*", "", rest)
            if rest:
                title_lines.append(rest)
            break
    before = head_zone[:kind_index] if kind_index is not None else head_zone[:12]
    has_formal_header = any(_national(line) for line in before) or any(
        re.match(r"^(?:[\w ]{0,20}\s)?Số\s*:?\s*\d", line) for line in before)
    # number, place and date
    for line in before:
        m = _NUMBER.search(re.sub(r"\s*([/\-–])\s*", r"\1", line))
        if m and header.number is None and "/" in m.group("num") and (
                line.startswith("Số") or re.match(r"^[\w ]{0,20}\s[Ss]ố\s*:", line)):
            header.number = _norm_number(m.group("num"))
        m = _DATE.search(line) or _PLACE_DATE.search(line)
        if m and header.date is None and header.place is None:
            if m.re is _DATE:
                header.date = _date(m.group("d"), m.group("m"), m.group("y"))
            place = (m.group("place") or "").strip(" .")
            if re.search(r"\d", place):  # "Số: 330/TB-VPCP Hà Nội, ngày ...": both columns on one line
                place = re.sub(r"^.*\d\S*\s*", "", place)
            if place and not re.search(r"\d|Số", place) and not _WEEKDAY.match(place):
                header.place = place
    # issuer: the upper-case name lines above the first separator, number or quốc hiệu line
    if has_formal_header:
        name_lines = []
        for line in before:
            if _national(line) or _SEPARATOR.match(line) or re.match(r"^(?:[\w ]{0,20}\s)?Số\b", line) \
                    or _DATE.search(line) or line.startswith(("V/v", "v/v", "Về việc")):
                if name_lines:
                    break
                continue
            if is_upper(line):
                name_lines.append(line.strip(" *"))
            elif name_lines:
                break
        header.issuer, header.parent_issuer = issuer_from_lines(name_lines)
        vv = next((i for i, line in enumerate(before) if re.match(r"^(?:V/v|v/v|Về việc|V/V)\b", line)), None)
        if header.kind is None and vv is not None:
            header.kind = "Công văn"
            subject = [before[vv]]
            for line in before[vv + 1:]:
                if _runs_on(subject[-1], line):
                    subject.append(line)
                else:
                    break
            title_lines = [re.sub(r"^(?:V/v|v/v|V/V)\s*", "Về việc ", " ".join(subject))]
    # title
    after = head_zone[kind_index + 1:] if kind_index is not None else []
    title_end = 0
    if kind_index is not None:
        for j, line in enumerate(after[:8]):
            if header.kind == "Chương trình" and not title_lines and re.fullmatch(r"HÀNH\s+ĐỘNG\s*:?", line):
                title_end = j + 1
                continue
            opens_title = not title_lines and _TITLE_OPENING.match(line) and not line.rstrip().endswith(":")
            if (_TITLE_STOP.match(line) and not opens_title) or _SEPARATOR.match(line) or _national(line):
                break
            if _BODY_LINE.match(line) and (title_lines or j) and not (title_lines and title_lines[-1].endswith(",")):
                break  # the body that issues, below the title ("QUYẾT NGHỊ" formula); not a title's listed body
            if title_lines:
                joined = " ".join(title_lines)
                if is_upper(joined) != is_upper(line) and not _runs_on(joined, line):
                    break
                if not is_upper(joined) and not _runs_on(joined, line):
                    break
            title_lines.append(line)
            title_end = j + 1
        if header.kind == "Thông báo" and title_lines and fold(title_lines[0]).startswith("ket luan"):
            header.kind = "Thông báo kết luận"
            title_lines[0] = title_lines[0][len("kết luận"):].strip()  # the kind's own words, not the title
    elif not has_formal_header and nonempty:
        first = nonempty[0].lstrip("#* ").strip()
        if len(first) <= 220 and not re.search(r"[.:;]$", first) and not first.startswith("(") and not _TITLE_STOP.match(first) \
                and not re.match(r"^(?:Ngày|Sáng|Chiều|Tối)\s+\d", first) and len(nonempty) > 1:
            header.title = first
    if title_lines:
        header.title = " ".join(" ".join(title_lines).split()).strip(" :")
        if header.kind == "Công điện":  # "... tài sản / THỦ TƯỚNG CHÍNH PHỦ điện:": the formula, not the title
            header.title = re.sub(rf"\s+[{UPPER}][{UPPER}\s]+\s+điện\s*:?$", "", header.title)
        owner = _OWNER.match(header.title)
        if owner:  # "NGHỊ QUYẾT / của Ban Chấp hành Đảng bộ tỉnh / về ...": that body issued it
            header.parent_issuer = header.parent_issuer or header.issuer
            body = owner.group("body")
            place = place_of(header.issuer or "")
            if place and re.search(rf"(?:\b{LEVEL}|\b(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ))$", body):
                body = f"{body} {place}"
            header.issuer = body
            header.title = owner.group("rest") or None
    # headerless documents: number/date from annexes and adoption lines, issuer from the text
    if header.kind is None and not has_formal_header and nonempty and re.match(r"^Kính\s+gửi\b", nonempty[0]):
        header.kind = "Công văn"  # a letter copied from "Kính gửi" on: no kind line, recipients first
    if header.kind and not has_formal_header:
        if header.issuer is None:
            for line in after[title_end:title_end + 2]:
                if _BODY_LINE.match(line) and len(line.split()) <= 12 and not line.rstrip().endswith((".", ";")):
                    header.issuer = name_case(line.strip(" ,"))
                    break
        if header.issuer is None:
            header.issuer = infer_issuer(text, header.title)
    if header.issuer is None and not has_formal_header:
        opening = nonempty[1] if len(nonempty) > 1 and header.title and nonempty[0].lstrip("#* ") == header.title \
            else (nonempty[0] if nonempty else "")
        header.issuer = speaker(opening)
    # "kèm theo": just below the title it names the parent document; later, an annex of this one
    for m in _ISSUED_WITH.finditer(text):
        near_top = m.start() < len("\n".join(nonempty[:(kind_index or 0) + title_end + 6]))
        kind = next((k for k in KINDS if k.lower() == m.group("kind").lower()), "Công văn")  # "văn bản số"
        if near_top and kind != header.kind and header.issued_with is None:
            header.issued_with = _norm_number(m.group("num"))
        elif not near_top and kind == header.kind:
            if header.number is None:
                header.number = _norm_number(m.group("num"))
            if header.date is None:
                header.date = _date(m.group("d") or m.group("d2"), m.group("m") or m.group("m2"),
                                    m.group("y") or m.group("y2"))
    if header.date is None and header.kind in ("Nghị quyết", "Nghị quyết liên tịch", "Luật", "Pháp lệnh"):
        adopted = list(_ADOPTED.finditer(text))
        if adopted:
            m = adopted[-1]
            header.date = _date(m.group("d") or m.group("d2"), m.group("m") or m.group("m2"),
                                m.group("y") or m.group("y2"))
    if header.kind is None and header.number and has_formal_header:
        code = re.search(r"(?:\d/|-)(?P<code>[A-Za-zĐđ]+)(?:[-/])", header.number)
        header.kind = KIND_CODES.get(code.group("code").upper()) if code else None
        if header.kind is None and re.match(r"^\d+/[A-ZĐ]", header.number):
            header.kind = "Công văn"
    header.signer_authority, header.signer_title, header.signer = signature(nonempty)
    header.recipients = recipients(lines)
    return header
