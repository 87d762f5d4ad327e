"""English quotations the news sets showed missed or spurious: quotes left without their closing mark (an
article cut short, paragraphs run into one line), the clause before an incise followed by an adverbial clause,
an unmarked clause before "…, they said", a participle that goes on reporting the same speaker, and what must
still stay out (stray marks, a noun object with a "that" clause)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quote_lexicon import load_lexicon
from newsdesk.nlp.quote_marks import find_quoted
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.nlp.quotes_direct import DirectAttributor


def marks(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


def found(text: str, nlp) -> list[tuple[str, str | None]]:
    """(quoted text, resolved speaker) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang="en")]


def test_quote_opening_a_sentence_and_never_closed_ends_with_its_sentence() -> None:
    text = "The mayor spoke on Friday. “We will rebuild the bridge before winter. The works start in May"
    assert marks(text) == ["“We will rebuild the bridge before winter."]


def test_paragraphs_run_together_split_at_the_next_opening_mark() -> None:
    text = (
        'A council spokesman said: "The road will stay closed until Monday morning. '
        '"Drivers should use the bypass, which adds ten minutes to the journey." Traffic was light.'
    )
    assert marks(text) == [
        '"The road will stay closed until Monday morning.',
        '"Drivers should use the bypass, which adds ten minutes to the journey."',
    ]


def test_unclosed_quote_after_that_and_inside_a_stray_mark() -> None:
    text = "He explained that “We cannot wait for a sign. The sign is already here"
    assert marks(text) == ["“We cannot wait for a sign."]
    text = "Sales rose. ”The market moved,’’ says Ann Lee. “Our buyers still want fresh vegetables. And more"
    assert marks(text) == ["“Our buyers still want fresh vegetables."]


def test_curly_quote_closed_with_a_straight_mark() -> None:
    text = 'The coach looked tired. “We played badly in the first half," he said. The team left.'
    assert marks(text) == ['“We played badly in the first half,"']


@pytest.mark.parametrize(
    "text",
    [
        'He said "unclosed words here and there.\nThe company said that profits rose.',  # not at a sentence start
        "The band played. “Yes no",  # too short
        "@fan_account: “What about the ticket prices for the second concert?",  # after a colon, at paragraph end
        "It ended. “Good, a “fair” result for both sides. Then they left",  # another quote inside
        'Some topics are "culture-out", i.e. "how the world looks from our own vantage point',  # an abbreviation
        'It was "a misguided decision."“ However, the centre will get two seats from the flight deck.',  # reversed
    ],
)
def test_stray_opening_marks_stay_out(text: str) -> None:
    assert all(q.closed for q in find_quoted(text))


def test_closed_quotes_keep_their_pairs() -> None:
    text = '"We won." "They lost," she said. He is 6\' 2" tall and "happy" today.'
    assert marks(text) == ['"We won."', '"They lost,"', '"happy"']


@pytest.mark.slow
def test_unclosed_quote_after_an_attributed_one_continues_its_speaker(nlp_en) -> None:
    text = (
        '"The harvest was the best in ten years," said farmer Helen Brooks. '
        '"We hired six more pickers and still could not keep up with the orders'
    )
    assert found(text, nlp_en) == [
        ('"The harvest was the best in ten years,"', "Helen Brooks"),
        ('"We hired six more pickers and still could not keep up with the orders', "Helen Brooks"),
    ]


@pytest.mark.slow
def test_quote_after_a_straight_closing_mark_opens_its_own_sentence(nlp_en) -> None:
    text = 'Costa spoke. "The factory made record profits this year." "Our members want their fair share now.'
    doc = nlp_en(text)
    quoted = find_quoted(text)
    att = DirectAttributor(doc, load_lexicon("en"), [(q.start, q.end) for q in quoted])
    assert [att.standalone(q) for q in quoted] == [True, True]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Thousands of farmers blocked the roads on Monday, unions said, as anger over fuel prices spread.",
            "Thousands of farmers blocked the roads on Monday",
        ),
        (
            "As the season ends, the club has signed three young players to rebuild its defence, "
            "officials said in a statement on Friday.",
            "As the season ends, the club has signed three young players to rebuild its defence",
        ),
    ],
)
def test_clause_before_an_incise_is_the_report(nlp_en, text: str, quote: str) -> None:
    assert [q for q, _ in found(text, nlp_en)] == [quote]


@pytest.mark.slow
@pytest.mark.parametrize("lead", ["The decision follows", "The decision came amid", "It comes on the heels of"])
def test_clause_after_a_noun_object_is_not_reported_speech(nlp_en, lead: str) -> None:
    text = f"{lead} reports that several paintings were damaged during the move."
    assert found(text, nlp_en) == []


@pytest.mark.slow
def test_participle_after_a_report_keeps_both_parts(nlp_en) -> None:
    text = (
        "The mayor said she would ask the council to vote on the budget in March, "
        "saying the city could not wait any longer for the repairs."
    )
    assert [q for q, _ in found(text, nlp_en)] == [
        "she would ask the council to vote on the budget in March",
        "the city could not wait any longer for the repairs",
    ]


@pytest.mark.slow
def test_report_nesting_another_speaker_keeps_the_inner_one(nlp_en) -> None:
    text = "The newspaper reported that a senior official said the talks had failed."
    assert [q for q, _ in found(text, nlp_en)] == ["the talks had failed"]


@pytest.mark.slow
def test_participle_of_another_speaker_inside_a_report_keeps_the_inner_one(nlp_en) -> None:
    text = (
        "The police spokesman said John Miller had filed a complaint last month, "
        "alleging that the agency had taken his money."
    )
    assert [q for q, _ in found(text, nlp_en)] == ["that the agency had taken his money"]


@pytest.mark.slow
def test_infinitive_clause_after_a_demand_is_a_request(nlp_en) -> None:
    text = "Opposition leaders criticised the plan and demanded the vote to be postponed until June."
    assert found(text, nlp_en) == []


@pytest.mark.slow
def test_clause_before_a_verb_that_goes_on_is_not_reported(nlp_en) -> None:
    text = "Hours after the petition caused a stir in the media, the deputy responded by publishing the full text."
    assert found(text, nlp_en) == []


@pytest.mark.slow
def test_speech_verb_misread_as_a_noun_after_another_noun_still_reports(nlp_en) -> None:
    text = 'Official radio announcements about this year\'s festival state that it "will show the unity of the nation."'
    assert [q for q, _ in found(text, nlp_en)] == ['"will show the unity of the nation."']


@pytest.mark.slow
def test_demand_with_an_infinitive_is_no_incise(nlp_en) -> None:
    text = "The guards beat the marchers and nobody stopped them, I demand the guards to be arrested."
    assert found(text, nlp_en) == []
