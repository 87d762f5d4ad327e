"""English speakers in news: a long apposition between the name and "told", a nationality standing for the
person it was said of, a headline's section label, participle or role glued to a name, an organisation's own
noun ("the festival"), an organisation cut after "of the", a headline's source glued to a name, and the
people of a linked article's headline ("READ MORE: …")."""

from __future__ import annotations

import pytest

from newsdesk.nlp.mention_names import after_inner_role, without_epithet
from newsdesk.nlp.quote_lexicon import load_lexicon
from newsdesk.nlp.speaker_markup import link_headlines
from quote_helpers import production_speakers


def speakers(text: str, nlp) -> list[str | None]:
    return production_speakers(text, nlp, "en")


def test_participle_before_a_name_written_once_is_dropped() -> None:
    text = "Golf: Recovering Lena Ostrova to miss Dubai Open. Lena Ostrova said she was not ready. Lena Ostrova left."
    assert without_epithet("Recovering Lena Ostrova", text) == "Lena Ostrova"


def test_name_with_a_participle_first_name_written_twice_stays() -> None:
    text = "Manfred Lee Ostrova spoke. Later Manfred Lee Ostrova left, and Lee Ostrova smiled."
    assert without_epithet("Manfred Lee Ostrova", text) == "Manfred Lee Ostrova"


def test_role_inside_a_title_case_name_leaves_the_name() -> None:
    lex = load_lexicon("en")
    assert after_inner_role("Boy Band Member Jinho", lex) == "Jinho"
    assert after_inner_role("Utah Senator Ann Lee", lex) == "Ann Lee"
    assert after_inner_role("Ann Lee", lex) == "Ann Lee"


def test_linked_headline_runs_from_its_label_to_the_quote() -> None:
    text = "Ann Lee won. ALSO READ : Tom Fry wins the chess title “I studied,” she said."
    (span,) = link_headlines(text, "en")
    assert text[span[0] : span[1]].strip() == "ALSO READ : Tom Fry wins the chess title"


@pytest.mark.slow
def test_person_in_a_linked_headline_is_no_antecedent(nlp_en) -> None:
    text = (
        "Ann Lee was one of the school's top achievers. READ MORE: Tom Fry wins the national chess title "
        "“I changed the way I studied for each subject,” he said."
    )
    assert speakers(text, nlp_en) == ["Ann Lee"]


@pytest.mark.slow
def test_long_apposition_before_told(nlp_en) -> None:
    text = (
        "Five people died in a fire on Tuesday. \"Two were killed and three wounded in the blaze,\" Karim Nasser, "
        "spokesman for the Tripoli-based Government of National Unity, told AFP news agency."
    )
    assert speakers(text, nlp_en) == ["Karim Nasser"]


@pytest.mark.slow
def test_apposition_with_an_organisation_before_told(nlp_en) -> None:
    text = (
        "Thousands marched through the city on Sunday. \"We have to stay together until the end,\" Tom Ashby, "
        "convenor of march organizers the Civic Rights Front, told the crowd."
    )
    assert speakers(text, nlp_en) == ["Tom Ashby"]


@pytest.mark.slow
def test_nationality_stands_for_the_subject_named_before(nlp_en) -> None:
    text = (
        "Former world number three Maria Kovac had a poor year, but the Croatian Thursday said that she would "
        "return stronger."
    )
    assert speakers(text, nlp_en) == ["Maria Kovac"]


@pytest.mark.slow
def test_section_label_of_a_headline_is_not_the_subject(nlp_en) -> None:
    text = (
        "Tennis: Recovering Lena Ostrova to miss Dubai Open KYODO NEWS - NEW YORK - Lena Ostrova said Sunday she "
        "will miss the Dubai Open."
    )
    assert speakers(text, nlp_en) == ["Lena Ostrova"]


@pytest.mark.slow
def test_role_in_a_title_case_headline(nlp_en) -> None:
    assert speakers("READ MORE: Boy Band Member Jinho Announces He Is Leaving the Group", nlp_en) == ["Jinho"]


@pytest.mark.slow
def test_organisation_by_its_own_noun(nlp_en) -> None:
    text = (
        "The parade is put on by the Festival of Lights. The theme for the parade is “Hope,” which the "
        "festival says “celebrates the power of light.”"
    )
    assert speakers(text, nlp_en) == ["Festival of Lights"]


@pytest.mark.slow
def test_organisation_cut_after_of_the(nlp_en) -> None:
    text = (
        "Hands of the Healers sets goals for 2021. For 20 years, charity Hands of the Healers has worked to "
        "support communities across Kenya. As 2021 approaches, the organisation has set ambitious goals, they "
        "said in a statement on Monday."
    )
    assert speakers(text, nlp_en) == ["Hands of the Healers"]


