"""The entity commands: list, show with why, force a merge, undo it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsdesk.article import Article, Span
from newsdesk.cli import main
from newsdesk.nlp.link import EntityLinkStep
from newsdesk.pipeline import StepStats
from newsdesk.store.entities import open_registry
from newsdesk.store.sqlite import SQLiteStore


def _article(aid: str, lang: str, *names: tuple[str, str, dict]) -> Article:
    text, spans = "", []
    for name, label, extra in names:
        text += ("; " if text else "") + name
        attrs = {"text": name, "name": name, "role": None, "country": None, **extra}
        spans.append(Span(start=len(text) - len(name), end=len(text), label=label, attrs=attrs))
    art = Article(id=aid, source="test", text=text, lang=lang)
    art.add_spans("entities", spans)
    return art


def _db(tmp_path):
    path = tmp_path / "e.db"
    store = SQLiteStore(path)
    registry = open_registry(store)
    role = {"role": "ministre russe de la Défense", "country": "RUS"}
    step = EntityLinkStep(registry=registry)
    articles = [
        _article("a", "fr", ("Sergueï Choïgou", "PER", role), ("Wagner", "ORG", {})),
        _article("b", "en", ("Sergei Shoigu", "PER", {}), ("Blinken", "PER", {})),
        _article("c", "ru", ("Шойгу", "PER", {})),
        _article("d", "de", ("Blinkin", "PER", {})),
    ]
    list(step(articles, StepStats(name="entity_link")))
    store.close()
    return str(path)


def run(db, *args):
    result = CliRunner().invoke(main, ["--db", db, *args])
    return result


def test_entities_list_and_show_with_variants_roles_and_why(tmp_path):
    db = _db(tmp_path)
    listed = json.loads(run(db, "entities", "--json").output)
    shoigu = next(e for e in listed if e["name"] == "Sergueï Choïgou")
    assert shoigu["mentions"] == 3 and set(shoigu["langs"]) == {"en", "fr", "ru"}
    assert shoigu["variants"] == ["Sergei Shoigu", "Шойгу"] and shoigu["role"] == "ministre russe de la Défense"
    orgs = json.loads(run(db, "entities", "--type", "ORG", "--json").output)
    assert [e["name"] for e in orgs] == ["Wagner"]
    assert {e["name"] for e in json.loads(run(db, "entities", "--lang", "ru", "--json").output)} == {
        "Sergueï Choïgou"
    }  # fmt: skip
    assert run(db, "entities", "--csv").output.splitlines()[0].startswith("id,type,name,country")
    top = json.loads(run(db, "entities", "--limit", "1", "--json").output)
    assert [e["name"] for e in top] == ["Sergueï Choïgou"]  # the most mentioned first
    assert "1 of 4 entities" in run(db, "entities", "--limit", "1").output

    shown = run(db, "entity", "Шойгу")
    assert shown.exit_code == 0, shown.output
    assert "ru: Шойгу (1)" in shown.output and "ministre russe de la Défense [fr]" in shown.output
    assert "Шойгу [ru]: identical (shoigu ~ sergei shoigu" in shown.output
    assert run(db, "entity", "Nobody").exit_code == 1


def test_merge_and_split_from_the_command_line(tmp_path):
    db = _db(tmp_path)
    merged = run(db, "entity-merge", "Blinken", "Blinkin", "--note", "typo")
    assert merged.exit_code == 0, merged.output
    record = json.loads(run(db, "entity", "Blinkin", "--json").output)[0]
    assert {v["text"] for v in record["variants"]} == {"Blinken", "Blinkin"}
    assert record["merges"][-1]["why"]["note"] == "typo"

    split = run(db, "entity-split", record["id"], "Blinkin")
    assert split.exit_code == 0, split.output
    assert len(json.loads(run(db, "entity", "Blinkin", "--json").output)) == 1
    assert json.loads(run(db, "entity", "Blinken", "--json").output)[0]["id"] == record["id"]
    again = run(db, "entity-merge", "Blinken", "Blinken")
    assert again.exit_code == 1 and "already the same entity" in again.output
