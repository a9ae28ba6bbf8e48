"""Numeric targets: "phấn đấu đến năm 2025 có trên 700 doanh nghiệp số", "tỷ lệ hộ nghèo
dưới 3%", "95 - 100%", "thuộc nhóm 15 tỉnh dẫn đầu".

Lines that only wrap a sentence are read as one line first (same offsets). A number counts
as a target when it has a unit (%, a measure, or a counted noun), its paragraph or the lines
heading it ("- Đến năm 2020:", "III. MỤC TIÊU", "Điều 1. Giao chỉ tiêu ...") state a goal
(phấn đấu, mục tiêu, chỉ tiêu, đến năm, đạt, dự kiến, quy hoạch, ...), and it is not history
("đã đạt 85%", "cùng kỳ", a "Tình hình"/"Kết quả" section), a need or support level
("nhu cầu vốn", "mức hỗ trợ", "lãi suất"), a qualifier (range end, age bracket, named places),
an anniversary, a term, a legal article, a date or a duration. Each target keeps its
comparator, unit, indicator (the phrase measured, as written) and horizon year ("Đến năm 2025",
"giai đoạn 2021-2025" → 2025; a base year "gấp 2 lần năm 2010" is not one).

A list that distributes a total ("xây dựng mới 151 chợ ... cụ thể: Việt Trì (12), Đoan
Hùng (22)") gives one target per place, with the indicator of the total.

Component "theodoi_targets" sets doc.spans["targets"] (its `spans_key`), each span with `span._.target`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.domain import Target
from theodoi.nlp.extensions import doc_text
from theodoi.nlp.goal_numbers import indicator_words, is_qualifier, not_a_goal_number, restated
from theodoi.nlp.numbers import parse_number
from theodoi.nlp.target_context import GOAL_WORDS, states_a_goal
from theodoi.nlp.target_grammar import DURATION, TARGET, comparator, unit_of
from theodoi.nlp.target_horizon import cell_horizon, horizon_year, sentence_horizon
from theodoi.nlp.target_indicator import read_indicator
from theodoi.nlp.target_layout import clause_opening, sentence_bounds
from theodoi.nlp.target_tables import TableCell, in_goal_column, table_cell, time_cell
from theodoi.nlp.wrapped_lines import unwrap_lines
from theodoi.vietnamese import compare_key

# "Việt Trì (12), thị xã Phú Thọ (08)": a total distributed over places.
_SHARE = re.compile(r"(?P<place>[A-ZĐ][^\s(),;:]*(?:\s+[^\s(),;:]+){0,4})\s*\((?P<value>\d{1,4})\)")
_PAST = re.compile(r"\b(?:đã|vừa\s+qua|còn\s+lại|giữ\s+nguyên|hiện\s+có|hiện\s+nay|trong\s+đó\s+có|đến\s+nay|chưa)\b",
                   re.I)
# A figure whose own clause goes on to say it happened ("100% cơ quan đã tổ chức quán triệt").
_PAST_AFTER = re.compile(r"[^;:.()\n]{0,40}?\bđã\b", re.I)
# A document or list described as approved ("danh mục đã được phê duyệt"): "đã" qualifies the
# document, it does not report the figure.
_APPROVED_DOCUMENT = re.compile(
    r"(?:danh\s+mục|danh\s+sách|kế\s+hoạch|quy\s+hoạch|đề\s+án|dự\s+án|phương\s+án|chương\s+trình|lộ\s+trình|văn\s+bản)"
    r"\s+đã\s+được\s+(?:cấp\s+có\s+thẩm\s+quyền\s+|(?:[^\W\d]+\s+){1,3})?(?:phê\s+duyệt|ban\s+hành|thông\s+qua)", re.I)
_NOT_TARGET_BEFORE = re.compile(
    r"(?<!\w)(?:kỷ\s+niệm|khóa|khoá|nhiệm\s+kỳ|[Đđ]iều|khoản|điểm|số|lần\s+thứ|thứ|mục|phần|chương|loại"
    r"|ngày|tháng|"
    r"năm|quý|quí|Nghị\s+định|Quyết\s+định|Luật|đợt|dưới|trẻ\s+em|khóm|ấp|tổ|phường|thôn|xóm|lô|quận)\s*$",
    re.I,
)
_REDUCED_TO = re.compile(r"(?:xuống|giảm)(?:\s+còn)?\s+(?:\S+\s+){0,2}$|\bcòn\s+(?:\S+\s+){0,2}$", re.I)


def find_targets(text: str, exclude: list[tuple[int, int]] | tuple = (), doc_year: int | None = None,
                 tables: list[tuple[int, int]] | tuple = ()) -> list[Target]:
    """Every numeric target in `text`, in order, with offsets into `text`; numbers inside
    an `exclude` span (a citation) are skipped. `doc_year`, the year of the document's date,
    tells figures of earlier years (history) from goals; a figure in a row of one of `tables`
    (spans of table blocks) with a time column takes its horizon from the row's time cell."""
    out: list[Target] = []
    seen: set[tuple] = set()
    text = _rows_kept(text, unwrap_lines(text), tables)
    for m in TARGET.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in exclude):
            continue
        value = parse_number(m.group("value"))
        if value is None:
            continue
        sent_start, sent_end = sentence_bounds(text, m.start())
        value_start = m.start("value")
        prefix = text[max(sent_start, value_start - 25):value_start]
        if _NOT_TARGET_BEFORE.search(prefix) and not m.group("cmp"):
            continue
        if re.search(r"[/\-.]\s*$", text[max(0, value_start - 1):value_start]):
            continue  # part of a symbol or a date
        if is_qualifier(text, m):
            continue
        unit = unit_of(m.group("unit"))
        if 1900 <= value <= 2100 and unit != "%" and not re.search(r"\d\.\d", m.group("value")):
            continue  # a year
        clause_before = text[clause_opening(text, sent_start, m.start()):m.start()]
        if re.fullmatch(DURATION, unit, re.I) and not _REDUCED_TO.search(clause_before[-40:]):
            continue  # a term or a time limit, not a level to bring a time down to
        if _PAST.search(_APPROVED_DOCUMENT.sub("", clause_before[-60:])) \
                or _PAST_AFTER.match(_APPROVED_DOCUMENT.sub("", text[m.end():m.end() + 120])):
            continue
        if not_a_goal_number(text, m, clause_before, unit, GOAL_WORDS):
            continue
        cell = table_cell(text, m.start(), tables)
        if not states_a_goal(text, m.start(), sent_start, sent_end, doc_year) and not (cell and in_goal_column(cell)):
            continue
        period_start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
        previous = out[-1] if out and out[-1].start >= period_start and out[-1].confidence == 1.0 else None
        indicator, clause_start, clause_end = read_indicator(text, m, sent_start, sent_end, previous)
        row_time = time_cell(cell) if cell else None
        year = horizon_year(text, m, sent_start, sent_end) if row_time is None \
            else _row_horizon(text, m, cell, row_time, sent_start, sent_end)
        if year is not None and doc_year and year < doc_year:
            continue  # a figure of a year before the document's: history, not a goal
        start = min(clause_start, m.start())
        target = Target(text=text[start:max(clause_end, m.end())].strip(), start=start, end=max(clause_end, m.end()),
                        indicator=indicator, comparator=comparator(m), value=value, unit=unit, year=year,
                        component="theodoi_targets")
        if restated(seen, value, unit, year, indicator):
            continue  # a goal restated (in a summary table, an appendix) is one goal
        undated = _stated_without_horizon(out, target) if year is not None else None
        if undated is not None:
            undated.year = year  # the appendix restates a goal of the body with its horizon
            continue
        seen.add((value, unit, year, compare_key(indicator)))
        out.append(target)
        out.extend(_shares(text, m, target, clause_end))
    return out


