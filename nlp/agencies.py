"""The agency gazetteer: canonical names, abbreviations, groups, and the 2025 mergers.

Data lives in `patterns/agencies.jsonl`, one body a line:
`{"canonical": "Sở Thông tin và Truyền thông", "aliases": ["Sở TT&TT", ...], "level": "province"}`
(`"group": true` for collective addressees such as "các sở, ban, ngành").

- `canonical(name)`: "UBND tỉnh Long An" → "Ủy ban nhân dân tỉnh Long An"; None if the
  name does not start with a known body.
- `current_owner(canonical, on=date)`: who holds the body's duties on that date, after the
  mergers of 2025 ("Bộ Kế hoạch và Đầu tư" → "Bộ Tài chính" from 2025-03-01).
- `group_members(name)`: the known bodies a group names ("các sở, ban, ngành" → every Sở).
- `resolve(name)` and `agency_key(name)`: a name as people type it in a filter or an
  account ("so tt&tt", "Sở TT&TT") read into its canonical name, and the one key two
  names of a body are compared on (the gazetteer key with diacritics folded).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from theodoi.vietnamese import compare_key, fold

PATTERNS_FILE = "agencies.jsonl"


@dataclass(frozen=True)
class Agency:
    """One body of the gazetteer."""

    canonical: str
    aliases: tuple[str, ...]
    level: str
    is_group: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that names this body, the canonical one first."""
        return (self.canonical, *self.aliases)


@dataclass(frozen=True)
class Succession:
    """From `since`, the duties of `body` belong to `successor` (merger or renaming)."""

    body: str
    successor: str
    since: dt.date


_MERGED_2025 = dt.date(2025, 3, 1)  # Nghị quyết 176/2025/QH15; the new ministries act from 1/3/2025
SUCCESSIONS: tuple[Succession, ...] = tuple(
    Succession(old, new, _MERGED_2025)
    for level in ("Bộ", "Sở")
    for old, new in (
        ("Kế hoạch và Đầu tư", "Tài chính"),
        ("Thông tin và Truyền thông", "Khoa học và Công nghệ"),
        ("Lao động - Thương binh và Xã hội", "Nội vụ"),
        ("Giao thông vận tải", "Xây dựng"),
        ("Tài nguyên và Môi trường", "Nông nghiệp và Môi trường"),
        ("Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường"),
    )
    for old, new in [(f"{level} {old}", f"{level} {new}")]
) + (Succession("Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo", _MERGED_2025),)


@lru_cache(maxsize=1)
def load_agencies() -> tuple[Agency, ...]:
    """Read the gazetteer shipped with the package."""
    text = resources.files("theodoi.nlp").joinpath("patterns", PATTERNS_FILE).read_text(encoding="utf-8")
    agencies = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            agencies.append(Agency(row["canonical"], tuple(row.get("aliases", ())),
                                   row.get("level", ""), bool(row.get("group", False))))
    return tuple(agencies)


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, Agency]:
    index: dict[str, Agency] = {}
    for agency in load_agencies():
        for name in agency.names:
            index.setdefault(_key(name), agency)
    return index


def _key(name: str) -> str:
    return compare_key(name.replace("–", "-").replace("—", "-"))  # compare_key places tones: Uỷ ≡ Ủy


def lookup(name: str) -> Agency | None:
    """The gazetteer entry spelt exactly `name` (any alias, any case), or None."""
    return _alias_index().get(_key(name))


@lru_cache(maxsize=10_000)
def canonical(name: str) -> str | None:
    """The canonical name of a body as written: the longest gazetteer alias that starts
    the name, written out, followed by the rest as written ("UBND tỉnh Long An" →
    "Ủy ban nhân dân tỉnh Long An"). None when no known body starts the name. Cached: a
    document names the same few bodies over and over."""
    words = name.strip().strip(",;:.").split()
    for cut in range(len(words), 0, -1):
        agency = lookup(" ".join(words[:cut]))
        if agency is not None:
            rest = " ".join(words[cut:])
            return f"{agency.canonical} {rest}".strip()
    return None


# A group covers the gazetteer's bodies of a kind: "các sở, ban, ngành" every provincial Sở,
# "các bộ, ngành" every ministry. Other words of a group ("ban", "ngành", "đơn vị") name
# bodies the gazetteer cannot list, so they add no members.
GROUP_HEADS = {"sở": ("province", "Sở "), "bộ": ("central", "Bộ ")}


def group_members(name: str) -> tuple[str, ...]:
    """The canonical names of the known bodies a group covers; () for a name that is not a
    group of a kind the gazetteer lists."""
    words = {word.strip(",;:.") for word in compare_key(name).split()}
    if "các" not in words and not (lookup(name) and lookup(name).is_group):
        return ()
    members = []
    for head, (level, prefix) in GROUP_HEADS.items():
        if head in words:
            members += [a.canonical for a in load_agencies()
                        if a.level == level and not a.is_group and a.canonical.startswith(prefix)]
    return tuple(members)


def current_owner(canonical_name: str, on: dt.date | None = None) -> str:
    """Who carries the duties of `canonical_name` on date `on` (today when None),
    following the succession table through chains of mergers."""
    return _owner_on(canonical_name, on or dt.date.today())


@lru_cache(maxsize=10_000)
def _owner_on(canonical_name: str, on: dt.date) -> str:
    """`current_owner` on a given day; cached: a listing asks it for every task's bodies."""
    name, seen = canonical_name, set()
    while name not in seen:
        seen.add(name)
        for step in SUCCESSIONS:
            if _key(step.body) == _key(name) and on >= step.since:
                name = step.successor
                break
        else:
            break
    return name


def agency_key(name: str) -> str:
    """The key two names of the same body compare equal on: the gazetteer key with
    diacritics folded ("Sở Tư pháp" and "so tu phap" give "so tu phap")."""
    return fold(_key(name))


@lru_cache(maxsize=1)
def _folded_alias_index() -> dict[str, Agency]:
    index: dict[str, Agency] = {}
    for agency in load_agencies():
        for name in agency.names:
            index.setdefault(agency_key(name), agency)
    return index


def resolve(name: str) -> str | None:
    """The canonical name of a body as a person types it: `canonical(name)`, else the same
    longest-alias reading on folded keys, for names typed without diacritics
    ("so tt&tt tinh Long An" → "Sở Thông tin và Truyền thông tinh Long An"). None when no
    known body starts the name."""
    found = canonical(name)
    if found:
        return found
    words = name.strip().strip(",;:.").split()
    for cut in range(len(words), 0, -1):
        agency = _folded_alias_index().get(agency_key(" ".join(words[:cut])))
        if agency is not None:
            return f"{agency.canonical} {' '.join(words[cut:])}".strip()
    return None


def related_bodies(canonical_name: str, on: dt.date | None = None) -> list[str]:
    """The bodies whose duties `canonical_name` holds on `on` (merged into it), and the body
    that holds its own duties when it was merged into another: the other names under which
    its tasks were given."""
    on = on or dt.date.today()
    key = _key(current_owner(canonical_name, on))
    names = {step.body for step in SUCCESSIONS if _key(current_owner(step.body, on)) == key}
    names.add(current_owner(canonical_name, on))
    return sorted(name for name in names if _key(name) != _key(canonical_name))
