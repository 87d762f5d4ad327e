"""The PostgreSQL store: the same tables and behaviour as the SQLite store, on a server (psycopg 3).

Open it with a URL: `newsdesk --db postgresql://user@host/dbname ingest …` (or `NEWSDESK_DB`). The
tables live in the first schema of the connection's `search_path` (created when missing), so one
database can hold several stores: `postgresql://host/db?options=-csearch_path%3Dnews`.

Queries are shared with the SQLite store (`sqlbase.SQLStore`, `dialect.py`); `PGConnection` accepts
their `?` placeholders and returns rows readable by index and by name, like `sqlite3.Row`. Full-text
search uses a generated `tsvector` column with a GIN index, the 'simple' configuration plus
`unaccent` (when the extension can be installed), `ts_rank_cd` and `ts_headline`.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import sql as pgsql

from ..article import Article
from ..errors import StoreError
from . import redact_url as redact
from .base import ArticleQuery, SearchHit
from .dialect import TS_CONFIG, PostgresDialect, query_terms, tsquery
from .postgres_schema import postgres_migration, words
from .sqlbase import SQLStore, article_filters
from .sqlite import MIGRATIONS

HEADLINE = "StartSel=[, StopSel=], MaxWords=12, MinWords=5, ShortWord=1, MaxFragments=1, FragmentDelimiter=…"
"""`ts_headline` options: a dozen words around the best match, matches in [brackets] as in SQLite's snippets."""


class Row:
    """A result row readable by index and by column name (first column of that name), like `sqlite3.Row`."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = tuple(values)
        self._index = index

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=False))!r})"


def _rows(cursor: Any) -> Any:
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)
    return lambda values: Row(values, index)


@lru_cache(maxsize=512)
def pg_placeholders(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (a literal `%` doubled); string literals are left alone."""
    parts = re.split(r"('(?:[^']|'')*')", sql)
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("%", "%%").replace("?", "%s")
    return "".join(parts)


class PGConnection:
    """A psycopg connection taking `?` placeholders; `execute` returns a cursor to fetch from or iterate."""

    def __init__(self, raw: psycopg.Connection, label: str) -> None:
        self.raw = raw
        self.label = label

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        with _connection_errors(self.label):
            return self.raw.execute(pg_placeholders(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> psycopg.Cursor:
        cursor = self.raw.cursor()
        rows = list(rows)
        if rows:
            with _connection_errors(self.label):
                cursor.executemany(pg_placeholders(sql), rows)
        return cursor

    def close(self) -> None:
        self.raw.close()


class PostgresStore(SQLStore):
    """A `Store` in a PostgreSQL database (one schema); writes are transactions, readers never block."""

    dialect = PostgresDialect()

    def __init__(
        self, url: str, *, schema: str | None = None, migrations: list[tuple[str, str]] | None = None
    ) -> None:
        self.url = url
        self.label = redact(url)
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_rows, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {self.label}: {_first_line(exc)}") from exc
        self.conn = PGConnection(raw, self.label)
        try:
            self.schema = self._use_schema(schema)
            self.migrate(migrations if migrations is not None else MIGRATIONS)
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(f"cannot open the PostgreSQL store at {self.label}: {_first_line(exc)}") from exc

    def _use_schema(self, schema: str | None) -> str:
        """Create the store's schema when missing (`schema`, else the first of `search_path`); return its name."""
        raw = self.conn.raw
        if schema:
            raw.execute(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(pgsql.Identifier(schema)))
            raw.execute(pgsql.SQL("SET search_path TO {}, public").format(pgsql.Identifier(schema)))
            return schema
        current = raw.execute("SELECT current_schema()").fetchone()[0]
        if current is None:
            path = raw.execute("SHOW search_path").fetchone()[0]
            names = [p.strip().strip('"') for p in path.split(",") if p.strip() and "$user" not in p]
            if not names:
                raise StoreError(f"{self.label}: the search_path names no schema to keep the store in")
            raw.execute(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(pgsql.Identifier(names[0])))
            current = names[0]
        return current

    # -- schema ---------------------------------------------------------------------------------

    def apply_migration(self, name: str, sqlite_sql: str) -> bool:
        """Apply the PostgreSQL version of a migration and record it, in a transaction holding an advisory
        lock, so two processes opening a new store do not both apply it."""
        unaccent = self._unaccent() if name == "0001_articles" else None
        raw = self.conn.raw
        with raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.schema_migrations'))")
            if self.is_recorded(name):
                return False
            raw.execute(postgres_migration(name, sqlite_sql, unaccent=unaccent))
            self.record_migration(name)
        return True

    def _unaccent(self) -> str | None:
        """The qualified name of the `unaccent` dictionary, installing the extension if allowed; None if absent."""
        raw = self.conn.raw
        find = (
            "SELECT quote_ident(n.nspname) || '.unaccent' FROM pg_ts_dict d"
            " JOIN pg_namespace n ON n.oid = d.dictnamespace WHERE d.dictname = 'unaccent' LIMIT 1"
        )
        found = raw.execute(find).fetchone()
        if found is None:
            try:
                with raw.transaction():
                    raw.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
            except psycopg.Error:
                return None  # not installed and not allowed: accents stay significant in search
            found = raw.execute(find).fetchone()
        return found[0] if found else None

    @contextmanager
    def transaction(self) -> Iterator[PGConnection]:
        """A transaction: committed at the end of the block, rolled back if it raises."""
        with _connection_errors(self.label), self.conn.raw.transaction():
            yield self.conn

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """Rows fetched 1,000 at a time from a server-side cursor (WITH HOLD: other queries may run meanwhile)."""
        raw = self.conn.raw
        with raw.cursor(name=f"newsdesk_{uuid.uuid4().hex[:12]}", withhold=True) as cursor:
            cursor.itersize = 1000
            with _connection_errors(self.label):
                cursor.execute(pg_placeholders(sql), tuple(params))
                yield from cursor

    # -- search -------------------------------------------------------------------------------

    def search(self, text: str, query: ArticleQuery | None = None) -> list[SearchHit]:
        query = query or ArticleQuery()
        where, params = article_filters(query, prefix="AND")
        ranked = (
            "SELECT a.id, ts_rank_cd(a.tsv, q) AS rank, q FROM articles a,"
            f" to_tsquery('{TS_CONFIG}', ?) AS q WHERE a.tsv @@ q {where} ORDER BY rank DESC, a.id LIMIT ?"
        )
        sql = (
            f"SELECT a.data, r.rank, ts_headline('{TS_CONFIG}', {words('a.text')}, r.q, '{HEADLINE}') AS snippet"
            f" FROM ({ranked}) AS r JOIN articles a ON a.id = r.id ORDER BY r.rank DESC, a.id"
        )
        try:
            rows = self.conn.execute(sql, [tsquery(query_terms(text)), *params, query.limit or 20]).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"cannot search for {text!r}: {_first_line(exc)}") from exc
        return [
            SearchHit(article=Article.from_dict(json.loads(r["data"])), rank=float(r["rank"]), snippet=r["snippet"])
            for r in rows
        ]


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextmanager
def _connection_errors(label: str) -> Iterator[None]:
    """A lost or refused connection (`OperationalError`) raised as a `StoreError` naming the server."""
    try:
        yield
    except psycopg.OperationalError as exc:
        raise StoreError(f"PostgreSQL at {label}: {_first_line(exc)}") from exc


__all__ = ["PGConnection", "PostgresStore", "redact"]
