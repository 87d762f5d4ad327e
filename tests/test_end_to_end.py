"""The whole ingest pipeline, as `newsdesk ingest` runs it, on the sample page the project started from."""

from datetime import date

import pytest

from newsdesk.runner import run_ingest
from newsdesk.store.sqlite import SQLiteStore


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, shared_data):
    path = shared_data / "seed" / "seed-page-fr.txt"
    store = SQLiteStore(tmp_path_factory.mktemp("e2e") / "seed.db")
    result, _ = run_ingest(store=store, paths=[path])
    [article] = list(store.iter_articles())
    yield store, result, article, path
    store.close()


def test_page_metadata(ingested):
    _, _, article, _ = ingested
    assert article.lang == "fr"
    assert article.title.startswith("La Maison Blanche affirme qu'un haut responsable russe")
    assert (article.dateline, article.agency) == ("WASHINGTON", "AP")
    assert article.published.date() == date(2023, 7, 27)
    assert article.captions[0].credit == "Photo AP/Evan Vucci"
    assert len(article.related) == 5 and date(2023, 7, 27) not in {r.date for r in article.related}


def test_every_span_points_at_its_evidence(ingested):
    _, _, article, _ = ingested
    assert article.spans["entities"] and article.spans["quotes"]
    for span in article.spans["entities"]:
        assert article.text[span.start : span.end] == span.attrs["text"]
    for span in article.spans["quotes"]:
        assert 0 <= span.start < span.end <= len(article.text)
        if span.attrs.get("speaker_span"):
            s, e = span.attrs["speaker_span"]
            assert article.text[s:e] == span.attrs["speaker"]


def test_entities_are_linked_to_the_registry(ingested):
    _, _, article, _ = ingested
    by_name = {}
    for span in article.spans["entities"]:
        by_name.setdefault(span.attrs["name"], set()).add(span.attrs["entity_id"])
    shoigu = by_name["Sergei Shoigu"]
    assert len(shoigu) == 1 and None not in shoigu  # Shoigu, Choïgou and the full name are one entity
    assert {"Shoigu", "Choïgou"} <= {
        s.attrs["text"] for s in article.spans["entities"] if s.attrs["entity_id"] in shoigu
    }


def test_kirby_quote_has_resolved_speaker_role_and_verb(ingested):
    _, _, article, _ = ingested
    kirby = [q for q in article.spans["quotes"] if "nouvel exemple du désespoir" in article.evidence(q)]
    assert len(kirby) == 1
    attrs = kirby[0].attrs
    assert (attrs["speaker_name"], attrs["verb"], attrs["kind"]) == ("John Kirby", "déclarer", "direct")
    assert attrs["speaker_role"].startswith("porte-parole du Conseil de sécurité nationale")
    assert attrs["speaker_id"]


def test_reingest_adds_nothing(ingested):
    store, _, _, path = ingested
    again, _ = run_ingest(store=store, paths=[path])
    writer = next(s for s in again.steps if s.name == "store")
    assert writer.counters.get("new", 0) == 0 and again.steps[1].dropped["unchanged"] == 1
    assert store.counts()["articles"] == 1


def test_article_joins_a_story(ingested):
    store, _, article, _ = ingested
    assert article.story_id
    from newsdesk.stories.store import StoryReader

    story = StoryReader(store).get(article.story_id)
    assert story is not None and story.n_articles == 1 and story.languages == {"fr": 1}
    assert [m.article_id for m in story.members] == [article.id]
