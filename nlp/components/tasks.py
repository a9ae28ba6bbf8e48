"""`theodoi_tasks`: actions the document asks of someone, with lead and support bodies.

Reads doc.spans["units"] (theodoi_sections), doc.spans["bodies"] (theodoi_bodies) and,
when present, doc.spans["deadlines"]; writes doc.spans["tasks"] with `span._.task`.

A sentence is a task when
- it carries a cue with its addressee: "giao / yêu cầu / đề nghị X ..." (lead X);
- its subject is a body followed by a predicate that is not a report
  ("Sở A chủ trì ...", "Các địa phương cần ...", not "Sở A đã ..."), or a subject written
  out up to its modal ("Cơ quan được giao chủ trì soạn thảo phải ...");
- it opens with an action verb ("Tăng cường ...", "Chủ trì, phối hợp với ...") inside a
  directive part of the document (after "như sau:", a "yêu cầu" list, a heading of
  nhiệm vụ / giải pháp, "QUYẾT NGHỊ:", the articles of a resolution, an annexed plan),
  taking the addressees of the item or request it belongs to;
- in a directive kind of document, it is an item under a request with addressees even
  when it opens with a noun ("Việc huy động các nguồn vốn ...").
Addressees, support and a time lead-in ("Giai đoạn 2021 - 2025:", "Cuối tháng 3 năm 2010:")
are passed down through a stack of scopes: a numbered item covers the deeper items, a
paragraph that ends with ":" the items below it, a request that opens the document all of it.
"X chủ trì, phối hợp với Y": X is lead and Y support. Tables of tasks (Nhiệm vụ | Cơ quan
chủ trì | Cơ quan phối hợp | Thời gian) give one task per row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.domain import BodyMention, Deadline, Task
from theodoi.nlp import agencies
from theodoi.nlp.components.agencies import GROUP_NOUNS, HEADS
from theodoi.nlp.extensions import doc_text, register_extensions
from theodoi.nlp.task_tables import table_tasks
from theodoi.nlp.lexicon import REPORT_WORDS, leading_verb_length, opens_action
from theodoi.vietnamese import compare_key

register_extensions()

CUE = re.compile(r"(?<![\w])(giao(?!\s+(?:thông|dịch|lưu|nhận|thương|tiếp|ước|khoán|đất|ban|hàng|diện|kết|"
                 r"thoa|ca|quyền|việc|nộp))|yêu cầu|đề nghị|kêu gọi)(?![\w])", re.IGNORECASE)
# ("chỉ đạo X ..." is not one: the one who directs X is the lead, X only carries it out.)
NOT_CUE_BEFORE = {"theo", "các", "những", "đáp ứng", "về", "có", "được", "bàn", "thông", "sự", "ý kiến",
                  "kiến nghị", "nhiệm vụ được", "đúng", "với", "là", "nhằm", "của", "cơ quan", "văn bản"}
# Words that open a clause's subject when no known body does: "Cơ quan được giao ...".
_BODY_NOUNS = "|".join(sorted({" ".join(seq) for seq in GROUP_NOUNS | HEADS}, key=len, reverse=True))
SUBJECT_OPENER = re.compile(rf"(?i:(?:các|những|mọi)\s+)?(?i:{_BODY_NOUNS}|thủ trưởng|người đứng đầu|lãnh đạo|"
                            r"chủ tịch|giám đốc|công đoàn|nhà đầu tư|nhà thầu)[\s,]|(?i:các|những)\s+[A-ZĐ]{2,}\s")  # ... "Các LĐLĐ tỉnh"
# A body that cannot continue a group named before it ("..., công đoàn ngành trung ương").
NEW_BODY = re.compile("(?:" + "|".join(sorted({" ".join(seq) for seq in HEADS - GROUP_NOUNS} | {"công đoàn"},
                                              key=len, reverse=True)) + r")\s", re.IGNORECASE)
# Where a subject ends and its predicate starts: "... phải", "... có trách nhiệm".
MODAL = re.compile(r"\s(?:cần phải|phải|cần(?!\s+thiết)|có trách nhiệm|chịu trách nhiệm|khẩn trương|có thể)(?![\w])",
                   re.IGNORECASE)
# "căn cứ chức năng, nhiệm vụ, quyền hạn (được giao)": the mandate a body acts on, before its verb.
MANDATE = re.compile(r"(?:căn cứ|theo|trong phạm vi|thực hiện)\s+(?:(?:chức năng|nhiệm vụ|quyền hạn|thẩm quyền|"
                     r"được giao|của mình|theo quy định)(?:\s*,\s*|\s+và\s+|\s+|$))+", re.IGNORECASE)
REPORT_OPENERS = ("thời gian qua", "tuy nhiên", "bên cạnh", "kết quả", "nhìn chung", "trong năm qua",
                  "qua ", "theo báo cáo", "căn cứ", "xét ", "nơi nhận", "tham dự", "sau khi nghe")
CLOSING = re.compile(r"có hiệu lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?(?:từ|ngày)|\s*\.|\s*$)|xin thông báo|thông báo để|thông báo ý kiến|biết, thực hiện|"
                     r"để các cơ quan|kể từ ngày ký|thay thế", re.IGNORECASE)
NOT_TASK_OPENERS = ("phê duyệt", "thông qua", "thống nhất", "nhất trí", "đồng ý", "ban hành kèm theo")
DIRECTIVE_HEADING = re.compile(r"nhiệm vụ|giải pháp|tổ chức thực hiện|yêu cầu|đề nghị|kết luận|chỉ đạo|"
                               r"trách nhiệm|phân công|chương trình hành động|như sau|sau đây", re.IGNORECASE)
BACKGROUND_HEADING = re.compile(r"^(?:về )?(?:(?:các|những) )?(?:mục tiêu|mục đích|quan điểm|tình hình|kết quả|đánh giá|thực trạng|"
                                r"bối cảnh|căn cứ|phạm vi|đối tượng|chỉ tiêu)", re.IGNORECASE)
# Where the operative part of a resolution or decision starts ("QUYẾT NGHỊ:"), or the plan,
# programme or scheme it adopts ("CHƯƠNG TRÌNH ...", "KẾ HOẠCH ...") in capitals on its own line.
OPERATIVE_START = re.compile(r"^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH|CHỈ THỊ|KẾT LUẬN)\s*:?$|"
                             r"^(?:CHƯƠNG TRÌNH|KẾ HOẠCH|ĐỀ ÁN|NHIỆM VỤ|GIẢI PHÁP)(?:\s|$)")
# An opening adverbial clause before the main one: "Căn cứ hướng dẫn của Bộ, Sở A ...".
ADVERBIAL = re.compile(r"(?:căn cứ|trên cơ sở|để|nhằm)\s[^,;:.]{3,200},|"
                       r"(?:trong đó|đồng thời|ngoài ra|mặt khác|bên cạnh đó|cụ thể)\s*,", re.IGNORECASE)
# The end of a lead-in to a list written on one line: "... một số công việc sau đây: A; B".
INLINE_LIST = re.compile(r"(?:sau đây|như sau|sau|gồm|bao gồm)\s*:\s*", re.IGNORECASE)
# A deadline that the next word makes an obligation: "... chậm nhất đến ngày 31/12/2018 phải bàn giao".
DUE_CUE = re.compile(r"(?:chậm nhất|muộn nhất|trước|hạn chót|hạn)\b", re.IGNORECASE)
# A thing handed in by a time, with no body as subject: "Kết quả nghiên cứu gửi về Tổ biên tập trước
# ngày 31/3/2019", "Báo cáo phải nộp Sở Nội vụ chậm nhất ngày 15/12".
SUBMITTED = re.compile(r"[^;:()\n]{3,150}?\s(?:(?:phải|cần|được)\s+)?(?:gửi|nộp|trình|chuyển)(?:\s+(?:về|đến|cho|tới))?\s",
                       re.IGNORECASE)
# A time that opens a step of a plan: "Đến năm 2020", "Giai đoạn 2011 - 2015", "Thời kỳ 2021 - 2030".
HORIZON = re.compile(r"(?:đến|giai đoạn|thời kỳ)\s", re.IGNORECASE)
# A sentence that gives the time of the task before it.
TIME_NOTE = re.compile(r"\s*(?:thời gian|thời hạn|hạn chót|chậm nhất|tiến độ)\b", re.IGNORECASE)
# Where a second action may join the first in one clause: "... Chỉ thị và hằng năm tổng hợp ...",
# "..., trong quá trình thực hiện có khó khăn phải báo cáo ...".
SECOND_ACTION = re.compile(r"\s+và\s+|\s*;\s*|,\s*(?P<conditional>(?=(?:trong quá trình (?:thực hiện|triển khai)|"
                           r"nếu có|khi có)\s))", re.IGNORECASE)
# Where the second action's own words end: a time after it belongs to a purpose or a further clause.
PURPOSE_OR_COMMA = re.compile(r"[,;(]|\s(?:để|nhằm)\s", re.IGNORECASE)
MIN_CLAUSE_WORDS = 5  # each side of such a join is an action with its object, not a verb of a list
RECIPIENTS = re.compile(r"\s*nơi nhận\s*:", re.IGNORECASE)
# Kinds of document whose body is made of instructions from the start.
DIRECTIVE_KINDS = {"Chỉ thị", "Kế hoạch", "Thông báo kết luận", "Kết luận", "Công điện", "Chương trình"}
ADDRESSEE_PREFIX = re.compile(r"^(?:đối với|trách nhiệm của|nhiệm vụ của|giao|đề nghị|yêu cầu|riêng)\s+",
                              re.IGNORECASE)
SUPPORT_CUE = re.compile(r"phối hợp(?: chặt chẽ)?(?: với| cùng)?\s+", re.IGNORECASE)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])|(?<=:)\s+(?=[-+]\s)")
ABBREV_END = re.compile(r"(?:\b(?:TP|TT|Q|P|Tp|ThS|TS|PGS|GS|Th|St|v\.v|Nxb|Ths)\.|\b[A-ZĐ]\.)$")


def _number_item(numbering: list[tuple[float, str]], depth: float, label: str | None) -> None:
    """Update the numbering path for an item of `depth` labelled `label`: it closes the items
    at its depth or deeper; a numbered one ("2", "b", "II", "Điều 3", "2.1") joins the path,
    a bullet ("-", "+") does not. "2.1" stands for itself and its parent "2"."""
    while numbering and numbering[-1][0] >= depth:
        numbering.pop()
    if not label or not re.match(r"[\wĐđ]", label):
        return
    if re.fullmatch(r"[IVX][ivxIVX]*", label):
        label = label.upper()  # "Ii." of a sentence-cased heading is "II"
    if "." in label:
        numbering[:] = [(d, n) for d, n in numbering if not label.startswith(n + ".")]
    numbering.append((depth, label))


@dataclass
class Scope:
    """Addressees that the items below an item or request inherit."""

    depth: float
    bodies: list[BodyMention] = field(default_factory=list)
    directive: bool | None = None  # None: as the part of the document around it
    support: list[BodyMention] = field(default_factory=list)
    deadline: Deadline | None = None  # "Giai đoạn 2021 - 2025:", "Cuối tháng 3:" over a list


@lru_cache(maxsize=4096)  # a clause is checked several times (subject, predicate, report)
def _key(text: str) -> str:
    return compare_key(text)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _key(text))


def _starts_with_action(text: str) -> bool:
    return opens_action(_words(text))


def _has_object(text: str) -> bool:
    """Whether an action has words beyond a list of verbs: "kiểm tra việc thực hiện Chỉ thị"
    has, "theo dõi, đôn đốc, kiểm tra" (verbs that share the object after them) has not."""
    words = _words(text)
    left = 0
    while words:
        verb = leading_verb_length(words)
        left += 0 if verb else 1
        words = words[verb or 1:]
    return left >= 2


def _starts_predicate(text: str) -> bool:
    """Whether text opens a predicate asked of its subject: a modal or an action verb, also
    after "căn cứ chức năng, nhiệm vụ, quyền hạn" / "theo chức năng, nhiệm vụ được giao"."""
    m = MANDATE.match(text)
    if m:
        text = text[m.end():]
    return bool(MODAL.match(" " + text)) or _starts_with_action(text)


def _is_report(predicate: str) -> bool:
    """Whether a predicate reports ("đã ...", "là ...", "có ...") rather than asks;
    "có trách nhiệm", "cần", "phải" ask."""
    if MODAL.match(" " + predicate):
        return False
    words = _words(predicate)
    return not words or words[0] in REPORT_WORDS or " ".join(words[:2]) in REPORT_WORDS


class TaskFinder:
    """Finds tasks and their lead / support bodies."""

    def __init__(self, name: str, spans_key: str, units_key: str, bodies_key: str, deadlines_key: str):
        self.name = name
        self.spans_key = spans_key
        self.units_key = units_key
        self.bodies_key = bodies_key
        self.deadlines_key = deadlines_key

    # ------------------------------------------------------------------ main loop
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        bodies = sorted((s._.body for s in doc.spans.get(self.bodies_key, []) if s._.body),
                        key=lambda b: b.start)
        self._bodies = bodies
        self._by_start = {b.start: b for b in bodies}
        self._text = text
        self._deadlines = sorted((s._.deadline for s in doc.spans.get(self.deadlines_key, []) if s._.deadline),
                                 key=lambda d: d.start)
        tasks: list[Task] = []
        self._directive_kind = (doc._.doc_kind or "") in DIRECTIVE_KINDS
        self._last_task: Task | None = None
        scopes: list[Scope] = [Scope(depth=0, directive=self._directive_kind)]
        item_depth = 0
        numbering: list[tuple[float, str]] = []  # (depth, label) of the items open above this unit
        tables = [(b.start, b.end) for b in doc._.blocks or [] if b.kind == "table"]
        for unit in doc.spans.get(self.units_key, []):
            section = unit._.section
            depth = section.depth
            start, end = unit.start_char, unit.end_char
            if text[start:end].lstrip().startswith("|") or any(a <= start < b for a, b in tables):
                continue  # a table's rows are read as a table (below)
            if depth is not None:
                while len(scopes) > 1 and scopes[-1].depth >= depth:
                    scopes.pop()
                item_depth = depth
                _number_item(numbering, depth, section.label)
            # a scope opened by this unit covers the items below it: deeper items for a
            # numbered unit, the items deeper than the current one for a plain paragraph
            level = depth if depth is not None else item_depth + 0.5
            content_start = section.content_start
            content = text[content_start:unit.end_char]
            if not content.strip():
                continue
            inherited, inherited_support = self._inherited(scopes)
            directive = self._directive(scopes)
            if section.label is not None and section.label.lower().startswith("điều") and not scopes[0].directive:
                scopes[0].directive = True  # the articles of a resolution or decision give instructions
            if RECIPIENTS.match(content):  # "Nơi nhận:" ends the body; an annex may follow
                del scopes[1:]
                scopes[0].directive = False
                item_depth = 0
                numbering.clear()
                continue
            if OPERATIVE_START.match(content.strip()) and content.strip().isupper():
                del scopes[1:]  # "QUYẾT NGHỊ:" or an annexed plan: what follows gives instructions
                item_depth = 0
                numbering[:] = numbering[-1:] if depth is not None else []  # "II. NHIỆM VỤ" stays "II"
                scopes.append(Scope(0.5, [], True))
                continue
            heading = self._heading(content_start, content)
            if heading is not None:
                names, support, is_directive, rest_start = heading
                lead_in = self._after_time_lead_in(content_start, unit.end_char) != content_start
                self._open(scopes, Scope(level, names, True if names else is_directive, support,
                                         self._deadline_in(content_start, content_start + 3) if lead_in else None))
                if rest_start is None:
                    continue
                content_start, content = rest_start, text[rest_start:unit.end_char]
                if names:
                    inherited, inherited_support = names, support
                directive = True
            found, request = self._unit_tasks(content_start, content, inherited, directive, depth,
                                              inherited_support)
            if section.label and section.label.lower().startswith("điều"):
                # "Điều 1. Sửa đổi, bổ sung ..." is the decision itself; "Điều 2. Giao UBND ..." a task
                found = [t for t in found if not t.component.endswith("imperative")]
            for task in found:
                self._attach_deadline(task, content_start, scopes)
                task.label = ".".join(label for _, label in numbering) or None
            if depth is None and any(t.component.endswith("cue") for t in found):
                scopes[0].directive = True  # "Thủ tướng yêu cầu ...": the paragraphs after it go on asking
            tasks.extend(found)
            if request is not None:  # "yêu cầu các sở, ngành:" → the list below inherits
                self._open(scopes, Scope(level, request[0], True,
                                         deadline=self._deadline_in(content_start, unit.end_char)))
            elif found and (content.rstrip().endswith(":") or depth is not None and found[-1].lead):
                # "UBND tỉnh yêu cầu các sở ... thực hiện những nội dung sau:" → so do the items;
                # "a) Sở A phải ..." → so do the paragraphs and items that go on under a)
                last = found[-1]
                opens_list = content.rstrip().endswith(":")
                # a time that opens the item covers the items below it, not the paragraphs that go on
                lead_in = last.deadline if opens_list and last.deadline is not None \
                    and last.deadline.start < last.start else None
                support = list(last.support) if opens_list else []
                self._open(scopes, Scope(level, list(last.lead), True, support, lead_in))
        tasks.extend(self._table_tasks(doc))
        spans = []
        for task in tasks:
            span = doc.char_span(task.start, task.end, alignment_mode="expand")
            if span is not None:
                span._.task = task
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    @staticmethod
    def _inherited(scopes: list[Scope]) -> tuple[list[BodyMention], list[BodyMention]]:
        """Lead and support of the nearest scope that names addressees."""
        for scope in reversed(scopes):
            if scope.bodies:
                return scope.bodies, scope.support
        return [], []

    @staticmethod
    def _directive(scopes: list[Scope]) -> bool:
        """Whether the part of the document at the top of `scopes` gives instructions."""
        return next((s.directive for s in reversed(scopes) if s.directive is not None), False)

    @staticmethod
    def _open(scopes: list[Scope], scope: Scope) -> None:
        """Push a scope in place of the earlier ones of its level; what the new one leaves
        open (addressees, directive or not) it keeps from the scopes it replaces."""
        while len(scopes) > 1 and scopes[-1].depth >= scope.depth:
            replaced = scopes.pop()
            if not scope.bodies and replaced.bodies:
                scope.bodies, scope.support = replaced.bodies, replaced.support
            if scope.directive is None:
                scope.directive = replaced.directive
        scopes.append(scope)

    # ------------------------------------------------------------------ headings
    def _heading(self, start: int, content: str):
        """For an item that names addressees or opens a part of the document:
        (addressees, their support, directive? (None: as the part around it), start of an
        action on the same line or None)."""
        stripped = content.strip()
        if not stripped:
            return None
        lead = len(content) - len(content.lstrip())
        colon = stripped.find(":")
        head = stripped if colon < 0 else stripped[:colon]
        words = head.split()
        ends_sentence = stripped.endswith((".", ";"))
        if BACKGROUND_HEADING.match(head) and len(words) <= 14 and colon in (-1, len(stripped) - 1) \
                and not ends_sentence:
            return [], [], False, None  # background: its items are not tasks
        prefix = ADDRESSEE_PREFIX.match(head)
        body_from = start + lead + (prefix.end() if prefix else 0)
        names, end = self._body_list(body_from)
        head_end = start + lead + len(head)
        if prefix and not names and len(words) <= 15 and colon in (-1, len(stripped) - 1) and not ends_sentence:
            # "Trách nhiệm của chính quyền các địa phương": whoever follows the prefix
            return self._segment_names(body_from, head_end), [], True, None
        if names and end >= head_end - 1 and len(words) <= 40 \
                and not head.isupper():  # an upper-case line is the issuer or a title, not an addressee
            rest = None
            if colon >= 0 and stripped[colon + 1:].strip():
                rest = self._skip(start + lead + colon + 1, start + len(content))
                if not _starts_predicate(self._text[rest:start + len(content)]):
                    return None  # "Các thị trấn: Lấp Vò, Mỹ Thọ": a list of places, not addressees
            return names, [], True, rest
        if colon == len(stripped) - 1 and not CUE.search(head):
            subject = self._subject(body_from, head_end)
            if subject is not None:  # "Sở A chủ trì, phối hợp với Sở B:" / "Thủ trưởng các sở có trách nhiệm:"
                subject_names, predicate = subject
                return subject_names, self._support(predicate, head_end), True, None
            opens_with_body = bool(names) and names[0].start == self._skip(body_from, head_end)
            if opens_with_body and re.match(r"\s*[-–(]\s*[a-zà-ỹđ]", self._text[end:head_end]):
                return names, [], True, None  # "Sở A - thường trực kế hoạch:": the body, not its role
            if (opens_with_body or SUBJECT_OPENER.match(self._text, body_from, head_end)) \
                    and not _starts_with_action(head) and len(words) <= 30:
                # "Các LĐLĐ tỉnh, thành phố, công đoàn ngành trung ương:" → the bodies as written
                return self._segment_names(body_from, head_end), [], True, None
        if not ends_sentence and colon in (-1, len(stripped) - 1) and len(words) <= 16 \
                and not _starts_with_action(head) and not names:
            return [], [], True if DIRECTIVE_HEADING.search(head) else None, None
        return None

    def _subject(self, start: int, end: int) -> tuple[list[BodyMention], int] | None:
        """The bodies that open a clause as its subject and where the predicate starts:
        "Sở A, Sở B phải ...", "Cơ quan được giao chủ trì soạn thảo phải ...",
        "Các doanh nghiệp viễn thông hoạt động trên địa bàn cần ...". None when the clause
        does not open with a subject."""
        text = self._text
        pos = self._skip(start, end)
        names, names_end = self._body_list(pos)
        opens = bool(names) and not text[pos:names[0].start].strip()
        if not opens and not SUBJECT_OPENER.match(text, pos, end):
            return None
        modal = MODAL.search(text, pos, min(end, pos + 120))
        if modal is not None:
            segment = text[pos:modal.start()]
            named = re.fullmatch(r"[^()]{2,60}\(\s*([^()]+?)\s*\)\s*", segment)
            listed, listed_end = self._body_list(pos + named.start(1)) if named else ([], 0)
            if listed and listed_end >= pos + named.end(1) - 1:
                return listed, modal.start() + 1  # "Cơ quan thẩm định (Sở Tư pháp, Phòng Tư pháp) phải ..."
            if not re.search(r"[.;:()]", segment) and len(segment.split()) <= 14 \
                    and not any(True for _ in self._cues(pos, modal.start())):
                return self._segment_names(pos, modal.start()), modal.start() + 1
        if opens:
            listed = self._qualified_list(names_end, end)
            if listed is not None:  # "Các Cục quản lý chuyên ngành, các cơ quan, đơn vị phối hợp ..."
                return self._segment_names(pos, listed), self._skip(listed, end)
            predicate = self._skip(names_end, end)
            if not text[names_end:end].strip() or _starts_predicate(text[predicate:end]):
                return names, predicate
        return None

    def _qualified_list(self, pos: int, end: int) -> int | None:
        """When a body's name goes on in lowercase ("các Cục quản lý chuyên ngành") and a comma
        then another body follow, the list of subjects is as long as its bodies: where it ends."""
        text = self._text
        comma = re.match(r"([^,;.:]{1,40}?)\s*,\s*(?:và\s+)?", text[pos:end])
        if comma is None or len(comma.group(1).split()) > 4:
            return None
        names, names_end = self._body_list(pos + comma.end())
        if not names:
            return None
        return names_end

    def _segment_names(self, start: int, end: int) -> list[BodyMention]:
        """A subject written out ("Các Cục quản lý chuyên ngành, các Sở GTVT và các doanh
        nghiệp") cut into bodies where a comma, semicolon or "và" is followed by a new body:
        a known one, a capitalised name or "các ..."; "các cơ quan, đơn vị" stays one group."""
        text = self._text
        cuts = [start]
        for m in re.finditer(r"\s*[,;]\s*|\s+và\s+", text[start:end]):
            nxt = start + m.end()
            if any(b.start < nxt < b.end for b in self._bodies):
                continue  # inside a known name: "Sở Thông tin và Truyền thông"
            piece = re.match(r"[^,;]*?(?=\s*[,;]|\s+và\s|$)", text[nxt:end]).group(0)
            if tuple(piece.lower().split()) in GROUP_NOUNS:
                continue  # "Các Vụ, Cục": one group
            if self._body_at(nxt) is not None or text[nxt:nxt + 1].isupper() \
                    or re.match(r"(?:các|những)\s", text[nxt:end], re.IGNORECASE) or NEW_BODY.match(text, nxt, end):
                cuts.append(nxt)
        out = []
        for a, b in zip(cuts, cuts[1:] + [end]):
            piece = re.sub(r"(?:\s*[,;]|\s+và)\s*$", "", text[a:b]).strip()
            if piece:
                known = self._body_at(a)
                out.append(BodyMention(piece, a, a + len(piece), known.canonical if known else None,
                                       bool(known and known.is_group) or _key(piece).startswith("cac ")))
        return out

    # ------------------------------------------------------------------ bodies
    def _body_at(self, pos: int) -> BodyMention | None:
        while pos < len(self._text) and self._text[pos] in " \t":
            pos += 1
        return self._by_start.get(pos)

    def _body_list(self, pos: int) -> tuple[list[BodyMention], int]:
        """Bodies listed from pos: "Sở A, Sở B và các cơ quan liên quan"."""
        names: list[BodyMention] = []
        end = pos
        while True:
            body = self._body_at(pos)
            if body is None:
                break
            enumerated = self._enumerated(body)
            if enumerated:  # "các Bộ: Tài chính, Kế hoạch và Đầu tư"
                names.extend(enumerated)
                end = enumerated[-1].end
                break
            aside = re.match(r"\s*\([^()]{1,40}\)", self._text[body.end:body.end + 44])
            if aside:  # "Bộ Tài chính (Kho bạc Nhà nước)"
                body = BodyMention(self._text[body.start:body.end + aside.end()], body.start,
                                   body.end + aside.end(), body.canonical, body.is_group)
            joint = re.match(r"\s+[-–]\s+", self._text[body.end:body.end + 5])
            second = self._body_at(body.end + joint.end()) if joint else None
            if second is not None:  # "Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội": one person, two titles
                body = BodyMention(self._text[body.start:second.end], body.start, second.end, body.canonical,
                                   body.is_group)
            names.append(body)
            end = body.end
            m = re.match(r"\s*(?:,|;|và|cùng)\s*(?:và\s+)?(?:(?:đặc biệt|nhất|trong đó)(?:\s+là)?\s+)?",
                         self._text[end:end + 24], re.IGNORECASE)
            if not m:
                break
            pos = end + m.end()
        return names, end

    def _enumerated(self, group: BodyMention) -> list[BodyMention]:
        """ "các Bộ: Kế hoạch và Đầu tư, Tài chính và Văn phòng Chính phủ" → Bộ Kế hoạch và Đầu tư,
        Bộ Tài chính, Văn phòng Chính phủ: the kind of body written once before a colon and the
        names after it, each the longest one the gazetteer knows (alone or after the kind);
        [] when `group` is not followed so."""
        text = self._text
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

    def _support(self, start: int, end: int) -> list[BodyMention]:
        out: list[BodyMention] = []
        for m in SUPPORT_CUE.finditer(self._text, start, end):
            names, _ = self._body_list(m.end())
            out.extend(n for n in names if n.end <= end)
        return out

    # ------------------------------------------------------------------ sentences
    def _sentences(self, start: int, content: str) -> list[tuple[int, int]]:
        out, last = [], 0
        for m in SENTENCE_SPLIT.finditer(content):
            if ABBREV_END.search(content[:m.start()]):
                continue
            out.append((start + last, start + m.start()))
            last = m.end()
        out.append((start + last, start + len(content)))
        return [(s, e) for s, e in out if self._text[s:e].strip()]

    def _unit_tasks(self, start: int, content: str, inherited: list[BodyMention], directive: bool, depth,
                    inherited_support: list[BodyMention]):
        tasks: list[Task] = []
        request = None
        unit_lead, unit_support = inherited, inherited_support
        for s, e in self._sentences(start, content):
            s = self._after_adverbial(s, e)
            sentence = self._text[s:e]
            if CLOSING.search(sentence) or _key(sentence).startswith(REPORT_OPENERS) \
                    and not self._is_submission(self._skip(s, e), e):
                found, req = [], None
            else:
                found, req = self._sentence_tasks(s, e, unit_lead, directive or bool(inherited), unit_support)
            if not found and self._last_task is not None and self._last_task.deadline is None:
                # "Thời gian tổ chức hội nghị trong quý I năm 2011.", "Trước ngày 08/3/2010, Phó Thủ
                # tướng sẽ nghe báo cáo ...": a sentence that asks nothing itself dates the task before it
                self._last_task.deadline = self._time_note(s, e)
            for task in found:
                if task.lead and task.component.endswith(("cue", "subject")):
                    unit_lead, unit_support = task.lead, []  # "đề nghị X ...": the next sentences are X's
            tasks.extend(found)
            if found:
                self._last_task = found[-1]
            if req is not None:
                request = req
        if not tasks and request is None and inherited and directive and self._directive_kind \
                and self._is_listed_duty(content):
            # an item under "yêu cầu các sở ...: 1. ... 2. ..." is a duty even when it opens with
            # a noun ("Việc huy động các nguồn vốn ...", "Các nội dung về xã hội ...")
            tasks.append(self._task(self._skip(start, start + len(content)), start + len(content), inherited,
                                    "theodoi_tasks.listed", 0.6, inherited_support))
        return tasks, request

    def _time_note(self, s: int, e: int) -> Deadline | None:
        """The deadline that a sentence opening with a time ("Thời gian ...", "Chậm nhất ...",
        "Trước ngày 08/3/2010, ...") gives; None for other sentences."""
        if TIME_NOTE.match(self._text, s, e):
            return self._deadline_in(s, e)
        opening = self._deadline_in(self._skip(s, e), self._skip(s, e) + 1)
        if opening is not None and DUE_CUE.match(opening.text) and re.match(r"\s*,", self._text[opening.end:e]):
            return opening
        return None

    @staticmethod
    def _is_listed_duty(content: str) -> bool:
        """Whether an item that does not open with a verb still reads as a duty: not a heading,
        a figure ("Vốn đối ứng: 1.200 triệu đồng"), a description ("Năm 2010 là ...") or a report."""
        stripped = content.strip()
        words = stripped.split()
        head = " ".join(_words(stripped)[:10])
        return len(words) >= 6 and not stripped.endswith(":") and not stripped.isupper() \
            and not re.search(r":\s*[\d.,]+\s*(?:triệu|tỷ|nghìn|%|$)", stripped) \
            and not re.search(r"\b(?:là|sẽ có|đã|đang)\b", head) and not _is_report(stripped) \
            and not CLOSING.search(stripped) and not _key(stripped).startswith(REPORT_OPENERS)

    def _sentence_tasks(self, s: int, e: int, inherited: list[BodyMention], directive: bool,
                        inherited_support: list[BodyMention]):
        """Tasks of one sentence, split at ";" where a new body takes over, and after an inline
        "... các việc sau đây: A; B; C" at each ";" that opens an action (A, B, C inherit the lead)."""
        text = self._text
        inline = INLINE_LIST.search(text, s, e)
        cuts: list[tuple[int, int]] = []  # (end of a clause, start of the next)
        if inline is not None and _starts_with_action(text[self._skip(inline.end(), e):e]):
            cuts.append((inline.end() - 1, inline.end()))
        else:
            inline = None
        for m in re.finditer(r";\s*", text[s:e]):
            nxt = s + m.end()
            in_list = inline is not None and nxt > inline.end() and _starts_with_action(text[nxt:e])
            if self._body_at(nxt) is not None or CUE.match(text, nxt) or in_list:
                cuts.append((s + m.start(), nxt))
        clauses, last = [], s
        for end, nxt in sorted(cuts):
            clauses.append((last, end))
            last = nxt
        clauses.append((last, e))
        tasks, request = [], None
        lead_so_far, support_so_far = inherited, inherited_support
        for cs, ce in clauses:
            task, req = self._clause_task(cs, ce, lead_so_far, directive, support_so_far)
            if req is not None:
                request = req
            if task is not None:
                tasks.extend(self._split_actions(task))
                directive = True
                if inline is not None and ce <= inline.end() and task.lead:
                    lead_so_far, support_so_far = task.lead, task.support
        return tasks, request

    def _split_actions(self, task: Task) -> list[Task]:
        """A task whose text goes on with a second action of its own: two tasks, the second
        keeping the lead and support. The second action is one joined by "và" / ";" with a time
        of its own (in its own words, before a comma or "để") that repeats or waits for an event:
        "... thực hiện Chỉ thị và hằng năm tổng hợp báo cáo ...", "...; báo cáo kết quả tại các
        kỳ họp", "...; tổng kết khi kết thúc Đề án". A one-off date at the end ("... và báo cáo
        trước ngày 30/6") governs the whole sentence. Or it is a duty for when trouble arises:
        ", trong quá trình thực hiện có vướng mắc phải báo cáo ..."."""
        text = self._text
        for sep in SECOND_ACTION.finditer(text, task.start, task.end):
            nxt = sep.end()
            if len(text[task.start:sep.start()].split()) < MIN_CLAUSE_WORDS \
                    or len(text[nxt:task.end].split()) < MIN_CLAUSE_WORDS \
                    or not _has_object(text[task.start:sep.start()]) \
                    or any(b.start < sep.start() < b.end for b in self._bodies):  # "Sở Kế hoạch và Đầu tư"
                continue
            if sep.group("conditional") is not None:
                second_action = MODAL.search(text, nxt, task.end) is not None
            else:
                own_time = self._deadline_in(nxt, nxt + 1)
                verb_at = self._skip(own_time.end, task.end) if own_time is not None else nxt
                clause_end = PURPOSE_OR_COMMA.search(text, verb_at, task.end)
                second_action = _starts_with_action(text[verb_at:task.end]) and any(
                    d.kind in ("recurring", "relative")
                    for d in self._deadlines_between(nxt, clause_end.start() if clause_end else task.end))
            if not second_action:
                continue
            first = self._task(task.start, sep.start(), task.lead, task.component, task.confidence, task.support)
            second = self._task(nxt, task.end, task.lead, task.component, task.confidence, task.support)
            return [first, *self._split_actions(second)]
        return [task]

    def _clause_task(self, s: int, e: int, inherited: list[BodyMention], directive: bool,
                     inherited_support: list[BodyMention]):
        text = self._text
        labelled = self._after_label(s, e)
        s = self._after_time_lead_in(labelled, e)
        lead_in = self._deadline_in(self._skip(labelled, e), self._skip(labelled, e) + 1) if s != labelled else None
        # "Tháng 7 năm 2010: có sơ kết ...": a step of a schedule, dated to the month or closer
        # "Đến năm 2020, ...", "Giai đoạn 2011 - 2015 ...": a step of a plan towards a horizon ("Năm 2010, ..." describes)
        timed = lead_in is not None and (lead_in.kind in ("date", "month", "quarter", "half-year")
                                         or lead_in.kind == "year" and HORIZON.match(lead_in.text)
                                         or lead_in.kind == "relative") \
            and len(text[s:e].split()) >= 4 and not re.match(r"[\d.,\s]+", text[s:s + 4])
        clause = text[s:e]
        lowered = _key(clause)
        if lowered.startswith(NOT_TASK_OPENERS):
            return None, None
        # 1. a cue with its addressee
        for m in self._cues(s, e):
            names, end = self._body_list(m.end())
            if names:
                action = self._skip(end, e)
                if self._rest_is_empty(action, e):
                    return None, (names, end)
                return self._task(action, e, names, "theodoi_tasks.cue", 0.9), None
            at_start = not text[s:m.start()].strip(" -+:")
            after = self._skip(m.end(), e)
            if self._rest_is_empty(after, e):
                return None, ([], m.end()) if at_start or text[after - 1:after] == ":" else None
            if (at_start or m.group(1).lower() in ("yêu cầu", "đề nghị")) and _starts_with_action(text[after:e]) \
                    or at_start:
                if at_start:
                    return self._task(after, e, inherited, "theodoi_tasks.cue", 0.7, inherited_support), None
                return self._task(after, e, [], "theodoi_tasks.cue", 0.7), None
        # 2. a body as subject
        subject = self._subject(s, e)
        if subject is None:
            names, end = self._body_list(self._skip(s, e))
            if names and not text[self._skip(s, e):names[0].start].strip():
                subject = names, self._skip(end, e)
        if subject is not None:
            names, predicate = subject
            rest = text[predicate:e]
            if rest.startswith(":"):
                return None, None
            if not _is_report(rest) and rest.strip():
                return self._task(predicate, e, names, "theodoi_tasks.subject", 0.8), None
            return None, None
        # 3. a subject after an opening phrase: "Đối với dự thảo ..., cơ quan chủ trì soạn thảo phải ..."
        for comma in re.finditer(r",\s+", text[s:e]):
            at = s + comma.end()
            if (self._body_at(at) is not None or SUBJECT_OPENER.match(text, at, e)) \
                    and MODAL.search(text, at, min(e, at + 100)):
                subject = self._subject(at, e)
                if subject is not None and MODAL.match(text, subject[1] - 1):
                    return self._task(subject[1], e, subject[0], "theodoi_tasks.subject", 0.7), None
        # 4. an obligation tied to a deadline: "..., nhà đầu tư ... chậm nhất đến ngày 31/12/2018 phải bàn giao ..."
        bound = self._bound_by_deadline(s, e, inherited if directive or inherited else [])
        if bound is not None:
            return bound, None
        # 5. an action verb opening the clause
        action = self._skip(s, e)
        # ("Trước ngày 08/3/2010, Phó Thủ tướng sẽ nghe báo cáo": what will happen, not a step asked)
        scheduled = timed and not _words(text[action:e])[:1] in (["đã"], ["đang"], ["vừa"], []) \
            and not (DUE_CUE.match(lead_in.text) and "sẽ" in _words(text[action:e])[:10])
        if (_starts_predicate(text[action:e]) or scheduled) and (directive or inherited):
            confidence = 0.75 if inherited else 0.6
            if not _starts_predicate(text[action:e]) and not text[lead_in.end:action].strip():
                action = lead_in.start  # "Cuối nhiệm kỳ ... có báo cáo tổng kết": the time is part of the step
            return self._task(action, e, list(inherited), "theodoi_tasks.imperative", confidence,
                              inherited_support), None
        # 6. something to hand in by a time: "Kết quả nghiên cứu gửi về Tổ biên tập trước ngày 31/3/2019"
        if (directive or inherited) and not _is_report(text[action:e]) and self._is_submission(action, e):
            return self._task(action, e, list(inherited), "theodoi_tasks.submitted", 0.6, inherited_support), None
        return None, None

    def _is_submission(self, s: int, e: int) -> bool:
        """Whether text[s:e] hands something in by a time: "Kết quả ... gửi về ... trước ngày ..."."""
        submitted = SUBMITTED.match(self._text, s, e)
        return submitted is not None and any(DUE_CUE.match(d.text) for d in self._deadlines_between(submitted.end(), e))

    def _bound_by_deadline(self, s: int, e: int, inherited: list[BodyMention]) -> Task | None:
        """A task that opens at a deadline followed by "phải" / "cần" (the deadline makes it an
        obligation); its lead is the subject written just before the deadline, else `inherited`."""
        text = self._text
        for deadline in self._deadlines_between(s, e):
            if not DUE_CUE.match(deadline.text) or not MODAL.match(text, deadline.end):
                continue
            subject_start = self._skip(max(s, text.rfind(",", s, deadline.start) + 1), deadline.start)
            lead = list(inherited)
            if subject_start < deadline.start and (self._body_at(subject_start) is not None
                                                  or SUBJECT_OPENER.match(text, subject_start, deadline.end)):
                lead = self._segment_names(subject_start, deadline.start)
            return self._task(deadline.start, e, lead, "theodoi_tasks.deadline", 0.7)
        return None

    def _cues(self, s: int, e: int):
        """The cues "giao / yêu cầu / đề nghị ..." in text[s:e] that ask something of someone
        (not "được giao", "theo đề nghị", "các yêu cầu")."""
        for m in CUE.finditer(self._text, s, e):
            before = _key(self._text[max(s, m.start() - 14):m.start()]).split()
            if not (before and (before[-1] in NOT_CUE_BEFORE or " ".join(before[-2:]) in NOT_CUE_BEFORE)):
                yield m

    def _skip(self, pos: int, end: int) -> int:
        while pos < end and self._text[pos] in " ,:;-–+\t":
            pos += 1
        return pos

    def _rest_is_empty(self, pos: int, end: int) -> bool:
        return len(self._text[pos:end].strip(" .:;,")) < 3

    def _task(self, start: int, end: int, lead: list[BodyMention], component: str, confidence: float,
              inherited_support: list[BodyMention] = ()) -> Task:
        """A task over text[start:end]; its support is named in it, or else inherited with its lead."""
        text = self._text
        while end > start and (text[end - 1] in " .;,:\n\t" or text.endswith("./", start, end)):
            end -= 1  # (also the end mark of a document, "./.")
        support = self._support(start, end) or list(inherited_support)
        return Task(text=text[start:end], start=start, end=end, lead=list(lead),
                    support=support, component=component, confidence=confidence)

    # ------------------------------------------------------------------ tables
    def _table_tasks(self, doc: Doc) -> list[Task]:
        tasks = []
        for block in doc._.blocks or []:
            if block.kind != "table" or not block.rows:
                continue
            tasks.extend(table_tasks(self._text, block, doc._.doc_date))
        return tasks

    # ------------------------------------------------------------------ deadlines
    def _after_adverbial(self, start: int, end: int) -> int:
        """Where a sentence's main clause starts after an opening "Căn cứ ..., " / "Trên cơ sở
        ..., " / "Để ..., " when a body or a cue follows the comma; else `start`."""
        m = ADVERBIAL.match(self._text, self._skip(start, end), end)
        if m is None:
            return start
        rest = self._skip(m.end(), end)
        if self._body_at(rest) is not None or self._subject(rest, end) is not None \
                or any(c.start() < rest + 40 for c in self._cues(rest, end)):
            return rest
        return start

    def _after_label(self, start: int, end: int) -> int:
        """Where a clause goes on after a short topic or place label ("Thành phố Việt Trì: Giai
        đoạn 2011 - 2015 xây dựng ...", "Cấp cơ sở: Lấy các chợ xã ...", and a topic that opens
        with a verb when a subject follows it: "Khuyến khích đầu tư: Các ngành ... cần ...");
        `start` otherwise."""
        pos = self._skip(start, end)
        m = re.match(r"([^:;,.()]{2,60}):\s+", self._text[pos:end])
        if m is None or len(m.group(1).split()) > 8 \
                or _starts_predicate(m.group(1)) and self._subject(pos + m.end(), end) is None \
                or self._body_at(pos) is not None or any(True for _ in self._cues(pos, pos + m.end())) \
                or self._deadline_in(pos, pos + 1) is not None:
            return start
        return pos + m.end()

    def _after_time_lead_in(self, start: int, end: int) -> int:
        """Where a clause goes on after a time that opens it ("Cuối tháng 3 năm 2010: ...",
        "Chậm nhất là ngày 30/6, ..."); `start` when it opens with something else."""
        pos = self._skip(start, end)
        lead_in = self._deadline_in(pos, pos + 1)
        if lead_in is not None and lead_in.end < end and (
                re.match(r"\s*[:,]", self._text[lead_in.end:end])
                or lead_in.kind in ("year", "relative") and re.match(r"\s+\w", self._text[lead_in.end:end])
                # ("Đến năm 2020 tổng số ...", "Cuối nhiệm kỳ Đại hội có báo cáo tổng kết")
                or _starts_predicate(self._text[self._skip(lead_in.end, end):end])):  # "Hằng năm tổ chức ..."
            return self._skip(lead_in.end, end)
        return start

    def _deadlines_between(self, start: int, end: int) -> list[Deadline]:
        """The deadline phrases that lie within text[start:end]."""
        return [d for d in self._deadlines if d.start is not None and start <= d.start and d.end <= end]

    def _deadline_in(self, start: int, end: int) -> Deadline | None:
        """The first deadline phrase that starts in text[start:end]."""
        return next((d for d in self._deadlines if d.start is not None and start <= d.start < end), None)

    def _attach_deadline(self, task: Task, unit_start: int, scopes: list[Scope]) -> None:
        """The task's deadline: one in its text, else one in its lead-in ("Cuối tháng 3 năm 2010:
        các cơ quan ...", "Chậm nhất là ngày 30/6, Sở A ..."), else that of the heading above."""
        if task.deadline is not None:
            return
        deadline = self._deadline_in(task.start, task.end + 2)
        if deadline is None:
            lead_in = [d for d in self._deadlines if d.start is not None and unit_start <= d.start
                       and d.end <= task.start and task.start - d.end <= 120
                       and not re.search(r"[.;!?\n]", self._text[d.end:task.start])
                       and (d.start <= self._skip(unit_start, d.start)
                            or re.search(r"[.;:]\s*$", self._text[unit_start:d.start]))]
            deadline = lead_in[-1] if lead_in else None
        if deadline is None:
            deadline = next((s.deadline for s in reversed(scopes) if s.deadline is not None), None)
        task.deadline = deadline


@Language.factory(
    "theodoi_tasks",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"spans_key": "tasks", "units_key": "units", "bodies_key": "bodies",
                    "deadlines_key": "deadlines"},
)
def make_task_finder(nlp: Language, name: str, spans_key: str, units_key: str, bodies_key: str,
                     deadlines_key: str) -> TaskFinder:
    """Factory of the task finder."""
    return TaskFinder(name, spans_key, units_key, bodies_key, deadlines_key)
