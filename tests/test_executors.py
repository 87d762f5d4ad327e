"""Executors: the same spans, order and step counters from a process pool and a Dask cluster as in-process."""

from __future__ import annotations

import json
import os
import pickle
import socket
import time
from collections.abc import Iterable, Iterator

import pytest

from newsdesk.article import Article, Span
from newsdesk.errors import ExecutorError
from newsdesk.executors import (
    DaskExecutor,
    LocalExecutor,
    ProcessExecutor,
    Sharded,
    open_executor,
    run_shard,
    shard,
)
from newsdesk.pipeline import Pipeline, Step, StepGroup, StepStats, chain

FR = (
    "Le président Emmanuel Macron a reçu mardi à Paris le chancelier allemand Olaf Scholz. "
    "« Nous devons agir ensemble face à la crise », a déclaré Emmanuel Macron devant la presse. "
    "Selon Olaf Scholz, l'Union européenne doit renforcer sa défense."
)
FR2 = (
    "La ministre de la Santé, Agnès Buzyn, a annoncé que les hôpitaux de Lyon recevraient des moyens "
    "supplémentaires. « C'est une priorité absolue pour le gouvernement », a-t-elle affirmé à Marseille."
)
EN = (
    "WASHINGTON - President Joe Biden met German Chancellor Olaf Scholz at the White House on Friday. "
    '"We stand together," Biden told reporters. Scholz said that Germany would send more aid to Ukraine.'
)
EN2 = (
    "Apple chief executive Tim Cook said on Monday that the company would open a new office in London. "
    '"This is a great day for our teams in Britain," Cook said in a statement.'
)


def sample() -> list[Article]:
    """Small French and English articles, and the awkward ones: empty, blank, no language, a copy, German."""
    return [
        Article(id="fr1", source="t", text=FR, lang="fr"),
        Article(id="en1", source="t", text=EN, lang="en"),
        Article(id="empty", source="t", text="", lang="fr"),
        Article(id="fr2", source="t", text=FR2, lang="fr"),
        Article(id="nolang", source="t", text=EN2),
        Article(id="copy", source="t", text=FR, lang="fr", duplicate_of="fr1"),
        Article(id="blank", source="t", text="  \n ", lang="en"),
        Article(id="de", source="t", text="Bundeskanzler Olaf Scholz sagte in Berlin, er sei zufrieden.", lang="de"),
        Article(id="en2", source="t", text=EN2, lang="en"),
    ]


def analysis() -> list[Step]:
    from newsdesk.nlp.entities import EntityStep
    from newsdesk.nlp.quotes import QuoteStep

    return [EntityStep(), QuoteStep()]


class Picky:
    """A test step: quarantines articles saying BAD, raises on BOOM, kills its own process on CRASH."""

    name = "picky"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for article in articles:
            if "CRASH" in article.text:
                os._exit(3)
            if "BOOM" in article.text:
                raise ValueError(f"cannot handle {article.id}")
            if "BAD" in article.text:
                stats.quarantine(source=article.id, reason="bad text", raw=article.text)
                continue
            stats.count("ok")
            yield article


def run(elements: list[Step | StepGroup], articles: list[Article]) -> tuple[list[dict], list[tuple]]:
    """Articles as dicts and each step's stats without its seconds (worker time, not comparable)."""
    stream, stats = chain(elements, articles)
    out = [a.to_dict() for a in stream]
    return out, [(s.name, s.n_in, s.n_out, dict(s.dropped), dict(s.counters), len(s.quarantined)) for s in stats]


@pytest.fixture(scope="module")
def local_result() -> tuple[list[dict], list[tuple]]:
    return run(analysis(), sample())


@pytest.fixture(scope="module")
def processes():
    executor = ProcessExecutor(workers=2)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def dask_cluster():
    import dask
    import distributed  # noqa: F401  (its settings must be known before they are changed)

    # a worker that dies fails its shard at once (default: three retries on fresh workers)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        executor = DaskExecutor(workers=2)
    yield executor
    executor.close()


@pytest.fixture(params=["processes", "dask"])
def remote(request):
    return request.getfixturevalue("dask_cluster" if request.param == "dask" else request.param)


def test_records_and_steps_pickle():
    article = sample()[0]
    article.add_spans("entities", [Span(start=0, end=2, label="MISC", attrs={"source": "rule"})])
    stats = StepStats(name="entities")
    stats.count("articles")
    stats.quarantine(source="x", reason="unreadable", raw="raw")
    assert pickle.loads(pickle.dumps(article)) == article
    assert pickle.loads(pickle.dumps(stats)) == stats
    assert [s.name for s in pickle.loads(pickle.dumps(analysis()))] == ["entities", "quotes"]


@pytest.mark.slow
def test_local_executor_equals_the_plain_steps(local_result):
    assert run([Sharded(analysis(), executor=LocalExecutor(), shard_size=2)], sample()) == local_result


@pytest.mark.slow
def test_remote_results_equal_local_ones(remote, local_result):
    articles, stats = run([Sharded(analysis(), executor=remote, shard_size=2)], sample())
    assert [a["id"] for a in articles] == [a["id"] for a in local_result[0]]
    assert articles == local_result[0]  # same spans, offsets and attributes, in the same order
    assert stats == local_result[1]  # in, out, drops, counters: summed over the shards
    found = {a["id"]: a["spans"] for a in articles}
    assert found["fr1"]["quotes"] and found["en1"]["quotes"] and "entities" not in found["copy"]


