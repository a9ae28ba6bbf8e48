"""`theodoi_bodies`: bodies named in the text, in doc.spans["bodies"] with `span._.body`.

Three sources, merged with `filter_spans` (longest wins):
- the gazetteer (`theodoi.nlp.agencies`) through a PhraseMatcher on LOWER, so "UBND tỉnh"
  and "Ủy ban nhân dân tỉnh" are both found and share one canonical name;
- a named body the gazetteer does not know: a head noun ("Sở", "Vụ", "Cục", "Ban", ...)
  followed by capitalised syllables ("Vụ Kế hoạch Đầu tư", "Sở Công Thương");
- groups: "các" + kinds of body joined by commas or "và", with a qualifier
  ("các cơ quan, đơn vị trực thuộc Bộ", "các ngành chức năng ở địa phương").
A known body is extended by the place that follows it ("UBND tỉnh Long An") and by a
title in front of it ("Chủ tịch UBND tỉnh", "Giám đốc các Sở").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from theodoi.domain import BodyMention
from theodoi.nlp import agencies
from theodoi.nlp.body_words import (CONNECTORS, COUNCIL_ENDS, DESCRIPTOR_MAX, DESCRIPTOR_STOP, GROUP_NOUNS,
                                    GROUP_TAIL_MAX, HAVING_MAX, HEADS, LEVEL_WORDS, MEMBER_GROUPS, NAME_ONLY_HEADS,
                                    NOT_NAME_TAIL, OTHER_KINDS, OWN_KINDS, PREDICATE_NOUNS, QUALIFIER_END_BAD, QUALIFIER_WORDS,
                                    ROLE_HEADS, SECOND_SYLLABLES, SELF_TITLES, TAIL_STOP, TITLES)
from theodoi.nlp.extensions import doc_text, register_extensions
from theodoi.nlp.lexicon import REPORT_WORDS, ROLE_MODIFIERS, opens_action
from theodoi.vietnamese import compare_key

register_extensions()

SELF_TITLES_SEQ = {("bộ", "trưởng")}
MANAGED_MAX = 10  # syllables of "các khu công nghệ cao và khu công nghiệp"
# Heads whose unknown names may be lists closed by "và": "Cục Xuất bản, In và Phát hành".
LEVEL_HEADS = {("công", "an"), ("thanh", "tra"), ("đảng", "ủy"), ("đảng", "uỷ")}  # "Công an xã, phường"
MEDIA_WORDS = {"báo chí", "truyền hình", "phát thanh", "truyền thông", "thông tấn"}
COMMA_NAME_HEADS = {("bộ",), ("sở",), ("cục",), ("vụ",), ("viện",), ("tổng", "cục"), ("chi", "cục"), ("trung", "tâm")}
NAMED_HEADS = HEADS | NAME_ONLY_HEADS  # (one set: its first-word index is built once)
_LOWERS_KEY = "theodoi.lowers"
_FIRST_WORD_INDEXES: dict[int, tuple[set, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(seqs: set[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """`seqs` grouped by their first word, longest first (built once per word list)."""
    cached = _FIRST_WORD_INDEXES.get(id(seqs))
    if cached is None or cached[0] is not seqs:
        index: dict[str, list[tuple[str, ...]]] = {}
        for seq in sorted(seqs, key=len, reverse=True):
            index.setdefault(seq[0], []).append(seq)
        cached = _FIRST_WORD_INDEXES[id(seqs)] = (seqs, index)
    return cached[1]


def _lowers(doc: Doc) -> tuple[str, ...]:
    """Every token's lowercase form, read once per Doc (kept in `doc.user_data`): the body
    finder looks at each token many times, and `doc[i]` makes a new Token object each time."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[_LOWERS_KEY] = tuple(token.lower_ for token in doc)
    return lowers


