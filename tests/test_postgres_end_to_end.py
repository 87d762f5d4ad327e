"""`newsdesk` on PostgreSQL gives what it gives on SQLite: the same sample articles ingested with analysis
into both stores, then search, show, quotes, entities, stories and stats compared command by command."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"

SEARCHES = ["Apple", "iPhone OR iTunes", '"Steve Jobs"', "attaque", "mosquée*", "Drome", "traineau"]


def _pick(path: Path, n: int) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()[:n]


def _cli(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _json(db: str, *args: str):
    return json.loads(_cli(db, *args, "--json"))


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_url):
    """The same eight sample articles (English Apple timeline, French news) ingested into SQLite and PostgreSQL."""
    import psycopg

    if not SAMPLE.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLE}")
    tmp = tmp_path_factory.mktemp("pg-e2e")
    source = tmp / "sample.jsonl"
    lines = _pick(SAMPLE / "wikinews-en-timelines.jsonl", 5) + _pick(SAMPLE / "wikinews-fr.jsonl", 3)
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    schema = f"newsdesk_e2e_{uuid.uuid4().hex[:10]}"
    dbs = {"sqlite": str(tmp / "e2e.db"), "postgres": f"{pg_url}?options=-csearch_path%3D{schema}"}
    runs = {name: _json(db, "ingest", str(source)) for name, db in dbs.items()}
    yield dbs, runs, source
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _counters(run: dict) -> dict[str, dict]:
    return {s["name"]: s["counters"] for s in run["steps"]}


def test_ingest_counts_the_same_on_both(both):
    _, runs, _ = both
    lite, pg = _counters(runs["sqlite"]), _counters(runs["postgres"])
    assert pg["store"]["new"] == lite["store"]["new"] == 8
    assert pg == lite  # every step counted the same: entities linked, quotes, stories


def test_reingest_adds_nothing_on_postgresql(both):
    dbs, _, source = both
    again = _counters(_json(dbs["postgres"], "ingest", str(source)))
    assert again["store"].get("new", 0) == 0 and again["store"].get("updated", 0) == 0
    stats = _json(dbs["postgres"], "stats")[0]
    assert stats["articles"] == 8 and stats["runs"] == 2


def test_search_finds_the_same_articles(both):
    dbs, _, _ = both
    for words in SEARCHES:
        lite = _json(dbs["sqlite"], "search", words, "--limit", "50")
        pg = _json(dbs["postgres"], "search", words, "--limit", "50")
        assert lite, words
        assert sorted(h["id"] for h in pg) == sorted(h["id"] for h in lite), words
        assert all("[" in h["snippet"] for h in pg if h.get("snippet")), words


def test_show_and_export_are_identical(both):
    dbs, _, _ = both
    [first] = _json(dbs["sqlite"], "search", '"Steve Jobs"', "--limit", "1")
    assert _json(dbs["postgres"], "show", first["id"]) == _json(dbs["sqlite"], "show", first["id"])
    assert _cli(dbs["postgres"], "export") == _cli(dbs["sqlite"], "export")


def test_quotes_by_a_speaker_are_identical(both):
    dbs, _, _ = both
    every = _json(dbs["sqlite"], "quotes", "--limit", "500")
    assert _json(dbs["postgres"], "quotes", "--limit", "500") == every
    speakers = sorted({q["speaker_name"] for q in every if q["speaker_name"]})
    assert speakers
    for name in speakers[:3]:
        assert _json(dbs["postgres"], "quotes", "--by", name) == _json(dbs["sqlite"], "quotes", "--by", name)


def test_entities_and_stories_are_identical(both):
    dbs, _, _ = both
    entities = _json(dbs["sqlite"], "entities", "--limit", "1000")
    assert entities and _json(dbs["postgres"], "entities", "--limit", "1000") == entities
    stories = _json(dbs["sqlite"], "stories", "--since", "2000-01-01", "--limit", "100")
    assert stories and _json(dbs["postgres"], "stories", "--since", "2000-01-01", "--limit", "100") == stories
    story = stories[0]["id"]
    assert _json(dbs["postgres"], "story", story) == _json(dbs["sqlite"], "story", story)