def test_failures_behave_as_in_process(remote):
    articles = [Article(id=str(i), source="t", text=t) for i, t in enumerate(["fine", "BAD one", "fine too", "BAD"])]
    local = run([Picky()], [Article.from_dict(a.to_dict()) for a in articles])
    assert run([Sharded([Picky()], executor=remote, shard_size=1)], articles) == local
    assert local[1] == [("picky", 4, 2, {"quarantined": 2}, {"ok": 2}, 2)]
    boom = [*articles, Article(id="boom", source="t", text="BOOM")]
    with pytest.raises(ValueError, match="cannot handle boom"):
        run([Sharded([Picky()], executor=remote, shard_size=2)], boom)


def test_worker_crash_is_an_error_not_a_loss(remote):
    crash = [Article(id=str(i), source="t", text="CRASH" if i == 4 else "fine") for i in range(5)]
    executor = ProcessExecutor(workers=1) if isinstance(remote, ProcessExecutor) else remote
    try:
        with pytest.raises(ExecutorError, match="died"):
            run([Sharded([Picky()], executor=executor, shard_size=2)], crash)
    finally:
        if executor is not remote:
            executor.close()


def test_missing_scheduler_is_a_clear_error_quickly():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    with pytest.raises(ExecutorError, match=f"cannot reach the Dask scheduler at 'tcp://127.0.0.1:{port}'"):
        DaskExecutor(scheduler=f"tcp://127.0.0.1:{port}", timeout=1)
    assert time.perf_counter() - t0 < 10


def test_options_are_checked():
    with pytest.raises(ExecutorError, match="scheduler address is for the dask executor"):
        open_executor("processes", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ExecutorError, match="unknown executor 'threads'"):
        open_executor("threads")
    with pytest.raises(ExecutorError, match="at least 1"):
        open_executor("processes", workers=0)


def test_only_per_article_steps_are_handed_out():
    a, b, link = Picky(), Picky(), Picky()
    link.name = "entity_link"
    local = LocalExecutor()
    assert shard([a, link, b], executor=local, per_article={"picky"}) == [a, link, b]
    pool = ProcessExecutor(workers=1)  # never started: no shard is submitted
    try:
        grouped = shard([a, b, link, a], executor=pool, per_article={"picky"})
        assert [type(e).__name__ for e in grouped] == ["Sharded", "Picky", "Sharded"]
        assert grouped[0].steps == [a, b]
        assert [s.name for s in Pipeline(grouped).stream([])[1]] == ["picky", "picky", "entity_link", "picky"]
    finally:
        pool.close()


def test_ingest_hands_entities_quotes_and_events_to_the_executor(sqlite_store):
    from newsdesk.runner import build_pipeline

    pool = ProcessExecutor(workers=1)  # never started: the pipeline is only built
    try:
        pipeline = build_pipeline(store=sqlite_store, executor=pool)
        shown = [[s.name for s in e.steps] if isinstance(e, Sharded) else e.name for e in pipeline.steps[-6:]]
        # the quotes read the entity ids that the links (in this process, with the registry) give; the events
        # run in the same shard as the quotes, so they reuse its parses
        assert shown == [["entities"], "entity_link", ["quotes", "events"], "translations", "stories", "store"]
    finally:
        pool.close()


def test_cli_options(tmp_path):
    from click.testing import CliRunner

    from newsdesk.cli import main

    help_text = CliRunner().invoke(main, ["ingest", "--help"]).output
    assert "--executor [local|processes|dask]" in help_text and "--workers" in help_text and "--scheduler" in help_text
    wrong = CliRunner().invoke(
        main, ["--db", str(tmp_path / "x.db"), "ingest", "-", "--executor", "processes", "--scheduler", "tcp://h:1"]
    )
    assert wrong.exit_code == 2 and "--scheduler is for --executor dask" in wrong.output
    watch_help = CliRunner().invoke(main, ["watch", "--help"]).output
    assert "--executor [local|processes|dask]" in watch_help and "--workers" in watch_help
    wrong = CliRunner().invoke(
        main, ["--db", str(tmp_path / "x.db"), "watch", "https://example.org/feed", "--once", "--executor", "local",
               "--scheduler", "tcp://h:1"],
    )  # fmt: skip
    assert wrong.exit_code == 2 and "--scheduler is for --executor dask" in wrong.output


class CountingExecutor:
    """Runs shards in this process, as a remote executor would be handed them, counting them; records `close`."""

    name = "counting"

    def __init__(self) -> None:
        self.shards, self.closed = 0, False

    def map(self, steps, shards):
        for part in shards:
            self.shards += 1
            yield run_shard(steps, part)

    def close(self) -> None:
        self.closed = True


@pytest.mark.slow
def test_an_open_executor_serves_several_runs_and_stays_open(sqlite_store, tmp_path):
    from newsdesk.runner import run_ingest

    pool = CountingExecutor()
    texts = [
        "Le ministre Jean Dupont a déclaré lundi que « rien n'est décidé » pour la réforme des retraites.",
        "La maire de Lyon, Claire Martin, a annoncé mardi que le nouveau pont ouvrira au printemps prochain.",
    ]
    for i, text in enumerate(texts):
        path = tmp_path / f"in{i}.jsonl"
        path.write_text(json.dumps({"id": f"a{i}", "text": text, "lang": "fr"}) + "\n", encoding="utf-8")
        result, _ = run_ingest(store=sqlite_store, paths=[path], executor=pool)
        assert not result.quarantined
    assert pool.shards >= 4 and not pool.closed  # entities and quotes, in each of the two runs
    stored = [sqlite_store.get_article(f"a{i}") for i in range(2)]
    assert all(a is not None and a.spans.get("quotes") for a in stored)
