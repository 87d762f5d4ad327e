"""The central records: `Article` and `Span`.

Every extracted fact is a `Span` whose `start`/`end` are character offsets into
`Article.text`, so `article.text[span.start:span.end]` is always its evidence.
Records serialise to plain JSON-compatible dicts and back without loss.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

DATE_SOURCES = ("metadata", "dateline", "caption", "body", "related", "url", "crawl", "input")
"""Where a publication date came from, from most to least trustworthy (`input` = given by the user)."""


@dataclass(slots=True, kw_only=True)
class Span:
    """A piece of evidence: `text[start:end]` of the article it belongs to."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "attrs": self.attrs}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=data["start"], end=data["end"], label=data["label"], attrs=dict(data.get("attrs") or {}))


@dataclass(slots=True, kw_only=True)
class Caption:
    """A photo caption found on the page, with its credit ("Photo AP/Evan Vucci")."""

    text: str
    credit: str | None = None


@dataclass(slots=True, kw_only=True)
class Related:
    """A related headline listed on the page, with its own date (never the article's date)."""

    headline: str
    date: date | None = None
    url: str | None = None


@dataclass(slots=True, kw_only=True)
class Article:
    """One news article as it moves through the pipeline."""

    id: str
    source: str
    text: str = ""
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    lang_score: float | None = None
    published: datetime | None = None
    date_source: str | None = None
    crawled: datetime | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: str | None = None
    captions: list[Caption] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    content_hash: str | None = None
    duplicate_of: str | None = None
    translation_of: str | None = None
    story_id: str | None = None
    spans: dict[str, list[Span]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def is_copy(self) -> bool:
        """True when this article is a duplicate of one already seen (heavy steps may skip it)."""
        return self.duplicate_of is not None

    def evidence(self, span: Span) -> str:
        """The text a span points to."""
        return self.text[span.start : span.end]

    def add_spans(self, group: str, spans: list[Span]) -> None:
        """Replace the span group `group` after checking every offset lies inside the text."""
        for span in spans:
            if not 0 <= span.start <= span.end <= len(self.text):
                raise ValueError(f"span {span.start}:{span.end} outside article {self.id} (len {len(self.text)})")
        self.spans[group] = spans

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "spans":
                value = {group: [s.to_dict() for s in spans] for group, spans in value.items()}
            elif f.name == "captions":
                value = [{"text": c.text, "credit": c.credit} for c in value]
            elif f.name == "related":
                value = [{"headline": r.headline, "date": _iso(r.date), "url": r.url} for r in value]
            elif isinstance(value, (datetime, date)):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        for key in ("published", "crawled"):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = datetime.fromisoformat(kwargs[key])
        kwargs["captions"] = [Caption(**c) for c in kwargs.get("captions") or []]
        kwargs["related"] = [
            Related(headline=r["headline"], date=_parse_date(r.get("date")), url=r.get("url"))
            for r in kwargs.get("related") or []
        ]
        kwargs["spans"] = {
            group: [Span.from_dict(s) for s in spans] for group, spans in (kwargs.get("spans") or {}).items()
        }
        kwargs["meta"] = dict(kwargs.get("meta") or {})
        return cls(**kwargs)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def normalize_for_hash(text: str) -> str:
    """Canonical form of a text for exact-duplicate detection: NFKC, casefolded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """Stable hash of an article's normalised content."""
    return hashlib.sha1(normalize_for_hash(text).encode("utf-8")).hexdigest()


def make_id(*, url: str | None = None, text: str | None = None) -> str:
    """Stable article id: a hash of the canonical URL when there is one, else of the content."""
    if url:
        return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]
    return content_hash(text or "")[:16]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop fragment, tracking parameters and trailing slash."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))
