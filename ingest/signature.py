"""The signature block at the end of a document (authority, signer's title and name) and the
recipients (Kính gửi, Nơi nhận)."""
from __future__ import annotations

import re

from theodoi.vietnamese import fold, is_upper

_AUTHORITY = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M|K/T|T/L|T\.M\.?|K\.T\.?)\s*(?P<rest>.*)$")
_SIGNER_TITLE = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+BAN|"
    r"TỔNG\s+BÍ\s+THƯ|CHỦ\s+NHIỆM|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|CHÁNH\s+THANH\s+TRA|"
    r"THỨ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG)\b")
_SIGNER_TITLE_FOLDED = re.compile(fold(_SIGNER_TITLE.pattern))


def is_signer_title(line: str) -> bool:
    """'CHỦ TỊCH', 'PHÓ BÍ THƯ THƯỜNG TRỰC' ..., also with a tone misread by OCR ('BÍ THỪ')."""
    return bool(_SIGNER_TITLE.match(line) or is_upper(line) and _SIGNER_TITLE_FOLDED.match(fold(line)))


def _name(line: str) -> str | None:
    """The person's name a signature line holds ('Nguyễn Văn A', 'NGUYỄN VĂN A'), or None."""
    words = line.replace(".", " ").split()
    if _AUTHORITY.match(line):
        return None
    if 2 <= len(words) <= 5 and all(w[0].isupper() and w.isalpha() for w in words):
        if not is_signer_title(line.upper()) and not re.search(r"\b(?:ỦY|BAN|BỘ|SỞ|HỘI|ĐẢNG)\b", line.upper()):
            return " ".join(w.capitalize() for w in words) if is_upper(line) else " ".join(words)
    return None


def _signed_by(tail: list[str], start: int) -> tuple[str | None, str | None]:
    """(signer title, name) in the lines after the authority line at `start`."""
    signer_title = None
    for line in tail[start + 1:start + 14]:
        if is_signer_title(line):
            signer_title = signer_title or line
            continue
        if re.match(r"^(Nơi nhận|Lưu|[-+•(])", line) or is_upper(line) and len(line.split()) > 5:
            continue
        name = _name(line)
        if name:
            return signer_title, name
    return signer_title, None


def signature(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(authority, signer title, signer name) from the last lines of the document: the first
    authority line after "Nơi nhận" that a name follows (an annex below may hold a form with a
    blank signature), else the last one; without one, the name under the recipients' list."""
    received = next((i for i, line in enumerate(lines)  # "Nơi nhận", also as OCR misreads its tones
                     if line[:1] in "Nn" and fold(line[:8]) == "noi nhan"), None)
    window = lines[max(received - 15, 0):received + 40] if received is not None else lines[-80:]
    tail = [line.strip() for line in window if line.strip()]
    starts = [(i, m.group(1)) for i, line in enumerate(tail) if (m := _AUTHORITY.match(line))]
    if not starts:
        titled = [i for i, line in enumerate(tail) if is_signer_title(line) and len(line) < 40]
        starts = [(titled[-1] - 1, None)] if titled else []
    order = starts if received is not None else starts[::-1]
    for start, authority in order:
        signer_title, name = _signed_by(tail, start)
        if name:
            return authority, signer_title, name
    if starts:
        start, authority = starts[-1]
        return (authority, *_signed_by(tail, start))
    kept = next((i for i in range(len(tail) - 1, -1, -1) if re.match(r"^[-+•~]?\s*Lưu\s*:", tail[i])), None)
    if received is not None and kept is not None:  # OCR lost the authority line: the name under the list
        name = next((n for line in tail[kept + 1:kept + 4] if (n := _name(line))), None)
        return None, None, name
    return None, None, None


def recipients(lines: list[str]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines):
        m = re.match(r"^\s*(Kính gửi|Nơi nhận)\s*:?\s*(?P<rest>.*)$", line)
        if not m:
            continue
        if m.group("rest").strip():
            out.append(m.group("rest").strip(" -+;,."))
        for follow in lines[i + 1:i + 40]:
            f = follow.strip()
            if re.match(r"^[-+•]", f):
                out.append(f.lstrip("-+• ").rstrip(";,. "))
            elif f:
                break
    return [r for r in out if r]
