"""A small monotone additive model: a score that never drops when one of its signals rises.

Each feature goes through a piecewise-linear, non-decreasing shape function: ramps between knots
(quantiles of the training values), `clip((x - k_i) / (k_i+1 - k_i), 0, 1)`, with non-negative
weights. The sum plus an intercept is rescaled so that the lowest reachable value (every feature at
or below its first knot) is 0 and the highest (every feature at or above its last knot) is 1; the
rescaling is affine, so correlations with a gold score are unchanged.

Prediction needs numpy only; `fit_monotone` needs scipy (non-negative least squares), used by the
benches that refit the shipped model.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(slots=True)
class MonotoneModel:
    """Per-feature knots and non-negative ramp weights; `score` maps features to [0, 1]."""

    features: list[str]
    knots: list[list[float]]
    weights: list[list[float]]
    intercept: float

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Unscaled model output for an (n, len(features)) array."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        out = np.full(len(x), self.intercept)
        for j, (kn, w) in enumerate(zip(self.knots, self.weights, strict=True)):
            out += _ramps(x[:, j], np.asarray(kn)) @ np.asarray(w)
        return out

    @property
    def span(self) -> tuple[float, float]:
        """Lowest and highest reachable raw output."""
        return self.intercept, self.intercept + sum(sum(w) for w in self.weights)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Scores in [0, 1] for an (n, len(features)) array."""
        lo, hi = self.span
        if hi <= lo:
            return np.zeros(len(np.atleast_2d(x)))
        # rounded so that the top (every ramp full) is exactly 1 whatever the order of the float sums
        return np.clip(np.round((self.raw(x) - lo) / (hi - lo), 9), 0.0, 1.0)

    def score(self, features: Mapping[str, float]) -> float:
        """Score of one pair from a feature dict (a missing feature counts as 0)."""
        return float(self.predict(np.array([[features.get(f, 0.0) for f in self.features]]))[0])

    def to_dict(self) -> dict:
        return {
            "features": self.features,
            "knots": [[round(k, 6) for k in kn] for kn in self.knots],
            "weights": [[round(v, 6) for v in w] for w in self.weights],
            "intercept": round(self.intercept, 6),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> MonotoneModel:
        return cls(features=list(data["features"]), knots=[list(k) for k in data["knots"]],
                   weights=[list(w) for w in data["weights"]], intercept=float(data["intercept"]))

    @classmethod
    def load(cls, path: Path) -> MonotoneModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _ramps(x: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """(n, len(knots) - 1) ramp values of x between consecutive knots."""
    lo, hi = knots[:-1], knots[1:]
    return np.clip((x[:, None] - lo) / (hi - lo), 0.0, 1.0)


def fit_monotone(x: np.ndarray, y: np.ndarray, features: Sequence[str], *, knots: int = 5,
                 ridge: float = 1.0) -> MonotoneModel:
    """Fit ramp weights >= 0 by ridge-penalised non-negative least squares; knots at quantiles of `x`."""
    from scipy.optimize import nnls

    x = np.asarray(x, dtype=float)
    all_knots = []
    for j in range(x.shape[1]):
        kn = np.unique(np.quantile(x[:, j], np.linspace(0.0, 1.0, knots + 1)))
        all_knots.append(kn if len(kn) > 1 else np.array([kn[0], kn[0] + 1.0]))
    basis = np.hstack([_ramps(x[:, j], kn) for j, kn in enumerate(all_knots)])
    n, d = basis.shape
    # intercept as the difference of two non-negative columns; ridge as extra rows on the ramp weights
    a = np.r_[np.c_[np.ones(n), -np.ones(n), basis], np.c_[np.zeros((d, 2)), np.sqrt(ridge) * np.eye(d)]]
    w, _ = nnls(a, np.r_[y, np.zeros(d)], maxiter=50 * (d + 2))
    weights, pos = [], 2
    for kn in all_knots:
        weights.append(w[pos : pos + len(kn) - 1].tolist())
        pos += len(kn) - 1
    return MonotoneModel(features=list(features), knots=[kn.tolist() for kn in all_knots], weights=weights,
                         intercept=float(w[0] - w[1]))
