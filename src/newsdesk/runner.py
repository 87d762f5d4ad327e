"""The ingest job: builds the standard pipeline for a store and runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .article import Article
from .clean.normalize import NormalizeStep
from .dedup import ExactDuplicateStep, SkipUnchangedStep
from .ingest import IngestStep
from .langid import LangIdStep
from .pipeline import Pipeline, RunResult, Step
from .store.base import Store
from .store.writer import StoreWriter


def build_pipeline(
    *,
    store: Store,
    paths: Sequence[str | Path],
    fmt: str | None = None,
    languages: Iterable[str] | None = None,
    analyse: bool = True,
) -> Pipeline:
    """read → skip unchanged → normalise → langid → exact dedup → (analysis steps) → store."""
    steps: list[Step] = [
        IngestStep(paths, fmt=fmt),
        SkipUnchangedStep(store=store),
        NormalizeStep(),
        LangIdStep(languages=languages),
        ExactDuplicateStep(store=store),
    ]
    if analyse:
        steps.extend(analysis_steps(store=store))
    steps.append(StoreWriter(store=store))
    return Pipeline(steps)


def analysis_steps(*, store: Store) -> list[Step]:
    """The annotation steps run after language identification (entities, quotes, events, stories)."""
    return []


def run_ingest(
    *,
    store: Store,
    paths: Sequence[str | Path],
    fmt: str | None = None,
    languages: Iterable[str] | None = None,
    analyse: bool = True,
    command: str = "ingest",
    on_article: Callable[[Article], None] | None = None,
) -> tuple[RunResult, int]:
    """Run the ingest pipeline; store its stats and quarantine; return the result and the run id."""
    pipeline = build_pipeline(store=store, paths=paths, fmt=fmt, languages=languages, analyse=analyse)
    result = pipeline.run(on_article=on_article)
    run_id = store.record_run(result, command=command)
    store.add_quarantine(result.quarantined, run_id=run_id)
    return result, run_id
