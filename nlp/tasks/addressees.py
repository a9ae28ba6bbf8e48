"""Who a clause names: bodies listed from a point, a clause's subject, support after "phối hợp".

`Addressees` reads the document's text and the bodies found by `theodoi_bodies`; the task
strategies ask it where a list of bodies ends, which bodies open a clause as its subject,
and which bodies a task names as support.
"""
from __future__ import annotations

import re

from theodoi.domain import BodyMention
from theodoi.nlp import agencies
from theodoi.nlp.body_words import GROUP_NOUNS, THING_NOUNS
from theodoi.nlp.lexicon import ROLE_MODIFIERS, opens_action
from theodoi.nlp.tasks.patterns import (CUE, MODAL, NEW_BODY, NOT_CUE_BEFORE, SUPPORT_CUE, key_of, opens_subject,
                                        starts_predicate)

LIST_JOINER = re.compile(r"\s*(?:,|;|và|hoặc)\s*(?:và\s+)?(?:(?:đặc biệt|nhất|trong đó)(?:\s+là)?\s+)?", re.IGNORECASE)
# A function with its level: "quản lý đất đai cấp xã" after "cơ quan có chức năng".
FUNCTION_LEVEL = re.compile(r"(?:\w+\s+){1,5}?cấp\s+(?:tỉnh|huyện|xã|thành phố|quận|phường|cơ sở|trung ương)\b",
                            re.IGNORECASE)
SHAPED_NAME_WORDS = 14  # the longest addressee read by its shape ("thủ trưởng các cơ quan, đơn vị ...")
# A kind of body written once for the names after a colon, with the title of their heads:
# "các Sở:", "Giám đốc các Sở:", "Thủ trưởng các Cục:".
SHARED_HEAD = re.compile(r"(?:((?i:giám đốc|thủ trưởng|bộ trưởng|chủ tịch|lãnh đạo|trưởng|cục trưởng|vụ trưởng))\s+)?"
                         r"(?i:các)\s+((?i:bộ|sở|ban|cục|vụ|tổng cục|chi cục|phòng|trung tâm|hội|đài|viện|trường))")


def names_a_thing(text: str, pos: int) -> bool:
    """Whether the words at `pos` open with a thing that only looks like a body ("Trường hợp ...")."""
    words = key_of(text[pos:pos + 24]).split()
    return any(" ".join(words[:n]) in THING_NOUNS for n in (2, 3, 4))


