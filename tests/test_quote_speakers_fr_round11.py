"""French speakers named in full: an organisation whose last word the tagger did not take for a proper noun,
a name after the complement of a role ("le ministre de la Justice Jean Roux , qui"), a surname behind
zero-width characters, academic roles that stand for the person named before, and an opinion phrase ("Pour
X, …") whose quote follows a participle aside or a name ending in an exclamation mark; a party candidate, a
lawyer named after a title, a newspaper named after its description and information reported by the press."""

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


def test_a_party_candidate_is_the_last_speaker_not_a_candidate_named_later(nlp_fr) -> None:
    text = (
        "Pour Hugo Lambert , « les abus ne laissent pas le choix » . Il propose une règle stricte. "
        "Le candidat de Debout la Loire veut également, estimant qu'un élu « doit se tenir à l’écart des lobbys » , "
        "une réforme. Paul Carpentier , candidat de La Loire insoumise , évoque la possibilité de "
        "« révoquer les élus » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[:2] == ["Hugo Lambert", "Hugo Lambert"]


def test_a_new_head_of_state_is_not_the_last_speaker(nlp_fr) -> None:
    text = (
        "Marc Dubois , son principal adversaire, récolte 31 % des voix. « Nous avons perdu » a-t-il déclaré. "
        "Le nouveau chef de l’État pro-européen a déclaré qu' « il n’y aura pas de rupture avec nos voisins » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] != "Marc Dubois"


def test_the_words_of_a_lawyer_named_after_a_title_are_the_lawyers(nlp_fr) -> None:
    text = (
        "Paul Girard a été entendu mardi par les juges. Selon les propos de son avocat, Me Julien Ravel à l'AFP , "
        "« l'audition s'est déroulée dans le calme » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Julien Ravel"]


def test_a_newspaper_described_before_its_name_is_named(nlp_fr) -> None:
    text = (
        "Le quotidien bulgare Sofia Dnevnik a publié une enquête lundi affirmant que la banque a caché des comptes "
        "à l'étranger."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Sofia Dnevnik"]


def test_information_reported_by_the_press_is_the_press(nlp_fr) -> None:
    text = (
        "Un tag a été retrouvé sur le mur. Selon les informations relatées par la presse nationale, cet acte "
        "ferait suite aux propos tenus par le joueur mercredi."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["presse nationale"]


def test_an_emphatic_pronoun_is_not_part_of_the_name(nlp_fr) -> None:
    text = "Les chiffres exacts, selon le Tram lui-même, sont de 570 000 voyageurs vendredi."
    assert production_speakers(text, nlp_fr, "fr") == ["Tram"]


def test_an_acronym_spelt_out_in_parentheses_after_it_is_named_in_full(nlp_fr) -> None:
    text = "Le taux de participation se monte à 85 %, d'après les informations du KSE (Haut-Conseil électoral)."
    assert production_speakers(text, nlp_fr, "fr") == ["Haut-Conseil électoral"]


def test_a_short_name_spelt_out_in_parentheses_is_named_in_full(nlp_fr) -> None:
    text = (
        "Paul Roy , membre de l'Unocs (le Bureau pour la coordination des secours de l'ONU), a dénoncé une "
        "attaque. Au début du mois, des membres d'une ONG avaient été tués, selon l’Unocs."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Bureau pour la coordination des secours de l'ONU"
