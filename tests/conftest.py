"""Fixtures shared by every layer's tests: settings in a temporary data directory and a
real store on SQLite, or on the local PostgreSQL for the tests marked `postgres`."""
from __future__ import annotations

import os
import uuid

import pytest

from theodoi.config import Settings
from theodoi.store.db import Store

POSTGRES_ADMIN_URL = os.environ.get("THEODOI_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for a fresh data directory (SQLite) under tmp_path."""
    return Settings.load(tmp_path / "data")


@pytest.fixture
def store(settings):
    """A migrated SQLite store in the temporary data directory."""
    store = Store(settings)
    yield store
    store.dispose()


@pytest.fixture
def postgres_settings(tmp_path):
    """Settings pointing at a new, empty PostgreSQL database, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"theodoi_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield Settings.load(tmp_path / "data", database_url=url)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request, tmp_path):
    """A migrated store on SQLite and, in a second run of the test, on PostgreSQL."""
    if request.param == "sqlite":
        settings = Settings.load(tmp_path / "data")
    else:
        settings = request.getfixturevalue("postgres_settings")
    store = Store(settings)
    yield store
    store.dispose()
