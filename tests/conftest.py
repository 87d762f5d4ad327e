"""Shared fixtures: the development data folder, temporary stores."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The development data folder next to the repository (../shared/data); skips when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA} (only present in the project's own checkouts)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_page(shared_data: Path) -> str:
    """The French sample page the project started from, read in place."""
    path = shared_data / "seed" / "seed-page-fr.txt"
    if not path.exists():
        pytest.skip(f"seed page not found at {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def sqlite_store(tmp_path: Path):
    from newsdesk.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def nlp_fr():
    """The full French spaCy pipeline (parser included), loaded once for the session."""
    from newsdesk.nlp.quotes import load_model

    return load_model("fr")


@pytest.fixture(scope="session")
def nlp_en():
    """The full English spaCy pipeline (parser included), loaded once for the session."""
    from newsdesk.nlp.quotes import load_model

    return load_model("en")


PG_URL = os.environ.get("NEWSDESK_TEST_PG") or "postgresql://postgres@127.0.0.1:5432/test"
"""The PostgreSQL server the tests use (each test gets its own schema there, dropped afterwards)."""


@pytest.fixture(scope="session")
def pg_url() -> str:
    """`NEWSDESK_TEST_PG` (default: local server, database `test`); skips when unreachable, fails under CI.

    Set `NEWSDESK_REQUIRE_PG=1` to make an unreachable server a failure instead of a skip.
    """
    import psycopg

    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        message = f"PostgreSQL not reachable at {PG_URL} ({str(exc).strip().splitlines()[0]}); set NEWSDESK_TEST_PG"
        if os.environ.get("NEWSDESK_REQUIRE_PG"):
            pytest.fail(message)
        pytest.skip(message)
    return PG_URL


@pytest.fixture
def pg_schema(pg_url: str):
    """A fresh, empty schema name on the test server, dropped (with everything in it) after the test."""
    import psycopg

    name = f"newsdesk_test_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture
def pg_store(pg_url: str, pg_schema: str):
    """A `PostgresStore` in a fresh schema of the test server."""
    from newsdesk.store.postgres import PostgresStore

    store = PostgresStore(pg_url, schema=pg_schema)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest):
    """Each store backend in turn: SQLite in a temporary file, PostgreSQL in a fresh schema."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")
