"""Actors known by name: the CAMEO actor table (actors.tsv), its codings over time, and events whose actors
get their country and sector from it when the sentence does not state them."""

from __future__ import annotations

import filecmp
import importlib.util
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.nlp import event_score
from newsdesk.nlp.event_lexicon import CAMEO_TO_ISO, actor_codes, actor_table
from newsdesk.pipeline import StepStats

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "src" / "newsdesk" / "lexicons" / "events"


# -- the table ---------------------------------------------------------------------------------------


def test_the_coding_valid_on_the_article_date() -> None:
    assert actor_codes("Barack Obama", on=date(2010, 3, 1)) == ("USA", "GOV")  # president from 2009-01-20
    assert actor_codes("Barack Obama", on=date(1995, 3, 1)) == ("USA", "ELI")
    # between two codings and no undated one: the nationality stays, the office does not
    assert actor_codes("Barack Obama", on=date(2005, 3, 1)) == ("USA", None)
    assert actor_codes("Kofi Annan", on=date(2003, 6, 1)) == (None, "IGO")  # UN Secretary-General 1997-2006
    assert actor_codes("Kofi Annan", on=date(2012, 6, 1)) == (None, "ELI")  # the undated coding, out of office


def test_without_a_date_the_most_recent_coding() -> None:
    assert actor_codes("Barack Obama") == ("USA", "GOV")
    assert actor_codes("Vladimir Putin") == ("RUS", "GOV")
    assert actor_codes("George W. Bush") == ("USA", "GOV")  # president 2001-2009, his last dated coding


def test_titles_and_spellings_of_one_person() -> None:
    for name in ("President Barack Obama", "US President Barack Obama", "Mr. Obama", "le président Barack Obama"):
        assert actor_codes(name) == ("USA", "GOV"), name
    assert actor_codes("Obama") == ("USA", "GOV")  # the dictionary lists the surname alone
    # French transliterations are the same persons as the English dictionary's spellings
    assert actor_codes("Vladimir Poutine", lang="fr") == ("RUS", "GOV")
    assert actor_codes("Sergueï Choïgou", lang="fr") == ("RUS", "GOV")  # "Sergey Shoygu" in the dictionary
    assert actor_codes("Sergei Shoigu") == ("RUS", "GOV")


def test_organisations_are_coded_with_their_type() -> None:
    assert actor_codes("the UN Security Council") == (None, "IGO")
    assert actor_codes("U.N.") == (None, "IGO")
    assert actor_codes("NATO") == (None, "IGO")
    assert actor_codes("Amnesty International") == (None, "NGO")
    seg = actor_table()["united nations"][0]
    assert (seg.sector, seg.org) == ("IGO", "IGOUNO")  # the organisation code is kept


def test_unknown_names_titles_and_common_words_are_not_coded() -> None:
    assert actor_codes("Jane Nobody") is None
    assert actor_codes("President") is None  # a bare title names no one
    assert actor_codes("US President") is None  # an office, which the sentence's words code anyway
    assert actor_codes("Bush") is None  # a common word: only the full names are coded
    assert actor_codes("Ban Ki-moon", on=date(1990, 1, 1)) is None  # no coding near that date gives anything


def test_one_cameo_country_table() -> None:
    assert event_score.CAMEO_TO_ISO is CAMEO_TO_ISO
    assert event_score.country_of("ROMGOV") == "ROU"
    assert all(len(segs) >= 1 for segs in actor_table().values())
    countries = {s.country for segs in actor_table().values() for s in segs if s.country}
    assert "ROM" not in countries and "ROU" in countries  # table countries are ISO 3166 alpha-3


