"""The web UI and its JSON twins, called in-process over a small store."""

from __future__ import annotations

import feedparser
import pytest
from html_helpers import PageReader
from web_store import KYIV, PHONE


def _both(client, path: str, **params):
    """The HTML page and its JSON twin (same path + .json)."""
    html = client.get(path, params=params)
    twin = client.get("/index.json" if path == "/" else f"{path}.json", params=params)
    assert html.status_code == twin.status_code == 200, (html.text[-500:], twin.text)
    assert html.headers["content-type"].startswith("text/html")
    return PageReader(html.text), twin.json()


def test_overview_shows_counts_alerts_and_stories(client, store):
    page, data = _both(client, "/")
    assert data["counts"] == store.counts()
    assert f"{data['counts']['articles']} articles" in page.visible
    assert data["alerts"] and data["stories"] and len(data["recent"]) == 10
    assert data["alerts"][0]["title"] in page.visible
    assert {f"/stories/{s['id']}" for s in data["stories"]} <= set(page.links)
    last_seen = [s["last_seen"] for s in data["stories"]]
    assert last_seen == sorted(last_seen, reverse=True)


def test_search_marks_the_matched_words_and_filters(client):
    page, data = _both(client, "/search", q="Kherson")
    ids = [r["id"] for r in data["results"]]
    assert "en-shoigu-1" in ids and "fr-shoigu-1" in ids
    assert [link for link in page.links if link.startswith("/articles/")] == [f"/articles/{i}" for i in ids]
    html = client.get("/search", params={"q": "Kherson"}).text
    assert "<mark>Kherson</mark>" in html and "[Kherson]" in data["results"][0]["snippet"]
    french = client.get("/search.json", params={"q": "Kherson", "lang": "fr"}).json()["results"]
    assert french and {r["lang"] for r in french} == {"fr"}
    late = client.get("/search.json", params={"q": "Kherson", "since": "2026-03-10"}).json()["results"]
    assert late == []


