"""The default store: one SQLite file, WAL mode, FTS5 over title and text, named migrations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..article import Article, content_hash
from ..errors import StoreError
from ..pipeline import QuarantineRecord, RunResult
from .base import ArticleQuery, SearchHit, UpsertResult

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            lang TEXT,
            title TEXT,
            text TEXT NOT NULL,
            published TEXT,
            date_source TEXT,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            translation_of TEXT,
            story_id TEXT,
            data TEXT NOT NULL,
            first_stored TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_lang ON articles(lang);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_story ON articles(story_id);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TABLE spans (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            grp TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            label TEXT NOT NULL,
            evidence TEXT NOT NULL,
            attrs TEXT NOT NULL
        );
        CREATE INDEX spans_article ON spans(article_id);
        CREATE INDEX spans_label ON spans(grp, label);
        """,
    ),
    (
        "0002_runs_quarantine",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            started TEXT NOT NULL,
            seconds REAL NOT NULL,
            stats TEXT NOT NULL
        );
        CREATE TABLE quarantine (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            step TEXT NOT NULL,
            raw BLOB NOT NULL,
            at TEXT NOT NULL,
            run_id INTEGER,
            UNIQUE(source, reason)
        );
        """,
    ),
]
"""Schema changes in order; each runs once, in a transaction, and is recorded by name."""


def utc_iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, so stored dates sort as text; a naive datetime is taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


class SQLiteStore:
    """A `Store` in one SQLite file (WAL, FTS5); one writer at a time, any number of readers."""

    def __init__(self, path: str | Path, *, migrations: list[tuple[str, str]] | None = None) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrate(migrations if migrations is not None else MIGRATIONS)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the SQLite store at {self.path}: {exc}") from exc

    # -- schema ---------------------------------------------------------------------------------

    def migrate(self, migrations: list[tuple[str, str]]) -> list[str]:
        """Apply the named migrations not applied yet; return their names."""
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
        done = {row[0] for row in self.conn.execute("SELECT name FROM schema_migrations")}
        applied = []
        for name, sql in migrations:
            if name in done:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE: one writer at a time)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- articles -------------------------------------------------------------------------------

    def upsert_articles(self, articles: Iterable[Article]) -> UpsertResult:
        result = UpsertResult()
        with self.transaction():
            for article in articles:
                if article.content_hash is None:
                    article.content_hash = content_hash(article.text)
                data = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
                row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (article.id,)).fetchone()
                if row is not None and row["data"] == data:
                    result.unchanged += 1
                    continue
                now = _now()
                values = (
                    article.source, article.url, article.lang, article.title, article.text,
                    utc_iso(article.published), article.date_source, article.content_hash,
                    article.duplicate_of, article.translation_of, article.story_id, data,
                )  # fmt: skip
                if row is None:
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
                self._insert_spans(article)
        return result

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
        out: dict[str, str] = {}
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", chunk):
                out[row["id"]] = row["content_hash"]
        return out

    def find_by_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY first_stored, id LIMIT 1", (content_hash,)
        ).fetchone()
        return row["id"] if row else None

    def iter_articles(self, query: ArticleQuery | None = None) -> Iterator[Article]:
        where, params = _filters(query or ArticleQuery())
        sql = f"SELECT data FROM articles a {where} ORDER BY COALESCE(a.published, a.first_stored) DESC, a.id"
        if query and query.limit:
            sql += f" LIMIT {int(query.limit)}"
        for row in self.conn.execute(sql, params):
            yield Article.from_dict(json.loads(row["data"]))

    def search(self, text: str, query: ArticleQuery | None = None) -> list[SearchHit]:
        query = query or ArticleQuery()
        where, params = _filters(query, prefix="AND")
        sql = (
            "SELECT a.data, bm25(articles_fts) AS rank,"
            " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? {where} ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, [fts_query(text), *params, query.limit or 20]).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot search for {text!r}: {exc}") from exc
        return [
            SearchHit(article=Article.from_dict(json.loads(r["data"])), rank=-r["rank"], snippet=r["snippet"])
            for r in rows
        ]

    # -- quarantine and runs --------------------------------------------------------------------

    def add_quarantine(self, records: Iterable[QuarantineRecord], *, run_id: int | None = None) -> int:
        added = 0
        with self.transaction():
            for r in records:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO quarantine (source, reason, step, raw, at, run_id)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (r.source, r.reason, r.step, r.raw, utc_iso(r.at), run_id),
                )
                added += cur.rowcount
        return added

    def list_quarantine(self, *, limit: int = 100) -> list[QuarantineRecord]:
        rows = self.conn.execute("SELECT * FROM quarantine ORDER BY id DESC LIMIT ?", (limit,))
        return [
            QuarantineRecord(
                source=r["source"], reason=r["reason"], step=r["step"], raw=r["raw"], at=datetime.fromisoformat(r["at"])
            )
            for r in rows
        ]

    def record_run(self, result: RunResult, *, command: str) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (command, started, seconds, stats) VALUES (?, ?, ?, ?)",
                (command, utc_iso(result.started), result.seconds, json.dumps(result.to_dict())),
            )
        return int(cur.lastrowid or 0)

    def list_runs(self, *, limit: int = 10) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [
            {"id": r["id"], "command": r["command"], "started": r["started"], "seconds": r["seconds"],
             **{k: v for k, v in json.loads(r["stats"]).items() if k not in ("started", "seconds")}}
            for r in rows
        ]  # fmt: skip

    def counts(self) -> dict[str, Any]:
        def grouped(column: str) -> dict[str, int]:
            sql = f"SELECT COALESCE({column}, '?') AS k, COUNT(*) AS n FROM articles GROUP BY k ORDER BY n DESC, k"
            return {r["k"]: r["n"] for r in self.conn.execute(sql)}

        one = self.conn.execute
        return {
            "articles": one("SELECT COUNT(*) FROM articles").fetchone()[0],
            "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "by_lang": grouped("lang"),
            "by_source": grouped("source"),
            "spans": {f"{r[0]}": r[1] for r in one("SELECT grp, COUNT(*) FROM spans GROUP BY grp ORDER BY grp")},
            "quarantined": one("SELECT COUNT(*) FROM quarantine").fetchone()[0],
            "runs": one("SELECT COUNT(*) FROM runs").fetchone()[0],
        }

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def fts_query(text: str) -> str:
    """Turn user words into an FTS5 query: words are ANDed, "quoted phrases" kept, syntax chars neutralised."""
    import re

    parts = re.findall(r'"[^"]+"|\S+', text)
    terms = []
    for part in parts:
        if part.startswith('"') and part.endswith('"') and len(part) > 1:
            terms.append('"' + part.strip('"').replace('"', "") + '"')
        elif part.upper() in ("OR", "AND", "NOT"):
            terms.append(part.upper())
        else:
            word = part.replace('"', "")
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if word:
                terms.append(f'"{word}"' + ("*" if prefix else ""))
    if not terms:
        raise StoreError("empty search query")
    return " ".join(terms)


def _filters(query: ArticleQuery, *, prefix: str = "WHERE") -> tuple[str, list[Any]]:
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
        clauses.append(f"a.id IN ({','.join('?' * len(query.ids))})" if query.ids else "0")
        params.extend(query.ids)
    if not clauses:
        return "", []
    return f"{prefix} " + " AND ".join(clauses), params


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN … END;) whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()
