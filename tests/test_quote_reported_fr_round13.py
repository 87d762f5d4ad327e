"""French reported speech: constructions that report ("a confié, depuis la ville où il se trouvait, que …",
"selon lequel" after a speaker, "selon X" between a verb and its object, a bare infinitive after the verb's
adverbial phrase, "…, comme l'a annoncé X.", an inverted attribution without its comma, a clause after a
colon without quote marks, an incise the parser hung on a noun, the name right before the verb of a second
clause) and look-alikes that do not (a finite clause with no "que", a relative clause after an incise,
decrees and criteria, counts of a gathering, findings of a study)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def quotes(text: str, nlp) -> list[tuple[str, str | None, str | None]]:
    """(quoted text, speaker as written, verb lemma) of each quote of `text`."""
    spans = extract_quotes(text, nlp(text), lang="fr")
    return [(text[s.start : s.end], s.attrs.get("speaker"), s.attrs.get("verb")) for s in spans]


def reported(text: str, nlp) -> list[str]:
    return [q for q, _, _ in quotes(text, nlp)]


# constructions that report


def test_que_after_an_insertion_with_a_relative_clause(nlp_fr) -> None:
    text = "La maire a déclaré en fin de matinée, depuis le port où elle se trouvait, que le quai rouvrirait lundi."
    assert reported(text, nlp_fr) == ["que le quai rouvrirait lundi"]


def test_que_after_an_insertion_with_a_participle(nlp_fr) -> None:
    text = (
        "La ministre a également fait savoir, dans une lettre publiée mercredi par la commission nationale, "
        "qu'elle quitterait son poste en mars."
    )
    assert reported(text, nlp_fr) == ["qu'elle quitterait son poste en mars"]


def test_relative_que_after_an_insertion_stays_out(nlp_fr) -> None:
    text = (
        "Le maire a annoncé, lors d'une réunion tenue hier, la fermeture de l'usine construite en 1990 que le groupe "
        "avait rachetée."
    )
    assert quotes(text, nlp_fr) == []


def test_selon_lequel_after_a_body(nlp_fr) -> None:
    text = "Même avis au ministère de la Santé, selon lequel la campagne n'est pas une solution miracle."
    assert quotes(text, nlp_fr) == [
        ("la campagne n'est pas une solution miracle", "ministère de la Santé", "selon")
    ]


def test_selon_lequel_inside_the_subject(nlp_fr) -> None:
    text = "Le maire, selon lequel la route sera prête en mai, a visité le chantier."
    assert quotes(text, nlp_fr) == [("la route sera prête en mai", "Le maire", "selon")]


@pytest.mark.parametrize(
    "text",
    [
        "Les informations selon lesquelles le joueur serait blessé ont été démenties.",
        "La rumeur selon laquelle il démissionnerait court toujours.",
    ],
)
def test_selon_lequel_after_a_thing_stays_out(nlp_fr, text) -> None:
    assert quotes(text, nlp_fr) == []


def test_selon_between_a_verb_and_its_object(nlp_fr) -> None:
    text = "La hausse atteint selon la banque centrale un niveau record."
    assert quotes(text, nlp_fr) == [(text[:-1], "la banque centrale", "selon")]


def test_selon_between_a_copula_and_its_quoted_predicate(nlp_fr) -> None:
    text = "La crémation est selon l'Église « une pratique longtemps refusée par la tradition chrétienne » ."
    got = quotes(text, nlp_fr)
    assert [(s, v) for _, s, v in got] == [("l'Église", "selon")]


def test_bare_infinitive_after_an_adverbial_phrase(nlp_fr) -> None:
    text = "Le ministre a annoncé lors de la conférence vouloir réformer le code du travail."
    assert quotes(text, nlp_fr) == [("vouloir réformer le code du travail", "Le ministre", "annoncer")]


def test_infinitive_with_a_preposition_stays_out(nlp_fr) -> None:
    assert quotes("Il a annoncé la décision de partir.", nlp_fr) == []


def test_comme_clause_closing_the_sentence(nlp_fr) -> None:
    text = "La route sera prête en mai, comme l'a annoncé le maire."
    assert quotes(text, nlp_fr) == [("La route sera prête en mai", "le maire", "annoncer")]


def test_comme_clause_closing_the_sentence_with_an_apposition(nlp_fr) -> None:
    text = "Si cet essai réussit, il pourrait changer la donne, comme l'indique Anne Morel, chercheuse au CNRS."
    got = quotes(text, nlp_fr)
    assert [(q, v) for q, _, v in got] == [("Si cet essai réussit, il pourrait changer la donne", "indiquer")]


def test_comme_clause_opening_the_sentence_still_reports_what_follows(nlp_fr) -> None:
    text = "Comme l'a rappelé le ministre, la loi sera votée en mai."
    assert reported(text, nlp_fr) == ["la loi sera votée en mai"]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "La piste criminelle aurait été écartée a fait savoir la police.",
            "La piste criminelle aurait été écartée",
            "la police",
        ),
        (
            "Les vents étaient forts à l'aéroport mais la visibilité correcte précise la compagnie.",
            "Les vents étaient forts à l'aéroport mais la visibilité correcte",
            "la compagnie",
        ),
    ],
)
def test_inverted_attribution_without_its_comma(nlp_fr, text, quote, speaker) -> None:
    got = quotes(text, nlp_fr)
    assert [(q, s) for q, s, _ in got] == [(quote, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "La compagnie précise la date.",
        "Le ministre a annoncé la fermeture de l'usine.",
        "Le directeur qui était présent a salué le maire.",
    ],
)
def test_speech_verb_with_its_object_is_no_inversion(nlp_fr, text) -> None:
    assert quotes(text, nlp_fr) == []


def test_incise_hung_on_a_noun_reports_the_whole_clause(nlp_fr) -> None:
    text = (
        "Vers 10 h 30 intervient une équipe de secours pour vérifier qu'il n'y a pas de « risque d'effondrement » , "
        "explique Jean Dubois, le porte-parole de la préfecture."
    )
    got = quotes(text, nlp_fr)
    assert [q for q, _, _ in got] == [text[: text.index(" ,")]]


def test_clause_after_a_colon_without_marks(nlp_fr) -> None:
    text = (
        "Thierry Martin, chercheur au CNRS, nuance toutefois les effets de cette crise sur la population : "
        "elle est nettement plus ressentie dans la capitale que dans le reste du pays."
    )
    got = quotes(text, nlp_fr)
    assert [q for q, _, _ in got] == [text[text.index(": ") + 2 : -1]]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a annoncé trois mesures : la baisse des impôts, la hausse des salaires et un plan d'aide.",
        "Le maire a déclaré : « Nous reconstruirons l'école. »",
        "L'enquête a encore révélé un élément troublant : les téléphones de la famille se sont éteints le même soir.",
        "Ce point presse était d'ailleurs justifié par la couverture de la cérémonie : le cabinet reproche aux médias "
        "de sous-estimer la foule.",
    ],
)
def test_list_or_quote_after_a_colon_is_no_unmarked_report(nlp_fr, text) -> None:
    assert all(q.startswith("«") for q in reported(text, nlp_fr))


def test_name_right_before_the_verb_of_a_second_clause(nlp_fr) -> None:
    text = (
        "Le Premier ministre a écourté une visite dans la Somme et Paul Martin a confié en fin de journée, depuis "
        "la Corrèze où il se trouvait, que « tout cela justifie la réforme » ."
    )
    assert quotes(text, nlp_fr) == [("« tout cela justifie la réforme »", "Paul Martin", "confier")]


def test_verb_of_the_same_subject_after_a_name_keeps_it(nlp_fr) -> None:
    text = "Le ministre a rencontré Paul Martin et a déclaré que la réforme attendra."
    assert quotes(text, nlp_fr) == [("que la réforme attendra", "Le ministre", "déclarer")]


def test_participle_of_a_noun_does_not_cut_the_report(nlp_fr) -> None:
    text = (
        "Le maire a fait savoir, dans sa déclaration publiée mercredi par la préfecture, qu'il possédait deux "
        "tableaux estimés à 15 000 euros, d'après son « évaluation personnelle » ."
    )
    assert reported(text, nlp_fr) == [text[text.index("qu'il") : text.rindex(" .")]]


def test_estime_ainsi_que_hung_inside_the_clause(nlp_fr) -> None:
    text = "Le journal estime ainsi que l'une des clauses secrètes de l'accord pourrait être une coopération militaire."
    assert quotes(text, nlp_fr) == [(text[text.index("que") : -1], "Le journal", "estimer")]


def test_ainsi_que_joining_two_objects_is_no_report(nlp_fr) -> None:
    assert quotes("Le ministre a salué les pompiers ainsi que les bénévoles.", nlp_fr) == []


# look-alikes that do not report


def test_finite_clause_without_que_is_no_report(nlp_fr) -> None:
    text = (
        "Selon une source policière, « il aurait eu des projets d'attentat sans pouvoir les concrétiser » . "
        "Aucune cible précise n'a encore été identifiée."
    )
    assert reported(text, nlp_fr) == ["« il aurait eu des projets d'attentat sans pouvoir les concrétiser »"]


def test_relative_clause_after_an_incise_is_no_report(nlp_fr) -> None:
    text = (
        "« Nous pensons que cela est lié à une attaque » , a affirmé un policier de l'État de Victoria , "
        "où se situe Melbourne."
    )
    assert reported(text, nlp_fr) == ["« Nous pensons que cela est lié à une attaque »"]


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi, le décret royal a annoncé que 28 nouveaux membres ont été nommés au conseil.",
        "En effet, selon les critères du BIT, il suffit de travailler une heure par semaine pour être compté.",
        "Les manifestations ont réuni 400 000 personnes selon les organisateurs.",
        "Le cortège a rassemblé 12 000 personnes, selon la préfecture.",
        "Une étude publiée lundi a révélé que le champignon appartient à une famille connue.",
        "Les chiffres du ministère indiquent que le chômage a baissé.",
        "Selon une étude récente, le tabac tue deux fumeurs sur trois.",
    ],
)
def test_decrees_criteria_counts_and_findings_are_not_speakers(nlp_fr, text) -> None:
    assert quotes(text, nlp_fr) == []


def test_study_with_its_author_speaks_for_it(nlp_fr) -> None:
    text = "Selon une étude de l'Inserm, le tabac tue deux fumeurs sur trois."
    assert reported(text, nlp_fr) == ["le tabac tue deux fumeurs sur trois"]


def test_quoted_words_with_a_count_after_them_stay_a_quote(nlp_fr) -> None:
    text = (
        "Selon le président du comité, Paul Martin, « nous serons à la clôture entre 1,7 et 2 millions de votants » , "
        "tandis que le premier tour avait réuni 1 655 919 votants."
    )
    assert reported(text, nlp_fr) == ["« nous serons à la clôture entre 1,7 et 2 millions de votants »"]


def test_a_speaker_revealing_still_reports(nlp_fr) -> None:
    text = "Le ministre a révélé que le budget serait réduit."
    assert reported(text, nlp_fr) == ["que le budget serait réduit"]
