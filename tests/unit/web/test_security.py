"""Web hardening: ids out of range are 404 (never 500), security headers on every response,
a SameSite session cookie, a secret key kept in the data directory, user names within their
column."""
from __future__ import annotations

import pytest

from theodoi.store.models import Task
from theodoi.tracking.updates import UpdateError, update_status
from theodoi.web import create_app

HUGE = str(2**63)
FORTY_DIGITS = "9" * 40


@pytest.mark.parametrize("url", [
    f"/documents/{HUGE}", f"/documents/{FORTY_DIGITS}/original", f"/tasks/{HUGE}",
    f"/tasks/1/events/{FORTY_DIGITS}/evidence",
])
def test_ids_out_of_range_are_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", [f"q=ke+hoach&year={FORTY_DIGITS}", f"year={FORTY_DIGITS}",
                                   f"q=ke+hoach&page={FORTY_DIGITS}", "q=ke+hoach&year=-1"])
def test_numbers_out_of_range_in_the_query_string_are_not_errors(client, query):
    assert client.get(f"/search?{query}").status_code == 200


def test_a_task_update_with_a_huge_id_is_not_found(client, app):
    app.config["WTF_CSRF_ENABLED"] = False
    response = client.post(f"/tasks/{HUGE}/status", data={"status": "done", "user": "Lan"})
    assert response.status_code == 404


def test_every_response_carries_security_headers(client):
    for url in ("/", "/tasks", "/documents/999999", "/static/style.css"):
        headers = client.get(url).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_the_session_cookie_is_samesite_and_httponly(client, sample_documents):
    page = client.get("/login")  # the login form puts a CSRF token in the session
    cookie = page.headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie


def test_the_secret_key_is_created_once_and_kept(settings):
    first = create_app(settings).config["SECRET_KEY"]
    key_file = settings.data_dir / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(first) >= 64 and key_file.read_text().strip() == first
    assert create_app(settings).config["SECRET_KEY"] == first  # a restart keeps sessions valid
    assert create_app(settings.with_(secret_key="set-by-the-site")).config["SECRET_KEY"] == "set-by-the-site"


def test_a_user_name_longer_than_its_column_is_refused(store, sample_documents):
    """The web form records the logged-in account, never a typed name; a caller of the tracking
    layer (the CLI) that passes a name longer than the column is refused."""
    task_id = sample_documents.plan_task_ids[1]
    with pytest.raises(UpdateError, match="at most 100 characters"):
        update_status(store, task_id, status="done", user="x" * 5000, settings=store.settings)
    with store.session() as session:
        assert not session.get(Task, task_id).events


def test_the_status_form_ignores_a_typed_name(client, app, accounts, login, sample_documents):
    app.config["WTF_CSRF_ENABLED"] = False
    task_id = sample_documents.plan_task_ids[0]  # led by Sở Thông tin và Truyền thông
    login(client, "canbo_tttt")
    client.post(f"/tasks/{task_id}/status", data={"status": "done", "user": "x" * 5000})
    history = client.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert "x" * 101 not in history and "canbo_tttt" in history
