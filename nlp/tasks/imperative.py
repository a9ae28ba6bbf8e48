"""Strategy "imperative": an action verb that opens a clause in a part that gives instructions.

"Tăng cường kiểm tra ...", "Chủ trì, phối hợp với ..." under a request, a heading of
nhiệm vụ / giải pháp or the articles of a resolution: the task of the addressees
inherited. A dated step of a schedule ("Tháng 7 năm 2010: có sơ kết ...", "Đến năm 2020,
...") is one too, unless it says what was done or what someone will do.
"""
from __future__ import annotations

from theodoi.nlp.tasks.patterns import DUE_CUE, starts_predicate, words_of
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy


@strategy("imperative")
def imperative_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task of a clause that opens with an action (or a step of a schedule)."""
    text, e, lead_in = r.text, c.end, c.lead_in
    action = r.skip(c.start, e)
    # ("Trước ngày 08/3/2010, Phó Thủ tướng sẽ nghe báo cáo": what will happen, not a step asked)
    scheduled = c.timed and not words_of(text[action:e])[:1] in (["đã"], ["đang"], ["vừa"], []) \
        and not (DUE_CUE.match(lead_in.text) and "sẽ" in words_of(text[action:e])[:10])
    if not ((starts_predicate(text[action:e]) or scheduled) and (c.directive or c.inherited)):
        return None
    confidence = 0.75 if c.inherited else 0.6
    if not starts_predicate(text[action:e]) and not text[lead_in.end:action].strip():
        action = lead_in.start  # "Cuối nhiệm kỳ ... có báo cáo tổng kết": the time is part of the step
    return r.task(action, e, list(c.inherited), "theodoi_tasks.imperative", confidence, c.inherited_support), None
