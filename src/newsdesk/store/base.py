"""The `Store` protocol: what every backend provides, checked by the contract tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from ..article import Article
from ..pipeline import QuarantineRecord, RunResult


@dataclass(slots=True, kw_only=True)
class UpsertResult:
    """How many articles a write added, changed, or found already stored as they are."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(slots=True, kw_only=True)
class ArticleQuery:
    """Filters shared by search, listing and export."""

    since: datetime | None = None
    until: datetime | None = None
    lang: str | None = None
    ids: list[str] | None = None
    source: str | None = None
    limit: int | None = None


@dataclass(slots=True, kw_only=True)
class SearchHit:
    """A full-text search result: the article, its rank and a highlighted snippet."""

    article: Article
    rank: float
    snippet: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Store(Protocol):
    """Persistence for articles (with spans), runs and the quarantine."""

    def upsert_articles(self, articles: Iterable[Article]) -> UpsertResult:
        """Insert or replace articles by id (one transaction); re-writing the same article is a no-op."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def article_copies(self, article_id: str) -> list[dict[str, Any]]:
        """The articles stored as a copy or a translation of `article_id` (their `duplicate_of`/`translation_of`)."""
        ...

    def fingerprints(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored content hash of each known id, to skip articles that did not change."""
        ...

    def find_by_hash(self, content_hash: str) -> str | None:
        """Id of the earliest stored article with this normalised content hash, if any."""
        ...

    def iter_articles(self, query: ArticleQuery | None = None) -> Iterator[Article]:
        """Articles matching the query, most recent first (published, else first stored)."""
        ...

    def search(self, text: str, query: ArticleQuery | None = None) -> list[SearchHit]:
        """Full-text search over title and text."""
        ...

    def add_quarantine(self, records: Iterable[QuarantineRecord], *, run_id: int | None = None) -> int:
        """Keep records that could not be read; a record seen before (same source and reason) is not duplicated."""
        ...

    def list_quarantine(self, *, limit: int = 100) -> list[QuarantineRecord]: ...

    def record_run(self, result: RunResult, *, command: str) -> int:
        """Store a run's per-step stats; return its id."""
        ...

    def list_runs(self, *, limit: int = 10) -> list[dict[str, Any]]: ...

    def counts(self) -> dict[str, Any]:
        """Totals: articles, by language, by source, quarantined, runs."""
        ...

    def close(self) -> None: ...
