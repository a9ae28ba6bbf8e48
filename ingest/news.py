"""News pages about a document: the headline, and the page furniture that is not the report.

A news report (chinhphu.vn, baochinhphu.vn, nhandan.vn ...) opens with its headline, then a
teaser, a by-line or dateline ("Theo Hoàng Anh | Thứ năm, 15/05/2025 - 08:30", "NDO -",
"(Chinhphu.vn) -"), photo captions ("- Ảnh: VGP/..."), and ends with a source line and a
link. The headline is the title; by-lines, datelines, captions, source and link lines are
dropped so that no task takes them as its lead-in. The document the report is about is the
one its first sentences say was issued ("Thủ tướng Chính phủ vừa ký ban hành Chỉ thị số
14/CT-TTg ..."): `reported_document` gives its number; the page itself has no issuer.
"""
from __future__ import annotations

import re

from .header import KINDS, _kind_of
from .layout import RawBlock

_TIME = r"\d{1,2}[:h]\d{2}"
_FORMAL = re.compile(r"CỘNG\s*H[OÒ][ÀA]\s*X[AÃ]\s*H[OỘ]I|ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM|^Số\s*:?\s*\d", re.IGNORECASE)
_DATELINE = re.compile(
    rf"^[^.]{{0,60}}\d{{1,2}}/\d{{1,2}}/\d{{4}}\s*[-–|,]?\s*{_TIME}\s*(?:\(GMT[^)]*\))?$|"
    rf"^{_TIME}\s*(?:\(GMT[^)]*\))?\s*[,-]?\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}|"
    rf"^(?:Thứ\s+\w+|Chủ\s+nhật),\s*(?:ngày\s+)?\d{{1,2}}/\d{{1,2}}/\d{{4}}|"
    r"^(?:Giờ đăng|Ngày đăng|Cập nhật|Đăng lúc)\s*:?|^(?:Theo|Nguồn|Tác giả|Bài và ảnh|Bài, ảnh)\s*:?\s+[^.,;]{2,40}$|"
    r"^(?:[\w ]{0,25}:\s*)?(?:https?://|www\.)\S+$|^(?:Nội dung chính|Mục lục|Chia sẻ|Bình luận)$", re.IGNORECASE)
_CAPTION = re.compile(r"[-–]\s*(?:Ảnh|Photo)\s*:\s*[^.]{2,60}\.?$")
_AGENCY_PREFIX = re.compile(r"^(?:\((?:[\w.]+\.vn|TTXVN|VGP)\)|[A-ZĐ]{2,6}(?:\.VN)?)\s+[-–]\s+")
_REPORTED = re.compile(
    r"\b(?:vừa|đã)\s+(?:ký\s+)?(?:ban\s+hành|ký)\s+(?P<kind>" + "|".join(k for k in KINDS) + r")\s+(?:số\s+)?"
    r"(?P<number>\d+[\w.]*(?:[/-][\wĐđ.]+)+)", re.IGNORECASE)


def is_news(blocks: list[RawBlock]) -> bool:
    """A headline, then within the next few blocks a by-line, dateline, agency prefix or photo
    caption; never a document with a formal header (quốc hiệu, "Số:", a kind line)."""
    texts = [b.text.strip() for b in blocks[:8] if b.rows is None and b.text.strip()]
    if len(texts) < 3 or len(texts[0]) > 220 or texts[0].endswith((".", ":", ";")):
        return False
    if any(_FORMAL.search(t) or _kind_of(t) for t in texts):
        return False
    return any(_DATELINE.search(t) or _AGENCY_PREFIX.match(t) or _CAPTION.search(t) for t in texts[1:])


def drop_furniture(blocks: list[RawBlock]) -> list[RawBlock]:
    """The report without by-lines, datelines, captions, source and link lines; the headline a heading."""
    out = []
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if block.rows is None and (_DATELINE.search(text) or _CAPTION.search(text) and len(text) < 300):
            continue
        if i == 0:
            block = RawBlock("heading", text, page=block.page)
        elif block.rows is None and _AGENCY_PREFIX.match(text):
            block = RawBlock(block.kind, _AGENCY_PREFIX.sub("", text), page=block.page)
        out.append(block)
    return out


def reported_document(text: str) -> str | None:
    """The number of the document the report says was just issued, from its first sentences."""
    m = _REPORTED.search(text[:1500])
    return m.group("number").rstrip(".,;") if m else None
