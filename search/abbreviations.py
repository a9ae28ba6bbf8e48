"""Agency abbreviations, derived from the nlp gazetteer: "UBND" ↔ "Ủy ban nhân dân".

Each gazetteer alias is compared with its canonical name token by token (folded); the
tokens they share at either end are dropped and what is left is a pair of spellings of
the same thing: ("ubnd",) ↔ ("uy", "ban", "nhan", "dan"), ("tt", "tt") ↔ ("thong",
"tin", "va", "truyen", "thong"). The query builder looks these up in both directions.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from theodoi.nlp.agencies import canonical, load_agencies
from theodoi.search.analysis import folded_tokens
from theodoi.vietnamese import compare_key

Spelling = tuple[str, ...]


def _core_pair(alias: Spelling, full: Spelling) -> tuple[Spelling, Spelling] | None:
    start = 0
    while start < min(len(alias), len(full)) and alias[start] == full[start]:
        start += 1
    end = 0
    while (end < min(len(alias), len(full)) - start
           and alias[len(alias) - 1 - end] == full[len(full) - 1 - end]):
        end += 1
    core_alias, core_full = alias[start:len(alias) - end], full[start:len(full) - end]
    if not core_alias or not core_full or core_alias == core_full or _is_syllable_like(core_alias):
        return None
    return core_alias, core_full


def _is_syllable_like(spelling: Spelling) -> bool:
    """A one-token abbreviation that folds to a common syllable ("TU" for Tỉnh ủy reads
    as từ/tư/tự once folded): expanding it would flood every query with noise."""
    return len(spelling) == 1 and len(spelling[0]) <= 2 and any(ch in "aeiouy" for ch in spelling[0])


@lru_cache(maxsize=1)
def spellings() -> dict[Spelling, frozenset[Spelling]]:
    """Folded token sequence → its other spellings (abbreviated or written out)."""
    table: dict[Spelling, set[Spelling]] = {}
    for agency in load_agencies():
        full = tuple(folded_tokens(agency.canonical))
        for alias in agency.aliases:
            pair = _core_pair(tuple(folded_tokens(alias)), full)
            if pair is None:
                continue
            short, long = pair
            table.setdefault(short, set()).add(long)
            table.setdefault(long, set()).add(short)
    return {key: frozenset(value) for key, value in table.items()}


@lru_cache(maxsize=1)
def longest_spelling() -> int:
    """The most tokens any spelling has."""
    return max((len(key) for key in spellings()), default=1)


def table_fingerprint() -> str:
    """A short hash of the abbreviation table (part of the index version)."""
    return hashlib.sha256(repr(sorted((k, sorted(v)) for k, v in spellings().items())).encode()).hexdigest()[:16]


@lru_cache(maxsize=10_000)
def agency_keys(name: str) -> frozenset[str]:
    """The normalised keys a body's name is filed under: as written and canonical
    ("UBND tỉnh Long An" → "ubnd tỉnh long an", "ủy ban nhân dân tỉnh long an"); cached,
    as the same few bodies lead most tasks."""
    keys = {compare_key(name)}
    written_out = canonical(name)
    if written_out:
        keys.add(compare_key(written_out))
    keys.discard("")
    return frozenset(keys)
