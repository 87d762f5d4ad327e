"""Named migrations on both backends: applied once to a new or older store, then remembered by the store object."""

from __future__ import annotations

import pytest

from newsdesk.store.entities import list_stored_entities, open_registry
from newsdesk.store.quotes import ensure_quotes_schema, search_quotes
from newsdesk.store.sqlite import MIGRATIONS
from newsdesk.stories.store import STORY_MIGRATIONS, StoryReader, ensure_story_tables

from .contract import make
from .counting import CountingConnection


def _migration_queries(counting: CountingConnection) -> list[str]:
    return [sql for sql in counting.seen if " schema_migrations" in sql]


@pytest.fixture(params=["sqlite", "postgres"])
def open_at(request, tmp_path):
    """Opens stores at one place (a SQLite file, a PostgreSQL schema): `open_at(migrations=None)`; closes them."""
    opened = []
    if request.param == "sqlite":
        from newsdesk.store.sqlite import SQLiteStore

        def opener(migrations=None):
            return SQLiteStore(tmp_path / "x.db", migrations=migrations)
    else:
        from newsdesk.store.postgres import PostgresStore

        url, schema = request.getfixturevalue("pg_url"), request.getfixturevalue("pg_schema")

        def opener(migrations=None):
            return PostgresStore(url, schema=schema, migrations=migrations)

    def open_store(migrations=None):
        opened.append(opener(migrations))
        return opened[-1]

    yield open_store
    for store in opened:
        store.close()


def test_reads_of_quotes_stories_and_entities_do_not_migrate_again(open_at):
    store = open_at()
    store.upsert_articles([make(1)])
    ensure_story_tables(store)
    open_registry(store)
    counting = store.conn = CountingConnection(store.conn)
    for _ in range(2):
        ensure_quotes_schema(store)
        ensure_story_tables(store)
        assert search_quotes(store, text="strike") == []
        assert StoryReader(store).list() == []
        assert list_stored_entities(store) == (0, [])
        assert open_registry(store).entities == {}
    assert counting.seen and not _migration_queries(counting)


def test_a_store_reads_the_applied_migrations_once(open_at):
    open_at()
    store = open_at()  # an existing store
    counting = store.conn = CountingConnection(store.conn)
    assert store.migrate(MIGRATIONS) == [] and store.migrate(STORY_MIGRATIONS) == ["0300_stories"]
    assert store.migrate(STORY_MIGRATIONS) == [] and store.migrate(MIGRATIONS) == []
    assert "0300_stories" in store.applied_migrations()
    assert len(_migration_queries(counting)) == 3  # checked, recorded, listed


def test_an_older_store_gets_the_migrations_it_lacks(open_at):
    older = open_at(migrations=MIGRATIONS[:2])
    older.upsert_articles([make(1)])
    assert older.applied_migrations() == sorted(name for name, _ in MIGRATIONS[:2])
    older.close()
    store = open_at()
    assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
    assert [h.article.id for h in store.search("Valparaiso")] == ["a1"]
    assert search_quotes(store, text="strike") == []


def test_a_migration_applied_meanwhile_by_another_connection_is_not_applied_twice(open_at):
    first, second = open_at(), open_at()
    assert second.migrate(STORY_MIGRATIONS) == ["0300_stories"]
    assert first.migrate(STORY_MIGRATIONS) == []  # `first` read the applied names before `second` applied it
    assert StoryReader(first).list() == []
