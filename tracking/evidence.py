"""Evidence from reports: a report's passages matched to the directive's tasks, and the
status words near them recorded as automatic status events.

A report (Báo cáo kết quả thực hiện ..., or a letter that urges) is cut into passages:
a numbered item with the lines that follow it, else one sentence. A passage is matched
to a task of the directive by, in order of weight, a reference to the task's number
("nhiệm vụ số 3", "điểm b khoản 1", see theodoi.tracking.labels; the lettered items under
"1. Đối với các nhiệm vụ tại khoản 1:" refer to 1.a, 1.b, ...), its wording (the share of
the task's syllables found in the passage), the passage's own numbering when it repeats
the directive's, and the lead body named in it. A passage that refers to several numbers
("nội dung 3 và nội dung 4") speaks of each of those tasks.

The first status phrase of the passage gives the status ("đã hoàn thành" → done,
"đang triển khai" → in_progress, "chưa thực hiện" → open, "đã ban hành Kế hoạch số ..."
→ done). A passage that surely names a task but has no status phrase still tells that
work goes on when it reports something done ("đã kiểm tra 46 vụ việc", "tổ chức được 8
lớp") or when the task goes on by nature (a report on "định kỳ hằng quý báo cáo" is a
report of it being done this period): in_progress. For the same reason a recurring or
ongoing task, or a duty to follow and urge ("theo dõi, đôn đốc") with no date to finish
by, is never "done" from a report, only in_progress. Sections that look ahead
("phương hướng", "nhiệm vụ trọng tâm năm 2023", "kiến nghị") are not read for statuses.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from theodoi.nlp.agencies import lookup
from theodoi.nlp.report_prose import opening_date
from theodoi.store import repo
from theodoi.store.models import Document, StatusEvent, Task
from theodoi.tracking.labels import EXACT, label_fit, label_matches, normalize_label, referenced_labels
from theodoi.tracking.status import NO_FIXED_DUE
from theodoi.tracking.wording import coverage, syllables
from theodoi.vietnamese import compare_key

MATCH_THRESHOLD = 0.45  # below this a passage names no task of the directive
MARGIN = 0.05  # the best task must beat the second by this much
STRONG_WORDING = 0.7  # a passage this close in wording names its task as surely as its number
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
# work reported done without a status word: "đã kiểm tra 46 vụ việc", "tổ chức được 8 lớp",
# "đạt 86%" (not "đã được giao", "đã quá hạn", which tell nothing done)
_WORK_DONE = re.compile(r"\bđã (?!(?:được )?giao\b|quá hạn|hết hạn|đề ra|nêu\b)[^\W\d]+(?: [^\W\d]+)?"
                        r"|\b[^\W\d]+ được \d|\bđạt \d", re.I)
_LOOKING_AHEAD = re.compile(r"phương hướng|nhiệm vụ trọng tâm|nhiệm vụ,? giải pháp (?:trong )?(?:thời gian tới|năm)"
                            r"|kiến nghị|đề xuất|thời gian tới|kế hoạch năm \d{4}", re.I)
_SECTION_HEADING = re.compile(r"^\s*(?:[IVX]+\s*[.\-–]|PHẦN\b|Phần\s+(?:thứ|[IVX]))")
_ITEM = re.compile(r"^\s*(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)[.)]|(?P<letter>[a-zđ])\))\s+")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\d\"“(])")


@dataclass
class Passage:
    """A piece of a report that may speak of one task (or of the several it names)."""

    text: str
    label: str | None  # the passage's own numbering ("2", "2.a"), when it has one
    looking_ahead: bool  # in a section about the future (no statuses read there)
    references: set[str] = field(default_factory=set)  # the directive's numbers it refers to


def passages(text: str) -> list[Passage]:
    """The report's passages: numbered items with the lines that continue them (until one ends
    a sentence); elsewhere, sentences. A lettered item under a numbered one that refers to
    one number of the directive ("1. Các nhiệm vụ tại khoản 1:") refers to its lettered point."""
    out: list[Passage] = []
    looking_ahead, top, top_reference = False, None, None
    current: list[str] | None = None
    current_label = None
    inherited: set[str] = set()

    def close() -> None:
        nonlocal current
        if current:
            joined = " ".join(current)
            out.append(Passage(joined, current_label, looking_ahead, referenced_labels(joined) or inherited))
        current = None

    for line in (raw.strip() for raw in text.split("\n")):
        if not line:
            continue
        is_heading = bool(_SECTION_HEADING.match(line)) or (line.isupper() and len(line) < 120)
        if is_heading:
            close()
            looking_ahead = bool(_LOOKING_AHEAD.search(line))
            top = top_reference = None
            continue
        item = _ITEM.match(line)
        if item:
            close()
            inherited = set()
            if item.group("num"):
                top = current_label = item.group("num")
                own = referenced_labels(line)
                top_reference = next(iter(own)) if len(own) == 1 else None
            else:
                current_label = f"{top}.{item.group('letter')}" if top else item.group("letter")
                if top_reference:
                    inherited = {f"{top_reference}.{item.group('letter')}"}
            current = [line[item.end():]]
            continue
        if current is not None and not current[-1].rstrip().endswith((".", "!", "?")) \
                and not line.startswith(("-", "+", "•")):
            current.append(line)  # the item goes on (a wrapped line, or its detail after ":")
            continue
        close()
        out.extend(Passage(s, None, looking_ahead, referenced_labels(s))
                   for s in _SENTENCE_END.split(line) if s.strip())
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


def wording_score(task: Task, passage: Passage) -> float:
    """The share of the task's work wording found in the passage (0 for a task too short to tell)."""
    work = task_work(task)
    return coverage(work, passage.text) if len(syllables(work)) >= MIN_WORK_SYLLABLES else 0.0


