"""Stored quotes: the quotes table follows the spans, and `newsdesk quotes` finds them."""

from __future__ import annotations

import json
from datetime import datetime

import click
from click.testing import CliRunner

from newsdesk.article import Article, Span
from newsdesk.cli import main
from newsdesk.cli_quotes import quotes as quotes_command
from newsdesk.store.quotes import QUOTE_MIGRATIONS, search_quotes
from newsdesk.store.sqlite import SQLiteStore

TEXT_FR = (
    "Le porte-parole John Kirby a parlé jeudi. « C'est un nouvel exemple du désespoir de M. Poutine », "
    "a déclaré Kirby. La Maison Blanche a déclaré que la Corée du Nord vendait des munitions."
)
TEXT_EN = '"We will rebuild the port," said Mayor Anne Hidalgo. Putin did not comment.'


def _quote(text: str, evidence: str, **attrs) -> Span:
    start = text.index(evidence)
    return Span(start=start, end=start + len(evidence), label="QUOTE", attrs=attrs)


def _articles() -> list[Article]:
    fr = Article(id="fr1", source="t", text=TEXT_FR, lang="fr", story_id="s1", published=datetime(2023, 8, 3))
    fr.add_spans(
        "quotes",
        [
            _quote(TEXT_FR, "« C'est un nouvel exemple du désespoir de M. Poutine »", kind="direct",
                   verb="déclarer", speaker="Kirby", speaker_name="John Kirby", speaker_id="Q1",
                   speaker_role="porte-parole"),
            _quote(TEXT_FR, "que la Corée du Nord vendait des munitions", kind="indirect", verb="déclarer",
                   speaker="La Maison Blanche", speaker_name="Maison Blanche", speaker_id=None, speaker_role=None),
        ],
    )  # fmt: skip
    en = Article(id="en1", source="t", text=TEXT_EN, lang="en", story_id="s2", published=datetime(2023, 8, 4))
    en.add_spans(
        "quotes",
        [_quote(TEXT_EN, '"We will rebuild the port,"', kind="direct", verb="say", speaker="Mayor Anne Hidalgo",
                speaker_name="Anne Hidalgo", speaker_id=None, speaker_role="Mayor")],
    )  # fmt: skip
    return [fr, en]


def _store(tmp_path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "q.db")
    store.migrate(QUOTE_MIGRATIONS)
    return store


def test_quotes_follow_the_stored_spans(any_store) -> None:
    store = any_store  # SQLite, then PostgreSQL
    store.migrate(QUOTE_MIGRATIONS)
    store.upsert_articles(_articles())
    hits = search_quotes(store, by="kirby")
    assert [h.text for h in hits] == ["« C'est un nouvel exemple du désespoir de M. Poutine »"]
    assert hits[0].speaker_role == "porte-parole" and hits[0].story_id == "s1"
    assert TEXT_FR[hits[0].start : hits[0].end] == hits[0].text
    assert [h.speaker_name for h in search_quotes(store, by="Q1")] == ["John Kirby"]
    # about: the full name or its last word, accents ignored
    assert [h.speaker_name for h in search_quotes(store, about="Vladimir Poutine")] == ["John Kirby"]
    assert [h.article_id for h in search_quotes(store, text="coree munitions")] == ["fr1"]
    assert {h.article_id for h in search_quotes(store, story="s2")} == {"en1"}
    assert search_quotes(store, by="Hidalgo", story="s1") == []

    # re-storing an article replaces its quotes
    fr = _articles()[0]
    fr.spans["quotes"] = fr.spans["quotes"][1:]
    store.upsert_articles([fr])
    assert search_quotes(store, by="Kirby") == []
    assert len(search_quotes(store)) == 2


def test_migration_copies_quotes_stored_before_it(tmp_path) -> None:
    store = SQLiteStore(tmp_path / "q.db")
    store.upsert_articles(_articles())
    assert [h.speaker_name for h in search_quotes(store, by="Anne")] == ["Anne Hidalgo"]
    assert "0100_quotes" in store.applied_migrations()
    store.close()


def test_quotes_command(tmp_path) -> None:
    group = click.Group(
        commands={**main.commands, "quotes": quotes_command}, params=main.params, callback=main.callback
    )
    store = _store(tmp_path)
    store.upsert_articles(_articles())
    store.close()
    db = str(tmp_path / "q.db")
    result = CliRunner().invoke(group, ["--db", db, "quotes", "--by", "Kirby", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 1 and rows[0]["speaker_name"] == "John Kirby" and rows[0]["verb"] == "déclarer"
    result = CliRunner().invoke(group, ["--db", db, "quotes", "rebuild", "--csv"], catch_exceptions=False)
    assert "Anne Hidalgo" in result.output and "Kirby" not in result.output
    result = CliRunner().invoke(group, ["--db", db, "quotes", "--about", "Poutine", "--csv"], catch_exceptions=False)
    assert result.exit_code == 0 and "John Kirby" in result.output
