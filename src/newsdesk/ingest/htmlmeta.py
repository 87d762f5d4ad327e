"""Metadata a news page states about itself: JSON-LD ``NewsArticle``, ``og:``/``article:`` tags, ``<time>``.

Only what the page says about *itself* counts. Dates in related-link lists, sidebars and
footers are ignored: htmldate (used by trafilatura), even with ``extensive_search=False``, will
date an undated article from a related link's date, so newsdesk does not take its date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from lxml import html as lxml_html

ARTICLE_TYPES = {
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "SatiricalArticle",
}  # fmt: skip

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
    "sailthru.date", "cxenseparse:recs:publishtime", "originalpublicationdate",
)  # fmt: skip
"""`<meta>` names/properties that hold the page's own publication date, most specific first."""

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")


@dataclass(slots=True, kw_only=True)
class PageMeta:
    """What a page says about itself, each date with where it came from."""

    title: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: datetime | None = None
    date_source: str | None = None
    date_evidence: dict[str, Any] = field(default_factory=dict)
    modified: datetime | None = None
    lang: str | None = None
    captions: list[str] = field(default_factory=list)


def parse_datetime(value: Any) -> datetime | None:
    """An ISO 8601 (or close) date string as an aware datetime (naive means UTC); None if unusable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        import dateparser

        parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        if parsed is None:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, ValueError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _meta_content(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in found and meta.get("content", "").strip():
            found[key] = meta.get("content").strip()
    return found


def extract_page_meta(tree: Any, *, url: str | None = None) -> PageMeta:
    """Read a parsed page's own metadata: JSON-LD article first, then meta tags, `<time>`, its URL."""
    meta = PageMeta()
    tags = _meta_content(tree)
    objects = _json_ld_objects(tree)
    article = next((o for o in objects if _types(o) & ARTICLE_TYPES), None)
    if article is None:  # some sites describe only the WebPage; its dates are still the page's own
        article = next((o for o in objects if _types(o) & {"WebPage", "ItemPage"} and o.get("datePublished")), None)
    if article is not None:
        meta.title = _first_str(article.get("headline"), article.get("name"))
        meta.authors = _names(article.get("author"))
        meta.publisher = next(iter(_names(article.get("publisher"))), None)
        main_entity = article.get("mainEntityOfPage")
        meta.url = _first_str(article.get("url"), main_entity.get("@id") if isinstance(main_entity, dict) else None)
        meta.modified = parse_datetime(article.get("dateModified"))
        meta.lang = _first_str(article.get("inLanguage"))
        published = parse_datetime(article.get("datePublished") or article.get("dateCreated"))
        if published:
            meta.published, meta.date_source = published, "metadata"
            meta.date_evidence = {"from": "JSON-LD datePublished", "text": str(article.get("datePublished"))}
    meta.title = meta.title or tags.get("og:title") or tags.get("twitter:title")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = meta.url or (canonical[0].strip() if canonical else None) or tags.get("og:url") or url
    if not meta.authors:
        meta.authors = [a for a in (tags.get("author"), tags.get("article:author"), tags.get("byl")) if a]
    if meta.published is None:
        for key in PUBLISHED_META:
            value = parse_datetime(tags.get(key))
            if value:
                meta.published, meta.date_source = value, "metadata"
                meta.date_evidence = {"from": f"meta {key}", "text": tags[key]}
                break
    if meta.published is None:
        # A <time> inside the article itself, never in asides, navigation or footers.
        xpath = ("//article//time[@datetime][not(ancestor::aside) and not(ancestor::nav) and not(ancestor::footer)"
                 " and not(ancestor::*[contains(@class, 'related')])]")
        for node in tree.xpath(xpath):
            value = parse_datetime(node.get("datetime"))
            if value:
                meta.published, meta.date_source = value, "metadata"
                meta.date_evidence = {"from": "article <time>", "text": node.get("datetime")}
                break
    if meta.published is None:
        for candidate in filter(None, (meta.url, url)):
            match = _URL_DATE.search(candidate)
            if match:
                try:
                    meta.published = datetime(*map(int, match.groups()), tzinfo=timezone.utc)  # type: ignore[misc]
                except ValueError:
                    continue
                meta.date_source = "url"
                meta.date_evidence = {"from": "page URL", "text": match.group(0)}
                break
    langs = tree.xpath("/html/@lang")
    meta.lang = meta.lang or (langs[0].split("-")[0].lower() if langs and langs[0].strip() else None)
    for node in tree.xpath("//figure//figcaption"):
        text = " ".join(node.text_content().split())
        if text:
            meta.captions.append(text)
    return meta


def _first_str(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def parse_tree(text: str) -> Any:
    """Parse HTML leniently into an lxml tree; raises ValueError for a document lxml cannot parse."""
    try:
        return lxml_html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError and others on empty or garbage input
        raise ValueError(f"cannot parse HTML: {exc}") from exc
