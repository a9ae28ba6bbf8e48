"""`TaskText`: one document as the task strategies read it.

Adds to `Addressees` the deadline phrases found by `theodoi_deadlines`, where a clause's
action starts after a label, a time or an adverbial clause, how a `Task` is cut from the
text (its support named in it, else inherited), and how a task's deadline is chosen.
"""
from __future__ import annotations

import re

from theodoi.domain import BodyMention, Deadline, Task
from theodoi.nlp.tasks.addressees import Addressees

# A topic that opens a sentence: a time inside it ("Về nhiệm vụ năm 2021, ...") is what is spoken
# of, not when the task is due.
TOPIC = re.compile(r"(?:về|đối với|với)\s", re.IGNORECASE)
from theodoi.nlp.tasks.patterns import (ADVERBIAL, DUE_CUE, MIN_CLAUSE_WORDS, MODAL, PURPOSE_OR_COMMA, SECOND_ACTION,
                                        SUBMITTED, TIME_NOTE, has_object, starts_predicate, starts_with_action)


class TaskText(Addressees):
    """A document's text with its bodies and deadline phrases, and what the task finder
    remembers while it reads: whether the kind of document gives instructions, the last task."""

    def __init__(self, text: str, bodies: list[BodyMention], deadlines: list[Deadline], directive_kind: bool):
        super().__init__(text, bodies)
        self.deadlines = sorted(deadlines, key=lambda d: d.start)
        self.directive_kind = directive_kind
        self.last_task: Task | None = None

    def rest_is_empty(self, pos: int, end: int) -> bool:
        return len(self.text[pos:end].strip(" .:;,")) < 3

    def task(self, start: int, end: int, lead: list[BodyMention], component: str, confidence: float,
              inherited_support: list[BodyMention] = ()) -> Task:
        """A task over text[start:end]; its support is named in it, or else inherited with its lead."""
        text = self.text
        while start < end and text[start] in " \n\t":
            start += 1
        while end > start and (text[end - 1] in " .;,:\n\t" or text.endswith("./", start, end)):
            end -= 1  # (also the end mark of a document, "./.")
        support = self.support(start, end) or list(inherited_support)
        return Task(text=text[start:end], start=start, end=end, lead=list(lead),
                    support=support, component=component, confidence=confidence)

    def deadlines_between(self, start: int, end: int) -> list[Deadline]:
        """The deadline phrases that lie within text[start:end]."""
        return [d for d in self.deadlines if d.start is not None and start <= d.start and d.end <= end]

    def deadline_in(self, start: int, end: int) -> Deadline | None:
        """The first deadline phrase that starts in text[start:end]."""
        return next((d for d in self.deadlines if d.start is not None and start <= d.start < end), None)

    def after_adverbial(self, start: int, end: int) -> int:
        """Where a sentence's main clause starts after an opening "Căn cứ ..., " / "Trên cơ sở
        ..., " / "Để ..., " when a body or a cue follows the comma; else `start`."""
        m = ADVERBIAL.match(self.text, self.skip(start, end), end)
        if m is None:
            return start
        rest = self.skip(m.end(), end)
        if self.body_at(rest) is not None or self.subject(rest, end) is not None \
                or any(c.start() < rest + 40 for c in self.cues(rest, end)):
            return rest
        return start

    def after_label(self, start: int, end: int) -> int:
        """Where a clause goes on after a short topic or place label ("Thành phố Việt Trì: Giai
        đoạn 2011 - 2015 xây dựng ...", "Cấp cơ sở: Lấy các chợ xã ...", and a topic that opens
        with a verb when a subject follows it: "Khuyến khích đầu tư: Các ngành ... cần ...");
        `start` otherwise."""
        pos = self.skip(start, end)
        m = re.match(r"([^:;,.()]{2,60}):\s+", self.text[pos:end])
        if m is None or len(m.group(1).split()) > 8 \
                or starts_predicate(m.group(1)) and self.subject(pos + m.end(), end) is None \
                or self.body_at(pos) is not None or any(True for _ in self.cues(pos, pos + m.end())) \
                or self.deadline_in(pos, pos + 1) is not None:
            return start
        return pos + m.end()

    def after_time_lead_in(self, start: int, end: int) -> int:
        """Where a clause goes on after a time that opens it ("Cuối tháng 3 năm 2010: ...",
        "Chậm nhất là ngày 30/6, ..."); `start` when it opens with something else."""
        pos = self.skip(start, end)
        lead_in = self.deadline_in(pos, pos + 1)
        if lead_in is not None and lead_in.end < end and (
                re.match(r"\s*[:,]", self.text[lead_in.end:end])
                or lead_in.kind in ("year", "relative") and re.match(r"\s+\w", self.text[lead_in.end:end])
                # ("Đến năm 2020 tổng số ...", "Cuối nhiệm kỳ Đại hội có báo cáo tổng kết")
                or starts_predicate(self.text[self.skip(lead_in.end, end):end])):  # "Hằng năm tổ chức ..."
            return self.skip(lead_in.end, end)
        return start

    def request_deadline(self, start: int, end: int) -> Deadline | None:
        """The first deadline phrase of a request in text[start:end] that is not inside its topic."""
        return next((d for d in self.deadlines_between(start, end)
                     if not TOPIC.match(self.text, self.sentence_start(start, d.start), d.start)), None)

    def sentence_start(self, unit_start: int, pos: int) -> int:
        """Where the sentence holding `pos` starts (after the last ". " of the unit before it)."""
        stop = max(self.text.rfind(". ", unit_start, pos), self.text.rfind("; ", unit_start, pos))
        return self.skip(stop + 1 if stop >= 0 else unit_start, pos)

    def attach_deadline(self, task: Task, unit_start: int, heading_deadline: Deadline | None) -> None:
        """The task's deadline: one in its text, else one in its lead-in ("Cuối tháng 3 năm 2010:
        các cơ quan ...", "Chậm nhất là ngày 30/6, Sở A ..."; not inside a topic, "Về nhiệm vụ năm
        2021, ..."), else that of the heading above."""
        if task.deadline is not None:
            return
        deadline = self.deadline_in(task.start, task.end + 2)
        if deadline is None:
            lead_in = [d for d in self.deadlines if d.start is not None and unit_start <= d.start
                       and d.end <= task.start and task.start - d.end <= 120
                       and not re.search(r"[.;!?\n]", self.text[d.end:task.start])
                       and not TOPIC.match(self.text, self.sentence_start(unit_start, d.start), d.start)
                       and (d.start <= self.skip(unit_start, d.start)
                            or re.search(r"[.;:]\s*$", self.text[unit_start:d.start]))]
            deadline = lead_in[-1] if lead_in else None
        if deadline is None:
            deadline = heading_deadline
        task.deadline = deadline

    def is_submission(self, s: int, e: int) -> bool:
        """Whether text[s:e] hands something in by a time: "Kết quả ... gửi về ... trước ngày ..."."""
        submitted = SUBMITTED.match(self.text, s, e)
        return submitted is not None and any(DUE_CUE.match(d.text) for d in self.deadlines_between(submitted.end(), e))

    def time_note(self, s: int, e: int) -> Deadline | None:
        """The deadline that a sentence opening with a time ("Thời gian ...", "Chậm nhất ...",
        "Trước ngày 08/3/2010, ...") gives; None for other sentences."""
        if TIME_NOTE.match(self.text, s, e):
            return self.deadline_in(s, e)
        opening = self.deadline_in(self.skip(s, e), self.skip(s, e) + 1)
        if opening is not None and DUE_CUE.match(opening.text) and re.match(r"\s*,", self.text[opening.end:e]):
            return opening
        return None

    def split_actions(self, task: Task) -> list[Task]:
        """A task whose text goes on with a second action of its own: two tasks, the second
        keeping the lead and support. The second action is one joined by "và" / ";" with a time
        of its own (in its own words, before a comma or "để") that repeats or waits for an event:
        "... thực hiện Chỉ thị và hằng năm tổng hợp báo cáo ...", "...; báo cáo kết quả tại các
        kỳ họp", "...; tổng kết khi kết thúc Đề án". A one-off date at the end ("... và báo cáo
        trước ngày 30/6") governs the whole sentence. Or it is a duty for when trouble arises:
        ", trong quá trình thực hiện có vướng mắc phải báo cáo ..."."""
        text = self.text
        for sep in SECOND_ACTION.finditer(text, task.start, task.end):
            nxt = sep.end()
            if len(text[task.start:sep.start()].split()) < MIN_CLAUSE_WORDS \
                    or len(text[nxt:task.end].split()) < MIN_CLAUSE_WORDS \
                    or not has_object(text[task.start:sep.start()]) \
                    or any(b.start < sep.start() < b.end for b in self.bodies):  # "Sở Kế hoạch và Đầu tư"
                continue
            if sep.group("conditional") is not None:
                second_action = MODAL.search(text, nxt, task.end) is not None
            else:
                own_time = self.deadline_in(nxt, nxt + 1)
                verb_at = self.skip(own_time.end, task.end) if own_time is not None else nxt
                clause_end = PURPOSE_OR_COMMA.search(text, verb_at, task.end)
                second_action = starts_with_action(text[verb_at:task.end]) and any(
                    d.kind in ("recurring", "relative")
                    for d in self.deadlines_between(nxt, clause_end.start() if clause_end else task.end))
            if not second_action:
                continue
            first = self.task(task.start, sep.start(), task.lead, task.component, task.confidence, task.support)
            second = self.task(nxt, task.end, task.lead, task.component, task.confidence, task.support)
            return [first, *self.split_actions(second)]
        return [task]
