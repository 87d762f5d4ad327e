"""A story's running summary (`StoryProfile`) and how an article is scored against it.

A profile keeps centroids rather than its members, so scoring an article against a story costs
the same whether the story has 2 or 2,000 articles: per-language sums of term weights (capped to
the strongest `top_terms`), a sum of entity weights, a sum of unit embeddings, its time span,
and an hourly histogram of recent articles for growth alerts.

`score()` combines, for one article and one story:
- terms: TF-IDF cosine against the story's centroid in the article's own language, times the
  centroid's coherence (length of the mean of its members' unit vectors, 1 for a single article,
  lower as unrelated articles pile up) to the power `diffuse_power`: cosine times coherence is the
  mean similarity to the members, so a story that has drifted into a broad topic (daily market
  reports) stops attracting every article of that topic; with `anchor`, the cosine with the story's
  first article (its `ANCHOR_TERMS` strongest terms, which never drift) counts when higher, which
  keeps follow-ups that share background with the first report; with `coverage` c, the cosine
  weighted by the share of the article's term weight found in the story, cos^(1-c) * share^c,
  counts when higher: a short follow-up that repeats part of a long report has a low cosine with
  it but most of its weight in it, while an article of another story shares only some words;
- entities: TF-IDF cosine of merged entity keys (only when the article has entities and the story
  has annotated members: an article in which no entity was found is not a disagreement);
- embedding: cosine of the article's multilingual embedding with the story's mean embedding,
  scaled by its coherence like the terms, then rescaled so that cosines below `embedding_floor`
  (same broad topic, other story) score 0 (`cross_embedding_floor` across languages: the encoder
  gives two reports of one story in two languages a lower cosine than in one language);
- time decay: multiplied in, `floor + (1 - floor) * exp(-gap / tau)` where gap is the distance
  from the article to the story's time span.
An article in a language the story does not have yet is scored "cross-lingually": terms are left
out and the remaining parts are reweighted, against a threshold of its own.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import numpy as np

from .features import ArticleFeatures, HashedDF


@dataclass(slots=True, kw_only=True)
class ScoreConfig:
    """Weights and thresholds of the article-to-story score."""

    w_terms: float = 0.45
    w_entities: float = 0.1
    w_embedding: float = 0.05
    threshold: float = 0.3
    cross_threshold: float = 0.3
    embedding_floor: float = 0.5
    cross_embedding_floor: float = 0.25
    coverage: float = 0.5
    tau_hours: float = 72.0
    decay_floor: float = 0.5
    diffuse_power: float = 1.5
    anchor: bool = False


@dataclass(slots=True)
class Score:
    """An article-to-story score with its parts (None: part not available)."""

    total: float
    terms: float | None
    entities: float | None
    embedding: float | None
    decay: float
    cross: bool

    def passes(self, config: ScoreConfig) -> bool:
        return self.total >= (config.cross_threshold if self.cross else config.threshold)


ANCHOR_TERMS = 60
"""Terms kept of a story's first article, the anchor that does not drift as the story grows."""


def utc_hour(when: datetime) -> int:
    """Hours since the epoch (UTC), the unit of story histograms."""
    return math.floor(when.timestamp() / 3600)


