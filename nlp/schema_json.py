"""The extraction as the JSON object of SCHEMA.md (`theodoi extract --json`).

Fields of SCHEMA.md are never renamed; added fields: offsets (`start`, `end`),
`component`, `confidence`, `label`, `lead_canonical`, `support_canonical`, and
`lead_current` (who holds the lead's duties today, after the 2025 mergers); a task's
`status` also carries `date`, the day the passage gives for the progress (or null); a task's
`target` is the index in `targets` of the plan's target it serves (or null; score.py ignores it).
"""
from __future__ import annotations

import datetime as dt

from theodoi.domain import BodyMention, Citation, Deadline, Extraction, ParsedDocument, Progress, Target, Task
from theodoi.nlp.agencies import current_owner


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _deadline(deadline: Deadline | None) -> dict | None:
    if deadline is None:
        return None
    return {"text": deadline.text, "due": _iso(deadline.due), "kind": deadline.kind,
            "start": deadline.start, "end": deadline.end}


def _canonicals(bodies: list[BodyMention]) -> list[str | None]:
    return [b.canonical for b in bodies]


def _status(status: Progress | None) -> dict | None:
    if status is None:
        return None
    return {"value": status.value, "text": status.text, "date": _iso(status.date)}


def task_json(task: Task, targets: list[Target]) -> dict:
    """One task in SCHEMA.md's shape; lead and support as written in the document; `targets`
    are the document's, which the task's `target` indexes."""
    return {
        "text": task.text,
        "lead": [b.text for b in task.lead],
        "support": [b.text for b in task.support],
        "deadline": _deadline(task.deadline),
        "start": task.start,
        "end": task.end,
        "label": task.label,
        "component": task.component,
        "confidence": task.confidence,
        "lead_canonical": _canonicals(task.lead),
        "support_canonical": _canonicals(task.support),
        "lead_current": [current_owner(b.canonical) if b.canonical else None for b in task.lead],
        "status": _status(task.status),
        "source": task.source,
        "target": next((i for i, t in enumerate(targets) if t is task.target), None),
    }


def target_json(target: Target) -> dict:
    return {"text": target.text, "indicator": target.indicator, "comparator": target.comparator,
            "value": target.value, "unit": target.unit, "year": target.year,
            "start": target.start, "end": target.end, "component": target.component,
            "confidence": target.confidence}


def citation_json(citation: Citation) -> dict:
    return {"text": citation.text, "kind": citation.kind, "number": citation.number,
            "date": _iso(citation.date), "issuer": citation.issuer, "relation": citation.relation,
            "start": citation.start, "end": citation.end, "component": citation.component,
            "confidence": citation.confidence}


def to_schema(parsed: ParsedDocument, extraction: Extraction) -> dict:
    """The whole document as SCHEMA.md's JSON object."""
    header = parsed.header
    return {
        "document": {
            "kind": header.kind,
            "number": header.number,
            "issuer": header.issuer,
            "date": _iso(header.date),
            "place": header.place,
            "title": header.title,
            "signer": header.signer,
        },
        "tasks": [task_json(t, extraction.targets) for t in extraction.tasks],
        "targets": [target_json(t) for t in extraction.targets],
        "references": [citation_json(c) for c in extraction.citations],
    }
