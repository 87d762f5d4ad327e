"""A connection wrapper that keeps the SQL a store runs, to count queries in tests."""

from __future__ import annotations

from typing import Any


class CountingConnection:
    """Wraps a store's connection (and a PostgreSQL connection's `raw` one) to keep the SQL it runs."""

    def __init__(self, conn: Any, seen: list[str] | None = None) -> None:
        self.conn = conn
        self.seen: list[str] = [] if seen is None else seen

    def execute(self, sql: Any, *args: Any) -> Any:
        self.seen.append(str(sql))
        return self.conn.execute(sql, *args)

    def executemany(self, sql: Any, *args: Any) -> Any:
        self.seen.append(str(sql))
        return self.conn.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.conn, name)
        return CountingConnection(value, self.seen) if name == "raw" else value
