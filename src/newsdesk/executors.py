"""Executors: run per-article steps in this process, in a local process pool or on a Dask cluster.

Only steps that read and annotate one article at a time run elsewhere (entities, quotes); steps that
read or write the store or need every article (entity links, translations, stories, dedup, the
writer) stay in the pipeline's process. `Sharded` is a pipeline element (`StepGroup`) holding
consecutive per-article steps: it cuts the stream into shards, every backend calls `run_shard` on
each (datatrove's model), and the articles come back in input order. Each step's stats are merged
over the shards: in, out, drops, counters and quarantine are summed; `seconds` is worker time summed
over shards (comparable with a local run's seconds, not with wall time: `RunResult.seconds` is that).

What crosses processes is pickled: articles, spans, stats, and the steps themselves, sent before they
load any model. A worker process unpickles a set of steps on its first shard and keeps it, so each
model loads once per worker.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .article import Article
from .errors import ExecutorError
from .pipeline import Step, StepGroup, StepStats, batched, chain

EXECUTORS = ("local", "processes", "dask")
"""Backend names, as given to `open_executor` and `newsdesk ingest --executor`."""

SHARD_SIZE = 16
"""Articles per shard: small enough to keep two workers busy to the end of a few hundred articles."""

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a Dask scheduler (and for its first worker) before giving up."""


@dataclass(slots=True)
class ShardResult:
    """One shard's articles, annotated and in input order, and what each step did to them."""

    articles: list[Article]
    stats: list[StepStats]


def run_shard(steps: Sequence[Step], articles: list[Article]) -> ShardResult:
    """Run `steps` over one shard, here: the function every executor calls."""
    stream, stats = chain(steps, articles)
    return ShardResult(list(stream), stats)


class Executor(Protocol):
    """Runs `run_shard(steps, shard)` for every shard and yields the results in input order."""

    name: str

    def map(self, steps: Sequence[Step], shards: Iterable[list[Article]]) -> Iterator[ShardResult]: ...

    def close(self) -> None: ...


class Sharded:
    """Consecutive per-article steps that `executor` runs shard by shard (a `StepGroup` of the pipeline)."""

    def __init__(self, steps: Sequence[Step], *, executor: Executor, shard_size: int = SHARD_SIZE) -> None:
        self.steps = list(steps)
        self.executor = executor
        self.shard_size = shard_size

    def run(self, articles: Iterable[Article], stats: list[StepStats]) -> Iterator[Article]:
        for result in self.executor.map(self.steps, batched(articles, self.shard_size)):
            for total, part in zip(stats, result.stats, strict=True):
                total.merge(part)
            yield from result.articles


def shard(
    steps: Sequence[Step], *, executor: Executor | None, per_article: Collection[str]
) -> list[Step | StepGroup]:
    """`steps` with each run of consecutive steps named in `per_article` given to `executor` as one `Sharded`.

    Unchanged without an executor or with the local one: in this process the steps run in the
    pipeline itself, as they always have (no shards, no copies).
    """
    if executor is None or isinstance(executor, LocalExecutor):
        return list(steps)
    out: list[Step | StepGroup] = []
    for step in steps:
        if step.name not in per_article:
            out.append(step)
        elif out and isinstance(out[-1], Sharded):
            out[-1].steps.append(step)
        else:
            out.append(Sharded([step], executor=executor))
    return out


