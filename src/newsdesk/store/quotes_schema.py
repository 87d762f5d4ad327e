"""Schema of the stored quotes: a named migration for the SQLite store (`sqlite.py` adds it to its own list:
`MIGRATIONS += QUOTE_MIGRATIONS`)."""

from __future__ import annotations

from .tables import QUOTES

QUOTE_COLUMNS = """
    json_extract(new.attrs, '$.kind'), json_extract(new.attrs, '$.verb'), json_extract(new.attrs, '$.speaker'),
    json_extract(new.attrs, '$.speaker_name'), json_extract(new.attrs, '$.speaker_id'),
    json_extract(new.attrs, '$.speaker_role')"""

QUOTE_MIGRATIONS: list[tuple[str, str]] = [
    (
        "0100_quotes",
        f"""
        {QUOTES}
        CREATE INDEX quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE);
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, speaker_name, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
        END;
        CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
                VALUES ('delete', old.id, old.text, old.speaker_name);
        END;
        CREATE TRIGGER spans_quotes_ai AFTER INSERT ON spans WHEN new.grp = 'quotes' BEGIN
            INSERT INTO quotes (article_id, start, end, text, kind, verb, speaker, speaker_name, speaker_id,
                                speaker_role)
                VALUES (new.article_id, new.start, new.end, new.evidence, {QUOTE_COLUMNS});
        END;
        CREATE TRIGGER spans_quotes_ad AFTER DELETE ON spans WHEN old.grp = 'quotes' BEGIN
            DELETE FROM quotes WHERE article_id = old.article_id AND start = old.start AND end = old.end;
        END;
        INSERT INTO quotes (article_id, start, end, text, kind, verb, speaker, speaker_name, speaker_id, speaker_role)
            SELECT new.article_id, new.start, new.end, new.evidence, {QUOTE_COLUMNS}
            FROM spans AS new WHERE new.grp = 'quotes';
        """,
    ),
]
"""Named migrations for the quotes table; `SQLiteStore.migrate` applies each once."""
