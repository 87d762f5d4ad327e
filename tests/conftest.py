"""Shared fixtures: the development data folder, temporary stores."""

from __future__ import annotations

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
