"""Component "theodoi_task_deadlines": settles each task's deadline after the task finder.

Runs after "theodoi_tasks" and changes `span._.task.deadline` of doc.spans["tasks"] where the
text says more than the first time phrase of the task:

- **Report time over the period.** A task with two time phrases, a period of work and a time
  for the report ("thực hiện trong năm X, gửi kết quả về Sở trong tháng 4 năm X"): the one in
  the clause of the reporting verb (báo cáo, gửi, nộp, trình) is the deadline; so is a strict
  one ("trước ngày", "chậm nhất") after a loose period ("trong năm", "giai đoạn"), and a strict time
  of completion ("để hoàn thành chậm nhất ...") after the day the work starts.
- **A time line after the items.** A line that only states a time ("Hoàn thành trong quý III
  năm X.") after one item or after a run of items applies to each of them that has no deadline
  of its own. The run goes back over items separated only by list markers; a lead-in, heading
  or other text ends it.
- **A time sentence closing a paragraph.** "... Thời hạn hoàn thành: trước ngày X." after the
  sentences of a paragraph applies to each task of the paragraph without a deadline.
- **A lead-in's time.** A lead-in that states a time and opens a list ("..., hoàn thành trong
  tháng X, cụ thể:") gives it to the items under it (deeper markers) that have none.
- **A labelled time field.** "- Thời gian hoàn thành: Quý I/X" among the fields under an item
  ("- Đơn vị chủ trì: ...", "- Kết quả: ...") applies to the tasks of that item's block: back to
  the previous group of fields, a lead-in, or a heading.
- **The time cell of a table row.** A task in a cell of a table row (cells on one line between
  "|", or on lines between "|" separator lines, a row ending at "| |") takes the time that opens
  a later cell of its row ("Giai đoạn X - Y. Đánh giá ...", "Hoàn thành trong năm X", "X - Y",
  "Triển khai thường xuyên").
- **An appendix takes the time of the item that sends to it.** "... giải quyết các đề xuất nêu
  tại Phụ lục II, xong trước ngày X": the rows of that appendix ("PHỤ LỤC" after the
  signature) without a time of their own are due on X. Appendices are told apart by numeral.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.domain import Deadline, Task
from theodoi.nlp.dates import deadline_in, opening_year_date
from theodoi.nlp.extensions import doc_text
from theodoi.nlp.lead_in_times import attach_lead_in_times
from theodoi.nlp.wrapped_lines import line_bounds, unwrap_lines

PERIODS = ("year", "half-year", "quarter", "month")
# The verb of handing in a result, in the clause right before a time phrase.
REPORT_VERB = re.compile(r"\b(?:báo\s+cáo|gửi|nộp|trình)\b", re.I)
COMPLETED_BEFORE = re.compile(r"hoàn\s+thành\s*$", re.I)
STRICT_CUE = re.compile(r"(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót)\b", re.I)
# The label of a time line: "Thời gian hoàn thành:", "Thời hạn:", "Tiến độ thực hiện:".
TIME_LABEL = re.compile(
    r"(?:thời\s+gian|thời\s+hạn|tiến\s+độ)(?:\s+(?:hoàn\s+thành|thực\s+hiện|triển\s+khai|báo\s+cáo|trình))?\s*:\s*"
    r"(?:dự\s+kiến\s*(?:là\s*|:\s*)?|ngày\s+(?=[Tt]háng))?", re.I)
# Words that only say the work is to be finished before the time that follows ("Đảm bảo hoàn thành
# thực thi trong năm X", "Bảo đảm hoàn thành nhiệm vụ trước ngày X").
COMPLETION = re.compile(r"(?:(?:đảm\s+bảo|bảo\s+đảm|phấn\s+đấu)\s+)?(?:hoàn\s+thành(?:\s+(?:thực\s+thi|nhiệm\s+vụ|xong))?\s+)?",
                        re.I)
# Markers and numbering before a line's content.
MARKER = re.compile(r"[ \t]*(?:[-+•*–]+[ \t]*|\(?[a-zđ0-9]{1,3}(?:\.\d{1,2})*[.)][ \t]*)?", re.I)
# What may stand after the time phrase on a time line: nothing, an end mark, or a bracketed note.
TIME_LINE_REST = re.compile(r"\s*(?:[.;]|/\.)?\s*(?:\([^()\n]*\)\s*[.;]?)?\s*$")
# Between two items of one run: only list markers, numbering and punctuation.
ITEM_GAP = re.compile(r"[\s;.,:|*+•–\-]*(?:\(?[a-zđ0-9]{1,3}(?:\.\d{1,2})*[.)])?[\s*+•–\-]*", re.I)


def _clause_before(text: str, pos: int) -> str:
    """The words of the clause that ends at `pos` (from the last comma, semicolon or stop)."""
    return re.split(r"[,;.:\n]", text[max(0, pos - 120):pos])[-1]


def report_deadline(text: str, task: Task, found: list[Deadline]) -> Deadline | None:
    """Among the time phrases inside `task`, the one that governs it when the first is a loose
    period: a later one in a reporting clause, or a later strict one."""
    first = task.deadline
    if first is None or first.end is None or STRICT_CUE.match(first.text):
        return None
    later = [d for d in found if d.start is not None and first.end <= d.start and d.end <= task.end + 2]
    if first.kind not in PERIODS:  # "khởi công vào ngày X, xong chậm nhất trong tháng Y": when it is done
        return next((d for d in later if d.due and STRICT_CUE.match(d.text)
                     and COMPLETED_BEFORE.search(text, max(0, d.start - 20), d.start)), None)
    for d in later:
        if ";" in text[first.end:d.start]:
            break  # a second action of its own ("...; trình ... trong năm X")
        if d.kind in PERIODS + ("date",) and d.due and (
                REPORT_VERB.search(_clause_before(text, d.start)) or STRICT_CUE.match(d.text)):
            return d
    return None


def time_line(text: str, line_start: int, line_end: int, found: list[Deadline], reference) -> Deadline | None:
    """The deadline a line states when the line says nothing else: a labelled time
    ("Thời gian hoàn thành: quý II/X") or a time phrase opening it and ending it."""
    pos = MARKER.match(text, line_start).end()
    if TIME_LABEL.match(text, pos):
        return None  # a labelled field: see attach_field_times
    opening = COMPLETION.match(text, pos).end()
    head = next((d for d in found if d.start is not None and pos <= d.start <= opening + 2 and d.end <= line_end),
                None)
    if head is not None and text[line_end - 1:line_end] != ":" and TIME_LINE_REST.match(text[head.end:line_end]):
        return head
    return None


# A labelled field line under an item ("- Đơn vị chủ trì: ...", "- Kết quả: ...", "- Thời gian: ...").
FIELD_LINE = re.compile(r"^[ \t]*(?:[-+•*–][ \t]*)?(?:thời\s+gian|thời\s+hạn|tiến\s+độ|đơn\s+vị|cơ\s+quan|kết\s+quả"
                        r"|sản\s+phẩm"
                        r"|chủ\s+trì|phối\s+hợp|kinh\s+phí|nguồn\s+kinh\s+phí)[^:\n]{0,40}:", re.I | re.M)
TIME_FIELD = re.compile(r"^[ \t]*(?:[-+•*–][ \t]*)?(?=(?:thời\s+gian|thời\s+hạn|tiến\s+độ)\b)", re.I | re.M)
BLOCK_HEAD = re.compile(r"^[ \t]*(?:[IVX]{1,5}|[A-D])\.\s", re.M)


def attach_field_times(text: str, tasks: list[Task], found: list[Deadline], reference) -> None:
    """A labelled time field ("- Thời gian hoàn thành: Quý I/X") gives its deadline to the tasks of
    its block: back to the previous group of fields, a lead-in line, a heading or 3,000 characters."""
    for field in TIME_FIELD.finditer(text):
        label = TIME_LABEL.match(text, field.end())
        if not label:
            continue
        line_end = line_bounds(text, field.end())[1]
        inside = [d for d in found if d.start is not None and field.start() <= d.start < line_end]
        deadline = inside[0] if inside else deadline_in(text, label.end(), line_end, reference)
        if deadline is None:
            continue
        start = _block_start(text, field.start())
        for task in tasks:
            if start <= task.start < field.start() and task.deadline is None:
                task.deadline = deadline


def _block_start(text: str, line_start: int) -> int:
    """Where the block a field line closes begins (see attach_field_times)."""
    floor = max(0, line_start - 3000)
    end = line_start - 1
    in_own_fields = True  # the fields right above this one belong to the same group
    while end > floor:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        is_field = bool(FIELD_LINE.match(text, start, end))
        if is_field and not in_own_fields or line.endswith(":") and not is_field or line.isupper() \
                or BLOCK_HEAD.match(text, start, end):
            return end
        in_own_fields = in_own_fields and is_field
        end = start - 1
    return floor


def attach_time_sentences(text: str, tasks: list[Task], found: list[Deadline]) -> None:
    """A sentence that only states a time and closes its paragraph ("... theo hướng dẫn. Thời hạn
    hoàn thành: trước ngày 30/11/X.", "... Đảm bảo hoàn thành trong năm X.") applies to the tasks
    of that paragraph without one; lines that only wrap a sentence are one paragraph."""
    paragraphs = unwrap_lines(text)
    for d in found:
        if d.start is None or d.due is None and d.kind not in ("ongoing", "recurring", "relative"):
            continue
        line_start, line_end = line_bounds(paragraphs, d.start)
        sentence_start = max(text.rfind(". ", line_start, d.start) + 2, line_start)
        prefix = text[sentence_start:d.start].strip(" *_")
        if prefix and not (TIME_LABEL.fullmatch(prefix + " ") or COMPLETION.fullmatch(prefix + " ")) \
                or not re.fullmatch(r"[\s*_.;/]*", text[d.end:line_end]):
            continue
        if sentence_start == line_start:
            continue  # a line of its own: attach_time_lines
        for task in tasks:
            if line_start <= task.start < sentence_start and task.deadline is None:
                task.deadline = d


def attach_time_lines(text: str, tasks: list[Task], found: list[Deadline], reference) -> None:
    """Give the tasks before a time line (the run of items it closes) its deadline."""
    tasks = sorted(tasks, key=lambda t: t.start)
    for i, task in enumerate(tasks):
        nxt_start = tasks[i + 1].start if i + 1 < len(tasks) else len(text)
        line_start = text.find("\n", task.end)
        checked = 0
        while line_start != -1 and line_start < nxt_start and checked < 8:
            line_start += 1
            line_end = line_bounds(text, line_start)[1]
            checked += 1
            if not text[line_start:line_end].strip():
                line_start = text.find("\n", line_end) if line_end < len(text) else -1
                continue
            line = text[line_start:line_end].strip()
            if line.endswith(":") or line.isupper():
                break  # a lead-in or a heading opens something new
            deadline = time_line(text, line_start, line_end, found, reference)
            if deadline is not None:
                _apply_to_run(text, tasks, i, deadline)
                break
            line_start = text.find("\n", line_end) if line_end < len(text) else -1
        # a time line that the task finder read as a task of its own closes the run before it
        if i > 0 and task.deadline is not None and task.deadline.start is not None \
                and task.deadline.start >= task.start:
            ls, le = line_bounds(text, task.start)
            if ls <= task.start and task.end <= le + 1 and time_line(text, ls, le, found, reference) is not None \
                    and ITEM_GAP.fullmatch(text[tasks[i - 1].end:ls]):
                _apply_to_run(text, tasks, i - 1, task.deadline)


def _apply_to_run(text: str, tasks: list[Task], last: int, deadline: Deadline) -> None:
    """Set `deadline` on tasks[last] and the items before it in the same run that have none."""
    k = last
    while k >= 0:
        if tasks[k].deadline is None:
            tasks[k].deadline = deadline
        if k == 0 or not ITEM_GAP.fullmatch(text[tasks[k - 1].end:tasks[k].start]):
            break
        k -= 1


SEPARATOR_LINE = re.compile(r"[ \t]*\|[ \t]*")
BARE_RANGE = re.compile(r"(?:năm\s+)?(?:19|20)\d{2}\s*[-–]\s*(?P<y>(?:19|20)\d{2})\s*\.?\s*$", re.I)
# A cell that states a time: the phrase opens it, after at most a verb of doing ("Hoàn thành trong
# năm X", "Thí điểm trong giai đoạn ...", "Triển khai thường xuyên").
CELL_TIME_START = 40


def _row_cells(text: str, task: Task) -> list[tuple[int, int]]:
    """The cells after the task's own in its table row, as (start, end) offsets; [] when the task
    is not in a table."""
    if re.search(r"\n[ \t]*\|[ \t]*\n", text[task.start:task.end]):
        return []  # a task read across cells: its row is not known
    ls, le = line_bounds(text, task.start)
    line = text[ls:le]
    if line.lstrip().startswith("|") and line.count("|") >= 3:  # "| a | b | c |"
        bars = [ls + i for i, ch in enumerate(line) if ch == "|"]
        return [(a + 1, b) for a, b in zip(bars, bars[1:]) if a + 1 > task.end]
    prev_end = ls - 1
    prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
    if prev_end <= 0 or not SEPARATOR_LINE.fullmatch(text[prev_start:prev_end]):
        return []
    cells, pos, cell_start = [], text.find("\n", task.end), None
    lines = 0
    while pos != -1 and lines < 40:
        start, end = pos + 1, line_bounds(text, pos + 1)[1]
        lines += 1
        if SEPARATOR_LINE.fullmatch(text[start:end]):
            if cell_start is not None:
                cells.append((cell_start, start - 1))
            elif cells or lines > 1:
                break  # "|" right after "|": the row ends
            cell_start = None
        elif cell_start is None:
            if lines == 1:
                return []  # the task's cell goes on: not a cell boundary
            cell_start = start
        pos = text.find("\n", end) if end < len(text) else -1
    return cells


def _cell_time(text: str, start: int, end: int, found: list[Deadline], reference) -> Deadline | None:
    """The time a table cell states when a time phrase opens it, else None."""
    start = MARKER.match(text, start).end()
    while start < end and text[start].isspace():
        start += 1
    head = next((d for d in found if d.start is not None and start <= d.start < min(end, start + CELL_TIME_START)),
                None)
    if head is not None:
        return head
    bare = BARE_RANGE.match(text, start, end)
    if bare:
        year = int(bare.group("y"))
        return Deadline(text=text[start:bare.end()].strip(), kind="year", due=dt.date(year, 12, 31), start=start,
                        end=bare.end())
    return None


def attach_row_times(text: str, tasks: list[Task], found: list[Deadline], reference) -> None:
    """A task in a table row without a deadline takes the time that opens a later cell of its row."""
    for task in tasks:
        if task.deadline is not None:
            continue
        for start, end in _row_cells(text, task):
            deadline = _cell_time(text, start, end, found, reference)
            if deadline is not None:
                task.deadline = deadline
                break


APPENDIX_HEADING = re.compile(r"^[#*\s]*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?(?P<n>[IVXLC]+|\d+))?[*\s]*$", re.M)
APPENDIX_MENTION = re.compile(r"Phụ\s+lục(?:\s+(?:số\s+)?(?P<n>[IVXLC]+|\d+)\b)?")
SENTENCE_END = re.compile(r"\.(?=\s)|;|\n(?=\s*(?:[-+•*]|\d{1,2}(?:\.\d{1,2})*\.?\s|[a-zđ]\)))")


def _numeral(value: str | None) -> str:
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    if not value:
        return ""
    return str(int(value)) if value.isdigit() else str(roman.get(value.upper(), value.upper()))


def attach_appendix_deadlines(text: str, tasks: list[Task], found: list[Deadline]) -> None:
    """Rows of an appendix without a deadline take the deadline stated in the sentence of the
    body that sends to that appendix, when all such sentences agree."""
    headings = list(APPENDIX_HEADING.finditer(text))
    if not headings:
        return
    body_end = headings[0].start()
    due: dict[str, Deadline | None] = {}
    for mention in APPENDIX_MENTION.finditer(text, 0, body_end):
        ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, mention.start() - 400), mention.start())]
        start = ends[-1] if ends else max(0, mention.start() - 400)
        stop = SENTENCE_END.search(text, mention.end())
        end = stop.start() if stop else body_end
        near = [d for d in found if d.start is not None and start <= d.start < end and d.due is not None]
        if not near:
            continue
        best = min(near, key=lambda d: abs(d.start - mention.start()))
        key = _numeral(mention.group("n"))
        due[key] = best if key not in due or due[key] is not None and due[key].due == best.due else None
    for i, heading in enumerate(headings):
        key = _numeral(heading.group("n"))
        deadline = due.get(key) or (due.get("") if len(headings) == 1 else None)
        if deadline is None:
            continue
        stop = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        for task in tasks:
            if heading.end() <= task.start < stop and task.deadline is None:
                task.deadline = deadline


class TaskDeadlines:
    """Settles the deadline of each task from the time phrases around it (see module doc)."""

    def __init__(self, nlp: Language, name: str, tasks_key: str, deadlines_key: str):
        self.name = name
        self.tasks_key = tasks_key
        self.deadlines_key = deadlines_key

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = sorted((s._.deadline for s in doc.spans.get(self.deadlines_key, []) if s._.deadline),
                       key=lambda d: d.start or 0)
        tasks = [s._.task for s in doc.spans.get(self.tasks_key, []) if s._.task]
        for task in tasks:
            better = report_deadline(text, task, found)
            if better is not None:
                task.deadline = better
        reference = doc._.doc_date or opening_year_date(text)
        attach_row_times(text, tasks, found, reference)
        attach_field_times(text, tasks, found, reference)
        attach_lead_in_times(text, tasks, found)
        attach_time_lines(text, tasks, found, reference)
        attach_time_sentences(text, tasks, found)
        attach_appendix_deadlines(text, tasks, found)
        return doc


@Language.factory("theodoi_task_deadlines", default_config={"tasks_key": "tasks", "deadlines_key": "deadlines"})
def make_task_deadlines(nlp: Language, name: str, tasks_key: str, deadlines_key: str) -> TaskDeadlines:
    """Factory for the task deadline settler."""
    return TaskDeadlines(nlp, name, tasks_key, deadlines_key)
