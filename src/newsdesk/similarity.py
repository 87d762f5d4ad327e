"""Document similarity for news: are two articles about the same story, in any language?

A `Profile` holds what is compared: content words (stop words removed, crude stems) weighted by
TF-IDF over a corpus (`TermStats`), names (capitalised words, transliterated with anyascii so
"Zelensky" matches across scripts where possible), numbers and years, and a multilingual
document embedding (see `embeddings`). `pair_features` gives each signal; `pair_similarity`
combines them into one score in [0, 1] (1 = same story), the score the story clusterer reuses.
The combination weights were fitted on the SemEval-2022 Task 8 news pairs (see
bench/similarity_quality.py and its report for the cross-validated figures); a caller may pass
its own `weights`.

Usage::

    stats = TermStats()                          # document frequencies, grown as articles arrive
    encoder = DocumentEncoder()                  # loads the model on first use
    a, b = profiles([art_a, art_b], stats=stats, encoder=encoder)
    pair_similarity(a, b, stats=stats)           # 0.0 .. 1.0
"""

from __future__ import annotations

import importlib.util
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from anyascii import anyascii

from .article import Article
from .embeddings import DocumentEncoder, alignment, cosine

STEM_CHARS = 7
"""Content words are cut to this many characters: a cheap, language-neutral stemmer."""

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,  ]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”\n]\s*)$")
_YEAR = re.compile(r"^(19|20)\d\d$")

# Combination fitted on the 984 SemEval-2022 Task 8 training pairs (`python bench/similarity_quality.py --fit`):
# non-negative least squares of the features below onto 1 - (overall - 1) / 3, clipped to [0, 1]. Weights are
# kept non-negative so that the score never decreases when a signal increases (a translation or a copy must
# score at the top); the signals left at 0 add nothing once the others are there. Cross-validated Pearson:
# see bench/reports/similarity_quality.md.
WEIGHTS: dict[str, float] = {
    "intercept": -0.051,
    "embedding": 0.897,
    "embedding_mean": 0.0,
    "alignment": 0.0,
    "tfidf": 0.352,
    "names": 0.0,
    "numbers": 0.078,
    "years": 0.008,
}


@lru_cache(maxsize=64)
def stop_words(lang: str | None) -> frozenset[str]:
    """spaCy's stop-word list for a language (empty when spaCy has none).

    The list file (`spacy/lang/<lang>/stop_words.py`, plain data without imports) is loaded on its
    own, so the spaCy package itself is not imported just for it.
    """
    if not lang or not lang.isalpha():
        return frozenset()
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "lang" / lang / "stop_words.py"
    if not path.is_file():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"_newsdesk_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(w.casefold() for w in module.STOP_WORDS)


def _fold(word: str) -> str:
    return anyascii(unicodedata.normalize("NFKC", word)).casefold().strip("'’-")


@dataclass(slots=True, kw_only=True)
class Profile:
    """What two documents are compared on."""

    lang: str | None = None
    terms: Counter = field(default_factory=Counter)
    names: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    vector: np.ndarray | None = None
    sentences: np.ndarray | None = None


def extract(text: str, *, lang: str | None = None, title: str | None = None) -> Profile:
    """Words, names, numbers and years of a document (no embedding)."""
    full = f"{title}\n{text}" if title and not text.startswith(title) else text
    stops = stop_words(lang)
    terms: Counter = Counter()
    names: set[str] = set()
    for m in _TOKEN.finditer(full):
        word = m.group()
        low = word.casefold()
        if low in stops or len(word) < 2:
            continue
        if len(low) >= 3:
            terms[low[:STEM_CHARS]] += 1
        if word[0].isupper() and not _SENTENCE_START.search(full[max(0, m.start() - 3) : m.start()]):
            folded = _fold(word)
            if len(folded) >= 2:
                names.add(folded)
    numbers, years = set(), set()
    for m in _NUMBER.finditer(full):
        digits = re.sub(r"\D", "", m.group())
        if _YEAR.match(digits):
            years.add(digits)
        elif len(digits) >= 2:
            numbers.add(digits.lstrip("0") or "0")
    return Profile(lang=lang, terms=terms, names=frozenset(names), numbers=frozenset(numbers), years=frozenset(years))


