"""Story timelines, growth rates and breaking-story alerts (the EMM NewsBrief idea), as Atom.

Growth compares the articles a story received in its last `span_hours` hours with the
`span_hours` before: `rate = recent / max(previous, 1)`. A story is *breaking* when it gets at
least `min_recent` articles from at least `min_sources` outlets in the recent span and its rate
reaches `min_rate`; a story alerts at most once per `cooldown_hours`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(slots=True, kw_only=True)
class AlertConfig:
    """When a growing story becomes a breaking-story alert."""

    span_hours: int = 3
    min_recent: int = 5
    min_rate: float = 3.0
    min_sources: int = 2
    cooldown_hours: int = 24


@dataclass(slots=True, kw_only=True)
class Growth:
    """Articles in the recent span, in the span before, and their ratio."""

    recent: int
    previous: int
    rate: float


@dataclass(slots=True, kw_only=True)
class Alert:
    """A story crossed the growth threshold at `at`."""

    story_id: str
    at: datetime
    title: str
    recent: int
    previous: int
    rate: float
    n_articles: int
    languages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "at": self.at.isoformat(),
            "title": self.title,
            "recent": self.recent,
            "previous": self.previous,
            "rate": round(self.rate, 3),
            "n_articles": self.n_articles,
            "languages": self.languages,
        }


def growth(hours: Mapping[int, int], *, ref_hour: int, span_hours: int) -> Growth:
    """Growth at `ref_hour` (hours since the epoch) from an hourly histogram.

    The recent span is the hours (ref_hour - span_hours, ref_hour]; the previous span the
    `span_hours` hours before it.
    """
    recent = sum(n for h, n in hours.items() if ref_hour - span_hours < h <= ref_hour)
    previous = sum(n for h, n in hours.items() if ref_hour - 2 * span_hours < h <= ref_hour - span_hours)
    return Growth(recent=recent, previous=previous, rate=recent / max(previous, 1))


def hour_histogram(times: Iterable[datetime]) -> dict[int, int]:
    """Articles per hour since the epoch."""
    counts: Counter = Counter(int(t.timestamp() // 3600) for t in times)
    return dict(counts)


def is_breaking(g: Growth, *, n_sources: int, config: AlertConfig) -> bool:
    return g.recent >= config.min_recent and g.rate >= config.min_rate and n_sources >= config.min_sources


def timeline_unit(first: datetime, last: datetime) -> str:
    """The bucket a story's timeline is drawn in: "hour" when it spans at most two days, else "day"."""
    return "hour" if (last - first).total_seconds() <= 48 * 3600 else "day"


def timeline(members: Iterable[tuple[datetime, str]], *, unit: str = "hour") -> list[tuple[datetime, dict[str, int]]]:
    """Articles per hour or day by language, from (time, lang) pairs, oldest first, gaps filled with zeros."""
    if unit not in ("hour", "day"):
        raise ValueError(f"timeline unit must be 'hour' or 'day', not {unit!r}")
    step = timedelta(hours=1) if unit == "hour" else timedelta(days=1)
    buckets: dict[datetime, Counter] = {}
    for when, lang in members:
        when = when.astimezone(timezone.utc)
        start = when.replace(minute=0, second=0, microsecond=0)
        if unit == "day":
            start = start.replace(hour=0)
        buckets.setdefault(start, Counter())[lang] += 1
    if not buckets:
        return []
    out = []
    cursor, last = min(buckets), max(buckets)
    while cursor <= last:
        out.append((cursor, dict(sorted(buckets.get(cursor, Counter()).items()))))
        cursor += step
    return out


def atom_feed(
    alerts: Iterable[Alert],
    *,
    feed_id: str = "urn:newsdesk:alerts",
    title: str = "newsdesk breaking stories",
    link: str | None = None,
    updated: datetime | None = None,
    entry_link: Callable[[Alert], str] | None = None,
) -> str:
    """An Atom 1.0 document (RFC 4287) with one entry per alert, newest first.

    `entry_link(alert)` gives each entry a link (e.g. the story's page in the web UI).
    """
    ET.register_namespace("", ATOM_NS)
    items = sorted(alerts, key=lambda a: (a.at, a.story_id), reverse=True)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _text(feed, "id", feed_id)
    _text(feed, "title", title)
    stamp = updated or (items[0].at if items else datetime.now(timezone.utc))
    _text(feed, "updated", _rfc3339(stamp))
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, "name", "newsdesk")
    if link:
        ET.SubElement(feed, f"{{{ATOM_NS}}}link", {"rel": "self", "href": link})
    for alert in items:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        _text(entry, "id", f"urn:newsdesk:alert:{alert.story_id}:{int(alert.at.timestamp())}")
        _text(entry, "title", f"Breaking: {alert.title}")
        _text(entry, "updated", _rfc3339(alert.at))
        _text(entry, "published", _rfc3339(alert.at))
        if entry_link:
            ET.SubElement(entry, f"{{{ATOM_NS}}}link", {"rel": "alternate", "href": entry_link(alert)})
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", {"term": "breaking"})
        summary = (
            f"{alert.recent} articles in the last hours against {alert.previous} before "
            f"(growth x{alert.rate:.1f}); {alert.n_articles} articles in all; "
            f"languages: {', '.join(alert.languages) or 'unknown'}. Story {alert.story_id}."
        )
        _text(entry, "summary", summary)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}")
    element.text = value
    return element


def _rfc3339(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
