"""Figures reached for a directive's targets, read from a report.

"Tỷ lệ dịch vụ công trực tuyến mức độ 4 đến nay đạt 85%" is recorded against the target
"trên 90% dịch vụ công trực tuyến mức độ 4": a figure counts for a target when its unit
is the target's ("%" right after the number, else the first word of the unit) and the
sentence carries most of the target's wording: its indicator, or its own text without the
goal's framing ("Phấn đấu đến năm 2025 có 100% ..."), whichever fits better. A rank
("xếp thứ 12/63 tỉnh") counts for a rank target ("thuộc nhóm 15 tỉnh dẫn đầu") only.
Figures that restate a goal ("phấn đấu", "mục tiêu", "trên 90%" earlier in their clause;
"Về các mục tiêu:" only names the topic) or are fractions and dates (5/9, 12/63) are not
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
from theodoi.tracking.wording import coverage, syllables
from theodoi.vietnamese import compare_key

INDICATOR_THRESHOLD = 0.5
MIN_WORDING_SYLLABLES = 2  # a target's framing-free text with fewer words than its unit's says too little
RANK_UNIT = "#rank"
_FIGURE = re.compile(r"(?<![\d/.,])(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/])\s*(?P<after>%|[^\W\d]+)?")
_RANK = re.compile(r"\b(?:xếp|đứng|xếp hạng)\s+(?:thứ|hạng|vị trí)\s+(?:thứ\s+)?(?P<number>\d{1,3})(?![\d,.]\d)", re.I)
_RANK_TARGET = re.compile(r"\b(?:nhóm|top)\s+\d+\b[^.;]{0,40}?(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất)"
                          r"|\btop\s+\d+|\bxếp (?:thứ|hạng)|\bthứ hạng", re.I)
_RANK_WORDS = re.compile(r"\b(?:thuộc |trong |vào )?(?:nhóm|top)\b|\b(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất|xếp thứ"
                         r"|xếp hạng|thứ hạng)\b", re.I)
_GOAL_WORDS = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu (?:đề ra|giao)|kế hoạch đề ra|\bkế hoạch là\b", re.I)
_GOAL_FRAMING = re.compile(rf"{_GOAL_WORDS.pattern}|(?:đến|trong|vào|giai đoạn)?\s*(?:năm|giai đoạn)\s+\d{{4}}"
                           r"(?:\s*-\s*\d{4})?|\b(?:trên|dưới|khoảng|tối thiểu|ít nhất|không quá|không dưới)\b"
                           r"|\d+(?:[.,]\d+)*\s*%?", re.I)
_TOPIC_LEAD = re.compile(r"^\s*(?:về|đối với)\b[^:;]{0,80}:", re.I)  # "Về các mục tiêu:" names what follows
_NOW = re.compile(r"đến nay|hiện nay|hiện có|đã đạt|ước (?:đạt|thực hiện)|thực hiện được|kết quả", re.I)
_COMPARATOR_BEFORE = re.compile(r"(?:trên|dưới|khoảng|tối thiểu|ít nhất|không quá|không dưới|từ)\s*$", re.I)
_SENTENCES = re.compile(r"(?<=[.;])\s+")


@dataclass
class Figure:
    """A number in a sentence with the word after it (RANK_UNIT for a rank)."""

    value: float
    unit_word: str
    text: str
    start: int


def _states_goal(before: str) -> bool:
    """Whether the clause before a figure frames it as a goal ("Mục tiêu đến năm 2025: 90%"),
    not as what was reached ("Mục tiêu 90%, đến nay đạt 85%")."""
    clause = _TOPIC_LEAD.sub("", before.split(";")[-1])
    goals = list(_GOAL_WORDS.finditer(clause))
    return bool(goals) and not _NOW.search(clause[goals[-1].end():])


def figures(sentence: str) -> list[Figure]:
    """The numbers of a sentence that may be achievements (not goals, fractions or dates), and
    the ranks it states."""
    out = [Figure(float(m.group("number")), RANK_UNIT, m.group(0), m.start()) for m in _RANK.finditer(sentence)
           if not _states_goal(sentence[:m.start()])]
    for m in _FIGURE.finditer(sentence):
        before = sentence[:m.start()]
        if _COMPARATOR_BEFORE.search(before) or _states_goal(before):
            continue
        value = parse_number(m.group("number"))
        if value is None:
            continue
        out.append(Figure(float(value), compare_key(m.group("after") or ""), m.group(0).strip(), m.start()))
    return out


def _unit_fits(target: Target, figure: Figure) -> bool:
    if _RANK_TARGET.search(target.text):
        return figure.unit_word == RANK_UNIT
    unit = compare_key(target.unit).split()
    if target.unit.strip().startswith("%"):
        return figure.unit_word == "%"
    return bool(unit) and figure.unit_word == unit[0]


def target_wording(target: Target) -> str:
    """The target's text without its goal framing: "Phấn đấu đến năm 2025 có 100% chi bộ ..."
    → "có chi bộ ..."; "thuộc nhóm 15 tỉnh dẫn đầu" → "tỉnh"."""
    return _RANK_WORDS.sub(" ", _GOAL_FRAMING.sub(" ", target.text))


def wording_fit(target: Target, sentence: str) -> float:
    """How much of the target's wording the sentence carries (its indicator or its own text)."""
    fit = coverage(target.indicator, sentence)
    wording = target_wording(target)
    unit = set(syllables(target.unit))
    if len([s for s in syllables(wording) if s not in unit]) >= MIN_WORDING_SYLLABLES:
        fit = max(fit, coverage(wording, sentence))
    return fit


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
            for figure in figures(sentence):
                fitting = [(wording_fit(t, sentence), t.id, t) for t in targets
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
