"""The indicator of a target: the phrase its figure measures, as written ("tỷ lệ hộ nghèo" in
"tỷ lệ hộ nghèo dưới 3%", "đô thị loại II" in "02 đô thị loại II"), and the span of the clause
that states it.
"""
from __future__ import annotations

import re

from theodoi.domain import Target
from theodoi.nlp.goal_numbers import is_qualifier, opens_work
from theodoi.nlp.target_grammar import CLAUSE_BREAK, COUNTED, LEAD_WORDS, RANK_GROUP, SCALE, TARGET, unit_of
from theodoi.nlp.target_layout import heading_lines
from theodoi.vietnamese import compare_key, fold

# A head that ends on the goal cue names no measure ("Mục tiêu ... phấn đấu trên 90% dịch vụ công").
_GOAL_CUE_END = re.compile(  # "yêu cầu 100% cơ sở chế biến ...": what follows is measured
    r"(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|yêu\s+cầu|bảo\s+đảm|đảm\s+bảo)\s*(?:(?:là|đạt|có)\s*)?$", re.I)
# A short gloss in brackets, an abbreviation or a code ("(GRDP)", "(B2C)").
# Words after a comma that open a breakdown or an aside, not another item of a list.
_NOT_AN_ITEM = re.compile(r"\s*(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể|như|nhất\s+là|đặc\s+biệt)\b", re.I)
_GLOSS = re.compile(r"\([^()\d\n;:]{1,60}\)|\([A-Z0-9]{1,6}\)")
# A figure of its own in a list item (a number standing alone, not one inside a name: "5G").
_FIGURE = re.compile(r"(?<!\w)\d[\d.,]*(?!\w)")
_NOT_NOUNS = {"không", "chưa", "đúng", "kịp", "đạt", "đều", "cũng", "vẫn", "đã", "sẽ", "đang", "phải", "cần"}
_JOINERS = {"các", "những", "và", "hoặc", "của", "trong", "tại", "cho", "với", "được", "có"}
_HEAD_BREAK = re.compile(r"[;:\n(|]|\.(?=\s)|\)")  # "|": a table cell ends
_LIST_JOIN = re.compile(r",\s|;\s*|\s(?:và|hoặc)\s")
_HORIZON_PHRASE = re.compile(
    r"(?:(?:giai\s+đoạn|thời\s+kỳ)\s+)?(?:từ\s+nay\s+)?(?:đến|tới)(?:\s+(?:hết|cuối))?\s+năm\s+(?:19|20)\d{2}"
    r"|(?:(?:giai\s+đoạn|thời\s+kỳ|\d+\s+năm)\s+)?(?:năm\s+)?(?:19|20)\d{2}\s*(?:-|–|đến)\s*(?:năm\s+)?(?:19|20)\d{2}"
    r"|(?:trong\s+|vào\s+|trước\s+)?năm\s+(?:19|20)\d{2}", re.I)
_MEASURE_WORD = re.compile(
    r"(?:tỷ|tỉ)\s+lệ|tiêu\s+chuẩn|chỉ\s+tiêu|diện\s+tích|đất|mật\s+độ|tốc\s+độ|số\s+lượng|tổng|mức|quy\s+mô|"
    r"chiều\s+dài|công\s+suất|sản\s+lượng|kim\s+ngạch|giá\s+trị|thu\s+nhập|lượng", re.I)
_MEASURE_OF = re.compile(rf"(?:{_MEASURE_WORD.pattern}).*?\s(?:cho|của|tại|đối\s+với)\s", re.I)
_INDICATOR_TAIL = re.compile(
    r"\s*(?:(?:bình\s+quân\s+)?(?:đạt|là|chiếm|bằng|ở\s+mức|còn|có|tăng|giảm|đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ)\s*)+$", re.I)


