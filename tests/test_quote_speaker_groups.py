"""Speaker error groups: pronouns after a change of topic, relative clauses, roles "of X", possessives,
organisation names, "Pour lui, « … »" and French constructions the extractor used to miss.

Each case checks the quote and the speaker as written through their character offsets.
"""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[str, str, str | None, str | None]]:
    """(quote text, kind, speaker as written, speaker full name) of every quote, read through the offsets."""
    out = []
    for s in extract_quotes(text, nlp(text), lang=lang):
        sp = s.attrs["speaker_span"]
        out.append(
            (text[s.start : s.end], s.attrs["kind"], text[sp[0] : sp[1]] if sp else None, s.attrs["speaker_name"])
        )
    return out


# -- pronouns: salience of the last speaker, change of topic, gender, anaphors ----------------------------


def test_pronoun_goes_to_the_new_subject_after_a_change_of_topic(nlp_fr) -> None:
    text = (
        "Le ministre Paul Durand a défendu son projet devant les députés. « Nous irons jusqu'au bout », a-t-il "
        "déclaré.\n\nLe sénateur Marc Vidal a rejeté le texte mardi. « Il faut tout reprendre », a-t-il déclaré."
    )
    assert found(text, nlp_fr, "fr") == [
        ("« Nous irons jusqu'au bout »", "direct", "il", "Paul Durand"),
        ("« Il faut tout reprendre »", "direct", "il", "Marc Vidal"),
    ]


def test_pronoun_skips_a_last_speaker_of_the_other_gender(nlp_en) -> None:
    text = (
        'Mr. Mark Hill met the mayor on Monday. "Nothing has been decided," Hill said.\n\nAsked about the budget, '
        'Ms. Anne Price said the plan was sound. "We will not wait," he said.'
    )
    assert found(text, nlp_en, "en") == [
        ('"Nothing has been decided,"', "direct", "Hill", "Mark Hill"),
        ("the plan was sound", "indirect", "Ms. Anne Price", "Anne Price"),
        ('"We will not wait,"', "direct", "he", "Mark Hill"),
    ]


def test_clitic_subject_hanging_on_euphonic_t(nlp_fr) -> None:
    text = "Interrogée mardi, Marie Lefort a rejeté le texte. « Il faut tout reprendre », a-t-elle ajouté."
    assert found(text, nlp_fr, "fr") == [("« Il faut tout reprendre »", "direct", "elle", "Marie Lefort")]


def test_ce_dernier_is_the_most_recent_person_not_the_last_speaker(nlp_fr) -> None:
    text = (
        "Le sénateur Marc Vidal a rencontré le maire Luc Bernard lundi. « Rien n'est décidé », a déclaré Marc Vidal."
        "\n\nCe dernier a ensuite indiqué vouloir consulter les habitants avant l'été."
    )
    quotes = found(text, nlp_fr, "fr")
    assert quotes[0] == ("« Rien n'est décidé »", "direct", "Marc Vidal", "Marc Vidal")
    assert quotes[1] == ("vouloir consulter les habitants avant l'été", "indirect", "Ce dernier", "Marc Vidal")


# -- subjects the parser loses ------------------------------------------------------------------------


def test_subject_detached_by_the_parser(nlp_fr) -> None:
    text = "Interrogé jeudi à Lyon, Paul Durand , battu au premier tour en mai, a affirmé qu'il ne serait pas candidat."
    assert found(text, nlp_fr, "fr") == [("qu'il ne serait pas candidat", "indirect", "Paul Durand", "Paul Durand")]


def test_relative_clause_speaks_for_the_person_its_apposition_describes(nlp_fr) -> None:
    text = (
        "La décision a été critiquée par tous à l'exception notable de Anne Morel, présidente du Sénat et de "
        "l'Union des maires, qui a rappelé que « le texte protège les salariés »."
    )
    quotes = found(text, nlp_fr, "fr")
    assert [(q[0], q[3]) for q in quotes] == [("« le texte protège les salariés »", "Anne Morel")]
    assert quotes[0][2].startswith("Anne Morel")


