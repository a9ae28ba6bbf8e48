"""The pages that merge, remove and add tasks: what the officer sees before and after."""
from __future__ import annotations

from bs4 import BeautifulSoup

from theodoi.store import repo


def soup_of(client, url: str) -> BeautifulSoup:
    return BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")


def test_merge_then_remove_through_the_pages(client, accounts, login, sample_documents):
    plan_tasks = sample_documents.plan_task_ids
    login(client, "quantri")
    form = soup_of(client, f"/tasks/{plan_tasks[1]}/correct")
    choices = [int(option["value"]) for option in form.select("form.merge-form option")]
    assert choices == [plan_tasks[0], plan_tasks[2], plan_tasks[3]]
    token = form.select_one("form.merge-form input[name=csrf_token]")["value"]
    merged = client.post(f"/tasks/{plan_tasks[1]}/merge", data={"csrf_token": token, "into": plan_tasks[2]})
    assert merged.headers["Location"].endswith(f"/tasks/{plan_tasks[2]}#corrections")
    kept = soup_of(client, f"/tasks/{plan_tasks[2]}")
    assert "dịch vụ công trực tuyến" in kept.select_one("h1").get_text()
    assert "Gộp vào nhiệm vụ" not in kept.get_text()  # the merge is told on the merged task
    gone = soup_of(client, f"/tasks/{plan_tasks[1]}")
    assert "đã được gộp vào" in gone.select_one("#task-removed").get_text()
    assert gone.select_one("#task-removed a")["href"].endswith(f"/tasks/{plan_tasks[2]}")
    assert "Gộp vào nhiệm vụ" in gone.select_one("#corrections").get_text()

    client.post(f"/tasks/{plan_tasks[3]}/remove", data={"csrf_token": token, "reason": "Không phải nhiệm vụ"})
    document = soup_of(client, f"/documents/{sample_documents.plan_id}")
    assert document.select_one("#tasks .count").get_text() == "2"
    board = soup_of(client, "/tasks?as_of=2024-09-01")
    rows = {int(row["data-task"]) for row in board.select("table.tasks tbody tr")}
    assert plan_tasks[1] not in rows and plan_tasks[3] not in rows and plan_tasks[0] in rows


def test_add_a_missed_task(client, accounts, login, sample_documents):
    login(client, "canbo_tttt")
    document = soup_of(client, f"/documents/{sample_documents.plan_id}")
    url = document.select_one("a.add-task-link")["href"]
    token = soup_of(client, url).select_one("form.add-task-form input[name=csrf_token]")["value"]
    empty = client.post(url, data={"csrf_token": token, "text": " ", "lead": "Sở TT&TT"})
    assert empty.status_code == 400 and "Không thêm được" in empty.get_data(as_text=True)
    added = client.post(url, data={"csrf_token": token, "text": "Sở TT&TT hướng dẫn các huyện ký số văn bản",
                                   "lead": "Sở TT&TT", "due": "31/12/2024"})
    page = soup_of(client, added.headers["Location"])
    assert page.select_one("h1").get_text() == "Sở TT&TT hướng dẫn các huyện ký số văn bản"
    assert "Thêm nhiệm vụ" in page.select_one("#corrections").get_text()


def test_a_removed_or_merged_task_takes_no_update_or_correction(client, accounts, login, store, sample_documents):
    plan_tasks = sample_documents.plan_task_ids
    login(client, "quantri")
    token = soup_of(client, f"/tasks/{plan_tasks[1]}/correct").select_one("input[name=csrf_token]")["value"]
    client.post(f"/tasks/{plan_tasks[1]}/merge", data={"csrf_token": token, "into": plan_tasks[2]})
    client.post(f"/tasks/{plan_tasks[3]}/remove", data={"csrf_token": token, "reason": "Không phải nhiệm vụ"})

    merged = soup_of(client, f"/tasks/{plan_tasks[1]}")
    assert merged.select_one("dl.metadata .badge").get_text(strip=True) == "Đã gộp vào nhiệm vụ khác"
    link = merged.select_one("#task-removed a")
    assert link["href"] == f"/tasks/{plan_tasks[2]}" and "dịch vụ công trực tuyến" in link.get_text()
    assert merged.select_one("form.update-form") is None and merged.select_one("a.correct-link") is None
    assert "đã được gộp vào nhiệm vụ khác" in merged.select_one("#update-closed").get_text()
    assert merged.select_one("#corrections td a")["href"] == f"/tasks/{plan_tasks[2]}"
    kept = soup_of(client, f"/tasks/{plan_tasks[2]}")
    assert [a["href"] for a in kept.select("#merged-from a")] == [f"/tasks/{plan_tasks[1]}"]
    client.post("/watch", data={"csrf_token": token, "kind": "task", "target": plan_tasks[1], "follow": "1"})
    followed = soup_of(client, "/watch").select_one("#watches li.watch-task .badge")
    assert followed.get_text(strip=True) == "Đã gộp vào nhiệm vụ khác"
    document = soup_of(client, f"/documents/{sample_documents.plan_id}").select("details.withdrawn-tasks li")
    assert [(li.a["href"], li.select_one(".badge").get_text()) for li in document] == [
        (f"/tasks/{plan_tasks[1]}", "Đã gộp vào nhiệm vụ khác"), (f"/tasks/{plan_tasks[3]}", "Đã xóa khỏi văn bản")]
    removed = soup_of(client, f"/tasks/{plan_tasks[3]}")
    assert removed.select_one("dl.metadata .badge").get_text(strip=True) == "Đã xóa khỏi văn bản"
    assert removed.select_one("form.update-form") is None

    said_of = {plan_tasks[1]: "đã được gộp vào nhiệm vụ khác", plan_tasks[3]: "đã bị xóa khỏi văn bản"}
    for task_id, said in said_of.items():
        refusals = [client.post(f"/tasks/{task_id}/status", data={"csrf_token": token, "status": "done"}),
                    client.get(f"/tasks/{task_id}/correct"),
                    client.post(f"/tasks/{task_id}/correct", data={"csrf_token": token, "text": "Nội dung khác"}),
                    client.post(f"/tasks/{task_id}/remove", data={"csrf_token": token})]
        for response in refusals:
            assert response.status_code == 409
            notice = BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("#update-closed")
            assert said in notice.get_text() and "error" in notice["class"]
    with store.transaction() as session:
        for task_id in (plan_tasks[1], plan_tasks[3]):
            task = repo.get_task(session, task_id)
            assert [e for e in task.events if e.source == "manual"] == [] and task.text != "Nội dung khác"
