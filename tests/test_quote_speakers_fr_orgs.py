"""French organisation speakers: offices of an organisation, a common noun with the organisation's name,
acronyms defined with lower-case words, pronouns standing for an organisation."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes
from newsdesk.nlp.speaker_orgs import french_defined_name
from quote_helpers import production_speakers, quote_speakers

pytestmark = pytest.mark.slow


def speakers(text: str, nlp) -> list[str | None]:
    return quote_speakers(text, nlp, "fr")


def test_office_of_an_organisation_speaks_for_it(nlp_fr) -> None:
    text = (
        "Un convoi humanitaire a été arrêté à la frontière. « Nos camions attendent depuis trois jours sans "
        "aucune explication des autorités » a déclaré la délégation de Oxfam à Amman ."
    )
    assert speakers(text, nlp_fr) == ["Oxfam"]


def test_common_noun_followed_by_the_organisation_name(nlp_fr) -> None:
    text = (
        "Le groupe Danone a présenté ses comptes mardi. Après avoir annoncé la fermeture de deux usines, "
        "l'opérateur Total a affirmé dans un communiqué que ses clients seraient indemnisés avant l'été."
    )
    assert speakers(text, nlp_fr) == ["Total"]


def test_acronym_definition_with_lower_case_words() -> None:
    text = (
        "Le projet a été validé par la préfecture et l' Agence nationale de sécurité du Médicament et des "
        "Produits (ANSMP)"
    )
    assert french_defined_name(text, text.rindex("(")) == "Agence nationale de sécurité du Médicament et des Produits"
    text = "sous la supervision du Comité international de la Croix-Rouge (CICR)"
    assert french_defined_name(text, text.rindex("(")) == "Comité international de la Croix-Rouge"


def test_speaker_acronym_is_spelt_out_with_lower_case_words(nlp_fr) -> None:
    text = (
        "La décision a été confirmée par l'AFP et l' Office des transports de Montagne et d'Altitude (OTMA) . "
        "« Les routes resteront fermées jusqu'à lundi » a précisé l'OTMA dans un communiqué."
    )
    assert speakers(text, nlp_fr) == ["Office des transports de Montagne et d'Altitude"]


def test_organisation_named_with_a_person_noun_is_named(nlp_fr) -> None:
    text = (
        "Un hôpital tenu par Médecins sans frontières a été touché. « Trois roquettes ont frappé le bâtiment "
        "pendant la nuit » a affirmé le bureau de Médecins sans frontières à Genève ."
    )
    assert speakers(text, nlp_fr) == ["Médecins sans frontières"]


def test_pronoun_continues_an_organisation_noun_subject(nlp_fr) -> None:
    text = (
        "Renault visé par une plainte\n\n"
        "Renault a confirmé mardi l'ouverture d'une enquête par le tribunal de commerce (TCN) . "
        "Le constructeur automobile a dû publier cette information avant l'ouverture de la Bourse. "
        "Il en a profité pour rappeler dans un communiqué que ses comptes avaient été certifiés sans réserve."
    )
    assert speakers(text, nlp_fr) == ["Renault"]


def test_inverted_speaker_after_a_complement(nlp_fr) -> None:
    text = (
        "« Ce traité était une chance pour nos agriculteurs et pour toute la région » , a regretté pour sa part "
        "le Premier ministre Jean Castex sur Twitter ."
    )
    assert speakers(text, nlp_fr) == ["Jean Castex"]


def test_place_opening_the_sentence_speaks_when_the_parser_gave_no_subject(nlp_fr) -> None:
    text = (
        "Il sera ensuite directeur de l' Opéra de Lyon .\n\n"
        "L' Élysée a salué « un artiste généreux, un pédagogue exigeant et un homme de grande culture » ."
    )
    assert speakers(text, nlp_fr) == ["Élysée"]


def test_quote_read_on_a_page_is_its_authors(nlp_fr) -> None:
    text = (
        "Le festival de Cannes a ouvert ses portes mardi.\n\n"
        "« Nous avons décidé de reporter la projection du film à une date ultérieure » peut-on lire sur le site "
        "de Gaumont ."
    )
    assert speakers(text, nlp_fr) == ["Gaumont"]


def test_quote_read_there_is_by_the_document_named_before(nlp_fr) -> None:
    text = (
        "Dans un communiqué de la mairie de Lyon, on apprend que la salle sera fermée jusqu'à lundi. "
        "« Les pompiers sont arrivés sur place et les spectateurs ont été évacués dans le calme » peut-on y lire."
    )
    assert speakers(text, nlp_fr) == ["mairie de Lyon"]


def test_subject_of_an_alors_que_clause_is_not_the_speaker(nlp_fr) -> None:
    text = (
        "Alors que les syndicats réclame une hausse des salaires depuis des mois, la nouvelle directrice de "
        "l’usine a déclaré qu' « aucune augmentation ne sera possible avant la fin de l'année » ."
    )
    spans = extract_quotes(text, nlp_fr(text), lang="fr")
    assert [s.attrs["speaker"] for s in spans] == ["la nouvelle directrice de l’usine"]


def test_inverted_speaker_of_an_incise_after_the_quote(nlp_fr) -> None:
    text = (
        "Renault est accusé d'avoir gonflé les prix. « Nous ne savons pas sur quels éléments est fondée » "
        "cette accusation, se défend pour sa part le constructeur."
    )
    spans = extract_quotes(text, nlp_fr(text), lang="fr")
    assert [(s.attrs["speaker"], s.attrs["speaker_name"]) for s in spans] == [("le constructeur", "Renault")]


def test_unnamed_volunteers_and_other_sources_name_nobody(nlp_fr) -> None:
    text = (
        "Selon les volontaires, la nourriture était le plus grand problème de la mission. "
        "Une autre source a affirmé que le vaisseau avait été réparé en urgence. "
        "Des travailleurs humanitaires présents sur place ont affirmé que l'aide était arrivée trop tard."
    )
    assert speakers(text, nlp_fr) == [None, None, None]


def test_findings_are_not_a_source(nlp_fr) -> None:
    text = "Selon les premières constatations, le camion aurait quitté la route à cause du verglas."
    assert extract_quotes(text, nlp_fr(text), lang="fr") == []


def test_acronym_not_defined_in_parentheses_keeps_its_written_form(nlp_fr) -> None:
    text = (
        "Un camp tenu par Action contre la faim a été touché. « Deux entrepôts ont brûlé pendant la nuit » "
        "a affirmé l'ACF dans un communiqué."
    )
    assert speakers(text, nlp_fr) == ["ACF"]


def test_a_line_ending_on_a_colon_introduces_the_quote_paragraph_below(nlp_fr) -> None:
    reacted = (
        "Le 22 octobre, Gaston Dupuy, premier vice-président du pays, a réagi plutôt vivement à l'annonce :\n\n"
        "« C'est un geste qui s'inscrit dans une longue série de pressions contre notre République »\n\n"
        "La décision a été prise mardi."
    )
    assert production_speakers(reacted, nlp_fr, "fr") == ["Gaston Dupuy"]
    explicit = (
        "Le ministre de l'intérieur Pascal Berthier est plus explicite :\n\n"
        "« Cinq associations ont continué à fonctionner en secret, en ternissant l'image du pays. »"
    )
    assert production_speakers(explicit, nlp_fr, "fr") == ["Pascal Berthier"]
    question = "Cette question est la suivante :\n\n« Qui paiera les soldats le mois prochain, et avec quel argent ? »"
    assert production_speakers(question, nlp_fr, "fr") in ([], [None])
