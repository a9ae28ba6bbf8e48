"""The link records one page reads give the same timeline and unresolved list as all the
links of the store: a resolution ← plan (issued with a decision) ← a report on the decision,
an urging letter, unresolved citations, and an unrelated pair of documents."""
from __future__ import annotations

import datetime as dt

import pytest

from theodoi.tracking.link_queries import links_touching, timeline_links, unresolved_links
from theodoi.tracking.link_views import timeline, unresolved
from theodoi.tracking.links import document_links


@pytest.fixture
def chain(any_store, add_resolution, add_document, cite):
    resolution = add_resolution(any_store)
    decision_text = "Quyết định ban hành Kế hoạch thực hiện Nghị quyết số 08-NQ/TU; căn cứ Luật số 77/2015/QH13."
    decision = add_document(any_store, number="31/QĐ-UBND", kind="Quyết định", date=dt.date(2023, 2, 10),
                            text=decision_text, citations=[
                                cite(decision_text, "08-NQ/TU", relation="implements", date=dt.date(2023, 1, 10)),
                                cite(decision_text, "77/2015/QH13", kind="Luật")])
    plan_text = "KẾ HOẠCH (Ban hành kèm theo Quyết định số 31/QĐ-UBND) thực hiện Nghị quyết số 08-NQ/TU."
    plan = add_document(any_store, number="22/KH-UBND", kind="Kế hoạch", date=dt.date(2023, 2, 10), text=plan_text,
                        issued_with="31/QĐ-UBND", citations=[cite(plan_text, "08-NQ/TU", relation="implements")])
    report_text = "Báo cáo kết quả thực hiện Quyết định số 31/QĐ-UBND; Công văn số 905/UBND-VX chưa có."
    report = add_document(any_store, number="140/BC-SVHTTDL", kind="Báo cáo", date=dt.date(2023, 12, 1),
                          text=report_text, citations=[cite(report_text, "31/QĐ-UBND", relation="reports_on"),
                                                       cite(report_text, "905/UBND-VX", kind="Công văn")])
    letter_text = "Đôn đốc thực hiện Kế hoạch số 22/KH-UBND; căn cứ Luật số 77/2015/QH13."
    letter = add_document(any_store, number="610/UBND-VX", kind="Công văn", date=dt.date(2023, 6, 1),
                          text=letter_text, citations=[cite(letter_text, "22/KH-UBND", relation="urges"),
                                                       cite(letter_text, "77/2015/QH13", kind="Luật")])
    other_text = "Thực hiện Chỉ thị số 05/CT-TTg về an toàn giao thông."
    other = add_document(any_store, number="09/KH-UBND", kind="Kế hoạch", date=dt.date(2023, 4, 1), text=other_text,
                         citations=[cite(other_text, "05/CT-TTg", relation="implements")])
    return [resolution, decision, plan, report, letter, other]


def test_each_timeline_and_the_unresolved_list_match_all_the_links(any_store, chain):
    with any_store.session() as session:
        everything = document_links(session)
        assert any(r.get("via") for r in everything)  # the report on the decision is on its plan too
        for document_id in chain:
            read = timeline_links(session, document_id)
            assert timeline(read, document_id) == timeline(everything, document_id), document_id
            assert unresolved(read, document_id) == unresolved(everything, document_id), document_id
        assert unresolved(unresolved_links(session)) == unresolved(everything)
        assert [m.number for m in unresolved(everything)] == ["77/2015/QH13", "05/CT-TTg", "905/UBND-VX"]


def test_links_touching_reads_only_what_touches(any_store, chain):
    resolution, decision, plan, report, letter, other = chain
    with any_store.session() as session:
        touching = links_touching(session, {letter})
    assert {(r["from"]["id"], r["to"]["id"]) for r in touching} == {(letter, plan), (letter, None)}
