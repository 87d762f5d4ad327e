"""The pages: overview, search, articles, entities, quotes, events, stories, alerts (HTML and `.json`), Atom alerts.

Views only call the store's query functions (`Store`, `search_quotes`, `list_events`, the entity readers of
`store.entities`, `StoryReader`); the data dict a view builds is exactly the JSON twin, and the template shows it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from ..cli_output import parse_since
from ..errors import InputError, StoreError
from ..store import ArticleQuery, Store
from ..store.entities import entity_mentions, entity_row, find_stored_entities, list_stored_entities, stored_entity
from ..store.events import PLOVER_TYPES, EventHit, list_events
from ..store.quotes import search_quotes
from ..stories.store import StoryReader
from ..stories.timeline import atom_feed, timeline, timeline_unit
from .app import entity_url, get_store, page, render, templates
from .highlight import article_spans, highlight, span_anchor

router = APIRouter()
StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=1000)]
QUOTE_KINDS = ("direct", "indirect", "mixed")
ENTITY_TYPES = ("PER", "ORG", "LOC")
# the filter forms' choices
templates.env.globals.update(quote_kinds=QUOTE_KINDS, entity_types=ENTITY_TYPES, plover_types=PLOVER_TYPES)


def _since(value: str | None) -> datetime | None:
    try:
        return parse_since(value, option="since")
    except InputError as exc:
        raise HTTPException(400, str(exc)) from exc


def _blank(value: str | None) -> str | None:
    """Empty form fields count as not given."""
    return value.strip() or None if value else None


@page(router, "/")
def overview(request: Request, store: StoreDep) -> Response:
    """Counts, the most recently active stories, the latest alerts and articles."""
    data: dict[str, Any] = {"counts": store.counts(), "stories": [], "alerts": []}
    try:
        reader = StoryReader(store)  # type: ignore[arg-type]
        data["stories"] = [s.to_dict() for s in reader.list(limit=10, recent_first=True)]
        data["alerts"] = [a.to_dict() for a in reader.alerts(limit=10)]
    except StoreError:
        pass  # a store without story tables: counts and articles only
    data["recent"] = [
        {"id": a.id, "title": a.title, "published": a.published, "lang": a.lang, "source": a.source}
        for a in store.iter_articles(ArticleQuery(limit=10))
    ]
    return render(request, "index.html", data)


@page(router, "/search")
def search(
    request: Request, store: StoreDep, q: str = "", lang: str | None = None, since: str | None = None,
    limit: Limit = 20,
) -> Response:  # fmt: skip
    """Full-text search over titles and texts, with the matching words marked in each snippet."""
    lang, since = _blank(lang), _blank(since)
    query = ArticleQuery(lang=lang, since=_since(since), limit=limit)
    results = []
    if q.strip():
        try:
            hits = store.search(q, query)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from exc
        results = [
            {"id": h.article.id, "title": h.article.title, "published": h.article.published, "lang": h.article.lang,
             "source": h.article.source, "snippet": h.snippet, "score": round(h.rank, 3)}
            for h in hits
        ]  # fmt: skip
    return render(request, "search.html", {"query": q, "lang": lang, "since": since, "results": results})


@page(router, "/articles/{article_id}")
def article(request: Request, article_id: str, store: StoreDep) -> Response:
    """One article: metadata, its stored copies and translations, text with every span marked, and the spans."""
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    spans = article_spans(found)
    record = found.to_dict()
    del record["spans"]
    html = highlight(found.text, spans, entity_url=entity_url)
    data = {"article": record, "copies": store.article_copies(article_id), "spans": spans}
    return render(request, "article.html", data, extra={"text_html": html, "anchor": span_anchor})


@page(router, "/entities")
def entities(
    request: Request, store: StoreDep, q: str = "", label: Annotated[str | None, Query(alias="type")] = None,
    lang: str | None = None, limit: Limit = 100,
) -> Response:  # fmt: skip
    """People, organisations and places, most mentioned first; `q` finds them by id or any of their names."""
    query, label, lang = _blank(q), _blank(label), _blank(lang)
    if label and label.upper() not in ENTITY_TYPES:
        raise HTTPException(400, f"unknown entity type {label!r}: use PER, ORG or LOC")
    if query:  # both read only the entities they show (and the names, to find them by name)
        total, found = find_stored_entities(store, query, label=label, lang=lang, limit=limit)
    else:
        total, found = list_stored_entities(store, label=label, lang=lang, limit=limit)
    data = {"query": q, "type": label, "lang": lang, "total": total, "entities": [entity_row(e) for e in found]}
    return render(request, "entities.html", data)


@page(router, "/entities/{entity_id}")
def entity(request: Request, entity_id: str, store: StoreDep, limit: Limit = 200) -> Response:
    """An entity: its names by language, roles, merges, and where it is mentioned (article and offsets)."""
    found = stored_entity(store, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    mentions = entity_mentions(store, found, limit=limit)
    data = {"entity": found.to_dict(), "mentions": [m.to_dict() for m in mentions]}
    return render(request, "entity.html", data)


@page(router, "/quotes")
def quotes(
    request: Request, store: StoreDep, q: str = "", by: str | None = None, about: str | None = None,
    story: str | None = None, lang: str | None = None, kind: str | None = None, limit: Limit = 50,
) -> Response:  # fmt: skip
    """Who said what: quotes by a speaker, about a name, in a story, or with these words."""
    filters = {"q": _blank(q), "by": _blank(by), "about": _blank(about), "story": _blank(story),
               "lang": _blank(lang), "kind": _blank(kind)}  # fmt: skip
    if filters["kind"] and filters["kind"] not in QUOTE_KINDS:
        raise HTTPException(400, f"unknown quote kind {kind!r}: use {', '.join(QUOTE_KINDS)}")
    args = {k: v for k, v in filters.items() if k != "q"}
    try:
        hits = search_quotes(store, text=filters["q"], limit=limit, **args)  # type: ignore[arg-type]
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from exc
    return render(request, "quotes.html", {"filters": filters, "quotes": [h.to_dict() for h in hits]})


@page(router, "/events")
def events(
    request: Request, store: StoreDep, plover: Annotated[str | None, Query(alias="type")] = None,
    cameo: str | None = None, actor: str | None = None, country: str | None = None, story: str | None = None,
    lang: str | None = None, since: str | None = None, limit: Limit = 50,
) -> Response:  # fmt: skip
    """Who did what to whom: events by PLOVER type, CAMEO code, actor, actor country, story, language, date."""
    filters = {"type": _blank(plover), "cameo": _blank(cameo), "actor": _blank(actor), "country": _blank(country),
               "story": _blank(story), "lang": _blank(lang), "since": _blank(since)}  # fmt: skip
    args = {k: v for k, v in filters.items() if k not in ("type", "since")}
    try:
        hits = list_events(store, plover=filters["type"], since=_since(filters["since"]), limit=limit, **args)  # type: ignore[arg-type]
    except (InputError, StoreError) as exc:
        raise HTTPException(400, str(exc)) from exc
    data = {"filters": filters, "events": [h.to_dict() for h in hits]}
    return render(request, "events.html", data, extra={"sentences": [event_sentence(h) for h in hits]})


def event_sentence(hit: EventHit) -> Markup:
    """An event's sentence as HTML, its trigger and actors marked (offsets made relative to the sentence)."""
    marks = [("trigger", hit.plover or "EVENT", hit.trigger_span, {"name": hit.trigger, "cameo": hit.cameo})]
    for label, actors in (("SOURCE", hit.sources), ("TARGET", hit.targets)):
        marks += [("actor", label, a.get("span"), {"name": a.get("name") or a.get("text"), "country": a.get("country")})
                  for a in actors]  # fmt: skip
    spans = [
        {"group": group, "label": label, "start": span[0] - hit.start, "end": span[1] - hit.start,
         "text": hit.text[span[0] - hit.start : span[1] - hit.start], "attrs": attrs}
        for group, label, span, attrs in marks
        if isinstance(span, list) and len(span) == 2 and hit.start <= span[0] < span[1] <= hit.end
    ]  # fmt: skip
    return highlight(hit.text, spans, entity_url=entity_url, anchors=False)  # offsets repeat across sentences


