"""Progress stated in prose: the sentences of a report (or of a letter that urges) that say
what became of tasks. Four shapes, each a general rule:

- a list after a progress phrase: "đã hoàn thành một số nội dung như A; B; C" → A, B and C,
  each with that status;
- a finished submission or issue: "Bộ X đã trình Chính phủ dự thảo Nghị định ...; trình
  Quốc hội ..." → one task per clause, from its verb, done;
- an unfinished duty: "UBND tỉnh Y chưa thực hiện việc rà soát, báo cáo ..." → the work after
  "chưa thực hiện (việc | thao tác | công tác)", not_done (overdue once its due date passed);
- a quoted assignment: "tại Thông báo số 12/TB-VPCP ..., ... giao “Các bộ ... rà soát ...
  trước ngày 20/9/2025”" → the quoted duty with `source` the cited number, its status from the
  sentences that follow it up to the next document cited ("chỉ ghi nhận 616/898 ..." in
  progress, "vẫn chưa ..." overdue after its due date). An unfinished duty stated after the
  quote, with no other document cited between, has the same source.

A sentence "Trong đó, <work>" with no progress phrase of its own takes the one of the
sentence before ("việc triển khai đang được triển khai tích cực. Trong đó, chuẩn bị ...").
A sentence that opens with its date ("Ngày 31/3/2025, Bộ ... đã ban hành ...") gives that
date to the status it states.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from theodoi.domain import Deadline, Progress
from theodoi.nlp.components.citations import KINDS
from theodoi.nlp.dates import find_deadlines, pick_deadline
from theodoi.nlp.progress import read_progress, stated_date

QUOTE_WINDOW = 1500  # how far after a quoted assignment its outcome may be told
_KIND = "|".join(re.escape(k) for k in KINDS)
_SYMBOL = r"\d{1,5}[a-zđ]?\s*[/-]\s*[\wĐđ]+(?:[/-][\wĐđ&]+){0,3}"
_QUOTED = re.compile(
    rf"(?:tại|theo)\s+(?P<kind>{_KIND})\s+(?:số\s+)?(?P<num>{_SYMBOL})[^“”\"]{{0,400}}?\bgiao\s*:?\s*[*_]*\s*[“\"]"
    r"(?P<quote>[^”\"]{10,1500})[”\"]", re.I)
_ANY_CITATION = re.compile(rf"(?:{_KIND})\s+(?:số\s+)?{_SYMBOL}", re.I)
_LIST_AFTER = re.compile(r"^\s*(?:[^\W\d]+\s+){0,4}?(?:như|gồm|bao gồm|là)\s*:?\s+|^\s*:\s*", re.I)
_SUBMITTED = re.compile(r"\bđã\s+(?P<verb>trình|ban hành|phê duyệt)\s+"
                        r"(?=(?:[^\W\d]+\s+){0,5}?(?:dự thảo|luật|nghị quyết|nghị định|quyết định|kế hoạch|đề án"
                        r"|chương trình|thông tư|chỉ thị|quy định|quy chế|báo cáo|tờ trình)\b)", re.I)
_UNFINISHED_DUTY = re.compile(r"\bchưa\s+(?:thực hiện|triển khai|hoàn thành)\s+(?:(?:việc|thao tác|công tác)\s+)?"
                              r"(?=[^\W\d])", re.I)
# a phrase that reports progress in prose (not "tiếp tục thực hiện ...", which asks for more)
_REPORTED = re.compile(r"^(?:đã|đang|chưa|vẫn|hiện|còn|hoàn thành|quá hạn|chậm|trễ|chỉ|mới|được|cơ bản)\b", re.I)
_IN_WHICH = re.compile(r"^\W*trong\s+đó\s*,\s*", re.I)
_OPENING_DATE = re.compile(r"^[\W_]*(?:vào\s+)?(?=[Nn]gày\s+\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[*_”\"]*\s+(?=[*_“\"]*[A-ZĐÀ-Ỹ])|\n[ \t]*\n|\n[ \t]*\|[ \t]*\n")


@dataclass
class Statement:
    """A task read from a progress sentence, before it becomes a `Task`."""

    start: int
    end: int
    status: Progress
    source: str | None = None
    deadline: Deadline | None = None
    subject_start: int = -1  # where the bodies named before the duty start (a quote's opening)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of `text`: split at a full stop before a capital, at
    blank lines and at table cell separators."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n*_“\"-–,;:":
        start += 1
    while end > start and text[end - 1] in " \t\n*_”\".;,:":
        end -= 1
    return start, end


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a list separated by ";" (trimmed), within text[start:end]."""
    out, pos = [], start
    for m in re.finditer(r";", text[start:end]):
        out.append(_trim(text, pos, start + m.start()))
        pos = start + m.end()
    out.append(_trim(text, pos, end))
    return [(s, e) for s, e in out if len(text[s:e].split()) >= 3]


