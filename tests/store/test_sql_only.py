"""The tables kept beside the articles (feeds, entities, signatures, quotes, stories) need a SQL store: one check."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.errors import StoreError
from newsdesk.store.entities import SQLRegistryBackend
from newsdesk.store.feeds import FeedState
from newsdesk.store.quotes import ensure_quotes_schema
from newsdesk.store.signatures import SQLSignatureBackend
from newsdesk.stories.store import SQLStoryRepo, StoryReader, ensure_story_tables


class LookalikeStore:
    """Has a connection and `migrate`, but is not one of the SQL stores."""

    conn = None

    def migrate(self, migrations: list[tuple[str, str]]) -> list[str]:
        return []

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("use", "needed_for"),
    [
        (FeedState, "the state of watched feeds"),
        (SQLRegistryBackend, "the entity registry"),
        (SQLSignatureBackend, "near-duplicate signatures"),
        (ensure_quotes_schema, "quote search"),
        (ensure_story_tables, "stories"),
        (SQLStoryRepo, "stories"),
        (StoryReader, "stories"),
    ],
)
def test_every_sql_table_user_refuses_another_store_with_a_store_error(use, needed_for):
    with pytest.raises(StoreError) as caught:
        use(LookalikeStore())
    assert str(caught.value) == f"a SQLite or PostgreSQL store is needed for {needed_for}, not LookalikeStore"


@pytest.mark.parametrize("command", [["feeds"], ["stories"]])
def test_the_cli_says_which_store_is_needed_without_a_traceback(monkeypatch, command):
    monkeypatch.setattr("newsdesk.cli.open_store", lambda target: LookalikeStore())
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "Error: a SQLite or PostgreSQL store is needed for" in result.output
    assert "Traceback" not in result.output
