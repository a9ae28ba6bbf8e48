"""Citations resolve to the stored document they name, in either order of arrival."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from theodoi.store.models import Citation, Task
from theodoi.tracking.links import all_citations, document_links, issuers_agree, link_record, number_key, symbol_year


def _citations(store) -> list[Citation]:
    with store.session() as session:
        return list(session.scalars(select(Citation).order_by(Citation.id)))


def test_number_key_normalises_spaces_prefix_zeros_and_case_but_keeps_d_stroke():
    assert number_key("Số: 05 / KH – UBND") == "5/KH-UBND"
    assert number_key("15 - nq/tu") == "15-NQ/TU"
    assert number_key("30/2020/NĐ-CP") != number_key("30/2020/ND-CP")
    assert symbol_year("30/2020/NĐ-CP") == 2020 and symbol_year("45/KH-UBND") is None


def test_issuers_agree_across_the_names_of_one_party_committee():
    assert issuers_agree("Ban Chấp hành Đảng bộ tỉnh", "Tỉnh ủy Hòa Bình") is True
    assert issuers_agree("Tỉnh ủy Sơn La", "Tỉnh ủy Hòa Bình") is False
    assert issuers_agree("UBND tỉnh", "Tỉnh ủy Hòa Bình") is False
    assert issuers_agree(None, "Tỉnh ủy Hòa Bình") is None


def test_plan_resolves_to_resolution_stored_before_it(any_store, add_resolution, add_plan):
    resolution_id = add_resolution(any_store)
    plan_id = add_plan(any_store)
    [link] = _citations(any_store)
    assert (link.document_id, link.cited_document_id, link.relation) == (plan_id, resolution_id, "implements")


def test_plan_resolves_when_the_resolution_arrives_after_it(any_store, add_resolution, add_plan):
    plan_id = add_plan(any_store)
    [waiting] = _citations(any_store)
    assert waiting.cited_document_id is None
    resolution_id = add_resolution(any_store)
    [link] = _citations(any_store)
    assert (link.document_id, link.cited_document_id) == (plan_id, resolution_id)


def test_plan_tasks_become_children_of_the_resolution_tasks_they_carry_out(any_store, add_resolution, add_plan):
    add_plan(any_store)
    add_resolution(any_store)
    with any_store.session() as session:
        tasks = {(t.document.kind, t.label): t for t in session.scalars(select(Task))}
    parent = {label: tasks[("Kế hoạch", label)].parent_task_id for label in "1234"}
    assert parent["1"] == tasks[("Nghị quyết", "1")].id  # du lịch cộng đồng
    assert parent["2"] == tasks[("Nghị quyết", "2")].id  # hạ tầng giao thông
    assert parent["3"] == tasks[("Nghị quyết", "3")].id  # du lịch thông minh
    assert parent["4"] is None  # rà soát quy hoạch: no resolution task says it


def test_repeated_party_number_is_told_apart_by_the_date(any_store, add_resolution, add_plan):
    old = add_resolution(any_store, date=dt.date(2016, 5, 10))
    new = add_resolution(any_store, date=dt.date(2023, 1, 10))
    add_plan(any_store)  # cites 08-NQ/TU of 10/01/2023
    [link] = _citations(any_store)
    assert link.cited_document_id == new != old


def test_repeated_party_number_without_a_date_stays_unresolved(any_store, add_resolution, add_document, cite):
    add_resolution(any_store, date=dt.date(2016, 5, 10))
    add_resolution(any_store, date=dt.date(2023, 1, 10))
    text = "Thực hiện Nghị quyết số 08-NQ/TU về phát triển du lịch."
    add_document(any_store, number="99/KH-UBND", kind="Kế hoạch", date=dt.date(2024, 3, 1), text=text,
                 citations=[cite(text, "08-NQ/TU", relation="implements")])
    [link] = _citations(any_store)
    assert link.cited_document_id is None


def test_repeated_party_number_is_told_apart_by_the_issuer(any_store, add_resolution, add_document, cite):
    add_resolution(any_store, date=dt.date(2023, 1, 10), issuer="Tỉnh ủy Sơn La")
    hoa_binh = add_resolution(any_store, date=dt.date(2023, 1, 12), issuer="Tỉnh ủy Hòa Bình")
    text = "Thực hiện Nghị quyết số 08-NQ/TU của Tỉnh ủy Hòa Bình về phát triển du lịch."
    add_document(any_store, number="99/KH-UBND", kind="Kế hoạch", date=dt.date(2024, 3, 1), text=text,
                 citations=[cite(text, "08-NQ/TU", relation="implements", issuer="Tỉnh ủy Hòa Bình")])
    [link] = _citations(any_store)
    assert link.cited_document_id == hoa_binh


def test_a_document_never_cites_one_issued_after_it(any_store, add_resolution, add_document, cite):
    old = add_resolution(any_store, date=dt.date(2016, 5, 10))
    add_resolution(any_store, date=dt.date(2023, 1, 10))
    text = "Thực hiện Nghị quyết số 08-NQ/TU về phát triển du lịch."
    add_document(any_store, number="31/KH-UBND", kind="Kế hoạch", date=dt.date(2018, 3, 1), text=text,
                 citations=[cite(text, "08-NQ/TU", relation="implements")])
    [link] = _citations(any_store)
    assert link.cited_document_id == old


def test_resolution_is_withdrawn_when_a_second_document_makes_it_ambiguous(any_store, add_resolution, add_document, cite):
    text = "Thực hiện Nghị quyết số 08-NQ/TU về phát triển du lịch."
    add_resolution(any_store, date=dt.date(2016, 5, 10))
    add_document(any_store, number="99/KH-UBND", kind="Kế hoạch", date=dt.date(2024, 3, 1), text=text,
                 citations=[cite(text, "08-NQ/TU", relation="implements")])
    assert _citations(any_store)[0].cited_document_id is not None
    add_resolution(any_store, date=dt.date(2023, 1, 10))
    assert _citations(any_store)[0].cited_document_id is None


def test_state_symbol_year_must_match_the_document_date(any_store, add_document, cite):
    text = "Căn cứ Nghị định số 30 / 2020 / NĐ-CP về công tác văn thư."
    add_document(any_store, number="30/2020/NĐ-CP", kind="Nghị định", date=dt.date(2021, 3, 5), name="wrong-year.txt")
    add_document(any_store, number="12/QĐ-UBND", kind="Quyết định", date=dt.date(2022, 1, 5), text=text,
                 citations=[cite(text, "30 / 2020 / NĐ-CP")])
    assert _citations(any_store)[0].cited_document_id is None
    right = add_document(any_store, number="30/2020/NĐ-CP", kind="Nghị định", date=dt.date(2020, 3, 5))
    assert _citations(any_store)[0].cited_document_id == right


def test_header_issued_with_becomes_a_link(any_store, add_document):
    decision = add_document(any_store, number="12/QĐ-UBND", kind="Quyết định", date=dt.date(2023, 3, 1))
    plan = add_document(any_store, number=None, kind="Kế hoạch", date=dt.date(2023, 3, 1),
                        text="KẾ HOẠCH (Ban hành kèm theo Quyết định số 12/QĐ-UBND)", issued_with="12/QĐ-UBND")
    [link] = _citations(any_store)
    assert (link.document_id, link.cited_document_id, link.relation) == (plan, decision, "issued_with")


def test_a_report_citing_a_plan_in_its_title_reports_on_it(any_store, add_plan, add_report):
    plan = add_plan(any_store)
    report = add_report(any_store)
    with any_store.session() as session:
        records = {r["from"]["id"]: r for r in map(link_record, all_citations(session))}
    assert records[report]["relation"] == "reports_on"
    assert records[report]["to"] | {"title": None} == {
        "id": plan, "number": "20/KH-UBND", "kind": "Kế hoạch", "title": None, "date": "2023-02-15",
        "issuer": "Ủy ban nhân dân tỉnh Hòa Bình", "file_name": "kh-20.txt", "resolved": True}
    unresolved = records[plan]["to"]
    assert unresolved["resolved"] is False and unresolved["number"] == "08-NQ/TU" and unresolved["date"] == "2023-01-10"


def test_an_issuer_read_on_into_the_next_citation_still_agrees(any_store, add_document, cite):
    directive = add_document(any_store, number="08/CT-UBND", kind="Chỉ thị", date=dt.date(2021, 4, 5),
                             issuer="Ủy ban nhân dân tỉnh Long An")
    text = ("Thực hiện Chỉ thị số 08/CT-UBND ngày 05/4/2021 của UBND tỉnh và Công văn số 3540/UBND-NC "
            "ngày 20/9/2021 của UBND tỉnh về việc đôn đốc thực hiện Chỉ thị, Sở Nội vụ báo cáo như sau:")
    run_on = "UBND tỉnh và Công văn số 3540/UBND-NC ngày 20/9/2021 của UBND tỉnh"
    add_document(any_store, number="215/BC-SNV", kind="Báo cáo", date=dt.date(2021, 12, 10), text=text,
                 citations=[cite(text, "08/CT-UBND", date=dt.date(2021, 4, 5), issuer=run_on)])
    [link] = _citations(any_store)
    assert link.cited_document_id == directive
    assert issuers_agree("Tỉnh ủy và Kế hoạch số 12/KH-UBND", "Ủy ban nhân dân tỉnh Long An") is False


def test_links_list_each_named_document_once(any_store, add_resolution, add_document, cite):
    """A document citing one number several times (with and without its date) has one link to it,
    resolved or not, with the most telling relation and the date it gives."""
    resolution = add_resolution(any_store)
    text = ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; thực hiện Nghị quyết số 08-NQ/TU "
            "ngày 10/01/2023; theo Nghị định số 30/2020/NĐ-CP, Nghị quyết số 08-NQ/TU giao ...")
    again = [cite(text, "30/2020/NĐ-CP", relation="implements"), cite(text, "08-NQ/TU")]
    for citation in again:  # the later, undated mentions
        citation.start = text.rindex(citation.number)
        citation.end = citation.start + len(citation.number)
    add_document(any_store, number="40/KH-UBND", kind="Kế hoạch", date=dt.date(2023, 5, 2), text=text,
                 issuer="Ủy ban nhân dân tỉnh Hòa Bình", citations=[
                     cite(text, "30/2020/NĐ-CP", date=dt.date(2020, 3, 5), kind="Nghị định"),
                     cite(text, "08-NQ/TU", relation="implements", date=dt.date(2023, 1, 10)), *again])
    with any_store.session() as session:
        links = [(r["to"]["number"], r["to"]["id"], r["to"]["date"], r["relation"]) for r in document_links(session)]
    assert links == [("30/2020/NĐ-CP", None, "2020-03-05", "implements"),
                     ("08-NQ/TU", resolution, "2023-01-10", "implements")]


def test_a_document_never_links_to_another_copy_of_itself(any_store, add_document, cite):
    text = "Quyết định số 12/QĐ-UBND ngày 01/3/2023 phê duyệt Kế hoạch chuyển đổi số (bản trang thông tin)."
    add_document(any_store, number="12/QĐ-UBND", kind="Quyết định", date=dt.date(2023, 3, 1), name="qd-12.pdf")
    add_document(any_store, number="12/QĐ-UBND", kind="Quyết định", date=dt.date(2023, 3, 1), text=text,
                 citations=[cite(text, "12/QĐ-UBND", relation="implements", date=dt.date(2023, 3, 1))],
                 name="qd-12-portal.md")
    assert _citations(any_store)[0].cited_document_id is None


def test_a_decision_and_the_plan_issued_with_it_are_issued_with_both_ways(any_store, add_document, cite):
    decision_text = "Ban hành kèm theo Quyết định này Kế hoạch số 45/KH-UBND thực hiện chuyển đổi số."
    plan_text = "KẾ HOẠCH số 45/KH-UBND (Ban hành kèm theo Quyết định số 12/QĐ-UBND). Thực hiện Quyết định số 12/QĐ-UBND."
    decision = add_document(any_store, number="12/QĐ-UBND", kind="Quyết định", date=dt.date(2023, 3, 1),
                            text=decision_text, citations=[cite(decision_text, "45/KH-UBND", relation="implements")])
    plan = add_document(any_store, number="45/KH-UBND", kind="Kế hoạch", date=dt.date(2023, 3, 1), text=plan_text,
                        issued_with="12/QĐ-UBND",
                        citations=[cite(plan_text, "12/QĐ-UBND", relation="implements")])
    relations = {(c.document_id, c.cited_document_id): c.relation for c in _citations(any_store)}
    assert relations == {(decision, plan): "issued_with", (plan, decision): "issued_with"}
