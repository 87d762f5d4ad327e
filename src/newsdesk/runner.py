"""The ingest job: builds the standard pipeline for a store and runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import closing, suppress
from datetime import timedelta
from pathlib import Path

from .article import Article
from .clean.normalize import NormalizeStep
from .clean.page import PageStructureStep
from .dedup import ExactDuplicateStep, NearDuplicateStep, SkipUnchangedStep
from .errors import StoreError
from .executors import Executor, open_executor, shard
from .ingest import IngestStep
from .langid import LangIdStep
from .pipeline import Pipeline, RunResult, Step, StepGroup
from .store.base import ArticleQuery, Store
from .store.signatures import SQLSignatureBackend
from .store.writer import StoreWriter

PER_ARTICLE_STEPS = frozenset({"entities", "quotes", "events"})
"""Analysis steps that read and annotate one article at a time, so an executor may run them elsewhere.
The entity links sit between them (the quotes read the entity ids), so each runs as its own group then."""


def build_pipeline(
    *,
    store: Store,
    paths: Sequence[str | Path] = (),
    fmt: str | None = None,
    languages: Iterable[str] | None = None,
    analyse: bool = True,
    source: Step | None = None,
    executor: Executor | None = None,
) -> Pipeline:
    """read → skip unchanged → normalise → page structure → langid → exact/near dedup → (analysis) → store.

    `source` replaces the file reader as the first step (`newsdesk watch` passes its feed watcher);
    `executor` runs the per-article analysis steps (`PER_ARTICLE_STEPS`); without one they run here.
    """
    steps: list[Step | StepGroup] = [
        source if source is not None else IngestStep(paths, fmt=fmt),
        SkipUnchangedStep(store=store),
        NormalizeStep(),
        PageStructureStep(),
        LangIdStep(languages=languages),
        ExactDuplicateStep(store=store),
    ]
    steps.append(near_duplicate_step(store=store))
    if analyse:
        steps.extend(analysis_steps(store=store, executor=executor))
    steps.append(StoreWriter(store=store))
    return Pipeline(steps)


def near_duplicate_step(*, store: Store) -> NearDuplicateStep:
    """Near-duplicate linking whose index persists in the store (SQLite), else lives for one run."""
    try:
        return NearDuplicateStep(signatures=SQLSignatureBackend(store))
    except StoreError:
        return NearDuplicateStep()


def analysis_steps(*, store: Store, executor: Executor | None = None) -> list[Step | StepGroup]:
    """The annotation steps run after deduplication: entities, their registry links, quotes, events, stories.

    With an `executor`, the per-article steps (`PER_ARTICLE_STEPS`) are handed to it.
    """
    from .nlp.entities import EntityStep
    from .nlp.events import EventStep
    from .nlp.link import EntityLinkStep
    from .nlp.places import country_code
    from .nlp.quotes import QuoteStep
    from .store.entities import open_registry
    from .stories.step import StoryStep
    from .translations import TranslationStep

    steps: list[Step] = [EntityStep()]
    # The entity registry needs the SQLite store; elsewhere spans keep entity_id None.
    with suppress(StoreError):
        steps.append(EntityLinkStep(registry=open_registry(store), country_of=country_code))
    steps.append(QuoteStep())
    steps.append(EventStep())  # reuses the parses QuoteStep made (nlp.parses)
    steps.append(TranslationStep(warm_from=lambda: recent_articles(store)))
    with suppress(StoreError):
        steps.append(StoryStep(store=store))
    return shard(steps, executor=executor, per_article=PER_ARTICLE_STEPS)


def recent_articles(store: Store, *, window: timedelta = timedelta(days=3), limit: int = 1000) -> list[Article]:
    """Stored articles from the last `window` before the newest one: candidates for cross-run links."""
    newest = next(iter(store.iter_articles(ArticleQuery(limit=1))), None)
    if newest is None or newest.published is None:
        return []
    return list(store.iter_articles(ArticleQuery(since=newest.published - window, limit=limit)))


def run_ingest(
    *,
    store: Store,
    paths: Sequence[str | Path] = (),
    fmt: str | None = None,
    languages: Iterable[str] | None = None,
    analyse: bool = True,
    command: str = "ingest",
    on_article: Callable[[Article], None] | None = None,
    source: Step | None = None,
    executor: str | Executor = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> tuple[RunResult, int]:
    """Run the ingest pipeline; store its stats and quarantine; return the result and the run id.

    `executor` ("local", "processes" or "dask") runs the per-article analysis steps, with `workers`
    processes (default: one per core) or on the Dask `scheduler` at that address (default: a local cluster),
    opened for this run and closed after it. An open `Executor` is used as it is and left open, so that
    repeated runs (`newsdesk watch`) keep their workers and the models loaded in them.
    """
    if not isinstance(executor, str):
        return _run(store, build_pipeline(store=store, paths=paths, fmt=fmt, languages=languages, analyse=analyse,
                                          source=source, executor=executor), command, on_article)  # fmt: skip
    kind = executor if analyse else "local"  # nothing to hand out without the analysis steps
    with closing(open_executor(kind, workers=workers, scheduler=scheduler)) as backend:
        pipeline = build_pipeline(
            store=store, paths=paths, fmt=fmt, languages=languages, analyse=analyse, source=source, executor=backend
        )
        return _run(store, pipeline, command, on_article)


def _run(
    store: Store, pipeline: Pipeline, command: str, on_article: Callable[[Article], None] | None
) -> tuple[RunResult, int]:
    result = pipeline.run(on_article=on_article)
    run_id = store.record_run(result, command=command)
    store.add_quarantine(result.quarantined, run_id=run_id)
    return result, run_id
