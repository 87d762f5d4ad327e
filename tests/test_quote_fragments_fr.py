"""French quoted fragments: short quoted words that are somebody's (object of a speech verb, agent of a
passive one, inside the clause of a verb of thought) and the lexicon entries around them (own sentences)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def quotes_of(text: str, nlp) -> list[tuple[str, str | None]]:
    """(quoted or reported text, resolved speaker) of each quote found in `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang="fr")]


def test_quoted_object_of_a_speech_verb_is_a_quotation(nlp_fr) -> None:
    text = "Le syndicaliste Paul Durand dénonce les « licenciements abusifs » dans les usines du groupe."
    assert quotes_of(text, nlp_fr) == [("« licenciements abusifs »", "Paul Durand")]
    text = "Le maire Paul Durand a confié sa « tristesse » et son « inquiétude » après l'incendie."
    assert quotes_of(text, nlp_fr) == [("« tristesse »", "Paul Durand"), ("« inquiétude »", "Paul Durand")]


def test_quoted_object_of_an_observation_verb_is_a_term(nlp_fr) -> None:
    text = "Le Parlement, réuni en séance, constate ainsi le « vide juridique » ."
    assert quotes_of(text, nlp_fr) == []


def test_quoted_complement_of_a_passive_speech_verb_with_an_agent_is_the_agent_s(nlp_fr) -> None:
    text = "La réforme a été adoptée hier, un texte qualifié de « recul historique » par Marie Lefèvre."
    assert quotes_of(text, nlp_fr) == [("« recul historique »", "Marie Lefèvre")]
    text = "La réforme a été adoptée hier, un texte qualifié de « recul historique » ."
    assert quotes_of(text, nlp_fr) == []


def test_words_quoted_in_the_que_clause_of_a_verb_of_thought_are_its_subject_s(nlp_fr) -> None:
    text = "Le ministre Paul Durand pensait que le plan aurait « des failles » pour les familles."
    assert quotes_of(text, nlp_fr) == [("« des failles »", "Paul Durand")]


def test_purpose_infinitive_after_a_quote_is_not_its_incise(nlp_fr) -> None:
    text = (
        "Selon Marie Lefèvre, « la pierre a cédé sous le poids de la neige accumulée depuis des semaines » "
        "afin d'expliquer la fissure du mur."
    )
    assert quotes_of(text, nlp_fr)[0][1] == "Marie Lefèvre"


def test_results_and_hearsay_after_selon_are_not_named_sources(nlp_fr) -> None:
    text = "Selon les résultats officiels publiés dans la nuit, le maire sortant a obtenu 60 % des voix."
    assert quotes_of(text, nlp_fr) == []
    text = "Selon les dires du témoin, la réunion aurait eu lieu dans les locaux de la mairie."
    assert quotes_of(text, nlp_fr) == [("la réunion aurait eu lieu dans les locaux de la mairie", None)]


def test_selon_between_commas_inside_a_clause_reports_the_whole_clause(nlp_fr) -> None:
    text = "Le navire aurait, selon les garde-côtes et la préfecture maritime, heurté un récif avant l'aube."
    found = quotes_of(text, nlp_fr)
    assert [q for q, _ in found] == [text[:-1]]
    text = "Le suspect, selon la police, aurait pris la fuite à bord d'une voiture volée."
    assert [q for q, _ in quotes_of(text, nlp_fr)] == [text[:-1]]


def test_commitment_quoted_after_s_engager_a_is_a_quotation(nlp_fr) -> None:
    text = "Les ministres Paul Durand et Marie Lefèvre se sont engagés à « réduire les émissions d'ici 2030 » ."
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["« réduire les émissions d'ici 2030 »"]


def test_reaffirmer_and_crier_are_speech_verbs(nlp_fr) -> None:
    text = "Le ministre Paul Durand réaffirme que la réforme sera votée avant l'été."
    assert quotes_of(text, nlp_fr) == [("que la réforme sera votée avant l'été", "Paul Durand")]
    text = "Des manifestants lui ont jeté des tomates et crié « non à l'usine » devant la mairie."
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["« non à l'usine »"]


def test_quoted_object_with_its_adjective_first_and_a_quote_listed_after_it(nlp_fr) -> None:
    text = (
        "Le maire Paul Durand est arrivé sur place à midi et évoque un « terrible accident industriel » , "
        "« nous devons tout faire pour aider les familles » ."
    )
    assert quotes_of(text, nlp_fr) == [
        ("« terrible accident industriel »", "Paul Durand"),
        ("« nous devons tout faire pour aider les familles »", "Paul Durand"),
    ]


def test_report_stops_before_a_second_finite_verb_of_its_speaker(nlp_fr) -> None:
    text = "Des voisins affirment ne pas connaître le suspect, mais se refusent à croire à sa culpabilité."
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["ne pas connaître le suspect"]


def test_impersonal_writer_verb_reports_nobody(nlp_fr) -> None:
    text = "Il est a noté qu'aucun témoin n'a pu confirmer cette version des faits."
    assert quotes_of(text, nlp_fr) == []
    text = "Il a noté qu'aucun témoin n'a pu confirmer cette version des faits."
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["qu'aucun témoin n'a pu confirmer cette version des faits"]


def test_agent_given_as_unnamed_opponents_stays_unnamed(nlp_fr) -> None:
    text = "La réforme a été adoptée hier, un texte qualifié de « recul historique » par ses détracteurs."
    assert quotes_of(text, nlp_fr) == [("« recul historique »", None)]


def test_detached_present_participle_speaks_for_the_clause_subject(nlp_fr) -> None:
    text = (
        "Ému, Durand lui a rendu hommage depuis Lyon , après sa rencontre avec le maire de la ville , "
        "Pierre Martin , confiant qu’il était « très difficile d’en parler » : « Il était très malade, je lui "
        "ai parlé au téléphone encore récemment. »"
    )
    found = quotes_of(text, nlp_fr)
    assert found and found[-1][1] == "Durand"


def test_quote_in_a_relative_clause_on_a_quote_shares_its_speaker(nlp_fr) -> None:
    text = (
        "Le porte-parole Paul Durand a dénoncé un « acte odieux du régime » qui a frappé "
        "« des innocents, y compris des enfants » ."
    )
    assert quotes_of(text, nlp_fr) == [
        ("« acte odieux du régime »", "Paul Durand"),
        ("« des innocents, y compris des enfants »", "Paul Durand"),
    ]


def test_infinitive_report_after_a_negation_and_clitics(nlp_fr) -> None:
    text = "Le maire Paul Durand a démenti les faits, tout en disant n'y être pour rien dans la signature des contrats."
    assert ("n'y être pour rien dans la signature des contrats", "Paul Durand") in quotes_of(text, nlp_fr)


def test_pretendre_reports_its_que_clause(nlp_fr) -> None:
    text = "Les rebelles prétendent que des milices ont bloqué la route pendant toute la nuit."
    assert [q for q, _ in quotes_of(text, nlp_fr)] == ["que des milices ont bloqué la route pendant toute la nuit"]


def test_short_quote_right_after_selon_and_its_holder(nlp_fr) -> None:
    text = "Le maire Paul Durand juge ce projet de rocade, selon lui « ruineux » , contraire aux intérêts de la ville."
    assert ("« ruineux »", "Paul Durand") in quotes_of(text, nlp_fr)


def test_a_en_croire_introduces_a_source(nlp_fr) -> None:
    text = "La réforme sera votée avant l'été, à en croire le ministre Paul Durand."
    assert quotes_of(text, nlp_fr) == [("La réforme sera votée avant l'été", "Paul Durand")]