def _row_horizon(text: str, m: re.Match, cell: TableCell, row_time: str, sent_start: int, sent_end: int) -> int | None:
    """The horizon of a figure in a table row with a time cell: the one its own sentence in its
    cell states ("Đạt ... vào năm 2030: ..."), else the time cell's."""
    stated = sentence_horizon(text, m, max(sent_start, cell.start), min(sent_end, cell.end))
    return stated if stated is not None else cell_horizon(row_time)


def _rows_kept(text: str, unwrapped: str, tables: list[tuple[int, int]] | tuple) -> str:
    """`unwrapped` with the line breaks of `text` back inside the tables: a table's rows are
    lines of their own, never a wrapped sentence."""
    for start, end in tables:
        unwrapped = unwrapped[:start] + text[start:end] + unwrapped[end:]
    return unwrapped


def _stated_without_horizon(found: list[Target], target: Target) -> Target | None:
    """An earlier goal without a horizon that `target` restates: the same figure and unit, and an
    indicator of at least five words whose words all stand in the other's."""
    words = indicator_words(target.indicator)
    for earlier in found:
        if earlier.year is not None or earlier.value != target.value or earlier.unit != target.unit:
            continue
        other = indicator_words(earlier.indicator)
        if min(len(words), len(other)) >= 5 and (words <= other or other <= words):
            return earlier
    return None


