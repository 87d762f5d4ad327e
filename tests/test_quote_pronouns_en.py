"""English news speakers: pronouns resolved to the right earlier person, and names with the title-case
headline words that scraped news glues onto them."""

from __future__ import annotations

import pytest

from newsdesk.nlp.mention_names import without_headline
from newsdesk.nlp.quote_lexicon import load_lexicon
from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def speakers(text: str, nlp) -> list[str | None]:
    return production_speakers(text, nlp, "en")


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Criticizes Warren", "Warren"),
        ("Denies R. Kelly", "R. Kelly"),
        ("Joe Biden Popularity Polls", "Joe Biden"),
        ("Mary Jones", "Mary Jones"),
        ("Hal Brands", "Hal Brands"),
        ("Dennis Ward", "Dennis Ward"),
        ("Mazda Motor Corporation", "Mazda Motor Corporation"),
    ],
)
def test_headline_words_are_cut_from_a_name(name: str, bare: str) -> None:
    text = f"{name} is here. Brands said, Brands wrote."
    assert without_headline(name, text, load_lexicon("en")) == bare


def test_headline_verb_before_a_name_is_not_part_of_it(nlp_en) -> None:
    text = (
        "Opposition Criticizes Whitmore Over Budget The senator accused the governor of stalling the vote on "
        "Monday. “We will not wait another week,” Whitmore told reporters."
    )
    assert speakers(text, nlp_en) == ["Whitmore"]


def test_headline_verb_between_two_names_ends_the_first(nlp_en) -> None:
    text = (
        "Judge Denies R. Kelly’s Request For Release A federal judge ruled on Friday that the singer must stay "
        "in prison. Kelly argued that he was not a flight risk."
    )
    assert speakers(text, nlp_en) == ["R. Kelly"]


def test_headline_source_glued_to_a_name_is_not_part_of_it(nlp_en) -> None:
    text = (
        "Kelvana outlines Texas plant and corporate rejig - Pharma Insider Kelvana has confirmed it will build "
        "a new plant in Texas. A spokesman told Pharma Insider that the plant would open next year."
    )
    assert speakers(text, nlp_en)[0] == "Kelvana"


def test_headline_nouns_after_a_name_are_not_part_of_it(nlp_en) -> None:
    text = (
        "Live President Joe Biden Popularity Polls Newsroom "
        "The president spoke to reporters on Monday. "
        "President Biden said that he was not worried about the numbers."
    )
    assert speakers(text, nlp_en) == ["Joe Biden"]


def test_a_pronoun_shows_the_gender_of_the_person_it_named(nlp_en) -> None:
    text = (
        "Store owner Ray Pigdon said it was the best start to the year. “2020 has been a perfect start,” he said. "
        "A police spokeswoman told reporters at the time that thieves had smashed the shutters. "
        "She said the thieves had taken a safe."
    )
    assert speakers(text, nlp_en) == ["Ray Pigdon", "Ray Pigdon", None]


def test_a_kin_noun_before_a_name_shows_its_gender(nlp_en) -> None:
    text = (
        "Maria Lopez runs the animal shelter outside the town. Her husband Tom drove the dogs to the vet on "
        "Monday. “Most of them will be fine,” she said."
    )
    assert speakers(text, nlp_en) == ["Maria Lopez"]


def test_she_is_not_the_man_who_became_the_subject_after_her_quote(nlp_en) -> None:
    text = (
        "Maria Lopez, who runs the shelter, said the dogs had been found on Monday. "
        "“They were cold and hungry,” she said. Her husband Tom drove them to the vet. "
        "“Most of them will be fine,” she said."
    )
    assert speakers(text, nlp_en) == ["Maria Lopez", "Maria Lopez", "Maria Lopez"]


def test_run_that_continues_an_organisation_name_starts_after_it(nlp_en) -> None:
    text = (
        "Kelvana outlines Texas plant and corporate rejig - PharmaWorld Insider Kelvana has confirmed it will "
        "build a new plant in Texas. A spokesman told PharmaWorld Insider that the plant would open next year."
    )
    assert speakers(text, nlp_en)[0] == "Kelvana"
