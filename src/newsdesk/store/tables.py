"""Table definitions shared by the SQLite and PostgreSQL schemas (written in SQLite's DDL; `postgres_schema.pg_ddl`
translates them). Only full-text search differs between the two, and is added by each schema."""

from __future__ import annotations

ARTICLES = """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            lang TEXT,
            title TEXT,
            text TEXT NOT NULL,
            published TEXT,
            date_source TEXT,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            translation_of TEXT,
            story_id TEXT,
            data TEXT NOT NULL,
            first_stored TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_lang ON articles(lang);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_story ON articles(story_id);
"""

SPANS = """
        CREATE TABLE spans (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            grp TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            evidence TEXT NOT NULL,
            attrs TEXT NOT NULL
        );
        CREATE INDEX spans_article ON spans(article_id);
        CREATE INDEX spans_label ON spans(grp, label);
"""

QUOTES = """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT,
            verb TEXT,
            speaker TEXT,
            speaker_name TEXT,
            speaker_id TEXT,
            speaker_role TEXT
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
"""
"""The quotes table, kept in step with the "quotes" spans by each schema's triggers."""
