"""What story clustering looks at in one article: content words, entities, an embedding, a time.

`Featurizer.features(article)` turns an `Article` into `ArticleFeatures`:

- terms: sublinear term frequencies of content words (casefolded, accents stripped, stop words of
  the article's language removed, headline words counted twice);
- entities: merged entity ids from the "entities" span group (attr `entity_id`), falling back to
  the normalised full name (`name`, else the text as written), so "Choïgou" and "Shoigu" meet once
  the registry has given both the same id;
- embedding: a unit vector from a multilingual sentence encoder over the headline and lead, which
  is what links stories across languages;
- time: publication time, else crawl time (UTC).

Inverse document frequencies come from `HashedDF`, a fixed-size table of hashed document counts
(terms and entities alike): its size does not grow with the archive.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache

import numpy as np

from ..article import Article
from ..text import fold, stop_words

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

Encoder = Callable[[Sequence[str]], np.ndarray]
"""Maps texts to an (n, d) array of L2-normalised embeddings."""


@cache
def folded_stop_words(lang: str | None) -> frozenset[str]:
    """spaCy's stop words of a language under `fold` (accents dropped), as content words are compared."""
    return frozenset(fold(w) for w in stop_words(lang))


def content_words(text: str, lang: str | None) -> list[str]:
    """Folded content words of `text`: no stop words, no single characters, light plural stripping."""
    stops = folded_stop_words(lang)
    out = []
    for raw in _WORD.findall(text):
        word = fold(raw)
        if len(word) < 2 or word in stops or word.isdigit() and len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and not word.isdigit():
            word = word[:-1]
        out.append(word)
    return out


def entity_keys(article: Article) -> list[tuple[str, str]]:
    """(key, name) per entity mention; key is "id:" + `entity_id` when merged, else "name:" + the folded name."""
    keys = []
    for span in article.spans.get("entities", []):
        attrs = span.attrs
        name = attrs.get("name") or attrs.get("text") or article.text[span.start : span.end]
        if attrs.get("entity_id"):
            keys.append((f"id:{attrs['entity_id']}", name))
            continue
        folded = " ".join(_WORD.findall(fold(name)))
        if folded:
            keys.append((f"name:{folded}", name))
    return keys


def article_time(article: Article) -> datetime | None:
    """Publication time, else crawl time, as an aware UTC datetime."""
    when = article.published or article.crawled
    if when is None:
        return None
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)


def lead(article: Article, *, max_chars: int = 600) -> str:
    """Headline plus the first sentences of the body, up to `max_chars` characters."""
    body = article.text
    title = (article.title or "").strip()
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title) :]
    parts: list[str] = [title] if title else []
    size = len(title)
    for sentence in _SENTENCE_END.split(" ".join(body.split())):
        if size >= max_chars:
            break
        parts.append(sentence)
        size += len(sentence)
    return " ".join(parts)[: max_chars + 200]


class HashedDF:
    """Document frequencies of terms and entity keys in `2**bits` hashed buckets.

    Memory and persistence size are fixed (4 bytes a bucket); rare keys sharing a bucket only
    make each other look slightly less rare.
    """

    def __init__(self, *, bits: int = 18, counts: np.ndarray | None = None, n_docs: int = 0) -> None:
        self.bits = bits
        self.counts = counts if counts is not None else np.zeros(1 << bits, dtype=np.int32)
        if len(self.counts) != 1 << bits:
            raise ValueError(f"document-frequency table has {len(self.counts)} buckets, expected {1 << bits}")
        self.n_docs = n_docs
        self._mask = (1 << bits) - 1

    def bucket(self, key: str) -> int:
        return zlib.crc32(key.encode("utf-8")) & self._mask

    def add(self, keys: set[str] | frozenset[str]) -> None:
        """Count one document containing `keys`."""
        self.n_docs += 1
        buckets = np.fromiter({self.bucket(k) for k in keys}, dtype=np.int64)
        self.counts[buckets] += 1

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency, log((1 + N) / (1 + df)) + 1."""
        return math.log((1 + self.n_docs) / (1 + int(self.counts[self.bucket(key)]))) + 1.0

    def to_bytes(self) -> bytes:
        return self.counts.astype("<i4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, *, n_docs: int) -> HashedDF:
        counts = np.frombuffer(blob, dtype="<i4").astype(np.int32)
        return cls(bits=int(len(counts)).bit_length() - 1, counts=counts, n_docs=n_docs)


@dataclass(slots=True, kw_only=True)
class ArticleFeatures:
    """The clustering view of one article."""

    id: str
    lang: str
    time: datetime | None
    source: str
    title: str
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)
    has_entities: bool = False
    embedding: np.ndarray | None = None
    duplicate_of: str | None = None
    translation_of: str | None = None

    @property
    def keys(self) -> set[str]:
        """Everything counted in the document-frequency table."""
        return {f"t:{t}" for t in self.terms} | {f"e:{e}" for e in self.entities}


class Featurizer:
    """Builds `ArticleFeatures`; `encoder` maps texts to unit vectors (None: no embeddings)."""

    def __init__(self, *, encoder: Encoder | None = None, lead_chars: int = 600) -> None:
        self.encoder = encoder
        self.lead_chars = lead_chars

    def features(self, article: Article, *, embedding: np.ndarray | None = None) -> ArticleFeatures:
        return self.features_many([article], embeddings=None if embedding is None else [embedding])[0]

    def features_many(
        self, articles: Sequence[Article], *, embeddings: Sequence[np.ndarray | None] | None = None
    ) -> list[ArticleFeatures]:
        """Features of several articles, embedding all leads in one encoder batch."""
        out = []
        for article in articles:
            lang = article.lang or "und"
            words = content_words(article.text, lang)
            words += content_words(article.title or "", lang)  # headline words count twice
            terms = {t: 1.0 + math.log(n) for t, n in Counter(words).items()}
            pairs = entity_keys(article)
            ents = Counter(key for key, _ in pairs)
            names: dict[str, str] = {}
            for key, name in pairs:
                names.setdefault(key, name)
            out.append(
                ArticleFeatures(
                    id=article.id,
                    lang=lang,
                    time=article_time(article),
                    source=article.source,
                    title=(article.title or article.text[:80]).strip(),
                    terms=terms,
                    entities={e: 1.0 + math.log(n) for e, n in ents.items()},
                    entity_names=names,
                    has_entities="entities" in article.spans,
                    duplicate_of=article.duplicate_of,
                    translation_of=article.translation_of,
                )
            )
        given = list(embeddings) if embeddings is not None else [None] * len(out)
        todo = [i for i, e in enumerate(given) if e is None and not articles[i].is_copy]
        if self.encoder is not None and todo:
            vectors = self.encoder([lead(articles[i], max_chars=self.lead_chars) for i in todo])
            for i, vec in zip(todo, vectors, strict=True):
                given[i] = vec
        for feats, vec in zip(out, given, strict=True):
            if vec is not None:
                vec = np.asarray(vec, dtype=np.float64)
                norm = float(np.linalg.norm(vec))
                feats.embedding = vec / norm if norm else None
        return out


class USEEncoder:
    """Multilingual USE v3: the process-wide model of `newsdesk.embeddings`, loaded on first use."""

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        from ..embeddings import load_encoder

        return np.asarray(load_encoder().encode(list(texts)), dtype=np.float64).reshape(len(texts), -1)
