"""Absolute and relative dates in several languages."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.clean.dates import find_dates, find_relative, match_date_prefix, resolve, resolve_text

THURSDAY = date(2023, 7, 27)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("le mercredi 26 juillet 2023, à Washington", "fr", date(2023, 7, 26)),
        ("on Monday, March 4, 2024. (AP Photo)", "en", date(2024, 3, 4)),
        ("Berlin, 6. März 2024 (dpa)", "de", date(2024, 3, 6)),
        ("Madrid, 27 de julio de 2023", "es", date(2023, 7, 27)),
        ("publié le 1er août 2023", None, date(2023, 8, 1)),
        ("mis à jour 2023-08-04 10:00", None, date(2023, 8, 4)),
        ("am 03.08.2023 um 9 Uhr", "de", date(2023, 8, 3)),
    ],
)
def test_find_dates(text: str, lang: str | None, expected: date) -> None:
    assert [m.value for m in find_dates(text, lang=lang)] == [expected]


def test_find_dates_offsets_point_at_the_date() -> None:
    text = "Photo taken on Wednesday, July 26, 2023 in Washington"
    (mention,) = find_dates(text)
    assert text[mention.start : mention.end] == mention.text == "Wednesday, July 26, 2023"


def test_glued_date_prefix() -> None:
    mention = match_date_prefix("May 16, 2023Taille et prévisions du marché")
    assert mention is not None and (mention.value, mention.end) == (date(2023, 5, 16), 12)
    assert match_date_prefix("Le 16 mai 2023, la ville a voté") is None


def test_no_date_without_a_year_or_in_plain_numbers() -> None:
    assert find_dates("He scored 12 points in 2023 and may win.") == []


@pytest.mark.parametrize(
    ("expr", "lang", "expected"),
    [
        ("jeudi", "fr", THURSDAY),
        ("mardi dernier", "fr", date(2023, 7, 25)),
        ("hier", "fr", date(2023, 7, 26)),
        ("yesterday", "en", date(2023, 7, 26)),
        ("last Thursday", "en", date(2023, 7, 20)),
        ("Monday", "en", date(2023, 7, 24)),
        ("next Monday", "en", date(2023, 7, 31)),
        ("vergangenen Dienstag", "de", date(2023, 7, 25)),
        ("gestern", "de", date(2023, 7, 26)),
        ("el jueves pasado", "es", date(2023, 7, 20)),
        ("ayer", "es", date(2023, 7, 26)),
    ],
)
def test_relative_against_a_publication_date(expr: str, lang: str, expected: date) -> None:
    assert resolve_text(expr, anchor=THURSDAY, lang=lang) == expected


def test_bare_weekday_against_a_lower_bound_goes_forward() -> None:
    (mention,) = find_relative("La Maison Blanche a déclaré jeudi que", lang="fr")
    assert resolve(mention, anchor=date(2023, 7, 26), kind="lower_bound") == THURSDAY
    assert resolve(mention, anchor=date(2023, 7, 26), kind="publication") == date(2023, 7, 20)
    assert resolve(mention, anchor=THURSDAY, kind="lower_bound") == THURSDAY


def test_weekday_inside_a_word_is_not_a_date() -> None:
    assert find_relative("Die Gewerkschaft beendet den Ausstand am Donnerstagmorgen", lang="de") == []


def test_unknown_anchor_kind_is_an_error() -> None:
    (mention,) = find_relative("Monday", lang="en")
    with pytest.raises(ValueError, match="anchor kind"):
        resolve(mention, anchor=THURSDAY, kind="crawl")


def test_article_anchor_prefers_a_reliable_publication_date() -> None:
    from datetime import datetime, timezone

    from newsdesk.article import Article, Caption
    from newsdesk.clean.dates import article_anchor, resolve_in_article

    caption = Caption(text="Le ministre à Paris, le mercredi 26 juillet 2023.", credit="Photo AFP")
    published = Article(id="a", source="s", lang="fr", published=datetime(2023, 8, 3, 9, tzinfo=timezone.utc),
                        date_source="metadata", captions=[caption])
    assert article_anchor(published) == (date(2023, 8, 3), "publication", "metadata")
    assert resolve_in_article(published, "mardi dernier") == date(2023, 8, 1)
    crawled_only = Article(id="b", source="s", lang="fr", published=datetime(2023, 8, 9, tzinfo=timezone.utc),
                           date_source="crawl", captions=[caption])
    assert article_anchor(crawled_only) == (date(2023, 7, 26), "lower_bound", "caption")
    assert resolve_in_article(crawled_only, "jeudi") == THURSDAY
    assert resolve_in_article(Article(id="c", source="s"), "yesterday") is None
