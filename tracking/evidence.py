"""Evidence from reports: a report's passages matched to the directive's tasks, and the
status words near them recorded as automatic status events.

A report (Báo cáo kết quả thực hiện ..., or a letter that urges) is cut into passages:
a numbered item with the lines that follow it, else one sentence. A passage is matched
to a task of the directive by, in order of weight, a reference to the task's number
("nhiệm vụ số 3", "mục 2.a"), its wording (the share of the task's syllables found in
the passage), the passage's own numbering when it repeats the directive's, and the lead
body named in it. The first status phrase of the passage gives the status
("đã hoàn thành" → done, "đang triển khai" → in_progress, "chưa thực hiện" → open,
"đã ban hành Kế hoạch số ..." → done). Sections that look ahead ("phương hướng",
"nhiệm vụ trọng tâm năm 2023", "kiến nghị") are not read for statuses.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.nlp.agencies import lookup
from theodoi.store import repo
from theodoi.store.models import Document, StatusEvent, Task
from theodoi.tracking.wording import coverage, syllables
from theodoi.vietnamese import compare_key

MATCH_THRESHOLD = 0.45  # below this a passage names no task of the directive
MARGIN = 0.05  # the best task must beat the second by this much
REFERENCE_WEIGHT = 1.0
OWN_LABEL_WEIGHT = 0.15
BODY_WEIGHT = 0.1
MIN_WORK_SYLLABLES = 3  # a shorter task ("Tổ chức thực hiện") cannot be told by its wording

_DOC = r"(?:kế hoạch|quyết định|chương trình|nghị quyết|chỉ thị|đề án|quy chế|quy định|hướng dẫn|văn bản|công văn)"
# (status, pattern) — at one position the longer phrase wins: "chưa hoàn thành" before "hoàn thành"
STATUS_PHRASES: tuple[tuple[str, str], ...] = (
    ("open", r"chưa (?:được )?(?:thực hiện|triển khai|ban hành|xây dựng|trình|tổ chức|bắt đầu)"),
    ("in_progress", r"chưa hoàn thành|chưa xong"),
    ("cancelled", r"(?:không|dừng|ngừng) (?:tiếp tục )?(?:thực hiện|triển khai)|đã (?:hủy|huỷ) bỏ"),
    ("superseded", r"(?:đã )?được thay thế bằng|được điều chỉnh thay thế"),
    ("in_progress", r"đang (?:được |tiếp tục |khẩn trương )?(?:triển khai|thực hiện|xây dựng|hoàn thiện|tổ chức"
                    r"|rà soát|lấy ý kiến|trình|nghiên cứu|soạn thảo|chuẩn bị)"
                    r"|tiếp tục (?:triển khai|thực hiện)|(?:được )?thực hiện thường xuyên"),
    ("done", rf"(?:đã|cơ bản đã) hoàn thành|hoàn thành xong|đã thực hiện xong|hoàn thành (?:chậm|quá hạn)"
             rf"|đã (?:ban hành|phê duyệt|được phê duyệt)(?: [^.;]{{0,40}}?)? {_DOC}"
             rf"|{_DOC}[^.;]{{0,40}}? đã được (?:ban hành|phê duyệt)"),
)
_STATUS = re.compile("|".join(f"(?P<s{i}>{p})" for i, (_, p) in enumerate(STATUS_PHRASES)), re.I)
# "đã hoàn thành ... tại 5/9 huyện": part of the work (a fraction, not a date or a symbol)
_PARTIAL_AFTER = re.compile(r"^[^.;]{0,30}?(?:(?<![/\d])\d{1,3}\s*/\s*(?!(?:19|20)\d\d)\d{1,3}(?![/\d])|một phần|bước đầu)",
                            re.I)
_LOOKING_AHEAD = re.compile(r"phương hướng|nhiệm vụ trọng tâm|nhiệm vụ,? giải pháp (?:trong )?(?:thời gian tới|năm)"
                            r"|kiến nghị|đề xuất|thời gian tới|kế hoạch năm \d{4}", re.I)
_SECTION_HEADING = re.compile(r"^\s*(?:[IVX]+\s*[.\-–]|PHẦN\b|Phần\s+(?:thứ|[IVX]))")
_ITEM = re.compile(r"^\s*(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)[.)]|(?P<letter>[a-zđ])\))\s+")
_REFERENCE = re.compile(
    r"(?:nhiệm vụ|mục|điểm|khoản|nội dung)\s+(?:số\s+)?(?P<label>\d{1,2}(?:\.\d{1,2})*(?:\.?[a-zđ])?|[a-zđ])(?![\w/])",
    re.I)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\d\"“(])")


@dataclass
class Passage:
    """A piece of a report that may speak of one task."""

    text: str
    label: str | None  # the passage's own numbering ("2", "2.a"), when it has one
    looking_ahead: bool  # in a section about the future (no statuses read there)


def normalize_label(label: str | None) -> str | None:
    """A task label compared loosely: "2.a)" / "2a" / "2. a" → "2.a"; "III.1." → "iii.1"."""
    if not label:
        return None
    key = re.sub(r"[\s)]+", "", label.lower()).strip(".")
    return re.sub(r"(?<=\d)(?=[a-zđ]$)", ".", key)


def passages(text: str) -> list[Passage]:
    """The report's passages: numbered items with the lines that continue them (until one ends
    a sentence); elsewhere, sentences."""
    out: list[Passage] = []
    looking_ahead, top = False, None
    current: list[str] | None = None
    current_label = None

    def close() -> None:
        nonlocal current
        if current:
            out.append(Passage(" ".join(current), current_label, looking_ahead))
        current = None

    for line in (raw.strip() for raw in text.split("\n")):
        if not line:
            continue
        is_heading = bool(_SECTION_HEADING.match(line)) or (line.isupper() and len(line) < 120)
        if is_heading:
            close()
            looking_ahead = bool(_LOOKING_AHEAD.search(line))
            top = None
            continue
        item = _ITEM.match(line)
        if item:
            close()
            if item.group("num"):
                top = item.group("num")
                current_label = top
            else:
                current_label = f"{top}.{item.group('letter')}" if top else item.group("letter")
            current = [line[item.end():]]
            continue
        if current is not None and not current[-1].rstrip().endswith((".", "!", "?")) \
                and not line.startswith(("-", "+", "•")):
            current.append(line)  # the item goes on (a wrapped line, or its detail after ":")
            continue
        close()
        out.extend(Passage(s, None, looking_ahead) for s in _SENTENCE_END.split(line) if s.strip())
    close()
    return out


def read_status(text: str) -> tuple[str, str] | None:
    """The status the first status phrase of `text` states, with the phrase; None if none."""
    for m in _STATUS.finditer(text):
        index = int(m.lastgroup[1:])
        status = STATUS_PHRASES[index][0]
        if status == "done" and "hoàn thành" in m.group(0).lower() and _PARTIAL_AFTER.match(text[m.end():]):
            status = "in_progress"
        return status, m.group(0)
    return None


def referenced_labels(text: str) -> set[str]:
    """Task numbers a passage refers to: "(nhiệm vụ số 3)", "tại mục 2.a" → {"3", "2.a"}."""
    return {normalize_label(m.group("label")) for m in _REFERENCE.finditer(text)}


def label_matches(task_label: str | None, wanted: str | None) -> bool:
    """Whether a task's label is the number a text refers to ("2.a" is "2a"; "III.1" is "1"
    only when written with a Roman section)."""
    task_key, wanted = normalize_label(task_label), normalize_label(wanted)
    if not task_key or not wanted:
        return False
    return task_key == wanted or task_key.endswith("." + wanted) and not re.match(r"^\d", task_key)


def _body_names(task: Task) -> set[str]:
    names: set[str] = set()
    for body in task.lead:
        if body.is_group:
            continue
        names.update({body.text, body.canonical or ""})
        agency = lookup(body.canonical or body.text)
        if agency:
            names.update(agency.names)
    return {compare_key(n) for n in names if len(n) > 3}


_ASSIGNMENT_WORDS = re.compile(r"\b(?:giao|chủ trì|phối hợp(?: với)?|hoàn thành|thực hiện)\b", re.I)


def task_work(task: Task) -> str:
    """The work a task names: its text without its bodies, its deadline and the words of the
    assignment ("chủ trì, phối hợp", "hoàn thành"), which a report does not repeat."""
    text = task.text
    for piece in [b.text for b in task.bodies] + [task.deadline_text or ""]:
        if piece:
            text = text.replace(piece, " ")
    return _ASSIGNMENT_WORDS.sub(" ", text)


def task_score(task: Task, passage: Passage, references: set[str]) -> float:
    """How surely `passage` speaks of `task` (see the module docstring for the weights)."""
    work = task_work(task)
    score = coverage(work, passage.text) if len(syllables(work)) >= MIN_WORK_SYLLABLES else 0.0
    if any(label_matches(task.label, r) for r in references):
        score += REFERENCE_WEIGHT
    elif not references and label_matches(task.label, passage.label):
        score += OWN_LABEL_WEIGHT
    key = compare_key(passage.text)
    if any(name in key for name in _body_names(task)):
        score += BODY_WEIGHT
    return score


def match_task(passage: Passage, tasks: list[Task]) -> Task | None:
    """The task of the directive `passage` speaks of, or None when none or several fit."""
    references = referenced_labels(passage.text)
    scored = sorted(((task_score(t, passage, references), t.ordinal, t) for t in tasks),
                    key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < MATCH_THRESHOLD:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    return scored[0][2]


def _event_time(report: Document) -> dt.datetime:
    if report.date:
        return dt.datetime.combine(report.date, dt.time())
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def record_evidence(session: Session, report: Document, directive: Document) -> list[StatusEvent]:
    """Read `report` for the status of `directive`'s tasks; append an automatic status event
    per task it speaks of (the report as evidence, the passage quoted, at the report's date).
    Running it twice on the same pair adds nothing."""
    tasks = list(session.scalars(select(Task).where(Task.document_id == directive.id).order_by(Task.ordinal)))
    if not tasks:
        return []
    already = set(session.scalars(select(StatusEvent.task_id).where(
        StatusEvent.evidence_document_id == report.id, StatusEvent.source == "auto")))
    events = []
    for passage in passages(report.text):
        if passage.looking_ahead:
            continue
        found = read_status(passage.text)
        if found is None:
            continue
        task = match_task(passage, tasks)
        if task is None or task.id in already:
            continue
        status, phrase = found
        events.append(repo.add_status_event(
            session, task, status=status, source="auto", note=f"«{phrase}»",
            evidence_document_id=report.id, passage=passage.text, at=_event_time(report)))
        already.add(task.id)
    return events
