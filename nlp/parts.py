"""Long texts in parts: spaCy refuses a text longer than `max_length` (1,000,000 characters), and
a document of any length must still be read. The text is cut at paragraph breaks into parts of
at most PART_CHARS, each part is run through the pipeline with its own layout blocks, and what
was found is shifted back to offsets into the whole text."""
from __future__ import annotations

import dataclasses

from theodoi.domain import Block

PART_CHARS = 200_000  # well under spaCy's max_length; a dense page is ~3,000 characters


def split_points(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of parts of at most `size` characters, cut after a blank line, else after a
    line break, else after a space, else anywhere."""
    parts, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((i + len(sep) for sep in ("\n\n", "\n", " ") if (i := window.rfind(sep)) > size // 2), size)
        parts.append((start, start + cut))
        start += cut
    parts.append((start, len(text)))
    return parts


def blocks_within(blocks: list[Block], start: int, end: int) -> list[Block]:
    """The blocks that lie in [start, end), with offsets relative to `start`."""
    return [dataclasses.replace(b, start=b.start - start, end=b.end - start)
            for b in blocks if b.start >= start and b.end <= end]


def shifted(found, offset: int):
    """A copy of a found item (task, target, citation, and what they hold) with every
    `start`/`end` moved by `offset`."""
    if isinstance(found, list):
        return [shifted(item, offset) for item in found]
    if not dataclasses.is_dataclass(found):
        return found
    changes = {}
    for field in dataclasses.fields(found):
        value = getattr(found, field.name)
        if field.name in ("start", "end") and isinstance(value, int):
            changes[field.name] = value + offset
        elif isinstance(value, list) or dataclasses.is_dataclass(value):
            changes[field.name] = shifted(value, offset)
    return dataclasses.replace(found, **changes)
