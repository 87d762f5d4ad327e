"""The contract every store backend must pass: subclass `StoreContract` and provide a `store` fixture.

`test_contract.py` runs it for every backend (SQLite, PostgreSQL).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsdesk.article import Article, Span
from newsdesk.pipeline import QuarantineRecord, RunResult, StepStats
from newsdesk.store.base import ArticleQuery

from .counting import CountingConnection

T0 = datetime(2023, 7, 27, 12, tzinfo=timezone.utc)


def make(i: int, *, text: str | None = None, lang: str = "en", days: int = 0) -> Article:
    body = text or f"Article number {i} about the harbour strike in Valparaiso."
    article = Article(
        id=f"a{i}", source="test", text=body, title=f"Title {i}", lang=lang, published=T0 - timedelta(days=days)
    )
    article.add_spans(
        "entities",
        [Span(start=body.index("Valparaiso"), end=body.index("Valparaiso") + 10, label="LOC", attrs={"country": "CHL"})]
        if "Valparaiso" in body
        else [],
    )
    return article


class StoreContract:
    def test_upsert_get_round_trip(self, store):
        article = make(1)
        assert store.upsert_articles([article]).new == 1
        got = store.get_article("a1")
        assert got == article
        assert got.evidence(got.spans["entities"][0]) == "Valparaiso"
        assert store.get_article("missing") is None

    def test_upsert_is_idempotent_and_updates(self, store):
        store.upsert_articles([make(1), make(2)])
        again = store.upsert_articles([make(1), make(2)])
        assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
        changed = make(1, text="A new text about Valparaiso.")
        result = store.upsert_articles([changed])
        assert (result.new, result.updated) == (0, 1)
        assert store.get_article("a1").text == "A new text about Valparaiso."
        assert store.counts()["articles"] == 2

    def test_upsert_reads_the_stored_articles_in_one_query(self, store):
        store.upsert_articles([make(1), make(2)])
        counting = store.conn = CountingConnection(store.conn)
        result = store.upsert_articles([make(1), make(2, text="Another text about Valparaiso."), make(3)])
        assert (result.new, result.updated, result.unchanged) == (1, 1, 1)
        reads = [sql for sql in counting.seen if sql.lstrip().upper().startswith("SELECT")]
        assert len(reads) == 1 and "FROM articles" in reads[0], reads

    def test_an_id_written_twice_in_one_call_is_stored_once(self, store):
        changed = make(1, text="Another text about Valparaiso.")
        result = store.upsert_articles([make(1), make(2), make(1), changed, make(2)])
        assert (result.new, result.updated, result.unchanged) == (2, 1, 2)
        assert store.get_article("a1") == changed and store.counts()["articles"] == 2
        assert store.counts()["spans"] == {"entities": 2}
        again = store.upsert_articles([changed, make(1)])
        assert (again.new, again.updated, again.unchanged) == (0, 1, 1)
        assert store.get_article("a1").text == make(1).text and store.counts()["spans"] == {"entities": 2}

    def test_fingerprints_and_hash_lookup(self, store):
        a = make(1)
        store.upsert_articles([a])
        assert store.fingerprints(["a1", "zz"]) == {"a1": a.content_hash}
        assert store.find_by_hash(a.content_hash) == "a1"
        assert store.find_by_hash("0" * 40) is None

    def test_copies_and_translations_of_an_article(self, store):
        copy, translation, other = make(2), make(3, lang="fr"), make(4)
        copy.duplicate_of = translation.translation_of = "a1"
        other.duplicate_of = "a9"
        store.upsert_articles([make(1), translation, copy, other])
        assert [(c["id"], c["relation"], c["lang"], c["title"]) for c in store.article_copies("a1")] == [
            ("a2", "duplicate", "en", "Title 2"), ("a3", "translation", "fr", "Title 3")]
        assert store.article_copies("a2") == [] and store.article_copies("missing") == []

    def test_iter_filters_and_order(self, store):
        store.upsert_articles([make(1, days=3), make(2, lang="fr", days=1), make(3, days=0)])
        assert [a.id for a in store.iter_articles()] == ["a3", "a2", "a1"]
        assert [a.id for a in store.iter_articles(ArticleQuery(lang="fr"))] == ["a2"]
        assert [a.id for a in store.iter_articles(ArticleQuery(since=T0 - timedelta(days=2)))] == ["a3", "a2"]
        assert [a.id for a in store.iter_articles(ArticleQuery(ids=["a1", "a3"]))] == ["a3", "a1"]
        assert list(store.iter_articles(ArticleQuery(ids=[]))) == []
        assert len(list(store.iter_articles(ArticleQuery(limit=2)))) == 2

    def test_search_ranks_and_filters(self, store):
        store.upsert_articles(
            [
                make(1, text="The dockers of Valparaiso went on strike again."),
                make(2, text="Wine harvest in Mendoza, far from Valparaiso.", lang="es"),
                make(3, text="Nothing related here."),
            ]
        )
        ids = [h.article.id for h in store.search("Valparaiso")]
        assert set(ids) == {"a1", "a2"}
        assert [h.article.id for h in store.search("strike Valparaiso")] == ["a1"]
        assert [h.article.id for h in store.search("Valparaiso", ArticleQuery(lang="es"))] == ["a2"]
        assert store.search("valparaíso")  # accents and case folded
        assert store.search('"went on strike"')[0].article.id == "a1"
        assert store.search("dock*")[0].article.id == "a1"
        assert store.search('unbalanced " quote AND (') == []

    def test_words_in_angle_brackets_are_found(self, store):
        store.upsert_articles([make(1, text="Fish & <chips> are back, the <b>chef</b> said."), make(2)])
        for query in ("chips", "<chips>", "chef", '"fish chips"'):
            assert [h.article.id for h in store.search(query)] == ["a1"], query

    def test_a_failed_batch_stores_nothing(self, store):
        store.upsert_articles([make(1)])
        bad = make(3)
        bad.spans["entities"][0].attrs["oops"] = object()  # cannot be serialised: the batch fails midway
        with pytest.raises(TypeError):
            store.upsert_articles([make(1, text="A changed text about Valparaiso."), make(2), bad])
        assert store.get_article("a1").text == make(1).text
        assert store.get_article("a2") is None
        assert store.counts()["articles"] == 1
        assert store.upsert_articles([make(2)]).new == 1  # the store is usable afterwards

    def test_counts_group_languages_and_sources(self, store):
        store.upsert_articles([make(1), make(2, lang="fr"), make(3, lang="fr")])
        counts = store.counts()
        assert counts["by_lang"] == {"fr": 2, "en": 1}
        assert counts["by_source"] == {"test": 3}
        assert counts["spans"] == {"entities": 3}

    def test_quarantine_is_kept_once(self, store):
        rec = QuarantineRecord(source="bad.jsonl:2", reason="invalid JSON", step="ingest", raw=b"{oops")
        assert store.add_quarantine([rec]) == 1
        assert store.add_quarantine([rec]) == 0
        [got] = store.list_quarantine()
        assert (got.source, got.reason, got.raw) == ("bad.jsonl:2", "invalid JSON", b"{oops")
        assert store.counts()["quarantined"] == 1

    def test_runs_are_recorded(self, store):
        stats = StepStats(name="ingest", n_in=0, n_out=3)
        stats.count("new", 3)
        run_id = store.record_run(RunResult(steps=[stats], started=T0, seconds=1.5), command="ingest")
        [run] = store.list_runs()
        assert run["id"] == run_id and run["command"] == "ingest"
        assert run["steps"][0]["counters"] == {"new": 3}
