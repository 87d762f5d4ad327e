"""Duplicate handling: skip what is already stored, and link exact copies to their original."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .article import Article, content_hash
from .pipeline import StepStats
from .store.base import Store

BATCH = 256


class SkipUnchangedStep:
    """Fingerprint each article as read, and drop those already stored with the same content.

    This is what makes a re-run cheap and idempotent: an unchanged input is counted as
    "unchanged" and never re-processed; a changed one goes through and replaces the old copy.
    """

    name = "skip-unchanged"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("content_hash",)

    def __init__(self, *, store: Store) -> None:
        self.store = store

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        batch: list[Article] = []
        for article in articles:
            article.content_hash = article.content_hash or content_hash(article.text)
            batch.append(article)
            if len(batch) >= BATCH:
                yield from self._filter(batch, stats)
                batch = []
        yield from self._filter(batch, stats)

    def _filter(self, batch: list[Article], stats: StepStats) -> Iterator[Article]:
        known = self.store.fingerprints(a.id for a in batch)
        for article in batch:
            if known.get(article.id) == article.content_hash:
                stats.drop("unchanged")
            else:
                yield article


class ExactDuplicateStep:
    """Link an article whose normalised content equals an earlier one's (`duplicate_of`).

    Copies are kept, not dropped, so a story can say how many copies it has; later heavy
    steps skip them. An article repeated under the same id within one run is dropped.
    """

    name = "exact-dedup"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("content_hash", "duplicate_of")

    def __init__(self, *, store: Store | None = None) -> None:
        self.store = store

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        first_by_hash: dict[str, str] = {}
        seen_ids: set[str] = set()
        for article in articles:
            if article.id in seen_ids:
                stats.drop("repeated-id")
                continue
            seen_ids.add(article.id)
            digest = article.content_hash = article.content_hash or content_hash(article.text)
            original = first_by_hash.get(digest)
            if original is None and self.store is not None:
                stored = self.store.find_by_hash(digest)
                original = stored if stored != article.id else None
            if original is not None and original != article.id:
                article.duplicate_of = original
                stats.count("exact-duplicate")
            else:
                first_by_hash.setdefault(digest, article.id)
            yield article
