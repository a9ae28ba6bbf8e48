"""Strategy "deadline_bound": an obligation tied to a deadline followed by a modal.

"..., nhà đầu tư chậm nhất đến ngày 31/12 phải bàn giao ...": the deadline makes what
follows an obligation; its lead is the subject written just before the deadline, else the
addressees inherited (in a part that gives instructions).
"""
from __future__ import annotations

from theodoi.nlp.tasks.patterns import DUE_CUE, MODAL, opens_subject
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy


@strategy("deadline_bound")
def deadline_bound_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task that opens at a due date followed by "phải" / "cần"."""
    text, s, e = r.text, c.start, c.end
    inherited = c.inherited if c.directive or c.inherited else []
    for deadline in r.deadlines_between(s, e):
        if not DUE_CUE.match(deadline.text) or not MODAL.match(text, deadline.end):
            continue
        subject_start = r.skip(max(s, text.rfind(",", s, deadline.start) + 1), deadline.start)
        lead = list(inherited)
        if subject_start < deadline.start and (r.body_at(subject_start) is not None
                                              or opens_subject(text, subject_start, deadline.end)):
            lead = r.segment_names(subject_start, deadline.start)
        return r.task(deadline.start, e, lead, "theodoi_tasks.deadline", 0.7), None
    return None
