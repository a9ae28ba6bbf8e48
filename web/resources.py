"""The store and the search index of the app: one per app, a database session per request."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, current_app, g
from sqlalchemy.orm import Session

from theodoi.config import Settings
from theodoi.search import open_index
from theodoi.store.db import Store

_STORE = "theodoi.store"
_INDEX = "theodoi.index"


def init_resources(app: Flask, settings: Settings) -> None:
    """Open the store now; the search index opens on the first search."""
    app.extensions[_STORE] = Store(settings)
    app.extensions[_INDEX] = None
    app.teardown_appcontext(_close_session)


def settings() -> Settings:
    """The settings the app was built with."""
    return current_app.config["THEODOI_SETTINGS"]


def data_file(relative_path: str) -> Path:
    """A file kept under the data directory (an original, an evidence file), or 404 when it
    is missing or the stored path would lead outside the data directory."""
    data_dir = Path(settings().data_dir).resolve()
    path = (data_dir / relative_path).resolve()
    if not path.is_relative_to(data_dir) or not path.is_file():
        abort(404)
    return path


def store() -> Store:
    """The app's store (for functions that run their own transaction)."""
    return current_app.extensions[_STORE]


def db() -> Session:
    """This request's database session (closed when the request ends)."""
    if "db_session" not in g:
        g.db_session = current_app.extensions[_STORE].session()
    return g.db_session


def search_index():
    """The search index, opened once per app on first use."""
    index = current_app.extensions.get(_INDEX)
    if index is None:
        index = current_app.extensions[_INDEX] = open_index(settings())
    return index


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
