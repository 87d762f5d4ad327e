"""Quotation spans: one test per group of extraction errors fixed with a general rule (own sentences)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quote_marks import find_quoted
from newsdesk.nlp.quotes import extract_quotes
from quote_helpers import quote_speakers

pytestmark = pytest.mark.slow


def spans_of(text: str, nlp, lang: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in extract_quotes(text, nlp(text), lang=lang)]


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_data_tallies_images_and_legal_articles_are_not_speakers(nlp_fr, nlp_en) -> None:
    fr = (
        "Selon le plus récent bilan, environ 300 maisons sont inondées dans la région. "
        "Selon l'article 12 du règlement, les membres doivent représenter tous les partis. "
        "La réunion a eu lieu d'après-midi à la mairie, sous une forte pluie battante. "
        "Selon le maire Paul Durand, les routes seront rouvertes demain matin."
    )
    assert spans_of(fr, nlp_fr, "fr") == [at(fr, "les routes seront rouvertes demain matin")]
    en = "The flight data suggests that the engine had failed before the crash. The pilot said that he saw smoke."
    assert spans_of(en, nlp_en, "en") == [at(en, "that he saw smoke")]


def test_incise_misparsed_as_conjunct_or_modifier(nlp_fr) -> None:
    text = "Une nouvelle hausse des prix a été annoncée, a révélé le Comité."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "Une nouvelle hausse des prix a été annoncée")]
    text = "Des civils pourraient faire partie des personnes libérées, a-t-il enfin confié."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "Des civils pourraient faire partie des personnes libérées")]
    text = "Le maire est arrivé en retard, a salué la foule puis a quitté la salle."
    assert spans_of(text, nlp_fr, "fr") == []


def test_demands_recommendations_and_forecasts_report_a_clause(nlp_fr, nlp_en) -> None:
    text = "La Corée du Sud exige que les provocations de Pyongyang cessent immédiatement."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "que les provocations de Pyongyang cessent immédiatement")]
    text = "Airbus had already recommended that one component of the system be replaced on all aircraft."
    assert spans_of(text, nlp_en, "en") == [at(text, "that one component of the system be replaced on all aircraft")]
    text = "Analysts forecast that sales will fall by ten percent next year."
    assert spans_of(text, nlp_en, "en") == [at(text, "that sales will fall by ten percent next year")]


def test_participles_are_not_incises_and_english_incise_after_a_comma(nlp_fr, nlp_en) -> None:
    text = (
        "The carmaker, which has been badly hit by the recession, has asked the government for more aid, "
        "saying that it plans to cut jobs."
    )
    assert spans_of(text, nlp_en, "en") == [at(text, "that it plans to cut jobs")]
    text = "Ryanair is the most profitable airline in Europe, having reported record profits earlier this year."
    assert spans_of(text, nlp_en, "en") == []
    text = '"It took far too long," said analyst John Smith commenting on the decision.'
    assert spans_of(text, nlp_en, "en") == [at(text, '"It took far too long,"')]
    text = "Ford will pay $57 million for a stake in the Romanian plant, a Romanian official said Friday."
    assert spans_of(text, nlp_en, "en") == [at(text, "Ford will pay $57 million for a stake in the Romanian plant")]
    text = "Depuis la révélation des informations selon lesquelles le ministre a dirigé une société, rien ne va."
    assert spans_of(text, nlp_fr, "fr") == []


def test_naming_with_a_quoted_phrase_quotes_the_namer(nlp_fr, nlp_en) -> None:
    text = 'Steve called podcasting "Wayne\'s World for radio". He called it the "hottest thing going in radio".'
    assert spans_of(text, nlp_en, "en") == [
        at(text, '"Wayne\'s World for radio"'),
        at(text, '"hottest thing going in radio"'),
    ]
    text = "Le président a salué « un geste fort » de la part des syndicats."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« un geste fort »")]
    text = "La ville se trouve dans une zone surnommée « triangle de la mort » par les habitants."
    assert spans_of(text, nlp_fr, "fr") == []


def test_a_two_word_phrase_named_by_a_speaker_is_a_quote(nlp_fr, nlp_en) -> None:
    text = 'Speaking to the press, Ann Marlow described the merger as a "defining moment" for the firm.'
    assert quote_speakers(text, nlp_en, "en") == ["Ann Marlow"]
    assert spans_of(text, nlp_en, "en") == [at(text, '"defining moment"')]
    text = 'The firm opened a "fresh start" office in Leeds.'
    assert spans_of(text, nlp_en, "en") == []


def test_a_quote_opening_on_the_verb_of_a_subject_before_it(nlp_fr, nlp_en) -> None:
    text = "La ministre Claire Vasseur « s'associe à la douleur des familles » ."
    assert quote_speakers(text, nlp_fr, "fr") == ["Claire Vasseur"]
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« s'associe à la douleur des familles »")]
    text = 'Ann Marlow "will not back down" on the plan.'
    assert quote_speakers(text, nlp_en, "en") == ["Ann Marlow"]
    text = "Les « gilets jaunes » ont manifesté samedi. La Tour Eiffel « brille » la nuit."
    assert spans_of(text, nlp_fr, "fr") == []


def test_titles_without_a_speaker_are_not_quotes(nlp_fr, nlp_en) -> None:
    text = 'In a post entitled "On Local Politics", blogger Marie Dubois explains her distrust of the elections.'
    assert spans_of(text, nlp_en, "en") == []
    text = "« Seul sur Mars », dans le film, l'astronaute fait pousser des pommes de terre pour survivre."
    assert spans_of(text, nlp_fr, "fr") == []


def test_imperative_of_the_writer_and_infinitive_reports_in_a_relative_clause(nlp_fr) -> None:
    text = "Rappelons que la Corée du Nord est considérée comme l'un des pays les plus fermés."
    assert spans_of(text, nlp_fr, "fr") == []
    text = "Les statues sont attribuées à un artiste, Ginger, qui raconte avoir été approché par le collectif."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "avoir été approché par le collectif")]


def test_two_apostrophes_typed_for_a_double_quote_mark(nlp_en) -> None:
    text = "''I am more convinced now than ever that this market has made a bottom,\" he continued."
    assert spans_of(text, nlp_en, "en") == [
        at(text, "''I am more convinced now than ever that this market has made a bottom,\"")
    ]
    text = "It is the boys' club, and the players' ''spirit'' matters."
    assert [(q.start, q.end) for q in find_quoted(text)] == [at(text, "''spirit''")]


def test_headline_verb_tagged_as_noun_and_report_inside_a_relative_clause(nlp_fr, nlp_en) -> None:
    text = "L'armée annonce, via un communiqué publié sur son site internet, avoir pris le pouvoir en Turquie."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "avoir pris le pouvoir en Turquie")]
    text = "The deal failed over labour cuts, which the Republicans insisted reach parity by next year."
    assert spans_of(text, nlp_en, "en") == [at(text, "reach parity by next year")]


def test_se_dire_with_an_attribute_reports_a_stance(nlp_fr) -> None:
    text = "La ministre s'est dite favorable à une hausse du salaire minimum."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "favorable à une hausse du salaire minimum")]
    text = "Le Premier ministre se dit prêt à démissionner si la réforme échoue."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "prêt à démissionner si la réforme échoue")]


def test_calls_quote_the_caller_but_quoted_requests_are_not_quotations(nlp_fr) -> None:
    text = "Le maire a appelé à « la plus grande prudence face à la montée des eaux »."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« la plus grande prudence face à la montée des eaux »")]
    text = "Le maire a encouragé les habitants à « rester chez eux pendant la tempête »."
    assert spans_of(text, nlp_fr, "fr") == []


def test_short_terms_before_a_later_speech_verb_and_imperative_after_a_paragraph(nlp_fr) -> None:
    text = (
        "Évoquant les jeunes restés dans leurs « canapés », le pape a déclaré « Le monde vous demande "
        "d'être des protagonistes de l'histoire »."
    )
    assert spans_of(text, nlp_fr, "fr") == [
        at(text, "« Le monde vous demande d'être des protagonistes de l'histoire »")
    ]
    text = "Le pays a procédé à un essai.\n\nRappelons que ce pays est l'un des plus fermés au monde."
    assert spans_of(text, nlp_fr, "fr") == []


def test_inverted_incise_without_a_comma_after_a_noun_taken_for_its_subject(nlp_fr) -> None:
    text = (
        "Un cycliste est décédé d'un arrêt cardiaque après une grave chute lors d'une course "
        "a révélé le Comité international paralympique (IPC)."
    )
    spans = extract_quotes(text, nlp_fr(text), lang="fr")
    want = at(text, "Un cycliste est décédé d'un arrêt cardiaque après une grave chute lors d'une course")
    assert [(s.start, s.end) for s in spans] == [want]
    assert spans[0].attrs["speaker_name"] == "Comité international paralympique"


def test_two_word_speech_verbs(nlp_fr, nlp_en) -> None:
    text = "Les porte-paroles du syndicat font valoir que l'accord constitue une injustice pour les chauffeurs."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "que l'accord constitue une injustice pour les chauffeurs")]
    text = "Le gouvernement fait valoir ses droits devant la justice."
    assert spans_of(text, nlp_fr, "fr") == []
    text = "Other analysts, however, point out that the market had not fallen as quickly as in October."
    assert spans_of(text, nlp_en, "en") == [at(text, "that the market had not fallen as quickly as in October")]


def test_whole_quoted_sentence_after_a_comma(nlp_en) -> None:
    text = (
        'In his resignation letter, Jobs left this farewell, "I have made some of the best friends of my life '
        'at Apple, and I thank you all."'
    )
    spans = extract_quotes(text, nlp_en(text), lang="en")
    want = at(text, '"I have made some of the best friends of my life at Apple, and I thank you all."')
    assert [(s.start, s.end) for s in spans] == [want]
    assert spans[0].attrs["speaker_name"] == "Jobs"


def test_a_quote_after_selon_and_its_holder(nlp_fr, nlp_en) -> None:
    text = "À 10 h 20, selon Météo-Régions, « la tempête poursuit sa route vers l'est du pays » ."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« la tempête poursuit sa route vers l'est du pays »")]
    text = "Selon le capitaine Marc Delorme, de l'office des douanes, « un kilo de cette poudre vaut cher » ."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« un kilo de cette poudre vaut cher »")]
    assert quote_speakers(text, nlp_fr, "fr") == ["Marc Delorme"]
    text = "Selon la loi, « nul n'est censé l'ignorer » ."
    assert spans_of(text, nlp_fr, "fr") == []


def test_decrire_comme_names_with_a_quoted_phrase(nlp_fr) -> None:
    text = "L'administration du président a décrit le déploiement comme « une menace » ."
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« une menace »")]
    text = "Le ministre a qualifié la décision de « scandaleuse » hier soir."  # a bare qualifier names too
    assert spans_of(text, nlp_fr, "fr") == [at(text, "« scandaleuse »")]
