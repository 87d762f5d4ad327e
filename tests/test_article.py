from datetime import date, datetime, timezone

import pytest

from newsdesk.article import Article, Caption, Related, Span, canonical_url, content_hash, make_id


def full_article() -> Article:
    text = "WASHINGTON (AP) — John Kirby a déclaré jeudi que « c'est un exemple »."
    return Article(
        id="a1",
        source="seed.txt",
        text=text,
        url="https://example.org/a?utm_source=x#frag",
        title="Titre",
        lang="fr",
        lang_score=0.98,
        published=datetime(2023, 7, 27, tzinfo=timezone.utc),
        date_source="caption",
        dateline="WASHINGTON",
        agency="AP",
        byline="Par X",
        captions=[Caption(text="Kirby parle", credit="Photo AP")],
        related=[Related(headline="Autre titre", date=date(2023, 5, 16))],
        duplicate_of=None,
        translation_of="b2",
        story_id="s1",
        spans={"entities": [Span(start=18, end=28, label="PER", attrs={"name": "John Kirby", "entity_id": "e1"})]},
        meta={"path": "seed.txt"},
    )


def test_round_trip_is_lossless():
    article = full_article()
    again = Article.from_dict(article.to_dict())
    assert again == article
    assert again.to_dict() == article.to_dict()
    assert again.evidence(again.spans["entities"][0]) == "John Kirby"


def test_round_trip_through_json_text():
    import json

    article = full_article()
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_add_spans_refuses_offsets_outside_the_text():
    article = Article(id="x", source="s", text="short")
    with pytest.raises(ValueError, match="outside"):
        article.add_spans("entities", [Span(start=2, end=40, label="PER")])
    article.add_spans("entities", [Span(start=0, end=5, label="PER")])
    assert article.evidence(article.spans["entities"][0]) == "short"


def test_ids_are_stable_and_url_based():
    assert make_id(url="https://Example.org/a/?utm_medium=m#x") == make_id(url="https://example.org/a")
    assert make_id(text="Same  text") == make_id(text="same text")
    assert canonical_url("HTTP://EXAMPLE.org/path/?b=1&utm_campaign=z") == "http://example.org/path?b=1"
    assert content_hash("Le  Monde\n") == content_hash("le monde")
