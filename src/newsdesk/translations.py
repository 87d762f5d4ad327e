"""Translation links: an article that is a translation of another one gets `translation_of`.

A content farm's French version of an English wire shares little text with it, so shingles do
not see it. `TranslationStep` compares each article with recent articles in *other* languages
on multilingual signals (see `translation_features`): sentence alignment (every sentence of a
translation has a close counterpart), the document-embedding cosine, shared numbers and years
(translations keep them), and shared names (folded with anyascii). Two articles on the same story
written independently are close on the embedding but align poorly sentence by sentence, and
differ in their numbers: that is what separates them from translations.

Which one is the original: the earlier published (compared by `simultaneous` buckets); among
simultaneous articles, one in a `prefer_langs` language (wire languages, English by default),
then the one already indexed. A link, once made, never changes; re-running adds no link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from .article import Article
from .embeddings import DIM, DocumentEncoder, alignment, cosine
from .pipeline import StepStats, batched
from .similarity import Profile, extract, set_overlap

TRANSLATION_WEIGHTS = {"alignment": 0.45, "embedding": 0.25, "numbers": 0.15, "names": 0.15}
"""Weights of the translation score (see `translation_score`)."""
THRESHOLD = 0.64
"""Score from which a pair is a translation; tuned in bench/translation_quality.py (see its report)."""
MIN_COSINE = 0.5
"""Document cosine below which a candidate is not scored at all."""
MIN_LENGTH_RATIO = 0.5
"""A translation has at least half as many sentences as its original, and at most twice as many."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def translation_features(a: Profile, b: Profile) -> dict[str, float]:
    """Signals of "b translates a" (symmetric), each in [0, 1]."""
    align = alignment(a.sentences, b.sentences) if a.sentences is not None and b.sentences is not None else 0.0
    nums_a, nums_b = a.numbers | a.years, b.numbers | b.years
    n, m = (len(a.sentences) if a.sentences is not None else 0), (len(b.sentences) if b.sentences is not None else 0)
    return {
        "alignment": align,
        "embedding": cosine(a.vector, b.vector) if a.vector is not None and b.vector is not None else 0.0,
        # no numbers on either side: neutral (the alignment stands in for it)
        "numbers": set_overlap(nums_a, nums_b) if nums_a or nums_b else align,
        "names": set_overlap(a.names, b.names) if a.names or b.names else align,
        "length_ratio": min(n, m) / max(n, m) if n and m else 0.0,
    }


def translation_score(features: dict[str, float]) -> float:
    """Weighted translation score in [0, 1]; 0 when the lengths are too different."""
    if features["length_ratio"] < MIN_LENGTH_RATIO:
        return 0.0
    return sum(w * features[k] for k, w in TRANSLATION_WEIGHTS.items())


@dataclass(slots=True)
class _Entry:
    id: str
    lang: str | None
    published: datetime | None
    profile: Profile
    original: str | None


class TranslationIndex:
    """Recent embedded articles that later articles may translate (bounded to `max_entries`)."""

    def __init__(self, *, max_entries: int = 50_000) -> None:
        self.max_entries = max_entries
        self._entries: list[_Entry] = []
        self._by_id: dict[str, _Entry] = {}
        self._buffer = np.zeros((64, DIM), dtype=np.float32)  # rows [0, len) are the entries' vectors

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def original(self, article_id: str) -> str | None:
        entry = self._by_id.get(article_id)
        return entry.original if entry else None

    def add(self, entry: _Entry) -> None:
        n = len(self._entries)
        if n == len(self._buffer):
            self._buffer = np.vstack([self._buffer, np.zeros_like(self._buffer)])
        self._buffer[n] = entry.profile.vector
        self._entries.append(entry)
        self._by_id[entry.id] = entry
        if len(self._entries) > self.max_entries:  # forget the oldest quarter at once
            drop = len(self._entries) - self.max_entries + self.max_entries // 4
            for old in self._entries[:drop]:
                del self._by_id[old.id]
            self._entries = self._entries[drop:]
            self._buffer = self._buffer[drop:].copy()

    def nearest(self, vector: np.ndarray, *, min_cosine: float) -> list[tuple[_Entry, float]]:
        """Entries whose document cosine with `vector` reaches `min_cosine`, best first."""
        if not self._entries:
            return []
        sims = self._buffer[: len(self._entries)] @ vector
        idx = np.flatnonzero(sims >= min_cosine)
        return sorted(((self._entries[i], float(sims[i])) for i in idx), key=lambda t: (-t[1], t[0].id))