def _head(text: str, m: re.Match, sent_start: int) -> tuple[str, int]:
    """The words before the number that name what it measures, and where they start: from the
    start of the clause, or from just after the figure before it in the same clause
    ("... đạt 85% diện tích lưu vực và 60% lượng nước thải": nothing before 60%)."""
    glossed = _GLOSS.sub(lambda g: " " * len(g.group(0)), text[:m.start()])  # "(GRDP)" does not break
    breaks = list(_HEAD_BREAK.finditer(glossed, sent_start, m.start()))
    start = breaks[-1].end() if breaks else sent_start
    previous = [p for p in TARGET.finditer(text, start, m.start())
                if p.end() <= m.start() and not is_qualifier(text, p)]
    if previous:
        cut = list(_LIST_JOIN.finditer(text, previous[-1].end(), m.start()))
        start = cut[-1].end() if cut else m.start()
    if text[max(0, start - 1):start] == ":" and not text[start:m.start("value")].strip():
        # "Vốn cân đối qua ngân sách: 1.009.074 triệu đồng": the label before the colon
        start = max(text.rfind("\n", 0, start - 1), text.rfind(". ", 0, start - 1)) + 1
    head = text[start:m.start()].lstrip()
    lead = LEAD_WORDS.match(head)
    head = head[lead.end():] if lead else head
    head = _HORIZON_PHRASE.sub(" ", head)
    head = _INDICATOR_TAIL.sub("", head)
    return re.sub(r"\s+", " ", head).strip(" ,:-"), start


def _tail(text: str, m: re.Match, sent_end: int, counted: bool = False) -> tuple[str, int]:
    """The words after the unit up to the end of its clause, and where the clause ends; a short
    gloss in brackets does not end it ("03 xe (máy) quét đường"). A list goes on over the
    commas: after a short item (up to five words; a `counted` noun counts as the first item:
    "60-70% ấp, khu phố văn hoá", "3.000 cán bộ, công chức, viên chức được bồi dưỡng"), or after
    a longer first item when the next one repeats its head noun ("100% doanh nghiệp trong khu kinh
    tế, khu công nghiệp được hỗ trợ") or is a short noun closing the sentence ("80% chiều dài
    đường liên thôn, ngõ xóm."); an item that holds a figure of its own ends it."""
    clause = _GLOSS.sub(lambda g: " " * len(g.group(0)), text[m.end():sent_end])
    after_break = CLAUSE_BREAK.search(clause)
    clause_end = after_break.start() if after_break else len(clause)
    item_start, fewest = 0, 0 if counted else 1  # a counted noun is itself the first item
    while after_break and after_break.group(0).startswith(","):
        further = CLAUSE_BREAK.search(clause, after_break.end())
        further_end = further.start() if further else len(clause)
        item, following = clause[item_start:clause_end], clause[after_break.end():further_end]
        if _FIGURE.search(following) or _NOT_AN_ITEM.match(following) or not (
                fewest <= len(item.split()) <= 5 or item_start == 0 and (
                    _repeats_head(item, following) or _closing_noun(following, further))):
            break
        item_start, clause_end, after_break, fewest = after_break.end(), further_end, further, 1
    tail = _HORIZON_PHRASE.sub(" ", text[m.end():m.end() + clause_end])
    return re.sub(r"\s+", " ", tail).strip(" ,:-"), m.end() + clause_end


def _closing_noun(following: str, stop: re.Match | None) -> bool:
    """Whether the piece `following`, which ends on `stop` (a clause break, or None at the end
    of the sentence), is a short noun that closes a list ("... chiều dài đường liên xã, ngõ
    xóm."): up to three words, opening with no action and no negation, before a full stop."""
    words = compare_key(following).split()
    return (stop is None or stop.group(0)[0] in ".;\n") and 1 <= len(words) <= 3 \
        and not opens_work(words) and words[0] not in _NOT_NOUNS


def _repeats_head(item: str, following: str) -> bool:
    """Whether the list item `following` opens with a noun that stands in `item` ("khu kinh tế,
    khu công nghiệp"; "trường tiểu học, trường trung học"), or with two words that stand there
    but for a mistyped diacritic ("chắt thải ..., chất thải ...")."""
    first, words = following.lower().split()[:2], item.lower().split()
    if not first or not following.lstrip()[:1].islower() or first[0] in _JOINERS:
        return False
    folded = fold(" ".join(first))
    return first[0] in words or len(first) == 2 and any(
        fold(f"{a} {b}") == folded for a, b in zip(words, words[1:]))


