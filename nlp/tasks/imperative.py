"""Strategy "imperative": an action verb that opens a clause in a part that gives instructions.

"Tăng cường kiểm tra ...", "Chủ trì, phối hợp với ..." under a request, a heading of
nhiệm vụ / giải pháp or the articles of a resolution: the task of the addressees
inherited. So is an action after an opening circumstance or link ("Đối với các dự án
chậm, tiếp tục đôn đốc ...", "Trường hợp có sự cố thì báo cáo ngay ...", "Đồng thời, tăng
cường ..."): the task keeps its opening, which says when it applies. A dated step of a
schedule ("Tháng 7 năm 2010: có sơ kết ...", "Đến năm 2020, ...") is one too, unless it
says what was done or what someone will do. A clause that says what its action is ("Phát triển
du lịch xanh là động lực ...") states a principle: no task.
"""
from __future__ import annotations

import re

from theodoi.nlp.tasks.patterns import (DUE_CUE, OPENING_END, OPENING_LINK, OPENING_PHRASE, has_object, is_report,
                                        starts_predicate, states_a_principle, words_of)
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy

# The topic of an item before what is said of it: "Tập huấn kỹ năng số (nhiệm vụ 2): ...".
TOPIC_LABEL = re.compile(r"[^:;.\n]{3,120}:\s+")
OPENING_CHARS = 300  # an opening circumstance is at most this long


@strategy("imperative")
def imperative_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task of a clause that opens with an action (or a step of a schedule)."""
    text, e, lead_in = r.text, c.end, c.lead_in
    action = r.skip(c.start, e)
    if not (c.directive or c.inherited):
        return None
    if starts_predicate(text[action:e]) and states_a_principle(text[action:e]):
        return None, None  # "Phát triển du lịch xanh là động lực ...": what the action is, not who must do it
    confidence = 0.75 if c.inherited else 0.6
    # ("Trước ngày 08/3/2010, Phó Thủ tướng sẽ nghe báo cáo": what will happen, not a step asked)
    scheduled = c.timed and not words_of(text[action:e])[:1] in (["đã"], ["đang"], ["vừa"], []) \
        and not (DUE_CUE.match(lead_in.text) and "sẽ" in words_of(text[action:e])[:10])
    topic = TOPIC_LABEL.match(text, action, e)
    if topic is not None:
        names, end = r.body_list(r.skip(topic.end(), e))  # ("...: Sở A đã tổ chức ...": past its subject)
        said = text[r.skip(end, e):e] if names and not r.rest_is_empty(end, e) else text[topic.end():e]
        if is_report(said) or {"đã", "đang", "chưa"} & set(words_of(said)[:5]):
            return None  # "Tập huấn kỹ năng số (nhiệm vụ 2): đã tổ chức 8 lớp ...": a result, not a task
    if not (starts_predicate(text[action:e]) or scheduled):
        if action_after_opening(r, action, e) is None:
            return None
        return r.task(action, e, list(c.inherited), "theodoi_tasks.imperative", 0.6, c.inherited_support), None
    if not starts_predicate(text[action:e]) and not text[lead_in.end:action].strip():
        action = lead_in.start  # "Cuối nhiệm kỳ ... có báo cáo tổng kết": the time is part of the step
    return r.task(action, e, list(c.inherited), "theodoi_tasks.imperative", confidence, c.inherited_support), None


def action_after_opening(r: TaskText, start: int, end: int) -> int | None:
    """Where the action starts after an opening circumstance or link ("Đối với ..., ", "Nếu ... thì ",
    "Đồng thời, "): the first comma, colon or "thì" followed by an action with its object (not a
    list of verbs: "Đối với các dự án, đầu tư, xây dựng ..."); None
    when the clause opens otherwise or no action follows."""
    text = r.text
    if not (OPENING_PHRASE.match(text, start, end) or OPENING_LINK.match(text, start, end)):
        return None
    for sep in OPENING_END.finditer(text, start, min(end, start + OPENING_CHARS)):
        rest = text[sep.end():end]
        if starts_predicate(rest) and (has_object(rest) or len(words_of(rest)) >= 6):
            return sep.end()
    return None
