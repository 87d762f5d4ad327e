"""Read queries over the entity registry and the stored entity spans (used by the CLI and the web UI)."""

from __future__ import annotations

from collections import Counter

from newsdesk.article import Article, Span
from newsdesk.nlp.link import EntityLinkStep
from newsdesk.nlp.names import normalise
from newsdesk.nlp.registry import Entity, Variant
from newsdesk.pipeline import StepStats
from newsdesk.store.entities import (
    SQLRegistryBackend,
    entity_mentions,
    entity_row,
    find_stored_entities,
    list_entities,
    list_stored_entities,
    mentions_sql,
    open_registry,
    resolve_entity_id,
    stored_entity,
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


def _registry_free(store, monkeypatch):
    """Make loading the whole registry from `store` fail, to show a reader does without it."""

    def refuse(self):
        raise AssertionError("the whole registry was loaded")

    monkeypatch.setattr(SQLRegistryBackend, "load_registry", refuse)


def test_a_stored_entity_is_read_alone_and_found_as_the_registry_finds_it(any_store, monkeypatch):
    store = any_store
    _linked_store(store)
    registry = open_registry(store)
    blinken, blinkin = registry.find("Antony Blinken")[0], registry.find("Blinkin")[0]
    registry.force_merge(blinken.id, blinkin.id)  # `blinkin.id` is now an alias and an override of `blinken`
    shoigu = registry.find("Sergei Shoigu")[0]
    split = registry.split(shoigu.id, "Sergueï Choïgou")
    registry.save()
    registry = open_registry(store)
    asked = [*registry.entities, blinkin.id, "nope", shoigu.id, split.id]
    _registry_free(store, monkeypatch)
    for entity_id in asked:
        assert stored_entity(store, entity_id) == registry.get(entity_id), entity_id
    assert stored_entity(store, blinkin.id).id == blinken.id


def test_an_alias_is_found_in_the_aliases_only(any_store):
    store = any_store
    registry = open_registry(store)
    for entity_id, aliases, cooc in [("E1", ["X_1"], {}), ("E2", [], {"X_1": 3}), ("E3", ['a"b%'], {}),
                                     ("E4", ["X_1"], {"E1": 1})]:  # fmt: skip
        registry.entities[entity_id] = Entity(id=entity_id, label="PER", aliases=aliases, cooc=Counter(cooc))
        registry._dirty.add(entity_id)
    registry.save()
    assert resolve_entity_id(store, "X_1") == "E4"  # the last by id, as the registry reads them
    assert resolve_entity_id(store, "XX1") == "XX1" and resolve_entity_id(store, 'a"b%') == "E3"
    assert open_registry(store).get("X_1").id == "E4"


def test_an_entity_search_lists_what_the_registry_lists(any_store, monkeypatch):
    store = any_store
    _linked_store(store)
    registry = open_registry(store)
    for entity_id, label, lang, text in [("Z1", "LOC", "en", "Antony Blinken"), ("Z2", "ORG", "de", "Sergej Schoigu")]:
        key = normalise(text, lang=lang, label=label).key
        variant = Variant(text=text, lang=lang, script="LATIN", key=key, count=2)
        registry.entities[entity_id] = Entity(id=entity_id, label=label, mentions=2, variants={(lang, text): variant})
        registry._dirty.add(entity_id)
    registry.save()
    registry = open_registry(store)
    ids = list(registry.entities)
    queries = [*ids, "Antony Blinken", "antony BLINKEN", "SERGUEÏ CHOÏGOU", "Serguei Choigou", "Sergej Schoigu",
               "Blinkin", "Shoigu", "nobody", "E"]  # fmt: skip
    tried = ({}, {"lang": "de"}, {"lang": "fr"}, {"label": "per"}, {"label": "ORG"})
    expected = {(q, i): list_entities(registry, query=q, **f) for q in queries for i, f in enumerate(tried)}
    assert len({len(found) for found in expected.values()}) == 3  # none, one, several
    _registry_free(store, monkeypatch)
    for (query, i), listed in expected.items():
        for limit in (1, 100):
            total, shown = find_stored_entities(store, query, limit=limit, **tried[i])
            assert (total, shown) == (len(listed), listed[:limit]), (query, tried[i], limit)
