"""Stores: where articles, spans, runs and the quarantine are kept."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import StoreError
from .base import ArticleQuery, SearchHit, Store, UpsertResult

DEFAULT_DB = "data/newsdesk.db"


def default_db_path() -> str:
    """The database path or URL: `NEWSDESK_DB` when set, else `data/newsdesk.db`."""
    return os.environ.get("NEWSDESK_DB") or DEFAULT_DB


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path | None = None) -> Store:
    """Open the store at `target`: a PostgreSQL URL (`postgresql://…`) or a SQLite file path (created when missing)."""
    target = str(target or default_db_path())
    if is_postgres_url(target):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if "://" in target:
        raise StoreError(f"{redact_url(target)!r}: --db takes a SQLite file path or a postgresql:// URL")
    from .sqlite import SQLiteStore

    return SQLiteStore(target)


def redact_url(target: str) -> str:
    """`target` as it can be shown: a URL's password (user:PASSWORD@ or password=...) replaced by ***."""
    target = re.sub(r"(://[^:/@?]*:)[^@/?]*@", r"\1***@", target)
    return re.sub(r"(password=)[^&\s]*", r"\1***", target)


__all__ = ["ArticleQuery", "SearchHit", "Store", "UpsertResult", "default_db_path", "open_store", "redact_url"]
