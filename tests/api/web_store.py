"""A small store for the web tests: the hand-made story articles with linked entities, quotes, an event
span crossing a quote, full page metadata on one article and markup in another."""

from __future__ import annotations

import copy
from datetime import date, datetime, timezone

from newsdesk.article import Article, Caption, Related, Span
from newsdesk.pipeline import Pipeline, StepStats
from newsdesk.store import open_store
from newsdesk.store.entities import open_registry
from newsdesk.store.writer import StoreWriter
from newsdesk.stories.step import StoryStep
from story_helpers import ALERTS, GivenLanguages, hashed_encoder, load_handmade

PHONE = "The phone will go on sale in the United States next week at the same price as last year's model"
KYIV = "the visit changed nothing on the ground"



def _span(article: Article, evidence: str, label: str, **attrs) -> Span:
    start = article.text.index(evidence)
    return Span(start=start, end=start + len(evidence), label=label, attrs=attrs)


def build_articles(registry) -> list[Article]:
    from newsdesk.nlp.link import EntityLinkStep

    articles = {a.id: copy.deepcopy(a) for a, _ in load_handmade()}
    shoigu = articles["en-shoigu-1"]
    shoigu.dateline, shoigu.agency, shoigu.byline = "MOSCOW", "Reuters", "By Jane Doe"
    shoigu.date_source = "metadata"
    shoigu.captions = [Caption(text="Sergei Shoigu <centre> with commanders", credit="AP")]
    shoigu.related = [Related(headline="Earlier: Shoigu in Crimea", date=date(2026, 2, 1))]
    articles["fr-shoigu-1"].translation_of = "en-shoigu-1"
    odd = Article(
        id="markup", source="test <b>", lang="en", title="<script>alert(1)</script> & co",
        text="Fish & <chips> are back, the <b>chef</b> said on Tuesday.",
        published=datetime(2026, 3, 20, 12, tzinfo=timezone.utc), url="javascript:alert(2)",
        related=[Related(headline="Chips are back", url="javascript:alert(3)")],
    )  # fmt: skip
    odd.add_spans("entities", [_span(odd, "<b>chef</b>", "PER", text="<b>chef</b>", name="<b>chef</b>")])
    everything = [*articles.values(), odd]
    list(EntityLinkStep(registry=registry)(everything, StepStats(name="entity_link")))
    cook = registry.find("Tim Cook")[0].id
    kyiv = registry.find("Kyiv")[0].id
    phone = articles["en-iphone-1"]
    phone.add_spans("quotes", [_span(phone, PHONE, "QUOTE", kind="indirect", verb="said", speaker="Tim Cook",
                                     speaker_name="Tim Cook", speaker_id=cook, speaker_role="chief executive")])
    phone.add_spans("events", [_span(phone, "last year's model, chief executive Tim Cook", "EVENT", plover="SAY")])
    front = articles["en-shoigu-2"]
    front.add_spans("quotes", [_span(front, KYIV, "QUOTE", kind="indirect", verb="said", speaker="Kyiv",
                                     speaker_name="Kyiv", speaker_id=kyiv)])  # fmt: skip
    return everything


def build_store(target) -> str:
    """Store the articles (stories clustered with the hashed encoder) at `target`: a SQLite path or PostgreSQL URL."""
    with open_store(target) as store:
        articles = build_articles(open_registry(store))
        pipeline = Pipeline([GivenLanguages(), StoryStep(store=store, encoder=hashed_encoder, config=ALERTS),
                             StoreWriter(store=store)])  # fmt: skip
        pipeline.run(articles)
    return str(target)
