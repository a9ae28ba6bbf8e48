"""Where the name of a body ends, read on the tokens of a Doc (the body finder's rules of extent).

A head noun and its capitalised syllables ("Vụ Kế hoạch Đầu tư") with the lowercase ones that still
describe it ("tài chính"); a list closed by "và" ("Cục A, B và C"); a group's kinds, their own words
and qualifiers ("các sở, ban, ngành liên quan"); the place or level after a body ("tỉnh Long An",
"cấp huyện, xã"). Each function takes the token where a part may start and returns where it ends.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from theodoi.nlp.body_words import (CONNECTORS, COUNCIL_ENDS, DESCRIPTOR_MAX, DESCRIPTOR_STOP, GROUP_NOUNS,
                                    GROUP_TAIL_MAX, HAVING_MAX, HEADS, LEVEL_WORDS, MANAGED_MAX, MEDIA_WORDS,
                                    NAME_ONLY_HEADS, NOT_NAME_TAIL, OWN_KINDS, PREDICATE_NOUNS, QUALIFIER_END_BAD,
                                    QUALIFIER_WORDS, ROLE_HEADS, SECOND_SYLLABLES, TAIL_STOP, TITLES)
from theodoi.nlp.lexicon import REPORT_WORDS, ROLE_MODIFIERS, opens_action
from theodoi.vietnamese import compare_key

REGION_NUMBER = re.compile(r"[IVX]+|\d{1,2}")  # "khu vực IX", "khu vực 3"
NAMED_HEADS = HEADS | NAME_ONLY_HEADS  # (one set: its first-word index is built once)
_LOWERS_KEY = "theodoi.lowers"
_FIRST_WORD_INDEXES: dict[int, tuple[set, dict[str, list[tuple[str, ...]]]]] = {}


def by_first_word(seqs: set[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """`seqs` grouped by their first word, longest first (built once per word list)."""
    cached = _FIRST_WORD_INDEXES.get(id(seqs))
    if cached is None or cached[0] is not seqs:
        index: dict[str, list[tuple[str, ...]]] = {}
        for seq in sorted(seqs, key=len, reverse=True):
            index.setdefault(seq[0], []).append(seq)
        cached = _FIRST_WORD_INDEXES[id(seqs)] = (seqs, index)
    return cached[1]


def token_lowers(doc: Doc) -> tuple[str, ...]:
    """Every token's lowercase form, read once per Doc (kept in `doc.user_data`): the body
    finder looks at each token many times, and `doc[i]` makes a new Token object each time."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[_LOWERS_KEY] = tuple(token.lower_ for token in doc)
    return lowers


def match_seq(doc: Doc, i: int, seqs: set[tuple[str, ...]]) -> int:
    """Length of the longest sequence of `seqs` that starts at token i (0 if none)."""
    lowers = token_lowers(doc)
    if i >= len(lowers):
        return 0
    for seq in by_first_word(seqs).get(lowers[i], ()):
        if lowers[i:i + len(seq)] == seq:
            return len(seq)
    return 0


def capitalised(doc: Doc, j: int) -> bool:
    return j < len(doc) and doc[j].is_alpha and doc[j].text[0].isupper()


def extend_name(doc: Doc, j: int) -> int:
    """From token j, consume the capitalised syllables of a proper name, with inner
    lowercase syllables and "và" / "-" between capitalised ones ("Kế hoạch Đầu tư")."""
    start = j
    while j < len(doc):
        tok = doc[j]
        if capitalised(doc, j):
            head = match_seq(doc, j, HEADS)
            if head > 1:  # a head inside the name is never split: "Ban Thường trực Ủy" + "ban ..."
                j += head
                continue
            j += 1
            nxt = doc[j] if j < len(doc) else None
            if (nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in NOT_NAME_TAIL
                    and not (j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].is_lower
                             and not match_seq(doc, j + 1, LEVEL_WORDS)
                             and doc[j + 1].lower_ not in NOT_NAME_TAIL)):
                j += 1  # the second syllable of a word: "Đầu tư", "Xây dựng"
        elif j > start and capitalised(doc, j + 1) and not match_seq(doc, j + 1, HEADS) and (
                tok.text in CONNECTORS or tok.is_alpha and tok.is_lower and tok.lower_ not in NOT_NAME_TAIL):
            # (not a preposition or verb between two names: "Thanh tra Chính phủ" + "tại Kế hoạch ...")
            j += 1
        else:
            break
    return j


