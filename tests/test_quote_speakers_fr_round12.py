"""French speakers: a present participle opening its sentence ("Affirmant que …, il a critiqué …") speaks for
the main clause's subject, and a gerund ("en expliquant que") for the clause's subject, not for a noun it
follows."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_a_fronted_participle_speaks_for_the_pronoun_of_the_main_clause(nlp_fr) -> None:
    text = (
        "Le porte-parole Jean Morel a parlé aux journalistes. Affirmant qu'il n'existait pas de chiffres "
        "officiels pour la foule de vendredi, il a critiqué la comparaison faite par les médias."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Jean Morel"]


def test_a_fronted_participle_speaks_for_the_named_subject_after_its_comma(nlp_fr) -> None:
    text = "Affirmant que le projet est mort, la ministre Anne Roux a quitté la salle."
    assert production_speakers(text, nlp_fr, "fr") == ["Anne Roux"]


def test_a_fronted_participle_report_ends_at_its_comma(nlp_fr) -> None:
    from newsdesk.nlp.entities import Recogniser
    from newsdesk.nlp.quotes import extract_quotes

    text = "Estimant que la réforme était injuste, la syndicaliste Marie Dubois a appelé à la grève."
    doc = nlp_fr(text)
    spans = extract_quotes(text, doc, lang="fr", entities=Recogniser("fr", nlp_fr).spans(doc))
    assert [text[s.start : s.end] for s in spans] == ["que la réforme était injuste"]
    assert [s.attrs["speaker_name"] for s in spans] == ["Marie Dubois"]


def test_a_gerund_after_a_document_speaks_for_the_clause_subject(nlp_fr) -> None:
    text = (
        "La compagnie a fait évacuer l'avion. Jean Morel , le PDG de la compagnie, s'est excusé « pour avoir dû "
        "replacer ces clients ailleurs » dans un communiqué en expliquant toutefois que les employés étaient pressés."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Jean Morel"



def test_faire_with_an_infinitive_after_a_comma_is_an_incise(nlp_fr) -> None:
    text = (
        "Le roi a prononcé un discours à Rabat. Toutefois, les textes de l'union impliquent le respect de la "
        "souveraineté des autres États, fait remarquer Ahmed Salem Ould Bakar , le ministre des affaires "
        "étrangères du pays. « Le royaume a accepté les principes de l'acte constitutif. » a-t-il déclaré."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Ahmed Salem Ould Bakar", "Ahmed Salem Ould Bakar"]


def test_fait_valoir_after_a_comma_names_its_speaker(nlp_fr) -> None:
    text = (
        "Le maire a vanté le projet. La ville n'a pas les moyens de payer, fait valoir Marie Dubois, "
        "élue de l'opposition."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Marie Dubois"]


def test_names_listed_after_a_plural_role_and_its_comma_all_speak(nlp_fr) -> None:
    text = "Les porte-parole du syndicat, Paul Roux et Marc Durand, ont déclaré que l'accord est injuste."
    assert production_speakers(text, nlp_fr, "fr") == ["Paul Roux et Marc Durand"]


def test_a_singular_role_before_one_name_keeps_that_name(nlp_fr) -> None:
    text = "Le porte-parole du syndicat, Paul Roux, a déclaré que l'accord est injuste devant Marc Durand."
    assert production_speakers(text, nlp_fr, "fr") == ["Paul Roux"]


def test_a_newspaper_after_a_fronted_participle_and_a_name_speaks_itself(nlp_fr) -> None:
    text = (
        "Accusé par le directeur du Figaro , Paul Roux , le syndicat CGT a réagi en précisant que le journal "
        "publiait volontiers cette tribune."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["CGT"]


def test_a_role_apposed_to_a_name_still_speaks_for_it(nlp_fr) -> None:
    text = (
        "Le tribunal a jugé Paul Roux. Il était défendu par Mario Joseph, l'un de ses avocats, qui précise que "
        "son client est innocent."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Mario Joseph"]