class Addressees:
    """The bodies of one document's text, and how clauses name them."""

    def __init__(self, text: str, bodies: list[BodyMention]):
        self.text = text
        self.bodies = sorted(bodies, key=lambda b: b.start)
        self.by_start = {b.start: b for b in self.bodies}

    def skip(self, pos: int, end: int) -> int:
        while pos < end and self.text[pos] in " ,:;-–+*\t":  # (and markdown's bold marks)
            pos += 1
        return pos

    def body_at(self, pos: int) -> BodyMention | None:
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        return self.by_start.get(pos)

    def body_list(self, pos: int) -> tuple[list[BodyMention], int]:
        """Bodies listed from pos: "Sở A, Sở B và các cơ quan liên quan"; a shared head written out
        ("các Sở: Y tế, Tư pháp; Công an tỉnh"); a name the gazetteer does not know kept by its
        shape between two bodies of the list ("Sở A, Thuế tỉnh B, Sở C")."""
        names: list[BodyMention] = []
        end = pos
        while True:
            body = self.body_at(pos) or (self._unknown_member(pos) if names else None)
            if body is None:
                break
            enumerated = self.enumerated(body)
            if enumerated:  # "các Bộ: Tài chính, Kế hoạch và Đầu tư"
                names.extend(enumerated)
                end = enumerated[-1].end
            else:
                body, end = self._with_aside(body)
                names.append(body)
            m = LIST_JOINER.match(self.text, end, end + 24)
            if not m:
                break
            pos = m.end()
        return names, end

    def _with_aside(self, body: BodyMention) -> tuple[BodyMention, int]:
        """The body with what is written beside it, and where it ends: "Bộ Tài chính (Kho bạc Nhà nước)", not a
        note in lower case ("(nơi có đất)"); "Tổng Thư ký
        Quốc hội - Chủ nhiệm Văn phòng Quốc hội" (one person, two titles; not "Bộ A - Cơ quan
        thường trực ...", a role)."""
        aside = re.match(r"\s*\(([^()]{1,40})\)", self.text[body.end:body.end + 44])
        if aside and (body.canonical and agencies.canonical(aside.group(1)) == body.canonical
                      or aside.group(1).strip()[:1].islower()):
            # "Sở Kế hoạch và Đầu tư (Sở KH&ĐT)": its short name; "UBND cấp xã (nơi có đất)": a note
            return body, body.end + aside.end()
        if aside:
            body = BodyMention(self.text[body.start:body.end + aside.end()], body.start,
                               body.end + aside.end(), body.canonical, body.is_group)
        joint = re.match(r"\s+[-–]\s+", self.text[body.end:body.end + 5])
        second = self.body_at(body.end + joint.end()) if joint else None
        if second is not None and not key_of(second.text).startswith("cơ quan"):
            body = BodyMention(self.text[body.start:second.end], body.start, second.end, body.canonical,
                               body.is_group)
        return body, body.end

    def _unknown_member(self, pos: int) -> BodyMention | None:
        """A capitalised name the gazetteer does not know, between two members of a list: kept when a
        joiner and a known body follow it ("Thuế thành phố X và UBND các xã")."""
        m = re.match(r"[A-ZĐÀ-Ỹ][^,;:.()\n]{1,60}?(?=\s*(?:,|;|\svà\s))", self.text[pos:pos + 64])
        if m is None or len(m.group(0).split()) > 9:
            return None
        joiner = LIST_JOINER.match(self.text, pos + m.end(), pos + m.end() + 24)
        if joiner is None or self.body_at(joiner.end()) is None:
            return None
        return BodyMention(m.group(0), pos, pos + m.end(), agencies.canonical(m.group(0)), False)

    def enumerated(self, group: BodyMention) -> list[BodyMention]:
        """ "các Bộ: Kế hoạch và Đầu tư, Tài chính và Văn phòng Chính phủ" → Bộ Kế hoạch và Đầu tư,
        Bộ Tài chính, Văn phòng Chính phủ: the kind of body written once before a colon (with a
        title: "Giám đốc các Sở: Y tế, Tư pháp" → "Giám đốc Sở Y tế", ...) and the names after it,
        each the longest one the gazetteer knows (alone or after the kind), else a capitalised
        name read by its shape ("các Cục: Quản trị, Thống kê"); [] when `group` is not followed so."""
        text = self.text
        head = SHARED_HEAD.fullmatch(group.text)
        colon = re.match(r"\s*:\s*", text[group.end:group.end + 4])
        if head is None or colon is None:
            return []
        title = f"{head.group(1)} " if head.group(1) else ""
        kind = head.group(2)[0].upper() + head.group(2)[1:].lower()
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
                n = self._shaped_length(words, i)
                name = " ".join(w for w, _, _ in words[i:i + n])
            full = name if agencies.lookup(name) is not None else f"{kind} {name}"
            out.append(BodyMention(f"{title}{full}", words[i][1], words[i + n - 1][2],
                                   agencies.canonical(full), False))
            i += n
            if i < len(words) and words[i][0] in (",", "và"):
                i += 1
            else:
                break
        return out

    @staticmethod
    def _shaped_length(words: list[tuple[str, int, int]], i: int) -> int:
        """How many words from i make a name the gazetteer does not know: capitalised syllables and
        the lowercase ones of their words, up to a comma, "và" or an action ("Thống kê phối hợp")."""
        n = 1
        while i + n < len(words) and n < SHAPED_NAME_WORDS // 2:
            word = words[i + n][0]
            if word in (",", ";", ".", ":", "và") or opens_action(key_of(" ".join(w for w, _, _ in words[i + n:i + n + 3])).split()):
                break
            n += 1
        return n

    def support(self, start: int, end: int) -> list[BodyMention]:
        """The bodies asked to cooperate in text[start:end]: after "phối hợp với", "kết hợp với",
        "cùng (với)"; a list that goes on with bodies the gazetteer does not know keeps them by
        their shape ("phối hợp với Sở A và chính quyền địa phương tổ chức ...")."""
        out: list[BodyMention] = []
        for m in SUPPORT_CUE.finditer(self.text, start, end):
            names, list_end = self.body_list(m.end())
            if m.group(0).strip().lower() == "cùng" and not (names and (names[0].canonical or names[0].text[0].isupper())):
                continue  # bare "cùng" before a common noun ("cùng các ngành công nghiệp phụ trợ") is no support
            joiner = LIST_JOINER.match(self.text, list_end, end) if names else None
            rest = joiner.end() if joiner else (m.end() if not names else None)
            shaped = self.named_by_shape(rest, end) if rest is not None else None
            if shaped is not None and shaped[1] < end:
                names = names + shaped[0]
            out.extend(n for n in names if n.end <= end)
        return out

    def in_support_list(self, start: int, pos: int) -> bool:
        """Whether a list of bodies asked to cooperate, opened in text[start:pos], runs on to `pos`
        ("phối hợp Sở A; các doanh nghiệp ..."): a ";" there does not end the clause."""
        cue = None
        for cue in SUPPORT_CUE.finditer(self.text, start, pos):
            pass
        if cue is None:
            return False
        names, end = self.body_list(cue.end())
        return bool(names) and end >= pos - 1

    def named_by_shape(self, pos: int, end: int) -> tuple[list[BodyMention], int] | None:
        """Addressees the gazetteer does not know, read by their shape after a cue: a phrase that
        opens with a body's head noun or a title ("các phòng, ban chuyên môn", "thủ trưởng các đơn
        vị trực thuộc") up to the action or modal that follows it, or up to the ":" that ends a
        request. (the bodies, where the action starts) or None."""
        text = self.text
        pos = self.skip(pos, end)
        opener = opens_subject(text, pos, end)
        if opener is None or names_a_thing(text, pos):
            return None
        scan = opener.end() - 1
        role = re.match(r"\s*(\w+\s+\w+)", text[scan:end])
        if role and key_of(role.group(1)) in ROLE_MODIFIERS:  # "các cơ quan quản lý ..."
            scan += role.end()
        function_end = 0
        for n, word in enumerate(re.finditer(r"[^\s,]+", text[scan:end])):
            at = scan + word.start()
            if n > SHAPED_NAME_WORDS or re.search(r"[.;]", text[pos:at]):
                return None
            function_end = max(function_end, self._function_end(at, end))
            if text[at] == ":" or re.match(r"[^\w\s]*$", text[at:end]):
                cut = at
            elif starts_predicate(text[at:end]) and at >= function_end:
                cut = at
            else:
                continue
            names = self.segment_names(pos, len(text[:cut].rstrip(" ,")))
            return (names, cut) if names else None
        names = self.segment_names(pos, end) if len(text[pos:end].split()) <= SHAPED_NAME_WORDS else []
        return (names, end) if names else None

    def _function_end(self, at: int, end: int) -> int:
        """Where the function of a body ends when the words at `at` say what it does after "có chức
        năng / thẩm quyền" and a level closes them ("cơ quan có chức năng quản lý đất đai cấp xã"): part
        of the name, not its action; 0 otherwise."""
        if not re.search(r"(?:chức năng|thẩm quyền)\s+$", self.text[max(0, at - 24):at], re.IGNORECASE):
            return 0
        m = FUNCTION_LEVEL.match(self.text, at, end)
        return m.end() if m else 0

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
            if tuple(piece.lower().split()) in GROUP_NOUNS and self.body_at(nxt) is None:
                continue  # "Các Vụ, Cục": one group
            if self.body_at(nxt) is not None or text[nxt:nxt + 1].isupper() \
                    or re.match(r"(?:các|những)\s", text[nxt:end], re.IGNORECASE) or NEW_BODY.match(text, nxt, end):
                cuts.append(nxt)
        out = []
        for a, b in zip(cuts, cuts[1:] + [end]):
            piece = re.sub(r"(?:\s*[,;]|\s+và)\s*$", "", text[a:b]).strip()
            if piece:
                known = self.body_at(a)
                if known is not None and known.end == a + len(piece):
                    out.append(known)  # (as the body finder wrote it: "Thủ trưởng" + "cơ quan thuộc Chính phủ")
                    continue
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
        opens = bool(names) and (self.body_at(pos) is not None or not text[pos:names[0].start].strip())
        if not opens and (not opens_subject(text, pos, end) or names_a_thing(text, pos)):
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
