import json

import pytest
from click.testing import CliRunner

from newsdesk.cli import main

RECORDS = [
    {
        "id": "fr-1",
        "title": "La grève des dockers",
        "text": "Les dockers de Marseille sont en grève depuis lundi, "
        "a déclaré le syndicat. Le port est bloqué et les navires attendent au large.",
        "published": "2023-07-25",
        "url": "https://example.org/fr-1",
    },
    {
        "id": "en-1",
        "title": "Dockers strike in Marseille",
        "text": "Dockers in Marseille have been on strike since "
        "Monday, the union said. The port is blocked and ships are waiting offshore.",
        "published": "2023-07-26",
    },
    {
        "id": "en-2",
        "title": "Wine harvest begins",
        "text": "The wine harvest has begun early in Bordeaux this year because of the heat, growers said on Thursday.",
        "published": "2023-07-27",
    },
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\nnot json at all\n", encoding="utf-8")
    return path


def run(db, *args, input=None):
    result = CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)
    return result


def test_ingest_then_reingest_adds_nothing(tmp_path, corpus):
    db = tmp_path / "n.db"
    first = run(db, "ingest", str(corpus), "--no-analysis")
    assert first.exit_code == 0, first.output
    assert "3 new" in first.output and "1 quarantined" in first.output
    second = run(db, "ingest", str(corpus), "--no-analysis")
    assert "0 new, 0 updated" in second.output
    stats = json.loads(run(db, "stats", "--json").output)[0]
    assert stats["articles"] == 3 and stats["quarantined"] == 1 and stats["runs"] == 2
    assert stats["by_lang"] == {"en": 2, "fr": 1}


def test_search_show_export(tmp_path, corpus):
    db = tmp_path / "n.db"
    run(db, "ingest", str(corpus), "--no-analysis")
    hits = json.loads(run(db, "search", "dockers", "--json").output)
    assert {h["id"] for h in hits} == {"fr-1", "en-1"}
    assert [h["id"] for h in json.loads(run(db, "search", "dockers", "--lang", "fr", "--json").output)] == ["fr-1"]
    since = json.loads(run(db, "search", "dockers", "--since", "2023-07-26", "--json").output)
    assert [h["id"] for h in since] == ["en-1"]
    csv_out = run(db, "search", "harvest", "--csv").output.splitlines()
    assert csv_out[0].startswith("id,published,lang,title") and csv_out[1].startswith("en-2,")
    shown = run(db, "show", "fr-1")
    assert "La grève des dockers" in shown.output and "2023-07-25" in shown.output
    exported = [json.loads(line) for line in run(db, "export", "--lang", "en").output.splitlines()]
    assert [a["id"] for a in exported] == ["en-2", "en-1"]
    assert exported[0]["text"] == RECORDS[2]["text"]
    assert [json.loads(x)["id"] for x in run(db, "export", "--ids", "fr-1").output.splitlines()] == ["fr-1"]


def test_export_reads_back_with_ids_kept(tmp_path, corpus):
    db, db2 = tmp_path / "a.db", tmp_path / "b.db"
    run(db, "ingest", str(corpus), "--no-analysis")
    dump = tmp_path / "dump.jsonl"
    run(db, "export", "-o", str(dump))
    assert "3 new" in run(db2, "ingest", str(dump), "--no-analysis").output
    assert run(db2, "show", "en-1", "--json").output == run(db, "show", "en-1", "--json").output


def test_stdin_and_quarantine_listing(tmp_path):
    db = tmp_path / "n.db"
    out = run(db, "ingest", "-", "--no-analysis", input='{"text": "From standard input, in English."}\n{bad\n')
    assert "1 new" in out.output and "1 quarantined" in out.output
    listing = json.loads(run(db, "stats", "--quarantine", "--json").output)
    assert listing[0]["source"] == "<stdin>:2" and listing[0]["reason"].startswith("invalid JSON")


def test_user_mistakes_are_one_line_errors(tmp_path):
    db = tmp_path / "n.db"
    missing = CliRunner().invoke(main, ["--db", str(db), "ingest", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1
    assert "Error: no such file or folder" in missing.output and "Traceback" not in missing.output
    bad_since = CliRunner().invoke(main, ["--db", str(db), "search", "x", "--since", "someday"])
    assert bad_since.exit_code == 1 and "cannot read --since" in bad_since.output
    assert "no article with id" in CliRunner().invoke(main, ["--db", str(db), "show", "zz"]).output


def test_db_from_environment(tmp_path, corpus, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("NEWSDESK_DB", str(db))
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--no-analysis"])
    assert result.exit_code == 0 and db.exists()
