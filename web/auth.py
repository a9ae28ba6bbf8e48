"""Logging in and out, the account of each request, and who may see what.

Flask-Login keeps the account's id in the signed session cookie; each request loads the
account again, so a disabled account is logged out at its next request. Login attempts
are rate-limited per address (Flask-Limiter, THEODOI_LOGIN_RATE_LIMIT): failed attempts
count, and once over the limit even the right password waits. When
THEODOI_ANONYMOUS_READ is 0 every page but the login page needs an account.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import (Blueprint, Flask, abort, flash, redirect, render_template, request, session,
                   url_for)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from werkzeug.exceptions import Forbidden

from theodoi.config import Settings
from theodoi.store import repo
from theodoi.tracking.access import ROLE_LABELS, Actor
from theodoi.tracking.accounts import actor, authenticate
from theodoi.web.resources import db, settings

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
limiter = Limiter(get_remote_address)
OPEN_ENDPOINTS = {"auth.login", "static"}


class Account(UserMixin):
    """The logged-in person, as Flask-Login wants it."""

    def __init__(self, who: Actor):
        self.actor = who

    def get_id(self) -> str:
        return str(self.actor.id)


@login_manager.user_loader
def _load_account(user_id: str) -> Account | None:
    user = repo.get_user(db(), int(user_id)) if user_id.isdigit() else None
    return Account(actor(user)) if user is not None and user.active else None


def current_actor() -> Actor | None:
    """The logged-in person's account, or None."""
    return current_user.actor if current_user.is_authenticated else None


def require_login() -> Actor:
    """The logged-in person, or (for someone who has not logged in) a redirect to the login page."""
    who = current_actor()
    if who is None:
        abort(login_manager.unauthorized())
    return who


def _safe_next(target: str | None) -> str | None:
    """A `next` address on this site only (a path, never another host)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _home(who: Actor) -> str:
    return url_for("agency.mine") if who.role == "officer" else url_for("search.results")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: settings().login_rate_limit, methods=["POST"],
               deduct_when=lambda response: response.status_code == 401)
def login():
    """The login form; on success, back to the page asked for (or the officer's agency page)."""
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("auth/login.html", next_url=next_url, username="")
    username = (request.form.get("username") or "").strip()
    user = authenticate(db(), username, request.form.get("password") or "")
    if user is None:
        return render_template("auth/login.html", next_url=next_url, username=username,
                               error="Tên đăng nhập hoặc mật khẩu không đúng (hoặc tài khoản đã bị khóa)."), 401
    session.clear()  # a new session for the account: nothing carried over from before the login
    who = actor(user)
    login_user(Account(who))
    flash(f"Xin chào {who.username} ({ROLE_LABELS[who.role]}).", "success")
    return redirect(next_url or _home(who))


@bp.post("/logout")
def logout():
    """End the session."""
    logout_user()
    session.clear()
    flash("Đã đăng xuất.", "success")
    return redirect(url_for("auth.login"))


def _gate():
    """Without anonymous reading, send people who have not logged in to the login page."""
    if settings().anonymous_read or request.endpoint in OPEN_ENDPOINTS or request.blueprint == "api":
        return None  # the API checks its tokens itself
    if current_user.is_authenticated:
        return None
    return login_manager.unauthorized()


def _too_many(_error):
    return render_template("auth/login.html", next_url=None, username="",
                           error="Bạn đã thử đăng nhập quá nhiều lần. Hãy chờ một lát rồi thử lại."), 429


def _forbidden(error):
    reason = error.description if error.description != Forbidden.description else None
    return render_template("forbidden.html", reason=reason), 403


def init_auth(app: Flask, app_settings: Settings) -> None:
    """Sessions, login, the rate limit and the anonymous-read gate for `app`."""
    app.config.update(  # HttpOnly and SameSite on the session cookie: web/security.py
        SESSION_COOKIE_SECURE=app_settings.secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True, REMEMBER_COOKIE_SECURE=app_settings.secure_cookies,
        RATELIMIT_STORAGE_URI=app_settings.rate_limit_storage)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Hãy đăng nhập để tiếp tục."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.init_app(app)
    limiter.init_app(app)
    app.before_request(_gate)
    app.register_error_handler(429, _too_many)
    app.register_error_handler(403, _forbidden)
    app.jinja_env.globals.update(current_actor=current_actor, ROLE_LABELS=ROLE_LABELS)
    app.register_blueprint(bp)
