"""Links between documents: each citation resolves to the stored document it names.

A symbol alone does not name one document: State numbers restart every year and Party
numbers every term (Hướng dẫn 36-HD/VPTW), so "15-NQ/TU" may be two resolutions of two
terms. A citation resolves when exactly one stored document has its number (compared
without spaces, "Số", leading zeros and case; Đ stays Đ: HĐ is not HD) and agrees with
what the citation states: its date, else the year inside a State symbol (30/2020/NĐ-CP),
and its issuer. A document never cites one issued after it. When several documents
still fit, the citation stays unresolved rather than guess; it is looked at again each
time a document with its number arrives, whichever came first.

The relation (implements, reports_on, urges, issued_with, amends, replaces, repeals,
cites) comes from nlp; `refine_relation` completes it from the citing document's kind
and title ("Báo cáo kết quả thực hiện Kế hoạch số ..." reports on that plan).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from theodoi.domain import Header
from theodoi.nlp.agencies import canonical
from theodoi.nlp.components.citations import normalize_number
from theodoi.store.models import Citation, Document
from theodoi.vietnamese import compare_key, fold

RELATIONS = ("implements", "reports_on", "urges", "issued_with", "amends", "replaces", "repeals", "cites")
PLAN_KINDS = {"Kế hoạch", "Chương trình", "Đề án", "Phương án", "Quyết định"}
REPORT_KINDS = {"Báo cáo"}
URGING_KINDS = {"Công văn", "Công điện", "Thông báo"}

_SO_PREFIX = re.compile(r"^\s*(?:số|so)\s*:?\s*", re.I)
_LEADING_NUMBER = re.compile(r"^0*(\d+)")
_STATE_YEAR = re.compile(r"^\d+[A-ZĐ]?/((?:19|20)\d{2})/")
_IMPLEMENTS_TITLE = re.compile(r"\b(?:thực hiện|triển khai|quán triệt|cụ thể hóa)\b", re.I)
_URGES_TITLE = re.compile(r"\bđôn đốc\b", re.I)


def number_key(number: str) -> str:
    """The form two symbols are compared in: "Số: 05 / KH–UBND" → "5/KH-UBND"."""
    key = normalize_number(_SO_PREFIX.sub("", number.strip())).upper()
    return _LEADING_NUMBER.sub(r"\1", key)


def symbol_year(number: str) -> int | None:
    """The year written inside a State normative symbol (30/2020/NĐ-CP → 2020), else None."""
    m = _STATE_YEAR.match(number_key(number))
    return int(m.group(1)) if m else None


# Bodies that issue under one symbol series, whatever the text calls them.
_ISSUER_FAMILIES = (
    ("tinh uy", r"^(?:ban chap hanh dang bo tinh|ban thuong vu tinh uy|thuong truc tinh uy|tinh uy)\b"),
    ("thanh uy", r"^(?:ban chap hanh dang bo thanh pho|ban thuong vu thanh uy|thuong truc thanh uy|thanh uy)\b"),
    ("trung uong", r"^(?:ban chap hanh trung uong(?: dang)?|trung uong)\b"),
    ("ubnd", r"^(?:chu tich )?(?:uy ban nhan dan|ubnd)\b"),
    ("hdnd", r"^(?:thuong truc )?(?:hoi dong nhan dan|hdnd)\b"),
)


_LEVEL = re.compile(r"^(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\b")
_TERM = re.compile(r"\b(?:khoa|nhiem ky)\b.*$")  # "Ban Chấp hành Đảng bộ tỉnh khóa XIX"


# "UBND tỉnh và Công văn số 3540/UBND-NC ...": an issuer read on into the next citation
_RUN_ON = re.compile(r"\s*(?:,|\bvà\b)\s*(?:các\s+)?(?:công văn|kế hoạch|quyết định|chỉ thị|nghị quyết|thông báo"
                     r"|chương trình|báo cáo|hướng dẫn|kết luận|văn bản)\b|\s+số\s+\d", re.I)


def _issuer_parts(name: str) -> tuple[str, str]:
    """(family or full folded name, the place or rest) of an issuer name."""
    name = _RUN_ON.split(name, maxsplit=1)[0]
    folded = " ".join(re.sub(r"[^\w\s]", " ", fold(canonical(name) or name)).split())
    for family, pattern in _ISSUER_FAMILIES:
        m = re.match(pattern, folded)
        if m:
            rest = _TERM.sub("", folded[m.end():]).strip()
            return family, _LEVEL.sub("", rest).strip()
    return folded, ""


def issuers_agree(a: str | None, b: str | None) -> bool | None:
    """Whether two issuer names name the same body: True, False, or None when unsure
    (one is missing, or the names cannot be compared)."""
    if not a or not b:
        return None
    (fa, ra), (fb, rb) = _issuer_parts(a), _issuer_parts(b)
    if fa == fb:
        return not ra or not rb or ra == rb or ra in rb or rb in ra
    if fa in fb or fb in fa:
        return True
    known = {family for family, _ in _ISSUER_FAMILIES}
    if fa in known and fb in known:
        return False
    return None


@dataclass(frozen=True)
class _Candidate:
    id: int
    date: object
    issuer: str | None


def _is_copy(candidate: _Candidate, citing: Document) -> bool:
    """Whether a stored document is another copy of the citing one (the same number, and no
    dates that differ): a document never links to itself."""
    return bool(citing.number) and (candidate.date is None or citing.date is None or candidate.date == citing.date)


def _choose(citation: Citation, citing: Document, candidates: list[_Candidate]) -> int | None:
    """The one document a citation names among those with its number, or None. The citing
    document and its copies are never chosen."""
    own = number_key(citing.number) if citing.number else None
    if own is not None and own == number_key(citation.number):
        candidates = [c for c in candidates if not _is_copy(c, citing)]
    fits = [c for c in candidates if c.id != citing.id
            and not (c.date and citing.date and c.date > citing.date)]
    if citation.date:
        fits = [c for c in fits if c.date == citation.date]
    elif (year := symbol_year(citation.number)) is not None:
        fits = [c for c in fits if c.date is None or c.date.year == year]
    if citation.issuer:
        fits = [c for c in fits if issuers_agree(citation.issuer, c.issuer) is not False]
        if len(fits) > 1:
            agreeing = [c for c in fits if issuers_agree(citation.issuer, c.issuer)]
            fits = agreeing if len(agreeing) == 1 else fits
    return fits[0].id if len(fits) == 1 else None


def _symbols(text: str) -> list[str]:
    """The keys of the document symbols written in a short text (a title), in order."""
    return [number_key(w.strip(".,;:()")) for w in text.split() if re.search(r"\d[/-]", w)]


def report_subject(report: Document) -> str | None:
    """The number key of the document a report is on: the first symbol of its title, else the
    first citation its text says it carries out or reports on."""
    in_title = _symbols(report.title or "")
    if in_title:
        return in_title[0]
    for citation in sorted(report.citations, key=lambda c: c.start):
        if citation.relation in ("reports_on", "implements"):
            return number_key(citation.number)
    return None


def refine_relation(citation: Citation, citing: Document) -> str:
    """The relation of a citation, completed from the citing document's kind and title.

    A report is on one document, the one its title names first ("Kết quả thực hiện Kế hoạch
    số 45/KH-UBND ... thực hiện Nghị quyết số 15-NQ/TU" is on the plan, and only cites the
    resolution); a plan or decision whose title carries out a document implements it; a
    letter whose title urges a document urges it."""
    relation = citation.relation or "cites"
    kind = citing.kind or ""
    key = number_key(citation.number)
    if kind in REPORT_KINDS:
        if key == report_subject(citing):
            return "reports_on"
        return "cites" if relation in ("reports_on", "implements") else relation
    if relation != "cites" or key not in _symbols(citing.title or ""):
        return relation
    title = compare_key(citing.title or "")
    if kind in PLAN_KINDS and _IMPLEMENTS_TITLE.search(title):
        return "implements"
    if kind in URGING_KINDS and _URGES_TITLE.search(title):
        return "urges"
    return relation


def add_header_link(session: Session, document: Document, header: Header) -> None:
    """Record the header's "ban hành kèm theo Quyết định số ..." as an issued_with link,
    on the citation of that number when nlp found one, else as a new citation."""
    if not header.issued_with:
        return
    key = number_key(header.issued_with)
    for citation in document.citations:
        if number_key(citation.number) == key:
            citation.relation = "issued_with"
            return
    document.citations.append(Citation(
        text=f"kèm theo {header.issued_with}", start=0, end=0, number=header.issued_with,
        relation="issued_with", component="header"))
    session.flush()


def _issued_together(session: Session, a: int, b: int) -> bool:
    """Whether one of two documents was issued with the other ("kèm theo Quyết định số ...")."""
    return session.scalar(select(Citation.id).where(
        Citation.relation == "issued_with",
        ((Citation.document_id == a) & (Citation.cited_document_id == b))
        | ((Citation.document_id == b) & (Citation.cited_document_id == a))).limit(1)) is not None


def resolve_citations(session: Session, document: Document | None = None) -> list[Citation]:
    """Resolve citations to stored documents; return those whose target changed to a document.

    With `document`, only the citations that can change are looked at: the document's own,
    and those naming its number. Without it, every citation (a full relink). A resolution
    that becomes ambiguous (a second document with the number arrived) is withdrawn.
    """
    by_key: dict[str, list[_Candidate]] = {}
    for row in session.execute(select(Document.id, Document.number, Document.date, Document.issuer)
                               .where(Document.number.is_not(None))):
        by_key.setdefault(number_key(row.number), []).append(_Candidate(row.id, row.date, row.issuer))
    query = select(Citation).options(selectinload(Citation.document))
    if document is not None:
        own_key = number_key(document.number) if document.number else None
        digits = _LEADING_NUMBER.match(own_key).group(1) if own_key and _LEADING_NUMBER.match(own_key) else None
        condition = Citation.document_id == document.id
        if digits:
            condition = condition | Citation.number.contains(digits)
        query = query.where(condition)
    changed, seen = [], []
    for citation in session.scalars(query):
        citing = citation.document
        relation = refine_relation(citation, citing)
        target = _choose(citation, citing, by_key.get(number_key(citation.number), []))
        if relation != citation.relation:
            citation.relation = relation
        if target != citation.cited_document_id:
            citation.cited_document_id = target
            if target is not None:
                changed.append(citation)
        seen.append(citation)
    session.flush()
    for citation in seen:  # a decision and the plan issued with it are one act, not two
        if citation.cited_document_id is not None and citation.relation != "issued_with" \
                and _issued_together(session, citation.document_id, citation.cited_document_id):
            citation.relation = "issued_with"
    session.flush()
    return changed


# --------------------------------------------------------------------------- listing
def all_citations(session: Session) -> list[Citation]:
    """Every citation with its citing and cited documents (and their files), in document order."""
    return list(session.scalars(
        select(Citation).options(selectinload(Citation.document).selectinload(Document.file),
                                 selectinload(Citation.cited_document).selectinload(Document.file))
        .order_by(Citation.document_id, Citation.start, Citation.id)))


def document_side(document: Document) -> dict:
    """One side of a link: the stored document's id, number, kind, title, date and file name."""
    return {"id": document.id, "number": document.number, "kind": document.kind, "title": document.title,
            "date": document.date.isoformat() if document.date else None, "issuer": document.issuer,
            "file_name": document.file.original_name if document.file else None, "resolved": True}


