"""Word 97-2003 (.doc) through antiword, then catdoc, then LibreOffice headless."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from theodoi.config import Settings
from theodoi.domain import IngestError

from ..base import ParseResult, Parser
from ..layout import join_wrapped_lines, text_and_tables, typical_width
from .docx import DocxParser


def _unzip_header(lines: list[str]) -> list[str]:
    """antiword prints the two header columns on one line, 2+ spaces apart: left column first."""
    left, right, rest_start = [], [], 0
    for i, line in enumerate(lines[:12]):
        stripped = line.strip()
        if not stripped:
            continue
        parts = [p for p in re.split(r"\t+|\s{2,}", stripped) if p.strip()]
        if len(parts) >= 2 and len(line) - len(line.lstrip()) < 8:
            left.append(parts[0].strip())
            right.append(" ".join(p.strip() for p in parts[1:]))
            rest_start = i + 1
        elif left:
            break
    return left + right + lines[rest_start:] if left else lines


def _unzip_signature(lines: list[str]) -> list[str]:
    """From 'Nơi nhận' on, antiword prints the recipients and the signature block side by side
    (a tab or 2+ spaces apart); lines indented far hold the signature alone. Recipients come
    first, then the signature block (authority, title, name)."""
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*Nơi\s*nhận", line)), None)
    if start is None:
        return lines
    left, right = [], []
    for line in lines[start:start + 40]:
        parts = [p.strip() for p in re.split(r"\t+|\s{2,}", line.strip()) if p.strip()]
        indent = len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(" ".join(parts[1:]))
        elif parts and indent >= 16:
            right.append(parts[0])
        else:
            left.append(line)
    if not right:
        return lines
    return lines[:start] + left + right + lines[start + 40:]


def _run(cmd: list[str], timeout: int = 60) -> str | None:
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = out.stdout.decode("utf-8", errors="replace")
    return text if out.returncode == 0 and text.strip() else None


class WordDocParser(Parser):
    NAME = "word97"
    VERSION = 1
    EXTENSIONS = ("doc",)
    MIME_TYPES = ("application/msword",)

    def parse(self, path: Path, settings: Settings) -> ParseResult:
        tried = []
        if shutil.which("antiword"):
            tried.append("antiword")
            text = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)])
            if text:
                return self._from_text(text)
        if shutil.which("catdoc"):
            tried.append("catdoc")
            text = _run(["catdoc", "-d", "utf-8", "-w", str(path)])
            if text:
                return self._from_text(text)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            tried.append("LibreOffice")
            with tempfile.TemporaryDirectory() as tmp:
                profile = Path(tmp, "profile").as_uri()
                _run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                      "--outdir", tmp, str(path)], timeout=180)
                converted = Path(tmp, path.stem + ".docx")
                if converted.exists():
                    return DocxParser().parse(converted, settings)
        if not tried:
            raise IngestError("converter_missing", "reading Word 97 .doc files needs antiword, catdoc "
                              "or LibreOffice, and none is installed", str(path))
        raise IngestError("corrupt_file", f"{', '.join(tried)} could not read this .doc file",
                          str(path))

    @staticmethod
    def _from_text(text: str) -> ParseResult:
        lines = _unzip_signature(_unzip_header(text.replace("\r", "").split("\n")))
        width = typical_width(lines)
        blocks = text_and_tables(lines, lambda text: join_wrapped_lines(text, width))
        return ParseResult(blocks=blocks)
