"""My agency: an officer's lead, support and group tasks apart, due windows, and the
board's tracked documents, sorting and pages."""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from theodoi.store import repo
from theodoi.store.models import Task, TaskBody
from theodoi.web import create_app


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def row_tasks(soup: BeautifulSoup) -> list[int]:
    return [int(row["data-task"]) for row in soup.select("table.tasks tbody tr")]


def tab_counts(soup: BeautifulSoup) -> dict[str, int]:
    return {a["data-role"]: int(a.select_one(".count").get_text()) for a in soup.select(".tabs a")}


@pytest.fixture
def group_task(store, sample_documents) -> int:
    """A task of the plan given to "các sở, ban, ngành tỉnh" (every provincial Sở)."""
    with store.transaction() as session:
        plan = repo.get_document(session, sample_documents.plan_id)
        task = Task(ordinal=9, label="5", text="Các sở, ban, ngành tỉnh rà soát dữ liệu chuyên ngành", start=0, end=10,
                    component="test")
        task.bodies.append(TaskBody(role="lead", position=0, text="các sở, ban, ngành tỉnh", is_group=True))
        plan.tasks.append(task)
        session.flush()
        return task.id


def test_lead_support_and_group_tasks_are_apart(client, accounts, login, sample_documents, group_task):
    task_1 = sample_documents.plan_task_ids[0]
    login(client, "canbo_tttt")
    soup = soup_of(client, "/my-agency?as_of=2024-09-01")
    assert tab_counts(soup) == {"lead": 1, "support": 0, "group": 1}
    assert row_tasks(soup) == [task_1]
    assert soup.select_one("table.tasks .badge").get_text(strip=True) == "Quá hạn 63 ngày"
    assert row_tasks(soup_of(client, "/my-agency?as_of=2024-09-01&role=group")) == [group_task]
    assert soup.select_one(".agencies .chip").get_text() == "Sở Thông tin và Truyền thông"

    login(client, "canbo_taichinh")
    soup = soup_of(client, "/my-agency?as_of=2024-09-01&role=support")
    assert tab_counts(soup) == {"lead": 0, "support": 1, "group": 1}
    assert row_tasks(soup) == [task_1]


def test_vpcp_groups_and_due_windows_of_lead_tasks(client, accounts, login, sample_documents):
    login(client, "canbo_tttt")

    def windows(as_of):
        soup = soup_of(client, f"/my-agency?as_of={as_of}")
        return {a["data-window"]: int(a.strong.get_text()) for a in soup.select(".windows a[data-window]")}

    assert windows("2024-06-25") == {"overdue": 0, "due7": 1, "due30": 1}  # due 30/6
    assert windows("2024-06-05") == {"overdue": 0, "due7": 0, "due30": 1}
    assert windows("2024-09-01") == {"overdue": 1, "due7": 0, "due30": 0}
    soup = soup_of(client, "/my-agency?as_of=2024-06-25&window=due7")
    assert row_tasks(soup) == [sample_documents.plan_task_ids[0]]
    assert row_tasks(soup_of(client, "/my-agency?as_of=2024-06-25&window=overdue")) == []
    groups = {g["data-group"]: int(g.select_one(".group-count").get_text()) for g in soup_of(
        client, "/my-agency?as_of=2024-09-01").select(".group")}
    assert groups == {"done_on_time": 0, "done_late": 0, "open_in_term": 0, "overdue": 1}


def test_the_successor_of_a_merged_body_sees_its_tasks_from_the_merger(client, accounts, login, sample_documents):
    login(client, "canbo_khcn")
    assert row_tasks(soup_of(client, "/my-agency?as_of=2024-09-01")) == []
    soup = soup_of(client, "/my-agency?as_of=2025-06-01")
    assert row_tasks(soup) == [sample_documents.plan_task_ids[0]]
    assert "giao cho Sở Thông tin và Truyền thông (hợp nhất" in soup.select_one(".agencies").get_text()


def test_an_account_without_agencies(client, accounts, login):
    login(client, "quantri")
    assert "chưa được gắn với cơ quan nào" in soup_of(client, "/my-agency").select_one(".empty").get_text()


def test_only_tracked_documents_feed_the_board(store, sample_documents, accounts, login):
    client = create_app(sample_documents.settings, {"TESTING": True}).test_client()  # no tracking rule
    soup = soup_of(client, "/tasks?as_of=2024-09-01")
    assert row_tasks(soup) == []
    assert soup.select_one(".group-overdue .group-count").get_text() == "0"
    assert soup.select_one(".untracked").get_text().startswith("5 nhiệm vụ của các văn bản chưa được theo dõi")

    login(client, "quantri")
    page = soup_of(client, f"/documents/{sample_documents.plan_id}")
    assert "Chưa theo dõi" in page.select_one("#tracking").get_text()
    token = page.select_one("#tracking input[name=csrf_token]")["value"]
    client.post(f"/documents/{sample_documents.plan_id}/tracking", data={"csrf_token": token, "tracked": "1"})
    assert "do quantri đánh dấu" in soup_of(client, f"/documents/{sample_documents.plan_id}").select_one(
        "#tracking").get_text()
    soup = soup_of(client, "/tasks?as_of=2024-09-01")
    assert sorted(row_tasks(soup)) == sorted(sample_documents.plan_task_ids)
    assert soup.select_one(".group-overdue .group-count").get_text() == "1"  # the resolution's task is not counted


def test_tracking_rule_by_kind_and_date(store, sample_documents):
    def tracked_tasks(**rule):
        client = create_app(sample_documents.settings.with_(**rule), {"TESTING": True}).test_client()
        return sorted(row_tasks(soup_of(client, "/tasks?as_of=2024-09-01")))

    plan = sorted(sample_documents.plan_task_ids)
    assert tracked_tasks(track_since=dt.date(2024, 1, 1), track_kinds=("kế hoạch",)) == plan  # any case
    assert tracked_tasks(track_since=dt.date(2024, 2, 1)) == plan  # the resolution is older
    assert tracked_tasks(track_since=dt.date(2024, 3, 6)) == []


@pytest.mark.parametrize("sort, expected", [
    ("deadline", ["resolution", 3, 0, 2, 1]),
    ("deadline&order=desc", [2, 0, 3, "resolution", 1]),  # no due date stays last
    ("status", ["resolution", 0, 2, 1, 3]),  # overdue (longest first), open, done
    ("document", ["resolution", 0, 1, 2, 3]),
])
def test_board_sorting(client, sample_documents, sort, expected):
    ids = [sample_documents.resolution_task_id if e == "resolution" else sample_documents.plan_task_ids[e]
           for e in expected]
    assert row_tasks(soup_of(client, f"/tasks?as_of=2024-09-01&sort={sort}")) == ids


def test_board_pages_keep_the_filters(app, sample_documents):
    app.config["TASK_PAGE_SIZE"] = 2
    client = app.test_client()
    first = soup_of(client, "/tasks?as_of=2024-09-01&sort=deadline")
    assert len(row_tasks(first)) == 2
    assert "trang 1/3" in first.select_one(".result-summary").get_text()
    next_link = first.select_one(".pagination a")["href"]
    assert "sort=deadline" in next_link and "as_of=2024-09-01" in next_link and "page=2" in next_link
    second = soup_of(client, next_link)
    assert row_tasks(second) == [sample_documents.plan_task_ids[0], sample_documents.plan_task_ids[2]]
    assert len(row_tasks(soup_of(client, "/tasks?as_of=2024-09-01&page=99"))) == 1  # the last page