def extend_descriptor(doc: Doc, j: int) -> int:
    """After an unknown body's capitalised name ending at token j, the lowercase syllables that
    still describe it ("Vụ Kế" + "hoạch tài chính"): up to DESCRIPTOR_MAX, stopping at a verb,
    modal, function word or place; j when none."""
    k = j
    while k < len(doc) and doc[k].is_alpha and doc[k].is_lower:
        words = [compare_key(t.text) for t in doc[k:k + 4] if not t.is_space]
        if (words[0] in NOT_NAME_TAIL or words[0] in TAIL_STOP or words[0] in REPORT_WORDS
                or words[0] in DESCRIPTOR_STOP or opens_action(words) or match_seq(doc, k, LEVEL_WORDS)
                or region(doc, k) > k):
            return k
        if k - j == DESCRIPTOR_MAX:
            return j  # a long lowercase run is the sentence going on, not a name
        k += 1
    return k


def extend_tail(doc: Doc, j: int) -> int:
    """After a group noun, the lowercase syllables that say what kind it is ("các công ty
    viễn thông", "các cơ quan tham mưu"), up to the verb, modal or qualifier that follows."""
    k, syllables, end = j, 0, j
    while k < len(doc) and syllables < GROUP_TAIL_MAX:
        if doc[k].is_space and k > j and k + 1 < len(doc) and doc[k + 1].is_alpha and doc[k + 1].is_lower:
            k += 1  # a line wrapped inside the name: "các cấp chính quyền đô\nthị"
            continue
        if not (doc[k].is_alpha and doc[k].is_lower):
            break
        words = [compare_key(t.text) for t in doc[k:k + 4] if not t.is_space]
        if " ".join(words[:2]) in MEDIA_WORDS:  # "các cơ quan báo chí": not "báo cáo"
            k += 2
            syllables, end = syllables + 2, k
            continue
        if k == j and doc[k - 1].lower_ in ROLE_HEADS and " ".join(words[:2]) in ROLE_MODIFIERS:
            k += 2
            syllables, end = syllables + 2, k
            continue
        qualifier = words[0] in QUALIFIER_WORDS and not (k > j and words[0] in SECOND_SYLLABLES)
        if (words[0] in NOT_NAME_TAIL or words[0] in TAIL_STOP or qualifier
                or words[0] in REPORT_WORDS or opens_action(words) or match_seq(doc, k, LEVEL_WORDS)):
            break
        k += 1
        syllables, end = syllables + 1, k
    return min(end, len(doc))


def managed_things(doc: Doc, j: int) -> int:
    """After "Ban Quản lý" at token j, the kinds of place it manages, in lower case after "các": "các khu
    công nghệ cao và khu công nghiệp" (and a place after it), up to the verb that follows; else j."""
    if j >= len(doc) or doc[j].lower_ != "các":
        return j  # ("Ban Quản lý dự án đầu tư xây dựng": its verbs-as-nouns cannot be told from a predicate)
    k, count = j + 1, 0
    while k < len(doc) and doc[k].is_alpha and doc[k].is_lower and count < MANAGED_MAX:
        words = [compare_key(t.text) for t in doc[k:k + 4]]
        joined = words[0] == "và" and len(words) > 1 and doc[k + 1].is_lower and words[1] not in NOT_NAME_TAIL \
            and not opens_action(words[1:])  # "... và khu công nghiệp"
        if not joined and (words[0] in NOT_NAME_TAIL or words[0] in TAIL_STOP or words[0] in REPORT_WORDS
                           or opens_action(words)):
            break
        k, count = k + 1, count + 1
    if not count:
        return j
    return extend_name(doc, k) if capitalised(doc, k) and not match_seq(doc, k, NAMED_HEADS) else k


