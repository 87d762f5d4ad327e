"""Online story clustering: each new article joins the best story in its time window, or starts one.

Bounded cost. The clusterer keeps in memory only the stories whose last article lies within
`window` of the newest article seen (plus a margin of at most a day), loaded from and written back to a
`StoryRepo`. For each article it scores at most `max_candidates` of them: those sharing the most
entity keys or strongest terms with it (an inverted index over the cached stories) and the
`embedding_candidates` nearest by embedding (one matrix product over the cached centroids). So the
work per article depends on how many stories are live in the window, not on the archive size.

Same result in streaming and batch. Every decision depends only on the article, the stories
whose time span overlaps its window and the document frequencies, all of which are persisted
exactly; `recluster()` replays articles through the same code, so streaming in chunks (even with
a fresh clusterer per chunk) and one batch run over the same articles in the same order agree.

Copies (`duplicate_of`) and translations (`translation_of`) join their original's story; copies
are counted (`n_copies`) but do not change the story's centroids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np

from ..article import Article
from ..pipeline import batched
from .features import ArticleFeatures, Featurizer, HashedDF
from .profile import ArticleVector, Score, ScoreConfig, StoryProfile, score, utc_hour
from .timeline import Alert, AlertConfig, growth, is_breaking


@dataclass(slots=True, kw_only=True)
class ClusterConfig:
    """Options of the online clusterer."""

    window: timedelta = timedelta(days=3)
    max_candidates: int = 30
    embedding_candidates: int = 10
    index_terms: int = 15
    top_terms: int = 300
    top_entities: int = 100
    evict_every: int = 500
    score: ScoreConfig = field(default_factory=ScoreConfig)
    alerts: AlertConfig = field(default_factory=AlertConfig)


@dataclass(slots=True, kw_only=True)
class Member:
    """One article's place in a story."""

    article_id: str
    story_id: str
    time: datetime
    lang: str
    source: str
    title: str
    is_copy: bool = False
    copy_of: str | None = None
    score: float | None = None


@dataclass(slots=True, kw_only=True)
class Assignment:
    """Where an article went and why."""

    article_id: str
    story_id: str | None
    new: bool = False
    copy: bool = False
    linked: bool = False
    score: Score | None = None
    candidates: int = 0


class StoryRepo(Protocol):
    """Where story profiles, memberships, alerts and document frequencies persist."""

    def load_stories(self, *, last_seen_from: datetime, last_seen_before: datetime | None) -> list[StoryProfile]: ...

    def load_story(self, story_id: str) -> StoryProfile | None: ...

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]: ...

    def load_df(self) -> HashedDF | None: ...

    def save(
        self, *, stories: list[StoryProfile], members: list[Member], alerts: list[Alert], df: HashedDF
    ) -> None: ...

    def clear(self) -> None: ...


class MemoryRepo:
    """A `StoryRepo` in memory; profiles go through `to_row`/`from_row` like in a real store."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.members: dict[str, Member] = {}
        self.alerts: list[Alert] = []
        self.df: tuple[bytes, int] | None = None

    def load_stories(self, *, last_seen_from: datetime, last_seen_before: datetime | None) -> list[StoryProfile]:
        out = []
        for row in self.rows.values():
            last = datetime.fromisoformat(row["last_seen"])
            if last >= last_seen_from and (last_seen_before is None or last < last_seen_before):
                out.append(StoryProfile.from_row(row))
        return out

    def load_story(self, story_id: str) -> StoryProfile | None:
        row = self.rows.get(story_id)
        return StoryProfile.from_row(row) if row else None

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        return {a: self.members[a].story_id for a in article_ids if a in self.members}

    def load_df(self) -> HashedDF | None:
        return HashedDF.from_bytes(self.df[0], n_docs=self.df[1]) if self.df else None

    def save(self, *, stories: list[StoryProfile], members: list[Member], alerts: list[Alert], df: HashedDF) -> None:
        for story in stories:
            self.rows[story.id] = story.to_row()
        for member in members:
            self.members[member.article_id] = member
        self.alerts.extend(alerts)
        self.df = (df.to_bytes(), df.n_docs)

    def clear(self) -> None:
        self.__init__()


def story_id_for(article_id: str) -> str:
    """Stable story id: derived from the article that started the story."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:15]


