"""'Theo dõi của tôi': follow a document, a task or an agency; the page lists what changed since
the last visit (status changes, corrections, new documents citing a followed one), once."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from sqlalchemy import update

from theodoi.store import repo
from theodoi.store.models import User
from theodoi.tracking.accounts import actor
from theodoi.tracking.corrections import correct_task
from theodoi.tracking.updates import update_status


def form_token(client) -> str:
    soup = BeautifulSoup(client.get("/watch").get_data(as_text=True), "html.parser")
    return soup.select_one("input[name=csrf_token]")["value"]


def watch_page(client) -> BeautifulSoup:
    return BeautifulSoup(client.get("/watch").get_data(as_text=True), "html.parser")


def follow(client, kind, target, on=True):
    return client.post("/watch", data={"csrf_token": form_token(client), "kind": kind, "target": target,
                                       "follow": "1" if on else "0"})


def test_changes_since_the_last_visit(client, accounts, login, store, sample_documents):
    plan_tasks = sample_documents.plan_task_ids
    login(client, "nguoixem")
    assert follow(client, "task", plan_tasks[2]).status_code == 302
    assert follow(client, "agency", "so tt&tt").status_code == 302
    assert follow(client, "document", sample_documents.resolution_id).status_code == 302
    first = watch_page(client)
    assert sorted(li["class"][0] for li in first.select("#watches li")) == [
        "watch-agency", "watch-document", "watch-task"]
    assert "Sở Thông tin và Truyền thông" in first.select_one("li.watch-agency").get_text()
    # the sample report (stored before the follows) and its event are older than the first follow
    assert first.select("table.changes tbody tr") == []

    settings = sample_documents.settings
    with store.transaction() as session:
        admin = actor(repo.user_by_name(session, "quantri"))
    update_status(store, plan_tasks[2], status="in_progress", user="quantri", settings=settings)  # followed task
    correct_task(store, plan_tasks[0], admin, settings, due=dt.date(2024, 12, 31))  # led by the followed agency
    update_status(store, plan_tasks[1], status="done", user="quantri", settings=settings)  # not followed
    with store.transaction() as session:  # the plan, stored after the last visit, cites the followed resolution
        session.execute(update(User).values(watch_seen_at=dt.datetime(2000, 1, 1)))
    page = watch_page(client)
    kinds = [row["class"][0] for row in page.select("table.changes tbody tr")]
    assert sorted(kinds) == ["change-correction", "change-document", "change-status"]
    because = {row["class"][0]: row.select("td")[-1].get_text(strip=True) for row in page.select("table.changes tbody tr")}
    assert because == {"change-status": "nhiệm vụ", "change-correction": "Sở Thông tin và Truyền thông",
                       "change-document": "văn bản"}
    assert watch_page(client).select("table.changes tbody tr") == []  # seen


def test_follow_buttons_and_unfollow(client, accounts, login, sample_documents):
    url = f"/documents/{sample_documents.plan_id}"
    anonymous = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    assert anonymous.select_one("form.watch-form") is None
    login(client, "canbo_noivu")
    button = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser").select_one("button.watch-button")
    assert button.get_text(strip=True) == "Thêm vào Theo dõi của tôi"
    follow(client, "document", sample_documents.plan_id)
    button = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser").select_one("button.watch-button")
    assert button.get_text(strip=True) == "Bỏ khỏi Theo dõi của tôi"
    follow(client, "document", sample_documents.plan_id, on=False)
    assert watch_page(client).select("#watches li") == []
    response = follow(client, "agency", "Sở Không Có Thật")
    assert response.status_code == 302
    assert "Không tìm thấy cơ quan" in client.get("/watch").get_data(as_text=True)
    assert follow(client, "task", 999999).status_code == 400


def test_changes_and_follows_a_page_at_a_time(app, client, accounts, login, store, sample_documents):
    plan_tasks, settings = sample_documents.plan_task_ids, sample_documents.settings
    app.config["TASK_PAGE_SIZE"] = 2
    login(client, "nguoixem")
    for task_id in plan_tasks[:3]:
        follow(client, "task", task_id)
    for task_id in plan_tasks[:3]:
        update_status(store, task_id, status="in_progress", user="quantri", settings=settings)
    with store.transaction() as session:  # the follows count from before the updates
        session.execute(update(User).values(watch_seen_at=dt.datetime(2000, 1, 1)))
    first = watch_page(client)
    assert first.select_one("#changes .count").get_text() == "3"
    assert len(first.select("table.changes tbody tr")) == 2
    assert len(first.select("#watches li")) == 2 and first.select_one("#watches .count").get_text() == "3"
    # the visit is seen, but its second page still lists the change it left, and nothing newer
    update_status(store, plan_tasks[0], status="done", user="quantri", settings=settings)
    next_changes = first.select_one("#changes nav.pagination a")
    assert next_changes.get_text(strip=True) == "2" and "since=" in next_changes["href"]
    second = BeautifulSoup(client.get(next_changes["href"]).get_data(as_text=True), "html.parser")
    assert len(second.select("table.changes tbody tr")) == 1
    assert {a["href"] for a in first.select("table.changes td a") + second.select("table.changes td a")
            if a["href"].startswith("/tasks/")} == {f"/tasks/{t}" for t in plan_tasks[:3]}
    next_follows = first.select_one("#watches nav.pagination a")
    assert "watched=2" in next_follows["href"]
    more = BeautifulSoup(client.get(next_follows["href"]).get_data(as_text=True), "html.parser")
    assert len(more.select("#watches li")) == 1 and len(more.select("table.changes tbody tr")) == 2
    # the next visit shows only the change made after the first one
    rows = watch_page(client).select("table.changes tbody tr")
    assert len(rows) == 1 and "Đã hoàn thành" in rows[0].get_text()
