"""French quotations that must be found: quoted words inside the "que" clause of a wish, quoted words
of an infinitive after a speech verb ("accuse X de tenir un « … »"), short words after "décrit X comme",
an inverted incise with a date before its subject, a demand with a "que" clause, "Pour X, il s'agit d'« … »"
with a long quote or an organisation, a report ending at a colon before a quote, "Selon X, …" after a
dateline, "estime ainsi que …"; and what must stay out ("cela-dit", "ce qu'avait raconté X", a request with
an infinitive)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def quotes(text: str, nlp) -> list[tuple[str, str | None, str | None]]:
    """(quoted text, speaker as written, verb lemma) of each quote of `text`."""
    spans = extract_quotes(text, nlp(text), lang="fr")
    return [(text[s.start : s.end], s.attrs.get("speaker"), s.attrs.get("verb")) for s in spans]


@pytest.mark.parametrize("verb", ["souhaite", "veut", "espère"])
def test_quoted_words_in_a_wish_clause(nlp_fr, verb) -> None:
    text = f"Marie Dupont {verb} pour sa part que le salaire des élus « ne dépasse pas le salaire moyen »."
    assert quotes(text, nlp_fr) == [("« ne dépasse pas le salaire moyen »", "Marie Dupont", None)]


def test_wish_clause_opening_inside_the_marks(nlp_fr) -> None:
    text = "Elle espère « que cela servira d'exemple pour d'autres pays »."
    assert quotes(text, nlp_fr) == [("« que cela servira d'exemple pour d'autres pays »", "Elle", None)]


def test_negated_wish_stays_out(nlp_fr) -> None:
    assert quotes("Il ne souhaite pas que le projet « aille plus loin ».", nlp_fr) == []


def test_accusation_with_an_infinitive(nlp_fr) -> None:
    text = "Le candidat accuse le gouvernement de tenir un « cabinet noir »."
    assert quotes(text, nlp_fr) == [("« cabinet noir »", "Le candidat", "accuser")]


def test_pledge_with_an_infinitive(nlp_fr) -> None:
    text = "Le maire a promis de construire un « mur de la honte »."
    assert quotes(text, nlp_fr) == [("« mur de la honte »", "Le maire", "promettre")]


def test_proposal_with_an_infinitive(nlp_fr) -> None:
    text = "Il propose ainsi d'adopter une « règle stricte sur les emplois familiaux »."
    assert quotes(text, nlp_fr) == [("« règle stricte sur les emplois familiaux »", "Il", "proposer")]


def test_infinitive_after_a_decision_stays_out(nlp_fr) -> None:
    assert quotes("Le club a décidé de construire un « stade moderne ».", nlp_fr) == []


def test_described_as_short_words(nlp_fr) -> None:
    text = "Elle décrit les autres passagers comme « terrifiés » et « furieux »."
    assert quotes(text, nlp_fr) == [("« terrifiés »", "Elle", "décrire"), ("« furieux »", "Elle", "décrire")]


def test_passive_description_stays_out(nlp_fr) -> None:
    assert quotes("Il est aussi décrit comme « discret ».", nlp_fr) == []


def test_inverted_incise_with_a_date(nlp_fr) -> None:
    text = "Trois soldats ont été tués dans une attaque, ont annoncé le 26 mars les Nations unies."
    assert quotes(text, nlp_fr) == [("Trois soldats ont été tués dans une attaque", "les Nations unies", "annoncer")]


def test_inverted_incise_with_an_organisation(nlp_fr) -> None:
    text = "Trois soldats ont été tués dans une attaque, ont annoncé les Nations unies."
    assert quotes(text, nlp_fr) == [("Trois soldats ont été tués dans une attaque", "les Nations unies", "annoncer")]


def test_cela_dit_is_no_speech(nlp_fr) -> None:
    assert quotes("La plus forte hausse concerne cela-dit les premiers entrants.", nlp_fr) == []


def test_said_with_cela_as_object_still_reports(nlp_fr) -> None:
    text = "Le ministre a dit cela, que la réforme était nécessaire."
    assert quotes(text, nlp_fr) == [("que la réforme était nécessaire", "Le ministre", "dire")]


def test_free_relative_is_no_report(nlp_fr) -> None:
    assert quotes("Elle a parlé longuement, rapportant ce qu'avait raconté son aïeule.", nlp_fr) == []
    assert quotes("Il a raconté ce qu'il avait vu ce soir-là.", nlp_fr) == []


def test_demand_with_a_que_clause(nlp_fr) -> None:
    text = "Le député a demandé à la ministre de l'Éducation que le proviseur reçoive la Légion d'honneur."
    assert quotes(text, nlp_fr) == [("que le proviseur reçoive la Légion d'honneur", "Le député", "demander")]
    text = "L'avocat demande à ce que le procès soit rouvert."
    assert quotes(text, nlp_fr) == [("que le procès soit rouvert", "L'avocat", "demander")]


def test_demand_with_an_infinitive_or_object_stays_out(nlp_fr) -> None:
    assert quotes("Le maire a demandé aux habitants de rester chez eux.", nlp_fr) == []
    assert quotes("Le syndicat demande le retrait du projet.", nlp_fr) == []


def test_question_in_marks_keeps_its_asker(nlp_fr) -> None:
    text = "« Pourquoi partir maintenant ? », a demandé le juge."
    assert quotes(text, nlp_fr) == [("« Pourquoi partir maintenant ? »", "le juge", "demander")]


def test_opinion_holder_of_a_long_quote(nlp_fr) -> None:
    text = (
        "Pour Marie Dupont, au contraire, il s'agit d'« une victoire historique pour le pays et pour toute la région »."
    )
    assert quotes(text, nlp_fr) == [
        ("« une victoire historique pour le pays et pour toute la région »", "Marie Dupont", None)
    ]


def test_organisation_as_opinion_holder(nlp_fr) -> None:
    text = "Pour Amnesty International, il s'agit d'une « violation flagrante du droit international humanitaire »."
    assert quotes(text, nlp_fr) == [
        ("« violation flagrante du droit international humanitaire »", "Amnesty International", None)
    ]


def test_place_is_no_opinion_holder(nlp_fr) -> None:
    text = "Pour la France, il s'agit d'une « violation flagrante du droit international humanitaire »."
    assert quotes(text, nlp_fr) == []


def test_demand_needs_somebody_to_make_it(nlp_fr) -> None:
    text = "Des émeutes ont éclaté dans la journée, demandant à ce que le président parte."
    assert quotes(text, nlp_fr) == []
    text = "Des manifestants ont défilé dans la journée, demandant à ce que le président parte."
    assert quotes(text, nlp_fr) == [("que le président parte", "Des manifestants", "demander")]


def test_report_stops_at_a_colon_before_a_quote(nlp_fr) -> None:
    text = "Le ministre a affirmé que la situation était grave : « Nous devons agir vite et ensemble contre la crise »."
    assert quotes(text, nlp_fr) == [
        ("que la situation était grave", "Le ministre", "affirmer"),
        ("« Nous devons agir vite et ensemble contre la crise »", "Le ministre", "affirmer"),
    ]


def test_short_quote_after_a_colon_is_kept(nlp_fr) -> None:
    text = "Le ministre a affirmé que la situation était grave : « Nous devons agir vite »."
    assert quotes(text, nlp_fr) == [
        ("que la situation était grave", "Le ministre", "affirmer"),
        ("« Nous devons agir vite »", "Le ministre", "affirmer"),
    ]


def test_introducer_right_after_a_dateline(nlp_fr) -> None:
    text = (
        "Doute sur le nombre de votants\n\n24 janvier 2017 . – Selon certains observateurs, les chiffres des votants "
        "auraient été manipulés. En effet, 352 013 voix ont été ajoutées."
    )
    expected = [("les chiffres des votants auraient été manipulés", "certains observateurs", "selon")]
    assert quotes(text, nlp_fr) == expected


def test_introducer_between_dashes_reports_no_tally(nlp_fr) -> None:
    assert quotes("Le bilan – selon la police, trois morts – est lourd.", nlp_fr) == []


def test_estime_ainsi_que(nlp_fr) -> None:
    text = "Le quotidien suisse Le Temps estime ainsi que l'une des clauses de l'accord pourrait être une coopération."
    expected = [("que l'une des clauses de l'accord pourrait être une coopération", "Le Temps", "estimer")]
    assert quotes(text, nlp_fr) == expected


def test_ainsi_que_as_well_as_stays_out(nlp_fr) -> None:
    assert quotes("Le ministre a salué le travail des pompiers ainsi que celui des policiers.", nlp_fr) == []
