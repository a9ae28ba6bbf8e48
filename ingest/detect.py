"""Guess a file's type from its first bytes (magic numbers), falling back on nothing."""
from __future__ import annotations

import zipfile
from pathlib import Path

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def sniff(path: Path) -> str | None:
    """The MIME type that the content shows, or None when the bytes say nothing clear."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "application/zip"
        return DOCX if "word/document.xml" in names else "application/zip"
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
