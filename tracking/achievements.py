"""Figures reached for a directive's targets, read from a report.

"Tỷ lệ dịch vụ công trực tuyến mức độ 4 đến nay đạt 85%" is recorded against the target
"trên 90% dịch vụ công trực tuyến mức độ 4": a figure counts for a target when its unit
is the target's ("%" right after the number, else the first word of the unit) and the
sentence carries most of the target's indicator wording. Figures that restate a goal
("phấn đấu", "mục tiêu", "trên 90%") or are fractions and dates (5/9, 12/63) are not
achievements. They go to the `target_progress` table, one row per (target, report).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.nlp.numbers import parse_number
from theodoi.store.models import Document, Target, TargetProgress
from theodoi.tracking.evidence import passages
from theodoi.tracking.wording import coverage
from theodoi.vietnamese import compare_key

INDICATOR_THRESHOLD = 0.5
_FIGURE = re.compile(r"(?<![\d/.,])(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/])\s*(?P<after>%|[^\W\d]+)?")
_GOAL_WORDS = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu (?:đề ra|giao)|kế hoạch đề ra|\bkế hoạch là\b", re.I)
_COMPARATOR_BEFORE = re.compile(r"(?:trên|dưới|khoảng|tối thiểu|ít nhất|không quá|không dưới|từ)\s*$", re.I)
_SENTENCES = re.compile(r"(?<=[.;])\s+")


@dataclass
class Figure:
    """A number in a sentence with the word after it."""

    value: float
    unit_word: str
    text: str


def figures(sentence: str) -> list[Figure]:
    """The numbers of a sentence that may be achievements (not goals, fractions or dates)."""
    out = []
    for m in _FIGURE.finditer(sentence):
        if _COMPARATOR_BEFORE.search(sentence[:m.start()]):
            continue
        value = parse_number(m.group("number"))
        if value is None:
            continue
        out.append(Figure(float(value), compare_key(m.group("after") or ""), m.group(0).strip()))
    return out


def _unit_fits(target: Target, figure: Figure) -> bool:
    unit = compare_key(target.unit).split()
    if target.unit.strip().startswith("%"):
        return figure.unit_word == "%"
    return bool(unit) and figure.unit_word == unit[0]


def record_achievements(session: Session, report: Document, directive: Document) -> list[TargetProgress]:
    """Record the figures `report` gives for `directive`'s targets; twice adds nothing."""
    targets = list(session.scalars(select(Target).where(Target.document_id == directive.id)))
    if not targets:
        return []
    done = set(session.scalars(select(TargetProgress.target_id).where(
        TargetProgress.evidence_document_id == report.id)))
    recorded = []
    for passage in passages(report.text):
        if passage.looking_ahead:
            continue
        for sentence in _SENTENCES.split(passage.text):
            if _GOAL_WORDS.search(sentence):
                continue
            for figure in figures(sentence):
                fitting = [(coverage(t.indicator, sentence), t.id, t) for t in targets
                           if t.id not in done and _unit_fits(t, figure)]
                fitting = [f for f in fitting if f[0] >= INDICATOR_THRESHOLD]
                if not fitting:
                    continue
                _, _, target = max(fitting, key=lambda f: (f[0], -f[1]))
                progress = TargetProgress(target=target, value=figure.value, unit=target.unit, text=figure.text,
                                          passage=sentence, evidence_document_id=report.id,
                                          as_of=report.date, source="auto")
                session.add(progress)
                recorded.append(progress)
                done.add(target.id)
    session.flush()
    return recorded
