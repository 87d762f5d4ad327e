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
    ],
)
def test_note_label_reports_nothing(text: str, nlp_en) -> None:
    assert found(text, nlp_en) == []


def test_note_with_a_subject_still_reports(nlp_en) -> None:
    text = "The mayor notes: the prices were checked by her staff on Monday."
    assert [q for q, _ in found(text, nlp_en)] == ["the prices were checked by her staff on Monday"]
