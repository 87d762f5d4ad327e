"""Fixtures for the web tests: the store of `web_store`, built once per session, and a client over it."""

from __future__ import annotations

import pytest
from web_store import build_store

from newsdesk.store.sqlite import SQLiteStore


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """Path of the SQLite store the web tests read."""
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from newsdesk.api import create_app

    with TestClient(create_app(web_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def store(web_db):
    with SQLiteStore(web_db) as opened:
        yield opened