def task_score(task: Task, passage: Passage) -> float:
    """How surely `passage` speaks of `task` (see the module docstring for the weights)."""
    score = wording_score(task, passage)
    if passage.references:
        score += REFERENCE_WEIGHT * max(label_fit(task.label, r) for r in passage.references)
    elif label_matches(task.label, passage.label):
        score += OWN_LABEL_WEIGHT
    key = compare_key(passage.text)
    if any(name in key for name in _body_names(task)):
        score += BODY_WEIGHT
    return score


@dataclass
class Match:
    """A task a passage speaks of, and whether the passage names it surely (by its number,
    or in nearly its own words)."""

    task: Task
    sure: bool


def _named(task: Task, passage: Passage) -> bool:
    return any(label_fit(task.label, r) == EXACT for r in passage.references)


def match_tasks(passage: Passage, tasks: list[Task]) -> list[Match]:
    """The tasks of the directive `passage` speaks of: every task of the items it refers to by
    number when that makes several ("nội dung 3 và nội dung 4", or an item nlp read as two
    tasks), else the one best task; none when none or several fit equally."""
    named: list[Task] = []
    for reference in passage.references:
        fits = [t for t in tasks if label_fit(t.label, reference) == EXACT]
        same_item = [t for t in fits if normalize_label(t.label) == normalize_label(reference)]
        for task in same_item if len(same_item) > 1 else fits if len(fits) == 1 else []:
            if task not in named:
                named.append(task)
    if len(named) > 1:
        return [Match(t, True) for t in sorted(named, key=lambda t: t.ordinal)]
    scored = sorted(((task_score(t, passage), t.ordinal, t) for t in tasks), key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < MATCH_THRESHOLD:
        return []
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return []
    best = scored[0][2]
    return [Match(best, _named(best, passage) or wording_score(best, passage) >= STRONG_WORDING)]


_MONITORING = re.compile(r"\b(?:theo dõi|đôn đốc|giám sát)\b", re.I)


def continuing(task: Task) -> bool:
    """Whether a task goes on by its nature: recurring or ongoing, or a duty to follow, urge or
    oversee ("theo dõi, đôn đốc") with no date to finish by."""
    if task.deadline_kind in NO_FIXED_DUE:
        return True
    return task.due is None and bool(_MONITORING.search(task_work(task)))


def passage_status(passage: Passage, match: Match) -> tuple[str, str] | None:
    """(status, note) the passage gives its task, or None when it tells nothing of its status."""
    recurs = continuing(match.task)
    found = read_status(passage.text)
    if found is not None:
        status, phrase = found
        if status == "done" and recurs:
            return "in_progress", f"«{phrase}»; nhiệm vụ thường xuyên, định kỳ: vẫn đang thực hiện"
        return status, f"«{phrase}»"
    if not match.sure:
        return None
    work = _WORK_DONE.search(passage.text)
    if work:
        return "in_progress", f"«{work.group(0)}»: có kết quả, chưa nêu hoàn thành"
    if recurs:
        return "in_progress", "nhiệm vụ thường xuyên, định kỳ được báo cáo trong kỳ"
    return None


def _event_time(report: Document, passage: Passage | None = None) -> dt.datetime:
    """When the progress happened: the date the passage opens with ("Ngày 31/3/2025, Sở ... đã
    ban hành ..."), else the report's date, else now."""
    day = opening_date(passage.text) if passage is not None else None
    if day is not None and (report.date is None or day <= report.date):
        return dt.datetime.combine(day, dt.time())
    if report.date:
        return dt.datetime.combine(report.date, dt.time())
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def record_evidence(session: Session, report: Document, directive: Document) -> list[StatusEvent]:
    """Read `report` for the status of `directive`'s tasks; append an automatic status event
    per task it speaks of (the report as evidence, the passage quoted, at the report's date),
    and mark the directive "index pending" when any was added. Running it twice on the same
    pair adds nothing."""
    tasks = list(session.scalars(select(Task).where(Task.document_id == directive.id, Task.removed_at.is_(None))
                                 .order_by(Task.ordinal)))
    if not tasks:
        return []
    already = set(session.scalars(select(StatusEvent.task_id).where(
        StatusEvent.evidence_document_id == report.id, StatusEvent.source == "auto")))
    events = []
    for passage in passages(report.text):
        if passage.looking_ahead:
            continue
        for match in match_tasks(passage, tasks):
            if match.task.id in already:
                continue
            found = passage_status(passage, match)
            if found is None:
                continue
            status, note = found
            events.append(repo.add_status_event(
                session, match.task, status=status, source="auto", note=note,
                evidence_document_id=report.id, passage=passage.text, at=_event_time(report, passage)))
            already.add(match.task.id)
    if events:  # the directive's task statuses changed: its search entry must follow
        repo.set_index_state(session, [directive.id], "pending")
    return events