def test_participle_speaks_for_the_person_not_the_thing_subject(nlp_fr) -> None:
    text = (
        "Ces chiffres ont conduit la députée Claire Petit à interpeller le gouvernement, affirmant que "
        "« la situation est grave »."
    )
    assert found(text, nlp_fr, "fr") == [("« la situation est grave »", "direct", "Claire Petit", "Claire Petit")]


def test_abbreviation_does_not_end_the_incise(nlp_en) -> None:
    text = '"We love the Beatles," said Apple Inc. CEO Steve Jobs.'
    assert found(text, nlp_en, "en") == [
        ('"We love the Beatles,"', "direct", "Apple Inc. CEO Steve Jobs", "Steve Jobs")
    ]


# -- a head noun "of X" is not X ----------------------------------------------------------------------


def test_official_of_an_administration_is_not_its_leader(nlp_fr) -> None:
    text = "Un responsable de l'administration de Barack Obama a déclaré que la décision serait annoncée vendredi."
    [(quote, kind, written, name)] = found(text, nlp_fr, "fr")
    assert (quote, kind, written, name) == (
        "que la décision serait annoncée vendredi",
        "indirect",
        "Un responsable de l'administration de Barack Obama",
        None,
    )


def test_possessive_spokesman_is_unnamed(nlp_en) -> None:
    text = '"The plant will close in March," said General Motors\' spokesman at a press conference.'
    [(quote, _, written, name)] = found(text, nlp_en, "en")
    assert quote == '"The plant will close in March,"'
    assert written == "General Motors' spokesman at a press conference"
    assert name is None
    [span] = extract_quotes(text, nlp_en(text), lang="en")
    assert span.attrs["reason"] == "role without a name in the article: spokesman"


def test_group_named_after_a_person_drops_the_title(nlp_en) -> None:
    text = "President Barack Obama's administration said it would not give more aid to the company."
    assert found(text, nlp_en, "en") == [
        (
            "it would not give more aid to the company",
            "indirect",
            "President Barack Obama's administration",
            "Barack Obama's administration",
        )
    ]


def test_role_of_an_organisation_goes_to_the_apposed_name(nlp_fr) -> None:
    text = "Alors patron de la banque, Pierre Martin a annoncé vouloir quitter ses fonctions en mars."
    assert found(text, nlp_fr, "fr") == [
        ("vouloir quitter ses fonctions en mars", "indirect", "Pierre Martin", "Pierre Martin")
    ]


# -- organisation names ---------------------------------------------------------------------------------


def test_organisation_name_without_its_description(nlp_en) -> None:
    text = "The US carmaker GM reported a loss on Monday. The firm said that it had lost $6 billion in the quarter."
    assert found(text, nlp_en, "en") == [("that it had lost $6 billion in the quarter", "indirect", "The firm", "GM")]


def test_source_named_after_a_report(nlp_en) -> None:
    text = "According to a new report in Ars Technica, the company passed its rival as the top music seller."
    assert found(text, nlp_en, "en") == [
        (
            "the company passed its rival as the top music seller",
            "indirect",
            "a new report in Ars Technica",
            "Ars Technica",
        )
    ]


# -- French introductions -------------------------------------------------------------------------------


def test_pour_lui_introduces_a_quote(nlp_fr) -> None:
    text = "Le député Jean Roux a présenté sa proposition.\n\nPour lui, « cette loi protège enfin les locataires » ."
    assert found(text, nlp_fr, "fr") == [("« cette loi protège enfin les locataires »", "direct", "lui", "Jean Roux")]


def test_selon_lui_inside_a_reported_clause_is_not_a_report_of_its_own(nlp_fr) -> None:
    text = "Le ministre Jean Roux a défendu la réforme, en ajoutant que, selon lui, « personne ne sera oublié »."
    assert found(text, nlp_fr, "fr") == [
        ("que, selon lui, « personne ne sera oublié »", "mixed", "Le ministre Jean Roux", "Jean Roux")
    ]


