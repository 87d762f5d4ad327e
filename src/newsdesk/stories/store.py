"""Stories in the store (SQLite or PostgreSQL): tables (a named migration), the clusterer's repo, and read queries."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..article import Article
from ..store.dialect import upsert_sql
from ..store.sqlbase import SQLStore, sql_store, utc_iso
from .cluster import Assignment, ClusterConfig, Clusterer, Member
from .features import Featurizer, HashedDF
from .profile import StoryProfile, utc_hour
from .timeline import Alert, Growth, growth, hour_histogram, timeline

STORY_MIGRATIONS: list[tuple[str, str]] = [
    (
        "0300_stories",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            first_ts REAL NOT NULL,
            last_ts REAL NOT NULL,
            n_articles INTEGER NOT NULL,
            n_copies INTEGER NOT NULL,
            title TEXT NOT NULL,
            title_id TEXT,
            languages TEXT NOT NULL,
            alerted_hour INTEGER,
            state TEXT NOT NULL,
            emb_sum BLOB,
            title_emb BLOB
        );
        CREATE INDEX stories_last_ts ON stories(last_ts);
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            time TEXT NOT NULL,
            lang TEXT,
            source TEXT,
            title TEXT,
            is_copy INTEGER NOT NULL,
            copy_of TEXT,
            score REAL
        );
        CREATE INDEX story_articles_story ON story_articles(story_id, time);
        CREATE TABLE story_alerts (
            id INTEGER PRIMARY KEY,
            story_id TEXT NOT NULL,
            at TEXT NOT NULL,
            title TEXT NOT NULL,
            recent INTEGER NOT NULL,
            previous INTEGER NOT NULL,
            rate REAL NOT NULL,
            n_articles INTEGER NOT NULL,
            languages TEXT NOT NULL
        );
        CREATE INDEX story_alerts_at ON story_alerts(at);
        CREATE TABLE story_df (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            n_docs INTEGER NOT NULL,
            counts BLOB NOT NULL
        );
        """,
    ),
]
"""Named migrations adding the story tables to the store (applied on first use)."""

STORY_COLUMNS = ["id", "first_seen", "last_seen", "first_ts", "last_ts", "n_articles", "n_copies", "title", "title_id",
                 "languages", "alerted_hour", "state", "emb_sum", "title_emb"]  # fmt: skip
MEMBER_COLUMNS = ["article_id", "story_id", "time", "lang", "source", "title", "is_copy", "copy_of", "score"]


def ensure_story_tables(store: SQLStore) -> None:
    """Apply the story migrations to a store (a no-op once applied)."""
    sql_store(store, "stories", STORY_MIGRATIONS)


class SQLStoryRepo:
    """The clusterer's `StoryRepo` on a SQL store (SQLite or PostgreSQL); every `save` is one transaction."""

    def __init__(self, store: SQLStore) -> None:
        ensure_story_tables(store)
        self.store = store
        self.conn = store.conn

    def load_stories(self, *, last_seen_from: datetime, last_seen_before: datetime | None) -> list[StoryProfile]:
        sql, params = "SELECT * FROM stories WHERE last_ts >= ?", [last_seen_from.timestamp()]
        if last_seen_before is not None:
            sql += " AND last_ts < ?"
            params.append(last_seen_before.timestamp())
        return [_profile(row) for row in self.conn.execute(sql, params)]

    def load_story(self, story_id: str) -> StoryProfile | None:
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        return _profile(row) if row else None

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        ids = list(article_ids)
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})"
            out.update({r[0]: r[1] for r in self.conn.execute(sql, chunk)})
        return out

    def load_df(self) -> HashedDF | None:
        row = self.conn.execute("SELECT n_docs, counts FROM story_df WHERE id = 1").fetchone()
        return HashedDF.from_bytes(row["counts"], n_docs=row["n_docs"]) if row else None

    def save(self, *, stories: list[StoryProfile], members: list[Member], alerts: list[Alert], df: HashedDF) -> None:
        with self.store.transaction():
            for story in stories:
                row = story.to_row()
                self.conn.execute(
                    upsert_sql("stories", STORY_COLUMNS, ["id"]),
                    (
                        story.id, row["first_seen"], row["last_seen"], story.first_seen.timestamp(),
                        story.last_seen.timestamp(), story.n_articles, story.n_copies, story.title, story.title_id,
                        ",".join(sorted(story.langs)), story.alerted_hour, json.dumps(row["state"]),
                        row["emb_sum"], row["title_emb"],
                    ),
                )  # fmt: skip
            self.conn.executemany(
                upsert_sql("story_articles", MEMBER_COLUMNS, ["article_id"]),
                [
                    (
                        m.article_id,
                        m.story_id,
                        utc_iso(m.time),
                        m.lang,
                        m.source,
                        m.title,
                        int(m.is_copy),
                        m.copy_of,
                        m.score,
                    )
                    for m in members
                ],
            )
            self.conn.executemany(
                "INSERT INTO story_alerts (story_id, at, title, recent, previous, rate, n_articles, languages)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.story_id, utc_iso(a.at), a.title, a.recent, a.previous, a.rate, a.n_articles,
                     ",".join(a.languages))
                    for a in alerts
                ],
            )  # fmt: skip
            self.conn.execute(
                upsert_sql("story_df", ["id", "n_docs", "counts"], ["id"]), (1, df.n_docs, df.to_bytes())
            )
            if members:
                self.conn.executemany(
                    f"UPDATE articles SET story_id = ?, data = {self.store.dialect.json_set('data', 'story_id')}"
                    " WHERE id = ?",
                    [(m.story_id, m.story_id, m.article_id) for m in members],
                )

    def clear(self) -> None:
        with self.store.transaction():
            for table in ("stories", "story_articles", "story_alerts", "story_df"):
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute(
                f"UPDATE articles SET story_id = NULL, data = {self.store.dialect.json_set('data', 'story_id')}"
                " WHERE story_id IS NOT NULL",
                (None,),
            )


