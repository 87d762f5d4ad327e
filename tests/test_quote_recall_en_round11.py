"""English quotations the news sets showed missed or spurious: quotes left without their closing mark (an
article cut short, paragraphs run into one line), and what must still stay out."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quote_lexicon import load_lexicon
from newsdesk.nlp.quote_marks import find_quoted
from newsdesk.nlp.quotes_direct import DirectAttributor
from newsdesk.nlp.quotes import extract_quotes


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
