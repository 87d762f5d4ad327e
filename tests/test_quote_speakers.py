"""Speaker resolution: group quantifiers, abbreviations, detached participles, entity-layer checks, what is
not part of a name (day words, descriptions) and who a phrase stands for."""

from __future__ import annotations

import pytest

from newsdesk.article import Span
from newsdesk.nlp.quotes import extract_quotes
from quote_helpers import quote_speakers

pytestmark = pytest.mark.slow


speakers = quote_speakers


def test_group_led_by_a_quantifier_is_unnamed(nlp_fr) -> None:
    text = "Selon plusieurs médias, l'homme aurait crié avant de s'enfuir vers la gare."
    assert speakers(text, nlp_fr, "fr") == [None]
    text = "Selon les médias locaux, l'homme aurait crié avant de s'enfuir vers la gare."
    assert speakers(text, nlp_fr, "fr") == ["médias locaux"]


def test_company_abbreviation_keeps_its_period(nlp_en) -> None:
    text = "Apple Inc. said it has settled its long trademark dispute with the record company."
    assert speakers(text, nlp_en, "en") == ["Apple Inc."]


def test_participle_speech_verb_takes_the_sentence_subject(nlp_fr) -> None:
    text = (
        "Brian Teefey, beau-père de la chanteuse Selena Gomez , qui a été le manager de Christina, a ouvert une "
        "cagnotte en ligne pour récolter des fonds afin de venir en aide à la famille de la chanteuse, déclarant "
        "au magazine People : « Je n'ai pas de mots pour décrire la douleur que je ressens, Christina était comme "
        "une seconde fille pour moi. »"
    )
    assert speakers(text, nlp_fr, "fr") == ["Brian Teefey"]


def test_entity_layer_person_inside_an_organisation_is_not_a_speaker(nlp_en) -> None:
    text = "The US car manufacturer General Motors said that it would axe 10,000 jobs at its European division."
    s = text.index("Motors")
    ents = [Span(start=s, end=s + len("Motors"), label="PER", attrs={"name": "Motors", "role": "General"})]
    assert speakers(text, nlp_en, "en", ents) == ["General Motors"]


def test_pronoun_after_an_unnamed_speaker_stays_unnamed(nlp_fr) -> None:
    text = (
        "« Le pont est fermé jusqu'à nouvel ordre », a déclaré Pierre Lambert, maire de la commune.\n\n"
        "Selon un pompier présent sur place, deux voitures sont tombées dans la rivière. "
        "« Nous avons sorti les conducteurs de l'eau en quelques minutes », a-t-il ajouté."
    )
    spans = extract_quotes(text, nlp_fr(text), lang="fr")
    il = text.index("a-t-il") + 4
    last = spans[-1].attrs
    assert last["speaker_span"] == [il, il + 2] and text[il : il + 2] == "il"
    assert [s.attrs["speaker_name"] for s in spans] == ["Pierre Lambert", None, None]


def test_nickname_given_in_the_article_names_the_person(nlp_en) -> None:
    text = (
        "Fauzi Bowo visited the stadium on Sunday. Fauzi, better known as Foke, raised his hand to the crowd.\n\n"
        "Jakarta Governor Foke Greeting the Crowd\n\n"
        "The governor said that he would run again in July."
    )
    ents = []
    for name in ("Fauzi Bowo", "Foke Greeting"):
        s = text.index(name)
        ents.append(Span(start=s, end=s + len(name), label="PER", attrs={}))
    spans = extract_quotes(text, nlp_en(text), lang="en", entities=ents)
    said = text.index("The governor")
    assert spans[-1].attrs["speaker_span"] == [said, said + len("The governor")]
    assert [s.attrs["speaker_name"] for s in spans] == ["Fauzi Bowo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le syndicat des enseignants, qui affirme son opposition, a appelé à la grève lundi.",
            "syndicat des enseignants",
        ),
        (
            "À la veille du scrutin, qui se tiendra dimanche, le Parti vert a publié un long communiqué.",
            "Parti vert",
        ),
    ],
)
def test_relative_pronoun_speaker_is_its_antecedent(nlp_fr, text: str, expected: str) -> None:
    from newsdesk.nlp.quote_lexicon import load_lexicon
    from newsdesk.nlp.speakers import SpeakerResolver

    doc = nlp_fr(text)
    qui = next(t for t in doc if t.text == "qui")
    assert text[qui.idx : qui.idx + 3] == "qui"
    speaker = SpeakerResolver(text, doc, load_lexicon("fr")).resolve(qui.idx, qui.idx + 3, head=qui)
    assert speaker.span == (qui.idx, qui.idx + 3)
    assert speaker.name == expected


