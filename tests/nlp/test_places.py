"""Countries, capitals and seats of government normalised to ISO 3166 alpha-3 in every language."""

from __future__ import annotations

import pytest

from newsdesk.nlp.places import country_code, gazetteer, government_of, supported_languages


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "Corée du Nord"), ("en", "North Korea"), ("de", "Nordkorea"), ("es", "Corea del Norte")],
)
def test_north_korea_in_every_language(lang: str, name: str) -> None:
    place = gazetteer(lang).lookup(name)
    assert place is not None and place.iso3 == "PRK" and place.kind == "country"


@pytest.mark.parametrize(
    ("lang", "name", "iso3"),
    [
        ("fr", "la Russie", "RUS"),
        ("fr", "l’ Ukraine", "UKR"),
        ("fr", "Etats-Unis", "USA"),
        ("fr", "États-Unis", "USA"),
        ("en", "the U.S.", "USA"),
        ("en", "Britain", "GBR"),
        ("de", "Vereinigte Staaten", "USA"),
        ("de", "Russland", "RUS"),
        ("es", "EE. UU.", "USA"),
        ("es", "Rusia", "RUS"),
    ],
)
def test_country_names_with_articles_and_variants(lang: str, name: str, iso3: str) -> None:
    assert gazetteer(lang).lookup(name).iso3 == iso3


@pytest.mark.parametrize(
    ("lang", "name", "iso3", "kind"),
    [
        ("fr", "Pyongyang", "PRK", "capital"),
        ("fr", "Moscou", "RUS", "capital"),
        ("fr", "Kremlin", "RUS", "seat"),
        ("fr", "la Maison Blanche", "USA", "seat"),
        ("fr", "Washington", "USA", "capital"),
        ("fr", "Pékin", "CHN", "capital"),
        ("en", "Beijing", "CHN", "capital"),
        ("en", "the White House", "USA", "seat"),
        ("de", "Moskau", "RUS", "capital"),
        ("de", "Kreml", "RUS", "seat"),
        ("es", "Moscú", "RUS", "capital"),
    ],
)
def test_capitals_and_seats_stand_for_their_government(lang: str, name: str, iso3: str, kind: str) -> None:
    place = gazetteer(lang).lookup(name)
    assert (place.iso3, place.kind) == (iso3, kind)
    assert government_of(name, lang) == iso3


def test_a_country_is_not_a_seat_of_government() -> None:
    assert government_of("Russie", "fr") is None
    assert government_of("Pyongyang", "fr") == "PRK"


@pytest.mark.parametrize(
    ("lang", "word", "iso3"),
    [
        ("fr", "russe", "RUS"),
        ("fr", "chinois", "CHN"),
        ("fr", "nord-coréennes", "PRK"),
        ("fr", "Américains", "USA"),
        ("en", "Russian", "RUS"),
        ("en", "North Korean", "PRK"),
        ("de", "russische", "RUS"),
        ("de", "chinesischen", "CHN"),
        ("es", "rusa", "RUS"),
        ("es", "estadounidenses", "USA"),
        ("es", "alemanes", "DEU"),
    ],
)
def test_nationality_adjectives_give_the_country(lang: str, word: str, iso3: str) -> None:
    assert gazetteer(lang).demonym(word) == iso3


def test_country_code_searches_other_languages_when_needed() -> None:
    assert country_code("Nordkorea") == "PRK"
    assert country_code("Corée du Nord", "fr") == "PRK"
    assert country_code("Atlantis") is None
    assert {"fr", "en", "de", "es"} <= set(supported_languages())


def test_every_supported_language_names_most_iso_countries() -> None:
    import pycountry

    all_codes = {c.alpha_3 for c in pycountry.countries}
    for lang in supported_languages():
        codes = {p.iso3 for _name, p in gazetteer(lang).names() if p.kind == "country"}
        assert len(codes & all_codes) > 230, lang
