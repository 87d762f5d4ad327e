"""Speaker names: what is not part of a name (day words, descriptions), and who a phrase stands for."""

from __future__ import annotations

import pytest

from newsdesk.article import Span
from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def speakers(text: str, nlp, lang: str, entities: list[Span] | None = None) -> list[str | None]:
    return [s.attrs["speaker_name"] for s in extract_quotes(text, nlp(text), lang=lang, entities=entities)]


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
