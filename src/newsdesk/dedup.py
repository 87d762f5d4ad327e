"""Duplicate handling: skip what is already stored, link exact copies and near-duplicate copies to their original.

`SkipUnchangedStep` drops articles stored before with the same content; `ExactDuplicateStep` links an
article whose normalised content equals an earlier one's. Near-duplicates are handled below.

A syndicated wire is republished with other boilerplate, trimmed paragraphs, small edits or a
cut-off ending. `NearDuplicateStep` finds such copies with MinHash LSH (datasketch) over word
shingles of the normalised body text and links each copy to its group's original through
`Article.duplicate_of`; copies are never dropped.

Matching. LSH proposes candidates whose estimated Jaccard similarity is around `lsh_threshold`
or more; a candidate is a copy when the estimated *containment* of the smaller shingle set in the
larger one reaches `containment` and they share at least `min_shared` shingles. Containment
rather than Jaccard is what makes truncated copies and copies with long boilerplate match. Dated
articles published more than `window` apart (a week by default) are never copies of each other.

Templated series. Stage reports of a race, contest results or daily market reports written from
one template share most of their wording but not their facts. Each article also keeps its *fact
slots* (`fact_slots`): every run of numbers and capitalised (not sentence-initial) words, keyed by
the words around it ("the winner is ___ ahead of"). Two texts that fill at least
`min_conflicts` slots of the same key with different facts, and differ in at least
`conflict_share` of the keys they have in common, are instances of a template, not copies.
Boilerplate, cut-off endings and small edits add or drop slots but seldom refill one.

Which copy is the original. Among articles processed together, the original is the earliest
published (publication times are compared by `simultaneous` buckets, one hour by default); among
simultaneous or undated copies the most complete one (most distinct shingles) wins, then the
smallest id. Undated articles come after dated ones. Articles already in the index keep their
role: a link, once stored, never changes, so re-running over the same articles adds no link.

Persistence. `MinHashIndex` keeps, per article, its signature, shingle count and canonical id; it
saves to and loads from a file (`save`/`load`) or any row store (`rows`/`from_rows`), and the LSH
is rebuilt on load, so the index grows incrementally across runs.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from .article import Article, content_hash
from .errors import DedupError
from .pipeline import StepStats, batched
from .store.base import Store

NUM_PERM = 128
SHINGLE_WORDS = 4
LSH_THRESHOLD = 0.2
CONTAINMENT = 0.5
MIN_SHARED = 10
WINDOW = timedelta(days=7)
"""Copies are published within this time of each other (both dated); templated series a week apart are not copies."""
FACT_SLOTS = 160
"""Fact slots kept per article (the first ones): enough to tell a template instance from a copy."""
MIN_CONFLICTS = 3
CONFLICT_SHARE = 0.15
SCHEME = "affine32"
SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)
_WORD_OR_STOP = re.compile(r"\w+|[.!?\n]", re.UNICODE)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

BATCH = 256


class SkipUnchangedStep:
    """Fingerprint each article as read, and drop those already stored with the same content.

    This is what makes a re-run cheap and idempotent: an unchanged input is counted as
    "unchanged" and never re-processed; a changed one goes through and replaces the old copy.
    """

    name = "skip-unchanged"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("content_hash",)

    def __init__(self, *, store: Store) -> None:
        self.store = store

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for batch in batched(articles, BATCH):
            for article in batch:
                article.content_hash = article.content_hash or content_hash(article.text)
            yield from self._filter(batch, stats)

    def _filter(self, batch: list[Article], stats: StepStats) -> Iterator[Article]:
        known = self.store.fingerprints(a.id for a in batch)
        for article in batch:
            if known.get(article.id) == article.content_hash:
                stats.drop("unchanged")
            else:
                yield article


class ExactDuplicateStep:
    """Link an article whose normalised content equals an earlier one's (`duplicate_of`).

    Copies are kept, not dropped, so a story can say how many copies it has; later heavy
    steps skip them. An article repeated under the same id within one run is dropped.
    """

    name = "exact-dedup"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("content_hash", "duplicate_of")

    def __init__(self, *, store: Store | None = None) -> None:
        self.store = store

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        first_by_hash: dict[str, str] = {}
        seen_ids: set[str] = set()
        for article in articles:
            if article.id in seen_ids:
                stats.drop("repeated-id")
                continue
            seen_ids.add(article.id)
            digest = article.content_hash = article.content_hash or content_hash(article.text)
            original = first_by_hash.get(digest)
            if original is None and self.store is not None:
                stored = self.store.find_by_hash(digest)
                original = stored if stored != article.id else None
            if original is not None and original != article.id:
                article.duplicate_of = original
                stats.count("exact-duplicate")
            else:
                first_by_hash.setdefault(digest, article.id)
            yield article


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The MinHash permutation parameters (generating them costs more than hashing a short text)."""
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def normalize_words(text: str) -> list[str]:
    """Words of `text` after NFKC and casefolding, punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """Distinct word `size`-grams of the normalised text (a short text gives one shingle per word run)."""
    words = normalize_words(text)
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def fact_slots(text: str, *, limit: int = FACT_SLOTS) -> np.ndarray:
    """(context hash, fact hash) of the first `limit` distinct fact slots of `text`, a (n, 2) uint32 array.

    A fact is a run of words holding a digit or starting with a capital letter (not at a sentence
    start); its context is the two words before it and the word after it, casefolded.
    """
    words: list[str] = []
    facts: list[bool] = []
    start = True
    for token in _WORD_OR_STOP.findall(unicodedata.normalize("NFKC", text)):
        if not (token[0].isalnum() or token[0] == "_"):
            start = True
            continue
        facts.append(any(c.isdigit() for c in token) or (token[0].isupper() and not start))
        words.append(token.casefold())
        start = False
    slots: dict[tuple[int, int], None] = {}
    i, n = 0, len(words)
    while i < n and len(slots) < limit:
        if not facts[i]:
            i += 1
            continue
        j = i
        while j < n and facts[j]:
            j += 1
        context = " ".join(words[max(0, i - 2) : i]) + "|" + (words[j] if j < n else "")
        slots[(_hash(context), _hash(" ".join(words[i:j])))] = None
        i = j
    return np.array(list(slots), dtype=np.uint32).reshape(-1, 2)


def fact_conflicts(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
    """(slot keys filled with different facts, slot keys in common) of two `fact_slots` arrays."""
    fill_a, fill_b = _fills(a), _fills(b)
    common = fill_a.keys() & fill_b.keys()
    return sum(1 for k in common if not fill_a[k] & fill_b[k]), len(common)


def _fills(slots: np.ndarray) -> dict[int, set[int]]:
    """Fact slots by context: the facts each context is filled with."""
    fills: dict[int, set[int]] = {}
    for key, value in slots.tolist():
        fills.setdefault(key, set()).add(value)
    return fills


def signature(shingle_set: Iterable[str], *, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signature (uint32 array of `num_perm` values) of a set of shingles; deterministic."""
    mh = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    mh.update_batch([s.encode("utf-8") for s in shingle_set])
    return mh.hashvalues.copy()


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two sets from their MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def estimate_overlap(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> tuple[float, float]:
    """Estimated (shared shingles, containment of the smaller set in the larger) from signatures and sizes."""
    if not size_a or not size_b:
        return 0.0, 0.0
    j = estimate_jaccard(a, b)
    shared = j * (size_a + size_b) / (1.0 + j)
    return shared, min(1.0, shared / min(size_a, size_b))


SignatureRow = tuple[str, bytes, int, str, float | None, bytes | None]
"""How an index entry is stored: article id, signature bytes, shingle count, canonical id, published epoch,
fact slots (bytes of the uint32 pairs; None for entries stored before fact slots existed)."""


def _nan(value: float | None) -> float:
    return float("nan") if value is None else value


def epoch(published: datetime | None) -> float | None:
    """Seconds since the epoch (UTC; a naive datetime is taken as UTC), None for no date."""
    if published is None:
        return None
    return (published if published.tzinfo else published.replace(tzinfo=UTC)).timestamp()


@dataclass(slots=True)
class IndexEntry:
    """What the index keeps for one article."""

    signature: np.ndarray
    size: int
    canonical: str
    published: float | None = None  # seconds since the epoch (UTC), None when undated
    facts: np.ndarray | None = None  # `fact_slots`, None when unknown


class MinHashIndex:
    """MinHash signatures of every article seen, with an LSH over them and each article's original.

    Keyword options: `num_perm` (signature length), `shingle_size` (words per shingle) and
    `lsh_threshold` (the Jaccard level around which LSH proposes candidates). They are saved with
    the index; loading checks that they match.
    """

    def __init__(
        self, *, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_WORDS, lsh_threshold: float = LSH_THRESHOLD
    ) -> None:
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.lsh_threshold = lsh_threshold
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
        self._entries: dict[str, IndexEntry] = {}
        self._new: list[str] = []

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def entry(self, article_id: str) -> IndexEntry | None:
        return self._entries.get(article_id)

    def canonical(self, article_id: str) -> str | None:
        """The original an indexed article belongs to (itself when it is an original), or None if unknown."""
        entry = self._entries.get(article_id)
        return entry.canonical if entry else None

    def copies_of(self, article_id: str) -> list[str]:
        """Ids of the indexed copies whose original is `article_id`, sorted."""
        return sorted(k for k, e in self._entries.items() if e.canonical == article_id and k != article_id)

    def add(
        self,
        article_id: str,
        sig: np.ndarray,
        size: int,
        *,
        canonical: str | None = None,
        published: float | None = None,
        facts: np.ndarray | None = None,
    ) -> None:
        """Index one article; `canonical` defaults to itself (an original); `published` in epoch seconds."""
        if article_id in self._entries:
            raise DedupError(f"article {article_id} is already in the near-duplicate index")
        if len(sig) != self.num_perm:
            raise DedupError(f"signature has {len(sig)} values, the index uses {self.num_perm}")
        sig = np.asarray(sig, dtype=np.uint32)
        self._entries[article_id] = IndexEntry(
            signature=sig, size=int(size), canonical=canonical or article_id, published=published,
            facts=None if facts is None else np.asarray(facts, dtype=np.uint32).reshape(-1, 2),
        )
        if size:
            self._lsh.insert(article_id, self._minhash(sig), check_duplication=False)
        self._new.append(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an article (its copies keep pointing at it)."""
        entry = self._entries.pop(article_id)
        if entry.size:
            self._lsh.remove(article_id)
        if article_id in self._new:
            self._new.remove(article_id)

    def candidates(self, sig: np.ndarray) -> list[str]:
        """Ids whose signature collides with `sig` in at least one LSH band, sorted."""
        return sorted(self._lsh.query(self._minhash(sig)))

    def take_new(self) -> list[str]:
        """Ids added since the last call (for writing only new rows to a store)."""
        new, self._new = self._new, []
        return new

    def _minhash(self, sig: np.ndarray) -> MinHash:
        return MinHash(hashvalues=sig, seed=SEED, scheme=SCHEME, permutations=_permutations(len(sig)))

    # ---- persistence -------------------------------------------------------------------------

    def params(self) -> dict[str, Any]:
        return {"num_perm": self.num_perm, "shingle_size": self.shingle_size, "lsh_threshold": self.lsh_threshold}

    def rows(self, ids: Iterable[str] | None = None) -> Iterator[SignatureRow]:
        """(article_id, signature bytes, shingle count, canonical id, published epoch or None, fact slots) per entry."""
        for key in sorted(self._entries) if ids is None else ids:
            e = self._entries[key]
            facts = None if e.facts is None else e.facts.astype("<u4").tobytes()
            yield key, e.signature.astype("<u4").tobytes(), e.size, e.canonical, e.published, facts

    @classmethod
    def from_rows(cls, rows: Iterable[SignatureRow], **params: Any) -> MinHashIndex:
        """Rebuild an index (and its LSH) from `rows()` output."""
        index = cls(**params)
        for key, blob, size, canonical, published, facts in rows:
            sig = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
            slots = None if facts is None else np.frombuffer(facts, dtype="<u4").astype(np.uint32)
            index.add(key, sig, size, canonical=canonical, published=published, facts=slots)
        index.take_new()
        return index

    def save(self, path: str | Path) -> None:
        """Write the index to an .npz file (atomically replaced)."""
        path = Path(path)
        keys = sorted(self._entries)
        sigs = np.stack([self._entries[k].signature for k in keys]) if keys else np.zeros((0, self.num_perm))
        facts = [self._entries[k].facts for k in keys]
        n_facts = [-1 if f is None else len(f) for f in facts]
        all_facts = np.concatenate([f for f in facts if f is not None] + [np.zeros((0, 2), dtype=np.uint32)])
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("wb") as fh:
            np.savez_compressed(
                fh,
                ids=np.array(keys, dtype=str),
                signatures=sigs.astype(np.uint32),
                sizes=np.array([self._entries[k].size for k in keys], dtype=np.int64),
                published=np.array([_nan(self._entries[k].published) for k in keys], dtype=np.float64),
                canonical=np.array([self._entries[k].canonical for k in keys], dtype=str),
                n_facts=np.array(n_facts, dtype=np.int64),
                facts=all_facts.astype(np.uint32),
                params=np.array([self.num_perm, self.shingle_size, self.lsh_threshold], dtype=np.float64),
            )
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> MinHashIndex:
        """Read an index written by `save`."""
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as z:
                num_perm, shingle_size, lsh_threshold = z["params"].tolist()
                index = cls(num_perm=int(num_perm), shingle_size=int(shingle_size), lsh_threshold=lsh_threshold)
                columns = (z["ids"].tolist(), z["signatures"], z["sizes"].tolist(), z["canonical"].tolist(),
                           z["published"].tolist())
                n_facts = z["n_facts"].tolist() if "n_facts" in z else [-1] * len(columns[0])
                all_facts = z["facts"] if "facts" in z else np.zeros((0, 2), dtype=np.uint32)
                offset = 0
                for (key, sig, size, canonical, published), n in zip(zip(*columns, strict=True), n_facts, strict=True):
                    when = None if math.isnan(published) else published
                    facts = None if n < 0 else all_facts[offset : offset + n]
                    offset += max(n, 0)
                    index.add(key, sig, size, canonical=canonical, published=when, facts=facts)
        except (OSError, KeyError, ValueError) as exc:
            raise DedupError(f"cannot read near-duplicate index {path}: {exc}") from exc
        index.take_new()
        return index


class SignatureStore(Protocol):
    """Where a `MinHashIndex` is kept between runs (`SQLiteStore` is one)."""

    def load_signatures(self) -> Iterable[SignatureRow]: ...

    def save_signatures(self, rows: Iterable[SignatureRow]) -> int: ...


@dataclass(slots=True, kw_only=True)
class Match:
    """A verified near-duplicate pair."""

    other: str
    shared: float
    containment: float
    conflicts: int = 0


class NearDuplicateStep:
    """Link near-duplicate copies to their original (`duplicate_of`), keeping every article.

    `index` is the `MinHashIndex` (a fresh one when omitted); with `signatures` (a store such as
    `SQLiteStore`), the index is loaded from it when not given, and each chunk's new signatures are
    written to it, so later runs link to what earlier runs saw. Articles are read in chunks of
    `chunk_size`; inside a chunk the original is chosen as described in the module doc, and each
    chunk is yielded in input order once decided. An article already indexed keeps its role, unless
    its text changed, in which case it is matched again.
    """

    name = "near-dedup"
    needs = ("text",)
    adds = ("duplicate_of",)

    def __init__(
        self,
        *,
        index: MinHashIndex | None = None,
        signatures: SignatureStore | None = None,
        containment: float = CONTAINMENT,
        min_shared: int = MIN_SHARED,
        min_conflicts: int | None = MIN_CONFLICTS,
        conflict_share: float = CONFLICT_SHARE,
        chunk_size: int = 1000,
        simultaneous: timedelta = timedelta(hours=1),
        window: timedelta | None = WINDOW,
    ) -> None:
        if index is None:
            index = MinHashIndex.from_rows(signatures.load_signatures()) if signatures else MinHashIndex()
        self.index = index
        self.signatures = signatures
        self.containment = containment
        self.min_shared = min_shared
        self.min_conflicts = min_conflicts
        self.conflict_share = conflict_share
        self.chunk_size = chunk_size
        self.simultaneous = simultaneous
        self.window = window.total_seconds() if window is not None else None

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for chunk in batched(articles, self.chunk_size):
            yield from self._process(chunk, stats)

    def matches(
        self,
        sig: np.ndarray,
        size: int,
        *,
        exclude: str | None = None,
        published: float | None = None,
        facts: np.ndarray | None = None,
    ) -> list[Match]:
        """Indexed articles that `sig`/`size` (published at `published`, fact slots `facts`) copies, best first."""
        found = []
        for other in self.index.candidates(sig):
            if other == exclude:
                continue
            entry = self.index.entry(other)
            assert entry is not None
            if (self.window is not None and published is not None and entry.published is not None
                    and abs(published - entry.published) > self.window):
                continue
            shared, cont = estimate_overlap(sig, size, entry.signature, entry.size)
            if cont < self.containment or shared < self.min_shared:
                continue
            conflicts = 0
            if self.min_conflicts is not None and facts is not None and entry.facts is not None:
                conflicts, common = fact_conflicts(facts, entry.facts)
                if conflicts >= self.min_conflicts and conflicts >= self.conflict_share * common:
                    continue  # same template, other facts
            found.append(Match(other=other, shared=shared, containment=cont, conflicts=conflicts))
        found.sort(key=lambda m: (-m.containment, -m.shared, m.other))
        return found

    def fingerprint(self, article: Article) -> tuple[np.ndarray, int, np.ndarray]:
        """Signature, shingle count and fact slots of an article's body text."""
        sh = shingles(article.text, size=self.index.shingle_size)
        return signature(sh, num_perm=self.index.num_perm), len(sh), fact_slots(article.text)

    def priority(self, article: Article, size: int) -> tuple:
        """Sort key: lower comes first and becomes the original of a group."""
        if article.published is None:
            bucket = float("inf")
        else:
            published = article.published
            if published.tzinfo is None:
                published = published.replace(tzinfo=UTC)
            bucket = (published - _EPOCH) // self.simultaneous
        return (bucket, -size, article.id)

    def _process(self, chunk: list[Article], stats: StepStats) -> Iterator[Article]:
        todo: list[tuple[tuple, Article, np.ndarray, int, np.ndarray]] = []
        for article in chunk:
            if article.is_copy and article.id not in self.index:
                # an exact copy found upstream: point it at its original's original
                article.duplicate_of = self.index.canonical(article.duplicate_of) or article.duplicate_of
                stats.count("exact_copies")
                continue
            sig, size, facts = self.fingerprint(article)
            known = self.index.entry(article.id)
            if known is not None:
                if known.size == size and np.array_equal(known.signature, sig):
                    article.duplicate_of = known.canonical if known.canonical != article.id else None
                    stats.count("already_indexed")
                    continue
                self.index.remove(article.id)
                stats.count("changed")
            todo.append((self.priority(article, size), article, sig, size, facts))
        todo.sort(key=lambda t: t[0])
        for _, article, sig, size, facts in todo:
            when = epoch(article.published)
            found = self.matches(sig, size, exclude=article.id, published=when, facts=facts) if size else []
            canonical = self.index.canonical(found[0].other) if found else None
            self.index.add(article.id, sig, size, canonical=canonical, published=when, facts=facts)
            article.duplicate_of = canonical
            if canonical:
                article.meta["near_duplicate"] = {
                    "of": found[0].other,
                    "containment": round(found[0].containment, 3),
                }
                stats.count("near_duplicates")
            else:
                stats.count("originals")
        if self.signatures is not None:
            new = self.index.take_new()
            if new:
                self.signatures.save_signatures(self.index.rows(new))
        yield from chunk
