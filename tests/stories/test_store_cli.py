"""Stories persisted in the SQLite store: the pipeline step, backfill equals streaming, and the CLI."""

from __future__ import annotations

import copy
import json

import feedparser
import pytest
from click.testing import CliRunner

from newsdesk.article import Span
from newsdesk.cli import main
from newsdesk.cli_stories import register
from newsdesk.pipeline import Pipeline
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.store.writer import StoreWriter
from newsdesk.stories import Featurizer
from newsdesk.stories.step import StoryStep
from newsdesk.stories.store import StoryReader, recluster_store
from story_helpers import ALERTS, GivenLanguages, hashed_encoder


def _ingest(store: SQLiteStore, articles, *, chunk: int) -> dict[str, str]:
    out = {}
    for i in range(0, len(articles), chunk):
        step = StoryStep(store=store, encoder=hashed_encoder, config=ALERTS)
        pipeline = Pipeline([GivenLanguages(), step, StoreWriter(store=store)])
        result = pipeline.run(copy.deepcopy(articles[i : i + chunk]), keep=True)
        out.update({a.id: a.story_id for a in result.articles})
    return out


@pytest.fixture
def db(tmp_path, handmade):
    path = tmp_path / "stories.db"
    with SQLiteStore(path) as store:
        _ingest(store, [a for a, _ in handmade], chunk=5)
    return path


def test_story_step_persists_stories_and_sets_story_ids(db, handmade):
    with SQLiteStore(db) as store:
        assert "0300_stories" in store.applied_migrations()
        stored = {a.id: a.story_id for a in store.iter_articles()}
        assert len(stored) == len(handmade) and all(stored.values())
        assert stored["en-iphone-1-copy"] == stored["en-iphone-1"]
        reader = StoryReader(store)
        story = reader.get(stored["en-iphone-1"])
        assert story.n_articles == 3 and story.n_copies == 1
        assert [m.article_id for m in story.members if m.is_copy] == ["en-iphone-1-copy"]
        assert story.members[1].copy_of == "en-iphone-1"
        listed = reader.list(limit=100)
        assert sum(s.n_articles for s in listed) == len(handmade)
        assert listed[0].n_articles >= listed[-1].n_articles
        assert reader.alerts()  # the low test thresholds make the busiest stories alert
        recent = reader.list(limit=100, recent_first=True)
        assert [s.last_seen for s in recent] == sorted((s.last_seen for s in listed), reverse=True)


def test_backfill_from_store_equals_streamed_runs(db):
    with SQLiteStore(db) as store:
        streamed = {a.id: a.story_id for a in store.iter_articles()}
        rows_before = [tuple(r) for r in store.conn.execute("SELECT * FROM stories ORDER BY id")]
        results = recluster_store(store, featurizer=Featurizer(encoder=hashed_encoder), config=ALERTS)
        assert {r.article_id: r.story_id for r in results} == streamed
        assert [tuple(r) for r in store.conn.execute("SELECT * FROM stories ORDER BY id")] == rows_before
        assert {a.id: a.story_id for a in store.iter_articles()} == streamed


def _cli(db, *args):
    register(main)
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_lists_stories_as_json_csv_and_table(db):
    stories = json.loads(_cli(db, "stories", "--since", "2026-03-01", "--json"))
    assert stories and {"id", "title", "articles", "copies", "languages", "growth_rate"} <= stories[0].keys()
    assert stories[0]["articles"] >= stories[-1]["articles"]
    csv_out = _cli(db, "stories", "--since", "2026-03-01", "--csv")
    assert csv_out.splitlines()[0].startswith("id,title,articles,copies,languages")
    assert "stories" in _cli(db, "stories", "--since", "2026-03-01")
    assert json.loads(_cli(db, "stories", "--since", "2099-01-01", "--json")) == []


def test_cli_story_shows_timeline_languages_and_folded_copies(db):
    with SQLiteStore(db) as store:
        story_id = store.get_article("en-iphone-1").story_id
    out = _cli(db, "story", story_id)
    assert "Apple unveils new iPhone" in out
    assert "[1 copy]" in out and "en-iphone-1-copy" not in out
    assert "articles per hour" in out and "█" in out
    data = json.loads(_cli(db, "story", story_id, "--json"))
    assert sum(sum(b["by_lang"].values()) for b in data["timeline"]) == 3
    result = CliRunner().invoke(main, ["--db", str(db), "story", "nope"])
    assert result.exit_code != 0 and "no story" in result.output