def opening_date(sentence: str) -> dt.date | None:
    """The date a sentence opens with ("Ngày 31/3/2025, Bộ ... đã ban hành"), or None."""
    m = _OPENING_DATE.match(sentence)
    return stated_date(sentence[m.end():m.end() + 40]) if m else None


def _deadline_in(deadlines: list[Deadline], start: int, end: int) -> Deadline | None:
    return next((d for d in deadlines if d.start is not None and start <= d.start < end), None)


def _own_deadline(text: str, start: int, end: int) -> Deadline | None:
    """The deadline a quoted assignment set, read as of its own time (it may be past today)."""
    found = pick_deadline(find_deadlines(text[start:end]))
    if found is None or found.start is None:
        return found
    return Deadline(found.text, found.kind, found.due, found.start + start, found.end + start)


def _quoted(text: str, as_of: dt.date | None, deadlines: list[Deadline]) -> list[tuple[Statement, int]]:
    """Quoted assignments with their status; each with where its window of follow-up ends."""
    out = []
    matches = list(_QUOTED.finditer(text))
    for i, m in enumerate(matches):
        q_start, q_end = _trim(text, m.start("quote"), m.end("quote"))
        window_end = min(matches[i + 1].start() if i + 1 < len(matches) else len(text), q_end + QUOTE_WINDOW)
        later = _ANY_CITATION.search(text, m.end(), window_end)
        window_end = later.start() if later else window_end
        deadline = _deadline_in(deadlines, q_start, q_end) or _own_deadline(text, q_start, q_end)
        found = read_progress(text[m.end():window_end], deadline.due if deadline else None, as_of)
        if found is None:
            continue
        if deadline is not None and deadline.start is not None and deadline.start > q_start:
            q_end = _trim(text, q_start, deadline.start)[1]
        out.append((Statement(q_start, q_end, Progress(*found), m.group("num"), deadline), window_end))
    return out


def _subject_end(text: str, start: int, end: int, is_action) -> int:
    """Where the duty in a quote starts: after the bodies it names first ("Các Bộ, cơ quan và
    địa phương liên quan chủ động rà soát ..." → "chủ động rà soát ...")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, w in enumerate(words[:25]):
        rest = [x.group(0).lower().strip(",.;:*") for x in words[i:i + 4]]
        if i and is_action(rest):
            return start + w.start()
    return start


def statements(text: str, as_of: dt.date | None, deadlines: list[Deadline], is_action,
               report: bool = True) -> list[Statement]:
    """Every task with a stated progress in the prose of `text` (see the module docstring).
    `is_action(words)` tells whether lowercase words open an action ("chủ động rà soát").
    Outside a report, an issue or approval stated done is the news of it, not a task's
    progress: only a submission ("đã trình") is read there."""
    out: list[Statement] = []
    quoted = _quoted(text, as_of, deadlines)
    for statement, _ in quoted:
        statement.subject_start = statement.start
        statement.start = _subject_end(text, statement.start, statement.end, is_action)
        out.append(statement)
    previous: Progress | None = None
    for s, e in sentences(text):
        sentence = text[s:e]
        if sentence.count("|") > 2:
            continue
        when = opening_date(sentence)
        source = next((st.source for st, window_end in quoted if st.end < s < window_end), None)
        found = read_progress(sentence, None, as_of)
        if found is not None and not _REPORTED.match(found[1]):
            found = None
        if found is None:
            inside = _IN_WHICH.match(sentence)
            if inside and previous is not None:
                a, b = _trim(text, s + inside.end(), e)
                out.append(Statement(a, b, Progress(previous.value, previous.text, when)))
            previous = None
            continue
        value, phrase = found
        previous = Progress(value, phrase, when)
        at = sentence.lower().find(phrase.lower())
        after = sentence[at + len(phrase):]
        listed = _LIST_AFTER.match(after)
        if listed and value != "not_done":
            for a, b in _clauses(text, s + at + len(phrase) + listed.end(), e):
                out.append(Statement(a, b, Progress(value, phrase, when)))
            continue
        submitted = _SUBMITTED.search(sentence)
        if submitted and value == "done" and (report or submitted.group("verb").lower() == "trình"):
            verb = submitted.group("verb").lower()
            for k, (a, b) in enumerate(_clauses(text, s + submitted.start("verb"), e)):
                if k and not text[a:b].lower().startswith(verb):
                    break
                out.append(Statement(a, b, Progress("done", submitted.group(0).strip(), when)))
            continue
        for duty in _UNFINISHED_DUTY.finditer(sentence):
            a, b = _trim(text, s + duty.end(), e)
            status = read_progress(duty.group(0), None, as_of)
            if status and len(text[a:b].split()) >= 3:
                out.append(Statement(a, b, Progress(status[0], " ".join(duty.group(0).split()), when), source))
    return [st for st in out if st.end > st.start]
