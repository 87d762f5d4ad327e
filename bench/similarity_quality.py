"""Pair-similarity quality on the SemEval-2022 Task 8 news pairs, read in place from ../shared/data.

    python bench/similarity_quality.py          # writes bench/reports/similarity_quality.md
    python bench/similarity_quality.py --fit    # also prints refitted combination weights

Gold "overall" is 1 (very similar) .. 4 (very dissimilar); it is converted to 1 - (overall - 1) / 3
so that a positive Pearson correlation is good. Reported: Pearson of each signal and of the shipped
combination (`similarity.WEIGHTS`, fitted on this same file, so optimistic), the 10-fold
cross-validated Pearson of the same model refitted on nine tenths each time (the honest figure),
both overall and per language pair, and throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

# One BLAS thread: the encoder limits its threads only when threadpoolctl is installed, and on a shared
# two-core machine several BLAS threads are slower than one. Set before numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from scipy.optimize import nnls
from scipy.stats import pearsonr, spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import shared_data, write_report  # noqa: E402
from newsdesk.embeddings import DocumentEncoder, load_encoder  # noqa: E402
from newsdesk.similarity import WEIGHTS, TermStats, combine, extract, pair_features  # noqa: E402

REPORT = ROOT / "bench" / "reports" / "similarity_quality.md"
RIDGE = 0.1
FOLDS = 10


def nonnegative(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least squares with non-negative feature weights (the intercept may be negative)."""
    z = np.c_[-np.ones(len(x)), np.ones(len(x)), x]
    w, _ = nnls(z, y)
    return np.r_[w[1] - w[0], w[2:]]


def ridge(x: np.ndarray, y: np.ndarray, lam: float = RIDGE) -> np.ndarray:
    z = np.c_[np.ones(len(x)), x]
    reg = np.eye(z.shape[1]) * lam
    reg[0, 0] = 0.0
    return np.linalg.solve(z.T @ z + reg, z.T @ y)


def cross_validated(x: np.ndarray, y: np.ndarray, fit=nonnegative) -> np.ndarray:
    idx = np.random.RandomState(0).permutation(len(y))
    pred = np.zeros(len(y))
    for f in range(FOLDS):
        test = idx[f::FOLDS]
        train = np.setdiff1d(idx, test)
        w = fit(x[train], y[train])
        pred[test] = np.clip(np.c_[np.ones(len(test)), x[test]] @ w, 0.0, 1.0)
    return pred