def levels(doc: Doc, j: int) -> int:
    """After a head that names a body at each level ("Công an", "Thanh tra"), the levels it names:
    "xã", "xã, phường", "cấp huyện"; j when no level follows (or "xã hội", a word of its own)."""
    k = j + (j < len(doc) and doc[j].lower_ == "cấp")
    n = match_seq(doc, k, LEVEL_WORDS)
    if not n or k + n < len(doc) and doc[k + n].lower_ == "hội":
        return j
    k += n
    while k + 1 < len(doc) and doc[k].text in (",", "-", "–") and match_seq(doc, k + 1, LEVEL_WORDS) \
            and not (k + 2 < len(doc) and doc[k + 2].lower_ == "hội"):
        k += 1 + match_seq(doc, k + 1, LEVEL_WORDS)
    return k


def comma_name(doc: Doc, j: int) -> int:
    """After an unknown body's name ending at token j, the further parts of a name written as a list
    closed by "và" ("Cục Xuất bản" + ", In và Phát hành"); j when the name does not go on so (a
    part that is a body, a title or a place ends it)."""
    k = j
    while k + 1 < len(doc) and doc[k].text == "," and capitalised(doc, k + 1) and not (
            match_seq(doc, k + 1, NAMED_HEADS) or match_seq(doc, k + 1, TITLES) or match_seq(doc, k + 1, LEVEL_WORDS)):
        end = extend_name(doc, k + 1)
        if end - k - 1 > 6:
            return j
        if any(t.lower_ == "và" for t in doc[k + 1:end]):
            return end  # the part that closes the list
        k = end
    return j


def region(doc: Doc, j: int) -> int:
    """The end of a numbered region at token j ("khu vực IX", "khu vực 3"); j when none."""
    if j + 2 < len(doc) and token_lowers(doc)[j:j + 2] == ("khu", "vực") and REGION_NUMBER.fullmatch(doc[j + 2].text):
        return j + 3
    return j


def extend_place(doc: Doc, j: int) -> int:
    """After a body, take a place: "tỉnh Long An", "Long An", "thành phố Hồ Chí Minh", or its level:
    "Ủy ban nhân dân cấp tỉnh", or its numbered region: "Kho bạc Nhà nước khu vực IX"."""
    if region(doc, j) > j:
        return region(doc, j)
    if j < len(doc) and doc[j].lower_ == "cấp":
        return levels(doc, j)
    n = match_seq(doc, j, LEVEL_WORDS)
    while n and j + n + 1 < len(doc) and doc[j + n].text in {"-", "–"} and match_seq(doc, j + n + 1, LEVEL_WORDS):
        n += 1 + match_seq(doc, j + n + 1, LEVEL_WORDS)  # "quận - huyện"
    if n and match_seq(doc, j + n, LEVEL_WORDS):
        n += match_seq(doc, j + n, LEVEL_WORDS)  # "Liên minh Hợp tác xã" + "tỉnh": the first ends the name
    k = extend_name(doc, j + n)
    if k > j + n:
        return k
    if n and doc[j - 1].lower_ not in COUNCIL_ENDS and j + n < len(doc) and doc[j + n].lower_ == "hội":
        return j  # "Sở Y tế xã hội hóa ...": not a place
    if n and doc[j - 1].lower_ in COUNCIL_ENDS:  # "Ủy ban nhân dân huyện, thị xã": the councils of each level
        while j + n + 1 < len(doc) and doc[j + n].text == "," and match_seq(doc, j + n + 1, LEVEL_WORDS) \
                and not capitalised(doc, j + n + 1 + match_seq(doc, j + n + 1, LEVEL_WORDS)):
            n += 1 + match_seq(doc, j + n + 1, LEVEL_WORDS)
    return j + n


def next_member(doc: Doc, k: int, qualified: bool = False) -> int:
    """After ", " / " - " / " và " at token k, the end of one more kind of body of the same group
    ("ban, ngành", ", các địa phương", "huyện - thị xã"); 0 before a body of its own ("và các
    doanh nghiệp", ", cơ quan ngang Bộ", ", các Sở GTVT" after a `qualified` kind "các Cục quản lý
    chuyên ngành")."""
    if k >= len(doc) or not (doc[k].text in (",", "-", "–") or doc[k].lower_ == "và"):
        return 0
    k += 1
    if k < len(doc) and doc[k].lower_ == "các":
        if doc[k - 1].lower_ == "và" or qualified or k + 1 < len(doc) and not doc[k + 1].is_lower:
            return 0  # (", các Tổ đại biểu": a named kind with its own "các" is a body of its own)
        k += 1
    if match_seq(doc, k, OWN_KINDS) and doc[k - 1].lower_ != "các":
        return 0  # "..., cơ quan ngang Bộ": a body of its own
    m = match_seq(doc, k, GROUP_NOUNS)
    if m and (doc[k - 1].lower_ == "các" or doc[k].is_lower):
        return extend_tail(doc, extend_name(doc, k + m))
    return 0


