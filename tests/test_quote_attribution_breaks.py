"""Attributions across a line break or an incise, and words of the quote the parse hangs on the verb that
closes it (a negation or "que" inside the quote does not make the incise negated or subordinate)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[str, str | None]]:
    """(quoted text, resolved speaker) of each direct quote of `text`."""
    spans = extract_quotes(text, nlp(text), lang=lang)
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in spans if s.attrs["kind"] == "direct"]


def test_restrictive_negation_inside_the_quote_keeps_the_incise(nlp_fr) -> None:
    text = "« Notre pays n'était qu'un pays en guerre », a déclaré Marie Dupont."
    assert found(text, nlp_fr, "fr") == [("« Notre pays n'était qu'un pays en guerre »", "Marie Dupont")]
    text = "« Le village n'est pas qu'un lieu qui a connu la guerre », a déclaré Paul Durand."
    assert found(text, nlp_fr, "fr") == [(text[: text.index(",")], "Paul Durand")]


def test_negated_speech_verb_outside_the_quote_still_blocks(nlp_fr) -> None:
    text = "Marie Dupont n'a pas déclaré « nous avons gagné la guerre contre ce pays »."
    assert found(text, nlp_fr, "fr") == []


def test_attribution_line_above_a_quote_paragraph(nlp_en, nlp_fr) -> None:
    text = "Secretary Michael Gove stated:\n\n\"We will not allow this to happen again, and we will act quickly.\""
    assert [s for _, s in found(text, nlp_en, "en")] == ["Michael Gove"]
    text = "Senator Jane Roe tweeted:\n\"This is a disgraceful decision that will hurt working families.\""
    assert [s for _, s in found(text, nlp_en, "en")] == ["Jane Roe"]
    text = "Le ministre Paul Durand a écrit sur Twitter :\n« Je condamne avec la plus grande fermeté cette attaque. »"
    assert [s for _, s in found(text, nlp_fr, "fr")] == ["Paul Durand"]


def test_split_quote_around_an_incise_keeps_its_speaker(nlp_en) -> None:
    text = ("\"We have done nothing wrong,\" Stewart replied, \"and we will prove it in court next month.\" "
            "The judge then adjourned. Smith said the case was weak.")
    assert [s for _, s in found(text, nlp_en, "en")] == ["Stewart", "Stewart"]
