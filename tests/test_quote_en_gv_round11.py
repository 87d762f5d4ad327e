"""English blog and wiki news quotations: nouns with a "that" clause, speech verbs under a modal, and
a verb of answering (own sentences)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp) -> list[tuple[str, str | None, str | None]]:
    """(quoted text, verb, speaker as written) of each quote of `text`."""
    return [
        (text[s.start : s.end], s.attrs["verb"], s.attrs["speaker"])
        for s in extract_quotes(text, nlp(text), lang="en")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The council’s demand that the mayor publish his tax returns is a political stunt.",
        "His promise that taxes would fall was soon forgotten by the voters.",
        "One suspect was freed on bail and the other on guarantee that he would stay in town.",
        "She left the court on condition that she report to the police every week.",
    ],
)
def test_noun_with_that_clause_is_no_speech_verb(nlp_en, text) -> None:
    assert found(text, nlp_en) == []


@pytest.mark.parametrize(
    "text",
    [
        "Party members abroad should demand that the leadership condemns the attack.",
        "Citizens here have free speech and can demand that the governor publish his assets.",
        "The union must explain that the strike will go ahead next week.",
        "Observers might argue that the vote was rigged from the start.",
    ],
)
def test_speech_verb_under_a_modal_reports_nothing(nlp_en, text) -> None:
    assert found(text, nlp_en) == []


def test_speech_verb_without_modal_still_reports(nlp_en) -> None:
    text = "The leadership demanded that the party condemns the attack."
    assert found(text, nlp_en) == [("that the party condemns the attack", "demand", "The leadership")]


def test_short_answer_after_comma_is_a_quote(nlp_en) -> None:
    text = 'The teacher asked the class, "Who wrote this poem?" The pupils answered, "Shakespeare." Then she smiled.'
    assert ('"Shakespeare."', "answer", "The pupils") in found(text, nlp_en)


@pytest.mark.parametrize(
    "text",
    [
        'Most candidates gave an answer on "what they want to fix" and not on "how they will do it".',
        'The editor\'s answer to "who pays for this" was a long silence at the meeting.',
    ],
)
def test_noun_with_article_or_possessive_is_no_speech_verb(nlp_en, text) -> None:
    assert found(text, nlp_en) == []


def test_verb_before_a_colon_reports_nothing_before_it(nlp_en) -> None:
    text = (
        "Security analyst Tom Reed commented:\n\n@tomreed: Less rumor mongering please about today's blast in "
        '#Aden. I promise it is ok to say: "I don\'t know"\n\nAnd demanding more evidence, Lina Omar tweeted:\n\n'
        "@linaomar: Would love to see that #AQAP statement in which it claimed responsibility for the attack #Aden\n\n"
    )
    assert [q for q, _, _ in found(text, nlp_en) if "more evidence" in q] == []


def test_a_planned_programme_is_no_speaker(nlp_en) -> None:
    text = (
        "According to the planned program, the seminars took place in the following schedule:\n\n"
        "On Monday, June 4, the seminar began at 10 am in the main hall."
    )
    assert found(text, nlp_en) == []


def test_first_name_in_brackets_joins_the_surname(nlp_en) -> None:
    text = '"Hatred has reached our door," [Anna] Karapetyan said in Armenian at the meeting.'
    spans = extract_quotes(text, nlp_en(text), lang="en")
    assert [s.attrs["speaker_name"] for s in spans] == ["Anna Karapetyan"]


def test_quote_opening_a_paragraph_is_no_title(nlp_en) -> None:
    text = (
        "It became clear that the organisers wanted to show the strength of the protest movement.\n\n"
        '"They fooled everyone!" Ivanova explained, blaming the organisers for the scene.'
    )
    assert found(text, nlp_en) == [('"They fooled everyone!"', "explain", "Ivanova")]
