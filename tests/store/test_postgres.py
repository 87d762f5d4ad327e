"""What is particular to the PostgreSQL store: opening by URL, schemas, migrations, errors, query translation."""

import json

import psycopg
import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.errors import StoreError
from newsdesk.store import open_store
from newsdesk.store.dialect import query_terms, tsquery
from newsdesk.store.feeds import FeedState, FeedStatus
from newsdesk.store.postgres import PostgresStore, pg_placeholders, redact
from newsdesk.store.sqlite import MIGRATIONS

from .contract import make


def test_migrations_are_recorded_under_the_sqlite_names(pg_url, pg_schema):
    store = PostgresStore(pg_url, schema=pg_schema)
    assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
    store.close()
    again = PostgresStore(pg_url, schema=pg_schema)  # reopening applies nothing twice
    assert again.migrate(MIGRATIONS) == []
    assert again.counts()["articles"] == 0
    again.close()


OLD_SEARCH_COLUMNS = {  # as 0001 and 0100 made them before 0005: a `<word>` is taken for an HTML tag and skipped
    "articles": "setweight(to_tsvector('newsdesk_text', COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('newsdesk_text', COALESCE(text, '')), 'B')",
    "quotes": "to_tsvector('newsdesk_text', text)",
}


def _search_columns(store) -> dict[str, tuple[str, int]]:
    """Each table's search column: its expression, and how many columns the table has dropped (one per rebuild)."""
    sql = (
        "SELECT c.table_name, c.generation_expression, (SELECT COUNT(*) FROM pg_attribute a"
        " WHERE a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass"
        " AND a.attisdropped) FROM information_schema.columns c"
        " WHERE c.table_schema = current_schema() AND c.column_name = 'tsv' ORDER BY c.table_name"
    )
    return {r[0]: (r[1], r[2]) for r in store.conn.execute(sql)}


def _angle_bracket_article():
    from newsdesk.article import Span

    article = make(1, text="They said <chips> were back. Nothing else.")
    article.add_spans("quotes", [Span(start=10, end=27, label="QUOTE", attrs={"kind": "indirect"})])
    return article


def test_a_new_store_has_its_final_search_columns_without_a_rebuild(pg_store):
    from newsdesk.store.quotes import search_quotes

    assert "0005_tsv_angle_brackets" in pg_store.applied_migrations()
    columns = _search_columns(pg_store)
    assert sorted(columns) == ["articles", "quotes"]
    assert all("translate(" in expression and dropped == 0 for expression, dropped in columns.values()), columns
    pg_store.upsert_articles([_angle_bracket_article()])
    assert [h.article.id for h in pg_store.search("chips")] == ["a1"]
    assert [q.text for q in search_quotes(pg_store, text="chips")] == ["<chips> were back"]


def test_a_store_made_before_0005_indexes_words_in_angle_brackets_once_reopened(pg_url, pg_schema):
    from newsdesk.store.quotes import search_quotes

    older = [m for m in MIGRATIONS if m[0] != "0005_tsv_angle_brackets"]
    with PostgresStore(pg_url, schema=pg_schema, migrations=older) as store:
        for table, expression in OLD_SEARCH_COLUMNS.items():
            store.conn.execute(f"ALTER TABLE {table} DROP COLUMN tsv")
            store.conn.execute(f"ALTER TABLE {table} ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({expression}) STORED")
        store.upsert_articles([_angle_bracket_article()])
        assert store.search("chips") == [] and search_quotes(store, text="chips") == []
        assert all(dropped == 1 for _, dropped in _search_columns(store).values())
    with PostgresStore(pg_url, schema=pg_schema) as store:
        assert "0005_tsv_angle_brackets" in store.applied_migrations()
        columns = _search_columns(store)
        assert all("translate(" in expression and dropped == 2 for expression, dropped in columns.values()), columns
        hits = store.search("chips")
        assert [h.article.id for h in hits] == ["a1"] and "[chips]" in hits[0].snippet
        assert [q.text for q in search_quotes(store, text="chips")] == ["<chips> were back"]


def test_spans_and_quotes_tables_hold_the_evidence(pg_store):
    pg_store.upsert_articles([make(1)])
    rows = pg_store.conn.execute('SELECT grp, label, evidence, "end" - start FROM spans').fetchall()
    assert [tuple(r) for r in rows] == [("entities", "LOC", "Valparaiso", 10)]


def test_a_url_opens_the_store_in_the_schema_named_by_its_search_path(pg_url, pg_schema):
    url = f"{pg_url}?options=-csearch_path%3D{pg_schema}"
    store = open_store(url)
    store.upsert_articles([make(1)])
    store.close()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute(f'SELECT count(*) FROM "{pg_schema}".articles').fetchone()[0] == 1
    result = CliRunner().invoke(main, ["stats", "--json"], env={"NEWSDESK_DB": url}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["articles"] == 1


def test_unreachable_server_is_a_clear_error_without_the_password():
    url = "postgresql://newsdesk:s3cret@127.0.0.1:1/news"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        open_store(url)
    assert "s3cret" not in str(info.value) and "newsdesk:***@127.0.0.1:1/news" in str(info.value)
    result = CliRunner().invoke(main, ["--db", url, "stats"])
    assert result.exit_code == 1 and "cannot connect to PostgreSQL" in result.output and "s3cret" not in result.output


def test_other_url_schemes_are_refused():
    with pytest.raises(StoreError, match="postgresql://"):
        open_store("mysql://user:pw@host/db")


def test_redact_hides_passwords_in_urls_and_key_values():
    assert redact("postgresql://u:pw@h:5432/db?sslmode=require") == "postgresql://u:***@h:5432/db?sslmode=require"
    assert redact("postgresql://h/db?user=u&password=pw") == "postgresql://h/db?user=u&password=***"
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


def test_placeholders_skip_string_literals():
    sql = "SELECT COALESCE(lang, '?') AS k FROM t WHERE a LIKE ? AND b = '50%'"
    assert pg_placeholders(sql) == "SELECT COALESCE(lang, '?') AS k FROM t WHERE a LIKE %s AND b = '50%'"


def test_search_words_become_a_tsquery():
    assert tsquery(query_terms('strike "went on" dock* OR port NOT wine')) == (
        "'strike' & ('went' <-> 'on') & 'dock':* | 'port' & ! 'wine'"
    )
    assert tsquery(query_terms("l'armée AND")) == "'l''armée'"


def test_search_operators_and_snippet_markup(pg_store):
    pg_store.upsert_articles(
        [make(1, text="The dockers of Valparaiso went on strike again."),
         make(2, text="Wine harvest in Mendoza, far from Valparaiso.")]
    )  # fmt: skip
    assert {h.article.id for h in pg_store.search("strike OR wine")} == {"a1", "a2"}
    assert [h.article.id for h in pg_store.search("Valparaiso NOT wine")] == ["a1"]
    [hit] = pg_store.search("dockers")
    assert "[dockers]" in hit.snippet and hit.rank > 0


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_feed_state_is_kept_in_both_stores(backend, request):
    store = request.getfixturevalue("sqlite_store" if backend == "sqlite" else "pg_store")
    state = FeedState(store)
    state.save(FeedStatus(url="https://example.org/rss", etag='"abc"', last_status=200, items_seen=2))
    state.mark_seen("https://example.org/rss", "item-1", "a1")
    state.mark_seen("https://example.org/rss", "item-1", "a1")  # seen twice, kept once
    assert state.seen("https://example.org/rss", ["item-1", "item-2"]) == {"item-1"}
    [got] = FeedState(store).all()
    assert (got.etag, got.last_status, got.items_seen) == ('"abc"', 200, 2)
