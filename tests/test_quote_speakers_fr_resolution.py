"""French pronoun speakers ("il", "elle", "lui") resolved to the right antecedent: the subject of the
sentence before rather than a person named as an object or complement, a person whose gender the grammar
shows, an organisation that was the topic, and names without the common noun the tagger kept."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_a_subject_with_a_long_apposition_takes_over_from_the_last_speaker(nlp_fr) -> None:
    text = (
        "« Ces chiffres sont faux » , a dit Luc Berthier. Le président de l' Association des enseignants , "
        "Karim Benali , conseiller de Sophie Marchal , maire du Loiret , a cependant, lui, pris la défense des "
        "Berthier. Pour lui, « tout est légal »."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Luc Berthier", "Karim Benali"]


def test_a_subject_the_parser_left_unattached_is_the_antecedent(nlp_fr) -> None:
    text = (
        "« Nous resterons » , a répondu Anne Leroy. Quelques minutes plus tôt, elle s'était excusée devant "
        "Paul Fabre. Simon Tardieu , un porte-parole du collectif, a énuméré les griefs. "
        "Pour lui, « l'État nous doit des routes ! » ."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Anne Leroy", "Simon Tardieu"]


def test_the_new_topic_is_the_subject_not_the_person_quoted_before(nlp_fr) -> None:
    text = (
        "Nicolas Blanchet a porté plainte contre Paul Ruel pour injure. Ruel avait écrit en 2015 : "
        "« L'escroc Blanchet roule pour la mairie. » . Ruel a été mis en examen. "
        "Blanchet, quant à lui, s'insurge. « La justice va trop lentement » , fustige-t-il."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Paul Ruel", "Nicolas Blanchet"]


def test_elle_goes_to_the_subject_a_participle_shows_as_a_woman(nlp_fr) -> None:
    text = (
        "« C'est fini » , a dit Paul Roussel. Camille Fournier avait été écartée de la direction en mai, "
        "accusée par Paul Roussel de trahir le parti. Elle se présente aujourd'hui comme la seule opposante : "
        "« Je dis ce que je pense » . Elle juge que les autres sont des « hypocrites » ."
    )
    assert production_speakers(text, nlp_fr, "fr")[-2:] == ["Camille Fournier", "Camille Fournier"]


def test_a_participle_agreeing_with_another_noun_shows_no_gender(nlp_fr) -> None:
    text = (
        "L'arrivée de Lucas Perrin est avancée au lundi. Face aux critiques, Lucas Perrin a publié une lettre. "
        "Dans cette lettre il demande « du respect »."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Lucas Perrin"


def test_il_continues_the_organisation_that_was_the_subject(nlp_fr) -> None:
    text = (
        "« Le ministère n'est pas en cause », a déclaré Pierre Delmas, ministre du Budget. Le groupe Kervalis "
        "a quant à lui reconnu une erreur dans le choix du fournisseur. Il précise avoir réagi dès qu'il a été "
        "informé. « Nous avons suspendu les paiements », ajoute-t-il."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Pierre Delmas", "Kervalis", "Kervalis"]


def test_a_role_the_article_leaves_unnamed_is_not_an_organisation_for_il(nlp_fr) -> None:
    text = (
        "Un incendie a été maîtrisé dans la nuit, a communiqué le bourgmestre de la ville, Philippe Lebrun. "
        "Le bourgmestre a indiqué que le feu avait pris dans une cave. "
        "Certains habitants ont pu rentrer chez eux, a-t-il précisé."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Philippe Lebrun"


def test_ils_after_a_plural_subject_is_not_the_organisation_named_before(nlp_fr) -> None:
    text = (
        "L'étude a été menée avec le CNRS et publiée lundi. Les chercheurs n'ont pas trouvé de trace de dents, "
        "mais ils estiment que l'animal se nourrissait de plancton."
    )
    assert production_speakers(text, nlp_fr, "fr") == [None]
