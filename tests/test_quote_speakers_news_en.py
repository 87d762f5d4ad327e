"""English news speakers: descriptions that stand for a named organisation, a person noun a name only
describes, and coordinated speakers the parse split."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def speakers(text: str, nlp) -> list[str | None]:
    return production_speakers(text, nlp, "en")


def test_the_hospital_is_the_hospital_named_before(nlp_en) -> None:
    text = (
        "The city's first baby of the year was born at Lakeside General Hospital on Wednesday. "
        "The girl weighed just over three kilograms. "
        "The hospital said she arrived two minutes after midnight."
    )
    assert speakers(text, nlp_en) == ["Lakeside General Hospital"]


def test_the_ministry_is_the_ministry_of_the_article(nlp_en) -> None:
    text = (
        "The Ministry of Health in Lagos confirmed two new cases on Monday. "
        "The ministry said that both patients were in a stable condition."
    )
    assert speakers(text, nlp_en) == ["Ministry of Health"]


def test_the_tabloid_is_the_paper_written_after_a_media_noun(nlp_en) -> None:
    text = (
        "The singer is in intensive care, according to reports in the Swiss daily Blick newspaper. "
        "The tabloid wrote that he had returned from a tour of Asia last week."
    )
    assert speakers(text, nlp_en)[-1] == "Blick"


def test_the_station_is_the_station_named_before(nlp_en) -> None:
    text = (
        "Thirty goats escaped from a farm near Fresno, local television station KXTV reported. "
        "The goats were found on a highway two hours later, according to the station."
    )
    assert speakers(text, nlp_en) == ["KXTV", "KXTV"]


def test_a_description_without_such_a_name_keeps_its_noun(nlp_en) -> None:
    text = "Two patients were moved overnight. The hospital said that both were in a stable condition."
    assert speakers(text, nlp_en) == ["hospital"]


def test_a_person_noun_after_a_name_is_not_that_person(nlp_en) -> None:
    text = (
        "Police in Leeds questioned a man over the disappearance of Emily Carter in 2015. "
        "The Emily Carter suspect told reporters that he had never met her."
    )
    assert speakers(text, nlp_en) == [None]


def test_a_name_with_its_role_before_it_is_still_the_speaker(nlp_en) -> None:
    text = "Police spokesman Tom Hale said that the suspect had been released."
    assert speakers(text, nlp_en) == ["Tom Hale"]


def test_both_joins_the_person_before_and(nlp_en) -> None:
    text = (
        "At the summit, Canadian Prime Minister Ann Lee and Mexican leader Pedro Ruiz both urged more "
        "talks, saying that the tariffs hurt workers on both sides."
    )
    assert speakers(text, nlp_en) == ["Ann Lee and Pedro Ruiz"]


def test_without_both_the_person_before_and_is_not_joined(nlp_en) -> None:
    text = "He thanked Ann Lee and Pedro Ruiz said that the talks would resume in May."
    assert speakers(text, nlp_en) == ["Pedro Ruiz"]


def test_the_statement_is_from_who_issued_it_earlier(nlp_en) -> None:
    text = (
        "The minister also said the scanner would reach every district by June, a statement issued by the "
        "Health Ministry said. The device is the country's first wireless monitor for patients, according "
        "to the statement."
    )
    assert speakers(text, nlp_en)[-1] == "Health Ministry"


def test_the_report_is_the_agency_report_named_before(nlp_en) -> None:
    text = (
        "Acme plans to open offices in Chile. According to the Bloomberg report, Acme will hire 200 people "
        "in Santiago. Acme opened its first office in Peru last year. According to the report, Acme is "
        "also talking to banks in Lima."
    )
    assert speakers(text, nlp_en) == ["Bloomberg", "Bloomberg"]


def test_a_county_police_named_after_a_person_is_the_police(nlp_en) -> None:
    text = (
        "An officer in Maryland was placed on leave after he shot a dog. Prince George's County Police said "
        "in a statement that the shooting happened outside a home in Oxon Hill."
    )
    assert speakers(text, nlp_en) == ["Prince George's County Police"]


def test_the_place_before_an_ambassadors_name_is_not_in_the_name(nlp_en) -> None:
    text = (
        "Vietnam and Indonesia signed a trade pact. Vietnamese Ambassador to Indonesia Pham Vinh Quang said "
        "that trust was growing between the two countries."
    )
    assert speakers(text, nlp_en) == ["Pham Vinh Quang"]


def test_gen_without_a_period_is_a_title(nlp_en) -> None:
    text = "Gen. Patrick Ademu Akpa urged Nigerians to be hopeful. Gen Akpa said that 2020 would favour the country."
    assert speakers(text, nlp_en) == ["Patrick Ademu Akpa"]


def test_his_solicitor_is_a_role_without_a_name(nlp_en) -> None:
    text = "The defendant has a short temper, his solicitor said. Judge Ann Byrne said that she had read the report."
    assert speakers(text, nlp_en) == [None, "Ann Byrne"]


def test_official_before_an_agency_is_no_role(nlp_en) -> None:
    text = (
        "The central bank cut its reserve requirement. The official Xinhua News Agency said that the step "
        "would release about 800 billion yuan for lending."
    )
    assert speakers(text, nlp_en) == ["Xinhua News Agency"]


def test_the_pontiff_is_the_pope(nlp_en) -> None:
    text = (
        "Pope Francis apologised on Wednesday for slapping a pilgrim's hand. The 83-year-old pontiff then "
        "said he was sorry for the bad example he gave."
    )
    assert speakers(text, nlp_en) == ["Francis"]


def test_a_name_after_a_kin_noun_is_the_speaker(nlp_en) -> None:
    text = "The chef Tom Gray's wife, Lily Gray, said that the family was moving to Spain."
    assert speakers(text, nlp_en) == ["Lily Gray"]


def test_the_fact_names_nobody(nlp_en) -> None:
    text = "The fact that Washington has cut the budget again would indicate that it never meant to build the road."
    assert speakers(text, nlp_en) == [None]


def test_the_company_and_the_police_keep_their_noun(nlp_en) -> None:
    text = "The company said that profits fell. The police said that nobody was hurt."
    assert speakers(text, nlp_en) == ["company", "police"]


def test_the_city_keeps_its_noun(nlp_en) -> None:
    text = "About 90 tons of trash were collected after the parade. The city said that 10 tons were recycled."
    assert speakers(text, nlp_en) == ["city"]