def _match_seq(doc: Doc, i: int, seqs: set[tuple[str, ...]]) -> int:
    """Length of the longest sequence of `seqs` that starts at token i (0 if none)."""
    lowers = _lowers(doc)
    if i >= len(lowers):
        return 0
    for seq in _by_first_word(seqs).get(lowers[i], ()):
        if lowers[i:i + len(seq)] == seq:
            return len(seq)
    return 0


def _capitalised(doc: Doc, j: int) -> bool:
    return j < len(doc) and doc[j].is_alpha and doc[j].text[0].isupper()


def _extend_name(doc: Doc, j: int) -> int:
    """From token j, consume the capitalised syllables of a proper name, with inner
    lowercase syllables and "và" / "-" between capitalised ones ("Kế hoạch Đầu tư")."""
    start = j
    while j < len(doc):
        tok = doc[j]
        if _capitalised(doc, j):
            j += 1
            nxt = doc[j] if j < len(doc) else None
            if (nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_ not in NOT_NAME_TAIL
                    and not (j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].is_lower
                             and not _match_seq(doc, j + 1, LEVEL_WORDS)
                             and doc[j + 1].lower_ not in NOT_NAME_TAIL)):
                j += 1  # the second syllable of a word: "Đầu tư", "Xây dựng"
        elif j > start and _capitalised(doc, j + 1) and not _match_seq(doc, j + 1, HEADS) and (
                tok.text in CONNECTORS or tok.is_alpha and tok.is_lower):
            j += 1
        else:
            break
    return j


def _extend_descriptor(doc: Doc, j: int) -> int:
    """After an unknown body's capitalised name ending at token j, the lowercase syllables that
    still describe it ("Vụ Kế" + "hoạch tài chính"): up to DESCRIPTOR_MAX, stopping at a verb,
    modal, function word or place; j when none."""
    k = j
    while k < len(doc) and doc[k].is_alpha and doc[k].is_lower:
        words = [compare_key(t.text) for t in doc[k:k + 4] if not t.is_space]
        if (words[0] in NOT_NAME_TAIL or words[0] in TAIL_STOP or words[0] in REPORT_WORDS
                or words[0] in DESCRIPTOR_STOP or opens_action(words) or _match_seq(doc, k, LEVEL_WORDS)):
            return k
        if k - j == DESCRIPTOR_MAX:
            return j  # a long lowercase run is the sentence going on, not a name
        k += 1
    return k


def _extend_tail(doc: Doc, j: int) -> int:
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
                or words[0] in REPORT_WORDS or opens_action(words) or _match_seq(doc, k, LEVEL_WORDS)):
            break
        k += 1
        syllables, end = syllables + 1, k
    return min(end, len(doc))


def _managed_things(doc: Doc, j: int) -> int:
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
    return _extend_name(doc, k) if _capitalised(doc, k) and not _match_seq(doc, k, NAMED_HEADS) else k


def _levels(doc: Doc, j: int) -> int:
    """After a head that names a body at each level ("Công an", "Thanh tra"), the levels it names:
    "xã", "xã, phường", "cấp huyện"; j when no level follows (or "xã hội", a word of its own)."""
    k = j + (j < len(doc) and doc[j].lower_ == "cấp")
    n = _match_seq(doc, k, LEVEL_WORDS)
    if not n or k + n < len(doc) and doc[k + n].lower_ == "hội":
        return j
    k += n
    while k + 1 < len(doc) and doc[k].text in (",", "-", "–") and _match_seq(doc, k + 1, LEVEL_WORDS) \
            and not (k + 2 < len(doc) and doc[k + 2].lower_ == "hội"):
        k += 1 + _match_seq(doc, k + 1, LEVEL_WORDS)
    return k


