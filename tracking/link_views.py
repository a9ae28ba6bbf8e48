"""The links of tracking/links.py (`document_links`) arranged for reading: one document's
relations both ways as a timeline, and the citations whose document is not stored yet.

A timeline follows resolved links in both directions up to TIMELINE_DEPTH steps from the
document (a directive → the plans carrying it out → the reports on those plans), and orders
the documents by issue date; documents of the same day go in the order of the follow-up
chain (directive, plan, urging letter, report), undated ones last.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from theodoi.tracking.links import PLAN_KINDS, REPORT_KINDS, URGING_KINDS, number_key

TIMELINE_DEPTH = 2
STAGES = ("directive", "plan", "urging", "report")


def stage(side: dict) -> str:
    """Where a document stands in the follow-up chain, by its kind."""
    kind = side.get("kind") or ""
    if kind in REPORT_KINDS:
        return "report"
    if kind in URGING_KINDS:
        return "urging"
    if kind in PLAN_KINDS:
        return "plan"
    return "directive"


@dataclass
class TimelineEntry:
    """A document on the timeline, with the links that put it there (each a record of
    `document_links` touching it and a document nearer the start)."""

    document: dict
    steps: int  # 0 for the document itself
    links: list[dict] = field(default_factory=list)

    @property
    def stage(self) -> str:
        return stage(self.document)


def timeline(records: list[dict], document_id: int, depth: int = TIMELINE_DEPTH) -> list[TimelineEntry]:
    """The documents linked to `document_id` (both ways, up to `depth` links away), with the
    document itself, ordered by date, then stage, then id."""
    around: dict[int, list[dict]] = {}
    sides: dict[int, dict] = {}
    for record in records:
        if not record["to"]["resolved"] or record["from"]["id"] == record["to"]["id"]:
            continue
        for one, other in ((record["from"], record["to"]), (record["to"], record["from"])):
            around.setdefault(one["id"], []).append(record)
            sides[one["id"]] = one
    if document_id not in sides:
        return []
    entries = {document_id: TimelineEntry(sides[document_id], 0)}
    queue = deque([document_id])
    while queue:
        current = queue.popleft()
        if entries[current].steps >= depth:
            continue
        for record in around.get(current, []):
            other = record["to"] if record["from"]["id"] == current else record["from"]
            entry = entries.get(other["id"])
            if entry is None:
                entry = entries[other["id"]] = TimelineEntry(other, entries[current].steps + 1)
                queue.append(other["id"])
            if entry.steps > entries[current].steps and record not in entry.links:
                entry.links.append(record)
    return sorted(entries.values(), key=lambda e: (e.document["date"] is None, e.document["date"] or "",
                                                   STAGES.index(e.stage), e.document["id"]))


@dataclass
class MissingDocument:
    """A document cited but not stored: what the citations say of it, and who cites it."""

    number: str
    kind: str | None
    date: str | None
    issuer: str | None
    citing: list[dict] = field(default_factory=list)  # records of document_links


def unresolved(records: list[dict], document_id: int | None = None) -> list[MissingDocument]:
    """The documents named by unresolved links (of one citing document, or of all), one per
    number, the most cited first."""
    missing: dict[str, MissingDocument] = {}
    for record in records:
        target = record["to"]
        if target["resolved"] or (document_id is not None and record["from"]["id"] != document_id):
            continue
        found = missing.setdefault(number_key(target["number"]), MissingDocument(
            target["number"], target["kind"], target["date"], target["issuer"]))
        found.kind, found.date, found.issuer = (found.kind or target["kind"], found.date or target["date"],
                                                found.issuer or target["issuer"])
        found.citing.append(record)
    return sorted(missing.values(), key=lambda m: (-len({r["from"]["id"] for r in m.citing}), m.number))