class TranslationStep:
    """Link translations to their original (`translation_of`), keeping every article.

    `encoder` embeds documents (default: the process-wide USE model, loaded on first use);
    `index` keeps recent articles across chunks (bounded); `warm()` adds articles stored by earlier
    runs, and `warm_from` gives them lazily, when the first article arrives. Candidates are articles
    in another language published within `window` of each other (undated articles match any date).
    """

    name = "translations"
    needs = ("text", "lang")
    adds = ("translation_of",)

    def __init__(
        self,
        *,
        encoder: DocumentEncoder | None = None,
        index: TranslationIndex | None = None,
        threshold: float = THRESHOLD,
        window: timedelta = timedelta(days=3),
        simultaneous: timedelta = timedelta(hours=1),
        prefer_langs: tuple[str, ...] = ("en",),
        chunk_size: int = 256,
        warm_from: Callable[[], Iterable[Article]] | None = None,
    ) -> None:
        self.warm_from = warm_from
        self.encoder = encoder if encoder is not None else DocumentEncoder()
        self.index = index if index is not None else TranslationIndex()
        self.threshold = threshold
        self.window = window
        self.simultaneous = simultaneous
        self.prefer_langs = prefer_langs
        self.chunk_size = chunk_size

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for chunk in batched(articles, self.chunk_size):
            if self.warm_from is not None:  # only when something new arrives: re-runs stay cheap
                stats.count("warmed", self.warm(self.warm_from()))
                self.warm_from = None
            yield from self._process(chunk, stats)

    def priority(self, article: Article) -> tuple:
        """Sort key: lower comes first and is the original of a translation pair."""
        if article.published is None:
            bucket = float("inf")
        else:
            published = article.published if article.published.tzinfo else article.published.replace(tzinfo=UTC)
            bucket = (published - _EPOCH) // self.simultaneous
        return (bucket, article.lang not in self.prefer_langs, article.id)

    def best_original(self, article: Article, profile: Profile) -> tuple[str, float] | None:
        """The indexed article `article` translates, with the score, or None."""
        best: tuple[str, float] | None = None
        for entry, _ in self.index.nearest(profile.vector, min_cosine=MIN_COSINE):
            if entry.lang == article.lang or not self._in_window(article.published, entry.published):
                continue
            score = translation_score(translation_features(entry.profile, profile))
            if score >= self.threshold and (best is None or score > best[1]):
                best = (entry.original or entry.id, score)
        return best

    def _in_window(self, a: datetime | None, b: datetime | None) -> bool:
        if a is None or b is None:
            return True
        a = a if a.tzinfo else a.replace(tzinfo=UTC)
        b = b if b.tzinfo else b.replace(tzinfo=UTC)
        return abs(a - b) <= self.window

    def warm(self, articles: Iterable[Article]) -> int:
        """Index articles stored by earlier runs (e.g. the last `window` of the store) without linking them.

        Their own `translation_of` is kept as is. Returns how many were added.
        """
        batch = [a for a in articles if a.id not in self.index and not a.is_copy and a.lang and a.text.strip()]
        batch.sort(key=self.priority)
        for article, prof in zip(batch, self._profiles(batch), strict=True):
            self.index.add(_Entry(id=article.id, lang=article.lang, published=article.published, profile=prof,
                                  original=article.translation_of))
        return len(batch)

    def _profiles(self, articles: list[Article]) -> list[Profile]:
        profiles = [extract(a.text, lang=a.lang, title=a.title) for a in articles]
        docs = self.encoder.encode([a.text for a in articles], titles=[a.title for a in articles])
        for prof, vecs in zip(profiles, docs, strict=True):
            prof.vector, prof.sentences = vecs.vector, vecs.sentences
        return profiles

    def _process(self, chunk: list[Article], stats: StepStats) -> Iterator[Article]:
        todo: list[Article] = []
        for article in chunk:
            if article.id in self.index:
                article.translation_of = self.index.original(article.id)
                stats.count("already_indexed")
            elif article.is_copy:
                stats.count("skipped_copies")
            elif not article.lang or not article.text.strip():
                stats.count("skipped_no_language" if article.text.strip() else "skipped_empty")
            else:
                todo.append(article)
        todo.sort(key=self.priority)
        for article, prof in zip(todo, self._profiles(todo), strict=True):
            found = None if article.translation_of else self.best_original(article, prof)
            if found:
                article.translation_of = found[0]
                article.meta["translation"] = {"of": found[0], "score": round(found[1], 3)}
                stats.count("translations")
            self.index.add(_Entry(id=article.id, lang=article.lang, published=article.published, profile=prof,
                                  original=article.translation_of))
        yield from chunk
