"""Feeds of every kind, OPML lists."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.ingest.base import Rejected
from newsdesk.ingest.feeds import FeedError, FeedSource, html_fragment_text, parse_feed, read_feed, read_opml

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def articles(name: str) -> list[Article | Rejected]:
    return list(read_feed(FEEDS / name))


def test_rss20_content_encoded_and_description() -> None:
    first, second = articles("rss20.xml")
    assert first.title == "Harbour ferry service resumes after repairs"
    assert first.url == "https://courier.example/local/ferry-resumes"
    assert first.published == datetime(2024, 3, 14, 8, 15, tzinfo=timezone.utc)
    assert (first.date_source, first.meta["date_reliability"]) == ("metadata", "stated")
    assert first.byline == "Maria Lopes"
    # content:encoded wins over the shorter description; paragraphs are kept.
    assert first.text == ("The harbour ferry carried its first passengers in three weeks on Thursday.\n\n"
                          "The full timetable returns next week.")
    assert second.text == "The council approved the budget after a five-hour debate."
    assert first.meta["feed_item"] == "courier-1001"


def test_rss10_rdf() -> None:
    (article,) = articles("rss10.rdf")
    assert article.published == datetime(2023, 8, 21, 5, 45, tzinfo=timezone.utc)
    assert article.meta["date_reliability"] == "stated"
    assert parse_feed((FEEDS / "rss10.rdf").read_bytes()).kind == "rss10"


def test_rss091_without_dates_keeps_published_none() -> None:
    (article,) = articles("rss091.xml")
    assert article.title == "El ayuntamiento amplía los carriles bici"
    assert article.published is None and article.date_source is None
    assert parse_feed((FEEDS / "rss091.xml").read_bytes()).kind == "rss091u"


def test_atom_published_and_updated() -> None:
    first, second = articles("atom.xml")
    assert first.published == datetime(2024, 3, 6, 6, 30, tzinfo=timezone(timedelta(hours=1)))
    assert first.meta["date_reliability"] == "stated" and first.byline == "Martina Schulz"
    # Only <updated>: kept, but marked as less sure (it may be an edit date).
    assert second.published == datetime(2024, 3, 5, 9, 0, tzinfo=timezone.utc)
    assert second.meta["date_reliability"] == "medium"
    assert second.meta["date_evidence"] == {"from": "feed item updated"}


def test_json_feed() -> None:
    first, second = articles("feed.json")
    assert isinstance(first, Article)
    assert first.text == "Kenya opened a passenger rail link on Wednesday.\n\nThe trip takes five hours."
    assert first.published == datetime(2024, 2, 14, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert first.byline == "Amina Odhiambo"
    assert isinstance(second, Rejected) and "no text" in second.reason and second.source.endswith("#brief-78")
    assert parse_feed((FEEDS / "feed.json").read_bytes()).kind == "json11"


def test_opml_lists_feeds_once_with_nesting() -> None:
    assert read_opml(FEEDS / "feeds.opml") == [
        FeedSource(url="https://courier.example/rss", title="Coastal Courier"),
        FeedSource(url="https://gazette.example/feed.rdf", title="Gazette"),
    ]
    with pytest.raises(FeedError, match="OPML"):
        read_opml(b"<html><body>not opml</body></html>")


def test_not_a_feed() -> None:
    with pytest.raises(FeedError, match="not a readable feed"):
        parse_feed(b"just some words, no XML at all")
    with pytest.raises(FeedError, match="JSON Feed"):
        parse_feed(b'{"title": "an ordinary JSON object"}')


def test_html_fragment_text_keeps_paragraphs_drops_scripts() -> None:
    text = html_fragment_text("<p>One <b>bold</b> line.</p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>")
    assert text == "One bold line.\n\na\n\nb"


def test_ingest_of_an_opml_file_says_to_use_watch(tmp_path: Path) -> None:
    from newsdesk.ingest import READERS, detect_format

    path = tmp_path / "list"
    path.write_bytes((FEEDS / "feeds.opml").read_bytes())
    fmt = detect_format(path, path.read_bytes()[:512])
    assert fmt == "opml"
    (item,) = READERS[fmt](path)
    assert isinstance(item, Rejected) and "newsdesk watch" in item.reason
