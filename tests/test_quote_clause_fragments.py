"""Short quoted fragments that are the words of their clause's subject (naming, wish and belief verbs, a
person's predicate, cries, "Pour X,"), and quoted names, labels and terms that stay out (own sentences)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[int, int, str | None]]:
    """(start, end, resolved speaker) of each quote of `text`."""
    return [(s.start, s.end, s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang=lang)]


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_wish_verb_with_a_quoted_object_quotes_its_subject(nlp_fr) -> None:
    text = "Le soir même, Claire Vernet souhaite « bonne chance » à son adversaire."
    assert found(text, nlp_fr, "fr") == [(*at(text, "« bonne chance »"), "Claire Vernet")]


def test_quoted_predicate_of_a_person_is_their_words(nlp_fr, nlp_en) -> None:
    text = "Le maire Paul Durand est « très inquiet » pour la suite des travaux."
    assert found(text, nlp_fr, "fr") == [(*at(text, "« très inquiet »"), "Paul Durand")]
    text = "Coach Anna Berg is \"not far away\" from a new contract with the club."
    assert found(text, nlp_en, "en") == [(*at(text, '"not far away"'), "Anna Berg")]


def test_opinion_frame_gives_a_fragment_its_holder(nlp_fr) -> None:
    text = "Pour Marie Dupont, il s'agit d'un projet « dangereux et inutile » pour la commune."
    assert found(text, nlp_fr, "fr") == [(*at(text, "« dangereux et inutile »"), "Marie Dupont")]


def test_opinion_frame_with_a_role_or_a_body_gives_the_fragment_to_it(nlp_fr) -> None:
    text = "Pour le gouvernement, il s'agit d'« un tournant historique » pour le pays."
    assert [(s, e) for s, e, _ in found(text, nlp_fr, "fr")] == [at(text, "« un tournant historique »")]
    text = "Pour la première fois, le club joue un match « à domicile » en Europe."
    assert found(text, nlp_fr, "fr") == []


def test_naming_with_a_bare_qualifier_quotes_the_namer(nlp_en) -> None:
    text = "Senator Ann Lee called the ruling \"deeply unfair\" on Tuesday."
    assert found(text, nlp_en, "en") == [(*at(text, '"deeply unfair"'), "Ann Lee")]
    text = "Singer Tom Hale cited the town as \"a model\" for other places."
    assert found(text, nlp_en, "en") == [(*at(text, '"a model"'), "Tom Hale")]


def test_chants_of_a_group_are_quotes_without_a_name(nlp_fr, nlp_en) -> None:
    text = "Des manifestants scandant « Dupont, démission » ont bloqué la rue principale."
    assert found(text, nlp_fr, "fr") == [(*at(text, "« Dupont, démission »"), None)]
    text = "Protesters chanted \"Freedom, freedom\" outside the court."
    assert found(text, nlp_en, "en") == [(*at(text, '"Freedom, freedom"'), None)]
    text = "Later, those present responded with cries of \"No more cuts,\" and the police left."
    assert found(text, nlp_en, "en") == [(*at(text, '"No more cuts,"'), None)]


def test_names_labels_and_terms_in_quote_marks_stay_out(nlp_fr, nlp_en) -> None:
    for text in (
        "The company launched its \"Smart Living\" campaign in March.",
        "Consumer Reports declined to give the phone a \"recommended\" rating.",
        "The band released the album \"Blue Sky\" in May.",
        "John Smith lives in a \"tiny house\" near the river.",
    ):
        assert found(text, nlp_en, "en") == [], text
    for text in (
        "L'opération « Wuambushu » a commencé lundi à l'aube.",
        "Paul Durand lui porte un « coup de mallette » par derrière.",
        "Ils sont accusés de « rébellion » depuis samedi.",
        "Pour Marie Dupont, cela n'a rien à voir avec l'« affaire Fillon ».",
    ):
        assert found(text, nlp_fr, "fr") == [], text