class LocalExecutor:
    """In this process, one shard after the other (the reference the other backends must equal)."""

    name = "local"

    def map(self, steps: Sequence[Step], shards: Iterable[list[Article]]) -> Iterator[ShardResult]:
        return (run_shard(steps, s) for s in shards)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A pool of `workers` local processes (spawned: a clean interpreter, whatever the parent holds)."""

    name = "processes"

    def __init__(self, *, workers: int | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = _workers(workers)
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))

    def map(self, steps: Sequence[Step], shards: Iterable[list[Article]]) -> Iterator[ShardResult]:
        from concurrent.futures.process import BrokenProcessPool

        packed = _Packed.of(steps)
        try:
            yield from _in_order(lambda s: self.pool.submit(_run_packed, packed, s), shards, window=2 * self.workers)
        except BrokenProcessPool as exc:
            raise ExecutorError(
                f"a worker process died while running {_names(steps)} (killed, out of memory or a crash in a "
                "native library): the run stops; run it again to process the rest (stored articles are skipped)"
            ) from exc

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskExecutor:
    """A dask.distributed cluster: the scheduler at `scheduler`, or a local cluster of `workers` processes.

    Workers run one shard at a time per process (shards of one worker process are serialised), so
    start remote workers with several processes of one thread each (`dask worker ADDRESS --nworkers 2
    --nthreads 1`); newsdesk and its models must be installed where they run.
    """

    name = "dask"

    def __init__(
        self, *, scheduler: str | None = None, workers: int | None = None, timeout: float = CONNECT_TIMEOUT
    ) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ExecutorError(
                    f"cannot reach the Dask scheduler at {scheduler!r} within {timeout:g} s ({exc}); start one "
                    "(`dask scheduler`, then `dask worker ADDRESS --nthreads 1`) or leave out --scheduler "
                    "to start a local cluster"
                ) from exc
            try:
                self.client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError) as exc:
                self.client.close()
                raise ExecutorError(f"the Dask scheduler at {scheduler!r} has no worker after {timeout:g} s") from exc
        else:
            self.cluster = LocalCluster(
                n_workers=_workers(workers), threads_per_worker=1, processes=True,
                dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},  # no dashboard, any free port
            )  # fmt: skip
            self.client = Client(self.cluster)

    def map(self, steps: Sequence[Step], shards: Iterable[list[Article]]) -> Iterator[ShardResult]:
        from distributed import KilledWorker

        packed = _Packed.of(steps)
        window = 2 * max(1, sum(self.client.nthreads().values()))
        submit = lambda s: self.client.submit(_run_packed, packed, s, pure=False)  # noqa: E731
        try:
            yield from _in_order(submit, shards, window=window)
        except KilledWorker as exc:
            raise ExecutorError(
                f"Dask workers died while running {_names(steps)} ({exc}): the run stops; run it again to "
                "process the rest (stored articles are skipped)"
            ) from exc

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_executor(kind: str = "local", *, workers: int | None = None, scheduler: str | None = None) -> Executor:
    """The executor named `kind` (one of `EXECUTORS`); close it when the run is over."""
    if scheduler and kind != "dask":
        raise ExecutorError(f"a scheduler address is for the dask executor, not {kind!r}")
    if workers is not None and workers < 1:
        raise ExecutorError(f"workers must be at least 1, not {workers}")
    if kind == "local":
        return LocalExecutor()
    if kind == "processes":
        return ProcessExecutor(workers=workers)
    if kind == "dask":
        return DaskExecutor(scheduler=scheduler, workers=workers)
    raise ExecutorError(f"unknown executor {kind!r}: choose one of {', '.join(EXECUTORS)}")


# -- worker side --------------------------------------------------------------------------------------

KEEP = 8
"""Sets of steps a worker process keeps (one per distinct configuration, the oldest forgotten first)."""

_kept: OrderedDict[str, list[Step]] = OrderedDict()
_lock = threading.Lock()
_one_thread: list[Any] = []


@dataclass(frozen=True, slots=True)
class _Packed:
    """Pickled steps and a digest of them: a worker unpickles one configuration once."""

    key: str
    payload: bytes

    @classmethod
    def of(cls, steps: Sequence[Step]) -> _Packed:
        payload = pickle.dumps(list(steps))
        return cls(hashlib.sha1(payload).hexdigest(), payload)


def _run_packed(packed: _Packed, articles: list[Article]) -> ShardResult:
    """In a worker: the kept steps of this configuration (unpickled on first use) run the shard.

    A worker is one of several processes on the machine's cores: its numerical libraries use one thread.
    """
    with _lock:  # steps and their models are not shared between threads
        if not _one_thread:
            from threadpoolctl import threadpool_limits

            _one_thread.append(threadpool_limits(limits=1))
        steps = _kept.get(packed.key)
        if steps is None:
            steps = _kept[packed.key] = pickle.loads(packed.payload)
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
        return run_shard(steps, articles)


def _in_order(submit: Callable[[list[Article]], Any], shards: Iterable[list[Article]], *, window: int) -> Iterator[Any]:
    """Submit shards, at most `window` in flight, and yield their results in input order."""
    pending: deque[Any] = deque()
    try:
        for s in shards:
            pending.append(submit(s))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _workers(workers: int | None) -> int:
    return workers or os.cpu_count() or 1


def _names(steps: Sequence[Step]) -> str:
    return " + ".join(s.name for s in steps)
