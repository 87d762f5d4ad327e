"""The monotone additive model behind the pair-similarity score."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsdesk.monotone import MonotoneModel, fit_monotone


def toy(n: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """y rises steeply in x0 up to 0.5 then flattens, rises linearly in x1, ignores x2 (pure noise)."""
    rng = np.random.RandomState(seed)
    x = rng.uniform(0, 1, size=(n, 3))
    y = np.minimum(x[:, 0], 0.5) + 0.3 * x[:, 1] + rng.normal(0, 0.02, n)
    return x, y


def test_fit_recovers_a_saturating_shape_and_ignores_noise():
    x, y = toy()
    model = fit_monotone(x, y, ["a", "b", "noise"], knots=5, ridge=0.01)
    assert all(w >= 0 for ws in model.weights for w in ws)
    lo, hi = model.span
    rise = [sum(w) / (hi - lo) for w in model.weights]
    assert rise[0] > rise[1] > 5 * rise[2]  # x0 moves y by 0.5, x1 by 0.3, x2 not at all
    # the shape of x0 is flat past 0.5: the ramps above the median carry little weight
    above = [w for w, k in zip(model.weights[0], model.knots[0][:-1], strict=True) if k >= 0.55]
    assert sum(above) < 0.1 * sum(model.weights[0])
    test_x, test_y = toy(seed=1)
    assert np.corrcoef(model.predict(test_x), test_y)[0, 1] > 0.97


def test_predictions_are_in_unit_range_and_never_drop_when_a_feature_rises():
    x, y = toy()
    model = fit_monotone(x, y, ["a", "b", "noise"])
    grid = np.linspace(-0.5, 1.5, 41)
    for j in range(3):
        pts = np.tile([0.4, 0.4, 0.4], (len(grid), 1))
        pts[:, j] = grid
        pred = model.predict(pts)
        assert np.all(np.diff(pred) >= -1e-12)
        assert pred.min() >= 0.0 and pred.max() <= 1.0
    assert model.predict(np.array([[2.0, 2.0, 2.0]]))[0] == pytest.approx(1.0)
    assert model.predict(np.array([[-1.0, -1.0, -1.0]]))[0] == pytest.approx(0.0)


def test_round_trip_through_json_and_scoring_a_feature_dict(tmp_path):
    x, y = toy()
    model = fit_monotone(x, y, ["a", "b", "noise"])
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = MonotoneModel.load(path)
    assert loaded.features == ["a", "b", "noise"]
    np.testing.assert_allclose(loaded.predict(x[:20]), model.predict(x[:20]), atol=1e-4)
    # a dict with extra keys and a missing one (counted as 0)
    assert loaded.score({"a": 0.3, "b": 0.9, "other": 5.0}) == pytest.approx(
        float(loaded.predict(np.array([[0.3, 0.9, 0.0]]))[0]))


def test_a_constant_feature_gets_a_usable_knot_range():
    x = np.c_[np.linspace(0, 1, 50), np.zeros(50)]
    model = fit_monotone(x, x[:, 0], ["a", "flat"])
    assert len(model.knots[1]) == 2 and model.knots[1][1] > model.knots[1][0]
    assert np.all(np.isfinite(model.predict(x)))
