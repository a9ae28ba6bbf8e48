"""Headings and lead-ins: an item that names addressees or opens a part of the document.

"1. Sở Tài chính:", "Trách nhiệm của các địa phương", "Sở A chủ trì, phối hợp với Sở B:"
name who the items below answer to; "II. NHIỆM VỤ VÀ GIẢI PHÁP" opens a part that gives
instructions, "I. TÌNH HÌNH" one that does not.
"""
from __future__ import annotations

import re

from theodoi.domain import BodyMention
from theodoi.nlp.tasks.patterns import (ADDRESSEE_PREFIX, BACKGROUND_HEADING, CUE, DIRECTIVE_HEADING, PRESENTS_ITSELF,
                                        opens_subject, starts_predicate, starts_with_action)
from theodoi.nlp.tasks.reader import TaskText

# A prefix that makes the rest of a heading the topic, never a clause: "Đối với các cơ sở ... có ...:".
TOPIC_PREFIX = re.compile(r"(?:đối với|trách nhiệm của|nhiệm vụ của)\s", re.IGNORECASE)
# What a heading that names its addressees may end with: "... có trách nhiệm", "(theo danh sách kèm theo)".
HEADING_TAIL = re.compile(r"(?:\s*\([^()]*\)|\s+(?:có|chịu)\s+trách nhiệm(?:\s+(?:thực hiện|như sau))?)+\s*$",
                          re.IGNORECASE)
# A person named by the field they are in charge of: "Cán bộ phụ trách lĩnh vực ...", "Các Phó Chủ tịch
# phụ trách ...", "Đồng chí Ủy viên ... phụ trách ...": a heading that is all such a name is one addressee.
IN_CHARGE = re.compile(r"(?:(?:các\s+)?(?:đồng chí|đ/c)\s+)?(?:các\s+)?(?:phó\s+)?(?:cán bộ|công chức|chuyên viên|"
                       r"chủ tịch|giám đốc|trưởng ban|trưởng phòng|ủy viên|uỷ viên|thành viên)\b[^:;.]{0,80}?"
                       r"\sphụ trách\s", re.IGNORECASE)
# What the body that issues says before its items: "X quyết nghị:", "X quyết định:", "X kết luận như sau:".
DECIDES = re.compile(r"\s+(?:quyết nghị|quyết định|kết luận|chỉ thị|thống nhất|nhất trí)(?:\s+như sau)?\s*", re.IGNORECASE)

def read_heading(r: TaskText, start: int, content: str):
    """For an item that names addressees or opens a part of the document:
    (addressees, their support, directive? (None: as the part around it), start of an
    action on the same line or None)."""
    stripped = content.strip().rstrip("*_").rstrip()  # (a markdown heading's closing "**")
    if not stripped:
        return None
    lead = len(content) - len(content.lstrip())
    colon = stripped.find(":")
    head = stripped if colon < 0 else stripped[:colon]
    words = head.split()
    ends_sentence = stripped.endswith((".", ";"))
    if BACKGROUND_HEADING.match(head) and len(words) <= 14 \
            and (colon in (-1, len(stripped) - 1) and not ends_sentence or colon > 0):
        return [], [], False, None  # background ("Mục tiêu đến năm 2030: ..."): neither it nor its items are tasks
    prefix = ADDRESSEE_PREFIX.match(head)
    body_from = start + lead + (prefix.end() if prefix else 0)
    names, end = r.body_list(body_from)
    head_end = start + lead + len(head)
    named = _named_heading(r, prefix, names, body_from, head_end) \
        if colon in (-1, len(stripped) - 1) and not ends_sentence and len(words) <= 40 and not head.isupper() else None
    if named:
        return named, [], True, None
    if prefix and not names and len(words) <= 15 and colon in (-1, len(stripped) - 1) and not ends_sentence:
        # "Trách nhiệm của chính quyền các địa phương": whoever follows the prefix
        return r.segment_names(body_from, head_end), [], True, None
    if names and end >= head_end - 1 and len(words) <= 40 \
            and not head.isupper():  # an upper-case line is the issuer or a title, not an addressee
        rest = None
        if colon >= 0 and stripped[colon + 1:].strip():
            rest = r.skip(start + lead + colon + 1, start + len(content))
            if not starts_predicate(r.text[rest:start + len(content)]):
                return None  # "Các thị trấn: Lấp Vò, Mỹ Thọ": a list of places, not addressees
        return names, [], True, rest
    if colon == len(stripped) - 1 and not CUE.search(head):
        if PRESENTS_ITSELF.fullmatch(stripped):  # (also when its name is glossed: "Ủy ban nhân dân (UBND) tỉnh")
            return [], [], True, None
        subject = r.subject(body_from, head_end) or _subject_after_opening(r, body_from, head_end)
        if subject is not None:  # "Sở A chủ trì, phối hợp với Sở B:" / "Thủ trưởng các sở có trách nhiệm:"
            subject_names, predicate = subject
            if PRESENTS_ITSELF.fullmatch(r.text, predicate, head_end + 1):
                return [], [], True, None  # "Sở A ban hành Kế hoạch ... như sau:": the issuer, not the addressee
            return subject_names, r.support(predicate, head_end), True, None
        opens_with_body = bool(names) and names[0].start == r.skip(body_from, head_end)
        if opens_with_body and DECIDES.fullmatch(r.text, end, head_end):
            return [], [], True, None  # "Ban Thường vụ Tỉnh ủy quyết nghị:": the speaker, not the addressee
        if opens_with_body and re.match(r"\s*[-–(]\s*[a-zà-ỹđ]", r.text[end:head_end]):
            return names, [], True, None  # "Sở A - thường trực kế hoạch:": the body, not its role
        if (opens_with_body or opens_subject(r.text, body_from, head_end)) \
                and not starts_with_action(head) and len(words) <= 30:
            # "Các LĐLĐ tỉnh, thành phố, công đoàn ngành trung ương:" → the bodies as written
            return r.segment_names(body_from, head_end), [], True, None
    if not ends_sentence and colon in (-1, len(stripped) - 1) and len(words) <= 16 \
            and (not starts_with_action(head) or _heading_only(head)) and not names \
            and not any(True for _ in r.cues(body_from, head_end)):
        return [], [], True if DIRECTIVE_HEADING.search(head) else None, None
    return None


