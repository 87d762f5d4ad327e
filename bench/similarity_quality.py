"""Pair-similarity quality on the SemEval-2022 Task 8 news pairs, read in place from ../shared/data.

    python bench/similarity_quality.py          # writes bench/reports/similarity_quality.md
    python bench/similarity_quality.py --fit    # also refits src/newsdesk/data/similarity_model.json

Gold "overall" is 1 (very similar) .. 4 (very dissimilar); it is converted to 1 - (overall - 1) / 3
so that a positive Pearson correlation is good. Cross-validation folds are grouped: pairs that share
an article (same id, URL or text) are always in the same fold, so no text is scored by a model that
saw it.

The shipped model comes from one procedure: a grouped 5-fold CV over all pairs picks the combiner,
its settings and the signal set among `candidates()`, then the winner is fitted on all pairs. The
headline is a nested CV of that whole procedure (the choice is made again inside each outer training
part). Also reported: grouped 10-fold CV of each combiner, the shipped model scored on the pairs it
was fitted on (optimistic), per language pair, and throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote

# One BLAS thread: the encoder limits its threads only when threadpoolctl is installed, and on a shared
# two-core machine several BLAS threads are slower than one. Set before numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from scipy.optimize import nnls  # noqa: E402
from scipy.stats import spearmanr  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import shared_data, write_report  # noqa: E402
from newsdesk.article import Article  # noqa: E402
from newsdesk.cluster_score import pearson  # noqa: E402
from newsdesk.embeddings import DocumentEncoder, load_encoder  # noqa: E402
from newsdesk.ingest.htmlmeta import _URL_DATE  # noqa: E402
from newsdesk.monotone import fit_monotone  # noqa: E402
from newsdesk.similarity import MODEL_FILE, TermStats, pair_features, profiles, shipped_model  # noqa: E402

REPORT = ROOT / "bench" / "reports" / "similarity_quality.md"
MODEL_PATH = ROOT / "src" / "newsdesk" / "data" / MODEL_FILE
CORE = ["embedding", "whole", "lead", "top_pairs", "tfidf", "numbers"]
PREVIOUS = ["embedding", "alignment", "tfidf", "names", "numbers", "years"]
FOLDS, INNER_FOLDS, SEEDS = 10, 5, (0, 1, 2)


class Linear:
    """Non-negative least squares (the previous combiner); `free` lets weights be negative (ridge 0.1)."""

    def __init__(self, free: bool = False) -> None:
        self.free = free

    def fit(self, x: np.ndarray, y: np.ndarray) -> Linear:
        if self.free:
            z = np.c_[np.ones(len(x)), x]
            reg = np.eye(z.shape[1]) * 0.1
            reg[0, 0] = 0.0
            self.w = np.linalg.solve(z.T @ z + reg, z.T @ y)
        else:
            w, _ = nnls(np.c_[np.ones(len(x)), -np.ones(len(x)), x], y)
            self.w = np.r_[w[0] - w[1], w[2:]]
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.clip(self.w[0] + x @ self.w[1:], 0.0, 1.0)


class Monotone:
    def __init__(self, knots: int, ridge: float) -> None:
        self.knots, self.ridge = knots, ridge

    def fit(self, x: np.ndarray, y: np.ndarray) -> Monotone:
        self.model = fit_monotone(x, y, [str(i) for i in range(x.shape[1])], knots=self.knots, ridge=self.ridge)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.model.predict(x)


def article_groups(rows: list[dict]) -> np.ndarray:
    """Connected components of pairs linked by a shared article id, URL or text."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        for key in (*row["pair_id"].split("_"), row["url1"], row["url2"], row["text1"], row["text2"]):
            if key in seen:
                parent[find(i)] = find(seen[key])
            else:
                seen[key] = i
    return np.array([find(i) for i in range(len(rows))])


def fold_ids(groups: np.ndarray, k: int, seed: int) -> np.ndarray:
    order = np.random.RandomState(seed).permutation(np.unique(groups))
    fold_of = {g: i % k for i, g in enumerate(order)}
    return np.array([fold_of[g] for g in groups])


