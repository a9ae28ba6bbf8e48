"""The web app over the sample documents of tests/conftest.py (stored and indexed, and
tracked by the rule "issued since 2024"), its test client, and accounts of every role."""
from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from werkzeug.security import generate_password_hash

from theodoi.nlp.agencies import resolve
from theodoi.search import index_pending, open_index
from theodoi.store import repo
from theodoi.web import create_app

PASSWORD = "mat-khau-thu-nghiem"
# username → (role, agencies): the plan's task 1 is led by Sở Thông tin và Truyền thông,
# task 3 by Sở Nội vụ, task 4 by Văn phòng Ủy ban nhân dân tỉnh
ACCOUNTS = {
    "quantri": ("admin", ()),
    "canbo_tttt": ("officer", ("Sở TT&TT",)),
    "canbo_noivu": ("officer", ("so noi vu",)),
    "canbo_taichinh": ("officer", ("Sở Tài chính",)),  # support (phối hợp) of task 1 only
    "canbo_khcn": ("officer", ("Sở KH&CN",)),  # took over Sở Thông tin và Truyền thông on 1/3/2025
    "nguoixem": ("viewer", ()),
    "vanthu": ("secretary", ()),
}


@pytest.fixture
def app_settings(sample_documents):
    """The sample documents' settings, with the 2024 documents tracked by the rule."""
    return sample_documents.settings.with_(track_since=dt.date(2024, 1, 1))


@pytest.fixture
def app(store, sample_documents, app_settings):
    """The app over a store holding the three sample documents, all indexed."""
    index = open_index(sample_documents.settings)
    assert index_pending(store, index) == 3
    index.close()
    return create_app(app_settings, {"TESTING": True})


@pytest.fixture(scope="session")
def password_hash():
    """PASSWORD hashed once (hashing is slow on purpose)."""
    return generate_password_hash(PASSWORD)


@pytest.fixture
def accounts(store, password_hash):
    """One account of each role (officers of several agencies), all with PASSWORD; stored
    as `add_account` stores them (tested in test_login.py), with the hash made once."""
    with store.transaction() as session:
        for username, (role, agencies) in ACCOUNTS.items():
            repo.add_user(session, username=username, password_hash=password_hash, role=role,
                          agencies=[resolve(agency) for agency in agencies])
    return ACCOUNTS


def _login(client, username: str, password: str = PASSWORD):
    soup = BeautifulSoup(client.get("/login").get_data(as_text=True), "html.parser")
    token = soup.select_one("form.login-form input[name=csrf_token]")["value"]
    return client.post("/login", data={"csrf_token": token, "username": username, "password": password})


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def login():
    """`login(client, username, password=PASSWORD)`: log in through the login form (with its
    CSRF token); returns the response of the POST."""
    return _login
