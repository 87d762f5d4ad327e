"""Timelines, growth rates, breaking-story alerts and their Atom feed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import feedparser

from newsdesk.article import Article
from newsdesk.cluster_score import bcubed, pairwise, pearson
from newsdesk.stories import Alert, AlertConfig, ClusterConfig, Clusterer, Featurizer, atom_feed, growth, timeline
from newsdesk.stories.timeline import hour_histogram, is_breaking
from story_helpers import hashed_encoder

T0 = datetime(2026, 3, 2, 8, tzinfo=timezone.utc)


def test_growth_compares_recent_span_with_the_span_before():
    hours = hour_histogram([T0 - timedelta(hours=4)] + [T0 - timedelta(minutes=m) for m in (0, 30, 70, 100, 110)])
    ref = int(T0.timestamp() // 3600)
    g = growth(hours, ref_hour=ref, span_hours=3)
    assert (g.recent, g.previous, g.rate) == (5, 1, 5.0)
    quiet = growth(hours, ref_hour=ref + 10, span_hours=3)
    assert (quiet.recent, quiet.previous, quiet.rate) == (0, 0, 0.0)
    config = AlertConfig(span_hours=3, min_recent=5, min_rate=3.0, min_sources=2)
    assert is_breaking(g, n_sources=3, config=config)
    assert not is_breaking(g, n_sources=1, config=config)


def test_timeline_buckets_by_hour_and_day_with_gaps_filled():
    members = [(T0, "en"), (T0 + timedelta(minutes=20), "fr"), (T0 + timedelta(hours=2, minutes=5), "en")]
    hourly = timeline(members, unit="hour")
    assert [(start.hour, counts) for start, counts in hourly] == [(8, {"en": 1, "fr": 1}), (9, {}), (10, {"en": 1})]
    daily = timeline(members + [(T0 + timedelta(days=1), "fr")], unit="day")
    assert [counts for _, counts in daily] == [{"en": 2, "fr": 1}, {"fr": 1}]


def _burst() -> list[Article]:
    """A quiet story (one article a day), then seven articles from several outlets in two hours."""
    text = "Dam collapse floods villages in the valley, rescuers say, as water levels keep rising."
    out = [Article(id=f"q{i}", source="local", lang="en", title="Dam under strain", text=text,
                   published=T0 - timedelta(days=2 - i)) for i in range(2)]  # fmt: skip
    out += [Article(id=f"b{i}", source=f"outlet{i % 4}", lang="en", title="Dam collapse floods villages", text=text,
                    published=T0 + timedelta(minutes=15 * i)) for i in range(7)]  # fmt: skip
    out += [Article(id="late", source="outlet1", lang="en", title="Dam collapse floods villages", text=text,
                    published=T0 + timedelta(hours=5))]  # fmt: skip
    return out


def test_breaking_alert_fires_once_when_growth_crosses_the_threshold():
    config = ClusterConfig(alerts=AlertConfig(span_hours=3, min_recent=5, min_rate=3.0, min_sources=2))
    clusterer = Clusterer(featurizer=Featurizer(encoder=hashed_encoder), config=config)
    stories = {r.story_id for _, r in clusterer.add_articles(_burst())}
    assert len(stories) == 1
    assert clusterer.save() == 1
    alerts = clusterer.repo.alerts
    assert len(alerts) == 1  # the 5th burst article crosses; the cooldown stops repeats
    alert = alerts[0]
    assert alert.at == T0 + timedelta(minutes=60) and alert.recent == 5 and alert.previous == 0


def test_atom_feed_is_valid_and_lists_alerts_newest_first():
    alerts = [
        Alert(story_id="s1", at=T0, title="Dam collapse <floods> villages & towns", recent=6, previous=1, rate=6.0,
              n_articles=9, languages=["en", "fr"]),
        Alert(story_id="s2", at=T0 + timedelta(hours=1), title="ECB raises rates", recent=5, previous=0, rate=5.0,
              n_articles=5, languages=["en"]),
    ]  # fmt: skip
    xml = atom_feed(alerts)
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    assert titles == ["Breaking: ECB raises rates", "Breaking: Dam collapse <floods> villages & towns"]
    assert feed.entries[1].id.startswith("urn:newsdesk:alert:s1:")
    assert feed.entries[1].updated_parsed[:4] == (2026, 3, 2, 8)
    assert "6 articles" in feed.entries[1].summary
    assert not feedparser.parse(atom_feed([])).bozo
    linked = feedparser.parse(atom_feed(alerts, entry_link=lambda a: f"http://localhost/stories/{a.story_id}"))
    assert [e.link for e in linked.entries] == ["http://localhost/stories/s2", "http://localhost/stories/s1"]


def test_scores_on_known_cases():
    gold = [{"a", "b", "c"}, {"d", "e"}]
    assert bcubed(gold, gold).f1 == 1.0
    merged = [{"a", "b", "c", "d", "e"}]
    b = bcubed(merged, gold)
    assert b.recall == 1.0 and abs(b.precision - (3 * 3 / 5 + 2 * 2 / 5) / 5) < 1e-9
    p = pairwise(merged, gold)
    assert p.recall == 1.0 and abs(p.precision - 4 / 10) < 1e-9
    split = [{"a"}, {"b"}, {"c"}, {"d"}, {"e"}]
    assert bcubed(split, gold).precision == 1.0 and pairwise(split, gold).recall == 0.0
    assert abs(pearson([1, 2, 3], [2, 4, 7]) - 0.9933992677987828) < 1e-12