def _comma_name(doc: Doc, j: int) -> int:
    """After an unknown body's name ending at token j, the further parts of a name written as a list
    closed by "và" ("Cục Xuất bản" + ", In và Phát hành"); j when the name does not go on so (a
    part that is a body, a title or a place ends it)."""
    k = j
    while k + 1 < len(doc) and doc[k].text == "," and _capitalised(doc, k + 1) and not (
            _match_seq(doc, k + 1, NAMED_HEADS) or _match_seq(doc, k + 1, TITLES) or _match_seq(doc, k + 1, LEVEL_WORDS)):
        end = _extend_name(doc, k + 1)
        if end - k - 1 > 6:
            return j
        if any(t.lower_ == "và" for t in doc[k + 1:end]):
            return end  # the part that closes the list
        k = end
    return j


def _extend_place(doc: Doc, j: int) -> int:
    """After a body, take a place: "tỉnh Long An", "Long An", "thành phố Hồ Chí Minh", or its level:
    "Ủy ban nhân dân cấp tỉnh"."""
    if j < len(doc) and doc[j].lower_ == "cấp":
        return _levels(doc, j)
    n = _match_seq(doc, j, LEVEL_WORDS)
    while n and j + n + 1 < len(doc) and doc[j + n].text in {"-", "–"} and _match_seq(doc, j + n + 1, LEVEL_WORDS):
        n += 1 + _match_seq(doc, j + n + 1, LEVEL_WORDS)  # "quận - huyện"
    if n and _match_seq(doc, j + n, LEVEL_WORDS):
        n += _match_seq(doc, j + n, LEVEL_WORDS)  # "Liên minh Hợp tác xã" + "tỉnh": the first ends the name
    k = _extend_name(doc, j + n)
    if k > j + n:
        return k
    if n and doc[j - 1].lower_ not in COUNCIL_ENDS and j + n < len(doc) and doc[j + n].lower_ == "hội":
        return j  # "Sở Y tế xã hội hóa ...": not a place
    if n and doc[j - 1].lower_ in COUNCIL_ENDS:  # "Ủy ban nhân dân huyện, thị xã": the councils of each level
        while j + n + 1 < len(doc) and doc[j + n].text == "," and _match_seq(doc, j + n + 1, LEVEL_WORDS) \
                and not _capitalised(doc, j + n + 1 + _match_seq(doc, j + n + 1, LEVEL_WORDS)):
            n += 1 + _match_seq(doc, j + n + 1, LEVEL_WORDS)
    return j + n


def _next_member(doc: Doc, k: int, qualified: bool = False) -> int:
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
    if _match_seq(doc, k, OWN_KINDS) and doc[k - 1].lower_ != "các":
        return 0  # "..., cơ quan ngang Bộ": a body of its own
    m = _match_seq(doc, k, GROUP_NOUNS)
    if m and (doc[k - 1].lower_ == "các" or doc[k].is_lower):
        return _extend_tail(doc, _extend_name(doc, k + m))
    return 0


def _named_member(doc: Doc, k: int) -> int:
    """After ", " or " và " at token k that follows a place named in a group ("các huyện Bát
    Xát, Mường Khương và Si Ma Cai"), the end of the next place name, or 0 (a body's head noun,
    "Sở Y tế", starts a new body)."""
    if k + 1 >= len(doc) or not (doc[k].text == "," or doc[k].lower_ == "và") or not _capitalised(doc, k - 1):
        return 0
    if not _capitalised(doc, k + 1) or _match_seq(doc, k + 1, HEADS) or _match_seq(doc, k + 1, TITLES):
        return 0
    end = _extend_name(doc, k + 1)
    # a place name, then the predicate or the end of the list: not the subject of a new clause
    return end if end > k + 1 and (end >= len(doc) or not doc[end].is_alpha or doc[end].is_lower) else 0


def _list_members(doc: Doc, j: int) -> int:
    """From token j, take the further kinds of body (", ban, ngành" / "và các địa phương") and
    places ("Bát Xát, Mường Khương") that continue a group; the end of the group."""
    while j < len(doc):
        nxt = _next_member(doc, j) or _named_member(doc, j)
        if not nxt:
            break
        j = nxt
    return j


def _having_clause(doc: Doc, j: int) -> int:
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