@dataclass(slots=True, kw_only=True)
class StoryProfile:
    """Running summary of one story."""

    id: str
    first_seen: datetime
    last_seen: datetime
    n_articles: int = 0
    n_copies: int = 0
    langs: Counter = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    terms: dict[str, dict[str, float]] = field(default_factory=dict)
    term_norms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)
    entity_norm: float = 0.0
    n_annotated: int = 0
    emb_sum: np.ndarray | None = None
    title: str = ""
    title_id: str = ""
    title_emb: np.ndarray | None = None
    hours: dict[int, int] = field(default_factory=dict)
    alerted_hour: int | None = None
    index_keys: set[str] = field(default_factory=set)
    n_vecs: dict[str, int] = field(default_factory=dict)
    n_emb: int = 0
    anchor: dict[str, float] = field(default_factory=dict)
    anchor_lang: str = ""

    @property
    def centroid(self) -> np.ndarray | None:
        if self.emb_sum is None:
            return None
        norm = float(np.linalg.norm(self.emb_sum))
        return self.emb_sum / norm if norm else None

    # ---- updates -------------------------------------------------------------------------------

    def touch(self, feats: ArticleFeatures, when: datetime, *, keep_hours: int) -> None:
        """Count an article (original or copy) in the story's size, span, languages and histogram."""
        self.n_articles += 1
        self.first_seen = min(self.first_seen, when)
        self.last_seen = max(self.last_seen, when)
        self.langs[feats.lang] += 1
        self.sources.add(feats.source)
        hour = utc_hour(when)
        self.hours[hour] = self.hours.get(hour, 0) + 1
        newest = utc_hour(self.last_seen)
        for h in [h for h in self.hours if h <= newest - keep_hours]:
            del self.hours[h]

    def absorb(self, vec: ArticleVector, *, top_terms: int, top_entities: int) -> None:
        """Fold an original article's unit TF-IDF vectors and embedding into the centroids.

        Vectors are weighted with the document frequencies of the moment they are added, so a
        centroid and its norm never need recomputing when frequencies move on.
        """
        feats = vec.feats
        bucket = self.terms.setdefault(feats.lang, {})
        if vec.term_norm:
            for term, w in vec.terms.items():
                bucket[term] = bucket.get(term, 0.0) + w / vec.term_norm
        if vec.term_norm:
            self.n_vecs[feats.lang] = self.n_vecs.get(feats.lang, 0) + 1
            if not self.anchor:
                strongest = sorted(vec.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:ANCHOR_TERMS]
                norm = math.sqrt(sum(w * w for _, w in strongest))
                self.anchor = {t: w / norm for t, w in strongest}
                self.anchor_lang = feats.lang
        if len(bucket) > top_terms:
            keep = sorted(bucket.items(), key=lambda kv: (-kv[1], kv[0]))[:top_terms]
            bucket.clear()
            bucket.update(keep)
        self.term_norms[feats.lang] = math.sqrt(sum(v * v for v in bucket.values()))
        if feats.has_entities:
            self.n_annotated += 1
            for key, w in vec.entities.items():
                self.entities[key] = self.entities.get(key, 0.0) + w / vec.entity_norm
                self.entity_names.setdefault(key, feats.entity_names.get(key, key))
            if len(self.entities) > top_entities:
                keep = sorted(self.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:top_entities]
                self.entities = dict(keep)
                self.entity_names = {k: self.entity_names[k] for k in self.entities}
            self.entity_norm = math.sqrt(sum(v * v for v in self.entities.values()))
        if feats.embedding is not None:
            self.emb_sum = feats.embedding.copy() if self.emb_sum is None else self.emb_sum + feats.embedding
            self.n_emb += 1
        self._retitle(feats)

    def _retitle(self, feats: ArticleFeatures) -> None:
        """Keep as title the headline closest to the story's mean embedding (the first one without embeddings)."""
        centroid = self.centroid
        if not self.title or centroid is None or self.title_emb is None:
            if not self.title or (self.title_emb is None and feats.embedding is not None):
                self.title, self.title_id, self.title_emb = feats.title, feats.id, feats.embedding
            return
        if feats.embedding is not None and float(feats.embedding @ centroid) > float(self.title_emb @ centroid):
            self.title, self.title_id, self.title_emb = feats.title, feats.id, feats.embedding

    # ---- serialisation -------------------------------------------------------------------------

    def to_row(self) -> dict[str, Any]:
        """Plain values (JSON-able except the two embedding blobs) that `from_row` restores exactly."""
        return {
            "id": self.id,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "n_articles": self.n_articles,
            "n_copies": self.n_copies,
            "title": self.title,
            "title_id": self.title_id,
            "alerted_hour": self.alerted_hour,
            "state": {
                "langs": dict(self.langs),
                "sources": sorted(self.sources),
                "terms": self.terms,
                "term_norms": self.term_norms,
                "entities": self.entities,
                "entity_names": self.entity_names,
                "entity_norm": self.entity_norm,
                "n_annotated": self.n_annotated,
                "hours": {str(h): n for h, n in self.hours.items()},
                "index_keys": sorted(self.index_keys),
                "n_vecs": self.n_vecs,
                "n_emb": self.n_emb,
                "anchor": self.anchor,
                "anchor_lang": self.anchor_lang,
            },
            "emb_sum": None if self.emb_sum is None else self.emb_sum.astype("<f8").tobytes(),
            "title_emb": None if self.title_emb is None else self.title_emb.astype("<f8").tobytes(),
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StoryProfile:
        s = row["state"]
        return cls(
            id=row["id"],
            first_seen=datetime.fromisoformat(row["first_seen"]),
            last_seen=datetime.fromisoformat(row["last_seen"]),
            n_articles=row["n_articles"],
            n_copies=row["n_copies"],
            title=row["title"],
            title_id=row["title_id"],
            alerted_hour=row["alerted_hour"],
            langs=Counter(s["langs"]),
            sources=set(s["sources"]),
            terms={lang: dict(t) for lang, t in s["terms"].items()},
            term_norms=dict(s["term_norms"]),
            entities=dict(s["entities"]),
            entity_names=dict(s["entity_names"]),
            entity_norm=s["entity_norm"],
            n_annotated=s["n_annotated"],
            hours={int(h): n for h, n in s["hours"].items()},
            index_keys=set(s["index_keys"]),
            n_vecs=dict(s.get("n_vecs", {})),
            n_emb=s.get("n_emb", 0),
            anchor=dict(s.get("anchor", {})),
            anchor_lang=s.get("anchor_lang", ""),
            emb_sum=_vec(row["emb_sum"]),
            title_emb=_vec(row["title_emb"]),
        )


def _vec(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<f8").astype(np.float64)


class ArticleVector:
    """IDF-weighted article vectors, computed once per article and reused for every candidate."""

    __slots__ = ("feats", "terms", "term_norm", "entities", "entity_norm")

    def __init__(self, feats: ArticleFeatures, df: HashedDF) -> None:
        self.feats = feats
        self.terms = {t: w * df.idf("t:" + t) for t, w in feats.terms.items()}
        self.term_norm = math.sqrt(sum(v * v for v in self.terms.values()))
        self.entities = {e: w * df.idf("e:" + e) for e, w in feats.entities.items()}
        self.entity_norm = math.sqrt(sum(v * v for v in self.entities.values()))

    def top_terms(self, n: int) -> list[str]:
        return [t for t, _ in sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def score(vec: ArticleVector, story: StoryProfile, config: ScoreConfig) -> Score:
    """How well an article fits a story (see the module doc)."""
    feats = vec.feats
    cross = feats.lang not in story.terms
    parts: list[tuple[float, float]] = []
    terms = None
    if not cross:
        bucket = story.terms[feats.lang]
        denom = vec.term_norm * story.term_norms.get(feats.lang, 0.0)
        dot = covered = 0.0
        for t, a in vec.terms.items():
            if t in bucket:
                dot += a * bucket[t]
                covered += a * a
        terms = dot / denom if denom else 0.0
        if config.coverage and vec.term_norm:
            share = math.sqrt(covered) / vec.term_norm
            terms = max(terms, terms ** (1 - config.coverage) * share**config.coverage)
        n = story.n_vecs.get(feats.lang, 0)
        if config.diffuse_power and n > 1:
            terms *= min(1.0, story.term_norms.get(feats.lang, 0.0) / n) ** config.diffuse_power
        if config.anchor and n > 1 and story.anchor_lang == feats.lang and vec.term_norm:
            mine = vec.terms
            anchored = sum(w * mine[t] for t, w in story.anchor.items() if t in mine) / vec.term_norm
            terms = max(terms, anchored)
        parts.append((config.w_terms, terms))
    entities = None
    if feats.entities and story.n_annotated:
        denom = vec.entity_norm * story.entity_norm
        dot = sum(a * story.entities[e] for e, a in vec.entities.items() if e in story.entities)
        entities = dot / denom if denom else 0.0
        parts.append((config.w_entities, entities))
    embedding = None
    norm = 0.0 if story.emb_sum is None else float(np.sqrt(story.emb_sum @ story.emb_sum))
    if feats.embedding is not None and norm:
        cos = float(feats.embedding @ story.emb_sum) / norm
        if config.diffuse_power and story.n_emb > 1:
            cos *= min(1.0, norm / story.n_emb) ** config.diffuse_power
        floor = config.cross_embedding_floor if cross else config.embedding_floor
        embedding = max(0.0, (cos - floor) / (1.0 - floor))
        parts.append((config.w_embedding, embedding))
    weight = sum(w for w, _ in parts)
    base = sum(w * v for w, v in parts) / weight if weight else 0.0
    decay = 1.0
    if feats.time is not None:
        gap = max(0.0, (story.first_seen - feats.time).total_seconds(), (feats.time - story.last_seen).total_seconds())
        decay = config.decay_floor + (1 - config.decay_floor) * math.exp(-gap / 3600 / config.tau_hours)
    return Score(total=base * decay, terms=terms, entities=entities, embedding=embedding, decay=decay, cross=cross)


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
