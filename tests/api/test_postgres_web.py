"""The web UI and API on a PostgreSQL store: every page answers, and the JSON twins hold the same data
as on the SQLite build of the same articles (search differs only in ranking and snippets)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ids(client) -> dict[str, str]:
    """Entity and story ids to fill the URLs in, read from the SQLite build."""
    entities = client.get("/entities.json", params={"q": "Sergei Shoigu"}).json()["entities"]
    articles = {i: client.get(f"/articles/{i}.json").json()["article"] for i in ("en-iphone-1", "en-shoigu-2")}
    return {"shoigu": entities[0]["id"], "iphone_story": articles["en-iphone-1"]["story_id"],
            "kyiv_story": articles["en-shoigu-2"]["story_id"]}  # fmt: skip


COMPARED = [
    "/",
    "/articles/en-iphone-1",
    "/articles/en-shoigu-1",
    "/articles/markup",
    "/entities",
    "/entities?type=LOC&lang=fr",
    "/entities?q=Shoigu",
    "/entities/{shoigu}",
    "/quotes",
    "/quotes?by=tim cook",
    "/quotes?about=United States",
    "/quotes?about=Kyiv",
    "/quotes?story={kyiv_story}",
    "/quotes?q=sale",
    "/stories?since=2026-03-01",
    "/stories?since=2026-03-01&min_articles=3",
    "/stories/{iphone_story}",
    "/alerts",
]
"""Pages whose JSON twin must be equal on both backends."""

PAGES = [*COMPARED, "/search?q=Kherson", "/search?q=Kherson&lang=fr", "/alerts.atom"]


def _twin(url: str) -> str:
    path, _, query = url.partition("?")
    path = "/index.json" if path == "/" else f"{path}.json"
    return path + (f"?{query}" if query else "")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_and_twin_answers_on_postgres(pg_client, ids, url):
    url = url.format(**ids)
    html = pg_client.get(url)
    assert html.status_code == 200, html.text[-500:]
    if url.startswith("/alerts.atom"):
        assert "<entry>" in html.text
        return
    assert html.headers["content-type"].startswith("text/html")
    twin = pg_client.get(_twin(url))
    assert twin.status_code == 200, twin.text


@pytest.mark.parametrize("url", COMPARED)
def test_json_is_the_same_on_sqlite_and_postgres(client, pg_client, ids, url):
    twin = _twin(url.format(**ids))
    sqlite, postgres = client.get(twin), pg_client.get(twin)
    assert sqlite.status_code == postgres.status_code == 200, postgres.text
    assert postgres.json() == sqlite.json()


def test_entity_page_lists_mentions_on_postgres(pg_client, ids):
    data = pg_client.get(f"/entities/{ids['shoigu']}.json").json()
    assert {m["article_id"] for m in data["mentions"]} >= {"en-shoigu-1", "fr-shoigu-1", "en-shoigu-2"}


def test_search_finds_the_same_articles_on_postgres(client, pg_client):
    # "chips" is written "<chips>" in an article: PostgreSQL indexes it once the angle brackets are spaces
    for params in ({"q": "Kherson"}, {"q": "Kherson", "lang": "fr"}, {"q": "chef"}, {"q": "chips"},
                   {"q": "Shoigu OR Cook"}):  # fmt: skip
        sqlite = client.get("/search.json", params=params).json()["results"]
        postgres = pg_client.get("/search.json", params=params).json()["results"]
        assert postgres and {r["id"] for r in postgres} == {r["id"] for r in sqlite}
        assert all("[" in r["snippet"] for r in postgres)