def attachments(session: Session, document: Document) -> list[Document]:
    """The documents issued with `document` ("Kế hoạch ban hành kèm theo Quyết định số ...")."""
    return list(session.scalars(
        select(Document).join(Citation, Citation.document_id == Document.id)
        .where(Citation.cited_document_id == document.id, Citation.relation == "issued_with")
        .options(selectinload(Document.file)).distinct()))


def _same_link(citation: Citation, other: Citation) -> bool:
    """Whether two citations of one document name the same document: the same number, and no
    dates that differ ("Nghị định số 30/2020/NĐ-CP" after "... ngày 05/3/2020" is the same)."""
    return (citation.document_id == other.document_id and number_key(citation.number) == number_key(other.number)
            and (citation.date is None or other.date is None or citation.date == other.date))


def group_citations(citations: list[Citation]) -> list[list[Citation]]:
    """Each document's citations grouped by the document they name: by the stored document for
    resolved ones; an unresolved citation joins a group it names the same document as. Groups
    never span citing documents, so the citations of some documents give their groups whole."""
    groups: dict[tuple, list[Citation]] = {}
    by_number: dict[tuple[int, str], list[list[Citation]]] = {}  # (citing document, number key) → groups
    for citation in citations:
        if citation.cited_document_id is not None:
            key = (citation.document_id, citation.cited_document_id)
            if key not in groups:
                groups[key] = []
                by_number.setdefault((citation.document_id, number_key(citation.number)), []).append(groups[key])
            groups[key].append(citation)
    for citation in citations:
        if citation.cited_document_id is not None:
            continue
        candidates = by_number.setdefault((citation.document_id, number_key(citation.number)), [])
        same = next((group for group in candidates if _same_link(citation, group[0])), None)
        if same is None:
            groups[(citation.document_id, number_key(citation.number), citation.id)] = [citation]
            candidates.append(groups[(citation.document_id, number_key(citation.number), citation.id)])
        else:
            same.append(citation)
    return sorted(groups.values(), key=lambda group: (group[0].document_id, min(c.start for c in group)))


