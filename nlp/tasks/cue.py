"""Strategy "cue": a cue with its addressee, "giao (cho) / yêu cầu / đề nghị / kêu gọi / chỉ thị X ..."
(lead X, never the speaker before the cue: in "UBND huyện yêu cầu các phòng ... thực hiện" the
lead is "các phòng ..."; a cue after the clause's own action and a comma, "Tăng cường kiểm
tra ..., yêu cầu các nhà thầu ...", is part of what the clause's subject must do). X is the
bodies listed after the cue, or when the gazetteer knows none of them, the phrase read by its
shape (a head noun or title up to the action).

A cue whose addressee ends the clause ("yêu cầu các sở, ngành:"), or whose action only opens
the list below ("... thực hiện các nhiệm vụ sau:"), is a request: the items below inherit X. A cue that opens the clause without an addressee ("Yêu cầu: ...") asks
what follows of the addressees inherited.
"""
from __future__ import annotations

import re

from theodoi.nlp.tasks.patterns import opens_list_only, starts_with_action
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy

LIST_LEAD_IN = re.compile(r"\s*(?:như sau|sau đây|các nội dung sau|những nội dung sau)?\s*:\s*", re.IGNORECASE)


@strategy("cue")
def cue_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task (or request) of a cue in the clause."""
    text, s, e = r.text, c.start, c.end
    for m in r.cues(s, e):
        before = text[s:m.start()].strip(" -+:*")
        if before[-1:] in (",", ";") and starts_with_action(before):
            continue  # "Tăng cường kiểm tra ..., yêu cầu các chủ đầu tư ...": the clause's subject asks
        names, end = r.body_list(m.end())
        if names:
            action = r.skip(end, e)
            if r.rest_is_empty(action, e) or opens_list_only(text[action:e]):
                return None, (names, end)  # "yêu cầu các sở, ngành thực hiện các nội dung sau:": the items ask
            return r.task(action, e, names, "theodoi_tasks.cue", 0.9), None
        shaped = r.named_by_shape(m.end(), e)
        if shaped is not None:  # "UBND huyện yêu cầu các phòng, ban chuyên môn thực hiện ...": not the speaker
            names, action = shaped
            if r.rest_is_empty(r.skip(action, e), e) or opens_list_only(text[action:e]):
                return None, (names, action)
            return r.task(r.skip(action, e), e, names, "theodoi_tasks.cue", 0.8), None
        if LIST_LEAD_IN.fullmatch(text, m.end(), e):  # "Chủ tịch UBND tỉnh chỉ thị như sau:": asks the items
            return None, ([], m.end())
        at_start = not text[s:m.start()].strip(" -+:")
        after = r.skip(m.end(), e)
        if r.rest_is_empty(after, e):
            return None, ([], m.end()) if at_start or text[after - 1:after] == ":" else None
        if (at_start or not m.group(1).lower().startswith(("giao", "kêu", "chỉ"))) and starts_with_action(text[after:e]) \
                or at_start:
            if at_start:
                return r.task(after, e, c.inherited, "theodoi_tasks.cue", 0.7, c.inherited_support), None
            return r.task(after, e, [], "theodoi_tasks.cue", 0.7), None
    return None