def _heading_label(text: str, pos: int) -> str:
    """The label of the list the figure at `pos` stands in ("a) Quy mô dân số:"), or ""."""
    colon, _ = heading_lines(text, pos)
    label = LEAD_WORDS.sub("", colon.rstrip(":"), count=1)
    return _HORIZON_PHRASE.sub(" ", label).strip(" ,:-")


def _with_measure_of(previous: str, head: str) -> str:
    """A head that only names a subject ("đô thị loại V") after a figure whose indicator names a
    measure ("tiêu chuẩn cấp nước cho đô thị loại IV") takes that measure."""
    measure = _MEASURE_OF.match(previous)
    if not measure or _MEASURE_WORD.match(head):
        return head
    return f"{measure.group(0).strip()} {head}"


def _action_phrase(head: str) -> str:
    """The clauses at the end of `head` that open with an action verb ("bảo đảm giải ngân" in
    "Các chủ đầu tư đẩy nhanh ..., bảo đảm giải ngân"; "cải tạo, nâng cấp, mở rộng"), or ""."""
    masked = _GLOSS.sub(lambda g: " " * len(g.group(0)), head)  # a comma in a gloss does not split
    cuts = [0, *(c.end() for c in re.finditer(r",\s*", masked))]
    clauses = [head[a:b].rstrip(", ") for a, b in zip(cuts, [*cuts[1:], len(head)])]
    keep = len(clauses)
    while keep and opens_work(compare_key(clauses[keep - 1]).split() or [""]):
        keep -= 1
    return ", ".join(c.strip() for c in clauses[keep:])


def read_indicator(text: str, m: re.Match, sent_start: int, sent_end: int,
               previous: Target | None) -> tuple[str, int, int]:
    """The phrase measured, as written, and the span of the clause that states the target.

    A counted noun is named by itself and the words after it ("02 đô thị loại II"), after the
    action that produces it ("đào tạo cho 3.000 cán bộ, công chức") and by what is ranked in
    a group ("chỉ số chuyển đổi số thuộc nhóm 15 tỉnh dẫn đầu"); a rate, measure or sum by the
    words before the number ("tỷ lệ hộ nghèo dưới 3%") and those after it when the words before
    name an action ("giải ngân 100% kế hoạch vốn"), else those after it ("60% lượng nước thải"),
    else the indicator of the figure before it in the sentence ("..., giai đoạn đến năm 2030
    chiếm 18 - 20%"), else the label of its list."""
    unit = unit_of(m.group("unit"))
    counted = re.fullmatch(rf"(?:{SCALE})?(?P<noun>{COUNTED})", unit, re.I)
    head, clause_start = _head(text, m, sent_start)
    tail, clause_end = _tail(text, m, sent_end, counted=bool(counted))
    action = _action_phrase(head)
    if counted:
        noun = counted.group("noun")
        ranked = re.match(RANK_GROUP, m.group("cmp") or "", re.I)
        listed = text[m.end():m.end() + 2].lstrip(" ").startswith(",")  # "3.000 cán bộ, công chức"
        indicator = " ".join(part for part in (head if ranked else action, noun + ("," if listed and tail else ""),
                                               tail) if part)
        label = _heading_label(text, m.start())
        if not tail and not head and not label.isupper():
            indicator = label or noun
        return indicator, clause_start, clause_end
    if tail and unit != "lần" and _GOAL_CUE_END.search(text, clause_start, m.start()):
        indicator = tail
    elif action and tail and unit != "lần":
        indicator = f"{action} {tail}"
    elif len(head.split()) >= 2:
        indicator = _with_measure_of(previous.indicator, head) if previous else head
    elif tail and unit != "lần":
        indicator = tail
    elif previous:
        indicator = previous.indicator
    else:
        indicator = head or _heading_label(text, m.start()) or unit
    return indicator, clause_start, clause_end
