"""Stored events: `list_events` reads the "events" spans with their articles, filters and orders them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsdesk.article import Article, Span
from newsdesk.errors import InputError
from newsdesk.store.events import actor_summary, list_events

TEXT_EN = "Russia accused Ukraine of shelling the plant on Monday. Kyiv rejected the claim. Prices rose."
TEXT_FR = (
    "Le président Emmanuel Macron a condamné l'attaque russe contre Odessa. "
    "La Première ministre Élisabeth Borne a critiqué Moscou. Paris pourrait envoyer des soldats."
)
TEXT_GAZA = "Israeli troops attacked Gaza City, the army said. Hamas did not attack the convoy."


def _at(text: str, phrase: str, after: int = 0) -> list[int]:
    start = text.index(phrase, after)
    return [start, start + len(phrase)]


def _actor(text: str, phrase: str, *, name=None, entity_id=None, country=None, sector=None, after: int = 0) -> dict:
    return {"text": phrase, "span": _at(text, phrase, after), "name": name, "entity_id": entity_id,
            "country": country, "sector": sector}  # fmt: skip


def _event(text: str, sentence: str, trigger: str, plover: str, cameo: str, cameo_name: str, *, sources=(),
           targets=(), negated=False, hypothetical=False, confidence=0.8) -> Span:  # fmt: skip
    start, end = _at(text, sentence)
    attrs = {"plover": plover, "mode": None, "cameo": cameo, "cameo_name": cameo_name, "quad": None,
             "goldstein": None, "trigger": trigger, "trigger_span": _at(text, trigger, start), "lemma": trigger,
             "sources": list(sources), "targets": list(targets), "negated": negated, "hypothetical": hypothetical,
             "confidence": confidence}  # fmt: skip
    return Span(start=start, end=end, label="EVENT", attrs=attrs)


def event_articles() -> list[Article]:
    """Three articles with hand-made "events" spans (and a quote, which is no event)."""
    en = Article(id="en-plant", source="wire", text=TEXT_EN, lang="en", story_id="s1", title="Plant shelled",
                 url="https://example.org/plant", published=datetime(2026, 3, 2, 9, tzinfo=timezone.utc))  # fmt: skip
    t = TEXT_EN
    en.add_spans("events", [
        _event(t, "Russia accused Ukraine of shelling the plant on Monday.", "accused", "ACCUSE", "112", "Accuse",
               sources=[_actor(t, "Russia", name="Russia", entity_id="Q159", country="RUS")],
               targets=[_actor(t, "Ukraine", name="Ukraine", entity_id="Q212", country="UKR")]),
        _event(t, "Kyiv rejected the claim.", "rejected", "REJECT", "120", "Reject",
               sources=[_actor(t, "Kyiv", name="Kyiv", country="UKR", sector="GOV")]),
    ])  # fmt: skip
    en.add_spans("quotes", [Span(start=0, end=55, label="QUOTE", attrs={"speaker": "Russia"})])
    fr = Article(id="fr-odessa", source="presse", text=TEXT_FR, lang="fr", story_id="s2", title="Odessa",
                 published=datetime(2026, 3, 3, 18, tzinfo=timezone.utc))  # fmt: skip
    t = TEXT_FR
    fr.add_spans("events", [
        _event(t, "Le président Emmanuel Macron a condamné l'attaque russe contre Odessa.", "condamné", "ACCUSE",
               "111", "Criticize or denounce",
               sources=[_actor(t, "Le président Emmanuel Macron", name="Emmanuel Macron", entity_id="Q3052772",
                               country="FRA", sector="GOV")],
               targets=[_actor(t, "russe", country="RUS")]),
        _event(t, "La Première ministre Élisabeth Borne a critiqué Moscou.", "critiqué", "ACCUSE", "111",
               "Criticize or denounce",
               sources=[_actor(t, "La Première ministre Élisabeth Borne", name="Élisabeth Borne", country="FRA",
                               sector="GOV")],
               targets=[_actor(t, "Moscou", name="Moscou", country="RUS", sector="GOV")]),
        _event(t, "Paris pourrait envoyer des soldats.", "envoyer", "MOBILIZE", "154", "Mobilize armed forces",
               sources=[_actor(t, "Paris", name="Paris", country="FRA", sector="GOV")], hypothetical=True,
               confidence=0.4),
    ])  # fmt: skip
    gaza = Article(id="en-gaza", source="wire", text=TEXT_GAZA, lang="en", story_id="s1", title="Gaza",
                   published=datetime(2026, 3, 1, 7, tzinfo=timezone.utc))  # fmt: skip
    t = TEXT_GAZA
    gaza.add_spans("events", [
        _event(t, "Israeli troops attacked Gaza City, the army said.", "attacked", "ASSAULT", "190",
               "Use conventional military force",
               sources=[_actor(t, "Israeli troops", country="ISR", sector="MIL")],
               targets=[_actor(t, "Gaza City", name="Gaza City", country="PSE")]),
        _event(t, "Hamas did not attack the convoy.", "attack", "ASSAULT", "190", "Use conventional military force",
               sources=[_actor(t, "Hamas", name="Hamas", entity_id="Q38799", country="PSE", sector="REB")],
               targets=[_actor(t, "the convoy")], negated=True),
    ])  # fmt: skip
    return [en, fr, gaza]


def test_events_are_listed_newest_first_with_their_evidence(any_store) -> None:
    store = any_store  # SQLite, then PostgreSQL
    articles = {a.id: a for a in event_articles()}
    store.upsert_articles(articles.values())
    hits = list_events(store)
    assert [(h.article_id, h.plover) for h in hits] == [
        ("fr-odessa", "ACCUSE"), ("fr-odessa", "ACCUSE"), ("fr-odessa", "MOBILIZE"),
        ("en-plant", "ACCUSE"), ("en-plant", "REJECT"), ("en-gaza", "ASSAULT"), ("en-gaza", "ASSAULT"),
    ]  # the quote span is not an event
    for h in hits:
        text = articles[h.article_id].text
        assert text[h.start : h.end] == h.text
        s, e = h.trigger_span
        assert h.start <= s < e <= h.end and text[s:e] == h.trigger
    first = hits[3]
    assert (first.source, first.target, first.cameo, first.cameo_name) == ("Russia [RUS]", "Ukraine [UKR]", "112",
                                                                           "Accuse")
    assert (first.title, first.url, first.lang, first.story_id) == ("Plant shelled", "https://example.org/plant",
                                                                    "en", "s1")  # fmt: skip
    assert first.published.startswith("2026-03-02")
    assert hits[-1].negated and not hits[-1].hypothetical and hits[-1].source == "Hamas [PSE REB]"
    assert hits[2].hypothetical and hits[2].confidence == 0.4 and hits[2].target == ""
    assert hits[5].source == "Israeli troops [ISR MIL]"  # no name: the actor as written

    def ids(**filters) -> list[tuple[str, str]]:
        return [(h.article_id, h.trigger) for h in list_events(store, **filters)]

    assert ids(plover="accuse") == [("fr-odessa", "condamné"), ("fr-odessa", "critiqué"), ("en-plant", "accused")]
    assert ids(cameo="11") == ids(plover="ACCUSE")
    assert ids(cameo="112") == [("en-plant", "accused")]
    assert ids(cameo="19") == [("en-gaza", "attacked"), ("en-gaza", "attack")]
    # actor: part of a name or of the text as written, or the entity id, in any case
    assert ids(actor="ukraine") == [("en-plant", "accused")]
    assert ids(actor="q38799") == ids(actor="HAMAS") == [("en-gaza", "attack")]
    assert ids(actor="élisabeth") == ids(actor="ÉLISABETH BORNE") == ids(actor="borne") == [("fr-odessa", "critiqué")]
    assert ids(actor="israeli") == [("en-gaza", "attacked")]
    assert ids(actor="Kherson") == []
    # country: of a source or a target
    assert ids(country="rus") == [("fr-odessa", "condamné"), ("fr-odessa", "critiqué"), ("en-plant", "accused")]
    assert ids(country="UKR") == [("en-plant", "accused"), ("en-plant", "rejected")]
    assert ids(country="RUS", limit=2) == ids(country="RUS")[:2]  # the limit counts the events kept
    assert ids(actor="a", limit=1) == [("fr-odessa", "condamné")]
    assert ids(story="s1", plover="ASSAULT") == [("en-gaza", "attacked"), ("en-gaza", "attack")]
    assert {a for a, _ in ids(lang="fr")} == {"fr-odessa"}
    assert {a for a, _ in ids(since=datetime(2026, 3, 2, tzinfo=timezone.utc))} == {"fr-odessa", "en-plant"}
    assert len(list_events(store, limit=3)) == 3
    assert ids(plover="ACCUSE", country="RUS", actor="macron", lang="fr") == [("fr-odessa", "condamné")]

    # re-storing an article replaces its events
    gaza = articles["en-gaza"]
    gaza.spans["events"] = gaza.spans["events"][:1]
    store.upsert_articles([gaza])
    assert ids(actor="Hamas") == []


def test_wrong_filters_say_what_to_use(sqlite_store) -> None:
    with pytest.raises(InputError, match="unknown PLOVER type 'SAY'"):
        list_events(sqlite_store, plover="say")
    with pytest.raises(InputError, match="CAMEO code is digits"):
        list_events(sqlite_store, cameo="11a")
    with pytest.raises(InputError, match="ISO 3166 alpha-3"):
        list_events(sqlite_store, country="France")


def test_events_with_few_attrs_are_still_listed(sqlite_store) -> None:
    text = "Talks resumed in Doha. Nothing else happened."
    article = Article(id="bare", source="t", text=text, lang="en")
    article.add_spans("events", [Span(start=0, end=22, label="EVENT", attrs={"plover": "CONSULT"})])
    sqlite_store.upsert_articles([article])
    [hit] = list_events(sqlite_store)
    assert (hit.text, hit.plover, hit.cameo, hit.source, hit.target) == ("Talks resumed in Doha.", "CONSULT", None, "",
                                                                         "")
    assert not hit.negated and hit.trigger_span is None and hit.published is None
    assert list_events(sqlite_store, country="QAT") == [] and list_events(sqlite_store, actor="doha") == []


def test_actor_summary() -> None:
    assert actor_summary([{"name": "Sergei Shoigu", "text": "Shoigu", "country": "RUS", "sector": "MIL"},
                          {"text": "Ukraine", "country": "UKR"}, {"text": "the crowd"}]) == (
        "Sergei Shoigu [RUS MIL]; Ukraine [UKR]; the crowd")  # fmt: skip
