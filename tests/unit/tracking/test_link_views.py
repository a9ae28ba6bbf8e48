"""The timeline and unresolved lists built from link records (the dicts of document_links)."""
from __future__ import annotations

from theodoi.tracking.link_views import stage, timeline, unresolved


def side(id_, kind, date, number=None):
    return {"id": id_, "number": number or f"{id_}/X", "kind": kind, "title": None, "date": date, "issuer": None,
            "file_name": None, "resolved": id_ is not None}


def link(source, target, relation="cites"):
    return {"from": source, "to": target, "relation": relation, "text": ""}


DIRECTIVE = side(1, "Chỉ thị", "2024-02-01")
PLAN = side(2, "Kế hoạch", "2024-03-01")
OTHER_PLAN = side(3, "Kế hoạch", "2024-03-01")
LETTER = side(4, "Công văn", "2024-06-01")
REPORT = side(5, "Báo cáo", "2024-12-01")
UNDATED = side(6, "Báo cáo", None)
FAR = side(7, "Báo cáo", "2025-01-01")
RECORDS = [link(PLAN, DIRECTIVE, "implements"), link(OTHER_PLAN, DIRECTIVE, "implements"),
           link(LETTER, PLAN, "urges"), link(REPORT, PLAN, "reports_on"), link(UNDATED, PLAN, "reports_on"),
           link(FAR, REPORT, "cites")]


def ids(entries):
    return [e.document["id"] for e in entries]


def test_stage_follows_the_kind():
    assert [stage(s) for s in (DIRECTIVE, PLAN, LETTER, REPORT, side(9, None, None))] == [
        "directive", "plan", "urging", "report", "directive"]


def test_from_the_directive_two_links_down_by_date_with_undated_last():
    entries = timeline(RECORDS, 1)
    assert ids(entries) == [1, 2, 3, 4, 5, 6]  # 7 is three links away
    assert [e.steps for e in entries] == [0, 1, 1, 2, 2, 2]
    assert [r["relation"] for r in entries[3].links] == ["urges"]


def test_from_a_report_both_ways():
    entries = timeline(RECORDS, 5)
    assert ids(entries) == [1, 2, 4, 5, 7, 6]  # up to the directive, across to the letter, down to what cites it
    assert next(e for e in entries if e.document["id"] == 7).links[0]["relation"] == "cites"


def test_same_day_follows_the_chain_order():
    plan_same_day = side(8, "Kế hoạch", "2024-02-01")
    report_same_day = side(9, "Báo cáo", "2024-02-01")
    entries = timeline([link(report_same_day, plan_same_day, "reports_on"), link(plan_same_day, DIRECTIVE, "implements")], 9)
    assert ids(entries) == [1, 8, 9]


def test_a_document_without_resolved_links_has_no_timeline():
    missing = side(None, "Quyết định", "2023-01-01", number="99/QĐ-UBND")
    assert timeline([link(PLAN, missing)], 2) == []


def test_unresolved_grouped_by_number_most_cited_first():
    a = side(None, "Quyết định", None, number="Số 099/QĐ-UBND")
    a_again = side(None, None, "2023-05-02", number="99/qđ-ubnd")
    b = side(None, "Nghị định", None, number="30/2020/NĐ-CP")
    records = [link(PLAN, b), link(PLAN, a), link(LETTER, a_again), link(REPORT, PLAN)]
    found = unresolved(records)
    assert [(m.number, m.kind, m.date, len(m.citing)) for m in found] == [
        ("Số 099/QĐ-UBND", "Quyết định", "2023-05-02", 2), ("30/2020/NĐ-CP", "Nghị định", None, 1)]
    assert [m.number for m in unresolved(records, document_id=4)] == ["99/qđ-ubnd"]
