"""WARC/ARC archives: HTML responses become articles; crawl dates stay crawl dates."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.ingest import detect_format, sniff_format
from newsdesk.ingest.base import Rejected
from newsdesk.ingest.warc import read_warc

from .warc_fixtures import page, write_arc, write_warc

CRAWLED = datetime(2024, 3, 15, 10, 0, tzinfo=timezone.utc)
DATED_HEAD = '<meta property="article:published_time" content="2024-03-14T08:00:00Z">'


def sample_records() -> list[tuple[str, str, bytes, str]]:
    return [
        ("https://news.example/bridge", "text/html; charset=utf-8",
         page("Bridge repairs begin", "Crews began repairing the old bridge on Thursday after months of delay.",
              DATED_HEAD), "200"),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200), "200"),
        ("https://news.example/missing", "text/html", page("Not found", "This page does not exist any more."), "404"),
        ("https://news.example/park", "text/html",
         page("Park reopens", "The city park reopened to visitors after the winter storm damage was cleared."), "200"),
    ]


@pytest.mark.parametrize("gzip_it", [True, False])
def test_warc_html_responses(tmp_path: Path, gzip_it: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip_it else "crawl.warc"), sample_records(), gzip_it=gzip_it)
    items = list(read_warc(path))
    assert [type(i) for i in items] == [Article, Article]
    bridge, park = items
    assert (bridge.url, bridge.title) == ("https://news.example/bridge", "Bridge repairs begin")
    assert bridge.crawled == CRAWLED
    assert bridge.published == datetime(2024, 3, 14, 8, 0, tzinfo=timezone.utc)
    assert bridge.date_source == "metadata"
    # No date on the page: the WARC-Date is the crawl date, never the publication date.
    assert park.crawled == CRAWLED and park.published is None and park.date_source is None
    assert park.source == str(path) and park.meta["format"] == "warc"
    assert "Old story" not in park.text
    assert detect_format(path) == "warc"
    assert sniff_format(path.read_bytes()[:512]) == "warc"


@pytest.mark.parametrize("gzip_it", [False, True])
def test_arc_files(tmp_path: Path, gzip_it: bool) -> None:
    path = write_arc(tmp_path / ("old.arc.gz" if gzip_it else "old.arc"),
                     [("http://news.example/arc-story",
                       page("Library extends hours", "The library will stay open until nine on weekdays."))],
                     gzip_it=gzip_it)
    (article,) = read_warc(path)
    assert isinstance(article, Article)
    assert (article.url, article.title, article.crawled) == ("http://news.example/arc-story",
                                                             "Library extends hours", CRAWLED)


def test_truncated_gzip_keeps_earlier_records(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc.gz", sample_records())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])  # cut inside the last record
    items = list(read_warc(path))
    assert isinstance(items[0], Article) and items[0].title == "Bridge repairs begin"
    assert isinstance(items[-1], Rejected)
    assert "archive is truncated" in items[-1].reason and "short of its declared length" in items[-1].reason


def test_oversized_record_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    big = page("Huge page", "A lead paragraph. " + "padding " * 5000)
    records = [("https://news.example/huge", "text/html", big, "200"), *sample_records()]
    items = list(read_warc(write_warc(tmp_path / "big.warc.gz", records), max_bytes=20_000))
    assert isinstance(items[0], Rejected) and "size limit" in items[0].reason
    assert "https://news.example/huge" in items[0].source
    assert [a.title for a in items[1:]] == ["Bridge repairs begin", "Park reopens"]


def test_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not a WARC file at all\n" * 10)
    (item,) = read_warc(path)
    assert isinstance(item, Rejected) and "not a WARC or ARC archive" in item.reason