def cross_validated(make, x: np.ndarray, y: np.ndarray, groups: np.ndarray, *, k: int = FOLDS,
                    seed: int = 0) -> np.ndarray:
    folds, pred = fold_ids(groups, k, seed), np.zeros(len(y))
    for f in range(k):
        test = folds == f
        pred[test] = make().fit(x[~test], y[~test]).predict(x[test])
    return pred


def candidates() -> dict[str, tuple]:
    """What the selection chooses from: (model factory, signal set, knots, ridge) by name."""
    out = {f"monotone, {k} knots, ridge {lam}, {fs} signals": (lambda k=k, lam=lam: Monotone(k, lam), fs, k, lam)
           for k in (3, 5, 8) for lam in (0.1, 1.0, 10.0) for fs in ("core", "all")}
    return out | {f"non-negative linear, {fs} signals": (Linear, fs, None, None) for fs in ("core", "previous", "all")}


def select(cands: dict, x_of: dict, y: np.ndarray, groups: np.ndarray, mask: np.ndarray, seed: int = 0) -> str:
    """The candidate with the best grouped inner-CV Pearson on the pairs in `mask`."""
    scores = {name: r(cross_validated(c[0], x_of[c[1]][mask], y[mask], groups[mask], k=INNER_FOLDS, seed=seed),
                      y[mask]) for name, c in cands.items()}
    return max(scores, key=scores.get)


def nested(cands: dict, x_of: dict, y: np.ndarray, groups: np.ndarray, *, seed: int = 0):
    """Outer grouped CV of `select` then fit. Returns the outer predictions and how often each candidate won."""
    folds, pred, picked = fold_ids(groups, FOLDS, seed), np.zeros(len(y)), {}
    for f in range(FOLDS):
        test = folds == f
        best = select(cands, x_of, y, groups, ~test, seed)
        make, feats = cands[best][:2]
        pred[test] = make().fit(x_of[feats][~test], y[~test]).predict(x_of[feats][test])
        picked[best] = picked.get(best, 0) + 1
    return pred, picked


def r(a: np.ndarray, b: np.ndarray) -> float:
    return pearson(a.tolist(), b.tolist()) if len(a) > 2 else float("nan")


