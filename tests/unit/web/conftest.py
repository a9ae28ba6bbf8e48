"""The web app over the sample documents of tests/conftest.py (stored and indexed),
and its test client."""
from __future__ import annotations

import pytest

from theodoi.search import index_pending, open_index
from theodoi.web import create_app


@pytest.fixture
def app(store, sample_documents):
    """The app over a store holding the three sample documents, all indexed."""
    index = open_index(sample_documents.settings)
    assert index_pending(store, index) == 3
    index.close()
    return create_app(sample_documents.settings, {"TESTING": True})


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()
