"""`theodoi_reports`: tasks whose progress the document states, with `status` and `source`.

Runs after theodoi_tasks. Reads progress tables (`report_rows`: table blocks from ingest, and
tables written with separator lines, `line_tables`) and progress prose (`report_prose`). A
row or statement that is a task already found (the same text) gets its status and source;
otherwise it is added to doc.spans["tasks"] (component "theodoi_reports.table" / ".prose"),
and a task found before that lies mostly inside the rows or statements that replace it is
dropped (the same words read coarser). Tasks read in a row's other cells stay.

The day the progress is judged on (`as_of`) is the document's date, else the latest date
the text states outside its deadlines (a report speaks after what it reports).
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from theodoi.domain import Block, Deadline, Task
from theodoi.nlp.dates import pick_deadline
from theodoi.nlp.extensions import doc_text, register_extensions
from theodoi.nlp.lexicon import opens_action
from theodoi.nlp.line_tables import line_tables
from theodoi.nlp.progress import full_dates
from theodoi.nlp.report_prose import statements
from theodoi.nlp.report_rows import continued, progress_header, progress_rows

register_extensions()

SAME_TASK = 0.6  # a found task sharing this much of its span both ways is the same task
REPLACED = 0.7  # a found task this much inside new statements is replaced by them
CAPTION_CHARS = 400  # how far above a table its caption may name the assigning document
_ISSUED_WITH = re.compile(r"kèm\s+theo\s*$", re.I)


def stated_as_of(text: str, deadlines: list[Deadline]) -> dt.date | None:
    """The latest full date written in `text` outside its deadlines, or None."""
    spans = [(d.start, d.end) for d in deadlines if d.start is not None and d.end is not None]
    days = [day for m, day in full_dates(text) if not any(a <= m.start() < b for a, b in spans)]
    return max(days, default=None)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class ReportReader:
    """spaCy component: progress rows and statements as tasks with `status` and `source`."""

    def __init__(self, nlp: Language, name: str, tasks_key: str, read_prose: bool):
        self.name = name
        self.tasks_key = tasks_key
        self.read_prose = read_prose

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        deadlines = [s._.deadline for s in doc.spans.get("deadlines", []) if s._.deadline]
        as_of = doc._.doc_date or stated_as_of(text, deadlines)
        citations = [s._.citation for s in doc.spans.get("citations", []) if s._.citation]
        found: list[Task] = []
        header, source = None, None
        for block in sorted(self._tables(doc, text), key=lambda b: b.start):
            own = progress_header(block)
            if own is None and header is not None:
                block = continued(block, header) or block
            else:
                header, source = own, self._caption_source(text, block, citations)
            found.extend(progress_rows(text, block, as_of, source))
        if self.read_prose:
            found.extend(self._prose_tasks(doc, text, as_of, deadlines))
        if found:
            self._merge(doc, found)
        return doc

    @staticmethod
    def _tables(doc: Doc, text: str) -> list[Block]:
        blocks = [b for b in doc._.blocks or [] if b.kind == "table" and b.rows]
        return blocks + [t for t in line_tables(text)
                         if not any(_overlap((t.start, t.end), (b.start, b.end)) for b in blocks)]

    @staticmethod
    def _caption_source(text: str, block: Block, citations) -> str | None:
        """The number a caption just above the table cites (not the "kèm theo" of its own document)."""
        above = [c for c in citations if block.start - CAPTION_CHARS <= c.start < block.start
                 and not _ISSUED_WITH.search(text[max(0, c.start - 30):c.start])]
        return above[-1].number if above else None

    def _prose_tasks(self, doc: Doc, text: str, as_of, deadlines) -> list[Task]:
        bodies = [s._.body for s in doc.spans.get("bodies", []) if s._.body]
        out = []
        for st in statements(text, as_of, deadlines, opens_action, report=doc._.doc_kind == "Báo cáo"):
            lead = [b for b in bodies if 0 <= st.subject_start <= b.start and b.end <= st.start]
            out.append(Task(text=text[st.start:st.end], start=st.start, end=st.end, lead=lead,
                            deadline=st.deadline or pick_deadline(
                                [d for d in deadlines if d.start is not None and st.start <= d.start < st.end]),
                            component="theodoi_reports.prose", confidence=0.7,
                            status=st.status, source=st.source))
        return out

    def _merge(self, doc: Doc, found: list[Task]) -> None:
        spans = list(doc.spans.get(self.tasks_key, []))
        kept: list[Span] = []
        for span in spans:
            task = span._.task
            if task is None:
                continue
            here = (task.start, task.end)
            same = next((t for t in found if _overlap(here, (t.start, t.end))
                         >= SAME_TASK * max(task.end - task.start, t.end - t.start, 1)), None)
            if same is not None:
                task.status, task.source = same.status, same.source
                found.remove(same)
                kept.append(span)
                continue
            covered = sum(_overlap(here, (t.start, t.end)) for t in found)
            if covered >= REPLACED * max(task.end - task.start, 1):
                continue
            kept.append(span)
        for task in found:
            span = doc.char_span(task.start, task.end, alignment_mode="expand")
            if span is None:
                continue
            span._.task = task
            kept.append(span)
        doc.spans[self.tasks_key] = sorted(kept, key=lambda s: s.start_char)


@Language.factory("theodoi_reports", default_config={"tasks_key": "tasks", "read_prose": True})
def make_report_reader(nlp: Language, name: str, tasks_key: str, read_prose: bool) -> ReportReader:
    """Factory for the report reader."""
    return ReportReader(nlp, name, tasks_key, read_prose)
