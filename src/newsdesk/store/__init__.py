"""Stores: where articles, spans, runs and the quarantine are kept."""

from __future__ import annotations

import os
from pathlib import Path

from .base import ArticleQuery, SearchHit, Store, UpsertResult

DEFAULT_DB = "data/newsdesk.db"


def default_db_path() -> str:
    """The database path: `NEWSDESK_DB` when set, else `data/newsdesk.db`."""
    return os.environ.get("NEWSDESK_DB") or DEFAULT_DB


def open_store(target: str | Path | None = None) -> Store:
    """Open the store at `target`: a PostgreSQL URL (postgresql://…) or a SQLite file path."""
    target = str(target or default_db_path())
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # noqa: PLC0415 - only when asked for

        return PostgresStore(target)
    from .sqlite import SQLiteStore

    return SQLiteStore(target)


__all__ = ["ArticleQuery", "SearchHit", "Store", "UpsertResult", "default_db_path", "open_store"]
