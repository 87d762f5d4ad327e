"""Quotes in quote marks inside a sentence: a judgement after "Pour X, il s'agit de", a whole clause after a verb
of wishing, a relative clause opening the quote, a country's threat, a pledge owned by somebody ("X's threat to
"…""), and the words that "le motif suivant :" announces (no quotation)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.quotes import extract_quotes


def found(text: str, nlp, lang: str) -> dict[str, str | None]:
    """Quoted text -> resolved speaker, for each quote of `text`."""
    return {text[s.start : s.end]: s.attrs["speaker_name"] for s in extract_quotes(text, nlp(text), lang=lang)}


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Le vote a eu lieu dimanche. Pour Dimitrov, au contraire, il s'agit d'« une victoire éclatante pour le "
            "pays » et d'« un tournant ».",
            "« une victoire éclatante pour le pays »",
            "Dimitrov",
        ),
        (
            "Les kiosques sont restés vides. Pour Le Figaro, il s'agit d'une « atteinte grave à la liberté de la "
            "presse dans tout le pays ».",
            "« atteinte grave à la liberté de la presse dans tout le pays »",
            "Figaro",
        ),
    ],
)
def test_judgement_after_a_named_holder(text: str, quote: str, speaker: str, nlp_fr) -> None:
    got = found(text, nlp_fr, "fr")
    assert quote in got
    assert speaker in (got[quote] or "")


def test_opening_phrase_without_judgement_names_nobody(nlp_fr) -> None:
    text = "Pour Noël, les enfants du quartier ont reçu des « colis gourmands »."
    assert found(text, nlp_fr, "fr").get("« colis gourmands »") is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Le député Paul Mercier a souhaité pour sa part « que la commission se saisisse sans tarder de "
            "l'ensemble du dossier » lundi.",
            "« que la commission se saisisse sans tarder de l'ensemble du dossier »",
            "Paul Mercier",
        ),
        (
            "La sénatrice Anne Rivière voudrait quant à elle interdire « tout passage direct entre les banques "
            "d'affaires et les cabinets ministériels ».",
            "« tout passage direct entre les banques d'affaires et les cabinets ministériels »",
            "Anne Rivière",
        ),
    ],
)
def test_long_quote_after_a_verb_of_wishing(text: str, quote: str, speaker: str, nlp_fr) -> None:
    assert found(text, nlp_fr, "fr").get(quote) == speaker


def test_relative_clause_opening_the_quote_is_its_antecedent(nlp_fr) -> None:
    text = (
        "Le recours a été rejeté par le Conseil d'État, qui « estime que la loi laisse au ministre le choix des "
        "moyens »."
    )
    got = found(text, nlp_fr, "fr")
    quote = "« estime que la loi laisse au ministre le choix des moyens »"
    assert quote in got
    assert "Conseil d'État" in (got[quote] or "")


def test_relative_clause_on_a_thing_names_nobody(nlp_fr) -> None:
    text = "Le candidat Marc Olivier y voit une manœuvre qui « fausse » la campagne."
    assert found(text, nlp_fr, "fr").get("« fausse »") != "manœuvre"


def test_a_country_threatening_speaks(nlp_en) -> None:
    text = (
        "Talks have stalled for months, and North Korea threatened to take a \"new path\" unless sanctions are "
        "eased."
    )
    assert found(text, nlp_en, "en").get('"new path"') == "North Korea"


def test_a_country_described_says_nothing(nlp_en) -> None:
    text = "Tourism has grown fast, and Portugal is now a \"safe haven\" for investors."
    assert found(text, nlp_en, "en").get('"safe haven"') != "Portugal"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The protest movement grew out of anger at Romano Ferri's threat to \"clean up\" the city council.",
            '"clean up"',
            "Romano Ferri",
        ),
        (
            "Voters remembered Helen Baxter's pledge to \"never raise the fuel tax\" during the last campaign.",
            '"never raise the fuel tax"',
            "Helen Baxter",
        ),
    ],
)
def test_pledge_owned_by_somebody(text: str, quote: str, speaker: str, nlp_en) -> None:
    assert found(text, nlp_en, "en").get(quote) == speaker


def test_pledge_owned_by_a_thing_is_nobody_s(nlp_en) -> None:
    text = "The storm's threat to \"flatten the coast\" kept residents inside."
    assert found(text, nlp_en, "en").get('"flatten the coast"') is None


def test_content_announced_by_suivant_is_no_quotation(nlp_fr) -> None:
    text = (
        "Les deux reporters ont été arrêtés puis interrogés pour le motif suivant : « atteinte à la sûreté de "
        "l'État »."
    )
    assert not found(text, nlp_fr, "fr")


def test_statement_announced_by_suivant_stays_a_quotation(nlp_fr) -> None:
    text = "Le maire Louis Garnier a fait la déclaration suivante : « Nous ne fermerons aucune école cette année. »"
    assert found(text, nlp_fr, "fr").get("« Nous ne fermerons aucune école cette année. »") == "Louis Garnier"


def test_copula_on_a_thing_carries_on_the_previous_speaker(nlp_fr) -> None:
    text = (
        "« Le bilan est de trois blessés », selon le préfet, Hugo Marchand. La cause de l'accident serait « une "
        "erreur de signalisation à l'entrée du tunnel »."
    )
    assert found(text, nlp_fr, "fr").get("« une erreur de signalisation à l'entrée du tunnel »") == "Hugo Marchand"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("'We will not give up on this town': mayor vows to rebuild\nThe mayor spoke on Monday.", None),
        ("Return to form 'just round the corner' insists coach\nThe coach spoke on Monday.", "'just round the corner'"),
    ],
)
def test_straight_single_quotes_mark_a_quote(text: str, quote: str | None) -> None:
    from newsdesk.nlp.quote_marks import find_quoted

    expected = quote or text[: text.index(":")]
    assert expected in [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The students' union met Salvini's aides in the '90s.",
        "A survey ranked 'War and Peace' first, ahead of rock 'n' roll memoirs.",
        "He dismissed his 'tomato period' as childish.",
        "Her column, 'Bring Back The Night Trains Before Winter', drew letters.",
        "He joined the ruling bloc ('the party of the state') last year.",
    ],
)
def test_apostrophes_titles_and_terms_are_no_straight_single_quotes(text: str) -> None:
    from newsdesk.nlp.quote_marks import find_quoted

    assert find_quoted(text) == []


def test_clean_text_drops_straight_single_quotes() -> None:
    from newsdesk.nlp.quotes import clean_quote_text

    assert clean_quote_text("'We will not give up'") == "We will not give up"
    assert clean_quote_text("« les enfants' »") == "les enfants'"


def test_words_qualifying_the_object_of_a_naming_verb(nlp_fr) -> None:
    text = "Sur la radio, des voisins décrivent des gens « réservés », qui ne parlaient à personne."
    assert "« réservés »" in found(text, nlp_fr, "fr")