@pytest.mark.slow
def test_role_of_the_body_is_not_an_organisation(nlp_en) -> None:
    assert speakers("The Minister of the Interior said that the border would stay closed.", nlp_en) == [None]


@pytest.mark.slow
def test_headline_source_glued_to_a_company(nlp_en) -> None:
    text = (
        "Norvex outlines Brazil plant and corporate rejig - Pharma Weekly Norvex has confirmed it will build a "
        "plant in Brazil. A spokesman told Pharma Weekly: “Norvex plans to build a plant in Brazil.”"
    )
    assert speakers(text, nlp_en)[0] == "Norvex"


def test_role_word_inside_an_organisation_name_stays() -> None:
    assert after_inner_role("North York General Hospital", load_lexicon("en")) == "North York General Hospital"


@pytest.mark.slow
def test_person_of_the_organisation_is_not_its_name(nlp_en) -> None:
    text = "\"Sales are falling,\" said Keith Dorn of the Harbour Financial Group."
    assert speakers(text, nlp_en) == ["Keith Dorn"]


@pytest.mark.slow
def test_acronym_before_an_organisation_cut_after_of_the(nlp_en) -> None:
    text = (
        "For 20 years, NGO Hands of the Healers has worked to support communities across Kenya. As 2021 "
        "approaches, the organisation has set ambitious goals, they said in a statement on Monday."
    )
    assert speakers(text, nlp_en) == ["Hands of the Healers"]


@pytest.mark.slow
def test_page_furniture_before_a_quote_is_no_speaker(nlp_en) -> None:
    text = (
        "“The best answer to hate is love,” said Mark Sachs, the president of the synagogue. article continues "
        "below “We want to shine a light on the way we respond to hatred.”"
    )
    assert speakers(text, nlp_en) == ["Mark Sachs", "Mark Sachs"]


@pytest.mark.slow
def test_subject_of_quick_to_describe(nlp_en) -> None:
    text = "Media were quick to describe the vote as a “political earthquake”, as the main parties had refused."
    assert speakers(text, nlp_en) == ["Media"]


@pytest.mark.slow
def test_organisation_named_with_its_noun_is_itself(nlp_en) -> None:
    text = (
        "On the menu in 2020: kimchi, harissa, Impossible Burgers Kimchi will be in. Plant-based meats are on the "
        "rise. Roughly 46% of dinner meals purchased from restaurants are now eaten at home, according to the NPD "
        "Group."
    )
    assert speakers(text, nlp_en) == ["NPD Group"]


@pytest.mark.slow
def test_report_inside_according_to_keeps_the_inner_speaker(nlp_en) -> None:
    text = (
        "Heavy rain hit the capital on Wednesday. The city disaster agency said that a boy was killed by a power "
        "line, while three more people died of cold, according to the Bangkok Post."
    )
    assert speakers(text, nlp_en) == ["city disaster agency"]


@pytest.mark.slow
def test_according_to_alone_stays(nlp_en) -> None:
    text = "Three more people died of cold on Wednesday, according to the Bangkok Post."
    assert speakers(text, nlp_en) == ["Bangkok Post"]


@pytest.mark.slow
def test_spokesman_after_an_unnamed_spokesperson_stays_unnamed(nlp_en) -> None:
    text = (
        "Three persons were arrested on Wednesday for duping people, police said. A spokesperson for the Crime "
        "Branch of the state police said the trio -- Kailash, his brother Vikas of Bishnah and Raj Kumar of Samba "
        "-- were on the run since August, the spokesman said. He said Sat Pal Sharma, a resident of Pura, had "
        "lodged a complaint with the Crime Branch. \"We conducted raids with careful planning and arrested the "
        "accused,\" the spokesman said."
    )
    assert speakers(text, nlp_en)[-1] is None


@pytest.mark.slow
def test_first_name_ending_like_a_participle_stays(nlp_en) -> None:
    text = (
        "Farmers protest over water prices. Mohamed Abdel Karim, the minister, arrived on Monday. Abdel Karim "
        "said that talks would resume. Later Abdel Karim said that he was ready."
    )
    assert speakers(text, nlp_en) == ["Mohamed Abdel Karim", "Mohamed Abdel Karim"]


@pytest.mark.slow
def test_more_of_a_group_names_nobody(nlp_en) -> None:
    assert speakers("READ MORE: More downtown store owners say shoplifting is getting worse", nlp_en) == [None]


@pytest.mark.slow
def test_lower_case_blog_name_still_speaks(nlp_en) -> None:
    text = (
        "Cardinal Ortega referred to those church protesters as criminals, once again raising the ire of Cuban "
        "netizens.\n\nkottke called the comments \"derisive\" and \"nothing less than reprehensible\":\n\nThis "
        "latest sin is only another example of his contempt."
    )
    assert speakers(text, nlp_en) == ["kottke", "kottke"]  # both judgements the blog names the comments with
