"""Bytes → str for plain-text files: BOMs, UTF-8, UTF-16, Windows-1258, TCVN3, VNI."""
from __future__ import annotations

import codecs
import re
import unicodedata

from . import legacy

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


class UndecodableText(ValueError):
    """The bytes are not text in any encoding we know."""


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` and return (text, encoding name). Legacy TCVN3/VNI text is converted.

    Raises UndecodableText when no encoding gives readable text."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _finish(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"it starts with a {name} mark but is not {name} ({exc.reason})") from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return _finish(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    latin1 = data.decode("latin-1")
    candidates.append((legacy.vietnamese_score(legacy.tcvn3_to_unicode(latin1)), "tcvn3",
                       legacy.tcvn3_to_unicode(latin1)))
    cp1252 = data.decode("cp1252", errors="replace")
    candidates.append((legacy.vietnamese_score(legacy.vni_to_unicode(cp1252)), "vni",
                       legacy.vni_to_unicode(cp1252)))
    try:
        cp1258 = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((legacy.vietnamese_score(cp1258), "windows-1258", cp1258))
    except UnicodeDecodeError:
        pass
    score, name, text = max(candidates, key=lambda c: c[0])
    if score >= 0.05 and _control_share(text) < 0.01:
        return text, name
    from charset_normalizer import from_bytes  # any other language, last resort

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _control_share(text) < 0.01:
            return text, best.encoding
    raise UndecodableText("it is not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text")


def _finish(text: str, name: str) -> tuple[str, str]:
    if _control_share(text) >= 0.01:
        raise UndecodableText(f"it decodes as {name} but holds binary control characters")
    found = legacy.detect_legacy(text)
    if found:
        return legacy.to_unicode(text, found), f"{name}+{found}"
    return text, name
