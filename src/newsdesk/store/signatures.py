"""MinHash signatures of the near-duplicate index kept in the store (a named migration + backend)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .dialect import upsert_sql
from .sqlbase import sql_store

if TYPE_CHECKING:
    from ..dedup import SignatureRow

SIGNATURE_MIGRATIONS: list[tuple[str, str]] = [
    (
        "0200_minhash_signatures",
        """
        CREATE TABLE minhash_signatures (
            article_id TEXT PRIMARY KEY,
            signature BLOB NOT NULL,
            shingles INTEGER NOT NULL,
            canonical TEXT NOT NULL,
            published REAL
        );
        CREATE INDEX minhash_signatures_canonical ON minhash_signatures(canonical);
        """,
    ),
    ("0201_minhash_fact_slots", "ALTER TABLE minhash_signatures ADD COLUMN facts BLOB;"),
]
"""The table behind `dedup.MinHashIndex`: one row per indexed article."""


class SQLSignatureBackend:
    """Loads and saves `dedup.MinHashIndex` rows in a SQLite or PostgreSQL store (a `dedup.SignatureStore`)."""

    def __init__(self, store: Any) -> None:
        self.store = sql_store(store, "near-duplicate signatures", SIGNATURE_MIGRATIONS)

    def load_signatures(self) -> Iterator[SignatureRow]:
        """Stored rows (article id, signature bytes, shingle count, canonical, published epoch, fact slots), by id."""
        sql = ("SELECT article_id, signature, shingles, canonical, published, facts FROM minhash_signatures "
               "ORDER BY article_id")
        for row in self.store.stream(sql):
            yield row[0], bytes(row[1]), row[2], row[3], row[4], None if row[5] is None else bytes(row[5])

    def save_signatures(self, rows: Iterable[SignatureRow]) -> int:
        """Insert or replace rows in one transaction; return how many were written."""
        rows = list(rows)
        columns = ["article_id", "signature", "shingles", "canonical", "published", "facts"]
        sql = upsert_sql("minhash_signatures", columns, ["article_id"])
        with self.store.transaction() as conn:
            conn.executemany(sql, rows)
        return len(rows)
