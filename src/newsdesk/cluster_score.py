"""Scoring clusterings against gold clusters: pairwise and B-cubed precision/recall/F1, and Pearson.

Clusterings are given as collections of sets of item ids. Items present on only one side are
ignored (each score is over the items both sides know), so a gold set may cover part of a run.

- Pairwise: precision = share of predicted same-cluster pairs that are gold pairs; recall = share
  of gold pairs that are predicted. Large clusters dominate (pairs grow quadratically).
- B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): per item, precision = share of its predicted
  cluster that shares its gold cluster, recall = share of its gold cluster that shares its
  predicted cluster, averaged over items. Every item counts once.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(slots=True, frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _labels(clusters: Iterable[Collection[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, cluster in enumerate(clusters):
        for item in cluster:
            if item in out:
                raise ValueError(f"item {item!r} is in more than one cluster")
            out[item] = i
    return out


def _common(predicted: Iterable[Collection[str]], gold: Iterable[Collection[str]]) -> tuple[dict, dict]:
    pred, ref = _labels(predicted), _labels(gold)
    shared = pred.keys() & ref.keys()
    return {k: pred[k] for k in shared}, {k: ref[k] for k in shared}


def pairwise(predicted: Iterable[Collection[str]], gold: Iterable[Collection[str]]) -> PRF:
    """Pairwise precision and recall (1.0 when a side has no pairs at all)."""
    pred, ref = _common(predicted, gold)
    items = sorted(pred)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_pred, same_gold = pred[a] == pred[b], ref[a] == ref[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return PRF(precision=tp / (tp + fp) if tp + fp else 1.0, recall=tp / (tp + fn) if tp + fn else 1.0)


def bcubed(predicted: Iterable[Collection[str]], gold: Iterable[Collection[str]]) -> PRF:
    """B-cubed precision and recall, averaged over the items both clusterings contain."""
    pred, ref = _common(predicted, gold)
    if not pred:
        return PRF(precision=0.0, recall=0.0)
    by_pred: dict[int, list[str]] = {}
    by_gold: dict[int, list[str]] = {}
    for item in pred:
        by_pred.setdefault(pred[item], []).append(item)
        by_gold.setdefault(ref[item], []).append(item)
    p = r = 0.0
    for item in pred:
        same_pred = by_pred[pred[item]]
        same_gold = by_gold[ref[item]]
        both = sum(1 for x in same_pred if ref[x] == ref[item])
        p += both / len(same_pred)
        r += both / len(same_gold)
    return PRF(precision=p / len(pred), recall=r / len(pred))


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation of two equally long sequences (nan when either is constant)."""
    if len(x) != len(y):
        raise ValueError(f"sequences differ in length: {len(x)} and {len(y)}")
    n = len(x)
    if n < 2:
        return math.nan
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else math.nan
