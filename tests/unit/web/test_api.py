"""The JSON API: tokens, the permission matrix through the API, and every operation
checked against its OpenAPI document by schemathesis (generated requests, real app)."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from theodoi.store import repo
from theodoi.tracking.accounts import actor, new_api_token
from theodoi.tracking.task_list import merge_tasks


@pytest.fixture
def tokens(store, accounts):
    """An API token for each account."""
    return {username: new_api_token(store, username, "thử nghiệm") for username in accounts}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_reading_documents_tasks_search_links(client, sample_documents):
    documents = client.get("/api/v1/documents?limit=2").json
    assert documents["total"] == 3 and [d["number"] for d in documents["items"]] == ["78/BC-STTTT", "45/KH-UBND"]
    plan = client.get(f"/api/v1/documents/{sample_documents.plan_id}").json
    assert [t["id"] for t in plan["tasks"]] == sample_documents.plan_task_ids
    assert plan["links"]["cites"] == [{"number": "12-NQ/TU", "relation": "implements",
                                       "document_id": sample_documents.resolution_id}]
    assert client.get(f"/api/v1/documents/{sample_documents.plan_id}/links").json["cited_by"] == [
        {"number": "78/BC-STTTT", "relation": "reports_on", "document_id": sample_documents.report_id}]
    overdue = client.get("/api/v1/tasks?status=overdue&as_of=2024-09-01&agency=so+tt%26tt").json
    assert [(t["id"], t["overdue_days"]) for t in overdue["items"]] == [(sample_documents.plan_task_ids[0], 63)]
    found = client.get("/api/v1/search?q=nen+tang+du+lieu").json
    assert [hit["document"]["number"] for hit in found["items"]] == ["45/KH-UBND"]
    assert client.get("/api/v1/tasks/9999").status_code == 404


UPDATE = {"nguoixem": 403, "vanthu": 403, "canbo_noivu": 403, "canbo_taichinh": 403, "canbo_tttt": 201,
          "canbo_khcn": 201, "quantri": 201}


@pytest.mark.parametrize("who", [None, "bad", *UPDATE])
def test_status_update_permissions_through_the_api(client, tokens, store, sample_documents, who):
    task_id = sample_documents.plan_task_ids[0]
    headers = {} if who is None else bearer("khong-hop-le" if who == "bad" else tokens[who])
    response = client.post(f"/api/v1/tasks/{task_id}/status", json={"status": "done", "note": "qua API"},
                           headers=headers)
    assert response.status_code == UPDATE.get(who, 401)
    assert "error" in response.json or response.json["user"] == who
    with store.transaction() as session:
        events = repo.get_task(session, task_id).events
        assert [(e.user, e.note) for e in events] == ([(who, "qua API")] if response.status_code == 201 else [])


def test_a_disabled_account_token_stops_working(client, tokens, store):
    from theodoi.tracking.accounts import set_active

    assert client.get("/api/v1/documents", headers=bearer(tokens["quantri"])).status_code == 200
    set_active(store, "quantri", False)
    assert client.get("/api/v1/documents", headers=bearer(tokens["quantri"])).status_code == 401


def test_without_anonymous_reading_the_api_needs_a_token(store, sample_documents, app_settings, tokens):
    from theodoi.web import create_app

    client = create_app(app_settings.with_(anonymous_read=False), {"TESTING": True}).test_client()
    assert client.get("/api/v1/documents").status_code == 401
    assert client.get("/api/v1/documents", headers=bearer(tokens["nguoixem"])).status_code == 200


def test_the_api_ignores_the_session_cookie(client, accounts, login, sample_documents):
    login(client, "quantri")  # logged in to the pages: the API still wants a token to write
    response = client.post(f"/api/v1/tasks/{sample_documents.plan_task_ids[0]}/status", json={"status": "done"})
    assert response.status_code == 401


def test_every_operation_conforms_to_the_openapi_document(app, tokens):
    """Generated requests to every operation (schemathesis, without its pytest plugin, which
    this pytest does not run): each response has a documented status and matches its schema,
    and no request makes a server error."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} == {
        "GET /documents", "GET /documents/{document_id}", "GET /documents/{document_id}/links", "GET /tasks",
        "GET /tasks/{task_id}", "POST /tasks/{task_id}/status", "GET /search"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def conforms(case):
            case.call_and_validate(headers=bearer(tokens["quantri"]))

        conforms()


def test_target_and_removed_or_merged_tasks_through_the_api(client, tokens, store, sample_documents):
    plan_tasks = sample_documents.plan_task_ids
    with store.transaction() as session:
        target = repo.get_document(session, sample_documents.plan_id).targets[0]
        repo.get_task(session, plan_tasks[0]).target_id = target.id
        target_id, admin = target.id, actor(repo.user_by_name(session, "quantri"))
    merge_tasks(store, plan_tasks[2], plan_tasks[1], admin, sample_documents.settings)
    assert client.get(f"/api/v1/tasks/{plan_tasks[0]}").json["target_id"] == target_id
    plan = client.get(f"/api/v1/documents/{sample_documents.plan_id}").json["tasks"]
    assert [(t["id"], t["target_id"]) for t in plan] == [(plan_tasks[0], target_id), (plan_tasks[2], None),
                                                         (plan_tasks[3], None)]
    response = client.post(f"/api/v1/tasks/{plan_tasks[1]}/status", json={"status": "done"},
                           headers=bearer(tokens["quantri"]))
    assert response.status_code == 409
    assert response.json["error"].startswith(f"Nhiệm vụ này đã được gộp vào nhiệm vụ khác (mã {plan_tasks[2]})")
    merged = client.get(f"/api/v1/tasks/{plan_tasks[1]}").json
    assert merged["merged_into_id"] == plan_tasks[2] and merged["removed_at"]
    kept = client.get(f"/api/v1/tasks/{plan_tasks[2]}").json
    assert kept["merged_into_id"] is None and kept["removed_at"] is None
    with store.transaction() as session:
        assert [e.source for e in repo.get_task(session, plan_tasks[1]).events] == []
