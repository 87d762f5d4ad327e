"""French quotations that must be found: words named by a passive naming verb whose "par" agent comes before
them ("qualifié par les enquêteurs d'« … »", "décrit par ses voisins comme « … »"), a copula before "selon X"
in mid-sentence with its quoted predicate after it, an apology's quoted object or "pour" clause, a quote making
a relative clause on the quote before it; and what must stay out (the agent's own complement, a "pour" clause on
another verb, the impersonal "il est estimé que …", the relative clause of a speech verb's object)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def quotes(text: str, nlp) -> list[tuple[str, str | None, str | None]]:
    """(quoted text, speaker as written, verb lemma) of each quote of `text`."""
    spans = extract_quotes(text, nlp(text), lang="fr")
    return [(text[s.start : s.end], s.attrs.get("speaker"), s.attrs.get("verb")) for s in spans]


def test_agent_before_a_bare_qualifier(nlp_fr) -> None:
    text = "Paul Martin, 40 ans, est un fugitif, qualifié par les gendarmes d'« individu dangereux », déjà condamné."
    assert quotes(text, nlp_fr) == [("« individu dangereux »", "les gendarmes", "qualifier")]


def test_agent_before_comme(nlp_fr) -> None:
    text = "Le suspect, décrit par ses voisins comme « discret », vivait seul."
    assert quotes(text, nlp_fr) == [("« discret »", "ses voisins", "décrire")]


def test_agent_own_complement_stays_out(nlp_fr) -> None:
    text = "Le rapport, rédigé par le président de la « commission spéciale », sera publié."
    assert quotes(text, nlp_fr) == []


def test_copula_before_selon(nlp_fr) -> None:
    text = "Cette hausse serait cependant, selon les syndicats, « une provocation »."
    assert quotes(text, nlp_fr) == [(text[:-1], "les syndicats", "selon")]


def test_copula_before_selon_without_adverb(nlp_fr) -> None:
    text = "Le projet est, selon le ministre, « une priorité absolue »."
    assert quotes(text, nlp_fr) == [(text[:-1], "le ministre", "selon")]


def test_apology_with_its_reason_inside_the_marks(nlp_fr) -> None:
    text = (
        "Le directeur de la compagnie s'est excusé « pour avoir dû replacer ces clients ailleurs » dans un communiqué."
    )
    assert quotes(text, nlp_fr) == [
        ("« pour avoir dû replacer ces clients ailleurs »", "Le directeur de la compagnie", None)
    ]


def test_apology_with_its_object_in_the_marks(nlp_fr) -> None:
    text = "Le ministre s'est excusé pour « ce malheureux incident »."
    assert quotes(text, nlp_fr) == [("« ce malheureux incident »", "Le ministre", None)]


def test_quoted_relative_clause_on_a_quote(nlp_fr) -> None:
    text = (
        "L'entreprise ne reconnaît pas ce tribunal, qu'elle qualifie de « juge et partie » qui aurait "
        "« ignoré les preuves scientifiques »."
    )
    assert quotes(text, nlp_fr) == [
        ("« juge et partie »", "elle", "qualifier"),
        ("« ignoré les preuves scientifiques »", "elle", "qualifier"),
    ]


def test_purpose_clause_on_another_verb_stays_out(nlp_fr) -> None:
    text = "Le directeur de la compagnie est parti « pour avoir dû replacer ces clients ailleurs »."
    assert quotes(text, nlp_fr) == []


def test_impersonal_passive_reports_nothing(nlp_fr) -> None:
    text = "En effet, il est largement estimé qu'il faut une croissance d'au moins 2 % pour créer des emplois."
    assert quotes(text, nlp_fr) == []


def test_reflexive_il_still_speaks(nlp_fr) -> None:
    text = "Pierre Durand est revenu à Paris. Il s'est dit convaincu que la réforme passerait."
    assert quotes(text, nlp_fr) == [("convaincu que la réforme passerait", "Il", "dire")]


def test_relative_clause_after_the_object_stays_out(nlp_fr) -> None:
    text = "Les rebelles ont proclamé une région autonome dans le nord, que le gouvernement voit comme une menace."
    assert quotes(text, nlp_fr) == []


def test_que_clause_after_an_addressee_still_reports(nlp_fr) -> None:
    text = "Le ministre a averti les habitants, que la crue pourrait durer."
    assert quotes(text, nlp_fr) == [("que la crue pourrait durer", "Le ministre", "avertir")]


def test_infinitive_report_after_a_comma_still_reports(nlp_fr) -> None:
    text = (
        "L'ex-ministre a assuré au « 20 Heures » de TF1, ce jeudi 26 janvier, être prêt à renoncer à sa candidature."
    )
    assert quotes(text, nlp_fr) == [("être prêt à renoncer à sa candidature", "L'ex-ministre", "assurer")]