def _shares(text: str, m: re.Match, total: Target, clause_end: int) -> list[Target]:
    """Targets of a distribution list that follows a total ("cụ thể: Việt Trì (12), ...")."""
    sentence_end = sentence_bounds(text, m.end())[1]
    colon = text.find(":", m.end(), sentence_end)
    if colon == -1 or not re.search(r"(?:cụ\s+thể|gồm|như\s+sau|tại)\s*:\s*$", text[:colon + 1]):
        return []
    # the list must belong to this total: no other counted number in between
    if TARGET.search(text, m.end(), colon):
        return []
    found = []
    unit_noun = total.unit if total.unit != "%" else ""
    for share in _SHARE.finditer(text, colon + 1, sentence_end):
        place = share.group("place").strip()
        indicator = f"{total.indicator} tại {place}" if unit_noun and unit_noun in total.indicator \
            else f"{unit_noun} {total.indicator} tại {place}".strip()
        found.append(Target(text=share.group(0), start=share.start(), end=share.end(), indicator=indicator,
                            comparator="=", value=int(share.group("value")), unit=total.unit, year=total.year,
                            component="theodoi_targets", confidence=0.7))
    return found


class TargetFinder:
    """spaCy component: doc.spans[spans_key] with `span._.target`; skips numbers inside the
    citations of doc.spans[citations_key]."""

    def __init__(self, nlp: Language, name: str, spans_key: str, citations_key: str):
        self.name = name
        self.spans_key = spans_key
        self.citations_key = citations_key

    def __call__(self, doc: Doc) -> Doc:
        cited = [(s.start_char, s.end_char) for s in doc.spans.get(self.citations_key, [])]
        spans = []
        doc_year = doc._.doc_date.year if doc._.doc_date else None
        tables = [(b.start, b.end) for b in doc._.blocks or () if b.kind == "table"]
        for target in find_targets(doc_text(doc), exclude=cited, doc_year=doc_year, tables=tables):
            span = doc.char_span(target.start, target.end, alignment_mode="expand")
            if span is None:
                continue
            span._.target = target
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("theodoi_targets", assigns=["doc.spans"],
                  default_config={"spans_key": "targets", "citations_key": "citations"})
def make_target_finder(nlp: Language, name: str, spans_key: str, citations_key: str) -> TargetFinder:
    """Factory for the target finder."""
    return TargetFinder(nlp, name, spans_key, citations_key)
