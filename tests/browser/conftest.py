"""A real theodoi server on a free localhost port (in a thread) over the sample documents,
and headless Chromium driven by Playwright (Debian's /usr/bin/chromium)."""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from theodoi.search import index_pending, open_index
from theodoi.web import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture
def live_server(store, sample_documents):
    """The base URL of a running server over the indexed sample documents."""
    index = open_index(sample_documents.settings)
    index_pending(store, index)
    index.close()
    server = make_server("127.0.0.1", 0, create_app(sample_documents.settings), threaded=True)
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
