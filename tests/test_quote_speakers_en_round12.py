"""English speakers in news: a nationality before an organisation noun is part of the speaker, and a
state body written alone takes the one place the article gives it."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def speakers(text: str, nlp) -> list[str | None]:
    return production_speakers(text, nlp, "en")


def test_nationality_before_an_agency_stays(nlp_en) -> None:
    text = "The Israeli security agency said that a committee would be formed in May."
    assert speakers(text, nlp_en) == ["Israeli security agency"]


def test_name_before_a_news_agency_is_still_the_name(nlp_en) -> None:
    text = "The Reuters news agency said that the talks had failed."
    assert speakers(text, nlp_en) == ["Reuters"]


def test_government_alone_takes_its_nationality(nlp_en) -> None:
    text = (
        "The Ethiopian government has expelled two visitors. "
        "Later the government said that it would not tolerate any unrest."
    )
    assert speakers(text, nlp_en) == ["Ethiopian government"]


def test_police_alone_takes_the_region_named_later(nlp_en) -> None:
    text = (
        "Three men were arrested on Monday for selling fake visas, police said. "
        "The fraud wing of Jammu and Kashmir police is investigating."
    )
    assert speakers(text, nlp_en) == ["Jammu and Kashmir police"]


def test_two_countries_leave_the_police_alone(nlp_en) -> None:
    text = "The Kenyan police and the Ugandan police met on Friday. The police said that the border was closed."
    assert speakers(text, nlp_en) == ["police"]


def test_a_company_is_not_given_a_country(nlp_en) -> None:
    text = "The Chinese company signed the deal. The company said that the plant would open in May."
    assert speakers(text, nlp_en) != ["Chinese company"]


def test_a_level_of_government_is_no_place(nlp_en) -> None:
    text = (
        "Since March 2012 the District authorities have clamped down prohibitory orders. "
        "The march will go ahead, the authorities said on Monday."
    )
    assert speakers(text, nlp_en) == ["authorities"]


def test_an_organisation_team_speaks_as_the_organisation(nlp_en) -> None:
    text = "The Acme Software team said that the release would slip to March."
    assert speakers(text, nlp_en) == ["Acme Software"]


def test_a_national_team_keeps_its_noun(nlp_en) -> None:
    text = "The Dutch team said that the car would be ready in March."
    assert speakers(text, nlp_en) == ["Dutch team"]


def test_bare_plural_bodies_are_unnamed(nlp_en) -> None:
    text = "Millions went on strike on Wednesday, unions said, as workers protested."
    assert speakers(text, nlp_en) == [None]


def test_authorities_keep_their_noun(nlp_en) -> None:
    text = "Millions went on strike on Wednesday, authorities said, as workers protested."
    assert speakers(text, nlp_en) == ["authorities"]


def test_a_described_team_keeps_its_noun(nlp_en) -> None:
    text = "The Swiss-based team said that the car would be ready in March."
    assert speakers(text, nlp_en) == ["Swiss-based team"]
