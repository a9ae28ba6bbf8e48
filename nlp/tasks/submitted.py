"""Strategy "submitted": something to hand in by a time, with no body as its subject.

"Kết quả nghiên cứu gửi về Tổ biên tập trước ngày 31/3", "Báo cáo phải nộp Sở Nội vụ chậm
nhất ngày 15/12": a task of the addressees inherited, in a part that gives instructions.
"""
from __future__ import annotations

from theodoi.nlp.tasks.patterns import is_report
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy


@strategy("submitted")
def submitted_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task of a clause that hands something in by a due date."""
    text, e = r.text, c.end
    action = r.skip(c.start, e)
    if (c.directive or c.inherited) and not is_report(text[action:e]) and r.is_submission(action, e):
        return r.task(action, e, list(c.inherited), "theodoi_tasks.submitted", 0.6, c.inherited_support), None
    return None
