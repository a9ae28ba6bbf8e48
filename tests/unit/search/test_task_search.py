"""Task search: the same query over tasks, with agency, lead, status and deadline filters."""
from __future__ import annotations

import datetime as dt

import pytest

from theodoi.search import IndexDocument, IndexTask

DOCUMENTS = [
    IndexDocument(
        id=10, number="07/CTr-UBND", kind="Chương trình", issuer="Ủy ban nhân dân tỉnh Bình Dương",
        date=dt.date(2022, 2, 25), text="Chương trình hành động năm 2022.",
        tasks=[
            IndexTask(id=100, text="triển khai tiêm vắc-xin phòng COVID-19 mũi nhắc lại cho người dân",
                      leads=["Sở Y tế"], supports=["UBND các huyện"], status="open", due=dt.date(2022, 6, 30)),
            IndexTask(id=101, text="tổ chức chiến dịch tiêm chủng mở rộng cho trẻ em", leads=["Sở Y tế"],
                      status="done", due=dt.date(2022, 3, 31)),
            IndexTask(id=102, text="tuyên truyền về tiêm chủng trên báo, đài", leads=["Sở TT&TT"],
                      supports=["Sở Y tế"], status="in_progress", due=dt.date(2022, 12, 31)),
            IndexTask(id=103, text="hỗ trợ doanh nghiệp tuyển dụng lao động", leads=["Sở Lao động - Thương binh và Xã hội"],
                      status="open"),
        ]),
    IndexDocument(
        id=11, number="45/KH-UBND", kind="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Thái Nguyên",
        date=dt.date(2021, 3, 10), text="Kế hoạch chuyển đổi số.",
        tasks=[IndexTask(id=110, text="Xây dựng Trung tâm điều hành thông minh", leads=["Sở Thông tin và Truyền thông"],
                         status="open", due=dt.date(2021, 12, 31), deadline_text="trong năm 2021")]),
]


@pytest.fixture
def task_index(index):
    index.add(DOCUMENTS)
    return index


def task_ids(results) -> list[int]:
    return [hit.id for hit in results.hits]


def test_tasks_of_an_agency_about_a_topic_still_open(task_index):
    found = task_index.search_tasks("tiêm chủng", filters={"agency": "Sở Y tế", "status": ["open", "in_progress"]})
    assert task_ids(found) == [102]
    assert set(task_ids(task_index.search_tasks("tiem chung", filters={"agency": "Sở Y tế"}))) == {101, 102}
    assert task_ids(task_index.search_tasks("tiem", filters={"lead": "Sở Y tế", "status": "open"})) == [100]


def test_task_hits_name_their_document_and_mark_the_words(task_index):
    hit = task_index.search_tasks("trung tam dieu hanh").hits[0]
    assert (hit.id, hit.document_id) == (110, 11)
    assert "<mark>Trung</mark> <mark>tâm</mark> <mark>điều</mark> <mark>hành</mark>" in hit.snippet


def test_agency_abbreviations_and_symbols_reach_tasks(task_index):
    assert task_ids(task_index.search_tasks("", filters={"agency": "Sở TT&TT"})) == [110, 102]
    assert task_ids(task_index.search_tasks("so thong tin va truyen thong")) in ([110, 102], [102, 110])
    assert set(task_ids(task_index.search_tasks("07/CTr-UBND"))) == {100, 101, 102, 103}


def test_deadline_filter_sort_and_status_facets(task_index):
    due_2022 = task_index.search_tasks("", filters={"deadline_from": "2022-01-01", "deadline_to": "2022-12-31"})
    assert task_ids(due_2022) == [101, 100, 102]  # soonest deadline first
    assert due_2022.facets["status"] == {"done": 1, "in_progress": 1, "open": 1}
    by_deadline = task_index.search_tasks("tiem", sort="deadline")
    assert task_ids(by_deadline) == [101, 100, 102]
    with pytest.raises(ValueError):
        task_index.search_tasks("tiem", sort="date")
    with pytest.raises(ValueError):
        task_index.search_tasks("tiem", filters={"owner": "x"})


def test_reindexing_a_document_replaces_its_tasks_and_delete_removes_them(task_index):
    from dataclasses import replace

    task_index.add([replace(DOCUMENTS[0], tasks=[replace(DOCUMENTS[0].tasks[0], status="done")])])
    assert task_ids(task_index.search_tasks("", filters={"agency": "Sở Y tế"})) == [100]
    assert task_ids(task_index.search_tasks("", filters={"status": "done"})) == [100]
    task_index.delete([10])
    assert task_ids(task_index.search_tasks("tiem")) == []
    assert task_ids(task_index.search_tasks("", filters={"lead": "Sở TT&TT"})) == [110]
