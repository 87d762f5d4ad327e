"""Events in the store (SQLite or PostgreSQL): who did what to whom, read from the "events" spans.

Events have no table of their own: each is a span of group "events" (the evidence sentence) whose attrs
hold the PLOVER type, the CAMEO code, the source and target actors and the flags (see the span contract in
`nlp/events.py`). `list_events` filters the PLOVER type, CAMEO prefix, story, language and date in SQL, and
the actors (lists inside the attrs) in Python after a loose SQL pre-filter, stopping once `limit` are found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..errors import InputError
from ..nlp.event_lexicon import PLOVER_TYPES
from .base import ArticleQuery
from .sqlbase import SQLStore, article_filters, sql_store

_PREFILTER = re.compile(r"[A-Za-z0-9 .'\-]+")
"""Actor words safe to look for in the attrs' JSON text as written (no escapes, no LIKE wildcards)."""


@dataclass(slots=True, kw_only=True)
class EventHit:
    """One stored event with its article: the evidence sentence, its codes and its actors."""

    article_id: str
    start: int
    end: int
    text: str
    plover: str | None
    cameo: str | None
    cameo_name: str | None
    source: str
    target: str
    negated: bool = False
    hypothetical: bool = False
    confidence: float | None = None
    quad: str | None = None
    trigger: str | None = None
    trigger_span: list[int] | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str | None = None
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def actor_summary(actors: list[dict[str, Any]]) -> str:
    """Actors on one line: name (or text as written) and codes, `Sergei Shoigu [RUS MIL]; Ukraine [UKR]`."""
    parts = []
    for actor in actors:
        name = actor.get("name") or actor.get("text") or "?"
        codes = " ".join(c for c in (actor.get("country"), actor.get("sector")) if c)
        parts.append(f"{name} [{codes}]" if codes else name)
    return "; ".join(parts)


def list_events(
    store: Any,
    *,
    plover: str | None = None,
    cameo: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    story: str | None = None,
    lang: str | None = None,
    since: datetime | None = None,
    limit: int = 50,
) -> list[EventHit]:
    """Events matching every given filter, newest articles first (then in reading order).

    `plover`: a PLOVER type (any case); `cameo`: a CAMEO code or its prefix ("11" finds 110 to 112);
    `actor`: part of a source or target actor's name or text as written, or its entity id (case-insensitive);
    `country`: ISO 3166 alpha-3 code of a source or target actor; `story`, `lang`, `since`: of the article.
    """
    sql_store(store, "listing events")
    plover = plover.strip().upper() if plover else None
    if plover and plover not in PLOVER_TYPES:
        raise InputError(f"unknown PLOVER type {plover!r}: use one of {', '.join(PLOVER_TYPES)}")
    cameo = cameo.strip() if cameo else None
    if cameo and not cameo.isdigit():
        raise InputError(f"a CAMEO code is digits (\"112\", or a prefix like \"11\"), not {cameo!r}")
    country = country.strip().upper() if country else None
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise InputError(f"a country is an ISO 3166 alpha-3 code (RUS, FRA, USA), not {country!r}")
    actor = actor.strip() if actor else None
    if limit < 1:
        return []
    sql, params = _events_sql(store, plover=plover, cameo=cameo, actor=actor, country=country, story=story,
                              lang=lang, since=since, limited=not (actor or country))  # fmt: skip
    hits: list[EventHit] = []
    rows = store.stream(sql, params if actor or country else [*params, limit])
    try:  # rows are read as they come, so that filtering in Python stops once enough events are found
        for row in rows:
            hit = _hit(row)
            actors = (*hit.sources, *hit.targets)
            if actor and not any(_is_actor(a, actor) for a in actors):
                continue
            if country and not any(a.get("country") == country for a in actors):
                continue
            hits.append(hit)
            if len(hits) >= limit:
                break
    finally:
        rows.close()  # type: ignore[attr-defined]  # a generator: ends a PostgreSQL server-side cursor
    return hits


def _events_sql(store: SQLStore, *, plover: str | None, cameo: str | None, actor: str | None, country: str | None,
                story: str | None, lang: str | None, since: datetime | None, limited: bool) -> tuple[str, list[Any]]:
    dialect = store.dialect
    clauses = ["s.grp = 'events'"]
    params: list[Any] = []
    if plover:
        clauses.append(f"{dialect.json_get('s.attrs', 'plover')} = ?")
        params.append(plover)
    if cameo:
        clauses.append(f"{dialect.json_get('s.attrs', 'cameo')} LIKE ?")
        params.append(f"{cameo}%")
    if country:  # a loose pre-filter on the JSON text; the actors' countries are checked in Python
        clauses.append("s.attrs LIKE ?")
        params.append(f'%"{country}"%')
    if actor and _PREFILTER.fullmatch(actor):  # other words may be escaped in the JSON text: Python only
        clauses.append(dialect.ilike("s.attrs"))
        params.append(f"%{actor}%")
    if story:
        clauses.append("a.story_id = ?")
        params.append(story)
    article_clause, article_params = article_filters(ArticleQuery(since=since, lang=lang), prefix="AND")
    params += article_params
    sql = (
        "SELECT s.article_id, s.start, s.end, s.evidence, s.attrs, a.title, a.published, a.url, a.lang, a.story_id"
        f" FROM spans s JOIN articles a ON a.id = s.article_id WHERE {' AND '.join(clauses)} {article_clause}"
        " ORDER BY COALESCE(a.published, a.first_stored) DESC, s.article_id, s.start, s.end"
    )
    return (sql + " LIMIT ?" if limited else sql), params


def _is_actor(actor: dict[str, Any], wanted: str) -> bool:
    needle = wanted.lower()
    names = (actor.get("name"), actor.get("text"))
    return any(needle in n.lower() for n in names if n) or (actor.get("entity_id") or "").lower() == needle


def _actors(value: Any) -> list[dict[str, Any]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _hit(row: Any) -> EventHit:
    attrs = json.loads(row["attrs"])
    sources, targets = _actors(attrs.get("sources")), _actors(attrs.get("targets"))
    cameo = attrs.get("cameo")
    return EventHit(
        article_id=row["article_id"], start=row["start"], end=row["end"], text=row["evidence"],
        plover=attrs.get("plover"), cameo=str(cameo) if cameo is not None else None,
        cameo_name=attrs.get("cameo_name"), source=actor_summary(sources), target=actor_summary(targets),
        negated=bool(attrs.get("negated")), hypothetical=bool(attrs.get("hypothetical")),
        confidence=attrs.get("confidence"), quad=attrs.get("quad"), trigger=attrs.get("trigger"),
        trigger_span=attrs.get("trigger_span"), sources=sources, targets=targets,
        title=row["title"], published=row["published"], url=row["url"], lang=row["lang"], story_id=row["story_id"],
    )  # fmt: skip


__all__ = ["PLOVER_TYPES", "EventHit", "actor_summary", "list_events"]
