"""A real theodoi server on a free localhost port (in a thread) over the sample documents
(tracked by the rule "issued since 2024"), accounts to log in with, and headless Chromium
driven by Playwright (Debian's /usr/bin/chromium)."""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from theodoi.search import index_pending, open_index
from theodoi.tracking.accounts import add_account
from theodoi.web import create_app

PASSWORD = "mat-khau-thu-nghiem"
ACCOUNTS = {"canbo_tttt": ("officer", ("Sở TT&TT",)), "quantri": ("admin", ()), "vanthu": ("secretary", ()),
            "nguoixem": ("viewer", ())}

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture
def live_server(store, sample_documents):
    """The base URL of a running server over the indexed sample documents."""
    index = open_index(sample_documents.settings)
    index_pending(store, index)
    index.close()
    for username, (role, agencies) in ACCOUNTS.items():
        add_account(store, username=username, password=PASSWORD, role=role, agencies=agencies)
    app_settings = sample_documents.settings.with_(track_since=dt.date(2024, 1, 1))
    server = make_server("127.0.0.1", 0, create_app(app_settings), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the whole test session."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab with a desktop-sized window."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def log_in(live_server):
    """`log_in(page, username)`: log in through the login form of the live server."""
    def log_in(page, username: str, password: str = PASSWORD):
        page.goto(live_server + "/login")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
    return log_in


SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def shot():
    """`shot(page, name)`: a full-page screenshot kept as docs/screenshots/<name>.png."""
    def shot(page, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    return shot