def _profile(row: Any) -> StoryProfile:
    return StoryProfile.from_row(
        {
            "id": row["id"], "first_seen": row["first_seen"], "last_seen": row["last_seen"],
            "n_articles": row["n_articles"], "n_copies": row["n_copies"], "title": row["title"],
            "title_id": row["title_id"], "alerted_hour": row["alerted_hour"], "state": json.loads(row["state"]),
            "emb_sum": row["emb_sum"], "title_emb": row["title_emb"],
        }
    )  # fmt: skip


def stored_articles_in_order(store: SQLStore, *, since: datetime | None = None) -> Iterator[Article]:
    """Stored articles oldest first (publication time, else first stored; then id): the replay order."""
    sql = "SELECT data FROM articles"
    params: list[Any] = []
    if since is not None:
        sql += " WHERE COALESCE(published, first_stored) >= ?"
        params.append(utc_iso(since))
    sql += " ORDER BY COALESCE(published, first_stored), id"
    for row in store.stream(sql, params):
        yield Article.from_dict(json.loads(row["data"]))


def recluster_store(
    store: SQLStore, *, featurizer: Featurizer | None = None, config: ClusterConfig | None = None
) -> list[Assignment]:
    """Backfill: drop every story and cluster all stored articles again, oldest first."""
    repo = SQLStoryRepo(store)
    repo.clear()
    clusterer = Clusterer(repo=repo, featurizer=featurizer, config=config)
    out = []
    for i, (_, result) in enumerate(clusterer.add_articles(stored_articles_in_order(store)), 1):
        out.append(result)
        if i % 1000 == 0:
            clusterer.save()
    clusterer.save()
    return out


# ---- reading stories back ----------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class Speaker:
    """Someone quoted in a story: how many quotes, in how many of its articles, and one of them."""

    name: str
    speaker_id: str | None
    quotes: int
    articles: int
    example: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "speaker_id": self.speaker_id, "quotes": self.quotes,
                "articles": self.articles, "example": self.example}  # fmt: skip


def top_speakers(conn: Any, article_ids: list[str], *, limit: int = 8) -> list[Speaker]:
    """Speakers of the stored "quotes" spans of `article_ids`, most quoted articles first.

    Quotes without a resolved speaker are left out; speakers are merged by `speaker_id` when the
    registry gave one, else by name. The example is the speaker's first direct quote (else any).
    """
    quotes: Counter = Counter()
    in_articles: dict[str, set[str]] = defaultdict(set)
    names: dict[str, tuple[str, str | None]] = {}
    examples: dict[str, tuple[int, str]] = {}
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT article_id, evidence, attrs FROM spans WHERE grp = 'quotes' AND article_id IN ({marks}) "
            "ORDER BY article_id, start",
            chunk,
        )
        for row in rows:
            attrs = json.loads(row["attrs"])
            name = attrs.get("speaker_name")
            if not name:
                continue
            key = f"id:{attrs['speaker_id']}" if attrs.get("speaker_id") else f"name:{name.casefold()}"
            quotes[key] += 1
            in_articles[key].add(row["article_id"])
            names.setdefault(key, (name, attrs.get("speaker_id")))
            rank = 0 if attrs.get("kind") == "direct" else 1
            if key not in examples or rank < examples[key][0]:
                examples[key] = (rank, row["evidence"])
    order = sorted(quotes, key=lambda k: (-len(in_articles[k]), -quotes[k], names[k][0]))[:limit]
    return [
        Speaker(name=names[k][0], speaker_id=names[k][1], quotes=quotes[k], articles=len(in_articles[k]),
                example=examples[k][1])
        for k in order
    ]  # fmt: skip


