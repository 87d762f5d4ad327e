"""Direct quotations in marks that must be found: incises with rarer speech verbs, naming verbs with "as",
"Pour le plaignant, « … »", a quoted sentence after a title cue, quoted pledges and threats, short words quoted
inside a "que" clause; and what still stays out (titles, requests, passive naming)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[str, str | None]]:
    """(quoted text, resolved speaker) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["speaker_name"]) for s in extract_quotes(text, nlp(text), lang=lang)]


def verbs(text: str, nlp, lang: str) -> list[tuple[str, str | None]]:
    """(quoted text, verb lemma) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["verb"]) for s in extract_quotes(text, nlp(text), lang=lang)]


@pytest.mark.parametrize("verb", ["a lâché", "a glissé", "a fulminé", "a renchéri"])
def test_rarer_french_incise_verbs(nlp_fr, verb) -> None:
    text = f"« Nous verrons bien ce que donnera la réunion », {verb} Pierre Martin."
    assert found(text, nlp_fr, "fr") == [("« Nous verrons bien ce que donnera la réunion »", "Pierre Martin")]


def test_rarer_english_incise_verbs(nlp_en) -> None:
    text = '"We will see what the meeting brings," Anna Kowalski shrugged.'
    assert verbs(text, nlp_en, "en") == [('"We will see what the meeting brings,"', "shrug")]
    text = '"Nobody told us anything," Anna Kowalski whispered.'
    assert found(text, nlp_en, "en") == [('"Nobody told us anything,"', "Anna Kowalski")]


@pytest.mark.parametrize("verb", ["dismissed", "slammed", "derided"])
def test_naming_verbs_with_as(nlp_en, verb) -> None:
    text = f'Senator Mark Olsen {verb} the report as "pure fiction".'
    assert found(text, nlp_en, "en") == [('"pure fiction"', "Mark Olsen")]


def test_pointer_que_reports(nlp_fr) -> None:
    text = "Le Canard enchaîné pointe cependant que « la loi ne prévoit pas un tel montant pour un assistant »."
    assert [v for _, v in verbs(text, nlp_fr, "fr")] == ["pointer"]


def test_opinion_of_a_role_noun(nlp_fr) -> None:
    text = (
        "Gérard Filoche a assigné la direction du parti en justice. Pour le plaignant, « l'organisation du scrutin "
        "relève des seules décisions arbitraires de la direction »."
    )
    quotes = found(text, nlp_fr, "fr")
    assert [q for q, _ in quotes] == [
        "« l'organisation du scrutin relève des seules décisions arbitraires de la direction »"
    ]


def test_sentence_after_a_title_cue_is_a_quote(nlp_en) -> None:
    text = (
        'On June 20, 2005, Oleg Kashin wrote in his blog, "Today, at the station, unknown people threw tomatoes '
        'at the picket line."'
    )
    assert [s for _, s in found(text, nlp_en, "en")] == ["Oleg Kashin"]


def test_titles_stay_out(nlp_en) -> None:
    text = 'She wrote a book titled "The Long Road Home" last year. He read his blog "Notes From A Small Town".'
    assert found(text, nlp_en, "en") == []


def test_quoted_pledges_and_threats(nlp_en, nlp_fr) -> None:
    text = 'Mayor Linda Park vowed to "fight to the end" for the factory.'
    assert found(text, nlp_en, "en") == [('"fight to the end"', "Linda Park")]
    text = "Le président Paul Biya a menacé de « tout bloquer » si la loi passe."
    assert [q for q, _ in found(text, nlp_fr, "fr")] == ["« tout bloquer »"]


def test_requests_stay_out(nlp_fr) -> None:
    text = "Le préfet Jean Roux a demandé aux habitants de « rester chez eux »."
    assert found(text, nlp_fr, "fr") == []


def test_short_words_in_a_que_clause(nlp_fr) -> None:
    text = "Le maire a affirmé que la réforme était « une erreur historique »."
    assert [(q, v) for q, v in verbs(text, nlp_fr, "fr")] in (
        [("« une erreur historique »", "affirmer")],
        [("que la réforme était « une erreur historique »", "affirmer")],
    )


def test_passive_naming_is_not_a_quote(nlp_en) -> None:
    text = 'The phone also has a new screen, dubbed a "retina display," which shows more pixels.'
    assert found(text, nlp_en, "en") == []


def test_more_english_speech_verbs(nlp_en) -> None:
    text = 'With regards to the forum, Marcel Granier affirmed that "every day there is a greater sense of urgency".'
    assert [(s, v) for (_, s), (_, v) in zip(found(text, nlp_en, "en"), verbs(text, nlp_en, "en"), strict=True)] == [
        ("Marcel Granier", "affirm")
    ]


def test_a_noun_with_a_that_clause_is_no_speech_verb(nlp_en) -> None:
    text = "There was a claim that the family had left, but messages can be left online."
    assert found(text, nlp_en, "en") == []
    text = "While some claim that farming is hindered by the code, activists demand a new bill."
    assert [v for _, v in verbs(text, nlp_en, "en")] == ["claim"]


def test_words_uttered_right_after_the_verb(nlp_en, nlp_fr) -> None:
    text = "Chancellor Angela Merkel says ‘Nein’ to a cabinet reshuffle."
    assert found(text, nlp_en, "en") == [("‘Nein’", "Angela Merkel")]
    text = "Lors de l'explosion, Karim Benali aurait crié « Allah Akbar »."
    assert found(text, nlp_fr, "fr") == [("« Allah Akbar »", "Karim Benali")]


def test_short_terms_after_other_verbs_stay_out(nlp_en) -> None:
    text = 'The company announced "Project Titan" on Monday. He said the "reform" was late.'
    assert [q for q, _ in found(text, nlp_en, "en") if "Titan" in q] == []


def test_nickname_inside_the_speaker_name(nlp_en) -> None:
    text = '"Where are you," Dwayne "The Rock" Johnson asked the American leadership.'
    assert [q for q, _ in found(text, nlp_en, "en")] == ['"Where are you,"']


def test_opinion_of_a_role_with_its_name(nlp_fr) -> None:
    text = (
        "Pour le président du Centre d'analyse du terrorisme, Jean-Charles Brisard, « on est face à des individus "
        "déterminés et radicalisés »."
    )
    assert [s for _, s in found(text, nlp_fr, "fr")] == ["Jean-Charles Brisard"]


def test_fronted_participle_is_not_the_speech_verb(nlp_fr) -> None:
    text = "Interrogé par France Info, Jean Dupont a été très clair : « C'est une honte pour notre ville. »"
    assert found(text, nlp_fr, "fr") == [("« C'est une honte pour notre ville. »", "Jean Dupont")]


def test_verb_with_its_auxiliary_still_introduces(nlp_fr) -> None:
    text = (
        "De son côté, le ministre de l'Intérieur, Pacôme Moubelet, a déclaré « sur Libreville, il y a entre 600 et 800 "
        "interpellations. »"
    )
    assert [s for _, s in found(text, nlp_fr, "fr")] == ["Pacôme Moubelet"]


def test_quote_then_colon_and_its_speaker(nlp_fr) -> None:
    text = "« C'est une honte absolue pour notre ville » : le maire Jean Dupont n'a pas caché sa colère lundi."
    assert found(text, nlp_fr, "fr") == [("« C'est une honte absolue pour notre ville »", "Jean Dupont")]


def test_quote_then_whose_words(nlp_fr, nlp_en) -> None:
    text = "« C'est une honte absolue pour notre ville. » Ce sont les mots du maire Jean Dupont, lundi."
    assert [s for _, s in found(text, nlp_fr, "fr")] == ["Jean Dupont"]
    text = '"It is a disgrace for our city." Those were the words of Mayor John Smith on Monday.'
    assert [s for _, s in found(text, nlp_en, "en")] == ["John Smith"]


def test_quote_after_a_sentence_about_a_role_and_name(nlp_fr) -> None:
    text = "Le maire Jean Dupont était furieux lundi. « C'est une honte pour notre ville. Nous porterons plainte. »"
    assert [s for _, s in found(text, nlp_fr, "fr")] == ["Jean Dupont"]


def test_spoken_of_and_blamed_words(nlp_en) -> None:
    text = 'Senator Jane Roe spoke of "a new era" for the country.'
    assert found(text, nlp_en, "en") == [('"a new era"', "Jane Roe")]
    text = 'Senator Jane Roe blamed the crash on "human error".'
    assert found(text, nlp_en, "en") == [('"human error"', "Jane Roe")]


def test_quoted_accusations(nlp_en, nlp_fr) -> None:
    text = 'Senator Jane Roe accused the government of "playing politics" with the crisis.'
    assert found(text, nlp_en, "en") == [('"playing politics"', "Jane Roe")]
    text = "Le ministre Jean Dupont a accusé le gouvernement de « jouer avec le feu »."
    assert found(text, nlp_fr, "fr") == [("« jouer avec le feu »", "Jean Dupont")]


def test_se_montrer_with_quoted_words(nlp_fr) -> None:
    text = "Le ministre Jean Dupont s'est montré « très inquiet »."
    assert found(text, nlp_fr, "fr") == [("« très inquiet »", "Jean Dupont")]


def test_gerund_inside_a_quote_is_no_incise(nlp_en) -> None:
    text = (
        '"The church has made its opinion known, and we want to dialogue with respect, stating our opinion, '
        'that in this case is contrary to that of many," the bishop Daniel Fernández has said.'
    )
    assert [s for _, s in found(text, nlp_en, "en")] == ["Daniel Fernández"]


def test_gerund_of_the_speech_verb_keeps_the_speaker(nlp_fr) -> None:
    text = (
        "Le premier ministre Robert Fico a dit en conférence de presse en parlant des journalistes « certains "
        "des vôtres sont des menteurs »."
    )
    assert [s for _, s in found(text, nlp_fr, "fr")] == ["Robert Fico"]


def test_quoted_participle_of_a_person(nlp_en, nlp_fr) -> None:
    text = 'Senator Jane Roe was "deeply saddened" by the news.'
    assert found(text, nlp_en, "en") == [('"deeply saddened"', "Jane Roe")]
    text = "Le maire Jean Dupont a été « profondément choqué » par la décision."
    assert found(text, nlp_fr, "fr") == [("« profondément choqué »", "Jean Dupont")]


def test_quoted_participle_of_a_thing_stays_out(nlp_en) -> None:
    text = 'The suspect was "arrested" on Monday. The bill was "fast-tracked" by the committee.'
    assert found(text, nlp_en, "en") == []
