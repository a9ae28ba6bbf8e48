"""Corrections of tasks and document headers: who may, what is recorded, what changes."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from theodoi.store import repo


def form_token(client, url: str) -> str:
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    return soup.select_one("input[name=csrf_token]")["value"]


def test_officer_corrects_lead_and_deadline_of_their_task(client, accounts, login, store, sample_documents):
    task_id = sample_documents.plan_task_ids[0]
    login(client, "canbo_tttt")
    url = f"/tasks/{task_id}/correct"
    response = client.post(url, data={
        "csrf_token": form_token(client, url), "text": "Xây dựng nền tảng dữ liệu dùng chung của tỉnh",
        "lead": "Sở TT&TT; so tai chinh", "support": "", "due": "30/09/2024", "deadline_text": "trước ngày 30/9/2024"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/tasks/{task_id}#corrections")
    with store.transaction() as session:
        task = repo.get_task(session, task_id)
        assert [(b.role, b.canonical) for b in task.bodies] == [("lead", "Sở Thông tin và Truyền thông"),
                                                               ("lead", "Sở Tài chính")]
        assert task.due.isoformat() == "2024-09-30" and task.deadline_kind == "date"
        corrections = {c.field: (c.old_value, c.new_value, c.user) for c in
                       repo.corrections_of(session, document_id=task.document_id, task_id=task_id)}
    assert corrections == {
        "text": ("Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính xây dựng nền tảng dữ liệu dùng "
                 "chung của tỉnh", "Xây dựng nền tảng dữ liệu dùng chung của tỉnh", "canbo_tttt"),
        "lead": ("Sở Thông tin và Truyền thông", "Sở TT&TT; so tai chinh", "canbo_tttt"),
        "support": ("Sở Tài chính", None, "canbo_tttt"),
        "due": ("2024-06-30", "2024-09-30", "canbo_tttt"),
        "deadline_text": ("trước ngày 30/6/2024", "trước ngày 30/9/2024", "canbo_tttt")}
    page = BeautifulSoup(client.get(f"/tasks/{task_id}?as_of=2024-09-01").get_data(as_text=True), "html.parser")
    assert len(page.select("#corrections tbody tr")) == 5
    assert page.select_one("dl.metadata .badge").get_text(strip=True) == "Chưa thực hiện"  # no longer overdue
    # the new lead agency now sees it on its board
    board = BeautifulSoup(client.get("/tasks?agency=Sở Tài chính&as_of=2024-09-01").get_data(as_text=True),
                          "html.parser")
    assert [int(r["data-task"]) for r in board.select("table.tasks tbody tr")] == [task_id]


def test_nothing_changed_records_nothing(client, accounts, login, store, sample_documents):
    task_id = sample_documents.plan_task_ids[2]
    login(client, "quantri")
    url = f"/tasks/{task_id}/correct"
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    data = {field["name"]: field.get("value", "") for field in soup.select("form.correction-form input")}
    data["text"] = soup.select_one("textarea[name=text]").get_text()
    client.post(url, data=data)
    with store.transaction() as session:
        assert repo.corrections_of(session, document_id=sample_documents.plan_id, task_id=task_id) == []


@pytest.mark.parametrize("who, allowed", [(None, False), ("nguoixem", False), ("vanthu", False),
                                          ("canbo_noivu", False), ("canbo_tttt", True), ("quantri", True)])
def test_who_may_correct_a_task(client, accounts, login, sample_documents, who, allowed):
    if who:
        login(client, who)
    response = client.get(f"/tasks/{sample_documents.plan_task_ids[0]}/correct")
    assert response.status_code == (200 if allowed else 302 if who is None else 403)


@pytest.mark.parametrize("who, allowed", [(None, False), ("nguoixem", False), ("canbo_tttt", False),
                                          ("vanthu", True), ("quantri", True)])
def test_who_may_correct_a_document_header(client, accounts, login, sample_documents, who, allowed):
    if who:
        login(client, who)
    response = client.get(f"/documents/{sample_documents.plan_id}/correct")
    assert response.status_code == (200 if allowed else 302 if who is None else 403)
    page = BeautifulSoup(client.get(f"/documents/{sample_documents.plan_id}").get_data(as_text=True), "html.parser")
    assert (page.select_one("a.correct-link") is not None) == allowed


def test_secretary_corrects_number_and_date_and_search_sees_it(client, accounts, login, store, sample_documents):
    login(client, "vanthu")
    url = f"/documents/{sample_documents.report_id}/correct"
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    data = {field["name"]: field.get("value", "") for field in soup.select("form.correction-form input")}
    data.update(number="79/BC-STTTT", date="21/05/2024",
                title=soup.select_one("textarea[name=title]").get_text())
    assert client.post(url, data=data).status_code == 302
    with store.transaction() as session:
        document = repo.get_document(session, sample_documents.report_id)
        assert (document.number, document.date.isoformat()) == ("79/BC-STTTT", "2024-05-21")
        assert sorted((c.field, c.old_value, c.new_value, c.user) for c in
                      repo.corrections_of(session, document_id=document.id)) == [
            ("date", "2024-05-20", "2024-05-21", "vanthu"), ("number", "78/BC-STTTT", "79/BC-STTTT", "vanthu")]
    found = BeautifulSoup(client.get("/search?q=79/BC-STTTT").get_data(as_text=True), "html.parser")
    assert found.select_one("article.hit .number").get_text(strip=True) == "Số 79/BC-STTTT"


def test_a_bad_date_is_refused_in_vietnamese(client, accounts, login, sample_documents):
    login(client, "vanthu")
    url = f"/documents/{sample_documents.plan_id}/correct"
    response = client.post(url, data={"csrf_token": form_token(client, url), "date": "31/02/2024"})
    assert response.status_code == 400
    assert "Ngày không hợp lệ" in response.get_data(as_text=True)