def test_quoted_infinitive_after_de_is_not_a_quotation(nlp_fr) -> None:
    # a request; a quoted pledge ("a promis de « … »") is a quotation (tests/test_quote_recall_marks2.py)
    text = "Le ministre Jean Roux a demandé aux salariés de « tout faire pour sauver l'usine » lors de sa visite."
    assert found(text, nlp_fr, "fr") == []


def test_participle_phrase_between_verb_and_quote(nlp_fr) -> None:
    text = "Le ministre Jean Roux a dit en parlant des grévistes « ils ont été entendus » lors de sa visite."
    assert found(text, nlp_fr, "fr") == [("« ils ont été entendus »", "direct", "Le ministre Jean Roux", "Jean Roux")]


def test_infinitive_clause_after_the_verbs_complements(nlp_fr) -> None:
    text = "Le ministre Jean Roux a assuré sur France Inter, ce mardi, être prêt à négocier avec les syndicats."
    assert found(text, nlp_fr, "fr") == [
        ("être prêt à négocier avec les syndicats", "indirect", "Le ministre Jean Roux", "Jean Roux")
    ]


def test_selon_a_role_then_a_titled_name(nlp_fr) -> None:
    text = (
        "L'armée a pris le contrôle du pays dans la nuit, selon le chef d'état-major logistique, le général "
        "Paul Moyo. Elle a confiné le président."
    )
    assert found(text, nlp_fr, "fr") == [
        (
            "L'armée a pris le contrôle du pays dans la nuit",
            "indirect",
            "le chef d'état-major logistique, le général Paul Moyo",
            "Paul Moyo",
        )
    ]


def test_it_and_elle_refer_to_an_organisation(nlp_en, nlp_fr) -> None:
    text = "General Motors reported a loss on Monday. It said that sales had fallen by a third in the quarter."
    assert found(text, nlp_en, "en") == [
        ("that sales had fallen by a third in the quarter", "indirect", "It", "General Motors")
    ]
    text = "Renault a publié ses résultats lundi. Elle a indiqué que ses ventes avaient baissé."
    assert found(text, nlp_fr, "fr") == [("que ses ventes avaient baissé", "indirect", "Elle", "Renault")]


def test_possessive_role_names_an_office(nlp_en) -> None:
    text = "According to the mayor's office, the road will reopen next week."
    assert found(text, nlp_en, "en") == [
        ("the road will reopen next week", "indirect", "the mayor's office", "mayor's office")
    ]


def test_inverted_speaker_after_a_complement(nlp_fr) -> None:
    text = "« C'est un jour triste », a confié à l'AFP la ministre, Anne Lee. Le gouvernement se réunira lundi."
    assert found(text, nlp_fr, "fr") == [("« C'est un jour triste »", "direct", "la ministre", "Anne Lee")]


def test_pour_a_name_with_an_apposition(nlp_fr) -> None:
    text = "Pour Marie Dupont, sociologue, « la crise est d'abord sociale »."
    assert found(text, nlp_fr, "fr") == [("« la crise est d'abord sociale »", "direct", "Marie Dupont", "Marie Dupont")]


def test_colon_introduction_after_a_title_cue_word(nlp_en) -> None:
    text = 'Blogger Ahmed Ali wrote on his blog:\n\n"The elections were a farce. Nobody believed the results."'
    assert found(text, nlp_en, "en") == [
        ('"The elections were a farce. Nobody believed the results."', "direct", "Blogger Ahmed Ali", "Ahmed Ali")
    ]


def test_clitic_subject_hanging_on_the_auxiliary(nlp_fr) -> None:
    text = (
        "À l'issue de la réunion, Élisabeth Borne a déclaré que le dialogue allait continuer. "
        "« Rien n'est figé », a-t-elle précisé."
    )
    quotes = found(text, nlp_fr, "fr")
    assert quotes[-1] == ("« Rien n'est figé »", "direct", "elle", "Élisabeth Borne")


