"""Read queries over the entity registry and the stored entity spans (used by the CLI and the web UI)."""

from __future__ import annotations

from newsdesk.article import Article, Span
from newsdesk.nlp.link import EntityLinkStep
from newsdesk.pipeline import StepStats
from newsdesk.store.entities import (
    entity_mentions,
    entity_row,
    list_entities,
    list_stored_entities,
    mentions_sql,
    open_registry,
)


def _article(aid: str, lang: str, text: str, *names: tuple[str, str]) -> Article:
    art = Article(id=aid, source="test", text=text, lang=lang)
    spans = []
    for name, label in names:
        start = text.index(name)
        spans.append(Span(start=start, end=start + len(name), label=label, attrs={"text": name, "name": name}))
    art.add_spans("entities", spans)
    return art


def _linked_store(store):
    articles = [
        _article("a", "en", "Antony Blinken met Sergei Shoigu.", ("Antony Blinken", "PER"), ("Sergei Shoigu", "PER")),
        _article("b", "de", "Außenminister Blinkin reiste ab.", ("Blinkin", "PER")),
        _article("c", "fr", "Sergueï Choïgou et Antony Blinken.", ("Sergueï Choïgou", "PER"),
                 ("Antony Blinken", "PER")),
    ]  # fmt: skip
    registry = open_registry(store)
    list(EntityLinkStep(registry=registry)(articles, StepStats(name="entity_link")))
    store.upsert_articles(articles)
    return articles


def test_entity_mentions_point_at_the_stored_spans_and_follow_merges(any_store):
    store = any_store
    articles = {a.id: a for a in _linked_store(store)}
    registry = open_registry(store)
    blinken = registry.find("Antony Blinken")[0]
    mentions = entity_mentions(store, blinken)
    assert sorted((m.article_id, m.text) for m in mentions) == [("a", "Antony Blinken"), ("c", "Antony Blinken")]
    for m in mentions:
        assert articles[m.article_id].text[m.start : m.end] == m.text and m.label == "PER"
    assert entity_mentions(store, blinken, limit=1)[0].article_id in {"a", "c"}

    registry.force_merge(blinken.id, "Blinkin")
    registry.save()
    merged = open_registry(store).get(blinken.id)
    texts = sorted(m.text for m in entity_mentions(store, merged))
    assert texts == ["Antony Blinken", "Antony Blinken", "Blinkin"]


def test_entity_mentions_are_found_through_the_span_index(any_store):
    store = any_store
    _linked_store(store)
    sql, params = mentions_sql(store.dialect, 2), ("E1", "E2", 200)
    if store.dialect.name == "sqlite":
        plan = " ".join(str(tuple(r)) for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    else:
        store.conn.execute("SET enable_seqscan = off")  # a three-article table would be read whole anyway
        plan = " ".join(r[0] for r in store.conn.execute(f"EXPLAIN {sql}", params))
    assert "spans_entity_id" in plan, plan


def test_list_entities_filters_and_orders_by_mentions(any_store):
    store = any_store
    _linked_store(store)
    registry = open_registry(store)
    assert [e.mentions for e in list_entities(registry)] == [2, 2, 1]
    assert [e.canonical for e in list_entities(registry, lang="de")] == ["Blinkin"]
    assert list_entities(registry, label="org") == [] and len(list_entities(registry, label="per")) == 3
    found = list_entities(registry, query="Sergei Shoigu")
    assert len(found) == 1
    row = entity_row(found[0])
    assert row["variants"] == ["Sergei Shoigu"] and row["name"] == "Sergueï Choïgou"
    assert row["mentions"] == 2 and row["langs"] == ["en", "fr"]


def test_stored_entity_list_is_the_registry_list_without_loading_it(any_store):
    store = any_store
    _linked_store(store)
    registry = open_registry(store)
    tried = ({}, {"lang": "de"}, {"lang": "fr"}, {"label": "per"}, {"label": "ORG"}, {"label": "PER", "lang": "fr"})
    for filters in tried:
        expected = list_entities(registry, **filters)
        for limit in (1, 2, 100):
            total, shown = list_stored_entities(store, limit=limit, **filters)
            assert total == len(expected), filters
            assert [entity_row(e) for e in shown] == [entity_row(e) for e in expected[:limit]], (filters, limit)
            assert shown == expected[:limit]
