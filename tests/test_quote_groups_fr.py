"""French quotation groups: where a report stops, incises parsed as conjuncts, the writer's own remarks,
agreements after "selon", relatives of a named person (own sentences, one test per rule)."""

from __future__ import annotations

import pytest

from newsdesk.article import Span
from newsdesk.nlp.quotes import extract_quotes
from quote_helpers import quote_speakers

pytestmark = pytest.mark.slow


def quotes_of(text: str, nlp) -> list[tuple[str, str | None]]:
    """(quoted or reported text, resolved speaker) of each quote found in `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang="fr")]


def test_report_stops_at_the_end_of_its_paragraph(nlp_fr) -> None:
    text = (
        "Le rapport de la banque a déclaré que c'était pour protéger le marché de Donald Trump .\n\n"
        "Trump a indiqué qu'il cherche des liens plus étroits avec la Russie."
    )
    assert quotes_of(text, nlp_fr) == [
        ("que c'était pour protéger le marché de Donald Trump", None),
        ("qu'il cherche des liens plus étroits avec la Russie", "Donald Trump"),
    ]


def test_report_stops_before_a_second_verb_of_its_speaker(nlp_fr) -> None:
    text = (
        "Le directeur de la banque, Jean Dupont, a déclaré hier que le maire « ne comprend pas la ville » et a "
        "exprimé des inquiétudes quant à son budget."
    )
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["que le maire « ne comprend pas la ville »"]
    text = "Le maire a affirmé que les ouvriers ont travaillé tout l'été et ont terminé en mai."
    expected = "que les ouvriers ont travaillé tout l'été et ont terminé en mai"
    assert [q for q, _ in quotes_of(text, nlp_fr)] == [expected]


def test_second_speaker_after_et_has_a_report_of_its_own(nlp_fr) -> None:
    text = (
        "Le ministère estimait que le maire pourrait être poursuivi et les démocrates avaient affirmé lundi que "
        "le maire serait renvoyé."
    )
    assert quotes_of(text, nlp_fr) == [
        ("que le maire pourrait être poursuivi", "ministère"),
        ("que le maire serait renvoyé", "démocrates"),
    ]


def test_incise_parsed_as_a_conjunct_of_a_clause_with_its_own_subject(nlp_fr) -> None:
    text = (
        "Après la période de trois mois, le nombre de dossiers ne pourra être supérieur à 500, a annoncé "
        "l'administration."
    )
    assert quotes_of(text, nlp_fr) == [
        ("Après la période de trois mois, le nombre de dossiers ne pourra être supérieur à 500", "administration")
    ]
    text = (
        "La victime est le conducteur du car, retraité et ancien employé de la mairie, a annoncé la police vers midi."
    )
    assert quotes_of(text, nlp_fr) == [
        ("La victime est le conducteur du car, retraité et ancien employé de la mairie", "police")
    ]
    text = "Le ministre a visité l'usine, a annoncé la fermeture du site et a salué les ouvriers."
    assert quotes_of(text, nlp_fr) == []


def test_writer_remarks_with_on_and_agreements_after_selon_report_nobody(nlp_fr) -> None:
    text = (
        "On note cependant que cet accord connaît des difficultés. Selon l'accord, les salariés recevront une "
        "prime de fin d'année. Le maire Paul Durand a annoncé que la piscine fermera en juin."
    )
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["que la piscine fermera en juin"]


def test_relative_of_a_named_person_is_not_that_person(nlp_fr) -> None:
    text = (
        "La mère de Paul Martin a confirmé que la maison était vendue depuis mars. « Nous partirons en mai », "
        "selon elle."
    )
    assert quote_speakers(text, nlp_fr, "fr") == [None, None]


def test_lower_case_arabic_article_is_part_of_the_name(nlp_fr) -> None:
    text = (
        "La trêve a été négociée avec le chef du mouvement Karim al-Moussaoui , qui a déclaré que « les "
        "combattants rentreront chez eux avant l'hiver » ."
    )
    s = text.index("Karim")
    ents = [Span(start=s, end=s + len("Karim"), label="PER", attrs={"name": "Karim"})]  # the tagger stopped early
    assert quote_speakers(text, nlp_fr, "fr", ents) == ["Karim al-Moussaoui"]
    ents = [Span(start=s, end=s + len("Karim al-Moussaoui"), label="ORG", attrs={"name": "Karim al-Moussaoui"})]
    assert quote_speakers(text, nlp_fr, "fr", ents) == ["Karim al-Moussaoui"]  # the name tagged as an organisation


def test_speaker_phrase_cut_inside_an_organisation_name_takes_the_whole_name(nlp_fr) -> None:
    text = "Le Canard enchaîné révèle mercredi que le sénateur aurait loué son appartement à sa propre société."
    ents = [Span(start=0, end=len("Le Canard enchaîné"), label="ORG", attrs={"name": "Le Canard enchaîné"})]
    assert quote_speakers(text, nlp_fr, "fr", ents) == ["Canard enchaîné"]


def test_selon_inside_a_sentence_introduces_what_follows_it(nlp_fr) -> None:
    text = (
        "Les causes de l'accident « restent à déterminer », selon la SNCF. Les premiers éléments laissent "
        "apparaître, toujours selon la SNCF, que « le train a franchi un signal d'arrêt »."
    )
    assert quotes_of(text, nlp_fr) == [
        ("Les causes de l'accident « restent à déterminer »", "SNCF"),
        ("« le train a franchi un signal d'arrêt »", "SNCF"),
    ]
    text = "Le maire Paul Durand défend des règles qui vont selon lui « beaucoup trop loin » pour les commerçants."
    assert quotes_of(text, nlp_fr) == [("« beaucoup trop loin »", "Paul Durand")]


def test_incise_after_a_main_clause_the_parser_took_for_the_subject(nlp_fr) -> None:
    text = (
        "La victime décédée est le conducteur du train de voyageurs, luxembourgeois et employé de la SNCF, a "
        "annoncé la police vers midi."
    )
    assert quotes_of(text, nlp_fr) == [
        ("La victime décédée est le conducteur du train de voyageurs, luxembourgeois et employé de la SNCF", "police")
    ]
    text = "Le maire, qui est arrivé hier, a salué la police. Le maire, accompagné de son adjoint, a salué la police."
    assert quotes_of(text, nlp_fr) == []


def test_demonstrative_speakers_refer_back(nlp_fr) -> None:
    text = (
        "Le tribunal a été évacué lundi, a confié une source proche de l'enquête. « Un appel a été passé à 10 h 12 "
        "au standard de la police » , selon cette source."
    )
    assert quote_speakers(text, nlp_fr, "fr") == [None, None]
    text = "Le groupe Renault a publié ses comptes. Ce groupe affirme que « les ventes ont progressé de 5 % en un an »."
    assert quote_speakers(text, nlp_fr, "fr") == ["Renault"]


def test_spokesperson_after_par_la_voix_de_speaks(nlp_fr) -> None:
    text = (
        "Même son de cloche du côté russe, qui indique par la voix d' Igor Morozov que le groupe restera une "
        "cible de l'aviation russe."
    )
    assert quotes_of(text, nlp_fr) == [("que le groupe restera une cible de l'aviation russe", "Igor Morozov")]


def test_quoted_infinitive_after_a_recommendation_verb_is_a_quotation(nlp_fr) -> None:
    text = (
        "Le professeur Paul Garber a publié une étude sur les forêts. Il préconise ainsi de « protéger les "
        "forêts et réduire la chasse » . Il prône aussi d' « associer les populations locales à la gestion "
        "des parcs » et de limiter la croissance."
    )
    assert quote_speakers(text, nlp_fr, "fr") == ["Paul Garber", "Paul Garber"]
    text = "Le maire a encouragé les habitants à « rester chez eux pendant la tempête »."
    assert quote_speakers(text, nlp_fr, "fr") == []


def test_bare_past_participle_naming_without_an_agent_quotes_nobody(nlp_fr) -> None:
    text = "Le maire Paul Durand et le conseil municipal ont condamné cet incendie, qualifié de « lâche et criminel » ."
    assert quote_speakers(text, nlp_fr, "fr") == []
    text = "Le maire Paul Durand a qualifié cet incendie de « lâche et criminel » ."
    assert quote_speakers(text, nlp_fr, "fr") == ["Paul Durand"]


def test_comme_incise_opening_the_sentence_reports_the_clause_after_it(nlp_fr) -> None:
    text = "Comme l'a rappelé le ministre Paul Durand, la loi sera votée en mai par les deux chambres."
    assert quotes_of(text, nlp_fr) == [("la loi sera votée en mai par les deux chambres", "Paul Durand")]
    text = "Il travaille comme le dit son contrat, sans horaires fixes ni jours de congé."
    assert quotes_of(text, nlp_fr) == []


def test_name_right_before_the_verb_is_its_subject_when_the_parse_lost_it(nlp_fr) -> None:
    text = (
        "Le 3 mai, le chef du Front al-Chark, Abou Karim al-Moussaoui , annonce la rupture de ses liens. "
        "À l'opposé de l'État islamique également, al-Moussaoui a annoncé en mai 2015 que son groupe n'avait "
        "aucune intention d'attaquer l'Occident."
    )
    full, short = text.index("Abou"), text.index("al-Moussaoui a")
    attrs = {"name": "Abou Karim al-Moussaoui", "entity_id": "p1"}  # both mentions linked, as the entity layer does
    ents = [
        Span(start=full, end=full + len("Abou Karim al-Moussaoui"), label="PER", attrs=attrs),
        Span(start=short, end=short + len("al-Moussaoui"), label="PER", attrs=attrs),
    ]
    assert quote_speakers(text, nlp_fr, "fr", ents) == ["Abou Karim al-Moussaoui"]


def test_naming_with_a_two_word_quote_is_kept_a_single_word_is_a_term(nlp_fr) -> None:
    text = "Le ministre Paul Durand a décrit le projet de barrage comme « une menace » pour la vallée."
    assert quotes_of(text, nlp_fr) == [("« une menace »", "Paul Durand")]
    text = "Le ministre Paul Durand a qualifié cette décision de « scandaleuse » et a quitté la salle."
    assert quotes_of(text, nlp_fr) == []
