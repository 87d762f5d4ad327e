"""Name variants across languages and scripts, the entity registry, user overrides and the link step."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsdesk.article import Article, Span
from newsdesk.errors import EntityError
from newsdesk.nlp.link import EntityLinkStep
from newsdesk.nlp.names import compare, normalise, weighted_distance
from newsdesk.nlp.registry import EntityRegistry, Mention, make_entity_id
from newsdesk.pipeline import Pipeline, StepStats
from newsdesk.store.entities import open_registry


def article(aid: str, lang: str, *names: tuple, published: str | None = None, duplicate_of: str | None = None):
    """An article listing names; each name is (text, label) or (text, label, {attrs}) with an entity span."""
    text, spans = "", []
    for item in names:
        name, label = item[0], item[1]
        extra = item[2] if len(item) > 2 else {}
        text += ("; " if text else "") + name
        attrs = {"text": name, "name": name, "role": None, "country": None, "source": "rule", **extra}
        spans.append(Span(start=len(text) - len(name), end=len(text), label=label, attrs=attrs))
    art = Article(id=aid, source="test", text=text, lang=lang, duplicate_of=duplicate_of)
    if published:
        art.published = datetime.fromisoformat(published).replace(tzinfo=timezone.utc)
    art.add_spans("entities", spans)
    return art


def link(registry: EntityRegistry, *articles: Article) -> list[Article]:
    step = EntityLinkStep(registry=registry, save=False)
    return list(step(articles, StepStats(name="entity_link")))


def ids_of(art: Article) -> list[str | None]:
    return [s.attrs["entity_id"] for s in art.spans["entities"]]


SHOIGU = [("Shoigu", "en"), ("Choïgou", "fr"), ("Schoigu", "de"), ("Shoygu", "en"), ("Шойгу", "ru")]


def test_shoigu_variants_normalise_to_one_form_and_one_entity():
    forms = {normalise(text, lang=lang).key for text, lang in SHOIGU}
    assert forms == {"shoigu"}
    registry = EntityRegistry()
    arts = link(registry, *(article(f"a{i}", lang, (text, "PER")) for i, (text, lang) in enumerate(SHOIGU)))
    ids = {ids_of(a)[0] for a in arts}
    assert len(ids) == 1
    entity = registry.get(ids.pop())
    assert {v.text for v in entity.variants.values()} == {t for t, _ in SHOIGU}
    assert entity.variants_by_lang()["ru"] == [("Шойгу", 1)]


def test_putin_poutine_and_cyrillic_are_one_person_with_full_name_as_canonical():
    registry = EntityRegistry()
    arts = link(
        registry,
        article("a", "fr", ("Vladimir Poutine", "PER")),
        article("b", "en", ("Putin", "PER")),
        article("c", "ru", ("Путин", "PER")),
        article("d", "fr", ("M. Poutine", "PER")),
    )
    assert len({ids_of(a)[0] for a in arts}) == 1
    assert registry.get(ids_of(arts[0])[0]).canonical == "Vladimir Poutine"


def test_kadhafi_spellings_merge_with_the_evidence_news_gives():
    assert normalise("Kadhafi", lang="fr").key == normalise("Qaddafi", lang="en").key == "kadafi"
    registry = EntityRegistry()
    libya = {"country": "LBY"}
    arts = link(
        registry,
        article("a", "fr", ("Mouammar Kadhafi", "PER", libya), ("Nicolas Sarkozy", "PER")),
        article("b", "en", ("Muammar Gaddafi", "PER", libya)),  # given name confirms k/g
        article("c", "en", ("Qaddafi", "PER")),  # identical after normalisation
        article("d", "it", ("Gheddafi", "PER", libya), ("Nicolas Sarkozy", "PER")),
        article("e", "fr", ("Kadhafi", "PER", libya)),
    )
    assert len({ids_of(a)[0] for a in arts}) == 1
    assert ids_of(arts[0])[1] == ids_of(arts[3])[1]  # Sarkozy
    entity = registry.get(ids_of(arts[0])[0])
    whys = {m["variant"]: m["why"] for m in entity.merges}
    assert whys["Muammar Gaddafi"]["tier"] == "close" and "given names agree" in whys["Muammar Gaddafi"]["evidence"]
    assert whys["Qaddafi"]["tier"] == "identical"
    assert any("Sarkozy" in e for e in whys["Gheddafi"]["evidence"])


def test_blinken_and_blinkin_stay_apart_without_context_and_merge_with_it():
    registry = EntityRegistry()
    a, b = link(registry, article("a", "en", ("Blinken", "PER")), article("b", "en", ("Blinkin", "PER")))
    assert ids_of(a)[0] != ids_of(b)[0]
    assert weighted_distance("blinken", "blinkin") < 1  # a score alone would have merged them

    registry = EntityRegistry()
    role = {"role": "secrétaire d'État", "country": "USA"}
    a, b = link(
        registry,
        article("a", "fr", ("Antony Blinken", "PER", role)),
        article("b", "fr", ("Blinkin", "PER", role | {"role": "secrétaire d'État américain"})),
    )
    assert ids_of(a)[0] == ids_of(b)[0]
    why = registry.get(ids_of(a)[0]).merges[-1]["why"]
    assert why["normalised"] == ["blinkin", "antoni blinken"] or "blinkin" in why["normalised"]
    assert any("USA" in e for e in why["evidence"]) and any("role" in e for e in why["evidence"])


def test_macron_marcon_needs_more_than_a_score():
    cmp = compare(normalise("Macron", lang="fr"), normalise("Marcon", lang="en"))
    assert cmp.tier == "far"
    registry = EntityRegistry()
    a, b = link(registry, article("a", "fr", ("Macron", "PER")), article("b", "en", ("Marcon", "PER")))
    assert ids_of(a)[0] != ids_of(b)[0]


def test_conflicting_given_names_or_countries_keep_people_apart():
    registry = EntityRegistry()
    arts = link(
        registry,
        article("a", "en", ("John Kirby", "PER")),
        article("b", "en", ("Jane Kirby", "PER")),
        article("c", "en", ("Harris", "PER", {"country": "USA"})),
        article("d", "en", ("Harris", "PER", {"country": "GBR"})),
    )
    assert ids_of(arts[0])[0] != ids_of(arts[1])[0]
    assert ids_of(arts[2])[0] != ids_of(arts[3])[0]
    rejected = registry.link(Mention(text="Harris", label="PER", countries={"FRA"}), create=False).why["rejected"]
    assert {tuple(r["conflicts"]) for r in rejected} == {("country FRA vs USA",), ("country FRA vs GBR",)}


def test_surname_only_links_to_the_single_full_name_and_is_ambiguous_between_two():
    registry = EntityRegistry()
    (a,) = link(registry, article("a", "en", ("John Kirby", "PER")))
    (b,) = link(registry, article("b", "fr", ("Kirby", "PER")))
    assert ids_of(a) == ids_of(b)
    link(registry, article("c", "en", ("Jane Kirby", "PER")))
    result = registry.link(Mention(text="Kirby", label="PER", lang="en"))
    assert result.entity_id is None and result.why["reason"] == "ambiguous"


def test_ids_are_stable_across_runs_and_registries():
    def run() -> list[list[str | None]]:
        registry = EntityRegistry()
        arts = link(
            registry,
            article("a", "fr", ("Sergueï Choïgou", "PER"), ("Wagner", "ORG"), ("Pyongyang", "LOC")),
            article("b", "en", ("Sergei Shoigu", "PER"), ("Vladimir Putin", "PER")),
        )
        return [ids_of(a) for a in arts]

    first, second = run(), run()
    assert first == second
    assert first[0][0] == make_entity_id("PER", "sergei shoigu")
    assert first[0][1].startswith("org-") and first[0][2].startswith("loc-")


def test_registry_is_kept_in_the_store_with_variants_roles_and_why(sqlite_store):
    registry = open_registry(sqlite_store)
    kirby = {"role": "porte-parole du Conseil de sécurité nationale", "country": "USA"}
    link(
        registry,
        article("a", "fr", ("John Kirby", "PER", kirby), ("Sergei Shoigu", "PER"), published="2023-07-27"),
        article("b", "fr", ("Choïgou", "PER"), published="2023-07-28"),
    )
    registry.save()
    again = open_registry(sqlite_store)
    shoigu = again.find("Choïgou")[0]
    assert shoigu.id == make_entity_id("PER", "sergei shoigu")
    assert (shoigu.first_seen, shoigu.last_seen, shoigu.mentions) == ("2023-07-27", "2023-07-28", 2)
    assert shoigu.merges[0]["variant"] == "Choïgou" and shoigu.merges[0]["why"]["tier"] == "identical"
    kirby_entity = again.find("John Kirby")[0]
    (role,) = kirby_entity.roles.values()
    assert (role.role, role.first_seen, role.count) == (kirby["role"], "2023-07-27", 1)
    assert kirby_entity.country == "USA"
    assert kirby_entity.cooc[shoigu.id] == 1


def test_forced_merge_survives_reset_and_reprocessing(sqlite_store):
    articles = [article("a", "en", ("Blinken", "PER")), article("b", "en", ("Blinkin", "PER"))]
    registry = open_registry(sqlite_store)
    a, b = link(registry, *articles)
    blinken, blinkin = ids_of(a)[0], ids_of(b)[0]
    assert blinken != blinkin
    merged = registry.force_merge(blinken, "Blinkin", note="typo")
    assert merged.id == blinken and registry.get(blinkin).id == blinken
    assert merged.merges[-1]["why"]["forced"] == "merged by user"
    registry.save()

    registry = open_registry(sqlite_store)  # re-process from scratch
    registry.reset()
    a, b = link(registry, article("a", "en", ("Blinken", "PER")), article("b", "en", ("Blinkin", "PER")))
    assert ids_of(a)[0] == ids_of(b)[0] == blinken
    registry.reset()  # order reversed: the user's decision still holds
    b, a = link(registry, article("b", "en", ("Blinkin", "PER")), article("a", "en", ("Blinken", "PER")))
    assert ids_of(a)[0] == ids_of(b)[0] == blinken


def test_split_survives_reprocessing_and_the_variant_never_rejoins(sqlite_store):
    role = {"role": "secrétaire d'État", "country": "USA"}
    registry = open_registry(sqlite_store)
    a, b = link(registry, article("a", "fr", ("Blinken", "PER", role)), article("b", "fr", ("Blinkin", "PER", role)))
    entity_id = ids_of(a)[0]
    assert ids_of(b)[0] == entity_id
    new = registry.split(entity_id, "Blinkin")
    assert new.id != entity_id and [v.text for v in new.variants.values()] == ["Blinkin"]
    assert [v.text for v in registry.get(entity_id).variants.values()] == ["Blinken"]
    registry.save()

    registry = open_registry(sqlite_store)
    registry.reset()
    # Blinkin first this time: it would have founded the entity; the split keeps both ids as the user left them
    b, a = link(registry, article("b", "fr", ("Blinkin", "PER", role)), article("a", "fr", ("Blinken", "PER", role)))
    assert ids_of(a)[0] == entity_id and ids_of(b)[0] == new.id
    with pytest.raises(EntityError):
        registry.split(entity_id, "Nobody")


def test_link_step_in_a_pipeline_fills_entity_ids_and_skips_copies():
    class Source:
        name, needs, adds = "source", (), ("entities", "lang")

        def __call__(self, articles, stats):
            yield from articles

    registry = EntityRegistry()
    original = article("a", "fr", ("Xi Jinping", "PER"), ("Wagner", "ORG"), ("Coupe du monde", "MISC"))
    copy = article("b", "fr", ("Xi Jinping", "PER"), duplicate_of="a")
    chinese = article("c", "zh", ("习近平", "PER"))
    result = Pipeline([Source(), EntityLinkStep(registry=registry)]).run([original, copy, chinese], keep=True)
    out = {a.id: a for a in result.articles}
    xi, wagner, misc = out["a"].spans["entities"]
    assert out["a"].evidence(xi) == "Xi Jinping" and xi.attrs["entity_id"] == ids_of(out["c"])[0]
    assert wagner.attrs["entity_id"].startswith("org-") and misc.attrs["entity_id"] is None
    assert "entity_id" not in out["b"].spans["entities"][0].attrs
    stats = result.steps[1].counters
    assert stats["entities_new"] == 2 and stats["names_linked"] == 1
    with pytest.raises(EntityError):
        registry.force_merge(xi.attrs["entity_id"], wagner.attrs["entity_id"])


def test_country_names_in_every_language_are_one_entity_when_a_gazetteer_says_so():
    countries = {"Corée du Nord": "PRK", "North Korea": "PRK", "Nordkorea": "PRK", "Russie": "RUS"}
    registry = EntityRegistry()
    step = EntityLinkStep(registry=registry, save=False, country_of=lambda name, lang: countries.get(name))
    arts = [
        article("a", "fr", ("Corée du Nord", "LOC", {"country": "PRK"}), ("Pyongyang", "LOC", {"country": "PRK"})),
        article("b", "en", ("North Korea", "LOC", {"country": "PRK"})),
        article("c", "de", ("Nordkorea", "LOC", {"country": "PRK"}), ("Russie", "LOC", {"country": "RUS"})),
    ]
    out = list(step(arts, StepStats(name="entity_link")))
    prk = {ids_of(a)[0] for a in out}
    assert prk == {make_entity_id("LOC", "country:PRK")}
    assert ids_of(out[0])[1] != ids_of(out[0])[0]  # the capital is a place of its own
    entity = registry.get(prk.pop())
    assert entity.variants_by_lang() == {"fr": [("Corée du Nord", 1)], "en": [("North Korea", 1)],
                                         "de": [("Nordkorea", 1)]}  # fmt: skip


def test_places_and_organisations_are_compared_whole_and_acronyms_exactly():
    texas, houston = normalise("Texas", label="LOC"), normalise("Houston, Texas", label="LOC")
    assert compare(texas, houston).tier is None  # no "surname" for places
    abc, bbc = normalise("ABC News", label="ORG"), normalise("BBC News", label="ORG")
    assert compare(abc, bbc).tier is None and "acronyms" in compare(abc, bbc).note
    registry = EntityRegistry()
    ctx = {"country": "GBR"}
    arts = link(
        registry,
        article("a", "en", ("BBC", "ORG", ctx), ("Theresa May", "PER")),
        article("b", "en", ("PCC", "ORG", ctx), ("Theresa May", "PER")),
        article("c", "fr", ("groupe Wagner", "ORG"), ("Evgueni Prigojine", "PER")),
        article("d", "en", ("Wagner Group", "ORG"), ("Yevgeny Prigozhin", "PER")),
    )
    assert ids_of(arts[0])[0] != ids_of(arts[1])[0]
    assert ids_of(arts[2]) == ids_of(arts[3])


def test_an_entity_everyone_co_occurs_with_is_no_evidence():
    registry = EntityRegistry()
    # "France" co-occurs with many people; two different names one vowel apart must not merge through it
    people = "Hollande Valls Fillon Juppé Bayrou Mélenchon Hamon Cazeneuve Royal Hidalgo Taubira Sarkozy Macron Le Pen"
    people += " Ayrault Fabius Montebourg Dati Bertrand Pécresse Wauquiez Estrosi"
    people = people.split()
    link(registry, *(article(f"p{i}", "fr", ("France", "LOC"), (p, "PER")) for i, p in enumerate(people)))
    a, b = link(
        registry,
        article("a", "fr", ("Brel", "PER"), ("France", "LOC")),
        article("b", "fr", ("Borel", "PER"), ("France", "LOC")),
    )
    assert ids_of(a)[1] == ids_of(b)[1]  # France
    assert ids_of(a)[0] != ids_of(b)[0]

    # a partner only these two share is evidence
    c, d = link(
        registry,
        article("c", "fr", ("Gwen Jorgensen", "PER"), ("Flora Duffy", "PER")),
        article("d", "fr", ("Jorgenson", "PER"), ("Flora Duffy", "PER")),
    )
    assert ids_of(c)[0] == ids_of(d)[0]


def test_entities_that_later_context_confirms_are_consolidated(sqlite_store):
    registry = open_registry(sqlite_store)
    role = {"role": "secrétaire d'État", "country": "USA"}
    a, b = link(registry, article("a", "fr", ("Antony Blinken", "PER", role)), article("b", "fr", ("Blinkin", "PER")))
    assert ids_of(a) != ids_of(b)  # nothing said who Blinkin was
    step = EntityLinkStep(registry=registry, save=False)
    stats = StepStats(name="entity_link")
    (c,) = step([article("c", "fr", ("Blinkin", "PER", role))], stats)
    assert stats.counters["entities_consolidated"] == 1
    entity = registry.get(ids_of(a)[0])
    assert {v.text for v in entity.variants.values()} == {"Antony Blinken", "Blinkin"}
    assert entity.canonical == "Antony Blinken" and entity.mentions == 3
    assert entity.merges[-1]["why"]["consolidated"] and "same country USA" in entity.merges[-1]["why"]["evidence"]
    assert registry.get(ids_of(b)[0]) is entity and registry.get(ids_of(c)[0]) is entity  # absorbed ids resolve
    assert registry.find(ids_of(a)[0]) == registry.find(ids_of(b)[0]) == [entity]
    registry.save()
    again = open_registry(sqlite_store)
    assert again.get(ids_of(b)[0]).id == again.get(ids_of(a)[0]).id == entity.id
    assert len(again.entities) == 1
