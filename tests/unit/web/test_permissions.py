"""Who may do what, through the web: every role × every action × own / other agency.

Targets: plan task 1 is led by Sở Thông tin và Truyền thông (Sở Tài chính supports it), plan
task 3 by Sở Nội vụ; the plan gives tasks to both, the resolution to neither.
"""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from theodoi.store import repo

WHO = [None, "nguoixem", "vanthu", "canbo_tttt", "canbo_noivu", "canbo_taichinh", "canbo_khcn", "quantri"]
# action → {who: allowed?}; None (not logged in) is sent to the login page instead
UPDATE_TASK_1 = {"nguoixem": False, "vanthu": False, "canbo_tttt": True, "canbo_noivu": False,
                 "canbo_taichinh": False, "canbo_khcn": True, "quantri": True}
TRACK_PLAN = {"nguoixem": False, "vanthu": False, "canbo_tttt": True, "canbo_noivu": True,
              "canbo_taichinh": True, "canbo_khcn": True, "quantri": True}
TRACK_RESOLUTION = {"nguoixem": False, "vanthu": False, "canbo_tttt": False, "canbo_noivu": False,
                    "canbo_taichinh": False, "canbo_khcn": False, "quantri": True}


def token(client) -> str:
    soup = BeautifulSoup(client.get("/login").get_data(as_text=True), "html.parser")
    return soup.select_one("input[name=csrf_token]")["value"]


def expect(response, who, allowed):
    if who is None:
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    elif allowed:
        assert response.status_code == 302 and "/login" not in response.headers["Location"]
    else:
        assert response.status_code == 403
        assert "Không có quyền" in response.get_data(as_text=True)


@pytest.mark.parametrize("who", WHO)
def test_reading_is_open_to_everyone(client, accounts, login, sample_documents, who):
    if who:
        login(client, who)
    for url in ("/", "/tasks", f"/tasks/{sample_documents.plan_task_ids[0]}", f"/documents/{sample_documents.plan_id}"):
        assert client.get(url).status_code == 200, url
    mine = client.get("/my-agency")
    assert mine.status_code == (302 if who is None else 200)


@pytest.mark.parametrize("who", WHO)
def test_status_update_of_task_1(client, accounts, login, store, sample_documents, who):
    if who:
        login(client, who)
    task_id = sample_documents.plan_task_ids[0]
    response = client.post(f"/tasks/{task_id}/status", data={"csrf_token": token(client), "status": "in_progress"})
    allowed = UPDATE_TASK_1.get(who, False)
    expect(response, who, allowed)
    with store.transaction() as session:
        events = repo.get_task(session, task_id).events
        assert len(events) == (1 if who and allowed else 0)
        if events:
            assert events[0].user == who
    page = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    assert (page.select_one("form.update-form") is not None) == bool(who and allowed)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("document", ["plan", "resolution"])
def test_marking_a_document_tracked(client, accounts, login, store, sample_documents, who, document):
    if who:
        login(client, who)
    document_id = getattr(sample_documents, f"{document}_id")
    response = client.post(f"/documents/{document_id}/tracking", data={"csrf_token": token(client), "tracked": "1"})
    allowed = (TRACK_PLAN if document == "plan" else TRACK_RESOLUTION).get(who, False)
    expect(response, who, allowed)
    with store.transaction() as session:
        stored = repo.get_document(session, document_id)
        assert (stored.tracked_at is not None) == bool(who and allowed)
        if who and allowed:
            assert stored.tracked_by.username == who


def test_without_anonymous_reading_every_page_asks_for_a_login(store, sample_documents, app_settings, accounts):
    from theodoi.web import create_app

    client = create_app(app_settings.with_(anonymous_read=False), {"TESTING": True}).test_client()
    for url in ("/", "/tasks", f"/documents/{sample_documents.plan_id}", f"/tasks/{sample_documents.plan_task_ids[0]}"):
        response = client.get(url)
        assert response.status_code == 302 and "/login?next=" in response.headers["Location"], url
    assert client.get("/login").status_code == 200
    assert client.get("/static/style.css").status_code == 200


# --------------------------------------------------------------------------- the task list and the watch list
# Plan task 2 is given to a group (the districts), task 3 led by Sở Nội vụ: merging them needs
# both, so only an admin.
REMOVE_TASK_1 = UPDATE_TASK_1
MERGE_TASK_2_INTO_3 = {"nguoixem": False, "vanthu": False, "canbo_tttt": False, "canbo_noivu": False,
                       "canbo_taichinh": False, "canbo_khcn": False, "quantri": True}
ADD_TTTT_TASK = UPDATE_TASK_1  # a task the plan missed, led by Sở TT&TT
FOLLOW_PLAN = {"nguoixem": True, "vanthu": True, "canbo_tttt": True, "canbo_noivu": True,
               "canbo_taichinh": True, "canbo_khcn": True, "quantri": True}


def attempt(client, action: str, sample):
    """Send the form of one action on the sample documents; the response."""
    plan_tasks = sample.plan_task_ids
    if action == "remove":
        return client.post(f"/tasks/{plan_tasks[0]}/remove", data={"csrf_token": token(client), "reason": "nhầm"})
    if action == "merge":
        return client.post(f"/tasks/{plan_tasks[1]}/merge", data={"csrf_token": token(client), "into": plan_tasks[2]})
    if action == "add":
        return client.post(f"/documents/{sample.plan_id}/tasks/new", data={
            "csrf_token": token(client), "text": "Sở Thông tin và Truyền thông hướng dẫn ký số văn bản",
            "lead": "Sở TT&TT"})
    if action == "follow":
        return client.post("/watch", data={"csrf_token": token(client), "kind": "document",
                                           "target": sample.plan_id, "follow": "1"})
    if action == "update":
        return client.post(f"/tasks/{plan_tasks[0]}/status", data={"csrf_token": token(client), "status": "done"})
    raise ValueError(action)


# in this order when one client tries them all: task 1 is updated before it is removed (a removed
# task takes no update)
MATRIX = {"update": UPDATE_TASK_1, "remove": REMOVE_TASK_1, "merge": MERGE_TASK_2_INTO_3, "add": ADD_TTTT_TASK,
          "follow": FOLLOW_PLAN}


def live_task_count(store, document_id: int) -> int:
    with store.transaction() as session:
        return len(repo.get_document(session, document_id).tasks)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", ["remove", "merge", "add"])
def test_correcting_the_task_list(client, accounts, login, store, sample_documents, who, action):
    if who:
        login(client, who)
    allowed = MATRIX[action].get(who, False)
    expect(attempt(client, action, sample_documents), who, allowed)
    change = {"remove": -1, "merge": -1, "add": 1}[action] if who and allowed else 0
    assert live_task_count(store, sample_documents.plan_id) == 4 + change


@pytest.mark.parametrize("who", WHO)
def test_following_a_document(client, accounts, login, sample_documents, who):
    if who:
        login(client, who)
    expect(attempt(client, "follow", sample_documents), who, FOLLOW_PLAN.get(who, False))
    if who:
        page = BeautifulSoup(client.get("/watch").get_data(as_text=True), "html.parser")
        assert len(page.select("li.watch-document")) == 1
