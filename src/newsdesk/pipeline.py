"""Pipeline: an ordered list of steps over a stream of articles.

A step is a callable taking an iterator of `Article` and a `StepStats`, yielding
articles (datatrove's `PipelineStep` is the model). Each step declares the fields
it `needs` and the ones it `adds`; `Pipeline.check()` verifies the chain before
anything runs, and `Pipeline.run()` collects per-step stats (in, out, dropped by
reason, seconds) and a quarantine of records that could not be read. A `StepGroup` (see
`newsdesk.executors`) runs consecutive steps elsewhere and fills one stats record per step.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol, runtime_checkable

from .article import Article
from .errors import PipelineError

BASE_FIELDS = ("id", "source", "text")
"""Fields every article has from the moment a reader creates it."""

RAW_LIMIT = 64 * 1024
"""At most this many bytes of a bad record are kept in the quarantine."""


@dataclass(slots=True, kw_only=True)
class QuarantineRecord:
    """A record that could not be read: where it came from, why, and its first bytes."""

    source: str
    reason: str
    step: str
    raw: bytes = b""
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


@dataclass(slots=True, kw_only=True)
class StepStats:
    """What one step did during a run."""

    name: str
    n_in: int = 0
    n_out: int = 0
    seconds: float = 0.0
    dropped: Counter = field(default_factory=Counter)
    counters: Counter = field(default_factory=Counter)
    quarantined: list[QuarantineRecord] = field(default_factory=list)

    def drop(self, reason: str, n: int = 1) -> None:
        """Count articles this step removed from the stream, by reason."""
        self.dropped[reason] += n

    def count(self, key: str, n: int = 1) -> None:
        """Count anything else worth reporting (new, updated, spans found...)."""
        self.counters[key] += n

    def quarantine(self, *, source: str, reason: str, raw: bytes | str = b"") -> None:
        """Keep a record that cannot be read, with the reason; counted as dropped."""
        data = raw.encode("utf-8", "replace") if isinstance(raw, str) else raw
        self.quarantined.append(QuarantineRecord(source=source, reason=reason, step=self.name, raw=data[:RAW_LIMIT]))
        self.drop("quarantined")

    def merge(self, other: StepStats) -> None:
        """Add what the same step did elsewhere (one shard of the run) to these stats."""
        self.n_in += other.n_in
        self.n_out += other.n_out
        self.seconds += other.seconds
        self.dropped.update(other.dropped)
        self.counters.update(other.counters)
        self.quarantined.extend(other.quarantined)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "in": self.n_in,
            "out": self.n_out,
            "seconds": round(self.seconds, 3),
            "dropped": dict(self.dropped),
            "counters": dict(self.counters),
        }


@runtime_checkable
class Step(Protocol):
    """One stage of the pipeline."""

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]: ...


@runtime_checkable
class StepGroup(Protocol):
    """Consecutive steps run together elsewhere (by an executor); `stats` holds one record per step."""

    steps: Sequence[Step]

    def run(self, articles: Iterable[Article], stats: list[StepStats]) -> Iterator[Article]: ...


@dataclass(slots=True, kw_only=True)
class RunResult:
    """The outcome of a pipeline run."""

    steps: list[StepStats]
    started: datetime
    seconds: float
    articles: list[Article] = field(default_factory=list)

    @property
    def quarantined(self) -> list[QuarantineRecord]:
        return [q for s in self.steps for q in s.quarantined]

    def to_dict(self) -> dict[str, Any]:
        return {
            "started": self.started.isoformat(),
            "seconds": round(self.seconds, 3),
            "steps": [s.to_dict() for s in self.steps],
            "quarantined": len(self.quarantined),
        }


class Pipeline:
    """Ordered steps, checked and run over a stream of articles."""

    def __init__(self, steps: Sequence[Step | StepGroup]) -> None:
        self.steps = list(steps)
        self.check()

    def check(self) -> None:
        """Raise `PipelineError` if a step needs a field that no earlier step adds."""
        available = set(BASE_FIELDS)
        for step in _flat(self.steps):
            missing = [f for f in step.needs if f not in available]
            if missing:
                raise PipelineError(f"step {step.name!r} needs {', '.join(missing)}, which no earlier step adds")
            available.update(step.adds)

    def stream(
        self, articles: Iterable[Article] = (), *, on_article: Callable[[Article], None] | None = None
    ) -> tuple[Iterator[Article], list[StepStats]]:
        """Chain the steps lazily; return the output iterator and the stats it fills."""
        stream, stats = chain(self.steps, articles)
        if on_article:
            stream = _tap(stream, on_article)
        return stream, stats

    def run(
        self,
        articles: Iterable[Article] = (),
        *,
        keep: bool = False,
        on_article: Callable[[Article], None] | None = None,
    ) -> RunResult:
        """Run every step to the end; keep the output articles in the result when `keep`."""
        started = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        stream, stats = self.stream(articles, on_article=on_article)
        kept = [a for a in stream] if keep else []
        if not keep:
            for _ in stream:
                pass
        return RunResult(steps=stats, started=started, seconds=time.perf_counter() - t0, articles=kept)


def chain(steps: Sequence[Step | StepGroup], articles: Iterable[Article]) -> tuple[Iterator[Article], list[StepStats]]:
    """Chain `steps` lazily over `articles`, unchecked; return the output iterator and one stats record per step."""
    stats: list[StepStats] = []
    stream: Iterator[Article] = iter(articles)
    for step in steps:
        if isinstance(step, StepGroup):
            parts = [StepStats(name=s.name) for s in step.steps]
            stats.extend(parts)
            stream = step.run(stream, parts)
        else:
            step_stats = StepStats(name=step.name)
            stats.append(step_stats)
            stream = _timed(step, stream, step_stats)
    return stream, stats


def _flat(steps: Sequence[Step | StepGroup]) -> list[Step]:
    return [s for step in steps for s in (step.steps if isinstance(step, StepGroup) else [step])]


class _Clock:
    """Time spent pulling from upstream, so a step's own seconds exclude it."""

    __slots__ = ("upstream",)

    def __init__(self) -> None:
        self.upstream = 0.0


def _timed(step: Step, upstream: Iterator[Article], stats: StepStats) -> Iterator[Article]:
    clock = _Clock()

    def counted() -> Iterator[Article]:
        while True:
            t0 = time.perf_counter()
            try:
                article = next(upstream)
            except StopIteration:
                clock.upstream += time.perf_counter() - t0
                return
            clock.upstream += time.perf_counter() - t0
            stats.n_in += 1
            yield article

    inner = iter(step(counted(), stats))
    while True:
        t0 = time.perf_counter()
        before = clock.upstream
        try:
            article = next(inner)
        except StopIteration:
            stats.seconds += time.perf_counter() - t0 - (clock.upstream - before)
            return
        stats.seconds += time.perf_counter() - t0 - (clock.upstream - before)
        stats.n_out += 1
        yield article


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most `size` articles, for steps that work in batches (nlp.pipe, one transaction)."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _tap(stream: Iterator[Article], fn: Callable[[Article], None]) -> Iterator[Article]:
    for article in stream:
        fn(article)
        yield article
