"""Pages saved from legal portals: the official text inside the page, and the portal's box.

A portal page (HTML, or its text or markdown capture) wraps the official text in site text:
menus, copyright and login notices, a metadata box of labelled fields (Số hiệu, Loại văn
bản, Nơi/Cơ quan ban hành, Người ký, Ngày ban hành, Ngày hiệu lực, Tình trạng ...), often a
summary the portal wrote, a caption repeating the document's kind, number and title
("<Loại> <Số hiệu> <trích yếu> do <cơ quan> ban hành") and lists of related documents.

`official_text(blocks)` finds the box (three or more of its labels close together), keeps
the blocks from the official text's first header line (quốc hiệu, "Số:", "Kính gửi") to the
first piece of site text after it, and returns the box's values. `fill_header` takes the box
as a second source: it fills what the official text lacks and warns where the two disagree.
Pages without a box are left as they are.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from theodoi.domain import Header
from theodoi.vietnamese import clean_text, fold

from .header import KINDS
from .layout import RawBlock

_FIELDS = {  # label (folded) → header field it fills
    "so hieu": "number", "so ky hieu": "number", "ky hieu": "number",
    "loai van ban": "kind", "noi ban hanh": "issuer", "co quan ban hanh": "issuer",
    "nguoi ky": "signer", "ngay ban hanh": "date",
}
_OTHER_LABELS = ("ngay hieu luc", "ngay co hieu luc", "ngay cong bao", "ngay dang cong bao", "so cong bao",
                 "tinh trang", "tinh trang hieu luc", "ngay het hieu luc", "linh vuc", "nganh", "ap dung",
                 "chuc danh", "nguon thu thap", "pham vi", "cap nhat")
_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^:|]{1,30}?)\s*(?::\s*(?P<value>.*)|$)")  # a cell may hold the label alone
_PLACEHOLDER = re.compile(r"^(?:đã biết|đang cập nhật|chưa (?:có|xác định|cập nhật)|không (?:có|xác định)|"
                          r"còn hiệu lực|hết hiệu lực|văn bản khác|\W*)$", re.IGNORECASE)
_QUICK_LABEL = re.compile(r"(?i)(?:số hiệu|số ký hiệu|loại văn bản|nơi ban hành|cơ quan ban hành|người ký|"
                          r"ngày ban hành)(?:\W{0,4}:|[ \t]*(?:\n|$))")
_HEADER_CUE = re.compile(r"CỘNG\s*H[OÒ][ÀA]\s*X[AÃ]\s*H[OỘ]I|ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM|^Số\s*:?\s*\d|"
                         r"^Kính\s+gửi\b")
_SITE_TEXT = re.compile(
    r"^(?:#+\s*)?(?:Văn bản liên quan|Các văn bản liên quan|Thuộc tính|Văn bản này chưa cập nhật|Lược đồ|Tải văn bản|"
    r"Tải về|Văn bản gốc|Bài viết liên quan|Tin liên quan|Xem thêm|Đăng nhập|Bản quyền|Copyright|"
    r"Nội dung sửa đổi|NỘI DUNG SỬA ĐỔI|FILE ĐƯỢC ĐÍNH KÈM)\b", re.IGNORECASE)
_SIGNATURE_END = re.compile(r"^Nơi\s+nhận\b|^(?:TM|KT|TL|TUQ)\.|^T/M\b|^K/T\b")
_DMY = re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})")
_SYMBOL = re.compile(r"^\d+[\w.]*(?:[/-][\wĐđ.&]+)+$")
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*$")


@dataclass
class PortalPage:
    """What the page says about the document besides its official text."""

    blocks: list[RawBlock]
    box: dict[str, str] = field(default_factory=dict)  # header field → value as the portal prints it
    caption_title: str | None = None
    caption_issuer: str | None = None


def _items(blocks: list[RawBlock]) -> list[tuple[int, str]]:
    """(block index, text) of every paragraph and table cell, in reading order."""
    out = []
    for i, block in enumerate(blocks):
        if block.rows is not None:
            out.extend((i, clean_text(cell).strip()) for row in block.rows for cell in row if cell.strip())
        else:
            out.extend((i, line) for line in (clean_text(block.text).strip(),) if line)
    return out


def _label(text: str) -> tuple[str, str] | None:
    """(folded label, value after the colon) for a box label, None for other text."""
    m = _LABEL.match(text)
    if not m:
        return None
    key = " ".join(fold(m.group("label")).lower().split())
    return (key, (m.group("value") or "").strip()) if key in _FIELDS or key in _OTHER_LABELS else None


def _find_box(items: list[tuple[int, str]]) -> tuple[dict[str, str], int, int] | None:
    """The box's values and its first and last item positions, when 3+ labels stand within 40 items."""
    labels = [(pos, *found) for pos, (_, text) in enumerate(items) if (found := _label(text))]
    for k, (first, _, _) in enumerate(labels):
        cluster = [lab for lab in labels[k:] if lab[0] - first <= 40]
        if len({key for _, key, _ in cluster}) < 3:
            continue
        box, last = {}, first
        for pos, key, value in cluster:
            end = pos
            if not value and pos + 1 < len(items) and not _label(items[pos + 1][1]):
                value, end = items[pos + 1][1], pos + 1
            last = max(last, end)
            if key in _FIELDS and value and not _PLACEHOLDER.match(value):
                box.setdefault(_FIELDS[key], value)
        if _SYMBOL.match(box.get("number", "").replace(" ", "")) or _box_date(box.get("date", "")):
            return box, first, last  # a box states the document; a table's head row of labels does not
    return None


