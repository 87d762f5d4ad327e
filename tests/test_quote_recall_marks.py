"""Quoted words that must not be dropped: a participle after a quote is no incise, lists of cries after a colon,
quoted "que"/"that" clauses, thanks, a verb-first quote after a subject with its apposition, a quoted clause
after a fronted phrase; and what still stays out (own sentences)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[str, str | None]]:
    """(quoted text, resolved speaker) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang=lang)]


def test_participle_after_a_quote_is_not_its_incise(nlp_fr) -> None:
    text = (
        "Le porte-parole Marc Olivier a dénoncé une « provocation » , en évoquant des « pertes » , "
        "sans en préciser la nature."
    )
    quotes = found(text, nlp_fr, "fr")
    assert ("« pertes »", "Marc Olivier") in quotes
    assert all(speaker == "Marc Olivier" for _, speaker in quotes)


def test_as_said_by_still_attributes_the_quote(nlp_en) -> None:
    text = '"We are exhausted and we need help now," as said by the girl\'s mother, Rosa Delgado, on Monday.'
    assert found(text, nlp_en, "en") == [('"We are exhausted and we need help now,"', "Rosa Delgado")]


def test_opening_mark_is_not_an_incise_comma(nlp_en) -> None:
    text = 'Fans have been using the hashtag #merci, or "thank you", to tweet about the team.'
    assert found(text, nlp_en, "en") == []


def test_short_cries_listed_after_a_colon_are_each_quoted(nlp_fr, nlp_en) -> None:
    text = "Devant la préfecture, des manifestants ont scandé : « Menteur » , « Démission » et « Pas en notre nom »."
    assert [q for q, _ in found(text, nlp_fr, "fr")] == ["« Menteur »", "« Démission »", "« Pas en notre nom »"]
    text = 'Outside the court, the protesters chanted: "Shame", "Resign now" and "Justice for all".'
    assert [q for q, _ in found(text, nlp_en, "en")] == ['"Shame"', '"Resign now"', '"Justice for all"']


def test_short_words_listed_without_a_colon_stay_terms(nlp_fr) -> None:
    text = "Le festival a programmé « Tosca » , « Carmen » et « Nabucco » cet été."
    assert found(text, nlp_fr, "fr") == []


def test_short_quoted_clause_after_que_is_a_quote(nlp_fr) -> None:
    text = (
        "Le porte-parole Marc Olivier explique au journal que « toutes les pistes restent ouvertes » "
        "et que « rien n'est décidé »."
    )
    quotes = found(text, nlp_fr, "fr")
    assert [q for q, _ in quotes] == ["« toutes les pistes restent ouvertes »", "« rien n'est décidé »"]
    assert {speaker for _, speaker in quotes} == {"Marc Olivier"}


def test_quoted_thanks_are_the_words_of_whoever_thanks(nlp_fr, nlp_en) -> None:
    text = "Le capitaine Paul Morel remercie aussi « tous les supporters venus nous encourager cette saison »."
    assert found(text, nlp_fr, "fr") == [("« tous les supporters venus nous encourager cette saison »", "Paul Morel")]
    text = 'Captain Ann Lee has thanked the "whole medical team for the incredible care" she received.'
    assert found(text, nlp_en, "en") == [('"whole medical team for the incredible care"', "Ann Lee")]


def test_verb_first_quote_after_a_subject_and_its_apposition(nlp_fr) -> None:
    text = "La ministre de la Culture, Claire Vernet, « salue chaleureusement » le lauréat du prix."
    assert found(text, nlp_fr, "fr") == [("« salue chaleureusement »", "Claire Vernet")]


def test_quoted_clause_after_a_fronted_phrase_is_a_quote(nlp_fr) -> None:
    text = "Lors de la perquisition, « des armes et plusieurs téléphones ont été saisis par les enquêteurs »."
    assert [q for q, _ in found(text, nlp_fr, "fr")] == [
        "« des armes et plusieurs téléphones ont été saisis par les enquêteurs »"
    ]


def test_quoted_title_after_a_fronted_phrase_stays_out(nlp_fr) -> None:
    text = "Dans la soirée, « Le Monde diplomatique de ce mois » a publié une longue enquête."
    assert found(text, nlp_fr, "fr") == []
    text = "Dans la soirée, le groupe a joué « La vie en rose » devant une foule immense."
    assert found(text, nlp_fr, "fr") == []


def test_passive_naming_verb_quotes_its_agent(nlp_en) -> None:
    text = 'The new tablet was praised by Jobs as "the biggest leap we have taken since the first model."'
    assert found(text, nlp_en, "en") == [('"the biggest leap we have taken since the first model."', "Jobs")]
    text = 'The plan was described as "a disaster" in the report.'
    assert found(text, nlp_en, "en") == []
