"""French speakers written as a description ("le ministre", "le candidat d'En marche", "le Jamaïcain",
"la chaîne"), a pronoun whose topic is a description ("Le chauffeur … Il déclare"), or an indefinite phrase
with an apposed name, resolved to the person or body the article names, or to nobody when it names nobody."""

from __future__ import annotations

import pytest

from newsdesk.article import Span
from newsdesk.nlp.quote_lexicon import load_lexicon
from newsdesk.nlp.speaker_mentions import ArticleMentions
from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_role_after_actuel_makes_the_holder_not_the_premier_ministre(nlp_fr) -> None:
    text = (
        "Marc Delorme , l'actuel ministre de l'Intérieur, aurait employé ses fils. "
        "« Ils ont travaillé l'été, jamais en permanence » , a répondu le ministre en marge d'un déplacement. "
        "Le Premier ministre Alain Vasseur l'a convoqué mardi."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Marc Delorme"]


def test_a_minister_of_another_department_is_not_the_premier_ministre(nlp_fr) -> None:
    text = (
        "Le Premier ministre Carlos Ibarra a défendu le budget. La Commission pourrait infliger une amende, "
        "le ministre de l'Économie espagnol ayant déclaré s'attendre à « une amende de zéro euro » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] is None


def test_chef_de_l_etat_followed_by_a_place_is_the_president(nlp_fr) -> None:
    text = (
        "Le président français Paul Mercier a critiqué les grévistes. Le chef de l'État en déplacement à Lyon a "
        "déclaré que « certains feraient mieux de chercher du travail » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Paul Mercier"]


def test_a_description_without_holder_takes_up_the_subject_of_the_sentence_before(nlp_fr) -> None:
    text = (
        "Julien Garnier a nié mardi toute responsabilité dans le choix du prestataire. « Je n'en savais rien, "
        "mon ministère a toujours respecté les règles » , a confié le candidat d'En marche à la presse."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Julien Garnier"]


def test_a_person_named_after_the_verb_is_not_the_topic_of_a_description(nlp_fr) -> None:
    text = (
        "D'après les médias, le suspect se nommerait Karim Osmani, un homme de 29 ans. Selon le directeur de "
        "la discothèque, les tirs ont débuté vers deux heures du matin."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] is None


def test_a_nationality_noun_takes_up_the_athlete_who_is_the_topic(nlp_fr) -> None:
    text = (
        "En courant en 9\"81, Marlon Hayes est devenu le premier athlète à gagner trois titres. Pour ses "
        "derniers jeux, le Jamaïcain a affirmé qu'il était « l'homme le plus rapide du monde » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Marlon Hayes"]


def test_pronoun_after_an_unnamed_person_noun_subject_names_nobody(nlp_fr) -> None:
    text = (
        "Un voyageur a menacé un chauffeur de la régie, dirigée par Pierre Lenoir. Le chauffeur a pris sa "
        "retraite. Il déclare que « les agressions vont jusqu'à la tentative de viol » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == [None]


def test_a_person_noun_phrase_names_nobody(nlp_fr) -> None:
    text = (
        "Un car scolaire a été percuté par un train. La conductrice du car a affirmé que « les barrières "
        "étaient levées » au moment du passage."
    )
    assert production_speakers(text, nlp_fr, "fr") == [None]


def test_indefinite_phrase_with_a_name_between_commas_is_that_person(nlp_fr) -> None:
    text = (
        "La loi a été adoptée à une large majorité. L'une des rares voix discordantes, Ivan Sokolov , a "
        "dénoncé ce texte en affirmant que « la violence n'est pas une tradition » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Ivan Sokolov"]


def test_organisation_noun_followed_by_its_name(nlp_fr) -> None:
    text = (
        "Le discours a duré seize minutes. La chaîne CNN fait remarquer qu'il s'agit du « discours le plus "
        "radical » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["CNN"]


def test_plural_pronoun_does_not_take_up_an_organisation_named_long_before(nlp_fr) -> None:
    text = (
        "Il a choisi la bible d'Abraham Lincoln, sauveur de l'Union, pour la cérémonie. La cérémonie a été "
        "saluée par vingt et un coups de canon, comme le veut la tradition. Les invités ont ensuite déjeuné au "
        "Capitole avec les élus. Ils ont affirmé que « la journée était historique » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] != "Union"


def test_a_role_inside_another_role_complement_is_not_held(nlp_fr) -> None:
    text = (
        "Maître Paul Ferrand, avocat de la mère de l'adolescente, a dénoncé une enquête bâclée. « Ma fille "
        "est innocente » , a confié pour sa part la mère de l'adolescente."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] is None


def test_a_description_whose_words_fit_no_holder_takes_up_the_topic(nlp_fr) -> None:
    text = (
        "Yves Marchand, candidat écologiste à la présidentielle, a présenté son programme. Le 17 février, "
        "Bruno Delattre est entré en contact avec Jean-Luc Perrin. Mais dès le lendemain, le candidat "
        "socialiste indique que « les négociations ont échoué » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Bruno Delattre"]


def test_a_name_between_commas_after_a_role_is_a_person_whatever_the_tagger_said(nlp_fr) -> None:
    text = "Le match est fini. L'entraîneur parisien, Staffan Olsson, juge que le résultat doit servir de réveil."
    start = text.index("Staffan")
    entities = [Span(start=start, end=start + len("Staffan Olsson"), label="ORG")]
    mentions = ArticleMentions(text, nlp_fr(text), load_lexicon("fr"), entities=entities).mentions
    assert [(m.name, m.label, m.role) for m in mentions] == [("Staffan Olsson", "PER", "entraîneur parisien")]


def test_an_organisation_subject_inside_a_quote_is_not_the_one_described(nlp_fr) -> None:
    text = (
        "Selon Greenpeace , « il s'agit du troisième incendie en dix jours » et « l'ASN a elle-même déclaré que "
        "la sûreté est préoccupante » . « Tout cela s'inscrit dans une dégradation grave » , fustige encore "
        "l'association."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Greenpeace"


def test_pronoun_after_an_unnamed_role_of_a_named_person_names_nobody(nlp_fr) -> None:
    text = (
        "« La justice va trop lentement » , a dit Marc Vidal. L'avocate de Paul Garnier précise d'ailleurs "
        "à la presse que Marc Vidal a invoqué l'injure. « Il aurait dû prouver que c'était faux » , "
        "explique-t-elle."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] is None
