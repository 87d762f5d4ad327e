"""Feeds: RSS 0.9x/1.0/2.0 and Atom via feedparser, JSON Feed 1.x, and OPML lists of feeds.

`parse_feed` turns feed bytes into `FeedItem`s; `read_feed` is the reader for a feed saved as a
file (each item becomes an article from the text the feed carries); `newsdesk watch` (see
`newsdesk.watch`) polls live feeds and fetches each new item's page instead.
An item's date is the feed's statement about it (``date_source="metadata"``): ``published``
when given ("stated"), else ``updated`` ("medium": Atom's required field, which may be an edit).
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from ..article import Article, make_id
from .base import MAX_RECORD_BYTES, Rejected, looks_binary, open_binary
from .htmlmeta import parse_datetime

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figure", "section")


@dataclass(slots=True, kw_only=True)
class FeedItem:
    """One entry of a feed."""

    key: str  # guid, else link, else title: what "already seen" is decided on
    url: str | None = None
    title: str | None = None
    text: str = ""
    published: datetime | None = None
    date_field: str | None = None  # "published" | "updated"
    authors: list[str] = field(default_factory=list)
    lang: str | None = None


@dataclass(slots=True, kw_only=True)
class ParsedFeed:
    """A parsed feed: its kind ("rss20", "atom10", "json11"…), title, items, and a warning if malformed."""

    kind: str
    title: str | None = None
    link: str | None = None
    lang: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    warning: str | None = None


@dataclass(slots=True, frozen=True)
class FeedSource:
    """A feed listed in an OPML file."""

    url: str
    title: str | None = None


class FeedError(ValueError):
    """Feed bytes that no parser can read; the message says why."""


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one paragraph per block, blank-line separated."""
    if "<" not in fragment:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", fragment) if p.strip())
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors on garbage: keep the markup-free characters
        return " ".join(re.sub(r"<[^>]*>", " ", fragment).split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)


def parse_feed(data: bytes) -> ParsedFeed:
    """Parse RSS, Atom or JSON Feed bytes; raise `FeedError` when they are no feed at all."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return _parse_json_feed(data)
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
        raise FeedError(f"not a readable feed: {reason}")
    feed = parsed.feed
    out = ParsedFeed(kind=parsed.get("version") or "unknown", title=feed.get("title"), link=feed.get("link"),
                     lang=(feed.get("language") or "").split("-")[0].lower() or None)
    if parsed.get("bozo"):
        out.warning = f"malformed feed, read leniently: {parsed.get('bozo_exception')}"
    for entry in parsed.entries:
        content = entry.get("content") or []
        html = max((c.get("value") or "" for c in content), key=len, default="") or entry.get("summary") or ""
        published = _struct_time(entry.get("published_parsed"))
        date_field = "published" if published else None
        if published is None:
            published = _struct_time(entry.get("updated_parsed"))
            # Only Atom tells "updated" from "published"; RSS 1.0's dc:date is the item's date.
            date_field = ("updated" if out.kind.startswith("atom") else "published") if published else None
        link = entry.get("link")
        title = entry.get("title")
        key = entry.get("id") or link or title
        if not key:
            continue
        authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
        out.items.append(FeedItem(key=key, url=link, title=title, text=html_fragment_text(html),
                                  published=published, date_field=date_field, authors=authors, lang=out.lang))
    return out


def _parse_json_feed(data: bytes) -> ParsedFeed:
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FeedError(f"not a readable JSON Feed: {exc}") from exc
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise FeedError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    version = str(doc["version"]).rstrip("/").rsplit("/", 1)[-1]
    lang = (doc.get("language") or "").split("-")[0].lower() or None
    out = ParsedFeed(kind=f"json{version.replace('.', '')}", title=doc.get("title"), link=doc.get("home_page_url"),
                     lang=lang)
    for item in doc.get("items") or []:
        if not isinstance(item, dict):
            continue
        html = item.get("content_html")
        text = html_fragment_text(html) if html else html_fragment_text(item.get("content_text") or item.get(
            "summary") or "")
        published = parse_datetime(item.get("date_published"))
        date_field = "published" if published else None
        if published is None:
            published = parse_datetime(item.get("date_modified"))
            date_field = "updated" if published else None
        authors = [a.get("name") for a in item.get("authors") or ([item["author"]] if item.get("author") else [])
                   if isinstance(a, dict) and a.get("name")]
        key = str(item.get("id") or item.get("url") or item.get("title") or "")
        if key:
            out.items.append(FeedItem(key=key, url=item.get("url"), title=item.get("title"), text=text,
                                      published=published, date_field=date_field, authors=authors,
                                      lang=(item.get("language") or "").split("-")[0].lower() or lang))
    return out


def item_article(item: FeedItem, *, source: str, feed_url: str | None = None) -> Article:
    """An article from what a feed item carries (its text may be only a summary)."""
    info: dict[str, Any] = {"format": "feed", "structured": True, "feed_item": item.key}
    if feed_url:
        info["feed"] = feed_url
    if item.published is not None:
        info["date_reliability"] = "stated" if item.date_field == "published" else "medium"
        info["date_evidence"] = {"from": f"feed item {item.date_field}"}
    return Article(
        id=make_id(url=item.url) if item.url else make_id(text=f"{item.key}\n{item.text}"),
        source=source,
        text=item.text,
        url=item.url,
        title=item.title,
        published=item.published,
        date_source="metadata" if item.published else None,
        byline=", ".join(item.authors) or None,
        meta=info,
    )


def read_feed(path: Path | str | BinaryIO, *, name: str | None = None) -> Iterator[Article | Rejected]:
    """Yield an article per item of a feed file; an item without text, or a broken feed, is `Rejected`."""
    source = name or str(path)
    stream = open_binary(path) if isinstance(path, (str, Path)) else path
    with stream:
        data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        yield Rejected(source, f"feed is over the {MAX_RECORD_BYTES}-byte size limit", data[:4096])
        return
    if not data.strip():
        yield Rejected(source, "empty file", data)
        return
    if looks_binary(data):
        yield Rejected(source, "binary content, not a feed", data[:4096])
        return
    try:
        feed = parse_feed(data)
    except FeedError as exc:
        yield Rejected(source, str(exc), data[:4096])
        return
    for item in feed.items:
        if not item.text.strip():
            yield Rejected(f"{source}#{item.key}", "feed item has no text (`newsdesk watch` fetches its page)",
                           (item.title or "").encode())
            continue
        yield item_article(item, source=source, feed_url=feed.link)


def read_opml_as_articles(path: Path | str | BinaryIO, *, name: str | None = None) -> Iterator[Article | Rejected]:
    """The reader for an OPML file met by `newsdesk ingest`: it lists feeds, not articles, so it is `Rejected`."""
    source = name or str(path)
    stream = open_binary(path) if isinstance(path, (str, Path)) else path
    with stream:
        head = stream.read(4096)
    yield Rejected(source, "an OPML list of feeds, not articles: use `newsdesk watch` on it", head)


def read_opml(data: bytes | str | Path) -> list[FeedSource]:
    """The feeds listed in an OPML file (nested outlines included), in order, without repeats."""
    from lxml import etree

    raw = Path(data).read_bytes() if isinstance(data, (str, Path)) else data
    try:
        root = etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not a readable OPML file: {exc}") from exc
    if root is None or root.tag.lower() != "opml":
        raise FeedError("not an OPML file (no <opml> root element)")
    seen: dict[str, FeedSource] = {}
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in seen:
            seen[url] = FeedSource(url=url, title=outline.get("title") or outline.get("text"))
    return list(seen.values())
