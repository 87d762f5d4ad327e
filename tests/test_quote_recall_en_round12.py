"""English quotations the news sets showed missed or spurious: a title abbreviation before a name ("spokesman
Sgt. Ann Lee said") that must not end the sentence."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes


def found(text: str, nlp) -> list[tuple[str, str | None]]:
    """(quoted text, resolved speaker) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang="en")]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The bridge was shut overnight. Divers are searching the river below the dam, county fire spokesman "
            "Sgt. Dale Morrow said. No one else was hurt.",
            "Divers are searching the river below the dam",
            "Dale Morrow",
        ),
        ("We have no suspect yet, Capt. Irene Walsh told reporters.", "We have no suspect yet", "Irene Walsh"),
        (
            "The driver fled on foot, said Det. Omar Price of the county police. He was caught an hour later.",
            "The driver fled on foot",
            "Omar Price",
        ),
    ],
)
def test_title_abbreviation_before_the_name_keeps_its_sentence(text: str, quote: str, speaker: str, nlp_en) -> None:
    assert (quote, speaker) in found(text, nlp_en)


def test_title_abbreviation_stays_one_token(nlp_en) -> None:
    doc = nlp_en("Ask Sgt. Dale Morrow and Capt. Irene Walsh.")
    assert {"Sgt.", "Capt."} <= {t.text for t in doc}
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Editors note: The photo above was taken last winter. The store will close in March.",
        "Note: The prices were checked by our staff on Monday.",
        "Shops close early on Friday Editors note: The photo above was taken last winter.",  # glued to a headline
    ],
)
def test_note_label_reports_nothing(text: str, nlp_en) -> None:
    assert found(text, nlp_en) == []


def test_note_with_a_subject_still_reports(nlp_en) -> None:
    text = "The mayor notes: the prices were checked by her staff on Monday."
    assert [q for q, _ in found(text, nlp_en)] == ["the prices were checked by her staff on Monday"]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            'Senator Ann Lee accused the agency of trying to "bury the report" before the vote.',
            '"bury the report"',
            "Ann Lee",
        ),
        (
            'The former minister left the court on Monday, accusing judges of conspiring to "silence" him.',
            '"silence"',
            None,
        ),
        (
            'Amnesty International criticized the government for its "brutal crackdown" on students.',
            '"brutal crackdown"',
            "Amnesty International",
        ),
        (
            'The Daily Herald openly criticized Mayor Tom Hart for playing "little games" with the budget.',
            '"little games"',
            "Daily Herald",
        ),
        (
            'The dockers union threatened to take "harsher steps" unless the port raised wages.',
            '"harsher steps"',
            "dockers union",
        ),
        (
            'General Paul Roy referred to the arms cache as "a grave warning" for the army.',
            '"a grave warning"',
            "Paul Roy",
        ),
    ],
)
def test_quoted_words_of_an_accusation_criticism_threat_or_naming_as(
    text: str, quote: str, speaker: str | None, nlp_en
) -> None:
    assert [q for q, _ in found(text, nlp_en)] == [quote]
    if speaker is not None:
        assert found(text, nlp_en)[0][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Tom Hart referred to the "crisis" twice in his speech.',  # no "as": a term
        'He referred to the "Big Three" automakers in his talk.',
        'The mayor urged residents to "stay home" on Sunday.',  # a request
        'The case was referred to the "special court" last week.',
    ],
)
def test_quoted_terms_without_naming_stay_out(text: str, nlp_en) -> None:
    assert found(text, nlp_en) == []


def test_a_quote_before_refers_is_no_naming(nlp_en) -> None:
    text = "Experts doubt it. “Superspreader” refers to a person who infects many others."
    assert found(text, nlp_en) == []
