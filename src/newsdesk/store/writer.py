"""The step that writes articles to a store, in batches, counting new/updated/unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..pipeline import StepStats, batched
from .base import Store


class StoreWriter:
    """Upsert every article into the store (one transaction per batch) and pass it on."""

    name = "store"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __init__(self, *, store: Store, batch_size: int = 200) -> None:
        self.store = store
        self.batch_size = batch_size

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for batch in batched(articles, self.batch_size):
            yield from self._flush(batch, stats)

    def _flush(self, batch: list[Article], stats: StepStats) -> Iterator[Article]:
        if not batch:
            return
        result = self.store.upsert_articles(batch)
        stats.count("new", result.new)
        stats.count("updated", result.updated)
        stats.count("unchanged", result.unchanged)
        yield from batch
