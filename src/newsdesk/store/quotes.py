"""Quotes in the store (SQLite or PostgreSQL): a `quotes` table with full-text search, kept in step with the spans.

The table is filled by triggers on `spans` (group "quotes"), so storing an article stores its quotes
and re-storing it replaces them; the migration also copies quotes already stored. Full-text matching
is FTS5 in SQLite and a `tsvector` column in PostgreSQL (see `dialect.py`). Queries: by speaker
(`by`), about a person or thing named in the quote (`about`), by story, and free text over the quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from .quotes_schema import QUOTE_MIGRATIONS
from .sqlbase import SQLStore, sql_store


@dataclass(slots=True, kw_only=True)
class QuoteHit:
    """One stored quote with its article."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str | None
    verb: str | None
    speaker: str | None
    speaker_name: str | None
    speaker_id: str | None
    speaker_role: str | None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def ensure_quotes_schema(store: Any) -> None:
    """Apply the quotes migration to a store (a no-op once applied)."""
    sql_store(store, "quote search", QUOTE_MIGRATIONS)


def search_quotes(
    store: SQLStore,
    *,
    text: str | None = None,
    by: str | None = None,
    about: str | None = None,
    story: str | None = None,
    lang: str | None = None,
    kind: str | None = None,
    limit: int = 50,
) -> list[QuoteHit]:
    """Quotes matching every given filter, newest articles first.

    `by`: speaker full name, name as written, or entity id (case-insensitive, part of a name matches);
    `about`: a name mentioned in the quote (full name or its last word); `text`: FTS words over quotes.
    """
    ensure_quotes_schema(store)
    clauses: list[str] = []
    params: list[Any] = []
    dialect = store.dialect
    if by:
        clauses.append(f"({dialect.ilike('q.speaker_name')} OR {dialect.ilike('q.speaker')} OR q.speaker_id = ?)")
        params += [f"%{by}%", f"%{by}%", by]
    if text or about:
        names = sorted({about, *about.split()[-1:]}) if about else []  # the full name and its last word
        clause, match_params = dialect.quote_match(text, names)
        clauses.append(clause)
        params += match_params
    if story:
        clauses.append("a.story_id = ?")
        params.append(story)
    if lang:
        clauses.append("a.lang = ?")
        params.append(lang)
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT q.*, a.title, a.published, a.lang, a.story_id FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"{where} ORDER BY COALESCE(a.published, a.first_stored) DESC, q.article_id, q.start LIMIT ?"
    )
    try:
        rows = store.conn.execute(sql, (*params, limit)).fetchall()
    except Exception as exc:  # a malformed FTS query (sqlite3.OperationalError, psycopg.Error)
        raise StoreError(f"cannot search quotes: {exc}") from exc
    return [
        QuoteHit(
            article_id=r["article_id"],
            start=r["start"],
            end=r["end"],
            text=r["text"],
            kind=r["kind"],
            verb=r["verb"],
            speaker=r["speaker"],
            speaker_name=r["speaker_name"],
            speaker_id=r["speaker_id"],
            speaker_role=r["speaker_role"],
            title=r["title"],
            published=r["published"],
            lang=r["lang"],
            story_id=r["story_id"],
        )  # fmt: skip
        for r in rows
    ]


__all__ = ["QUOTE_MIGRATIONS", "QuoteHit", "ensure_quotes_schema", "search_quotes"]