def r(a: np.ndarray, b: np.ndarray) -> float:
    return float(pearsonr(a, b)[0]) if len(a) > 2 and np.std(a) > 0 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fit", action="store_true", help="print combination weights refitted on all pairs")
    args = parser.parse_args()
    path = shared_data() / "pairs" / "semeval2022-task8-dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    y = np.array([1 - (row["gold"]["overall"] - 1) / 3 for row in rows])
    lang_pairs = np.array([row["lang_pair"] for row in rows])

    t0 = time.perf_counter()
    p1 = [extract(row["text1"], lang=row["lang1"]) for row in rows]
    p2 = [extract(row["text2"], lang=row["lang2"]) for row in rows]
    stats = TermStats()
    for prof in p1 + p2:
        stats.add(prof)
    t_extract = time.perf_counter() - t0

    encoder = DocumentEncoder(encoder=load_encoder(threads=1))
    t0 = time.perf_counter()
    texts = [row["text1"] for row in rows] + [row["text2"] for row in rows]
    docs = encoder.encode(texts)
    t_embed = time.perf_counter() - t0
    n_sentences = sum(len(d.texts) for d in docs)
    for prof, doc in zip(p1 + p2, docs, strict=True):
        prof.vector, prof.sentences = doc.vector, doc.sentences

    t0 = time.perf_counter()
    feats = [pair_features(a, b, stats=stats) for a, b in zip(p1, p2, strict=True)]
    shipped = np.array([combine(f) for f in feats])
    t_pairs = time.perf_counter() - t0
    keys = list(feats[0])
    x = np.array([[f[k] for k in keys] for f in feats])
    cv = cross_validated(x, y)
    cv_free = cross_validated(x, y, fit=ridge)

    if args.fit:
        w = nonnegative(x, y)
        print(json.dumps(dict(zip(["intercept", *keys], np.round(w, 3).tolist(), strict=True)), indent=4))

    groups = ["all", *sorted(set(lang_pairs))]
    lines = [
        "# Pair similarity quality",
        "",
        f"Run: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M')} UTC. "
        "Data: `../shared/data/pairs/semeval2022-task8-dev.jsonl` "
        f"(SemEval-2022 Task 8 official training pairs with text, {len(rows)} pairs, read in place). "
        "Gold: `overall` (1 = very similar .. 4 = very dissimilar) mapped to 1 - (overall - 1) / 3.",
        "",
        "Signals (see `newsdesk.similarity.pair_features`): `embedding` = cosine of lead-weighted mean "
        "USE-multilingual sentence vectors; `embedding_mean` = cosine of the plain mean; `alignment` = mean best "
        "sentence-to-sentence cosine; `tfidf` = TF-IDF cosine of content words (spaCy stop words removed, "
        "7-character stems, document frequencies from the 1,968 texts); `names`, `numbers`, `years` = set cosine "
        "of capitalised words (anyascii-folded), numbers and years.",
        "",
        f"**Combined, 10-fold cross-validated (non-negative weights refitted per fold): Pearson {r(cv, y):.4f}** "
        f"(target >= 0.80, not reached). Shipped weights scored on the same pairs they were fitted on: "
        f"Pearson {r(shipped, y):.4f}, Spearman {spearmanr(shipped, y)[0]:.4f}. With weights free to be negative "
        f"(ridge {RIDGE}), cross-validated Pearson is {r(cv_free, y):.4f}, but such a score can drop when a signal "
        "rises (e.g. a translation, with high sentence alignment, then scores lower), so it is not shipped.",
        "",
        "## Pearson by language pair",
        "",
        "| pairs | n | combined (CV) | combined (shipped) | free weights (CV) | " + " | ".join(keys) + " |",
        "|---|---|---|---|---|" + "---|" * len(keys),
    ]
    for g in groups:
        m = np.ones(len(y), bool) if g == "all" else lang_pairs == g
        cells = [f"{r(x[m, i], y[m]):.3f}" for i in range(len(keys))]
        head = [str(int(m.sum())), *(f"{r(v[m], y[m]):.3f}" for v in (cv, shipped, cv_free))]
        lines.append(f"| {g} | " + " | ".join(head + cells) + " |")
    lines += [
        "",
        "## Shipped weights",
        "",
        "```",
        json.dumps(WEIGHTS, indent=2),
        "```",
        "",
        "## Notes",
        "",
        "- The encoder is the small USE-multilingual v3 (DAN, numpy); on this task the embedding alone reaches "
        f"{r(x[:, keys.index('embedding')], y):.3f}. Adding TF-IDF, sentence alignment and the plain mean helps "
        "a little; names, numbers and years add almost nothing once the embedding is there. Published systems "
        "reaching 0.8 fine-tuned large cross-lingual transformers on these pairs; that is not possible offline "
        "with the models available here.",
        "- Texts are mostly head+tail cuts of about 1,330 characters (see the data README), so long articles are "
        "compared on their beginning and end only.",
        "",
        "## Throughput (one BLAS thread, on a shared two-core machine)",
        "",
        f"- features (words, names, numbers): {len(texts) / t_extract:.0f} documents/s",
        f"- embeddings: {len(texts)} documents, {n_sentences} sentences in {t_embed:.1f} s: "
        f"{len(texts) / t_embed:.0f} documents/s, {n_sentences / t_embed:.0f} sentences/s",
        f"- pair scoring (profiles ready): {len(rows) / t_pairs:.0f} pairs/s",
        "",
    ]
    write_report(REPORT, lines)


if __name__ == "__main__":
    main()
