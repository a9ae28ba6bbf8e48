"""Hardening of the web app, in one place: ids out of the database's range are 404, every
response carries security headers, the session cookie is SameSite, and the secret key is
kept in the data directory (created at first start) so sessions survive a restart.
"""
from __future__ import annotations

import os
import secrets

from flask import Flask
from werkzeug.routing import IntegerConverter

from theodoi.config import Settings

MAX_ID = 2**63 - 1  # the largest id PostgreSQL's bigint and SQLite's integer hold
HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class DatabaseId(IntegerConverter):
    """`<int:...>` in routes: only 0 … 2^63 − 1 match, so a larger id is 404, never an overflow."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def secret_key(settings: Settings) -> str:
    """THEODOI_SECRET_KEY, else the key kept in `<data_dir>/secret_key`, created (readable by
    this user only) at first start; two servers starting at once read the same key."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.secret_key_file
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(partial, path)  # fails when another process made it first: keep theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(partial)
    return path.read_text().strip()


def init_security(app: Flask, settings: Settings) -> None:
    """Before the blueprints: the id converter, the cookie settings, the key and the headers."""
    app.url_map.converters["int"] = DatabaseId
    app.config.update(SECRET_KEY=secret_key(settings), SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True)

    @app.after_request
    def _headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