class TermStats:
    """Document frequencies of content words, grown incrementally, for TF-IDF weights."""

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter = Counter()

    def add(self, profile: Profile) -> None:
        self.docs += 1
        self.df.update(profile.terms.keys())

    def idf(self, term: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def weights(self, terms: Counter) -> dict[str, float]:
        """Sublinear TF x IDF weights of a bag of terms."""
        return {t: (1.0 + math.log(n)) * self.idf(t) for t, n in terms.items()}


def tfidf_cosine(a: Profile, b: Profile, *, stats: TermStats) -> float:
    """Cosine of the TF-IDF vectors of two profiles' content words."""
    wa, wb = stats.weights(a.terms), stats.weights(b.terms)
    if not wa or not wb:
        return 0.0
    dot = sum(w * wb[t] for t, w in wa.items() if t in wb)
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(w * w for w in wb.values()))
    return dot / (na * nb)


def set_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|A ∩ B| / sqrt(|A| |B|): a cosine for sets, 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def profiles(
    articles: Sequence[Article], *, stats: TermStats | None = None, encoder: DocumentEncoder | None = None
) -> list[Profile]:
    """Profiles of articles (embeddings batched in one call when `encoder` is given); adds them to `stats`."""
    out = [extract(a.text, lang=a.lang, title=a.title) for a in articles]
    if encoder is not None:
        for prof, vecs in zip(out, encoder.encode([a.text for a in articles], titles=[a.title for a in articles]),
                              strict=True):
            prof.vector, prof.sentences = vecs.vector, vecs.sentences
    if stats is not None:
        for prof in out:
            stats.add(prof)
    return out


def pair_features(a: Profile, b: Profile, *, stats: TermStats) -> dict[str, float]:
    """Each similarity signal of a pair, all in [0, 1] (embedding cosine may be slightly below 0)."""
    embedded = a.vector is not None and b.vector is not None
    feats = {
        "embedding": cosine(a.vector, b.vector) if embedded else 0.0,
        "embedding_mean": _mean_cosine(a.sentences, b.sentences) if embedded else 0.0,
        "alignment": sentence_alignment(a, b),
        "tfidf": tfidf_cosine(a, b, stats=stats),
        "names": set_overlap(a.names, b.names),
        "numbers": set_overlap(a.numbers, b.numbers),
        "years": set_overlap(a.years, b.years),
    }
    return feats


def _mean_cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None or not len(a) or not len(b):
        return 0.0
    ma, mb = a.mean(axis=0), b.mean(axis=0)
    return float(np.clip(ma @ mb / (np.linalg.norm(ma) * np.linalg.norm(mb)), -1.0, 1.0))


def combine(features: dict[str, float], *, weights: dict[str, float] | None = None) -> float:
    """Weighted sum of features, clipped to [0, 1]."""
    w = weights or WEIGHTS
    score = w.get("intercept", 0.0) + sum(w.get(k, 0.0) * v for k, v in features.items())
    return min(1.0, max(0.0, score))


def pair_similarity(a: Profile, b: Profile, *, stats: TermStats, weights: dict[str, float] | None = None) -> float:
    """Same-story similarity of two profiled documents: 0 (unrelated) .. 1 (same story)."""
    return combine(pair_features(a, b, stats=stats), weights=weights)


def sentence_alignment(a: Profile, b: Profile) -> float:
    """Sentence-level alignment of two embedded profiles (see `embeddings.alignment`)."""
    if a.sentences is None or b.sentences is None:
        return 0.0
    return alignment(a.sentences, b.sentences)


def fit_stats(texts: Iterable[tuple[str, str | None]]) -> TermStats:
    """Document frequencies over (text, lang) pairs."""
    stats = TermStats()
    for text, lang in texts:
        stats.add(extract(text, lang=lang))
    return stats
