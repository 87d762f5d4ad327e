"""Fixtures for the web tests: the store of `web_store`, built once per session in SQLite (and in a
PostgreSQL schema for the backend comparison), and clients over them."""

from __future__ import annotations

import uuid

import pytest
from web_store import build_store

from newsdesk.store import open_store


def _client(target: str):
    from fastapi.testclient import TestClient

    from newsdesk.api import create_app

    return TestClient(create_app(target))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """Path of the SQLite store the web tests read."""
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(web_db):
    with _client(web_db) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def store(web_db):
    with open_store(web_db) as opened:
        yield opened


@pytest.fixture(scope="session")
def pg_web_db(pg_url: str):
    """URL of the same store built on PostgreSQL, in a fresh schema chosen by the URL's search_path."""
    import psycopg

    schema = f"newsdesk_web_{uuid.uuid4().hex[:12]}"
    url = f"{pg_url}{'&' if '?' in pg_url else '?'}options=-csearch_path%3D{schema}"
    try:
        yield build_store(url)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(scope="session")
def pg_client(pg_web_db):
    with _client(pg_web_db) as test_client:
        yield test_client
