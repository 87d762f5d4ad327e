"""Speakers the parser does not give: a colon clause naming whose view follows ("l'avis de X :"), or a
name before a stray comma."""

from __future__ import annotations

import pytest

from quote_helpers import production_speakers

pytestmark = pytest.mark.slow


def test_the_view_of_a_named_person_before_a_colon_is_theirs(nlp_fr) -> None:
    text = (
        "Le journaliste Éric Fottorino commente la cérémonie. Ce n'est pas l'avis de Fottorino : « la présence "
        "du président ne peut être interprétée que comme un acte politique »."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Éric Fottorino"]


def test_the_response_of_a_named_person_before_a_colon_is_theirs(nlp_en) -> None:
    for intro in ("The response of Mayor John Smith was blunt:", "Mayor John Smith's answer was short:"):
        text = f'{intro} "We will not back down on this, not now and not ever."'
        assert production_speakers(text, nlp_en, "en") == ["John Smith"], intro


def test_a_view_owned_by_nobody_named_gives_no_speaker(nlp_fr) -> None:
    text = (
        "Le ministre Paul Durand a répondu mardi. La réaction de l'opposition était vive : « nous ne céderons "
        "pas sur ce point, jamais »."
    )
    assert production_speakers(text, nlp_fr, "fr") == [None]


def test_a_stray_comma_between_a_name_and_its_verb_keeps_the_name_as_speaker(nlp_fr) -> None:
    text = (
        "Alors que le site est bloqué depuis le 2 juin en Égypte , le dirigeant de l' Agence des communications "
        "et de l'information (ACI) Karim Nabil Saïd, exige que Twitter retire des messages jugés faux par le "
        "gouvernement."
    )
    assert production_speakers(text, nlp_fr, "fr") == ["Karim Nabil Saïd"]
