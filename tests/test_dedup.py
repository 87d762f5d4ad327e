"""Near-duplicate detection: syndicated copies are linked to their original, other articles are not."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from newsdesk.article import Article
from newsdesk.dedup import MinHashIndex, NearDuplicateStep, shingles, signature
from newsdesk.errors import DedupError
from newsdesk.pipeline import Pipeline, StepStats

DATA = json.loads((Path(__file__).parent / "data" / "handmade_articles.json").read_text(encoding="utf-8"))
T0 = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)

BOILER_HEAD = "By Staff Reporter | Updated 14/03/2026\nShare on Facebook | Share on X | Email\n\n"
BOILER_FOOT = (
    "\n\nCopyright 2026 Daily Ledger. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.\nSign up for our morning newsletter and never miss a story."
)


def art(key: str, *, id: str | None = None, text: str | None = None, hours: float | None = 0) -> Article:
    rec = DATA[key]
    published = None if hours is None else T0 + timedelta(hours=hours)
    return Article(id=id or key, source="test", text=text if text is not None else rec["text"],
                   lang=rec["lang"], title=rec["title"], published=published)


def original_text() -> str:
    return DATA["port_strike_en"]["text"]


def with_boilerplate() -> str:
    return BOILER_HEAD + original_text() + BOILER_FOOT


def truncated() -> str:
    text = original_text()
    cut = text.rfind(" ", 0, int(len(text) * 0.55))
    return text[:cut] + " … Read the full story on our website."


def edited() -> str:
    text = original_text().replace("About 4,200", "Some 4,200").replace(" said ", " stated ", 1)
    text = text.replace("Dock workers in Rotterdam walk out over automation plans", "UPDATE: Rotterdam dockers strike")
    return text.replace(" Economists at ING estimated that each day of the strike costs the Dutch economy around "
                        "25 million euros.", "")


def run(step: NearDuplicateStep, articles: list[Article]) -> tuple[dict[str, str | None], StepStats]:
    stats = StepStats(name=step.name)
    out = list(step(articles, stats))
    assert [a.id for a in out] == [a.id for a in articles], "every article is kept, in input order"
    return {a.id: a.duplicate_of for a in out}, stats


def syndication_batch() -> list[Article]:
    return [
        art("port_strike_followup", hours=50),
        art("port_strike_en", id="copy-boilerplate", text=with_boilerplate(), hours=3),
        art("library_reopens", hours=1),
        art("port_strike_en", id="copy-truncated", text=truncated(), hours=5),
        art("port_strike_en", id="wire", hours=0),
        art("port_strike_en", id="copy-edited", text=edited(), hours=26),
    ]


def test_copies_with_boilerplate_truncation_and_edits_link_to_the_original():
    links, stats = run(NearDuplicateStep(), syndication_batch())
    assert links["copy-boilerplate"] == "wire"
    assert links["copy-truncated"] == "wire"
    assert links["copy-edited"] == "wire"
    assert links["wire"] is None
    assert stats.counters["near_duplicates"] == 3


def test_same_story_different_article_and_unrelated_article_are_not_linked():
    links, _ = run(NearDuplicateStep(), syndication_batch())
    assert links["port_strike_followup"] is None
    assert links["library_reopens"] is None
    # and nothing was linked to them
    assert "port_strike_followup" not in links.values() and "library_reopens" not in links.values()


def test_earliest_published_copy_is_the_original_even_when_it_arrives_last():
    arts = [art("port_strike_en", id="late-full", hours=30),
            art("port_strike_en", id="early-boilerplate", text=with_boilerplate(), hours=1)]
    links, _ = run(NearDuplicateStep(), arts)
    assert links == {"late-full": "early-boilerplate", "early-boilerplate": None}


def test_among_simultaneous_copies_the_most_complete_is_the_original():
    arts = [art("port_strike_en", id="a-truncated", text=truncated(), hours=0.1),
            art("port_strike_en", id="z-full", hours=0.5)]
    links, _ = run(NearDuplicateStep(), arts)
    assert links == {"a-truncated": "z-full", "z-full": None}


def test_undated_copy_never_wins_over_a_dated_one():
    arts = [art("port_strike_en", id="undated-full", hours=None),
            art("port_strike_en", id="dated-truncated", text=truncated(), hours=4)]
    links, _ = run(NearDuplicateStep(), arts)
    assert links["undated-full"] == "dated-truncated"


def test_rerun_over_same_articles_adds_no_links_and_keeps_roles():
    step = NearDuplicateStep()
    first, _ = run(step, syndication_batch())
    size = len(step.index)
    again, stats = run(step, syndication_batch())
    assert again == first
    assert len(step.index) == size
    assert stats.counters["already_indexed"] == len(first)
    assert stats.counters["near_duplicates"] == 0


def test_results_are_deterministic_across_fresh_runs_and_arrival_orders():
    first, _ = run(NearDuplicateStep(), syndication_batch())
    second, _ = run(NearDuplicateStep(), list(reversed(syndication_batch())))
    assert first == second
    sh = shingles(original_text())
    assert np.array_equal(signature(sh), signature(set(sorted(sh))))


def test_index_persists_across_runs(tmp_path):
    step = NearDuplicateStep()
    run(step, [art("port_strike_en", id="wire", hours=0), art("library_reopens", hours=1)])
    path = tmp_path / "minhash.npz"
    step.index.save(path)

    reloaded = MinHashIndex.load(path)
    assert len(reloaded) == 2 and reloaded.canonical("wire") == "wire"
    later = NearDuplicateStep(index=reloaded)
    links, _ = run(later, [art("port_strike_en", id="copy-truncated", text=truncated(), hours=6)])
    assert links == {"copy-truncated": "wire"}

    rebuilt = MinHashIndex.from_rows(later.index.rows())
    assert rebuilt.copies_of("wire") == ["copy-truncated"]
    assert later.index.take_new() == ["copy-truncated"]


def test_stored_original_keeps_its_role_when_an_earlier_copy_arrives_later():
    step = NearDuplicateStep()
    run(step, [art("port_strike_en", id="stored", hours=10)])
    links, _ = run(step, [art("port_strike_en", id="backfilled-earlier", text=with_boilerplate(), hours=0)])
    assert links == {"backfilled-earlier": "stored"}


def test_exact_copy_found_upstream_points_at_the_group_original():
    step = NearDuplicateStep()
    run(step, [art("port_strike_en", id="wire", hours=0),
               art("port_strike_en", id="copy-boilerplate", text=with_boilerplate(), hours=2)])
    exact = art("port_strike_en", id="exact", text=with_boilerplate(), hours=3)
    exact.duplicate_of = "copy-boilerplate"
    links, stats = run(step, [exact])
    assert links == {"exact": "wire"}
    assert stats.counters["exact_copies"] == 1


def test_step_runs_in_a_pipeline_and_counts():
    result = Pipeline([NearDuplicateStep()]).run(syndication_batch(), keep=True)
    step_stats = result.steps[0]
    assert step_stats.n_in == step_stats.n_out == 6
    assert step_stats.counters["originals"] == 3
    copies = [a for a in result.articles if a.is_copy]
    assert {a.id for a in copies} == {"copy-boilerplate", "copy-truncated", "copy-edited"}
    assert all(0.5 <= a.meta["near_duplicate"]["containment"] <= 1.0 for a in copies)


def test_empty_text_is_kept_and_not_linked():
    links, _ = run(NearDuplicateStep(), [art("library_reopens", id="empty", text=""), art("library_reopens")])
    assert links == {"empty": None, "library_reopens": None}


def test_corrupt_index_file_raises_a_clear_error(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not an index")
    with pytest.raises(DedupError, match="cannot read near-duplicate index"):
        MinHashIndex.load(bad)


def test_adding_an_article_twice_is_refused():
    index = MinHashIndex()
    sig = signature(shingles(original_text()))
    index.add("a", sig, 10)
    with pytest.raises(DedupError):
        index.add("a", sig, 10)


def test_signatures_persist_in_the_store(any_store):
    from newsdesk.store.signatures import SQLSignatureBackend

    sqlite_store = any_store  # SQLite, then PostgreSQL
    backend = SQLSignatureBackend(sqlite_store)
    assert "0200_minhash_signatures" in sqlite_store.applied_migrations()
    first = NearDuplicateStep(signatures=backend)
    run(first, [art("port_strike_en", id="wire", hours=0), art("library_reopens", hours=1)])
    assert [row[0] for row in backend.load_signatures()] == ["library_reopens", "wire"]

    later = NearDuplicateStep(signatures=SQLSignatureBackend(sqlite_store))  # a new run: rebuilt from the store
    assert len(later.index) == 2
    links, _ = run(later, [art("port_strike_en", id="copy-boilerplate", text=with_boilerplate(), hours=4)])
    assert links == {"copy-boilerplate": "wire"}
    assert dict((r[0], r[3]) for r in backend.load_signatures())["copy-boilerplate"] == "wire"


def test_ingest_links_copies_across_runs(sqlite_store, tmp_path):
    from newsdesk.runner import run_ingest

    def write(name: str, records: list[dict]) -> Path:
        path = tmp_path / name
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        return path

    first = write("wire.jsonl", [{"id": "wire", "lang": "en", "title": DATA["port_strike_en"]["title"],
                                  "text": original_text(), "published": "2026-03-14T09:00:00+00:00"}])
    second = write("copies.jsonl", [{"id": "copy", "lang": "en", "title": "Rotterdam dockers strike",
                                     "text": with_boilerplate(), "published": "2026-03-14T15:00:00+00:00"}])
    run_ingest(store=sqlite_store, paths=[first], analyse=False)
    result, _ = run_ingest(store=sqlite_store, paths=[second], analyse=False)
    assert sqlite_store.get_article("copy").duplicate_of == "wire"
    assert sqlite_store.get_article("wire").duplicate_of is None
    assert {s.name: s.counters["near_duplicates"] for s in result.steps}["near-dedup"] == 1


def test_an_indexed_article_whose_text_changed_is_matched_again():
    step = NearDuplicateStep()
    run(step, [art("port_strike_en", id="wire", hours=0), art("library_reopens", id="page", hours=1)])
    # the page now carries the wire story (an updated URL reusing an id)
    links, stats = run(step, [art("port_strike_en", id="page", text=with_boilerplate(), hours=2)])
    assert links == {"page": "wire"}
    assert stats.counters["changed"] == 1


def test_same_topic_wikinews_articles_are_never_linked(shared_data):
    """The SemEval-2015 timeline topic sets: 120 different articles on four topics (Apple, Airbus/Boeing...)."""
    path = shared_data / "corpora" / "wikinews-en-timelines.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    arts = [Article(id=r["id"], source="wikinews", text=r["text"], lang="en",
                    published=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC)) for r in records]
    links, stats = run(NearDuplicateStep(), arts)
    assert len(links) == 120
    assert [k for k, v in links.items() if v] == []
    assert stats.counters["originals"] == 120


def test_overlap_estimates_track_exact_containment():
    from newsdesk.dedup import estimate_overlap

    full = shingles(original_text())
    part = shingles(truncated())
    exact = len(full & part) / min(len(full), len(part))
    shared, cont = estimate_overlap(signature(part), len(part), signature(full), len(full))
    assert exact > 0.9
    assert cont == pytest.approx(exact, abs=0.1)
    assert shared == pytest.approx(len(full & part), rel=0.15)
    assert estimate_overlap(signature(part), 0, signature(full), len(full)) == (0.0, 0.0)


def test_shingles_of_short_and_punctuated_text():
    assert shingles("Hello, WORLD!") == {"hello world"}
    assert shingles("") == set()
    assert shingles("a b c d e", size=4) == {"a b c d", "b c d e"}


def test_copies_published_more_than_a_week_apart_are_not_linked(tmp_path):
    step = NearDuplicateStep()
    links, _ = run(step, [art("port_strike_en", id="wire", hours=0),
                          art("port_strike_en", id="month-later", text=with_boilerplate(), hours=24 * 30),
                          art("port_strike_en", id="undated", text=truncated(), hours=None)])
    assert links["wire"] is None and links["month-later"] is None
    assert links["undated"] in {"wire", "month-later"}  # an undated copy matches across any time
    # the publication time is kept with the index
    path = tmp_path / "index.npz"
    step.index.save(path)
    reloaded = NearDuplicateStep(index=MinHashIndex.load(path))
    links, _ = run(reloaded, [art("port_strike_en", id="next-day", text=edited(), hours=24)])
    assert links == {"next-day": "wire"}


STAGE = (
    "Tour de France: stage results\n\nRelated: Tour de France: Dumoulin wins the time trial of stage 13 | "
    "Tour de France: De Gendt wins stage 12, Froome keeps the yellow jersey | Tour de France: Sagan wins "
    "stage 11\n\nAfter {km} kilometres between {start} and {end}, the riders of the Tour reached the end of "
    "this flat stage. The winner of the stage is {w1}, followed by {w2} and {w3}. In the general "
    "classification, {g1} is first, followed by {g2} and {g3}. {p} leads the points classification, "
    "{m} wins the mountains jersey of the best climber. The next stage will be a hilly stage of {km2} "
    "kilometres between {end} and {next}."
)
STAGE_1 = dict(km="188", start="Mont-Saint-Michel", end="Utah Beach", w1="Mark Cavendish", w2="Marcel Kittel",
               w3="Peter Sagan", g1="Mark Cavendish", g2="Marcel Kittel", g3="Peter Sagan", p="Mark Cavendish",
               m="Paul Voss", km2="183", next="Cherbourg")
STAGE_2 = dict(km="183", start="Saint-Lo", end="Cherbourg", w1="Peter Sagan", w2="Julian Alaphilippe",
               w3="Alejandro Valverde", g1="Peter Sagan", g2="Julian Alaphilippe", g3="Alejandro Valverde",
               p="Peter Sagan", m="Jasper Stuyven", km2="223", next="Angers")


def test_a_templated_series_is_not_linked_but_a_copy_of_one_instalment_is():
    from newsdesk.dedup import fact_conflicts, fact_slots

    first, second = STAGE.format(**STAGE_1), STAGE.format(**STAGE_2)
    conflicts, common = fact_conflicts(fact_slots(first), fact_slots(second))
    assert conflicts >= 5 and conflicts / common > 0.3  # riders and places refill the same slots
    assert fact_conflicts(fact_slots(first), fact_slots(BOILER_HEAD + first + BOILER_FOOT))[0] == 0
    articles = [
        Article(id="stage-1", source="t", text=first, lang="en", published=T0),
        Article(id="stage-2", source="t", text=second, lang="en", published=T0 + timedelta(days=1)),
        Article(id="stage-1-copy", source="t", text=BOILER_HEAD + first + BOILER_FOOT, lang="en",
                published=T0 + timedelta(hours=3)),
    ]
    links, stats = run(NearDuplicateStep(), articles)
    assert links == {"stage-1": None, "stage-2": None, "stage-1-copy": "stage-1"}
    # the wording alone would link them: the fact-slot check is what keeps the stages apart
    unchecked, _ = run(NearDuplicateStep(min_conflicts=None), articles)
    assert unchecked["stage-2"] == "stage-1"


def test_fact_slots_persist_in_files_and_the_sqlite_store(sqlite_store, tmp_path):
    from newsdesk.store.signatures import SQLSignatureBackend

    backend = SQLSignatureBackend(sqlite_store)
    assert "0201_minhash_fact_slots" in sqlite_store.applied_migrations()
    first = Article(id="stage-1", source="t", text=STAGE.format(**STAGE_1), lang="en", published=T0)
    step = NearDuplicateStep(signatures=backend)
    run(step, [first])
    path = tmp_path / "index.npz"
    step.index.save(path)
    stored = {row[0]: row for row in backend.load_signatures()}["stage-1"]
    assert stored[5] is not None and len(stored[5]) == 8 * len(step.index.entry("stage-1").facts)
    second = Article(id="stage-2", source="t", text=STAGE.format(**STAGE_2), lang="en",
                     published=T0 + timedelta(days=1))
    for index in (MinHashIndex.load(path), None):  # from the file, then rebuilt from the store
        later = NearDuplicateStep(index=index, signatures=None if index else SQLSignatureBackend(sqlite_store))
        assert np.array_equal(later.index.entry("stage-1").facts, step.index.entry("stage-1").facts)
        links, _ = run(later, [second])
        assert links == {"stage-2": None}