def _named_heading(r: TaskText, prefix, names, start: int, end: int):
    """The addressees of a heading that is all a name: after a topic prefix ("Đối với các đơn vị
    quản lý trạm cấp nước sạch nông thôn:"), or bodies that open it and go on with more
    members or a descriptor, without a predicate ("Các cơ sở giáo dục nghề nghiệp, trung cấp",
    "Các hợp tác xã và hộ gia đình nuôi trồng thủy sản ven biển có trách nhiệm"). None otherwise."""
    tail = HEADING_TAIL.search(r.text, start, end)
    end = tail.start() if tail else end
    if prefix is not None and TOPIC_PREFIX.match(prefix.group(0)):
        return r.segment_names(start, end) if r.body_at(start) or opens_subject(r.text, start, end) else None
    if prefix is None and IN_CHARGE.match(r.text, start, end) and not any(True for _ in r.cues(start, end)):
        name = r.text[start:end].strip()
        return [BodyMention(name, start, start + len(name), None, name.lower().startswith("các "))]
    if prefix is not None or not names or names[0].start != r.skip(start, end) or any(True for _ in r.cues(start, end)):
        return None
    rest = r.text[names[-1].end:end]
    if not rest.strip():
        return None  # the names alone: read as before
    members = re.match(r"\s*(?:,|và)\s+", rest)
    if tail or members and not starts_predicate(rest.lstrip(" ,").removeprefix("và ").strip()):
        # (before "có trách nhiệm" a verb describes the bodies: "... hộ gia đình khai thác nước ngầm")
        return r.segment_names(start, end)
    return None


def _heading_only(head: str) -> bool:
    """Whether a line that opens with a verb is still only a heading: in capitals ("ĐỀ XUẤT",
    "TỔ CHỨC THỰC HIỆN") or a heading's phrase alone ("Tổ chức thực hiện"); its items are the tasks."""
    return head.isupper() or DIRECTIVE_HEADING.fullmatch(head.strip(" .")) is not None


def _subject_after_opening(r: TaskText, start: int, end: int):
    """The subject of a lead-in that opens with a time or a ground ("Hằng năm, căn cứ ..., cơ quan
    quản lý đất đai cấp xã chủ trì, phối hợp ...:"): bodies after a comma, up to their action."""
    for comma in re.finditer(r",\s+", r.text[start:end]):
        at = start + comma.end()
        if r.body_at(at) is None and not opens_subject(r.text, at, end):
            continue
        subject = r.subject(at, end)
        if subject is None:
            shaped = r.named_by_shape(at, end)
            subject = shaped if shaped is not None and shaped[1] < end - 1 else None
        if subject is not None:
            return subject
    return None