def group_record(group: list[Citation]) -> tuple[Citation, dict]:
    """The citation of a group with the most telling relation, and the group's link record (an
    unresolved target as the first dated citation states it)."""
    preference = {relation: rank for rank, relation in enumerate(RELATIONS)}
    citation = min(group, key=lambda c: (preference.get(c.relation, 99), c.start))
    record = link_record(citation)
    if citation.cited_document is None:
        dated = next((c for c in group if c.date is not None), citation)
        record["to"] = link_record(dated)["to"]
    return citation, record


def document_links(session: Session, citations: list[Citation] | None = None) -> list[dict]:
    """The links between documents (of the citing documents of `citations`, else of all), one
    per (citing document, document named) with the most telling relation of its citations. A
    link to a decision that issued a plan also goes to the plan, with "via" the decision's
    number (a report on Quyết định 1234 is on its plan)."""
    records = []
    for group in group_citations(all_citations(session) if citations is None else citations):
        citation, record = group_record(group)
        if citation.cited_document is not None and citation.relation not in ("issued_with", "cites"):
            plans = [a for a in attachments(session, citation.cited_document) if a.id != citation.document_id]
            for plan in plans:
                records.append({**record, "to": document_side(plan), "via": citation.number})
            if plans:
                record = {**record, "relation": "cites"}
        records.append(record)
    return records


def link_record(citation: Citation) -> dict:
    """A link as a plain dict {"from", "to", "relation", "text"}; an unresolved target gives
    what the citation says, with "resolved": false."""
    if citation.cited_document is not None:
        target = document_side(citation.cited_document)
    else:
        target = {"id": None, "number": citation.number, "kind": citation.kind, "title": None,
                  "date": citation.date.isoformat() if citation.date else None, "issuer": citation.issuer,
                  "file_name": None, "resolved": False}
    return {"from": document_side(citation.document), "to": target, "relation": citation.relation,
            "text": citation.text}
