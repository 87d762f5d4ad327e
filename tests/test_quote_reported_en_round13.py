"""English reported speech without quote marks: reports the news sets showed missed (adverbial gerunds of a
speech verb, …) and spurious ones (…)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes


def found(text: str, nlp) -> list[tuple[str, str, str | None]]:
    """(quoted text, kind, resolved speaker) of each quote of `text`."""
    return [
        (text[s.start : s.end], s.attrs["kind"], s.attrs["speaker_name"])
        for s in extract_quotes(text, nlp(text), lang="en")
    ]


def spans(text: str, nlp) -> list[str]:
    return [q for q, _, _ in found(text, nlp)]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Insisting that the law was fair, Mayor Ann Cole refused to resign.",
            "that the law was fair",
            "Ann Cole",
        ),
        (
            "While noting that the budget was balanced, Senator Mark Ellis said the cuts would stay.",
            "that the budget was balanced",
            "Mark Ellis",
        ),
        (
            "After stressing that no ferry would sail before Monday, harbour master Tom Reyes closed the meeting.",
            "that no ferry would sail before Monday",
            "Tom Reyes",
        ),
    ],
)
def test_fronted_gerund_speaks_for_the_main_subject(text: str, quote: str, speaker: str, nlp_en) -> None:
    assert (quote, "indirect", speaker) in found(text, nlp_en)


def test_fronted_gerund_report_stops_before_the_main_clause(nlp_en) -> None:
    text = "While maintaining that the vote was fair, the chairman asked members to stay calm."
    assert spans(text, nlp_en) == ["that the vote was fair"]