def test_cli_alerts_atom_feed_parses(db):
    feed = feedparser.parse(_cli(db, "alerts", "--since", "2026-01-01", "--atom"))
    assert not feed.bozo and feed.entries
    assert all(e.title.startswith("Breaking: ") for e in feed.entries)
    rows = json.loads(_cli(db, "alerts", "--since", "2026-01-01", "--json"))
    assert len(rows) == len(feed.entries)


def _quote(article, evidence: str, *, speaker: str | None, kind: str = "indirect", speaker_id: str | None = None):
    start = article.text.index(evidence)
    attrs = {"kind": kind, "verb": "say", "speaker": speaker, "speaker_name": speaker, "speaker_id": speaker_id,
             "reason": None if speaker else "no subject"}  # fmt: skip
    return Span(start=start, end=start + len(evidence), label="QUOTE", attrs=attrs)


def test_story_rolls_up_speakers_of_member_quotes_without_counting_copies(tmp_path, handmade):
    articles = {a.id: copy.deepcopy(a) for a, _ in handmade}
    phone = "The phone will go on sale in the United States next week at the same price as last year's model"
    for aid in ("en-iphone-1", "en-iphone-1-copy"):
        articles[aid].add_spans("quotes", [_quote(articles[aid], phone, speaker="Tim Cook", speaker_id="Q-cook")])
    claim = "a claim reviewers will test in the coming weeks"
    battery = "Apple's new iPhone promises a battery that lasts a day longer than its predecessor"
    articles["en-iphone-2"].add_spans("quotes", [
        _quote(articles["en-iphone-2"], battery, speaker="Cook", speaker_id="Q-cook", kind="direct"),
        _quote(articles["en-iphone-2"], claim, speaker=None),
    ])  # fmt: skip
    path = tmp_path / "quotes.db"
    with SQLiteStore(path) as store:
        ids = _ingest(store, list(articles.values()), chunk=8)
    data = json.loads(_cli(path, "story", ids["en-iphone-1"], "--json"))
    assert data["speakers"] == [
        {"name": "Tim Cook", "speaker_id": "Q-cook", "quotes": 2, "articles": 2, "example": battery}
    ]
    out = _cli(path, "story", ids["en-iphone-1"])
    assert "quoted: Tim Cook (2 quotes)" in out and "Apple's new iPhone promises a battery" in out
    other = json.loads(_cli(path, "story", ids["en-shoigu-1"], "--json"))
    assert other["speakers"] == []


def test_stories_on_postgresql_equal_sqlite(tmp_path, handmade, pg_store):
    def rows(store) -> list[tuple]:
        return [tuple(r) for r in store.conn.execute("SELECT * FROM stories ORDER BY id")]

    with SQLiteStore(tmp_path / "s.db") as lite:
        expected = _ingest(lite, [a for a, _ in handmade], chunk=5)
        lite_reader = StoryReader(lite)
        lite_list = [s.to_dict() for s in lite_reader.list(limit=100)]
        lite_story = lite_reader.get(expected["en-iphone-1"]).to_dict(with_members=True)
        lite_alerts = [(a.story_id, a.at, a.rate) for a in lite_reader.alerts()]
        lite_rows = rows(lite)
    got = _ingest(pg_store, [a for a, _ in handmade], chunk=5)
    assert got == expected
    reader = StoryReader(pg_store)
    assert [s.to_dict() for s in reader.list(limit=100)] == lite_list
    assert reader.get(expected["en-iphone-1"]).to_dict(with_members=True) == lite_story
    assert [(a.story_id, a.at, a.rate) for a in reader.alerts()] == lite_alerts
    assert {a.id: a.story_id for a in pg_store.iter_articles()} == expected
    assert [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows(pg_store)] == lite_rows
    # a backfill on PostgreSQL gives the streamed stories again
    results = recluster_store(pg_store, featurizer=Featurizer(encoder=hashed_encoder), config=ALERTS)
    assert {r.article_id: r.story_id for r in results} == expected
