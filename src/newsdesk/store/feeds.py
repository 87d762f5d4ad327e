"""What `newsdesk watch` remembers between polls: per-feed HTTP validators and the items already seen.

Kept in the store (SQLite or PostgreSQL), in two tables created by the named migration ``feeds_0001_state``
(applied by `FeedState` when it is first opened on a store, and recorded like every migration).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .sqlbase import sql_store

FEED_MIGRATIONS: list[tuple[str, str]] = [
    (
        "feeds_0001_state",
        """
        CREATE TABLE feed_state (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_checked TEXT,
            last_status INTEGER,
            last_error TEXT,
            items_seen INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE feed_items (
            feed_url TEXT NOT NULL,
            item_key TEXT NOT NULL,
            article_id TEXT,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (feed_url, item_key)
        );
        """,
    ),
]


@dataclass(slots=True, kw_only=True)
class FeedStatus:
    """The last poll of one feed."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_checked: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    items_seen: int = 0


class FeedState:
    """Feed validators and seen items, kept in a SQL store's database."""

    def __init__(self, store: Any) -> None:
        self.store = sql_store(store, "the state of watched feeds", FEED_MIGRATIONS)

    def get(self, url: str) -> FeedStatus:
        row = self.store.conn.execute(
            "SELECT url, etag, last_modified, last_checked, last_status, last_error, items_seen"
            " FROM feed_state WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return FeedStatus(url=url)
        return FeedStatus(url=row[0], etag=row[1], last_modified=row[2], last_checked=row[3], last_status=row[4],
                          last_error=row[5], items_seen=row[6])

    def save(self, status: FeedStatus) -> None:
        status.last_checked = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO feed_state (url, etag, last_modified, last_checked, last_status, last_error, items_seen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag=excluded.etag,"
                " last_modified=excluded.last_modified, last_checked=excluded.last_checked,"
                " last_status=excluded.last_status, last_error=excluded.last_error, items_seen=excluded.items_seen",
                (status.url, status.etag, status.last_modified, status.last_checked, status.last_status,
                 status.last_error, status.items_seen),
            )

    def seen(self, feed_url: str, keys: Iterable[str]) -> set[str]:
        """The keys among `keys` already processed for this feed."""
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(
                f"SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN ({marks})", (feed_url, *chunk)
            )
            found.update(row[0] for row in rows)
        return found

    def mark_seen(self, feed_url: str, key: str, article_id: str | None) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO feed_items (feed_url, item_key, article_id, first_seen) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (feed_url, key, article_id, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )

    def all(self) -> list[FeedStatus]:
        urls = [row[0] for row in self.store.conn.execute("SELECT url FROM feed_state ORDER BY url")]
        return [self.get(url) for url in urls]
