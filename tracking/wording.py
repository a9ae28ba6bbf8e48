"""Wording overlap between two Vietnamese texts, by syllables.

Vietnamese words are one to three syllables written apart ("chuyển đổi số"), so the
texts are compared on syllables and on pairs of neighbouring syllables: the pairs keep
compounds together ("cơ sở dữ liệu" shares "dữ liệu" but not just "cơ"). Function
syllables (và, các, của, ...) carry no meaning of their own and are left out.
"""
from __future__ import annotations

import re

from theodoi.vietnamese import compare_key

_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)
FUNCTION_SYLLABLES = frozenset("""
và các của cho với trong theo về để được có là những một này đó tại trên từ đến khi đã đang sẽ
chưa cũng như thì mà nhằm hoặc hay bị do vào ra lại nữa rằng việc sự cùng mọi mỗi nhiều ít
""".split())


def syllables(text: str) -> list[str]:
    """The meaningful syllables of `text`, lowercase with tones placed one way, in order."""
    return [s for s in _SYLLABLE.findall(compare_key(text)) if s not in FUNCTION_SYLLABLES]


def _features(text: str) -> set[str]:
    words = syllables(text)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def overlap(a: str, b: str) -> float:
    """How alike two texts are in wording, 0..1 (Dice on syllables and syllable pairs)."""
    fa, fb = _features(a), _features(b)
    if not fa or not fb:
        return 0.0
    return 2 * len(fa & fb) / (len(fa) + len(fb))


def coverage(short: str, long: str) -> float:
    """The share of `short`'s wording found in `long`, 0..1 (a task's words in a passage)."""
    fs, fl = _features(short), _features(long)
    if not fs:
        return 0.0
    return len(fs & fl) / len(fs)
