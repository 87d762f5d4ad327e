"""Reported speech in news, French and English: constructions that report (as-clauses, "made it clear that",
"claims to have", incises inside a reported sentence, "Pour X, …", first-person speech closed by an
attribution) and look-alikes that do not (noun phrases left by a misparse, subordinate clauses, embedded
questions, naming participles, verbs with their own object)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[str, str]]:
    """(quoted text, kind) of each quote of `text`."""
    return [(text[s.start : s.end], s.attrs["kind"]) for s in extract_quotes(text, nlp(text), lang=lang)]


def spans(text: str, nlp, lang: str) -> list[str]:
    return [q for q, _ in found(text, nlp, lang)]


# English: constructions that report


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "The board has made it clear that it will not sell the club this season.",
            "that it will not sell the club this season",
        ),
        (
            "The ferry operator claims to have carried more passengers than ever last summer.",
            "to have carried more passengers than ever last summer",
        ),
        ("The governor vowed that the new hospital would open before the election.", None),
        ("The insurer guarantees that every claim will be settled within a month.", None),
        ("The weather service had projected that the dam would overflow by April.", None),
        ("The defence lawyer countered that the witness had never been at the harbour.", None),
    ],
)
def test_english_report_verbs(nlp_en, text, quote) -> None:
    got = spans(text, nlp_en, "en")
    assert len(got) == 1
    if quote is not None:
        assert got[0] == quote
    assert got[0].startswith(("that", "to "))


def test_made_it_clear_keeps_the_phrasal_verb(nlp_en) -> None:
    text = "The coach made it clear to reporters that he would stay for another season."
    quote = extract_quotes(text, nlp_en(text), lang="en")[0]
    assert quote.attrs["verb"] == "make clear"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "As the harbour master noted on Friday, the channel has silted up faster than expected.",
            "the channel has silted up faster than expected",
        ),
        (
            "Rents went up again in March, as the housing agency noted in its bulletin.",
            "Rents went up again in March",
        ),
        (
            "Fares are cheap, and as a transport researcher from the university noted, ridership has doubled "
            "since 2015, which pleased the council.",
            "ridership has doubled since 2015",
        ),
        ("As reported by the local radio, the mayor resigned on Tuesday.", "the mayor resigned on Tuesday"),
        (
            "The old mill, as its owners have often said, was never meant to be a museum.",
            "The old mill, as its owners have often said, was never meant to be a museum",
        ),
    ],
)
def test_as_clauses_report_their_clause(nlp_en, text, quote) -> None:
    assert spans(text, nlp_en, "en") == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose on Monday, just as the traders had predicted.",
        "The weather was awful, as the skipper wrote in his log: the wind never dropped.",
    ],
)
def test_as_clauses_that_do_not_report(nlp_en, text) -> None:
    assert spans(text, nlp_en, "en") == []


def test_relative_report_stops_with_its_relative_clause(nlp_en) -> None:
    text = "The tunnel, which engineers say will cost billions, was approved on Monday."
    assert spans(text, nlp_en, "en") == ["will cost billions"]


def test_relative_clause_around_a_report_does_not_cut_it(nlp_en) -> None:
    text = (
        "She made a speech in which she explained that the town had run out of money, and it was the bank that "
        "refused."
    )
    assert spans(text, nlp_en, "en") == [
        "that the town had run out of money, and it was the bank that refused"
    ]


def test_according_to_inside_an_english_clause_reports_the_whole_clause(nlp_en) -> None:
    text = "The new stadium will, according to the mayor, cost more than forty million dollars."
    assert spans(text, nlp_en, "en") == [text[:-1]]


# English: look-alikes


@pytest.mark.parametrize(
    "text",
    [
        # a verb with its own object does not report the clause before its comma
        "Before his election as governor, the young lawyer Tom Reyes, had promised a new cabinet with equal numbers.",
        # an embedded question after other words
        "Anna Berg, a Swedish MP, explained on her personal blog why she did not support the ban.",
        # a new clause after a semicolon
        "Carla suggested a set of three themes; the stories were then published on her website.",
        # a tally with no verb
        "According to the bank, the house is worth 300,000 euros. According to the market: 200,000 euros",
        # survey results are data
        "According to the research carried out, only 7% of those questioned read a newspaper every day.",
    ],
)
def test_english_look_alikes_report_nothing_indirect(nlp_en, text) -> None:
    assert [q for q, kind in found(text, nlp_en, "en") if kind != "direct" and "300,000" not in q] == []


def test_addressee_object_keeps_the_incise(nlp_en) -> None:
    text = "The mine will close next spring, the minister told reporters."
    assert spans(text, nlp_en, "en") == ["The mine will close next spring"]


def test_headline_with_addressee_keeps_its_attribution(nlp_en) -> None:
    text = "Tariffs could hurt trade ties, Canada warns Mexico"
    assert spans(text, nlp_en, "en") == ["Tariffs could hurt trade ties"]


def test_noun_homograph_of_a_speech_verb_attributes_nothing(nlp_en) -> None:
    text = 'This year, the Tupi Nhe ("The Tupi Voice") project was chosen as one of the new grantees.'
    assert found(text, nlp_en, "en") == []


# French: constructions that report


def test_incise_inside_a_reported_sentence_leaves_linking_words_out(nlp_fr) -> None:
    text = (
        "Le préfet a annoncé que les routes resteraient fermées. Par conséquent, a-t-il poursuivi, "
        "les écoles n'ouvriront pas lundi."
    )
    assert spans(text, nlp_fr, "fr") == [
        "que les routes resteraient fermées",
        "les écoles n'ouvriront pas lundi",
    ]


def test_incise_with_clitic_inside_a_clause_reports_the_clause(nlp_fr) -> None:
    text = "La digue, précise-t-elle, sera renforcée avant l'automne."
    assert spans(text, nlp_fr, "fr") == ["La digue, précise-t-elle, sera renforcée avant l'automne"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Pour le préfet, la digue ne tiendra pas un hiver de plus.", "la digue ne tiendra pas un hiver de plus"),
        ("Pour Marie Lenoir, le chantier a pris trop de retard.", "le chantier a pris trop de retard"),
    ],
)
def test_pour_x_clause_is_the_view_of_x(nlp_fr, text, quote) -> None:
    quotes = extract_quotes(text, nlp_fr(text), lang="fr")
    assert [text[q.start : q.end] for q in quotes] == [quote]
    assert quotes[0].attrs["kind"] == "indirect"


@pytest.mark.parametrize(
    "text",
    [
        "Pour la première fois, la digue a cédé sous la pression.",
        "Pour 2021, la croissance restera faible.",
        "Pour lui, son rêve serait de devenir pilote.",
    ],
)
def test_pour_without_a_speaker_reports_nothing(nlp_fr, text) -> None:
    assert spans(text, nlp_fr, "fr") == []


@pytest.mark.parametrize(
    "verb",
    ["glisse un conseiller municipal", "lâche le maire", "renchérit le maire", "rétorque le maire"],
)
def test_french_incise_verbs(nlp_fr, verb) -> None:
    text = f"Le projet coûtera trop cher, {verb}."
    assert spans(text, nlp_fr, "fr") == ["Le projet coûtera trop cher"]


@pytest.mark.parametrize(
    "text",
    [
        "Le maire maintient que le nouveau pont ne coûtera pas plus cher.",
        "Météo-France prévoit que les températures baisseront fortement d'ici lundi.",
        "Le syndicat a riposté que la direction n'avait jamais négocié.",
    ],
)
def test_french_report_verbs(nlp_fr, text) -> None:
    got = spans(text, nlp_fr, "fr")
    assert len(got) == 1 and got[0].startswith("que ")


def test_first_person_sentences_join_the_attribution_after_them(nlp_fr) -> None:
    text = (
        "Le maire a visité l'usine lundi.\n\nNous avons tout tenté pour sauver les emplois. "
        "Il faut désormais attendre la décision du tribunal, explique le maire."
    )
    assert spans(text, nlp_fr, "fr") == [
        "Nous avons tout tenté pour sauver les emplois. Il faut désormais attendre la décision du tribunal"
    ]


def test_narration_before_an_attribution_stays_out(nlp_fr) -> None:
    text = "L'usine a fermé lundi. Les salariés seront reclassés d'ici l'été, explique le maire."
    assert spans(text, nlp_fr, "fr") == ["Les salariés seront reclassés d'ici l'été"]


def test_first_person_english_sentences_join_the_attribution(nlp_en) -> None:
    text = (
        "The mill closed on Monday.\n\nWe did everything we could for our staff. "
        "The decision now rests with the court, the owner said."
    )
    assert spans(text, nlp_en, "en") == [
        "We did everything we could for our staff. The decision now rests with the court"
    ]


# French: look-alikes


@pytest.mark.parametrize(
    "text",
    [
        # a participle naming something, not an incise
        "La nouvelle pièce de deux euros, dite pièce Marianne, ne sera pas frappée avant 2026.",
        # "rapporter" (earn) with a noun phrase left over
        "Le jeu vidéo aurait rapporté plus de 90 millions de dollars à son éditeur Lumen Labs depuis son lancement "
        "le 3 mai.",
        # a subordinate clause after the speaker, not what was said
        "« Il parlait peu », selon ce qu'a confié Paul, voisin de Marc avant qu'il ne déménage, à la radio.",
        # a legal code or a film are not speakers
        "En effet, selon le Code du travail, il aurait dû toucher moins d'un mois de salaire.",
        # an embedded question
        "Le ministre a expliqué pourquoi la centrale devait fermer.",
    ],
)
def test_french_look_alikes_report_nothing_indirect(nlp_fr, text) -> None:
    assert [q for q, kind in found(text, nlp_fr, "fr") if kind != "direct"] == []


def test_report_in_a_relative_clause_stops_before_the_main_verb(nlp_en) -> None:
    text = "Reyes, who had at first insisted he would never join the cabinet, was apparently worried about the polls."
    assert spans(text, nlp_en, "en") == ["he would never join the cabinet"]


def test_second_english_speaker_after_and_has_a_report_of_their_own(nlp_en) -> None:
    text = "The governor said that fares would rise and the drivers' union warned that strikes would follow."
    assert spans(text, nlp_en, "en") == ["that fares would rise", "that strikes would follow"]
