"""Accounts: `theodoi user add/list/disable`, the login page, logout, the rate limit."""
from __future__ import annotations

from bs4 import BeautifulSoup
from click.testing import CliRunner

from theodoi.cli import main
from theodoi.store import repo


def cli(store, *args, stdin: str | None = None):
    env = {"THEODOI_DATABASE_URL": store.settings.database_url}
    return CliRunner().invoke(main, ["--data-dir", str(store.settings.data_dir), *args], env=env, input=stdin)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_user_commands_hash_the_password_and_resolve_agencies(store, client, login):
    added = cli(store, "user", "add", "chuyenvien", "--role", "officer", "--agency", "so tt&tt",
                "--agency", "Sở Nội vụ", "--password-stdin", stdin="mot-mat-khau-dai\n")
    assert added.exit_code == 0, added.output
    with store.transaction() as session:
        user = repo.user_by_name(session, "chuyenvien")
        assert user.agencies == ["Sở Thông tin và Truyền thông", "Sở Nội vụ"]
        assert "mot-mat-khau-dai" not in user.password_hash and user.password_hash.startswith("scrypt:")
    listed = cli(store, "user", "list")
    assert "chuyenvien" in listed.output and "officer" in listed.output
    assert login(client, "chuyenvien", "mot-mat-khau-dai").status_code == 302

    assert cli(store, "user", "disable", "chuyenvien").exit_code == 0
    assert "Đăng xuất" not in client.get("/").get_data(as_text=True)  # the session ends at the next request
    refused = login(client, "chuyenvien", "mot-mat-khau-dai")
    assert refused.status_code == 401
    assert cli(store, "user", "enable", "chuyenvien").exit_code == 0
    assert login(client, "chuyenvien", "mot-mat-khau-dai").status_code == 302


def test_user_add_refuses_bad_input(store):
    def add(*args, password="mot-mat-khau-dai"):
        return cli(store, "user", "add", *args, "--password-stdin", stdin=password + "\n")

    assert "unknown agency 'Cục Không Có'" in add("a", "--role", "officer", "--agency", "Cục Không Có").output
    assert "needs at least one agency" in add("a", "--role", "officer").output
    assert "at least 8 characters" in add("a", "--role", "viewer", password="ngan").output
    assert add("a", "--role", "viewer").exit_code == 0
    taken = add("a", "--role", "admin")
    assert taken.exit_code != 0 and "taken" in taken.output


def test_login_goes_to_my_agency_and_logout_ends_the_session(client, accounts, login):
    response = login(client, "canbo_tttt")
    assert response.status_code == 302 and response.headers["Location"].endswith("/my-agency")
    page = soup_of(client.get("/my-agency"))
    assert "canbo_tttt · Cán bộ theo dõi" in page.select_one(".account").get_text(" ", strip=True)
    token = page.select_one(".account input[name=csrf_token]")["value"]
    out = client.post("/logout", data={"csrf_token": token})
    assert out.status_code == 302 and out.headers["Location"].endswith("/login")
    assert client.get("/my-agency").status_code == 302


def test_wrong_password_is_refused_in_vietnamese(client, accounts, login):
    response = login(client, "canbo_tttt", "sai-mat-khau")
    assert response.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in soup_of(response).select_one(".notice.error").get_text()
    assert login(client, "khong-co-ai", "sai-mat-khau").status_code == 401


def test_login_returns_only_to_a_page_of_this_site(client, accounts):
    def login_with_next(next_url):
        token = soup_of(client.get("/login")).select_one("input[name=csrf_token]")["value"]
        return client.post("/login", data={"csrf_token": token, "username": "quantri",
                                           "password": "mat-khau-thu-nghiem", "next": next_url})

    assert login_with_next("/tasks?status=overdue").headers["Location"] == "/tasks?status=overdue"
    for outside in ("//example.com/x", "https://example.com/", "javascript:alert(1)"):
        assert login_with_next(outside).headers["Location"] == "/search"  # an admin's home page


def test_login_attempts_are_rate_limited(client, accounts, login):
    codes = [login(client, "canbo_tttt", f"sai-{n}").status_code for n in range(5)]
    assert codes == [401] * 5
    blocked = login(client, "canbo_tttt", "mat-khau-thu-nghiem")  # even the right password, for now
    assert blocked.status_code == 429
    assert "thử đăng nhập quá nhiều lần" in soup_of(blocked).select_one(".notice.error").get_text()
    assert client.get("/login").status_code == 200  # reading the form is not limited


def test_session_cookie_is_http_only(client, accounts, login):
    response = login(client, "quantri")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_user_token_prints_a_token_kept_only_as_a_hash(store, client):
    assert cli(store, "user", "add", "script", "--role", "viewer", "--password-stdin",
               stdin="mot-mat-khau-dai\n").exit_code == 0
    made = cli(store, "user", "token", "script", "--name", "báo cáo hằng tuần")
    token = made.stdout.strip()
    assert made.exit_code == 0 and len(token) >= 40
    from theodoi.store.models import ApiToken

    with store.transaction() as session:
        kept = session.query(ApiToken).one()
        assert kept.token_hash != token and len(kept.token_hash) == 64 and kept.name == "báo cáo hằng tuần"
    assert client.get("/api/v1/documents", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert cli(store, "user", "token", "nobody").exit_code != 0
