"""Speakers written as a description ("the actor", "le ministre de l'Intérieur") resolved to the person
whose role the description repeats."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_a_role_before_a_clause_is_not_the_role_of_a_later_name(nlp_en) -> None:
    text = (
        "Actor Sam Weller says he is looking forward to playing the detective in a film by Dora Spenlow. "
        '"I want to push it as far as it can go," Weller said. '
        "The actor said that the script was the best he had read."
    )
    assert production_speakers(text, nlp_en, "en") == ["Sam Weller", "Sam Weller", "Sam Weller"]
    text = (
        "Judge Andrew Pell gave Tom Cole the highest fine. Cole had a flashing yellow light, police said. "
        "The judge said that both sides made that decision."
    )
    assert production_speakers(text, nlp_en, "en")[-1] == "Andrew Pell"


def test_the_description_picks_the_holder_whose_role_it_repeats(nlp_fr) -> None:
    text = (
        "Le ministre de l'Intérieur, Paul Martin, a visité Lyon mardi. Il a rencontré le ministre de la Santé, "
        "Anne Roux. Selon le ministre de l'Intérieur, « la situation est sous contrôle »."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] == "Paul Martin"


def test_a_holder_of_another_ministry_is_not_the_minister_described(nlp_fr) -> None:
    text = (
        "La ministre de la Santé, Anne Roux, a visité Lyon mardi. "
        "Selon le ministre de l'Économie, « la situation est sous contrôle »."
    )
    assert production_speakers(text, nlp_fr, "fr")[-1] is None


def test_descriptions_of_people_the_article_does_not_name_get_no_name(nlp_en, nlp_fr) -> None:
    text = "Police said the man had claimed he was a prophet. The man said that he was sorry."
    assert production_speakers(text, nlp_en, "en") == [None, None]
    text = (
        '"It leaked," said Tom Fry, a diver. But the vessel\'s owner said it was fine. '
        '"The licence conditions have been breached," the department\'s spokesperson said.'
    )
    assert production_speakers(text, nlp_en, "en") == ["Tom Fry", None, None]
    text = "Le parquet évoque 60 morts. Le sous-préfet des Alpes-Maritimes annonce que le chauffeur a été abattu."
    assert production_speakers(text, nlp_fr, "fr")[-1] is None


def test_a_description_repeats_a_role_the_entity_layer_gave_only_in_part(nlp_en) -> None:
    text = (
        "MSNBC host and correspondent Joy Reid criticised Tom Fry on Tuesday. "
        "The TV host suggested that he had appeared on a Russian channel."
    )
    assert production_speakers(text, nlp_en, "en") == ["Joy Reid"]


def test_an_organisation_description_skips_newspapers_and_common_noun_groups(nlp_en, nlp_fr) -> None:
    text = (
        "Acme Corp. said that profits fell. The Daily Planet reported that the plant would close. "
        "The company said that it expects a rebound."
    )
    assert production_speakers(text, nlp_en, "en") == ["Acme Corp.", "Daily Planet", "Acme Corp."]
    text = (
        "Selon la présidente de Médecins du monde, Anne Roux, l'autorité a refusé la campagne. "
        "Selon le journal Libération, le prix est trop élevé. "
        "L'association affirme que le traitement coûte 100 euros."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Anne Roux", "Libération", "Médecins du monde"]
