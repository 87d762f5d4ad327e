"""The default store: one SQLite file, WAL mode, FTS5 over title and text, named migrations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..article import Article
from ..errors import StoreError
from .base import ArticleQuery, SearchHit
from .dialect import SQLiteDialect, fts5_query, query_terms
from .quotes_schema import QUOTE_MIGRATIONS
from .sqlbase import SQLStore, article_filters, utc_iso
from .tables import ARTICLES, SPANS

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        ARTICLES
        + """
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
        """
        + SPANS,
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

MIGRATIONS += QUOTE_MIGRATIONS
MIGRATIONS += [
    # an article page lists the copies and translations of the article
    (
        "0003_article_links",
        """
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE INDEX articles_translation_of ON articles(translation_of);
        """,
    ),
    # an entity's page finds its mentions by the `entity_id` in the spans' JSON (`store.entities.entity_mentions`);
    # the expression must stay the dialect's `json_get("s.attrs", "entity_id")` for the index to be used, and
    # `grp` leads so that SQLite, without statistics, prefers this index to `spans_label`
    (
        "0004_spans_entity_id",
        """
        CREATE INDEX spans_entity_id ON spans(grp, json_extract(attrs, '$.entity_id')) WHERE grp = 'entities';
        """,
    ),
    # PostgreSQL only (its search columns ignore `<` and `>`); FTS5 already indexes a `<word>` as a word
    ("0005_tsv_angle_brackets", ""),
]


class SQLiteStore(SQLStore):
    """A `Store` in one SQLite file (WAL, FTS5); one writer at a time, any number of readers."""

    dialect = SQLiteDialect()

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

    def apply_migration(self, name: str, sql: str) -> bool:
        """Run the migration's statements and record it, in one write transaction (unless recorded meanwhile)."""
        with self.transaction():
            if self.is_recorded(name):
                return False
            for statement in _split_sql(sql):
                self.conn.execute(statement)
            self.record_migration(name)
        return True

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

    # -- search -------------------------------------------------------------------------------

    def search(self, text: str, query: ArticleQuery | None = None) -> list[SearchHit]:
        query = query or ArticleQuery()
        where, params = article_filters(query, prefix="AND")
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


def fts_query(text: str) -> str:
    """Turn user words into an FTS5 query: words are ANDed, "quoted phrases" kept, syntax chars neutralised."""
    return fts5_query(query_terms(text))


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


__all__ = ["MIGRATIONS", "SQLiteStore", "fts_query", "utc_iso"]
