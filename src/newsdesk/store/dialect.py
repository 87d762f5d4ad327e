"""The few places where SQLite and PostgreSQL SQL differ, so every other query is written once.

Shared queries use `?` placeholders (the PostgreSQL connection rewrites them), `ON CONFLICT` upserts
(both engines), and ask the store's `dialect` for: case-insensitive LIKE, reading or setting a key in
a JSON text column, and full-text matching (FTS5 `MATCH` against PostgreSQL `tsquery`).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import StoreError

TS_CONFIG = "newsdesk_text"
"""The PostgreSQL text search configuration: 'simple' (no stemming, lower case) plus `unaccent` when available."""


def query_terms(text: str) -> list[tuple[str, str]]:
    """User search words as (kind, value): ("word", w), ("prefix", w), ("phrase", words) or ("op", OR/AND/NOT).

    Words are ANDed by the backends; "quoted phrases" stay phrases; `word*` is a prefix; stray quotes
    are dropped so that no input is a syntax error.
    """
    terms: list[tuple[str, str]] = []
    for part in re.findall(r'"[^"]+"|\S+', text):
        if part.startswith('"') and part.endswith('"') and len(part) > 1:
            terms.append(("phrase", part.strip('"').replace('"', "")))
        elif part.upper() in ("OR", "AND", "NOT"):
            terms.append(("op", part.upper()))
        else:
            word = part.replace('"', "")
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if word:
                terms.append(("prefix" if prefix else "word", word))
    if not terms:
        raise StoreError("empty search query")
    return terms


def fts5_query(terms: list[tuple[str, str]]) -> str:
    """Terms as an SQLite FTS5 query (every word and phrase quoted)."""
    out = []
    for kind, value in terms:
        if kind == "op":
            out.append(value)
        else:
            out.append(f'"{value}"' + ("*" if kind == "prefix" else ""))
    return " ".join(out)


def _lexeme(word: str) -> str:
    # `<` and `>` as spaces, as in the indexed text (`postgres_schema.words`): `<chips>` searches for chips
    word = word.replace("<", " ").replace(">", " ")
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(terms: list[tuple[str, str]]) -> str:
    """Terms as a PostgreSQL `to_tsquery` string: words ANDed, OR as `|`, NOT as `& !`, phrases as `<->`.

    Operators with nothing on one side are dropped (FTS5 would reject them).
    """
    out: list[str] = []
    op: str | None = None
    for kind, value in terms:
        if kind == "op":
            op = value
            continue
        if kind == "phrase":
            words = value.split()
            if not words:
                continue
            expr = "(" + " <-> ".join(_lexeme(w) for w in words) + ")"
        else:
            expr = _lexeme(value) + (":*" if kind == "prefix" else "")
        if out:
            out.append({"OR": "|", "NOT": "& !"}.get(op or "", "&"))
        out.append(expr)
        op = None
    return " ".join(out)


def upsert_sql(table: str, columns: list[str], key: list[str]) -> str:
    """INSERT … ON CONFLICT (key) DO UPDATE: insert or replace a row by key, valid in both engines."""
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT ({', '.join(key)}) {action}"


class SQLiteDialect:
    name = "sqlite"

    def ilike(self, column: str) -> str:
        """`column` matches the next `?` pattern, ignoring case."""
        return f"{column} LIKE ? COLLATE NOCASE"

    def json_get(self, column: str, key: str) -> str:
        """The text value of `key` in `column` (JSON text); NULL when absent."""
        return f"json_extract({column}, '$.{key}')"

    def json_set(self, column: str, key: str) -> str:
        """`column` (JSON text) with `key` set to the next `?` (text or NULL)."""
        return f"json_set({column}, '$.{key}', ?)"

    def quote_match(self, text: str | None, about: list[str]) -> tuple[str, list[Any]]:
        """Condition on quotes `q`: the quote's words match `text` and mention one of `about`."""
        match = []
        if text:
            match.append(f"text : ({fts5_query(query_terms(text))})")
        if about:
            match.append("text : (" + " OR ".join(f'"{n.replace(chr(34), "")}"' for n in about) + ")")
        return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [" AND ".join(match)]


class PostgresDialect:
    name = "postgresql"

    def ilike(self, column: str) -> str:
        return f"{column} ILIKE ?"

    def json_get(self, column: str, key: str) -> str:
        return f"({column}::jsonb ->> '{key}')"

    def json_set(self, column: str, key: str) -> str:
        return f"jsonb_set({column}::jsonb, '{{{key}}}', COALESCE(to_jsonb(?::text), 'null'::jsonb))::text"

    def quote_match(self, text: str | None, about: list[str]) -> tuple[str, list[Any]]:
        parts = []
        if text:
            parts.append(f"({tsquery(query_terms(text))})")
        if about:
            names = [tsquery([("phrase", n.replace('"', ""))]) for n in about]
            parts.append("(" + " | ".join(n for n in names if n) + ")")
        return f"q.tsv @@ to_tsquery('{TS_CONFIG}', ?)", [" & ".join(parts)]


Dialect = SQLiteDialect | PostgresDialect
