"""Strategies "subject" and "later_subject": a body as the subject of what it must do.

- "subject": the clause opens with bodies and a predicate that asks ("Sở A chủ trì ...",
  "Các địa phương cần ...", a subject written out up to its modal "Cơ quan được giao chủ
  trì soạn thảo phải ..."); a predicate that reports ("Sở A đã ...") is no task, one that only opens a list ("Sở A thực
  hiện các việc sau:") a request whose items are the tasks.
- "later_subject": the subject comes after an opening phrase and a comma, with its modal
  ("Đối với dự thảo ..., cơ quan chủ trì soạn thảo phải ...") or after a circumstance with its
  action ("Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan phản ánh về ..."); never in a
  clause that opens with its own action (the bodies after its comma are objects). With no subject
  after the circumstance, the clause is left to "imperative" (its action after the opening, asked of
  the addressees inherited).
"""
from __future__ import annotations

import re

from theodoi.nlp.tasks.patterns import (MODAL, OPENING_PHRASE, PRESENTS_ITSELF, is_report, opens_list_only,
                                        opens_subject, starts_with_action)
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict, strategy


@strategy("subject")
def subject_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task of a clause that opens with its subject."""
    text, s, e = r.text, c.start, c.end
    subject = r.subject(s, e)
    if subject is None:
        names, end = r.body_list(r.skip(s, e))
        if names and r.body_at(s) is not None:
            subject = names, r.skip(end, e)
    if subject is None:
        return None
    names, predicate = subject
    rest = text[predicate:e]
    if rest.startswith(":") or PRESENTS_ITSELF.fullmatch(rest.strip()):
        return None, None  # ("Sở A ban hành Kế hoạch ... như sau:": the issuer presents this document)
    if opens_list_only(rest):  # "Các sở, ngành tập trung thực hiện các nhiệm vụ sau:": the items are the tasks
        return None, (names, predicate)
    if not is_report(rest) and rest.strip():
        return r.task(predicate, e, names, "theodoi_tasks.subject", 0.8), None
    return None, None


@strategy("later_subject")
def later_subject_task(r: TaskText, c: Clause) -> Verdict | None:
    """The task of a subject with a modal after an opening phrase and a comma."""
    text, s, e = r.text, c.start, c.end
    circumstance = OPENING_PHRASE.match(text, s, e) is not None
    if not circumstance and starts_with_action(text[r.skip(s, e):e]):
        return None  # "Chỉ đạo các ngân hàng, tổ chức tín dụng khẩn trương ...": bodies after a comma are its object
    for comma in re.finditer(r",\s+", text[s:e]):
        at = s + comma.end()
        if r.body_at(at) is None and not opens_subject(text, at, e):
            continue
        if MODAL.search(text, at, min(e, at + 100)):
            subject = r.subject(at, e)
            if subject is not None and MODAL.match(text, subject[1] - 1):
                return r.task(subject[1], e, subject[0], "theodoi_tasks.subject", 0.7), None
        if circumstance:  # "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan phản ánh về ..."
            subject = r.subject(at, e)
            if subject is not None and not is_report(text[subject[1]:e]):
                return r.task(subject[1], e, subject[0], "theodoi_tasks.subject", 0.7), None
    return None
