"""What the SQL stores share: the `Store` methods written once in SQL that SQLite and PostgreSQL both run.

`SQLStore` keeps articles, spans, runs and the quarantine through `self.conn`, a connection whose
`execute`/`executemany` take `?` placeholders and return rows readable by index and by column name
(`sqlite3.Row`, or `postgres.PGConnection`'s rows). A backend adds how to connect, apply a migration, open a
transaction and search; the small differences in SQL text live in its `dialect` (see `dialect.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any

from ..article import Article, content_hash
from ..errors import StoreError
from ..pipeline import QuarantineRecord, RunResult, batched
from .base import ArticleQuery, UpsertResult
from .dialect import Dialect


def utc_iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, so stored dates sort as text; a naive datetime is taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat()


ID_CHUNK = 500
"""Ids per `IN (...)` query: well under SQLite's oldest limit of 999 parameters."""


class SQLStore:
    """The `Store` methods common to the SQL backends; subclasses set `conn` and `dialect`."""

    conn: Any
    dialect: Dialect

    def transaction(self) -> AbstractContextManager[Any]:  # pragma: no cover - every backend overrides it
        raise NotImplementedError

    def apply_migration(self, name: str, sql: str) -> bool:  # pragma: no cover - every backend overrides it
        """Apply one migration (the SQLite text of it) and record it, in one transaction; False when another
        connection recorded it first."""
        raise NotImplementedError

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        """Rows of a query read as they are consumed (for listings that can be larger than memory)."""
        yield from self.conn.execute(sql, params)

    def applied_migrations(self) -> list[str]:
        """The names recorded in `schema_migrations`, read from the database."""
        return [row[0] for row in self.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

    _migrated: set[str] | None = None

    def migrate(self, migrations: list[tuple[str, str]]) -> list[str]:
        """Apply the named migrations not applied yet; return their names.

        The names already applied are read once per store object (its connection) and remembered with
        the ones it applies, so asking again for applied migrations (each read of quotes, stories or
        entities does) runs no query. A migration another connection applied meanwhile is not applied
        twice: `apply_migration` checks again in its transaction.
        """
        if self._migrated is None:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)"
            )
            self._migrated = set(self.applied_migrations())
        applied = []
        for name, sql in migrations:
            if name in self._migrated:
                continue
            if self.apply_migration(name, sql):
                applied.append(name)
            self._migrated.add(name)
        return applied

    def is_recorded(self, name: str) -> bool:
        """Whether migration `name` is recorded in the database (checked again in a migration's transaction)."""
        return self.conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone() is not None

    def record_migration(self, name: str) -> None:
        self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, now_iso()))

    # -- articles -------------------------------------------------------------------------------

    def upsert_articles(self, articles: Iterable[Article]) -> UpsertResult:
        """Insert or replace articles by id, in one transaction; the stored versions are read in one query per
        `ID_CHUNK` articles (not one per article)."""
        result = UpsertResult()
        with self.transaction():
            for batch in batched(articles, ID_CHUNK):
                stored = self._article_column("data", [a.id for a in batch])
                for article in batch:
                    self._upsert_article(article, stored, result)
        return result

    def _upsert_article(self, article: Article, stored: dict[str, str], result: UpsertResult) -> None:
        """Write one article unless `stored` (id to stored JSON, kept up to date) holds it as it is; count it."""
        if article.content_hash is None:
            article.content_hash = content_hash(article.text)
        data = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
        before = stored.get(article.id)
        if before == data:
            result.unchanged += 1
            return
        now = now_iso()
        values = (
            article.source, article.url, article.lang, article.title, article.text,
            utc_iso(article.published), article.date_source, article.content_hash,
            article.duplicate_of, article.translation_of, article.story_id, data,
        )  # fmt: skip
        if before is None:
            self.conn.execute(
                "INSERT INTO articles (source, url, lang, title, text, published, date_source, content_hash,"
                " duplicate_of, translation_of, story_id, data, id, first_stored, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, article.id, now, now),
            )
            result.new += 1
        else:
            self.conn.execute(
                "UPDATE articles SET source=?, url=?, lang=?, title=?, text=?, published=?, date_source=?,"
                " content_hash=?, duplicate_of=?, translation_of=?, story_id=?, data=?, updated=? WHERE id=?",
                (*values, now, article.id),
            )
            self.conn.execute("DELETE FROM spans WHERE article_id = ?", (article.id,))
            result.updated += 1
        stored[article.id] = data
        self._insert_spans(article)

    def _insert_spans(self, article: Article) -> None:
        rows = [
            (article.id, group, s.start, s.end, s.label, article.text[s.start : s.end], json.dumps(s.attrs))
            for group, spans in article.spans.items()
            for s in spans
        ]
        self.conn.executemany("INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row["data"])) if row else None

    def fingerprints(self, ids: Iterable[str]) -> dict[str, str]:
        return self._article_column("content_hash", ids)

    def _article_column(self, column: str, ids: Iterable[str]) -> dict[str, Any]:
        """`column` of the stored articles among `ids`, by id; one query per `ID_CHUNK` ids."""
        out: dict[str, Any] = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), ID_CHUNK):
            chunk = ids[i : i + ID_CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT id, {column} FROM articles WHERE id IN ({marks})", chunk):
                out[row["id"]] = row[column]
        return out

    def find_by_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY first_stored, id LIMIT 1", (content_hash,)
        ).fetchone()
        return row["id"] if row else None

    def iter_articles(self, query: ArticleQuery | None = None) -> Iterator[Article]:
        where, params = article_filters(query or ArticleQuery())
        sql = f"SELECT data FROM articles a {where} ORDER BY COALESCE(a.published, a.first_stored) DESC, a.id"
        if query and query.limit:
            sql += f" LIMIT {int(query.limit)}"
        for row in self.stream(sql, params):
            yield Article.from_dict(json.loads(row["data"]))

    def article_copies(self, article_id: str) -> list[dict[str, Any]]:
        """The articles stored as a copy (`duplicate_of`) or a translation (`translation_of`) of `article_id`:
        id, title, lang, source, published and `relation` ("duplicate" or "translation"), copies first."""
        rows = self.conn.execute(
            "SELECT id, title, lang, source, published,"
            " CASE WHEN duplicate_of = ? THEN 'duplicate' ELSE 'translation' END AS relation"
            " FROM articles WHERE duplicate_of = ? OR translation_of = ? ORDER BY relation, COALESCE(lang, ''), id",
            (article_id, article_id, article_id),
        )
        return [{k: r[k] for k in ("id", "title", "lang", "source", "published", "relation")} for r in rows]

    # -- quarantine and runs --------------------------------------------------------------------

    def add_quarantine(self, records: Iterable[QuarantineRecord], *, run_id: int | None = None) -> int:
        added = 0
        with self.transaction():
            for r in records:
                cur = self.conn.execute(
                    "INSERT INTO quarantine (source, reason, step, raw, at, run_id) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (r.source, r.reason, r.step, r.raw, utc_iso(r.at), run_id),
                )
                added += max(cur.rowcount, 0)
        return added

    def list_quarantine(self, *, limit: int = 100) -> list[QuarantineRecord]:
        rows = self.conn.execute("SELECT * FROM quarantine ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [
            QuarantineRecord(source=r["source"], reason=r["reason"], step=r["step"], raw=bytes(r["raw"]),
                             at=datetime.fromisoformat(r["at"]))
            for r in rows
        ]  # fmt: skip

    def record_run(self, result: RunResult, *, command: str) -> int:
        with self.transaction():
            row = self.conn.execute(
                "INSERT INTO runs (command, started, seconds, stats) VALUES (?, ?, ?, ?) RETURNING id",
                (command, utc_iso(result.started), result.seconds, json.dumps(result.to_dict())),
            ).fetchone()
        return int(row[0])

    def list_runs(self, *, limit: int = 10) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [
            {"id": r["id"], "command": r["command"], "started": r["started"], "seconds": r["seconds"],
             **{k: v for k, v in json.loads(r["stats"]).items() if k not in ("started", "seconds")}}
            for r in rows
        ]  # fmt: skip

    def counts(self) -> dict[str, Any]:
        def grouped(column: str) -> dict[str, int]:
            sql = f"SELECT COALESCE({column}, '?') AS k, COUNT(*) AS n FROM articles GROUP BY k ORDER BY n DESC, k"
            return {r["k"]: r["n"] for r in self.conn.execute(sql)}

        def one(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "by_lang": grouped("lang"),
            "by_source": grouped("source"),
            "spans": {
                f"{r[0]}": r[1] for r in self.conn.execute("SELECT grp, COUNT(*) FROM spans GROUP BY grp ORDER BY grp")
            },
            "quarantined": one("SELECT COUNT(*) FROM quarantine"),
            "runs": one("SELECT COUNT(*) FROM runs"),
        }

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sql_store(store: Any, needed_for: str, migrations: list[tuple[str, str]] | None = None) -> SQLStore:
    """`store`, with `migrations` applied, when it is a SQL store (SQLite or PostgreSQL); else a `StoreError`
    saying what it was `needed_for` ("stories", "the entity registry", ...)."""
    if not isinstance(store, SQLStore):
        raise StoreError(f"a SQLite or PostgreSQL store is needed for {needed_for}, not {type(store).__name__}")
    if migrations:
        store.migrate(migrations)
    return store


def article_filters(query: ArticleQuery, *, prefix: str = "WHERE") -> tuple[str, list[Any]]:
    """The SQL condition (over `articles a`) and parameters for an `ArticleQuery`'s filters."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.since:
        clauses.append("COALESCE(a.published, a.first_stored) >= ?")
        params.append(utc_iso(query.since))
    if query.until:
        clauses.append("COALESCE(a.published, a.first_stored) < ?")
        params.append(utc_iso(query.until))
    if query.lang:
        clauses.append("a.lang = ?")
        params.append(query.lang)
    if query.source:
        clauses.append("a.source = ?")
        params.append(query.source)
    if query.ids is not None:
        clauses.append(f"a.id IN ({','.join('?' * len(query.ids))})" if query.ids else "1 = 0")
        params.extend(query.ids)
    if not clauses:
        return "", []
    return f"{prefix} " + " AND ".join(clauses), params

