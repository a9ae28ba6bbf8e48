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
from theodoi.nlp.body_words import (COMMA_NAME_HEADS, COUNCIL_ENDS, GROUP_NOUNS, LEVEL_HEADS, MEMBER_GROUPS,
                                    NOT_NAME_TAIL, OTHER_KINDS, PARTY_COMMITTEES, OWN_KINDS, SELF_TITLES, SELF_TITLES_SEQ, TITLES)
from theodoi.nlp.extensions import doc_text, register_extensions
from theodoi.nlp.name_extent import (NAMED_HEADS, assigned_clause, by_first_word,
                                     comma_name, extend_descriptor, extend_name, extend_place, extend_tail,
                                     having_clause, levels, list_members, managed_things, match_seq, next_member,
                                     qualifiers, token_lowers)

register_extensions()


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
            end = max(end, extend_place(flat, end))
            if span[0].lower_ == "các":  # a group the gazetteer knows, with its qualifier: "các Sở, Ban, ngành liên quan"
                end = max(end, qualifiers(flat, end))
            start = self._title_before(flat, start)
            found.append(Span(flat, start, end, label="BODY"))
        spans, previous = [], None
        for span in self._shared_title_committees(flat, filter_spans(found)):
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
    def _shared_title_committees(doc: Doc, spans: list[Span]) -> list[Span]:
        """A title over Party committees of two levels is one addressee: "Bí thư Tỉnh ủy, Thành ủy"
        (the secretaries of each), not the secretary and a committee."""
        out: list[Span] = []
        for span in spans:
            prev = out[-1] if out else None
            if prev is not None and span.start == prev.end + 1 and doc[prev.end].text == "," \
                    and tuple(t.lower_ for t in span) in PARTY_COMMITTEES \
                    and tuple(t.lower_ for t in prev[-2:]) in PARTY_COMMITTEES \
                    and any(match_seq(doc, k, TITLES) for k in range(prev.start, prev.end - 2)):
                out[-1] = Span(doc, prev.start, span.end)
            else:
                out.append(span)
        return out

    @staticmethod
    def _shared_title(doc: Doc, previous: Span | None, span: Span) -> str:
        """The title that a body shares with the one before it: "Thủ trưởng cơ quan ngang bộ, cơ quan
        thuộc Chính phủ" → "Thủ trưởng" for the second, which names the same kind ("cơ quan");
        "" otherwise."""
        if previous is None or previous.end + 1 != span.start or doc[previous.end].text != "," \
                or not span[0].is_lower or span[0].lower_ == "các":
            return ""
        n = match_seq(doc, previous.start, TITLES)
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
        lowers, heads = token_lowers(doc), by_first_word(NAMED_HEADS)
        i = 0
        while i < len(doc):
            n = match_seq(doc, i, NAMED_HEADS) if lowers[i] in heads else 0  # most tokens start no head
            if n and doc[i].text[0].isupper():
                end = extend_name(doc, i + n)
                if end == i + n and lowers[i:i + n] == ("ban", "quản", "lý") and doc[i + 1].text[0].isupper():
                    end = managed_things(doc, end)  # "Ban Quản lý các khu công nghiệp"
                leveled = end == i + n and lowers[i:i + n] in LEVEL_HEADS and levels(doc, end) > end
                if leveled:
                    end = levels(doc, end)  # "Công an xã, phường": the levels end the name
                if end == i + n and n > 2 and any(doc[k].text[0].isupper() for k in range(i + 1, i + n)) \
                        and not (end < len(doc) and doc[end].is_alpha and doc[end].is_lower
                                 and doc[end].lower_ not in NOT_NAME_TAIL):
                    # a head that is a whole name, the list or sentence going on after it: "Liên đoàn Lao
                    # động, Hội ..." (not "bảo hiểm xã hội", nor "Cổng Thông tin" + "điện tử")
                    yield Span(doc, i, end)
                    i = end
                    continue
                if end > i + n:
                    described = end if leveled else extend_descriptor(doc, end)  # "Vụ Kế hoạch tài chính"
                    known = next((k for k in range(described, end - 1, -1) if agencies.lookup(doc[i:k].text)), None)
                    end = known or described  # a known name is whole: "Sở Y tế" + "quyết định" is not one
                    dash = next((k for k in range(i + n, end) if doc[k].text in ("-", "–")
                                 and agencies.lookup(doc[i:k].text)), None)
                    end = dash or end  # "Bộ Tài chính - Cơ quan thường trực ...": the known body, then its role
                    if not known and lowers[i:i + n] in COMMA_NAME_HEADS:
                        end = comma_name(doc, end)
                    yield Span(doc, i, end)
                    i = end
                    continue
            i += 1

    @staticmethod
    def _groups(doc: Doc):
        lowers, titles = token_lowers(doc), by_first_word(TITLES)
        i, own_end = 0, -1
        while i < len(doc):
            if lowers[i] == "các":
                j = i + 1
            else:  # "Thủ trưởng sở, ban, ngành": the heads of a group written without "các"
                j = i + (match_seq(doc, i, TITLES) if lowers[i] in titles else 0)
                j = j if j > i and j < len(doc) and doc[j].is_lower else i
            n = match_seq(doc, j, GROUP_NOUNS) if j > i else 0
            if not n and i and lowers[i - 1] in (",", "và"):
                # "các Bộ, cơ quan ngang Bộ": the next body, without "các"; so is any kind after such a body
                # ("Thủ trưởng cơ quan ngang bộ, cơ quan có liên quan")
                n = match_seq(doc, i, OWN_KINDS) or (match_seq(doc, i, GROUP_NOUNS) if i - 1 == own_end else 0)
                kind = match_seq(doc, i, GROUP_NOUNS) if not n else 0
                after = lowers[i + kind:i + kind + 3]
                if kind and (after[:2] == ("liên", "quan") or after == ("có", "liên", "quan")) \
                        and (lowers[i - 1] == "và" or i > 1 and not doc[i - 2].is_lower):
                    n = kind  # "Sở A và đơn vị liên quan": the others concerned, a body of the list
                    # (not a kind of a group: "bộ, ngành liên quan")
            if not n and match_seq(doc, i, SELF_TITLES_SEQ) == 2 and doc[i].text[0].isupper() \
                    and i + 3 < len(doc) and doc[i + 2].text == "," and match_seq(doc, i + 3, TITLES):
                yield Span(doc, i, i + 2)  # "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": the ministers
                i += 2
                continue
            if not n:
                i += 1
                continue
            own = match_seq(doc, j, OWN_KINDS) == n  # a body of its own: no further kinds join it
            named = extend_name(doc, j + n)
            j = extend_tail(doc, named)
            # so is a kind with words of its own before another kind of body: "các doanh nghiệp vận tải, tổ
            # chức, cá nhân ..." (not "các cơ quan thông tấn, báo chí": a second word of the same kind)
            q = qualifiers(doc, j)
            own = own or j > named and q + 1 < len(doc) and doc[q].text == "," and match_seq(doc, q + 1, OTHER_KINDS)
            while True:
                j = j if own else list_members(doc, j)
                last_good = qualifiers(doc, j)
                nxt = next_member(doc, last_good, qualified=True) if last_good > j and not own else 0
                if not nxt:  # "các bộ, cơ quan trung ương và địa phương": the list goes on after a qualifier
                    break
                j = nxt
            last_good = assigned_clause(doc, having_clause(doc, last_good))
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
            if chained and start - n >= 0 and match_seq(doc, start - n, TITLES) == n:
                alone = doc[start - n].text[0].isupper() and (start - n == 0 or doc[start - n - 1].lower_ != "các")
                return start - n if alone and doc[start - n:start].text.lower() not in SELF_TITLES else start
            if not chained and start - n >= 0 and match_seq(doc, start - n, TITLES) >= n:  # ("Chánh" + "Văn phòng")
                return start - n - 1 if start - n >= 1 and doc[start - n - 1].lower_ == "các" else start - n
            if start - n - 1 >= 0 and doc[start - 1].lower_ == "các" and match_seq(doc, start - n - 1, TITLES) == n:
                return start - n - 1
        return start


@Language.factory("theodoi_bodies", assigns=["doc.spans"], default_config={"spans_key": "bodies", "units_key": "units"})
def make_body_finder(nlp: Language, name: str, spans_key: str, units_key: str) -> BodyFinder:
    """Factory of the body finder (gazetteer + named heads + groups)."""
    return BodyFinder(nlp, name, spans_key, units_key)
