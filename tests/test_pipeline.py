from collections.abc import Iterable, Iterator

import pytest

from newsdesk.article import Article
from newsdesk.errors import PipelineError
from newsdesk.pipeline import Pipeline, StepStats


class Source:
    name = "source"
    needs: tuple[str, ...] = ()
    adds = ("lang",)

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        yield from articles
        for i, text in enumerate(self.texts):
            if not text:
                stats.quarantine(source=f"item{i}", reason="empty", raw=b"")
                continue
            yield Article(id=str(i), source="mem", text=text, lang="en")


class NeedsEntities:
    name = "needs-entities"
    needs = ("entities",)
    adds = ("quotes",)

    def __call__(self, articles, stats):
        yield from articles


class DropShort:
    name = "drop-short"
    needs = ("lang",)
    adds: tuple[str, ...] = ()

    def __call__(self, articles, stats):
        for a in articles:
            if len(a.text) < 5:
                stats.drop("too-short")
            else:
                stats.count("kept")
                yield a


def test_chain_check_names_the_missing_field():
    with pytest.raises(PipelineError, match="needs-entities.*entities"):
        Pipeline([Source([]), NeedsEntities()])


def test_stats_count_in_out_dropped_and_quarantine():
    result = Pipeline([Source(["long enough", "tiny", "", "another one"]), DropShort()]).run(keep=True)
    source, drop = result.steps
    assert (source.n_in, source.n_out, source.dropped["quarantined"]) == (0, 3, 1)
    assert (drop.n_in, drop.n_out, drop.dropped["too-short"], drop.counters["kept"]) == (3, 2, 1, 2)
    assert [a.text for a in result.articles] == ["long enough", "another one"]
    assert [q.reason for q in result.quarantined] == ["empty"]
    assert result.to_dict()["steps"][1]["dropped"] == {"too-short": 1}
    assert all(s.seconds >= 0 for s in result.steps)


def test_step_seconds_exclude_upstream_time():
    import time

    class Slow:
        name = "slow"
        needs: tuple[str, ...] = ()
        adds: tuple[str, ...] = ()

        def __call__(self, articles, stats):
            yield from articles
            for i in range(3):
                time.sleep(0.05)
                yield Article(id=str(i), source="s", text="x")

    class Fast:
        name = "fast"
        needs: tuple[str, ...] = ()
        adds: tuple[str, ...] = ()

        def __call__(self, articles, stats):
            yield from articles

    result = Pipeline([Slow(), Fast()]).run()
    assert result.steps[0].seconds >= 0.14
    assert result.steps[1].seconds < 0.05
