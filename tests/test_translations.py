"""Translation links: a translation points at its original, independent same-story articles do not."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.embeddings import DocumentEncoder, load_encoder
from newsdesk.pipeline import StepStats
from newsdesk.translations import TranslationStep

DATA = json.loads((Path(__file__).parent / "data" / "handmade_articles.json").read_text(encoding="utf-8"))
T0 = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def encoder() -> DocumentEncoder:
    return DocumentEncoder(encoder=load_encoder())


def art(key: str, *, hours: float | None = 0, id: str | None = None) -> Article:
    rec = DATA[key]
    published = None if hours is None else T0 + timedelta(hours=hours)
    return Article(id=id or key, source="test", text=rec["text"], lang=rec["lang"], title=rec["title"],
                   published=published)


def run(step: TranslationStep, articles: list[Article]) -> tuple[dict[str, str | None], StepStats]:
    stats = StepStats(name=step.name)
    out = list(step(articles, stats))
    assert [a.id for a in out] == [a.id for a in articles]
    return {a.id: a.translation_of for a in out}, stats


def test_french_translation_links_to_english_original_whatever_the_arrival_order(encoder):
    links, stats = run(TranslationStep(encoder=encoder),
                       [art("port_strike_fr", hours=3), art("port_strike_followup", hours=50),
                        art("library_reopens", hours=1), art("port_strike_en", hours=0)])
    assert links == {"port_strike_fr": "port_strike_en", "port_strike_followup": None,
                     "library_reopens": None, "port_strike_en": None}
    assert stats.counters["translations"] == 1


def test_simultaneous_translations_prefer_the_english_wire_as_original(encoder):
    links, _ = run(TranslationStep(encoder=encoder),
                   [art("central_bank_de"), art("central_bank_fr"), art("central_bank_en")])
    assert links == {"central_bank_de": "central_bank_en", "central_bank_fr": "central_bank_en",
                     "central_bank_en": None}


def test_independent_article_on_the_same_story_is_not_a_translation(encoder):
    links, _ = run(TranslationStep(encoder=encoder),
                   [art("central_bank_en"), art("central_bank_other_fr", hours=2)])
    assert links["central_bank_other_fr"] is None


def test_articles_far_apart_in_time_are_not_linked(encoder):
    links, _ = run(TranslationStep(encoder=encoder, window=timedelta(days=3)),
                   [art("wildfire_en", hours=0), art("wildfire_fr", hours=24 * 10)])
    assert links["wildfire_fr"] is None


def test_rerun_adds_no_links_and_keeps_existing_ones(encoder):
    step = TranslationStep(encoder=encoder)
    batch = [art("wildfire_en"), art("wildfire_fr", hours=2), art("library_reopens_fr", hours=1)]
    first, _ = run(step, batch)
    again, stats = run(step, [art("wildfire_en"), art("wildfire_fr", hours=2), art("library_reopens_fr", hours=1)])
    assert first == again == {"wildfire_en": None, "wildfire_fr": "wildfire_en", "library_reopens_fr": None}
    assert stats.counters["already_indexed"] == 3 and stats.counters["translations"] == 0


def test_copies_are_not_embedded_but_kept(encoder):
    copy = art("wildfire_fr", id="copy", hours=3)
    copy.duplicate_of = "wildfire_fr"
    links, stats = run(TranslationStep(encoder=encoder), [art("wildfire_en"), copy])
    assert links["copy"] is None and stats.counters["skipped_copies"] == 1


def test_translation_score_is_recorded(encoder):
    step = TranslationStep(encoder=encoder)
    out = list(step([art("library_reopens"), art("library_reopens_fr", hours=1)], StepStats(name="t")))
    assert out[1].meta["translation"]["of"] == "library_reopens"
    assert step.threshold <= out[1].meta["translation"]["score"] <= 1.0


def test_warmed_index_links_a_new_translation_to_an_article_from_an_earlier_run(encoder):
    step = TranslationStep(encoder=encoder)
    assert step.warm([art("port_strike_en"), art("library_reopens", hours=1)]) == 2
    links, _ = run(step, [art("port_strike_fr", hours=5)])
    assert links == {"port_strike_fr": "port_strike_en"}


def test_index_stays_bounded(encoder):
    from newsdesk.translations import TranslationIndex

    step = TranslationStep(encoder=encoder, index=TranslationIndex(max_entries=4))
    keys = ["port_strike_en", "port_strike_followup", "library_reopens", "wildfire_en", "central_bank_en"]
    step.warm([art(k, hours=i) for i, k in enumerate(keys)])
    assert len(step.index) <= 4
    assert "central_bank_en" in step.index and "port_strike_en" not in step.index


def test_articles_without_a_language_are_left_alone(encoder):
    unknown = art("wildfire_fr", hours=1)
    unknown.lang = None
    links, stats = run(TranslationStep(encoder=encoder), [art("wildfire_en"), unknown])
    assert links["wildfire_fr"] is None and stats.counters["skipped_no_language"] == 1