def test_article_marks_every_span_at_its_offsets(client, store):
    page, data = _both(client, "/articles/en-iphone-1")
    text = data["article"]["text"]
    article = store.get_article("en-iphone-1")
    assert text == article.text
    assert data["spans"] and {s["group"] for s in data["spans"]} == {"entities", "quotes", "events"}
    for span in data["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
        # the mark holds exactly the evidence, even when it is nested in or crosses another mark
        assert page.marks[(span["group"], span["start"], span["end"])] == span["text"]
    assert len(page.marks) == len(data["spans"])
    quote = next(s for s in data["spans"] if s["group"] == "quotes")
    assert quote["text"] == PHONE and quote["attrs"]["speaker_name"] == "Tim Cook"
    cook = next(s for s in data["spans"] if s["group"] == "entities" and s["text"] == "Tim Cook")
    assert page.mark_links[("entities", cook["start"], cook["end"])] == {f"/entities/{cook['attrs']['entity_id']}"}
    assert f"#quotes-{quote['start']}-{quote['end']}" in page.links


def test_article_metadata_and_links(client):
    page, data = _both(client, "/articles/en-shoigu-1")
    record = data["article"]
    assert (record["dateline"], record["agency"], record["byline"]) == ("MOSCOW", "Reuters", "By Jane Doe")
    for shown in ("MOSCOW", "Reuters", "By Jane Doe", "Sergei Shoigu <centre> with commanders", "[AP]",
                  "2026-02-01 Earlier: Shoigu in Crimea", "(date from: metadata)"):  # fmt: skip
        assert shown in page.visible
    assert f"/stories/{record['story_id']}" in page.links
    translated, _ = _both(client, "/articles/fr-shoigu-1")
    assert "/articles/en-shoigu-1" in translated.links
    copy, copy_data = _both(client, "/articles/en-shoigu-1-copy")
    assert copy_data["article"]["duplicate_of"] == "en-shoigu-1" and "/articles/en-shoigu-1" in copy.links
    # the original links back to its copy and its translation
    assert [(c["id"], c["relation"], c["lang"]) for c in data["copies"]] == [
        ("en-shoigu-1-copy", "duplicate", "en"), ("fr-shoigu-1", "translation", "fr")]
    assert {"/articles/en-shoigu-1-copy", "/articles/fr-shoigu-1"} <= set(page.links)
    assert "copy" in page.visible and "translation" in page.visible
    assert _both(client, "/articles/fr-shoigu-1")[1]["copies"] == []


def test_text_from_articles_is_escaped(client):
    html = client.get("/articles/markup").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "<chips>" not in html and "&lt;chips&gt;" in html and "<b>chef</b>" not in html
    page = PageReader(html)
    data = client.get("/articles/markup.json").json()
    span = data["spans"][0]
    assert page.marks[("entities", span["start"], span["end"])] == "<b>chef</b>" == span["text"]
    assert not [link for link in page.links if "javascript:" in link]
    assert "javascript:alert(2)" in page.visible  # shown, not linked
    results = client.get("/search", params={"q": "chips"}).text
    assert "&lt;<mark>chips</mark>&gt;" in results and "<script>" not in results


def test_unknown_ids_are_404_in_html_and_json(client):
    for path in ("/articles/nope", "/entities/nope", "/stories/nope"):
        html, twin = client.get(path), client.get(f"{path}.json")
        assert html.status_code == twin.status_code == 404
        assert "'nope'" in twin.json()["error"] and "&#39;nope&#39;" in html.text
        assert html.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    ("path", "params", "reason"),
    [
        ("/stories", {"since": "yesterday-ish"}, "cannot read since 'yesterday-ish'"),
        ("/search", {"q": "Kherson", "since": "soon"}, "cannot read since 'soon'"),
        ("/alerts", {"since": "3x"}, "cannot read since '3x'"),
        ("/search", {"q": "Kherson", "limit": "many"}, "limit"),
        ("/quotes", {"kind": "rumour"}, "unknown quote kind 'rumour'"),
        ("/entities", {"type": "THING"}, "unknown entity type 'THING'"),
    ],
)
def test_bad_parameters_are_400_with_the_reason(client, path, params, reason):
    twin = client.get(f"{path}.json", params=params)
    assert twin.status_code == 400 and reason in twin.json()["error"]
    html = client.get(path, params=params)
    assert html.status_code == 400 and "Error 400" in html.text
    assert client.get("/alerts.atom", params={"since": "never"}).status_code == 400


def test_entities_list_and_entity_page_with_mentions(client, store):
    page, data = _both(client, "/entities", q="Sergei Shoigu")
    assert [e["name"] for e in data["entities"]][:1] in (["Sergei Shoigu"], ["Sergueï Choïgou"])
    shoigu = data["entities"][0]
    assert f"/entities/{shoigu['id']}" in page.links and set(shoigu["langs"]) >= {"en", "fr"}
    listed = client.get("/entities.json", params={"type": "LOC"}).json()["entities"]
    assert listed and {e["type"] for e in listed} == {"LOC"}
    mentions = [e["mentions"] for e in listed]
    assert mentions == sorted(mentions, reverse=True)

    page, data = _both(client, f"/entities/{shoigu['id']}")
    assert {v["text"] for v in data["entity"]["variants"]} >= {"Sergei Shoigu", "Sergueï Choïgou"}
    assert data["mentions"]
    for m in data["mentions"]:
        assert store.get_article(m["article_id"]).text[m["start"] : m["end"]] == m["text"]
        assert f"/articles/{m['article_id']}#entities-{m['start']}-{m['end']}" in page.links
    assert {m["article_id"] for m in data["mentions"]} >= {"en-shoigu-1", "fr-shoigu-1", "en-shoigu-2"}