def test_day_word_after_the_speaker_is_not_part_of_the_name(nlp_fr) -> None:
    text = "Au moins dix maisons ont été détruites par les crues, a affirmé l'UNESCO lundi."
    assert speakers(text, nlp_fr, "fr") == ["UNESCO"]


def test_description_before_or_after_an_organisation_is_dropped(nlp_fr, nlp_en) -> None:
    fr = "L'opérateur Orange a affirmé dans un communiqué que 300 emplois seraient créés dans la région."
    assert speakers(fr, nlp_fr, "fr") == ["Orange"]
    en = "The Daily Planet newspaper reported that the deal is waiting for approval by the regulator."
    assert speakers(en, nlp_en, "en") == ["Daily Planet"]


def test_reports_nobody_wrote_have_no_speaker(nlp_en) -> None:
    text = "A fire broke out in the market on Friday. Reports indicate that over 40 people were injured in the blaze."
    spans = extract_quotes(text, nlp_en(text), lang="en")
    assert [s.attrs["speaker_name"] for s in spans] == [None]
    assert spans[0].attrs["reason"].startswith("unnamed")


def test_relative_clause_after_a_role_apposition_is_the_person(nlp_fr) -> None:
    text = (
        "« L'hôpital ne peut plus soigner personne » a ajouté Marc Dubreuil , le chef de mission de l'ONG pour "
        "le Mali qui considère qu'il s'agit « d'une attaque délibérée contre les soignants » ."
    )
    assert speakers(text, nlp_fr, "fr") == ["Marc Dubreuil", "Marc Dubreuil"]


def test_definite_role_without_a_holder_is_the_last_speaker(nlp_fr) -> None:
    text = (
        "Jean Martel a annoncé la fermeture de l'usine après des mois de négociations. « Nous n'avons pas d'autre "
        "choix » a-t-il déclaré.\n\nToutefois, le président a déclaré que les salariés seraient tous reclassés."
    )
    assert speakers(text, nlp_fr, "fr") == ["Jean Martel", "Jean Martel"]


