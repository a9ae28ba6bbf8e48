"""`theodoi_tasks`: actions the document asks of someone, with lead and support bodies.

Reads doc.spans[units_key] (theodoi_sections), doc.spans[bodies_key] (theodoi_bodies) and,
when present, doc.spans[deadlines_key]; writes doc.spans[spans_key] with `span._.task`.

The finder walks the units in order, keeping a stack of scopes (`theodoi.nlp.tasks.scopes`)
so that addressees, support and a time lead-in pass down to the items below a heading or a
request; each unit's clauses go to the strategies named in `config.cfg`
(`theodoi.nlp.tasks`: cue + addressee, subject, later subject, obligation tied to a
deadline, imperative item, submission, a thing with its duty). Tables are read by the table readers named there
(`table_rows`: one task per row; a sentence the text and a table both state is the row's task);
a task read from the text never runs into a table, and the
labelled lines under an item ("- Đơn vị chủ trì: ...") are read as the cells of its row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from theodoi.domain import Task
from theodoi.nlp.extensions import doc_text, register_extensions
from theodoi.nlp.tasks import registry
from theodoi.nlp.tasks.clauses import ClauseReader
from theodoi.nlp.tasks.cross_refs import apply_cross_references
from theodoi.nlp.tasks.field_rows import apply_field_rows
from theodoi.nlp.tasks.headings import read_heading
from theodoi.nlp.tasks.patterns import ATTENDANCE, DIRECTIVE_KINDS, OPERATIVE_START, RECIPIENTS
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.scopes import Scope, heading_deadline, inherited, is_directive, number_item, open_scope

register_extensions()

ANNEX_TITLE = re.compile(r"(?:PHỤ LỤC|QUY ĐỊNH|DANH MỤC|BIỂU|MẪU|ĐIỀU LỆ|QUY CHẾ)(?:\s|$)")
DEFAULT_STRATEGIES = ["cue", "subject", "later_subject", "deadline_bound", "imperative", "submitted", "obligation"]
DEFAULT_TABLE_READERS = ["table_rows"]
# The kind of a document that reports or informs, in capitals on its own line above its title
# (the kinds that instruct open their operative part: OPERATIVE_START).
KIND_LINE = re.compile(r"\s*(?:BÁO CÁO|TỜ TRÌNH|THÔNG BÁO|CÔNG VĂN|BIÊN BẢN)[ \t]*(?:\n|$)")
# The line that opens the list of addressees: "Kính gửi:", a dispatch's "BỘ TRƯỞNG BỘ Y TẾ điện:".
ADDRESS_LINE = re.compile(r"\s*(?:kính gửi|(?P<issuer>[^\n:]{2,80}?)\sđiện)\s*:\s*", re.IGNORECASE)
# A footnote's mark at the start of a line, as a transcription writes it: "[3] Gồm ...", "[^3]: ...".
FOOTNOTE = re.compile(r"\s*\[\^?\d{1,3}\]:?(?:\s|$)")
TITLE_WORDS = 60  # a title under the kind of a document is at most this long
TITLE_END = re.compile(r"(?i:căn cứ|thực hiện|triển khai|theo|xét|để|nhằm)\s")  # what follows a title
PART_TITLE_WORDS = 8  # a numbered unit this short is a part's title ("2. Hạ tầng số"), kept for cross-references


@dataclass
class Walk:
    """Where the walk through a document's units stands."""

    scopes: list[Scope]
    item_depth: float = 0
    numbering: list[tuple[float, str]] = field(default_factory=list)  # (depth, label) of the items open
    headings: list[tuple[int, int]] = field(default_factory=list)  # the layout's heading blocks
    recipients: bool = False  # within the "Nơi nhận:" list
    title_next: bool = False  # right after a kind in capitals ("KẾ HOẠCH"): the title may follow
    title_seen: bool = False  # ... and a unit of that title was read
    attendees: bool = False  # right after "Tham dự có các đồng chí:": the names that follow
    titles: dict[str, str] = field(default_factory=dict)  # numbering path → a short heading's words
    addressed: bool = False  # within the list under "Kính gửi:" / "THỦ TƯỚNG CHÍNH PHỦ điện:"
    footnotes: bool = False  # within the notes a transcription puts after the text ("[1] ...")


