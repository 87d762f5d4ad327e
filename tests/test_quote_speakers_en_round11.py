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


def test_role_in_the_lede_is_the_person_named_next(nlp_en) -> None:
    text = (
        "Turkey may hold back its troops if the fighting stops, the Turkish defence minister said Wednesday. "
        "Parliament is due to vote on the bill on Thursday. "
        "\"Then why would we go there?\" Hulusi Akar said in an interview."
    )
    assert speakers(text, nlp_en) == ["Hulusi Akar", "Hulusi Akar"]


def test_owned_role_in_the_lede_is_the_person_named_next(nlp_en) -> None:
    text = (
        "The union expects hard talks with the company over pay, the union's co-leader said. "
        "\"It will take a long time,\" Maria Brandt said after the meeting."
    )
    assert speakers(text, nlp_en) == ["Maria Brandt", "Maria Brandt"]


def test_person_named_next_with_another_role_is_not_the_described_one(nlp_en) -> None:
    text = (
        "Prices will rise next year, the finance minister said. Analysts were less sure. "
        "\"Inflation is coming down,\" said Tom Reyes, an economist at Acme Bank."
    )
    assert speakers(text, nlp_en) == [None, "Tom Reyes"]


def test_lone_surname_keeps_the_person_it_named_before(nlp_en) -> None:
    text = (
        "Former league chief Henry Vance died on Monday at 80. Vance led the league for thirty years. "
        "He is survived by his wife, Ruth Ellen Vance, and a son. "
        "Vance told a newspaper last year that the game had never been in better shape."
    )
    assert speakers(text, nlp_en) == ["Henry Vance"]


def test_described_archbishop_is_the_one_named_after_his_see(nlp_en) -> None:
    text = (
        "The Archbishop of Westminster, Most Revd Peter Arland Doyle has condemned the attack on the chapel. "
        "The archbishop said that the victims had served the parish for decades."
    )
    assert speakers(text, nlp_en) == ["Peter Arland Doyle"]


def test_people_near_a_place_are_not_the_place(nlp_en) -> None:
    text = (
        "A new blood test proved as good as a biopsy at finding liver damage, researchers in Canada and "
        "Norway reported. Two senior executives at clinics operating around Toronto said they had not yet "
        "received the kits."
    )
    assert speakers(text, nlp_en) == [None, None]
