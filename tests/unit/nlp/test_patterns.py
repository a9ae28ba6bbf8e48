"""The first-character lookaheads in front of the big date and target patterns: each must let
through every character a match of the pattern behind it can start with, or it would hide
matches. The possible first characters are read from the parsed pattern."""
from __future__ import annotations

import re
import re._parser as sre_parse
from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL, MAX_REPEAT,
                           MIN_REPEAT, SUBPATTERN)

import pytest

from theodoi.nlp.target_grammar import TARGET, TARGET_FIRST_CHARS
from theodoi.nlp.dates import DATE_EXPRESSION, DATE_FIRST_CHARS


def _first(items) -> tuple[set, bool]:
    """The first characters (or "digit") a sequence of parsed items can match, and whether it
    can match the empty string."""
    found: set = set()
    for op, av in items:
        chars, empty = _first_of(op, av)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_of(op, av) -> tuple[set, bool]:
    if op is LITERAL:
        return {chr(av)}, False
    if op is IN:
        chars = set()
        for kind, value in av:
            assert kind is LITERAL or (kind is CATEGORY and value is CATEGORY_DIGIT), (kind, value)
            chars.add(chr(value) if kind is LITERAL else "digit")
        return chars, False
    if op is SUBPATTERN:
        return _first(av[-1])
    if op is BRANCH:
        chars, empty = set(), False
        for alternative in av[1]:
            more, can_be_empty = _first(alternative)
            chars, empty = chars | more, empty or can_be_empty
        return chars, empty
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, _, sub = av
        chars, empty = _first(sub)
        return chars, empty or low == 0
    if op in (ASSERT, ASSERT_NOT, AT):  # zero-width
        return set(), True
    raise AssertionError(f"unexpected pattern item {op}")


@pytest.mark.parametrize("pattern, guard", [(DATE_EXPRESSION, DATE_FIRST_CHARS), (TARGET, TARGET_FIRST_CHARS)])
def test_the_lookahead_lets_through_every_first_character(pattern, guard):
    behind = pattern.pattern.removeprefix(guard)
    assert behind != pattern.pattern
    chars, can_be_empty = _first(sre_parse.parse(behind, pattern.flags))
    assert not can_be_empty
    allowed = re.compile(guard, pattern.flags)
    for char in chars:
        assert allowed.match("7" if char == "digit" else char), f"{char!r} is missing from {guard}"
