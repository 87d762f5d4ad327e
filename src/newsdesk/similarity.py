"""Document similarity for news: are two articles about the same story, in any language?

A `Profile` holds what is compared: content words (stop words removed, crude stems) weighted by
TF-IDF over a corpus (`TermStats`), names (capitalised words, transliterated with anyascii so
"Zelensky" matches across scripts where possible), numbers and years, and multilingual embeddings
(see `embeddings`): sentence vectors, their lead-weighted mean and the document's beginning encoded
as one input. `pair_features` gives each signal; `pair_similarity` combines them into one score in
[0, 1] (1 = same story) with a monotone additive model (`monotone.MonotoneModel`, shipped in
`data/similarity_model.json`): the score never drops when a signal rises. The model was fitted on
the SemEval-2022 Task 8 news pairs (see bench/similarity_quality.py and its report for the
cross-validated figures); a caller may pass its own `model`.

Usage::

    stats = TermStats()                          # document frequencies, grown as articles arrive
    encoder = DocumentEncoder()                  # loads the model on first use
    a, b = profiles([art_a, art_b], stats=stats, encoder=encoder)
    pair_similarity(a, b, stats=stats)           # 0.0 .. 1.0
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
from anyascii import anyascii

from .article import Article
from .embeddings import DocumentEncoder, alignment, cosine, lead_match, top_pairs
from .monotone import MonotoneModel
from .text import stop_words

STEM_CHARS = 5
"""Content words are cut to this many characters: a cheap, language-neutral stemmer."""

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,  ]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”\n]\s*)$")
_YEAR = re.compile(r"^(19|20)\d\d$")

MODEL_FILE = "similarity_model.json"
"""The shipped combination in `newsdesk/data/`, refitted by `python bench/similarity_quality.py --fit`."""


@cache
def shipped_model() -> MonotoneModel:
    """The combination fitted on the SemEval-2022 Task 8 training pairs (loaded once)."""
    path = resources.files("newsdesk") / "data" / MODEL_FILE
    return MonotoneModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


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
    whole: np.ndarray | None = None


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
        docs = encoder.encode([a.text for a in articles], titles=[a.title for a in articles], whole=True)
        for prof, vecs in zip(out, docs, strict=True):
            prof.vector, prof.sentences, prof.whole = vecs.vector, vecs.sentences, vecs.whole
    if stats is not None:
        for prof in out:
            stats.add(prof)
    return out


def pair_features(a: Profile, b: Profile, *, stats: TermStats) -> dict[str, float]:
    """Each similarity signal of a pair, all in [0, 1] (cosines may be slightly below 0).

    Embeddings: `embedding` (lead-weighted sentence mean), `whole` (the beginnings encoded as one
    input), `lead` (headline against the other's lead, `embeddings.lead_match`), `top_pairs` (the
    three closest sentence pairs), `alignment` (every sentence's best match). Words: `tfidf`,
    `names`, `numbers` (`tfidf` when neither side has numbers), `years`. The shipped model uses a
    subset (`shipped_model().features`).
    """
    embedded = a.vector is not None and b.vector is not None
    sentences = a.sentences is not None and b.sentences is not None
    tfidf = tfidf_cosine(a, b, stats=stats)
    return {
        "embedding": cosine(a.vector, b.vector) if embedded else 0.0,
        "whole": cosine(a.whole, b.whole) if a.whole is not None and b.whole is not None else 0.0,
        "lead": lead_match(a.sentences, b.sentences) if sentences else 0.0,
        "top_pairs": top_pairs(a.sentences, b.sentences) if sentences else 0.0,
        "alignment": sentence_alignment(a, b),
        "tfidf": tfidf,
        "names": set_overlap(a.names, b.names),
        # no numbers on either side: neutral, the words stand in (so a copy without numbers still scores 1)
        "numbers": set_overlap(a.numbers, b.numbers) if a.numbers or b.numbers else tfidf,
        "years": set_overlap(a.years, b.years),
    }


def combine(features: dict[str, float], *, model: MonotoneModel | None = None) -> float:
    """Score in [0, 1] of a feature dict (default: the shipped model)."""
    return (model or shipped_model()).score(features)


def pair_similarity(a: Profile, b: Profile, *, stats: TermStats, model: MonotoneModel | None = None) -> float:
    """Same-story similarity of two profiled documents: 0 (unrelated) .. 1 (same story)."""
    return combine(pair_features(a, b, stats=stats), model=model)


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