def test_pronoun_continues_the_topic_rather_than_a_later_object(nlp_fr) -> None:
    text = (
        "Paul Berthier , maire de la ville depuis 2008, renonce à se présenter aux élections municipales. "
        "Il a annoncé son choix lors d'une conférence de presse ce matin, dans la salle des fêtes où se pressaient "
        "de nombreux habitants venus des quartiers nord et des villages voisins, après plusieurs semaines de "
        "rumeurs sur son avenir politique et sur celui de son équipe. Après avoir critiqué le programme de "
        "la liste adverse, il annonce son soutien à Claire Vidal sous conditions. À ce titre, il affirme que "
        "la ville doit rester fidèle à ses engagements."
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Berthier"]


def test_entity_layer_name_wins_over_a_shorter_proper_noun_run(nlp_en) -> None:
    text = (
        'Last night, UNICEF spokesman Mr. Ahmed al-Rashidi spoke to reporters and said, "Around one million '
        'children are malnourished."'
    )
    s = text.index("Ahmed")
    ents = [Span(start=s, end=s + len("Ahmed al-Rashidi"), label="PER", attrs={"name": "Ahmed al-Rashidi"})]
    assert speakers(text, nlp_en, "en", ents) == ["Ahmed al-Rashidi"]


def test_inverted_clitic_speaker_is_the_pronoun_alone(nlp_fr) -> None:
    text = (
        "Le maire Paul Girard a défendu son budget. « Il n’y a aucun conflit entre nous » , ajoute-t-il encore."
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard"]


def test_two_quotes_before_one_inverted_verb_share_its_speaker(nlp_fr) -> None:
    text = (
        "Le maire Paul Girard a reconnu son erreur. « J’ai fait une erreur de jugement » , et "
        "« je les ai rendus » , déplore-t-il ainsi."
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard", "Paul Girard"]


def test_surname_the_gazetteer_made_an_organisation_is_the_person(nlp_fr) -> None:
    text = (
        "Le terrain a été vendu par l'homme d'affaires Marc Antoine Dana, installé à Genève. "
        "Dana a déclaré que la vente était « parfaitement légale » . « Je n'ai rien caché à personne, "
        "ni à la mairie ni à la presse » , précise-t-il."
    )
    s = text.index("Marc")
    d = text.index("Dana a")
    ents = [
        Span(start=s, end=s + len("Marc Antoine Dana"), label="PER", attrs={"source": "model"}),
        Span(start=d, end=d + len("Dana"), label="ORG", attrs={"source": "rule"}),
    ]
    assert speakers(text, nlp_fr, "fr", ents) == ["Marc Antoine Dana", "Marc Antoine Dana"]


def test_fronted_adjective_before_the_subject_pronoun_is_not_the_speaker(nlp_fr) -> None:
    text = (
        "Le ministre Paul Girard a perdu le vote. Ému, il déclare : « Je remercie tous ceux qui m'ont "
        "soutenu pendant cette campagne. »"
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard"]


def test_lower_case_maitre_is_a_title_before_the_surname(nlp_fr) -> None:
    text = (
        "L'équipe entraînée par le Français Louis Marchand a gagné. « C'est mon premier titre olympique » "
        "a déclaré maître Marchand après la finale."
    )
    assert speakers(text, nlp_fr, "fr") == ["Louis Marchand"]


def test_reflexive_se_feliciter_attributes_the_quote_before_it(nlp_fr) -> None:
    text = (
        "La maire Claire Vidal a présenté le budget. « Ce sera une réussite pour toute la ville et ses "
        "habitants » s'est félicitée Vidal devant la presse."
    )
    assert speakers(text, nlp_fr, "fr") == ["Claire Vidal"]


def test_pronoun_after_a_long_quote_is_the_speaker_of_the_report_before_it(nlp_fr) -> None:
    text = (
        "Le maire Paul Girard a annoncé lundi qu'il ne serait pas candidat à sa propre succession aux "
        'élections municipales du printemps prochain dans le cas où Marc Vidal, son ancien adjoint aux '
        "finances, se retirerait de la course.\n\n« Depuis des semaines, j'ai reçu de nombreux messages me "
        "demandant de me présenter. Ils m'ont fait hésiter, j'ai longuement réfléchi avec mes proches et "
        "mon équipe. Aujourd'hui, le rassemblement est devenu plus difficile encore. Une partie de la "
        'majorité nous a quittés, et les militants se sont divisés sur le projet de la gare. Je ne suis '
        "donc pas en mesure de réunir tout le monde autour d'un projet commun pour la ville et ses "
        'habitants », affirme-t-il.'
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard", "Paul Girard"]


def test_opinion_phrase_later_in_the_sentence_holds_the_quote(nlp_fr) -> None:
    text = (
        "« Tenez bon jusqu'au bout » , a lancé le maire Paul Girard tandis que, pour la présidente de la "
        "région Claire Vidal , « rien n'est encore joué dans ce dossier » ."
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard", "Claire Vidal"]


def test_details_given_by_a_person_are_that_persons_words(nlp_fr) -> None:
    text = (
        "Le procureur de Paris, Jean Dumas, s'est rendu sur place. « L'homme a frappé un premier militaire, "
        "qui l'a repoussé, avant de s'enfuir vers la rue voisine » , selon les précisions apportées par "
        "Jean Dumas ."
    )
    assert speakers(text, nlp_fr, "fr") == ["Jean Dumas"]


def test_day_word_after_the_verb_is_not_the_speaker(nlp_fr) -> None:
    text = (
        "Le maire Paul Girard est mort mardi à l'âge de 80 ans, à Lyon, où il était hospitalisé depuis une "
        "semaine, a annoncé mardi sa famille à l'AFP."
    )
    assert speakers(text, nlp_fr, "fr") == [None]


def test_count_given_by_a_source_is_data_not_a_report(nlp_fr) -> None:
    text = (
        "On dénombrait 12 400 manifestants à midi dans les rues de la ville, selon les organisateurs. "
        "Le chômage va baisser l'an prochain, selon le ministre Paul Girard."
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard"]


def test_indefinite_sources_close_to_a_party_stay_unnamed(nlp_fr) -> None:
    text = "Selon des sources PS, le candidat Paul Girard est largement vainqueur avec plus de la moitié des voix."
    assert speakers(text, nlp_fr, "fr") == [None]


def test_quoted_sentence_after_a_sentence_about_a_person_is_theirs(nlp_fr) -> None:
    text = (
        "Le maire Paul Girard a présenté son budget lundi. Girard ne s'est pas laissé impressionner. "
        "« Plus ils protesteront, plus les habitants me soutiendront » ."
    )
    assert speakers(text, nlp_fr, "fr") == ["Paul Girard"]


def test_document_noun_of_a_group_speaks_for_the_group(nlp_fr) -> None:
    text = "D'après les informations des médias locaux, le suspect serait âgé de 30 ans."
    assert speakers(text, nlp_fr, "fr") == ["médias locaux"]
    text = "D'après les informations publiées dans la nuit, le suspect serait âgé de 30 ans."
    assert speakers(text, nlp_fr, "fr") == [None]