def _header_start(items: list[tuple[int, str]], start: int) -> int | None:
    """Position of the official text's first line at or after `start`: the issuer's name lines
    just above the quốc hiệu, or "Số:", or "Kính gửi"."""
    for pos in range(start, len(items)):
        if _HEADER_CUE.search(items[pos][1]):
            first = pos
            while first - 1 >= start and pos - first < 4 and _upper_or_rule(items[first - 1][1]):
                first -= 1
            return first
    return None


def _upper_or_rule(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return not letters or all(ch.isupper() for ch in letters)


def _caption(items, box: dict[str, str]) -> tuple[int | None, str | None, str | None]:
    """Position, title and issuer of the portal's caption "<kind> <number> <title> do <issuer> ban hành"."""
    kind, number = box.get("kind"), box.get("number")
    if not number:
        return None, None, None
    pattern = re.compile(rf"^(?:{re.escape(kind)}\s+)?{re.escape(number)}\s+(?:(?:năm\s+\d{{4}}|ngày\s+[\d/]+)\s+)?"
                         rf"(?P<title>.+?)\s+do\s+(?P<issuer>.+?)\s+(?:ban hành|điện|ký|gửi)\b" if kind else "$^",
                         re.IGNORECASE)
    for pos in range(len(items)):
        m = pattern.match(items[pos][1])
        if m:
            title = re.sub(r"\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}$", "", m.group("title"))
            return pos, title, m.group("issuer")
    return None, None, None


def official_text(blocks: list[RawBlock]) -> PortalPage | None:
    """The official text of a portal page and what the portal says about it; None when the
    blocks hold no portal box (an ordinary document)."""
    raw = "\n".join(c for b in blocks for c in ([b.text] if b.rows is None else [x for r in b.rows for x in r]))
    if len(_QUICK_LABEL.findall(raw)) < 3:
        return None
    items = _items(blocks)
    found = _find_box(items)
    if found is None:
        return None
    box, box_first, box_last = found
    start = _header_start(items, box_last + 1)
    end_limit = len(items)
    if start is None:  # the box stands below the text
        start = _header_start(items, 0)
        end_limit = box_first
    if start is None:
        return None
    caption_pos, caption_title, caption_issuer = _caption(items, box)
    signed = next((p for p in range(start, end_limit) if _SIGNATURE_END.search(items[p][1])), start)
    ends = [p for p in range(signed, end_limit) if _SITE_TEXT.match(items[p][1])]
    end = min([end_limit] + ends + ([caption_pos] if caption_pos is not None and caption_pos > signed else []))
    first_block, last_block = items[start][0], items[end - 1][0] if end > start else items[start][0]
    return PortalPage(blocks[first_block:last_block + 1], box, caption_title, caption_issuer)


def _box_date(value: str) -> dt.date | None:
    m = _DMY.search(value)
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None
    except ValueError:
        return None


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).lower().replace("-", " ").split()) == " ".join(fold(b).lower().replace("-", " ").split())


def _agree(name: str, text_value, box_value) -> bool:
    if name == "date":
        return text_value == box_value
    if name in ("issuer", "title"):  # the box and caption shorten names and titles
        a, b = (" ".join(fold(str(v)).lower().split()) for v in (text_value, box_value))
        return name == "title" or a in b or b in a
    return _same(str(text_value), str(box_value))


def fill_header(header: Header, page: PortalPage) -> list[str]:
    """Fill the header fields that the official text lacks from the box (and the caption), and
    return a warning for each field where box and text disagree."""
    box = dict(page.box)
    header.box = dict(box)
    if page.caption_issuer:
        box["issuer"] = page.caption_issuer
    candidates = {
        "number": box.get("number") if _SYMBOL.match(box.get("number", "").replace(" ", "")) else None,
        "kind": next((k for k in KINDS if _same(k, box.get("kind", ""))), None),
        "issuer": box.get("issuer"),
        "signer": box.get("signer") if _NAME.match(box.get("signer", "")) else None,
        "date": _box_date(box.get("date", "")),
        "title": page.caption_title,
    }
    warnings = []
    for name, value in candidates.items():
        if value is None:
            continue
        current = getattr(header, name)
        if current is None:
            setattr(header, name, value.replace(" ", "") if name == "number" else value)
        elif not _agree(name, current, value):
            warnings.append(f"portal box and official text disagree on {name}: box '{page.box.get(name, value)}', "
                            f"text '{current}'")
    return warnings