class Clusterer:
    """Assigns articles to stories one at a time (see the module doc). Call `save()` to persist."""

    def __init__(
        self,
        *,
        repo: StoryRepo | None = None,
        featurizer: Featurizer | None = None,
        config: ClusterConfig | None = None,
    ) -> None:
        self.repo: StoryRepo = repo if repo is not None else MemoryRepo()
        self.featurizer = featurizer or Featurizer()
        self.config = config or ClusterConfig()
        self.df = self.repo.load_df() or HashedDF()
        self.watermark: datetime | None = None
        self._stories: dict[str, StoryProfile] = {}
        self._cache_lo: datetime | None = None
        self._postings: dict[str, set[str]] = {}
        self._dirty: set[str] = set()
        self._members: list[Member] = []
        self._alerts: list[Alert] = []
        self._pending: dict[str, str] = {}
        self._since_evict = 0
        self._slot_of: dict[str, int] = {}
        self._slot_ids: list[str | None] = []
        self._free: list[int] = []
        self._mat: np.ndarray | None = None
        self._first = np.zeros(0)
        self._last = np.zeros(0)

    # ---- public API ----------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article], *, batch: int = 64) -> Iterator[tuple[Article, Assignment]]:
        """Cluster articles in order, setting `story_id`; embeddings are computed `batch` at a time."""
        for chunk in batched(articles, batch):
            yield from self._add_chunk(chunk)

    def add(self, feats: ArticleFeatures) -> Assignment:
        """Cluster one article from its features."""
        known = self._story_of(feats.id)
        if known:
            return Assignment(article_id=feats.id, story_id=known)
        when = feats.time
        if when is None:
            return Assignment(article_id=feats.id, story_id=None)
        self._cover(when)
        self.watermark = when if self.watermark is None else max(self.watermark, when)
        link = feats.duplicate_of or feats.translation_of
        if link:
            story = self._linked_story(link)
            if story is not None:
                copy = feats.duplicate_of is not None
                vec = None if copy else ArticleVector(feats, self.df)
                self._join(story, feats, when, copy=copy, score=None, vec=vec)
                return Assignment(article_id=feats.id, story_id=story.id, copy=copy, linked=True)
        vec = ArticleVector(feats, self.df)
        keys = self._index_keys(vec)
        candidates = self._candidates(vec, keys, when)
        best: tuple[float, str, Score] | None = None
        for sid in candidates:
            s = score(vec, self._stories[sid], self.config.score)
            if s.passes(self.config.score) and (best is None or (s.total, best[1]) > (best[0], sid)):
                best = (s.total, sid, s)
        if best is not None:
            story = self._stories[best[1]]
            self._join(story, feats, when, copy=False, score=best[2], keys=keys, vec=vec)
            result = Assignment(article_id=feats.id, story_id=story.id, score=best[2], candidates=len(candidates))
        else:
            story = StoryProfile(id=story_id_for(feats.id), first_seen=when, last_seen=when)
            self._stories[story.id] = story
            self._join(story, feats, when, copy=False, score=None, keys=keys, vec=vec)
            result = Assignment(article_id=feats.id, story_id=story.id, new=True, candidates=len(candidates))
        self.df.add(feats.keys)
        self._since_evict += 1
        if self._since_evict >= self.config.evict_every:
            self._evict()
        return result

    def save(self) -> int:
        """Write changed stories, new memberships, alerts and document frequencies; return the alerts written."""
        n_alerts = len(self._alerts)
        self.repo.save(
            stories=[self._stories[s] for s in sorted(self._dirty) if s in self._stories],
            members=self._members,
            alerts=self._alerts,
            df=self.df,
        )
        self._dirty.clear()
        self._members = []
        self._alerts = []
        self._pending.clear()
        return n_alerts

    @property
    def live_stories(self) -> int:
        """Stories currently held in memory."""
        return len(self._stories)

    # ---- internals -----------------------------------------------------------------------------

    def _add_chunk(self, chunk: list[Article]) -> Iterator[tuple[Article, Assignment]]:
        embeddings = [_given_embedding(a) for a in chunk]
        for article, feats in zip(chunk, self.featurizer.features_many(chunk, embeddings=embeddings), strict=True):
            result = self.add(feats)
            article.story_id = result.story_id
            yield article, result

    def _story_of(self, article_id: str) -> str | None:
        if article_id in self._pending:
            return self._pending[article_id]
        return self.repo.stories_of([article_id]).get(article_id)

    def _linked_story(self, article_id: str) -> StoryProfile | None:
        sid = self._story_of(article_id)
        if sid is None:
            return None
        if sid not in self._stories:
            story = self.repo.load_story(sid)
            if story is None:
                return None
            self._cache(story)
        return self._stories[sid]

    def _cover(self, when: datetime) -> None:
        """Make sure every story that may overlap `when`'s window is in memory."""
        lo = when - self.config.window
        if self._cache_lo is not None and lo >= self._cache_lo:
            return
        for story in self.repo.load_stories(last_seen_from=lo, last_seen_before=self._cache_lo):
            if story.id not in self._stories:
                self._cache(story)
        self._cache_lo = lo

    def _evict(self) -> None:
        self._since_evict = 0
        if self.watermark is None or self._cache_lo is None:
            return
        lo = self.watermark - self.config.window - min(self.config.window, timedelta(days=1))
        if lo <= self._cache_lo:
            return
        self.save()
        for sid in [s for s, story in self._stories.items() if story.last_seen < lo]:
            story = self._stories.pop(sid)
            for key in story.index_keys:
                posting = self._postings.get(key)
                if posting is not None:
                    posting.discard(sid)
                    if not posting:
                        del self._postings[key]
            slot = self._slot_of.pop(sid, None)
            if slot is not None:
                self._slot_ids[slot] = None
                self._last[slot] = -np.inf
                self._free.append(slot)
        self._cache_lo = lo

    def _cache(self, story: StoryProfile) -> None:
        self._stories[story.id] = story
        for key in story.index_keys:
            self._postings.setdefault(key, set()).add(story.id)
        self._update_slot(story)

    def _index_keys(self, vec: ArticleVector) -> set[str]:
        return {f"e:{e}" for e in vec.entities} | {f"t:{t}" for t in vec.top_terms(self.config.index_terms)}

    def _join(
        self,
        story: StoryProfile,
        feats: ArticleFeatures,
        when: datetime,
        *,
        copy: bool,
        score: Score | None,
        keys: set[str] | None = None,
        vec: ArticleVector | None = None,
    ) -> None:
        cfg = self.config
        story.touch(feats, when, keep_hours=2 * cfg.alerts.span_hours + 1)
        if copy:
            story.n_copies += 1
        elif vec is not None:
            story.absorb(vec, top_terms=cfg.top_terms, top_entities=cfg.top_entities)
        for key in keys or ():
            if key not in story.index_keys:
                story.index_keys.add(key)
                self._postings.setdefault(key, set()).add(story.id)
        self._update_slot(story)
        self._dirty.add(story.id)
        self._pending[feats.id] = story.id
        self._members.append(
            Member(
                article_id=feats.id,
                story_id=story.id,
                time=when,
                lang=feats.lang,
                source=feats.source,
                title=feats.title,
                is_copy=copy,
                copy_of=feats.duplicate_of if copy else None,
                score=None if score is None else round(score.total, 4),
            )
        )
        self._check_alert(story)

    def _check_alert(self, story: StoryProfile) -> None:
        cfg = self.config.alerts
        ref = utc_hour(story.last_seen)
        g = growth(story.hours, ref_hour=ref, span_hours=cfg.span_hours)
        if not is_breaking(g, n_sources=len(story.sources), config=cfg):
            return
        if story.alerted_hour is not None and ref - story.alerted_hour < cfg.cooldown_hours:
            return
        story.alerted_hour = ref
        self._alerts.append(
            Alert(
                story_id=story.id,
                at=story.last_seen,
                title=story.title,
                recent=g.recent,
                previous=g.previous,
                rate=g.rate,
                n_articles=story.n_articles,
                languages=sorted(story.langs),
            )
        )

    def _candidates(self, vec: ArticleVector, keys: set[str], when: datetime) -> list[str]:
        cfg = self.config
        lo, hi = when - cfg.window, when + cfg.window

        def live(sid: str) -> bool:
            s = self._stories[sid]
            return s.last_seen >= lo and s.first_seen <= hi

        hits: Counter = Counter()
        for key in keys:
            for sid in self._postings.get(key, ()):
                hits[sid] += 1
        n_index = cfg.max_candidates - (cfg.embedding_candidates if vec.feats.embedding is not None else 0)
        ranked = sorted((sid for sid in hits if live(sid)), key=lambda sid: (-hits[sid], sid))[:n_index]
        chosen = set(ranked)
        if vec.feats.embedding is not None and self._mat is not None and self._slot_of:
            sims = self._mat @ vec.feats.embedding
            ok = (self._last >= lo.timestamp()) & (self._first <= hi.timestamp())
            sims = np.where(ok, sims, -np.inf)
            k = min(cfg.embedding_candidates, int(ok.sum()))
            if k:
                top = np.argpartition(-sims, k - 1)[:k]
                pairs = sorted((-float(sims[i]), self._slot_ids[i]) for i in top if sims[i] > -np.inf)
                for _, sid in pairs:
                    if sid is not None and len(chosen) < cfg.max_candidates:
                        chosen.add(sid)
        return sorted(chosen)

    def _update_slot(self, story: StoryProfile) -> None:
        centroid = story.centroid
        if centroid is None:
            return
        if self._mat is None:
            self._mat = np.zeros((256, len(centroid)))
            self._first = np.full(256, np.inf)
            self._last = np.full(256, -np.inf)
            self._slot_ids = [None] * 256
            self._free = list(range(255, -1, -1))
        slot = self._slot_of.get(story.id)
        if slot is None:
            if not self._free:
                n = len(self._slot_ids)
                self._mat = np.vstack([self._mat, np.zeros_like(self._mat)])
                self._first = np.concatenate([self._first, np.full(n, np.inf)])
                self._last = np.concatenate([self._last, np.full(n, -np.inf)])
                self._slot_ids.extend([None] * n)
                self._free = list(range(2 * n - 1, n - 1, -1))
            slot = self._free.pop()
            self._slot_of[story.id] = slot
            self._slot_ids[slot] = story.id
        self._mat[slot] = centroid
        self._first[slot] = story.first_seen.timestamp()
        self._last[slot] = story.last_seen.timestamp()


def _given_embedding(article: Article) -> np.ndarray | None:
    """An embedding an earlier step left in `article.meta["embedding"]`, if any."""
    vec = article.meta.get("embedding")
    return None if vec is None else np.asarray(vec, dtype=np.float64)


def recluster(
    articles: Iterable[Article],
    *,
    repo: StoryRepo,
    featurizer: Featurizer | None = None,
    config: ClusterConfig | None = None,
) -> list[Assignment]:
    """Backfill: forget the repo's stories and cluster `articles` again, in the order given."""
    repo.clear()
    clusterer = Clusterer(repo=repo, featurizer=featurizer, config=config)
    out = [result for _, result in clusterer.add_articles(articles)]
    clusterer.save()
    return out