@page(router, "/stories")
def stories(
    request: Request, store: StoreDep, since: str = "24h", limit: Limit = 50, min_articles: Limit = 1
) -> Response:
    """Stories active since `since` (24h, 7d, a date), largest first."""
    found = StoryReader(store).list(since=_since(since), limit=limit, min_articles=min_articles)  # type: ignore[arg-type]
    return render(request, "stories.html", {"since": since, "stories": [s.to_dict() for s in found]})


@page(router, "/stories/{story_id}")
def story(request: Request, story_id: str, store: StoreDep) -> Response:
    """A story: timeline by language, top entities and speakers, its articles by language with copies folded."""
    found = StoryReader(store).get(story_id)  # type: ignore[arg-type]
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    data = found.to_dict(with_members=True)
    data["by_language"] = {
        lang: [{"id": m.article_id, "time": m.time, "title": m.title, "source": m.source, "copies": n}
               for m, n in members]
        for lang, members in found.by_language().items()
    }  # fmt: skip
    unit = timeline_unit(found.first_seen, found.last_seen)
    data["chart"] = {
        "unit": unit,
        "buckets": [{"start": start, "by_lang": counts} for start, counts in
                    timeline(((m.time, m.lang) for m in found.members), unit=unit)],
    }  # fmt: skip
    return render(request, "story.html", data, extra={"chart_rows": chart_rows(data["chart"]["buckets"])})


def chart_rows(buckets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The timeline rows a page shows: a run of two or more empty buckets becomes one `{"gap": n}` row."""
    rows: list[dict[str, Any]] = []
    run: list[dict[str, Any]] = []
    for bucket in [*buckets, None]:
        if bucket is not None and not bucket["by_lang"]:
            run.append(bucket)
            continue
        rows.extend(run if len(run) < 2 else [{"gap": len(run), "by_lang": {}}])
        run = []
        if bucket is not None:
            rows.append(bucket)
    return rows


@page(router, "/alerts")
def alerts(request: Request, store: StoreDep, since: str | None = None, limit: Limit = 100) -> Response:
    """Breaking-story alerts, newest first (also as an Atom feed at /alerts.atom)."""
    found = StoryReader(store).alerts(since=_since(_blank(since)), limit=limit)  # type: ignore[arg-type]
    return render(request, "alerts.html", {"since": since, "alerts": [a.to_dict() for a in found]})


@router.get("/alerts.atom", response_class=Response)
def alerts_atom(request: Request, store: StoreDep, since: str | None = None, limit: Limit = 50) -> Response:
    """Breaking-story alerts as an Atom feed; each entry links to its story's page."""
    found = StoryReader(store).alerts(since=_since(_blank(since)), limit=limit)  # type: ignore[arg-type]
    base = str(request.base_url).rstrip("/")
    feed = atom_feed(found, link=str(request.url), entry_link=lambda a: f"{base}/stories/{a.story_id}")
    return Response(feed, media_type="application/atom+xml; charset=utf-8")
