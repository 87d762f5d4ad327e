"""French quotations that must be found: words named by a passive naming verb whose "par" agent comes before
them ("qualifié par les enquêteurs d'« … »", "décrit par ses voisins comme « … »"), a copula before "selon X"
in mid-sentence with its quoted predicate after it; and what must stay out (the agent's own complement)."""

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
