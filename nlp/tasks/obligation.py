"""Strategy "obligation": a thing, not a body, with what must be done to it or by it.

"Việc niêm yết công khai phải được lập thành biên bản", "Hoạt động thu gom rác cần được thực
hiện vào ban đêm", "Kế hoạch kiểm tra phải được gửi đến các xã trước ngày 15/4": in a part
that gives instructions, a duty of the addressees inherited; the task is the whole clause
(its subject says what the duty is about). A subject that reports ("Việc thu gom đã được ...")
or that a body opens (read by "subject") is not one.
"""
from __future__ import annotations

import re

from theodoi.nlp.tasks.patterns import words_of
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy

# "phải", "cần" (not "cần thiết"), maybe passive: "phải được", "cần được".
OBLIGATION = re.compile(r"\s(?:cần phải|phải|cần(?!\s+thiết))(?:\s+được)?\s", re.IGNORECASE)
SUBJECT_WORDS = (2, 16)  # how many words the thing before the modal takes
NOT_IN_SUBJECT = {"đã", "đang", "sẽ", "nếu", "khi", "là", "được", "bị"}



@strategy("obligation")
def obligation_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task of a clause whose subject is a thing followed by "phải" / "cần"."""
    text, e = r.text, c.end
    start = r.skip(c.start, e)
    if not (c.directive or c.inherited) or r.body_at(start) is not None:
        return None
    modal = OBLIGATION.search(text, start, e)
    if modal is None or r.rest_is_empty(modal.end(), e):
        return None
    subject = words_of(text[start:modal.start()])
    if not SUBJECT_WORDS[0] <= len(subject) <= SUBJECT_WORDS[1] or NOT_IN_SUBJECT & set(subject) \
            or re.search(r"[;:]", text[start:modal.start()]):
        return None
    return r.task(start, e, list(c.inherited), "theodoi_tasks.obligation", 0.6, c.inherited_support), None
