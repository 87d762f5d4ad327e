import sqlite3

import pytest

from newsdesk.store.sqlite import MIGRATIONS, SQLiteStore

from .contract import make


def test_wal_mode_and_migrations_recorded(tmp_path):
    store = SQLiteStore(tmp_path / "x.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
    store.close()
    again = SQLiteStore(tmp_path / "x.db")  # reopening applies nothing twice
    assert again.migrate(MIGRATIONS) == []
    again.close()


def test_spans_table_holds_the_evidence(tmp_path):
    store = SQLiteStore(tmp_path / "x.db")
    store.upsert_articles([make(1)])
    rows = store.conn.execute("SELECT grp, label, evidence FROM spans").fetchall()
    assert [tuple(r) for r in rows] == [("entities", "LOC", "Valparaiso")]
    store.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    from newsdesk.errors import StoreError

    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the SQLite store"):
        SQLiteStore(path)
    assert not isinstance(StoreError("x"), sqlite3.Error)