def test_entity_pages_read_only_the_entities_they_show(client, store, monkeypatch):
    from newsdesk.store.entities import SQLRegistryBackend, list_entities, open_registry

    registry = open_registry(store)
    shoigu = registry.find("Sergei Shoigu")[0]
    expected = [(e.id, e.mentions) for e in list_entities(registry, query="sergei SHOIGU")]
    entity = registry.get(shoigu.id).to_dict()

    def refuse(self):
        raise AssertionError("the whole registry was loaded")

    monkeypatch.setattr(SQLRegistryBackend, "load_registry", refuse)
    for params in ({"q": "Sergei Shoigu"}, {"q": shoigu.id}, {"q": "SERGUEÏ CHOÏGOU", "lang": "fr", "type": "PER"}):
        _, data = _both(client, "/entities", **params)
        assert data["entities"] and data["total"] == len(data["entities"]), params
    found = client.get("/entities.json", params={"q": "sergei SHOIGU"}).json()["entities"]
    assert [(e["id"], e["mentions"]) for e in found] == expected
    _, data = _both(client, f"/entities/{shoigu.id}")
    assert data["entity"] == entity


def test_quotes_by_about_and_in_a_story(client, store):
    page, data = _both(client, "/quotes", by="Tim Cook")
    assert [q["text"] for q in data["quotes"]] == [PHONE]
    quote = data["quotes"][0]
    assert store.get_article(quote["article_id"]).text[quote["start"] : quote["end"]] == quote["text"]
    assert (quote["verb"], quote["kind"], quote["speaker_role"]) == ("said", "indirect", "chief executive")
    assert PHONE in page.visible and f"/entities/{quote['speaker_id']}" in page.links
    assert f"/articles/en-iphone-1#quotes-{quote['start']}-{quote['end']}" in page.links
    assert client.get("/quotes.json", params={"by": quote["speaker_id"]}).json()["quotes"] == data["quotes"]
    about = client.get("/quotes.json", params={"about": "United States"}).json()["quotes"]
    assert [q["text"] for q in about] == [PHONE]
    story = store.get_article("en-shoigu-2").story_id
    in_story = client.get("/quotes.json", params={"story": story}).json()["quotes"]
    assert [q["text"] for q in in_story] == [KYIV]
    assert client.get("/quotes.json", params={"by": "Nobody Atall"}).json()["quotes"] == []


def test_stories_list_and_story_with_copies_folded(client, store):
    page, data = _both(client, "/stories", since="2026-03-01")
    assert data["stories"] and [s["title"] for s in data["stories"]] == [
        s for s in (s["title"] for s in data["stories"]) if s in page.visible
    ]
    sizes = [s["articles"] for s in data["stories"]]
    assert sizes == sorted(sizes, reverse=True)
    assert client.get("/stories.json", params={"since": "2099-01-01"}).json()["stories"] == []

    story_id = store.get_article("en-iphone-1").story_id
    page, data = _both(client, f"/stories/{story_id}")
    shown = [m["id"] for members in data["by_language"].values() for m in members]
    assert "en-iphone-1" in shown and "en-iphone-1-copy" not in shown
    assert next(m for m in data["by_language"]["en"] if m["id"] == "en-iphone-1")["copies"] == 1
    assert "[1 copy]" in page.visible and "/articles/en-iphone-1-copy" not in page.links
    assert sum(sum(b["by_lang"].values()) for b in data["chart"]["buckets"]) == data["articles"] == 3
    assert [sp["name"] for sp in data["speakers"]] == ["Tim Cook"] and "Tim Cook" in page.visible
    assert data["top_entities"] and all(name in page.visible for name in data["top_entities"])


def test_alerts_atom_feed_parses_and_links_to_stories(client):
    response = client.get("/alerts.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.text)
    alerts = client.get("/alerts.json").json()["alerts"]
    assert not feed.bozo and alerts and len(feed.entries) == len(alerts)
    assert [e.title for e in feed.entries] == [f"Breaking: {a['title']}" for a in alerts]
    link = feed.entries[0].link
    assert link.endswith(f"/stories/{alerts[0]['story_id']}")
    assert client.get(link).status_code == 200


def test_story_timeline_folds_runs_of_empty_buckets():
    from newsdesk.api.pages import chart_rows

    buckets = [{"start": i, "by_lang": {"en": 1} if i in (0, 1, 3, 7) else {}} for i in range(8)]
    rows = chart_rows(buckets)
    assert [r.get("start", f"gap {r.get('gap')}") for r in rows] == [0, 1, 2, 3, "gap 3", 7]
