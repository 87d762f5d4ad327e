"""`newsdesk events` and the `/events` page (with its `.json` twin) over a store of hand-made event spans."""

from __future__ import annotations

import json
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.store.sqlite import SQLiteStore
from test_events_store import TEXT_GAZA, event_articles


@pytest.fixture
def events_db(tmp_path) -> str:
    path = tmp_path / "events.db"
    with SQLiteStore(path) as store:
        store.upsert_articles(event_articles())
    return str(path)


def _cli(db: str, *args: str):
    return CliRunner().invoke(main, ["--db", db, "events", *args], env={"COLUMNS": "250"})  # table rows unwrapped


def test_events_command(events_db) -> None:
    result = _cli(events_db, "--country", "RUS", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["article_id"], r["trigger"], r["target"]) for r in rows] == [
        ("fr-odessa", "condamné", "russe [RUS]"), ("fr-odessa", "critiqué", "Moscou [RUS GOV]"),
        ("en-plant", "accused", "Ukraine [UKR]"),
    ]  # fmt: skip
    assert rows[1]["text"] == "La Première ministre Élisabeth Borne a critiqué Moscou."
    table = _cli(events_db, "--type", "assault", "--story", "s1").output
    assert "2 events" in table and "Israeli troops [ISR MIL]" in table and "not ASSAULT (190)" in table
    assert "Hamas did not attack the convoy." in table and "Kyiv" not in table
    csv = _cli(events_db, "--actor", "Macron", "--cameo", "11", "--csv").output.splitlines()
    assert len(csv) == 2 and csv[0].startswith("article_id,start,end,text,plover,cameo")
    assert "Emmanuel Macron [FRA GOV]" in csv[1]
    assert json.loads(_cli(events_db, "--lang", "en", "--limit", "1", "--json").output)[0]["trigger"] == "accused"
    assert json.loads(_cli(events_db, "--since", "2026-03-03", "--json").output)[0]["article_id"] == "fr-odessa"
    wrong = _cli(events_db, "--type", "SAY")
    assert wrong.exit_code == 1 and "unknown PLOVER type 'SAY'" in wrong.output and "ASSAULT" in wrong.output


class _Marks(HTMLParser):
    """The text of each `<mark>` by its group, and the links, of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: dict[str, list[str]] = defaultdict(list)
        self.links: list[str] = []
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark":
            self._open.append(a["data-group"] or "")
            self.marks[self._open[-1]].append("")
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for group in self._open:
            self.marks[group][-1] += data


@pytest.fixture
def client(events_db):
    from fastapi.testclient import TestClient

    from newsdesk.api import create_app

    with TestClient(create_app(events_db)) as test_client:
        yield test_client


def test_events_page_and_json_twin(client) -> None:
    data = client.get("/events.json", params={"type": "ASSAULT"}).json()
    assert data["filters"]["type"] == "ASSAULT"
    assert [(e["article_id"], e["trigger"], e["negated"]) for e in data["events"]] == [
        ("en-gaza", "attacked", False), ("en-gaza", "attack", True)]
    for event in data["events"]:
        assert TEXT_GAZA[event["start"] : event["end"]] == event["text"]

    html = client.get("/events", params={"type": "ASSAULT", "actor": "hamas"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    page = _Marks(html.text)
    hamas = data["events"][1]
    assert f"/articles/en-gaza#events-{hamas['start']}-{hamas['end']}" in page.links
    assert "/entities/Q38799" in page.links  # the actor linked to its entity page
    assert page.marks["trigger"] == ["attack"]  # the trigger marked in its sentence
    assert page.marks["actor"] == ["Hamas", "the convoy"]
    assert "<mark " in html.text and "<mark id=" not in html.text  # sentence offsets repeat: no mark ids
    assert "not ASSAULT" in html.text and "Israeli troops" not in html.text
    assert '<option selected>ASSAULT</option>' in html.text and "/events" in _Marks(client.get("/").text).links

    french = client.get("/events.json", params={"lang": "fr", "country": "rus", "cameo": "", "limit": 1}).json()
    assert [e["trigger"] for e in french["events"]] == ["condamné"]
    assert client.get("/events.json", params={"story": "s2", "since": "2026-03-04"}).json()["events"] == []


def test_events_page_rejects_unknown_filters(client) -> None:
    wrong = client.get("/events.json", params={"type": "SAY"})
    assert wrong.status_code == 400 and "unknown PLOVER type" in wrong.json()["error"]
    assert client.get("/events", params={"country": "France"}).status_code == 400
    assert client.get("/events.json", params={"since": "someday"}).status_code == 400


def test_events_page_is_the_same_on_postgres(client, pg_url, pg_schema) -> None:
    from fastapi.testclient import TestClient

    from newsdesk.api import create_app
    from newsdesk.store import open_store

    url = f"{pg_url}{'&' if '?' in pg_url else '?'}options=-csearch_path%3D{pg_schema}"
    with open_store(url) as store:
        store.upsert_articles(event_articles())
    queries = [{}, {"type": "accuse", "country": "RUS"}, {"actor": "élisabeth"}, {"cameo": "19", "story": "s1"},
               {"lang": "fr", "limit": 2}]  # fmt: skip
    with TestClient(create_app(url)) as pg_client:
        for params in queries:
            on_postgres = pg_client.get("/events.json", params=params)
            assert on_postgres.status_code == 200, on_postgres.text
            assert on_postgres.json() == client.get("/events.json", params=params).json()
            assert on_postgres.json()["events"]
        page = _Marks(pg_client.get("/events", params={"actor": "Q38799"}).text)
        assert page.marks["trigger"] == ["attack"] and "/entities/Q38799" in page.links


def test_show_says_who_did_what_to_whom(events_db) -> None:
    result = CliRunner().invoke(main, ["--db", events_db, "show", "fr-odessa"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "(critiqué)" in x)
    assert "EVENT: La Première ministre Élisabeth Borne a critiqué Moscou." in line
    assert line.endswith("— ACCUSE 111 (critiqué): Élisabeth Borne [FRA GOV] → Moscou [RUS GOV]")
