"""English speakers in news: a person tagged together with the country of their post, an inverted
"Said X:" before a quote."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def speakers(text: str, nlp) -> list[str | None]:
    return production_speakers(text, nlp, "en")


def test_ambassador_to_a_country_then_the_name(nlp_en) -> None:
    text = (
        "Two regions have asked for medical help, Russian Ambassador to Spain Igor Petrov said on Monday. "
        "\"We will send doctors,\" he said. Petrov stressed that the aid was not political."
    )
    assert speakers(text, nlp_en) == ["Igor Petrov", "Igor Petrov", "Igor Petrov"]


def test_place_alone_after_role_is_not_cut(nlp_en) -> None:
    text = "The Minister of Foreign Affairs of Kenya, Joel Marangu, said that talks would resume in May."
    assert speakers(text, nlp_en) == ["Joel Marangu"]


def test_inverted_said_before_a_colon_is_not_a_given_name(nlp_en) -> None:
    text = (
        "\"Bags jam the machines,\" said Ruth Keller, the plant manager. Portland takes them at farm markets. "
        "Said Keller: \"Oregonians care about recycling. We want people to do it right.\""
    )
    assert speakers(text, nlp_en) == ["Ruth Keller", "Ruth Keller"]


def test_said_as_a_given_name_stays(nlp_en) -> None:
    text = "Said Benali, a fisherman from the port, said that the catch had halved in two years."
    assert speakers(text, nlp_en) == ["Said Benali"]