def named_member(doc: Doc, k: int) -> int:
    """After ", " or " và " at token k that follows a place named in a group ("các huyện Bát
    Xát, Mường Khương và Si Ma Cai"), the end of the next place name, or 0 (a body's head noun,
    "Sở Y tế", starts a new body)."""
    if k + 1 >= len(doc) or not (doc[k].text == "," or doc[k].lower_ == "và") or not capitalised(doc, k - 1):
        return 0
    if not capitalised(doc, k + 1) or match_seq(doc, k + 1, HEADS) or match_seq(doc, k + 1, TITLES):
        return 0
    end = extend_name(doc, k + 1)
    # a place name, then the predicate or the end of the list: not the subject of a new clause
    return end if end > k + 1 and (end >= len(doc) or not doc[end].is_alpha or doc[end].is_lower) else 0


def list_members(doc: Doc, j: int) -> int:
    """From token j, take the further kinds of body (", ban, ngành" / "và các địa phương") and
    places ("Bát Xát, Mường Khương") that continue a group; the end of the group."""
    while j < len(doc):
        nxt = next_member(doc, j) or named_member(doc, j)
        if not nxt:
            break
        j = nxt
    return j


def having_clause(doc: Doc, j: int) -> int:
    """After a group at token j, a clause "có ..." that says which members are meant ("các cơ quan,
    địa phương có hồ sơ trễ hạn thực hiện ..."): the end of it when an action follows, else j."""
    if j >= len(doc) or doc[j].lower_ != "có":
        return j
    words = [compare_key(t.text) for t in doc[j + 1:j + 1 + HAVING_MAX + 3]]
    if " ".join(words[:2]) in PREDICATE_NOUNS or words[:1] and words[0] in PREDICATE_NOUNS:
        return j
    for n in range(1, HAVING_MAX + 1):
        if j + n >= len(doc) or not (doc[j + n].is_alpha and (doc[j + n].is_lower or doc[j + n].is_upper)):
            # a heading that names the members: "8. Các đơn vị có thủ tục hành chính" + line end
            heading = n >= 2 and (j + n >= len(doc) or doc[j + n].is_space and "\n" in doc[j + n].text
                                  or doc[j + n].text.startswith("*"))
            return j + n if heading and doc[j + n - 1].is_alpha else j
        if n >= 2 and opens_action(words[n:]):
            return j + n + 1
    return j


def assigned_clause(doc: Doc, j: int) -> int:
    """After a group at token j, "được giao nhiệm vụ" that says which members are meant ("các cơ quan,
    đơn vị được giao nhiệm vụ triển khai ..."): its end, else j."""
    if token_lowers(doc)[j:j + 4] == ("được", "giao", "nhiệm", "vụ"):
        return j + 4
    return j


def qualifiers(doc: Doc, j: int) -> int:
    """From token j, the end of the qualifier words of a group ("liên quan", "trực thuộc Bộ",
    "trung ương"), not ending on a word that needs more ("thuộc", "của")."""
    k, last_good = j, j
    while k < len(doc) and k - j < 6:
        if k + 1 < len(doc) and (f"{doc[k].lower_} {doc[k + 1].lower_}" in QUALIFIER_WORDS
                                 or doc[k].lower_ in QUALIFIER_WORDS and doc[k + 1].lower_ in {"ủy", "uỷ"}):
            k += 2  # "liên quan", "(trực thuộc) Tỉnh ủy"
        elif doc[k].lower_ in QUALIFIER_WORDS:
            k += 1
        else:
            break
        if doc[k - 1].lower_ not in QUALIFIER_END_BAD or k - j >= 2 and doc[k - 2].lower_ == "trực":
            last_good = k  # ("trực thuộc" may end a group: "các đơn vị trực thuộc")
    return last_good