def test_report_published_by_an_organisation(nlp_en) -> None:
    text = "The report, published by Amnesty International, said that hundreds had been detained."
    assert found(text, nlp_en, "en") == [
        ("that hundreds had been detained", "indirect", "The report", "Amnesty International")
    ]


def test_parenthetical_speaker_between_commas(nlp_en) -> None:
    text = "Mr. Jaime Perez was in Toulouse. Since then, he says, the plane has flown for nearly thirty hours."
    assert found(text, nlp_en, "en") == [
        ("the plane has flown for nearly thirty hours", "indirect", "he", "Jaime Perez")
    ]
    text = "The plant, the company said, will close in March."
    assert found(text, nlp_en, "en") == [
        ("The plant, the company said, will close in March", "indirect", "the company", "company")
    ]


def test_short_quote_after_a_colon_about_a_thing_is_not_speech(nlp_fr) -> None:
    text = "La fête avait pour thème cette année : « La joie du partage » . Elle a réuni mille personnes."
    assert found(text, nlp_fr, "fr") == []


def test_purpose_clause_with_a_speech_verb(nlp_fr) -> None:
    text = "Le maire Jean Roux a profité du conseil pour annoncer qu'il quitterait ses fonctions en juin."
    assert found(text, nlp_fr, "fr") == [
        ("qu'il quitterait ses fonctions en juin", "indirect", "Le maire Jean Roux", "Jean Roux")
    ]


def test_report_after_a_quoted_sentence_is_its_own(nlp_en) -> None:
    text = 'The group\'s founder, Amir Hassan, said: "We will continue." He added that more protests were planned.'
    assert found(text, nlp_en, "en") == [
        ('"We will continue."', "direct", "The group's founder, Amir Hassan", "Amir Hassan"),
        ("that more protests were planned", "indirect", "He", "Amir Hassan"),
    ]


def test_complement_stops_before_an_incise(nlp_fr) -> None:
    text = "Les policiers ont indiqué que le conducteur avait pris la fuite, a-t-on appris auprès de la préfecture."
    quotes = found(text, nlp_fr, "fr")
    assert len(quotes) == 1
    assert quotes[0][0] == "Les policiers ont indiqué que le conducteur avait pris la fuite"
    assert quotes[0][3] == "préfecture"


def test_possessive_after_final_s_owns_the_document(nlp_en) -> None:
    text = (
        "The dispute is old. Ortega Brothers' latest suit, filed in May, claims that the rival firm broke the "
        "2004 contract."
    )
    assert found(text, nlp_en, "en") == [
        ("that the rival firm broke the 2004 contract", "indirect", "Ortega Brothers' latest suit", "Ortega Brothers")
    ]


def test_quoted_as_saying_gives_the_person_quoted(nlp_en) -> None:
    text = 'The talks failed. "We will not sign this deal," the Daily Star quoted Karim Haddad as saying on Friday.'
    assert found(text, nlp_en, "en") == [('"We will not sign this deal,"', "direct", "Karim Haddad", "Karim Haddad")]


def test_speaker_ends_before_the_article_they_wrote(nlp_en) -> None:
    text = 'The vote is on Sunday. Maria Lopez in a Reuters article states that "workers should not accept the cuts".'
    assert found(text, nlp_en, "en") == [
        ('"workers should not accept the cuts"', "direct", "Maria Lopez", "Maria Lopez")
    ]


def test_longer_organisation_form_only_with_a_legal_form(nlp_en) -> None:
    text = "Toyota Financial Services cut its rates on Monday. Toyota said that sales would rise in June."
    assert found(text, nlp_en, "en") == [("that sales would rise in June", "indirect", "Toyota", "Toyota")]
    text = "Delmar Inc. opened a plant in Ohio on Monday. Delmar said that the new model would fly in June."
    assert found(text, nlp_en, "en") == [("that the new model would fly in June", "indirect", "Delmar", "Delmar Inc.")]