class TaskFinder:
    """Finds tasks and their lead / support bodies."""

    def __init__(self, name: str, spans_key: str, units_key: str, bodies_key: str, deadlines_key: str,
                 strategies: list[str], table_readers: list[str]):
        self.name = name
        self.spans_key = spans_key
        self.units_key = units_key
        self.bodies_key = bodies_key
        self.deadlines_key = deadlines_key
        self.strategies = registry.strategies(strategies)
        self.table_readers = registry.table_readers(table_readers)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        reader = TaskText(text, [s._.body for s in doc.spans.get(self.bodies_key, []) if s._.body],
                          [s._.deadline for s in doc.spans.get(self.deadlines_key, []) if s._.deadline],
                          (doc._.doc_kind or "") in DIRECTIVE_KINDS)
        clauses = ClauseReader(reader, self.strategies)
        walk = Walk([Scope(depth=0, directive=reader.directive_kind)],
                    headings=[(b.start, b.end) for b in doc._.blocks or [] if b.kind == "heading"])
        tables = [(b.start, b.end) for b in doc._.blocks or [] if b.kind == "table"]
        tasks: list[Task] = []
        for unit in doc.spans.get(self.units_key, []):
            if text[unit.start_char:unit.end_char].lstrip().startswith("|") \
                    or any(a <= unit.start_char < b for a, b in tables):
                continue  # a table's rows are read as a table (below)
            tasks.extend(self._unit(reader, clauses, walk, unit))
        tasks = [t for task in tasks if (t := _before_tables(reader, task, tables)) is not None]
        apply_cross_references(text, tasks, walk.titles)
        tasks = apply_field_rows(text, tasks, doc._.doc_date)
        rows = [t for block in doc._.blocks or [] if block.kind == "table" and block.rows
                for read_table in self.table_readers for t in read_table(text, block, doc._.doc_date)]
        in_rows = {_words(t.text) for t in rows}
        tasks = [t for t in tasks if _words(t.text) not in in_rows] + rows  # restated in a table: the row's
        spans = []
        for task in tasks:
            span = doc.char_span(task.start, task.end, alignment_mode="expand")
            if span is not None:
                span._.task = task
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    @staticmethod
    def _unit(r: TaskText, clauses: ClauseReader, walk: Walk, unit: Span) -> list[Task]:
        """The tasks of one unit; the scopes it opens or closes are updated on `walk`."""
        text, scopes, numbering = r.text, walk.scopes, walk.numbering
        section = unit._.section
        depth = section.depth
        if depth is not None:
            while len(scopes) > 1 and scopes[-1].depth >= depth:
                scopes.pop()
            walk.item_depth = depth
            number_item(numbering, depth, section.label)
        # a scope opened by this unit covers the items below it: deeper items for a
        # numbered unit, the items deeper than the current one for a plain paragraph
        level = depth if depth is not None else walk.item_depth + 0.5
        content_start = section.content_start
        content = text[content_start:unit.end_char]
        if not content.strip():
            return []
        if section.label is not None and len(content.split()) <= PART_TITLE_WORDS:
            walk.titles[".".join(label for _, label in numbering)] = content.strip(" *_:\n")
        lead, support = inherited(scopes)
        directive = is_directive(scopes)
        if section.label is not None and section.label.lower().startswith("điều") and not scopes[0].directive:
            scopes[0].directive = True  # the articles of a resolution or decision give instructions
        if RECIPIENTS.match(content):  # "Nơi nhận:" ends the body; an annex may follow
            del scopes[1:]
            scopes[0].directive = False
            walk.item_depth = 0
            numbering.clear()
            walk.recipients = True
            return []
        if walk.recipients:  # "- VPCP: BTCN, các Vụ ...;", the signature: no tasks until an annex
            if not opens_annex(content, depth):
                return []
            walk.recipients = False
        if walk.footnotes or FOOTNOTE.match(content):
            # "[1] Gồm: ...": a transcription's footnotes explain the text; they give no instructions and
            # pass no addressee on: only what a note asks in its own words is a task. An annex ends them.
            stripped = content.strip()
            walk.footnotes = not (OPERATIVE_START.match(stripped) or ANNEX_TITLE.match(stripped))
            if walk.footnotes:
                del scopes[1:]
                scopes[0].directive = False
                walk.item_depth = 0
                numbering.clear()
                lead, support, directive = [], [], False
        address = ADDRESS_LINE.fullmatch(content)
        addressed = walk.addressed
        walk.addressed = address is not None and (address.group("issuer") or "K").isupper()
        if walk.addressed or addressed and section.label and not any(ch.isalnum() for ch in section.label):
            walk.addressed = True  # "Kính gửi:\n- Các sở: ...;\n- UBND các xã;": to whom it is sent
            return []
        title_next, walk.title_next = walk.title_next, False
        attendees, walk.attendees = walk.attendees, ATTENDANCE.search(content) is not None
        if attendees and section.label is None:
            return []  # "Phó Chủ tịch ..., Giám đốc Sở ...": who attended, after "Tham dự có:"
        if OPERATIVE_START.match(content.strip()) and content.strip().isupper():
            del scopes[1:]  # "QUYẾT NGHỊ:" or an annexed plan: what follows gives instructions
            walk.item_depth = 0
            numbering[:] = numbering[-1:] if depth is not None else []  # "II. NHIỆM VỤ" stays "II"
            scopes.append(Scope(0.5, [], True))
            walk.title_next, walk.title_seen = not content.strip().endswith(":"), False
            return []
        kind = KIND_LINE.match(content) if section.label is None else None
        if kind is not None:  # "BÁO CÁO\nSơ kết ...": the document's kind, then its title, asks nothing
            content_start += kind.end()
            content = text[content_start:unit.end_char]
            if not content.strip():
                walk.title_next = True
                return []
            title_next, walk.title_seen = True, False
        if title_next and section.label is None:
            # "KẾ HOẠCH\nPhát triển du lịch cộng đồng giai đoạn 2025 - 2030": its title names it
            title = _title_length(content)
            if walk.title_seen and content[title:].strip():
                title = 0  # after a title's first unit, only a unit that is all title goes on with it
            content_start += title
            content = text[content_start:unit.end_char]
            if not content.strip():
                walk.title_next = walk.title_seen = True  # the title may go on (a second line, its note)
                return []
        walk.title_seen = False
        heading = read_heading(r, content_start, content)
        if heading is None and section.label is None and any(a <= unit.start_char < b for a, b in walk.headings):
            return []  # a headline ("Thủ tướng: Khởi công ...") says what happened; the report asks
        if heading is not None:
            names, named_support, directive_heading, rest_start = heading
            lead_in = r.after_time_lead_in(content_start, unit.end_char) != content_start
            open_scope(scopes, Scope(level, names, True if names else directive_heading, named_support,
                                     r.deadline_in(content_start, content_start + 3) if lead_in else None))
            if rest_start is None or section.label is None and any(a <= unit.start_char < b for a, b in walk.headings):
                return []
            content_start, content = rest_start, text[rest_start:unit.end_char]
            if names:
                lead, support = names, named_support
            directive = True
        found, request = clauses.unit_tasks(content_start, content, lead, directive, depth, support)
        if section.label and section.label.lower().startswith("điều"):
            # "Điều 1. Sửa đổi, bổ sung ..." is the decision itself; "Điều 2. Giao UBND ..." a task
            found = [t for t in found if not t.component.endswith("imperative")]
        for task in found:
            r.attach_deadline(task, content_start, heading_deadline(scopes))
            task.label = ".".join(label for _, label in numbering) or None
        if depth is None and (request is not None or any(t.component.endswith("cue") for t in found)):
            # "Thủ tướng yêu cầu ...", "Bộ Y tế yêu cầu:": the paragraphs and items after it go on asking
            scopes[0].directive = True
        if request is not None:  # "yêu cầu các sở, ngành:" → the list below inherits
            open_scope(scopes, Scope(level, request[0], True, deadline=r.request_deadline(content_start, unit.end_char)))
        elif found and (content.rstrip().endswith(":") or depth is not None and found[-1].lead):
            # "UBND tỉnh yêu cầu các sở ... thực hiện những nội dung sau:" → so do the items;
            # "a) Sở A phải ..." → so do the paragraphs and items that go on under a)
            last = found[-1]
            opens_list = content.rstrip().endswith(":")
            # a time that opens the item covers the items below it, not the paragraphs that go on
            lead_in = last.deadline if opens_list and last.deadline is not None \
                and last.deadline.start < last.start else None
            open_scope(scopes, Scope(level, list(last.lead), True, list(last.support) if opens_list else [], lead_in))
        return found


