"""Vietnamese text primitives shared by ingest, nlp and search.

- `clean_text`: what ingest stores: NFC, one tone-placement convention, Đ look-alikes
  and odd spaces fixed, soft hyphens removed.
- `place_tones`: "hoà" → "hòa", "thuỷ" → "thủy" (the traditional placement used by
  Nghị định 30/2020: "Ủy ban"); length-preserving on NFC text.
- `fold`: lowercase without any diacritics, đ → d ("Chuyển đổi số" → "chuyen doi so").
- `compare_key`: lowercase, NFC, tones placed one way: the key for "is this the same word".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")
_LOOKALIKES = str.maketrans({
    "\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ",  # Ð (eth), Ɖ (African D), ð
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
    "\ufeff": None, "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
})
_WORD_SPLIT = re.compile(r"(\w+)")


@lru_cache(maxsize=65536)  # a document's vocabulary is small; most words repeat
def _place_tone_in_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if len(tones) != 1:
        return word
    tone = tones[0]
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    lower = base.lower()
    begin = 0
    if lower.startswith("qu"):
        begin = 2
    elif lower.startswith("gi") and len(lower) > 2 and lower[2] in _VOWELS:
        begin = 2
    positions = [i for i in range(begin, len(lower)) if lower[i] in _VOWELS]
    if not positions:
        positions = [i for i in range(len(lower)) if lower[i] in _VOWELS]
    if not positions:
        return word
    first, last = positions[0], positions[-1]
    if any(lower[i] not in _VOWELS for i in range(first, last + 1)):
        return word  # not one Vietnamese syllable (a name, an abbreviation): leave it
    cluster = list(range(first, last + 1))
    marked = [i for i in cluster if lower[i] in _MARKED_VOWELS]
    has_final = last + 1 < len(lower)
    if marked:
        target = marked[-1]
    elif len(cluster) == 1:
        target = cluster[0]
    elif has_final:
        target = cluster[-1]
    elif len(cluster) == 3:
        target = cluster[1]
    else:
        target = cluster[0]
    out = base[:target] + unicodedata.normalize("NFC", base[target] + tone) + base[target + 1:]
    return out if len(out) == len(word) else word


def place_tones(text: str) -> str:
    """Put every tone mark where the traditional convention puts it ("hoà" → "hòa")."""
    parts = _WORD_SPLIT.split(text)  # the words are at the odd indexes
    parts[1::2] = map(_place_tone_in_word, parts[1::2])
    return "".join(parts)


def clean_text(text: str) -> str:
    """NFC, Đ look-alikes fixed, odd spaces made plain, soft hyphens and BOMs dropped,
    tone marks placed one way, line ends made \\n."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_LOOKALIKES)
    return place_tones(text)


def fold(text: str) -> str:
    """Lowercase with every diacritic removed, đ → d: the diacritic-insensitive form."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def compare_key(text: str) -> str:
    """Lowercase NFC text with tones placed one way and spaces collapsed."""
    return " ".join(place_tones(unicodedata.normalize("NFC", text)).lower().split())


def is_upper(text: str) -> bool:
    """Whether the text is written in capitals (nine letters in ten, so a stray lower-case OCR letter passes)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