def url_date(url: str) -> date | None:
    m = _URL_DATE.search(unquote(url))
    try:
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fit", action="store_true", help=f"refit and write {MODEL_PATH.relative_to(ROOT)}")
    args = parser.parse_args()
    path = shared_data() / "pairs" / "semeval2022-task8-dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    y = np.array([1 - (row["gold"]["overall"] - 1) / 3 for row in rows])
    lang_pairs = np.array([row["lang_pair"] for row in rows])
    groups = article_groups(rows)

    arts = [Article(id=f"{i}.{side}", source="semeval", text=row[f"text{side}"], lang=row[f"lang{side}"])
            for side in (1, 2) for i, row in enumerate(rows)]
    encoder = DocumentEncoder(encoder=load_encoder(threads=1))
    stats = TermStats()
    t0 = time.perf_counter()
    profs = profiles(arts, stats=stats, encoder=encoder)
    t_profile = time.perf_counter() - t0
    p1, p2 = profs[: len(rows)], profs[len(rows) :]
    n_sentences = sum(len(p.sentences) for p in profs)

    t0 = time.perf_counter()
    feats = [pair_features(a, b, stats=stats) for a, b in zip(p1, p2, strict=True)]
    t_pairs = time.perf_counter() - t0
    keys = list(feats[0])
    x_all = np.array([[f[k] for k in keys] for f in feats])
    signal_sets = {"core": CORE, "previous": PREVIOUS, "all": keys}
    x_of = {name: x_all[:, [keys.index(k) for k in sig]] for name, sig in signal_sets.items()}

    cands = candidates()
    chosen = select(cands, x_of, y, groups, np.ones(len(y), bool))
    if args.fit:
        _, fs, k, lam = cands[chosen]
        if k is None:
            raise SystemExit(f"selection chose {chosen!r}, which is not a monotone model; nothing written")
        model = fit_monotone(x_of[fs], y, signal_sets[fs], knots=k, ridge=lam)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        fields = model.to_dict().items()
        MODEL_PATH.write_text("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in fields) + "\n}\n",
                              encoding="utf-8")
        shipped_model.cache_clear()
    model = shipped_model()
    shipped = model.predict(x_all[:, [keys.index(k) for k in model.features]])

    headline, picked = nested(cands, x_of, y, groups)
    runs = {name: cands[name][:2] for name in (chosen, "non-negative linear, core signals",
                                               "non-negative linear, previous signals")}
    runs["free linear (ridge 0.1), all signals"] = (lambda: Linear(free=True), "all")
    cv = {name: [cross_validated(make, x_of[fs], y, groups, seed=seed) for seed in SEEDS]
          for name, (make, fs) in runs.items()}

    dated = [(url_date(row["url1"]), url_date(row["url2"])) for row in rows]
    gap_mask = np.array([a is not None and b is not None for a, b in dated])
    gaps = np.array([abs((a - b).days) if a and b else 0 for a, b in dated])

    lines = [
        "# Pair similarity quality",
        "",
        f"Run: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M')} UTC. "
        "Data: `../shared/data/pairs/semeval2022-task8-dev.jsonl` "
        f"(SemEval-2022 Task 8 official training pairs with text, {len(rows)} pairs, read in place). "
        "Gold: `overall` (1 = very similar .. 4 = very dissimilar) mapped to 1 - (overall - 1) / 3.",
        "",
        f"Folds are grouped by article: {len(rows)} pairs fall into {len(set(groups))} groups of pairs linked by a "
        "shared article id, URL or text (a few articles are in two or three pairs); a group is never split between "
        "training and test.",
        "",
        f"**Headline: nested grouped 10-fold cross-validated Pearson {r(headline, y):.4f}** (target >= 0.80: "
        f"**not reached**). In each outer training part an inner grouped {INNER_FOLDS}-fold CV chooses among "
        f"{len(cands)} combiners, settings and signal sets; the chosen one is fitted there and scores the held-out "
        f"tenth. On all pairs the same selection chose **{chosen}**, fitted on all pairs and shipped; its own "
        "grouped 10-fold CV Pearson (fold seeds " + ", ".join(map(str, SEEDS)) + "): "
        + ", ".join(f"{r(p, y):.4f}" for p in cv[chosen]) + ". "
        f"Shipped model scored on the pairs it was fitted on (optimistic): Pearson {r(shipped, y):.4f}, "
        f"Spearman {spearmanr(shipped, y)[0]:.4f}. The previous shipped combination (non-negative linear weights, "
        "7-character stems) gave 0.7095 with the same grouped folds (0.709 ungrouped).",
        "",
        "The candidate signals were chosen while exploring on these same pairs (about ten alternatives tried), "
        "so the figures carry a small selection optimism that the nested CV does not remove.",
        "",
        "## Signals (`newsdesk.similarity.pair_features`)",
        "",
        "- `embedding`: cosine of lead-weighted mean USE-multilingual sentence vectors.",
        "- `whole`: cosine of the first 2,000 characters (title and text) each encoded as one USE input.",
        "- `lead`: headline (first sentence) against the other text's best of its first three sentences, "
        "both directions averaged.",
        "- `top_pairs`: mean cosine of the three closest sentence pairs.",
        "- `alignment`: mean best sentence-to-sentence cosine, both directions.",
        "- `tfidf`: TF-IDF cosine of content words (spaCy stop words removed, 5-character stems, document "
        "frequencies from the 1,968 texts).",
        "- `names`, `numbers`, `years`: set cosine of capitalised words (anyascii-folded), numbers and years; "
        "`numbers` is neutral (takes the `tfidf` value) when neither text has a number.",
        "",
        f"Signal sets: core = {', '.join(f'`{k}`' for k in CORE)}; previous = "
        f"{', '.join(f'`{k}`' for k in PREVIOUS)}; all = every signal above. "
        f"The shipped model uses {', '.join(f'`{k}`' for k in model.features)}; each goes through a non-decreasing "
        "piecewise-linear shape (non-negative ramp weights), so the score never drops when a signal rises.",
        "",
        "## Combiners, grouped 10-fold CV (Pearson, mean over fold seeds)",
        "",
        "| combiner | CV Pearson |",
        "|---|---|",
        *(f"| {name} | {np.mean([r(p, y) for p in preds]):.4f} |" for name, preds in cv.items()),
        f"| nested CV (choice made inside each training part; the headline) | {r(headline, y):.4f} |",
        "",
        "Nested choices (outer folds): " + "; ".join(f"{k}: {v}" for k, v in sorted(picked.items())) + ".",
        "",
        "## Pearson by language pair",
        "",
        "| pairs | n | nested (CV, headline) | chosen combiner (CV) | previous linear (CV) | shipped (in-sample) | "
        + " | ".join(keys) + " |",
        "|---|---|---|---|---|---|" + "---|" * len(keys),
    ]
    prev = cv["non-negative linear, previous signals"][0]
    for g in ["all", *sorted(set(lang_pairs))]:
        m = np.ones(len(y), bool) if g == "all" else lang_pairs == g
        cells = [f"{r(x_all[m, i], y[m]):.3f}" for i in range(len(keys))]
        head = [str(int(m.sum())), *(f"{r(v[m], y[m]):.3f}" for v in (headline, cv[chosen][0], prev, shipped))]
        lines.append(f"| {g} | " + " | ".join(head + cells) + " |")
    lines += [
        "",
        "## Shipped model",
        "",
        f"`src/newsdesk/data/{MODEL_FILE}`: per signal, knots and the rise of the score between consecutive knots "
        f"(before rescaling to [0, 1]); intercept {model.intercept:.3f}.",
        "",
        "| signal | knots | rise per segment | total rise |",
        "|---|---|---|---|",
        *(f"| {f} | {', '.join(f'{k:.2f}' for k in kn)} | {', '.join(f'{v:.3f}' for v in w)} | {sum(w):.3f} |"
          for f, kn, w in zip(model.features, model.knots, model.weights, strict=True)),
        "",
        "## Notes",
        "",
        f"- Publication dates: only {int(gap_mask.sum())} pairs have a date in both URLs (the rest carry none); "
        "on those the Pearson of log(1 + day gap) with the gold is "
        f"{r(np.log1p(gaps[gap_mask]), y[gap_mask]):.3f}. A date-gap signal is therefore not in the model: "
        "there is no evidence here to fit or check it.",
        "- What limits the figure: the only sentence encoder allowed is the small USE-multilingual v3 (a deep "
        "averaging network); the embedding signals alone reach "
        f"{max(r(x_all[:, keys.index(k)], y) for k in ('embedding', 'whole')):.3f}, and word, name and number "
        "overlaps add little once they are there. Arabic (no capital letters, so no names) and German are the "
        "weakest pairs. Published systems above 0.8 fine-tuned large cross-lingual transformers on these pairs; "
        "that is not possible offline with the models available here.",
        "- Texts are mostly head+tail cuts of about 1,330 characters (see the data README), so long articles are "
        "compared on their beginning and end only; in production `whole` sees the first 2,000 characters.",
        "",
        "## Throughput (one BLAS thread, on a shared two-core machine)",
        "",
        f"- profiles (words, names, numbers, sentence vectors and whole-text vectors): {len(arts)} documents, "
        f"{n_sentences} sentences in {t_profile:.1f} s: {len(arts) / t_profile:.0f} documents/s",
        f"- pair scoring (profiles ready): {len(rows) / t_pairs:.0f} pairs/s",
        "",
    ]
    write_report(REPORT, lines)


if __name__ == "__main__":
    main()
