"""From a unit of text to its tasks: sentences, clauses, and the strategies that read them.

A unit (paragraph or item) is cut into sentences, a sentence into clauses at ";" where a
new body or cue takes over (and after an inline "... các việc sau đây: A; B"); each clause
goes to the strategies in their order. The addressees of a cue or subject carry over to
the next sentences of the unit ("Đề nghị X ... . Tổ chức ...": both X's).
"""
from __future__ import annotations

import re
from typing import Callable

from theodoi.domain import BodyMention, Task
from theodoi.nlp.tasks.patterns import (ABBREV_END, AGREES, AMENDMENT, CLOSING, CUE, GROUND, HORIZON, INLINE_LABEL,
                                        INLINE_LIST, NOT_TASK_OPENERS, REPORT_OPENERS, SENTENCE_SPLIT, SPEAKER_WORDS,
                                        SPEECH_VERB, is_report, key_of, opens_subject, starts_with_action, words_of)
from theodoi.nlp.lexicon import opens_action
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause, Verdict


class ClauseReader:
    """Reads the units of one document with the strategies given."""

    def __init__(self, reader: TaskText, strategies: list[Callable]):
        self.r = reader
        self.strategies = strategies

    def sentences(self, start: int, content: str) -> list[tuple[int, int]]:
        out, last = [], 0
        for m in SENTENCE_SPLIT.finditer(content):
            if ABBREV_END.search(content[:m.start()]):
                continue
            out.append((start + last, start + m.start()))
            last = m.end()
        out.append((start + last, start + len(content)))
        return [(s, e) for s, e in out if self.r.text[s:e].strip()]

    def unit_tasks(self, start: int, content: str, inherited: list[BodyMention], directive: bool, depth,
                    inherited_support: list[BodyMention]):
        tasks: list[Task] = []
        request = None
        unit_lead, unit_support = inherited, inherited_support
        for s, e in self.sentences(start, content):
            s = self.r.after_adverbial(s, e)
            main = self.after_ground(s, e)
            if main is None and depth is None:
                continue  # "Thực hiện Quyết định số ... của ...; Kế hoạch số ...": only why, before the items
            s = main or s
            sentence = self.r.text[s:e]
            if CLOSING.search(sentence) or key_of(sentence).startswith(REPORT_OPENERS) \
                    and not self.r.is_submission(self.r.skip(s, e), e):
                found, req = [], None
            else:
                found, req = self.sentence_tasks(s, e, unit_lead, directive or bool(inherited), unit_support)
            if not found and self.r.last_task is not None and self.r.last_task.deadline is None:
                # "Thời gian tổ chức hội nghị trong quý I năm 2011.", "Trước ngày 08/3/2010, Phó Thủ
                # tướng sẽ nghe báo cáo ...": a sentence that asks nothing itself dates the task before it
                self.r.last_task.deadline = self.r.time_note(s, e)
            for task in found:
                if task.lead and task.component.endswith(("cue", "subject")):
                    # "đề nghị X chủ trì, phối hợp với Y ...": the next sentences are X's, with Y (when X
                    # only cooperates, "X phối hợp với Y trong ...", the next duties are X's alone)
                    unit_lead = task.lead
                    unit_support = task.support if "chủ trì" in key_of(task.text) else []
            tasks.extend(found)
            if found:
                self.r.last_task = found[-1]
            if req is not None:
                request = req
        if not tasks and request is None and inherited and directive and self.r.directive_kind \
                and self.is_listed_duty(content):
            # an item under "yêu cầu các sở ...: 1. ... 2. ..." is a duty even when it opens with
            # a noun ("Việc huy động các nguồn vốn ...", "Các nội dung về xã hội ...")
            tasks.append(self.r.task(self.r.skip(start, start + len(content)), start + len(content), inherited,
                                    "theodoi_tasks.listed", 0.6, inherited_support))
        return tasks, request

    def after_ground(self, s: int, e: int) -> int | None:
        """Where the main clause starts after a ground that opens the sentence ("Thực hiện Quyết định
        số ... của ..., Sở A ..."): the first comma or semicolon that a body, a subject or a cue
        follows; None when the sentence is only the ground; `s` when it opens otherwise."""
        r, text = self.r, self.r.text
        pos = r.skip(s, e)
        if GROUND.match(text, pos, e) is None:
            return s
        for sep in re.finditer(r"[,;]\s+", text[pos:e]):
            at = pos + sep.end()
            if r.body_at(at) is not None or r.subject(at, e) is not None \
                    or any(c.start() < at + 40 for c in r.cues(at, e)):
                return at
        return None

    @staticmethod
    def is_listed_duty(content: str) -> bool:
        """Whether an item that does not open with a verb still reads as a duty: not a heading,
        a figure ("Vốn đối ứng: 1.200 triệu đồng"), a description ("Năm 2010 là ...") or a report."""
        stripped = content.strip()
        words = stripped.split()
        head = " ".join(words_of(stripped)[:10])
        return len(words) >= 6 and not stripped.endswith(":") and not stripped.isupper() \
            and not re.search(r":\s*[\d.,]+\s*(?:triệu|tỷ|nghìn|%|$)", stripped) \
            and not re.search(r"\b(?:là|sẽ có|đã|đang)\b", head) and not is_report(stripped) \
            and not CLOSING.search(stripped) and not key_of(stripped).startswith(REPORT_OPENERS)

    def sentence_tasks(self, s: int, e: int, inherited: list[BodyMention], directive: bool,
                        inherited_support: list[BodyMention]):
        """Tasks of one sentence, split at ";" where a new body takes over, and after an inline
        "... các việc sau đây: A; B; C" at each ";" that opens an action (A, B, C inherit the lead)."""
        text = self.r.text

        def past_label(pos: int) -> int:  # "(ii) Kết nối ...": the item after its label
            label = INLINE_LABEL.match(text, pos)
            return label.end() if label else pos

        inline = INLINE_LIST.search(text, s, e)
        cuts: list[tuple[int, int]] = []  # (end of a clause, start of the next)
        first = past_label(self.r.skip(inline.end(), e)) if inline is not None else e
        if inline is not None and (first > self.r.skip(inline.end(), e) or starts_with_action(text[first:e])):
            cuts.append((inline.end() - 1, first))
        else:
            inline = None
        clause_start = s
        for m in re.finditer(r";\s*|,\s+còn\s+", text[s:e]):  # (", còn X ...": X's own duty follows)
            nxt = s + m.end()
            item = past_label(nxt)
            names, names_end = self.r.body_list(self.r.skip(clause_start, e))
            if names and names_end >= s + m.start() - 1 or self.r.in_support_list(clause_start, s + m.start()):
                continue  # "Các bộ, cơ quan ngang bộ; Ủy ban nhân dân các tỉnh ... khẩn trương ...": one list of subjects
                # (or of bodies asked to cooperate: "phối hợp Sở A; các doanh nghiệp ... rà soát ...")
            in_list = inline is not None and nxt > inline.end() and (item > nxt or starts_with_action(text[nxt:e]))
            if self.r.body_at(nxt) is not None or CUE.match(text, nxt) or in_list:
                cuts.append((s + m.start(), item))
                clause_start = item
        clauses, last = [], s
        for end, nxt in sorted(cuts):
            clauses.append((last, end))
            last = nxt
        clauses.append((last, e))
        tasks, request = [], None
        lead_so_far, support_so_far = inherited, inherited_support
        labelled = {item for end, item in cuts if INLINE_LABEL.search(text, end, item)}
        for cs, ce in clauses:
            task, req = self.clause_task(cs, ce, lead_so_far, directive, support_so_far)
            if task is None and cs in labelled and len(text[cs:ce].split()) >= 3:
                # "(ii) Kết nối dữ liệu ...": a labelled item of an inline list is a duty whatever its first word
                task = self.r.task(cs, ce, lead_so_far, "theodoi_tasks.listed", 0.6, support_so_far)
            if req is not None:
                request = req
            if task is not None:
                # ("HĐND tỉnh tán thành Tờ trình ...": the body agrees; not when more follows its ";")
                tasks.extend(t for t in self.r.split_actions(task)
                             if not (key_of(t.text).startswith(AGREES) and ";" not in t.text))
                directive = True
                if inline is not None and ce <= inline.end() and task.lead:
                    lead_so_far, support_so_far = task.lead, task.support
        return tasks, request

    def clause_task(self, s: int, e: int, inherited: list[BodyMention], directive: bool,
                    inherited_support: list[BodyMention]) -> Verdict:
        """The task or request of one clause: the verdict of the first strategy that reads it."""
        r, text = self.r, self.r.text
        labelled = r.after_label(s, e)
        s = r.after_time_lead_in(labelled, e)
        lead_in = r.deadline_in(r.skip(labelled, e), r.skip(labelled, e) + 1) if s != labelled else None
        # "Tháng 7 năm 2010: có sơ kết ...": a step of a schedule, dated to the month or closer
        # "Đến năm 2020, ...", "Giai đoạn 2011 - 2015 ...": a step of a plan towards a horizon ("Năm 2010, ..." describes)
        timed = lead_in is not None and (lead_in.kind in ("date", "month", "quarter", "half-year")
                                         or lead_in.kind == "year" and HORIZON.match(lead_in.text)
                                         or lead_in.kind == "relative") \
            and len(text[s:e].split()) >= 4 and not re.match(r"[\d.,\s]+", text[s:s + 4])
        if key_of(text[s:e]).startswith(NOT_TASK_OPENERS) or AMENDMENT.match(text, r.skip(s, e), e):
            return None, None  # (what the decision itself does: approves, amends)
        speech = SPEECH_VERB.search(text, s, e)
        speaker = words_of(text[s:speech.start()]) if speech is not None else []
        if speech is not None and len(speaker) <= SPEAKER_WORDS and not re.search(r"[,;:]", text[s:speech.start()]) \
                and not any(opens_action(speaker[i:]) for i in range(len(speaker))) \
                and (r.body_at(s) is not None or opens_subject(text, s, e)) and not r.rest_is_empty(speech.end(), e):
            s = speech.end()  # "Thủ tướng nhấn mạnh, các bộ phải ...": what is said, not who says it
            directive = directive or CUE.search(speech.group(0)) is not None  # "... yêu cầu, X phải ...": asked
        clause = Clause(s, e, inherited, inherited_support, directive, lead_in, timed)
        for read in self.strategies:
            verdict = read(r, clause)
            if verdict is not None:
                return verdict
        return None, None
