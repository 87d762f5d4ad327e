"""French speakers named in full: an organisation whose last word the tagger did not take for a proper noun,
a name after the complement of a role ("le ministre de la Justice Jean Roux , qui"), a surname behind
zero-width characters, academic roles that stand for the person named before, and an opinion phrase ("Pour
X, …") whose quote follows a participle aside or a name ending in an exclamation mark."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_an_organisation_after_its_description_is_named_whole(nlp_fr) -> None:
    text = (
        "Lundi, l'organisation non gouvernementale Amnesty International a déclaré dans un communiqué : "
        "« Les militants arrêtés doivent être relâchés sans attendre. »"
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Amnesty International"]


def test_a_relative_after_a_ministers_name_is_the_whole_name(nlp_fr) -> None:
    text = (
        "Ces attaques ont provoqué la colère du Garde des Sceaux et ministre de la Justice Jean-Pierre Lavaud , "
        "qui a rappelé dans un communiqué que Dupuis « a voté contre toutes les réformes » en 2015. "
        "« Ces accusations sont sans fondement » , tranche encore Lavaud."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Jean-Pierre Lavaud", "Jean-Pierre Lavaud"]


def test_a_surname_behind_zero_width_characters_belongs_to_the_name(nlp_fr) -> None:
    text = (
        "« Les familles savent où trouver de l'aide » , a déclaré Martin Lê Van \u200b\u200bThanh, le représentant "
        "de l'agence au Laos. « Nous diffuserons le numéro à la radio » , a-t-il ajouté."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Martin Lê Van Thanh", "Martin Lê Van Thanh"]


def test_an_academic_role_stands_for_the_person_named_before(nlp_fr) -> None:
    text = (
        "Le sociologue Marc Delorme a publié une étude sur le vote rural. "
        "L'universitaire lyonnais considère que « les campagnes ne votent pas comme les villes » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Marc Delorme"]


def test_an_opinion_phrase_keeps_its_quote_past_a_participle_aside(nlp_fr) -> None:
    text = "Pour Lucas Perrin, faisant allusion à l'affaire Dupont, « la vie publique doit être propre » ."
    assert production_speakers(text, nlp_fr, "fr") == ["Lucas Perrin"]


def test_an_exclamation_mark_inside_a_party_name_does_not_end_the_sentence(nlp_fr) -> None:
    text = (
        "Pour Lucas Perrin , le candidat de Vive la Loire ! , faisant allusion à l'affaire Dupont, "
        "« la vie publique doit être propre » . S'il juge qu' « une interdiction totale serait inutile » , "
        "il propose des règles plus strictes."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Lucas Perrin", "Lucas Perrin"]