def test_build_script_regenerates_the_bundled_actor_table(shared_data: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_event_actors", ROOT / "bench" / "build_event_actors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    n = module.write(shared_data, tmp_path)
    assert filecmp.cmp(tmp_path / "actors.tsv", BUNDLED / "actors.tsv", shallow=False)
    notice = (BUNDLED / "NOTICE").read_text(encoding="utf-8")
    stated = re.search(r"actors\.tsv \(([\d,]+) names", notice)
    assert stated is not None and int(stated.group(1).replace(",", "")) == n == len(actor_table())
    assert "MIT" in notice and (BUNDLED / "LICENSE-petrarch2-MIT.txt").read_text() == (
        shared_data / "events" / "LICENSE-petrarch2-MIT.txt"
    ).read_text()


# -- events ------------------------------------------------------------------------------------------


def events(text: str, lang: str, published: datetime | None = None) -> list:
    """The event attrs of one article run through the ingest steps (entities, then events)."""
    from newsdesk.nlp.entities import EntityStep
    from newsdesk.nlp.events import EventStep

    article = Article(id="t", source="test", text=text, lang=lang, published=published)
    for _ in EventStep()(EntityStep()([article], StepStats(name="entities")), StepStats(name="events")):
        pass
    out = [s.attrs for s in article.spans.get("events") or []]
    for ev in out:
        for a in ev["sources"] + ev["targets"]:
            assert text[a["span"][0] : a["span"][1]] == a["text"]
    return out


def coded(actors: list[dict]) -> list[tuple]:
    return [(a["text"], a["country"], a["sector"]) for a in actors]


@pytest.mark.slow
def test_english_people_and_organisations_get_their_country_from_the_table() -> None:
    (ev,) = events("President Obama condemned the North Korean missile launch.", "en", datetime(2013, 4, 2))
    assert ev["plover"] == "ACCUSE"
    assert coded(ev["sources"]) == [("President Obama", "USA", "GOV")]
    (ev,) = events("Vladimir Putin met Angela Merkel on Friday.", "en")
    assert coded(ev["sources"]) == [("Vladimir Putin", "RUS", "GOV")]
    assert coded(ev["targets"]) == [("Angela Merkel", "DEU", "GOV")]
    (ev,) = events("The UN Security Council condemned North Korea.", "en")
    assert coded(ev["sources"]) == [("The UN Security Council", None, "IGO")]


@pytest.mark.slow
def test_the_article_date_chooses_the_coding() -> None:
    text = "Kofi Annan urged Israel to withdraw from Lebanon."
    (ev,) = events(text, "en", datetime(2003, 5, 1))
    assert coded(ev["sources"]) == [("Kofi Annan", None, "IGO")]
    (ev,) = events(text, "en", datetime(2012, 5, 1))
    assert coded(ev["sources"]) == [("Kofi Annan", None, "ELI")]


@pytest.mark.slow
def test_french_names_find_the_english_dictionary_entries() -> None:
    (ev,) = events("Vladimir Poutine a rencontré Angela Merkel à Moscou.", "fr", datetime(2012, 5, 1))
    assert ev["plover"] == "CONSULT"
    assert [(a["country"], a["sector"]) for a in ev["sources"]] == [("RUS", "GOV")]
    assert coded(ev["targets"]) == [("Angela Merkel", "DEU", "GOV")]
    (ev,) = events("Nicolas Sarkozy a rencontré des responsables chinois.", "fr", datetime(2010, 5, 1))
    assert coded(ev["sources"]) == [("Nicolas Sarkozy", "FRA", "GOV")]


@pytest.mark.slow
def test_a_country_the_sentence_states_wins_over_the_table() -> None:
    # Saakashvili, in the dictionary as Georgian, governed Odesa in 2015
    (ev,) = events("Ukrainian governor Mikheil Saakashvili accused Russia.", "en", datetime(2015, 9, 1))
    assert [(a["country"], a["sector"]) for a in ev["sources"]] == [("UKR", "GOV")]
    (ev,) = events("Le gouverneur ukrainien Mikheil Saakachvili a accusé la Russie.", "fr", datetime(2015, 9, 1))
    assert [a["country"] for a in ev["sources"]] == ["UKR"]
