"""English quotation precision: things that are no speakers (studies, records, a mood), unnamed groups that
get no name, and speaker phrases that are no name at all (own sentences)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes
from newsdesk.nlp.speaker_groups import after_glued_headline, group_name, plausible_name

pytestmark = pytest.mark.slow


def found(text: str, nlp) -> list[tuple[str, str | None]]:
    """(quoted text, resolved speaker) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang="en")]


@pytest.mark.parametrize(
    "text",
    [
        "A recent Kestrel Insurance study revealed that one driver in five never checks the tyres.",
        "According to a recent Harlow survey, most tenants have never read their lease.",
        "According to county court records, the warehouse changed hands three times in a year.",
        "The tax returns the senator posted online show that she gave away a fifth of her income.",
        "According to the study, combining two common drugs may slow tumour growth in mice.",
    ],
)
def test_studies_surveys_and_records_are_data_not_speakers(nlp_en, text) -> None:
    assert found(text, nlp_en) == []


def test_inference_verb_with_a_thing_for_subject_reports_nobody(nlp_en) -> None:
    text = "Perhaps the quiet mood in the hall suggests that the vote will be close."
    assert found(text, nlp_en) == []


def test_inference_verb_with_a_speaker_for_subject_still_reports(nlp_en) -> None:
    text = "Mayor Lena Ortiz suggested that the bridge will reopen in the spring."
    assert found(text, nlp_en) == [("that the bridge will reopen in the spring", "Lena Ortiz")]


@pytest.mark.parametrize(
    "text",
    [
        "Guards at the gate said the visitors had left before noon.",
        "The separatists said the ceasefire would not hold beyond the weekend.",
        "Riot police said the square would stay closed until Monday.",
        "Two sources close to Walter Brandt said he had left the country on Sunday.",
        "Most people in the town said the new road had made little difference.",
        "Armenians said the border crossing had been closed for a week.",
    ],
)
def test_unnamed_groups_get_no_name(nlp_en, text) -> None:
    quotes = found(text, nlp_en)
    assert len(quotes) == 1 and quotes[0][1] is None


def test_a_named_organisation_keeps_its_name(nlp_en) -> None:
    text = "The Harbour Trust said the pier would stay closed until the storm damage was repaired."
    assert found(text, nlp_en) == [("the pier would stay closed until the storm damage was repaired", "Harbour Trust")]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("the riot police", None),
        ("guards at the scene", None),
        ("three senior managers at firms in the region", None),
        ("sources close to the minister", None),
        ("the insurgents", None),
        ("Republican Party leaders", "Republican Party"),
        ("Indonesian police", "Indonesian police"),
        ("officials at NASA", "officials at NASA"),
    ],
)
def test_group_names(written, name) -> None:
    assert group_name(written, "en")[0] == name


@pytest.mark.parametrize(
    ("written", "plausible"),
    [
        ("ru]", False),
        ("#StopTheFees on TT", False),
        ("44", False),
        ("Rosa's situation", False),
        ("the festive environment", False),
        ("Barack Obama's administration", True),
        ("corporate media", True),
        ("@harbourwatch", True),
        ("Women's Aid Centre", True),
        ("police russe", True),
        ("que les joueurs", False),
        ("WHO", True),
    ],
)
def test_plausible_names(written, plausible) -> None:
    lang = "fr" if written in ("police russe", "que les joueurs") else "en"
    assert plausible_name(written, lang) is plausible


def test_a_possessive_phrase_about_a_thing_is_no_speaker(nlp_en) -> None:
    text = 'Nora Blake wrote about her mother. The agency reports of Rosa\'s situation: "We are not giving up."'
    assert all(name != "Rosa's situation" for _, name in found(text, nlp_en))


def test_a_song_title_is_no_speaker(nlp_en) -> None:
    text = "Her latest single, Rise Up Again, said that nobody should be ashamed of who they are."
    assert [name for _, name in found(text, nlp_en)] == [None]


def test_inference_verb_keeps_an_acronym_subject(nlp_en) -> None:
    text = "Though the PM had hinted in a speech on Monday that two new ministers would be named, the list is empty."
    quotes = found(text, nlp_en)
    assert len(quotes) == 1 and quotes[0][0].startswith("that two new ministers would be named")


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("six teachers over unpaid wages The Kano State government", "Kano State government"),
        ("officials at The Hague", "officials at The Hague"),
        ("the band A Tribe Called Quest", "the band A Tribe Called Quest"),
    ],
)
def test_a_glued_headline_is_cut_from_the_name(written, name) -> None:
    assert after_glued_headline(written) == name


def test_a_consultant_is_the_named_holder_of_the_role(nlp_en) -> None:
    text = (
        "Party consultant warns the campaign is out of money. Party consultant Dana Whitfield is not shy about "
        'criticizing the direction of the campaign. "We have no money left," Whitfield said.'
    )
    quotes = found(text, nlp_en)
    assert quotes and all(name == "Dana Whitfield" for _, name in quotes)


def test_a_month_abbreviation_does_not_end_the_sentence(nlp_en) -> None:
    text = "Ivo Marek, who last raced on Aug. 14 in the Prague city marathon, said he would run again in spring."
    assert found(text, nlp_en) == [("he would run again in spring", "Ivo Marek")]


def test_a_study_that_states_a_claim_is_still_reported(nlp_en) -> None:
    text = "Civic Watch published the Open Budget Study, which stated that the city had hidden its debts for years."
    quotes = found(text, nlp_en)
    assert [quote for quote, _ in quotes] == ["that the city had hidden its debts for years"]


def test_data_with_a_named_author_speak_for_it(nlp_en) -> None:
    text = "According to figures released on Monday by Harbor Research, sales fell by a third in March."
    assert found(text, nlp_en) == [("sales fell by a third in March", "Harbor Research")]