def _title_length(content: str) -> int:
    """How long the title is that opens `content` right under a document's kind ("KẾ HOẠCH"): its
    lines (and a note in brackets under them) up to a line that opens a ground ("Căn cứ ...") or
    ends a sentence or clause; 0 when longer than a title."""
    length = 0
    for line in content.splitlines(keepends=True):
        stripped = line.strip()
        if length and TITLE_END.match(stripped) or stripped.endswith((".", ":", ";", ",")):
            break
        length += len(line)
    return length if len(content[:length].split()) <= TITLE_WORDS else 0


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _before_tables(r: TaskText, task: Task, tables: list[tuple[int, int]]) -> Task | None:
    """A task read from the text, cut where a table starts inside it; None when it starts inside
    one or too little is left before it."""
    ends = [a for a, b in tables if task.start < b and a < task.end]
    if not ends:
        return task
    end = min(ends)
    if end <= task.start or r.rest_is_empty(task.start, end):
        return None
    cut = r.task(task.start, end, task.lead, task.component, task.confidence, task.support)
    cut.deadline = task.deadline if task.deadline is None or task.deadline.start is None \
        or task.deadline.start < end else None
    cut.label = task.label
    return cut


def opens_annex(content: str, depth: float | None) -> bool:
    """Whether a unit after "Nơi nhận:" opens an annex: a title in capitals ("PHỤ LỤC", "KẾ HOẠCH ..."),
    a part ("I.", "A."), or prose again."""
    stripped = content.strip()
    return bool(OPERATIVE_START.match(stripped) or ANNEX_TITLE.match(stripped)) \
        or depth is not None and depth <= 1 or depth is None and len(stripped) > 150


@Language.factory(
    "theodoi_tasks",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"spans_key": "tasks", "units_key": "units", "bodies_key": "bodies",
                    "deadlines_key": "deadlines", "strategies": DEFAULT_STRATEGIES,
                    "table_readers": DEFAULT_TABLE_READERS},
)
def make_task_finder(nlp: Language, name: str, spans_key: str, units_key: str, bodies_key: str,
                     deadlines_key: str, strategies: list[str], table_readers: list[str]) -> TaskFinder:
    """Factory of the task finder."""
    return TaskFinder(name, spans_key, units_key, bodies_key, deadlines_key, strategies, table_readers)
