"""Guess a file's type from its first bytes (magic numbers), falling back on nothing."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EDXML = "application/vnd.edxml+xml"  # an XML package of QCVN 102:2016 (its namespace in the first bytes)
EDXML_NAMESPACE = b"http://www.mic.gov.vn/TBT/QCVN_102_2016"


def sniff(path: Path) -> str | None:
    """The MIME type that the content shows, or None when the bytes say nothing clear."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    return _sniff(head, lambda: zipfile.ZipFile(path))


def sniff_bytes(data: bytes) -> str | None:
    """`sniff` for a file held in memory (an attachment of a package)."""
    return _sniff(data[:2048], lambda: zipfile.ZipFile(io.BytesIO(data)))


def _sniff(head: bytes, open_zip) -> str | None:
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with open_zip() as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "application/zip"
        return DOCX if "word/document.xml" in names else "application/zip"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and EDXML_NAMESPACE in head:
        return EDXML
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/msword"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head.startswith(b"{\\rtf"):
        return "application/rtf"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (lowered.startswith(b"<") and b"<html" in lowered):
        return "text/html"
    if head and _texty(head):
        return "text/plain"
    return None


def _texty(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if head.count(b"\x00") > len(head) // 4:  # UTF-16 without a mark
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    return controls <= len(head) // 100