@dataclass(slots=True, kw_only=True)
class StorySummary:
    """A story as listed and shown to users."""

    id: str
    title: str
    first_seen: datetime
    last_seen: datetime
    n_articles: int
    n_copies: int
    languages: dict[str, int]
    n_sources: int
    top_entities: list[str]
    growth: Growth
    members: list[Member] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)

    def to_dict(self, *, with_members: bool = False) -> dict[str, Any]:
        out = {
            "id": self.id,
            "title": self.title,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "articles": self.n_articles,
            "copies": self.n_copies,
            "languages": self.languages,
            "sources": self.n_sources,
            "top_entities": self.top_entities,
            "growth_rate": round(self.growth.rate, 3),
            "recent": self.growth.recent,
        }
        if with_members:
            out["speakers"] = [sp.to_dict() for sp in self.speakers]
            out["timeline"] = [
                {"hour": start.isoformat(), "by_lang": counts}
                for start, counts in timeline((m.time, m.lang) for m in self.members)
            ]
            out["members"] = [
                {"id": m.article_id, "time": m.time.isoformat(), "lang": m.lang, "source": m.source,
                 "title": m.title, "copy_of": m.copy_of, "score": m.score}
                for m in self.members
            ]  # fmt: skip
        return out

    def by_language(self) -> dict[str, list[tuple[Member, int]]]:
        """Members by language, oldest first, each with how many copies of it the story holds (copies folded)."""
        ids = {m.article_id for m in self.members}
        copies: Counter = Counter(m.copy_of for m in self.members if m.is_copy and m.copy_of in ids)
        out: dict[str, list[tuple[Member, int]]] = defaultdict(list)
        for m in self.members:
            if not (m.is_copy and m.copy_of in ids):
                out[m.lang].append((m, copies[m.article_id]))
        return dict(out)


class StoryReader:
    """Queries over the story tables, for the CLI and the API."""

    def __init__(self, store: SQLStore, *, span_hours: int = 3) -> None:
        ensure_story_tables(store)
        self.conn = store.conn
        self.span_hours = span_hours

    def list(
        self, *, since: datetime | None = None, limit: int = 50, min_articles: int = 1, recent_first: bool = False
    ) -> list[StorySummary]:
        """Stories active since `since`, largest first (most recently active first with `recent_first`)."""
        sql = "SELECT * FROM stories WHERE n_articles >= ?"
        params: list[Any] = [min_articles]
        if since is not None:
            sql += " AND last_ts >= ?"
            params.append(since.timestamp())
        order = "last_ts DESC, n_articles DESC" if recent_first else "n_articles DESC, last_ts DESC"
        sql += f" ORDER BY {order}, id LIMIT ?"
        params.append(limit)
        return [self._summary(_profile(row)) for row in self.conn.execute(sql, params)]

    def get(self, story_id: str) -> StorySummary | None:
        """One story with its members (oldest first)."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        members = [
            Member(
                article_id=r["article_id"], story_id=r["story_id"], time=datetime.fromisoformat(r["time"]),
                lang=r["lang"], source=r["source"], title=r["title"], is_copy=bool(r["is_copy"]), copy_of=r["copy_of"],
                score=r["score"],
            )
            for r in self.conn.execute(
                "SELECT * FROM story_articles WHERE story_id = ? ORDER BY time, article_id", (story_id,)
            )
        ]  # fmt: skip
        summary = self._summary(_profile(row), members=members)
        summary.speakers = top_speakers(self.conn, [m.article_id for m in members if not m.is_copy])
        return summary

    def alerts(self, *, since: datetime | None = None, limit: int = 100) -> list[Alert]:
        sql, params = "SELECT * FROM story_alerts", []
        if since is not None:
            sql += " WHERE at >= ?"
            params.append(utc_iso(since))
        sql += " ORDER BY at DESC, id DESC LIMIT ?"
        params.append(limit)
        return [
            Alert(
                story_id=r["story_id"], at=datetime.fromisoformat(r["at"]), title=r["title"], recent=r["recent"],
                previous=r["previous"], rate=r["rate"], n_articles=r["n_articles"],
                languages=[x for x in r["languages"].split(",") if x],
            )
            for r in self.conn.execute(sql, params)
        ]  # fmt: skip

    def _summary(self, story: StoryProfile, *, members: list[Member] | None = None) -> StorySummary:
        hours = hour_histogram(m.time for m in members) if members else story.hours
        g = growth(hours, ref_hour=utc_hour(story.last_seen), span_hours=self.span_hours)
        top = sorted(story.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
        return StorySummary(
            id=story.id,
            title=story.title,
            first_seen=story.first_seen,
            last_seen=story.last_seen,
            n_articles=story.n_articles,
            n_copies=story.n_copies,
            languages=dict(Counter(story.langs).most_common()),
            n_sources=len(story.sources),
            top_entities=[story.entity_names.get(k, k) for k, _ in top],
            growth=g,
            members=members or [],
        )