def _qualifiers(doc: Doc, j: int) -> int:
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


class BodyFinder:
    """Finds bodies (gazetteer, named heads, groups) and writes doc.spans[spans_key]."""

    def __init__(self, nlp: Language, name: str, spans_key: str, units_key: str):
        self.name = name
        self.spans_key = spans_key
        self.units_key = units_key
        self.tokenizer = nlp.tokenizer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.initialized = False

    def initialize(self, get_examples=None, *, nlp: Language) -> None:
        """Load the gazetteer's names into the matcher (spaCy calls this from `nlp.initialize()`)."""
        for agency in agencies.load_agencies():
            if agency.canonical in self.matcher:
                self.matcher.remove(agency.canonical)
            self.matcher.add(agency.canonical, [nlp.make_doc(n) for n in agency.names])
        self.initialized = True

    def __call__(self, doc: Doc) -> Doc:
        if not self.initialized:
            raise ValueError(f"{self.name}: call nlp.initialize() first (it loads the gazetteer)")
        flat = self._unwrapped(doc)
        candidates = [Span(flat, s, e) for _, s, e in self.matcher(flat)]
        candidates += list(self._named_heads(flat))
        candidates += list(self._groups(flat))
        found = []
        for span in self._join_councils(flat, filter_spans(candidates)):
            start, end = span.start, span.end
            end = max(end, _extend_place(flat, end))
            if span[0].lower_ == "các":  # a group the gazetteer knows, with its qualifier: "các Sở, Ban, ngành liên quan"
                end = max(end, _qualifiers(flat, end))
            start = self._title_before(flat, start)
            found.append(Span(flat, start, end, label="BODY"))
        spans, previous = [], None
        for span in filter_spans(found):
            mention = self.mention(span, self._shared_title(flat, previous, span))
            previous = span
            if flat is not doc:
                span = doc.char_span(span.start_char, span.end_char, label="BODY", alignment_mode="expand")
            span._.body = mention
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _unwrapped(self, doc: Doc) -> Doc:
        """The Doc to read names in: where a unit's text wraps onto a new line ("Sở Nông nghiệp và\n
        Môi trường"), the same text with the line break read as a space, so a name runs on across it
        (offsets are unchanged); the Doc itself when no unit wraps."""
        text = doc_text(doc)
        wraps = set()
        for unit in doc.spans.get(self.units_key, []):
            inner = text.find("\n", unit.start_char, unit.end_char)
            while inner >= 0:
                wraps.add(inner)
                inner = text.find("\n", inner + 1, unit.end_char)
        if not wraps:
            return doc
        words, spaces = [], []
        for token in doc:  # the same tokens without the line breaks: no second tokenizer run
            if token.text == "\n" and token.idx in wraps and spaces and not spaces[-1]:
                spaces[-1] = True
                continue
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        flat = Doc(doc.vocab, words=words, spaces=spaces)
        if len(flat.text) != len(text):  # (a break beside other spaces: let the tokenizer read the text)
            flat = self.tokenizer("".join(" " if i in wraps else c for i, c in enumerate(text)))
        return flat

    @staticmethod
    def _shared_title(doc: Doc, previous: Span | None, span: Span) -> str:
        """The title that a body shares with the one before it: "Thủ trưởng cơ quan ngang bộ, cơ quan
        thuộc Chính phủ" → "Thủ trưởng" for the second, which names the same kind ("cơ quan");
        "" otherwise."""
        if previous is None or previous.end + 1 != span.start or doc[previous.end].text != "," \
                or not span[0].is_lower or span[0].lower_ == "các":
            return ""
        n = _match_seq(doc, previous.start, TITLES)
        kind = next((m for m in range(1, 4) if tuple(t.lower_ for t in span[:m]) in GROUP_NOUNS), 0)  # "cơ quan"
        if not n or not kind or doc[previous.start:previous.start + n].text.lower() in SELF_TITLES:
            return ""
        k = previous.start + n
        same = [t.lower_ for t in doc[k:k + kind]] == [t.lower_ for t in span[:kind]]
        return doc[previous.start:k].text + " " if same else ""

    @staticmethod
    def mention(span: Span, title: str = "") -> BodyMention:
        """The BodyMention for a span found by this component (with the `title` it shares with the
        body before it written out)."""
        text = title + span.text
        is_group = span[0].lower_ == "các" or " các " in f" {text.lower()} "
        return BodyMention(text=text, start=span.start_char, end=span.end_char,
                           canonical=agencies.canonical(text), is_group=is_group)

    @staticmethod
    def _join_councils(doc: Doc, spans: list[Span]) -> list[Span]:
        """"UBND" + "các huyện, thị xã" → one body: the people's committees of a group;
        "các Ban" + "(của) Hội đồng nhân dân" → one body: the parts of a body."""
        out: list[Span] = []
        for span in spans:
            prev = out[-1] if out else None
            gap = doc[prev.end:span.start] if prev is not None else None
            if prev is not None and span.start == prev.end and span[0].lower_ == "các" \
                    and prev[-1].lower_ in COUNCIL_ENDS:
                # "Ủy ban nhân dân" + "các cấp, các hội, đoàn thể": the council takes the first kind;
                # a kind with its own "các" after it is a body of its own
                cut = next((k for k in range(span.start + 2, span.end)
                            if doc[k].lower_ == "các" and doc[k - 1].text == ","), None)
                out[-1] = Span(doc, prev.start, cut - 1 if cut else span.end)
                if cut:
                    out.append(Span(doc, cut, span.end))
            elif prev is not None and prev[0].lower_ == "các" and span[0].lower_ != "các" \
                    and (gap.text.lower() == "của" or not len(gap) and prev[-1].lower_ in MEMBER_GROUPS):
                out[-1] = Span(doc, prev.start, span.end)
            else:
                out.append(span)
        return out

    @staticmethod
    def _named_heads(doc: Doc):
        lowers, heads = _lowers(doc), _by_first_word(NAMED_HEADS)
        i = 0
        while i < len(doc):
            n = _match_seq(doc, i, NAMED_HEADS) if lowers[i] in heads else 0  # most tokens start no head
            if n and doc[i].text[0].isupper():
                end = _extend_name(doc, i + n)
                if end == i + n and lowers[i:i + n] == ("ban", "quản", "lý") and doc[i + 1].text[0].isupper():
                    end = _managed_things(doc, end)  # "Ban Quản lý các khu công nghiệp"
                if end == i + n and lowers[i:i + n] in LEVEL_HEADS:
                    end = _levels(doc, end)  # "Công an xã, phường"
                if end > i + n:
                    described = _extend_descriptor(doc, end)  # "Vụ Kế hoạch tài chính"
                    known = next((k for k in range(described, end - 1, -1) if agencies.lookup(doc[i:k].text)), None)
                    end = known or described  # a known name is whole: "Sở Y tế" + "quyết định" is not one
                    dash = next((k for k in range(i + n, end) if doc[k].text in ("-", "–")
                                 and agencies.lookup(doc[i:k].text)), None)
                    end = dash or end  # "Bộ Tài chính - Cơ quan thường trực ...": the known body, then its role
                    if not known and lowers[i:i + n] in COMMA_NAME_HEADS:
                        end = _comma_name(doc, end)
                    yield Span(doc, i, end)
                    i = end
                    continue
            i += 1

    @staticmethod
    def _groups(doc: Doc):
        lowers, titles = _lowers(doc), _by_first_word(TITLES)
        i, own_end = 0, -1
        while i < len(doc):
            if lowers[i] == "các":
                j = i + 1
            else:  # "Thủ trưởng sở, ban, ngành": the heads of a group written without "các"
                j = i + (_match_seq(doc, i, TITLES) if lowers[i] in titles else 0)
                j = j if j > i and j < len(doc) and doc[j].is_lower else i
            n = _match_seq(doc, j, GROUP_NOUNS) if j > i else 0
            if not n and i and lowers[i - 1] in (",", "và"):
                # "các Bộ, cơ quan ngang Bộ": the next body, without "các"; so is any kind after such a body
                # ("Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan")
                n = _match_seq(doc, i, OWN_KINDS) or (_match_seq(doc, i, GROUP_NOUNS) if i - 1 == own_end else 0)
            if not n and _match_seq(doc, i, SELF_TITLES_SEQ) == 2 and doc[i].text[0].isupper() \
                    and i + 3 < len(doc) and doc[i + 2].text == "," and _match_seq(doc, i + 3, TITLES):
                yield Span(doc, i, i + 2)  # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": the ministers
                i += 2
                continue
            if not n:
                i += 1
                continue
            own = _match_seq(doc, j, OWN_KINDS) == n  # a body of its own: no further kinds join it
            named = _extend_name(doc, j + n)
            j = _extend_tail(doc, named)
            # so is a kind with words of its own before another kind of body: "các doanh nghiệp vận tải, tổ
            # chức, cá nhân ..." (not "các cơ quan thông tấn, báo chí": a second word of the same kind)
            q = _qualifiers(doc, j)
            own = own or j > named and q + 1 < len(doc) and doc[q].text == "," and _match_seq(doc, q + 1, OTHER_KINDS)
            while True:
                j = j if own else _list_members(doc, j)
                last_good = _qualifiers(doc, j)
                nxt = _next_member(doc, last_good, qualified=True) if last_good > j and not own else 0
                if not nxt:  # "các bộ, cơ quan trung ương và địa phương": the list goes on after a qualifier
                    break
                j = nxt
            last_good = _having_clause(doc, last_good)
            own_end = last_good if own else -1
            yield Span(doc, i, last_good)
            i = last_good

    @staticmethod
    def _title_before(doc: Doc, start: int) -> int:
        """Where a body starts with the titles in front of it: "Chủ tịch UBND tỉnh", "Giám đốc các
        Sở", and titles joined before it ("Giám đốc, Thủ trưởng các sở": the heads of one group)."""
        titled = BodyFinder._one_title_before(doc, start)
        while titled < start:
            start = titled
            if start >= 2 and doc[start - 1].text in (",", "và"):
                titled = BodyFinder._one_title_before(doc, start - 1, chained=True)
                titled = titled if titled < start - 1 else start
        return start

    @staticmethod
    def _one_title_before(doc: Doc, start: int, chained: bool = False) -> int:
        """Where the title right before `start` starts (with its "các"); `start` when none. A `chained`
        title is one joined before another ("Giám đốc, Thủ trưởng ..."): capitalised, alone, and not
        one that names its own body ("Bộ trưởng", "các Tổ đại biểu")."""
        for n in (5, 4, 3, 2, 1):
            if chained and start - n >= 0 and _match_seq(doc, start - n, TITLES) == n:
                alone = doc[start - n].text[0].isupper() and (start - n == 0 or doc[start - n - 1].lower_ != "các")
                return start - n if alone and doc[start - n:start].text.lower() not in SELF_TITLES else start
            if not chained and start - n >= 0 and _match_seq(doc, start - n, TITLES) >= n:  # ("Chánh" + "Văn phòng")
                return start - n - 1 if start - n >= 1 and doc[start - n - 1].lower_ == "các" else start - n
            if start - n - 1 >= 0 and doc[start - 1].lower_ == "các" and _match_seq(doc, start - n - 1, TITLES) == n:
                return start - n - 1
        return start


@Language.factory("theodoi_bodies", assigns=["doc.spans"], default_config={"spans_key": "bodies", "units_key": "units"})
def make_body_finder(nlp: Language, name: str, spans_key: str, units_key: str) -> BodyFinder:
    """Factory of the body finder (gazetteer + named heads + groups)."""
    return BodyFinder(nlp, name, spans_key, units_key)
