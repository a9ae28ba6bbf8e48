"""Who a clause names: bodies listed from a point, a clause's subject, support after "phối hợp".

`Addressees` reads the document's text and the bodies found by `theodoi_bodies`; the task
strategies ask it where a list of bodies ends, which bodies open a clause as its subject,
and which bodies a task names as support.
"""
from __future__ import annotations

import re

from theodoi.domain import BodyMention
from theodoi.nlp import agencies
from theodoi.nlp.components.agencies import GROUP_NOUNS
from theodoi.nlp.tasks.patterns import (CUE, MODAL, NEW_BODY, NOT_CUE_BEFORE, SUBJECT_OPENER, SUPPORT_CUE, key_of,
                                        starts_predicate)


class Addressees:
    """The bodies of one document's text, and how clauses name them."""

    def __init__(self, text: str, bodies: list[BodyMention]):
        self.text = text
        self.bodies = sorted(bodies, key=lambda b: b.start)
        self.by_start = {b.start: b for b in self.bodies}

    def skip(self, pos: int, end: int) -> int:
        while pos < end and self.text[pos] in " ,:;-–+\t":
            pos += 1
        return pos

    def body_at(self, pos: int) -> BodyMention | None:
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        return self.by_start.get(pos)

    def body_list(self, pos: int) -> tuple[list[BodyMention], int]:
        """Bodies listed from pos: "Sở A, Sở B và các cơ quan liên quan"."""
        names: list[BodyMention] = []
        end = pos
        while True:
            body = self.body_at(pos)
            if body is None:
                break
            enumerated = self.enumerated(body)
            if enumerated:  # "các Bộ: Tài chính, Kế hoạch và Đầu tư"
                names.extend(enumerated)
                end = enumerated[-1].end
                break
            aside = re.match(r"\s*\([^()]{1,40}\)", self.text[body.end:body.end + 44])
            if aside:  # "Bộ Tài chính (Kho bạc Nhà nước)"
                body = BodyMention(self.text[body.start:body.end + aside.end()], body.start,
                                   body.end + aside.end(), body.canonical, body.is_group)
            joint = re.match(r"\s+[-–]\s+", self.text[body.end:body.end + 5])
            second = self.body_at(body.end + joint.end()) if joint else None
            if second is not None:  # "Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội": one person, two titles
                body = BodyMention(self.text[body.start:second.end], body.start, second.end, body.canonical,
                                   body.is_group)
            names.append(body)
            end = body.end
            m = re.match(r"\s*(?:,|;|và|cùng)\s*(?:và\s+)?(?:(?:đặc biệt|nhất|trong đó)(?:\s+là)?\s+)?",
                         self.text[end:end + 24], re.IGNORECASE)
            if not m:
                break
            pos = end + m.end()
        return names, end

    def enumerated(self, group: BodyMention) -> list[BodyMention]:
        """ "các Bộ: Kế hoạch và Đầu tư, Tài chính và Văn phòng Chính phủ" → Bộ Kế hoạch và Đầu tư,
        Bộ Tài chính, Văn phòng Chính phủ: the kind of body written once before a colon and the
        names after it, each the longest one the gazetteer knows (alone or after the kind);
        [] when `group` is not followed so."""
        text = self.text
        head = re.fullmatch(r"các\s+(Bộ|Sở|Ban|Cục|Vụ|Tổng cục)", group.text, re.IGNORECASE)
        colon = re.match(r"\s*:\s*", text[group.end:group.end + 4])
        if head is None or colon is None:
            return []
        kind = head.group(1).capitalize()
        start = group.end + colon.end()
        words = [(m.group(0), start + m.start(), start + m.end())
                 for m in re.finditer(r"[^\s,;.:]+|[,;.:]", text[start:start + 300])]
        out: list[BodyMention] = []
        i = 0
        while i < len(words) and words[i][0][0].isupper():
            for n in range(min(8, len(words) - i), 0, -1):
                name = " ".join(w for w, _, _ in words[i:i + n])
                if agencies.lookup(name) is not None or agencies.lookup(f"{kind} {name}") is not None:
                    break
            else:
                break
            full = name if agencies.lookup(name) is not None else f"{kind} {name}"
            out.append(BodyMention(full, words[i][1], words[i + n - 1][2], agencies.canonical(full), False))
            i += n
            if i < len(words) and words[i][0] in (",", "và"):
                i += 1
            else:
                break
        return out

    def support(self, start: int, end: int) -> list[BodyMention]:
        out: list[BodyMention] = []
        for m in SUPPORT_CUE.finditer(self.text, start, end):
            names, _ = self.body_list(m.end())
            out.extend(n for n in names if n.end <= end)
        return out

    def segment_names(self, start: int, end: int) -> list[BodyMention]:
        """A subject written out ("Các Cục quản lý chuyên ngành, các Sở GTVT và các doanh
        nghiệp") cut into bodies where a comma, semicolon or "và" is followed by a new body:
        a known one, a capitalised name or "các ..."; "các cơ quan, đơn vị" stays one group."""
        text = self.text
        cuts = [start]
        for m in re.finditer(r"\s*[,;]\s*|\s+và\s+", text[start:end]):
            nxt = start + m.end()
            if any(b.start < nxt < b.end for b in self.bodies):
                continue  # inside a known name: "Sở Thông tin và Truyền thông"
            piece = re.match(r"[^,;]*?(?=\s*[,;]|\s+và\s|$)", text[nxt:end]).group(0)
            if tuple(piece.lower().split()) in GROUP_NOUNS:
                continue  # "Các Vụ, Cục": one group
            if self.body_at(nxt) is not None or text[nxt:nxt + 1].isupper() \
                    or re.match(r"(?:các|những)\s", text[nxt:end], re.IGNORECASE) or NEW_BODY.match(text, nxt, end):
                cuts.append(nxt)
        out = []
        for a, b in zip(cuts, cuts[1:] + [end]):
            piece = re.sub(r"(?:\s*[,;]|\s+và)\s*$", "", text[a:b]).strip()
            if piece:
                known = self.body_at(a)
                out.append(BodyMention(piece, a, a + len(piece), known.canonical if known else None,
                                       bool(known and known.is_group) or key_of(piece).startswith("cac ")))
        return out

    def subject(self, start: int, end: int) -> tuple[list[BodyMention], int] | None:
        """The bodies that open a clause as its subject and where the predicate starts:
        "Sở A, Sở B phải ...", "Cơ quan được giao chủ trì soạn thảo phải ...",
        "Các doanh nghiệp viễn thông hoạt động trên địa bàn cần ...". None when the clause
        does not open with a subject."""
        text = self.text
        pos = self.skip(start, end)
        names, names_end = self.body_list(pos)
        opens = bool(names) and not text[pos:names[0].start].strip()
        if not opens and not SUBJECT_OPENER.match(text, pos, end):
            return None
        modal = MODAL.search(text, pos, min(end, pos + 120))
        if modal is not None:
            segment = text[pos:modal.start()]
            named = re.fullmatch(r"[^()]{2,60}\(\s*([^()]+?)\s*\)\s*", segment)
            listed, listed_end = self.body_list(pos + named.start(1)) if named else ([], 0)
            if listed and listed_end >= pos + named.end(1) - 1:
                return listed, modal.start() + 1  # "Cơ quan thẩm định (Sở Tư pháp, Phòng Tư pháp) phải ..."
            if not re.search(r"[.;:()]", segment) and len(segment.split()) <= 14 \
                    and not any(True for _ in self.cues(pos, modal.start())):
                return self.segment_names(pos, modal.start()), modal.start() + 1
        if opens:
            listed = self.qualified_list(names_end, end)
            if listed is not None:  # "Các Cục quản lý chuyên ngành, các cơ quan, đơn vị phối hợp ..."
                return self.segment_names(pos, listed), self.skip(listed, end)
            predicate = self.skip(names_end, end)
            if not text[names_end:end].strip() or starts_predicate(text[predicate:end]):
                return names, predicate
        return None

    def qualified_list(self, pos: int, end: int) -> int | None:
        """When a body's name goes on in lowercase ("các Cục quản lý chuyên ngành") and a comma
        then another body follow, the list of subjects is as long as its bodies: where it ends."""
        text = self.text
        comma = re.match(r"([^,;.:]{1,40}?)\s*,\s*(?:và\s+)?", text[pos:end])
        if comma is None or len(comma.group(1).split()) > 4:
            return None
        names, names_end = self.body_list(pos + comma.end())
        if not names:
            return None
        return names_end

    def cues(self, s: int, e: int):
        """The cues "giao / yêu cầu / đề nghị ..." in text[s:e] that ask something of someone
        (not "được giao", "theo đề nghị", "các yêu cầu")."""
        for m in CUE.finditer(self.text, s, e):
            before = key_of(self.text[max(s, m.start() - 14):m.start()]).split()
            if not (before and (before[-1] in NOT_CUE_BEFORE or " ".join(before[-2:]) in NOT_CUE_BEFORE)):
                yield m
