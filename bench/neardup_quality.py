"""Near-duplicate quality and throughput on the syndication gold set (bench/data/neardup_gold.jsonl).

    python bench/neardup_quality.py     # writes bench/reports/neardup_quality.md

Scores: pairwise precision/recall/F1 over "same duplicate group" pairs, the share of copies linked
to the right original, recall per kind of variant, false links between different articles of one
topic set, a sweep over the containment threshold, the same run split into two incremental runs
through a saved index, and throughput.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import shared_data, write_report  # noqa: E402
from newsdesk.article import Article  # noqa: E402
from newsdesk.dedup import (  # noqa: E402
    CONTAINMENT,
    LSH_THRESHOLD,
    MIN_SHARED,
    NUM_PERM,
    SHINGLE_WORDS,
    WINDOW,
    MinHashIndex,
    NearDuplicateStep,
)
from newsdesk.pipeline import StepStats  # noqa: E402

GOLD = ROOT / "bench" / "data" / "neardup_gold.jsonl"
REPORT = ROOT / "bench" / "reports" / "neardup_quality.md"


def load_gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def to_articles(gold: list[dict], *, seed: int = 7) -> list[Article]:
    arts = [
        Article(id=g["id"], source="gold", text=g["text"], lang=g["lang"], title=g["title"],
                published=datetime.fromisoformat(g["published"]))
        for g in gold
    ]
    random.Random(seed).shuffle(arts)  # arrival order is not publication order
    return arts


def real_corpus() -> list[Article]:
    records = []
    for name in ("wikinews-fr.jsonl", "globalvoices-en.jsonl", "wikinews-en-timelines.jsonl", "wikinews-en-gum.jsonl"):
        with (shared_data() / "corpora" / name).open(encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh]
    return [
        Article(id=r["id"], source="corpus", text=r["text"], lang=r["lang"], title=r["title"],
                published=datetime.fromisoformat(r["published"][:19]))
        for r in records
    ]


def run(articles: list[Article], **options) -> tuple[dict[str, str | None], float]:
    step = NearDuplicateStep(**options)
    t0 = time.perf_counter()
    out = list(step(articles, StepStats(name="near-dedup")))
    return {a.id: a.duplicate_of for a in out}, time.perf_counter() - t0


def pairs_of(groups: dict[str, str]) -> set[tuple[str, str]]:
    members = defaultdict(list)
    for key, group in groups.items():
        members[group].append(key)
    return {tuple(sorted(p)) for ms in members.values() for p in combinations(ms, 2)}


def score(gold: list[dict], links: dict[str, str | None]) -> dict:
    gold_groups = {g["id"]: g["group"] for g in gold}
    pred_groups = {k: (v or k) for k, v in links.items()}
    gp, pp = pairs_of(gold_groups), pairs_of(pred_groups)
    tp = len(gp & pp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    copies = [g for g in gold if g["variant"] != "original"]
    right = sum(links[g["id"]] == g["group"] for g in copies)
    originals_kept = sum(links[g["id"]] is None for g in gold if g["variant"] == "original")
    by_variant: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in copies:
        by_variant[g["variant"]][1] += 1
        by_variant[g["variant"]][0] += pred_groups[g["id"]] == pred_groups[g["group"]]
    topic = {g["id"]: g["topic_set"] for g in gold}
    false_pairs = [(a, b) for a, b in pp - gp]
    same_topic_false = sum(
        1 for a, b in false_pairs if topic[a] and topic[a] == topic[b] and gold_groups[a] != gold_groups[b]
    )
    return {
        "precision": p, "recall": r, "f1": f1, "pairs_gold": len(gp), "pairs_pred": len(pp), "tp": tp,
        "copies": len(copies), "copies_right_original": right,
        "originals": sum(g["variant"] == "original" for g in gold), "originals_unlinked": originals_kept,
        "by_variant": dict(by_variant), "false_pairs": false_pairs, "same_topic_false": same_topic_false,
    }


def incremental(gold: list[dict], articles: list[Article]) -> dict[str, str | None]:
    """Two runs over the two halves of the stream, the index saved and reloaded in between."""
    half = len(articles) // 2
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.npz"
        step = NearDuplicateStep(index=MinHashIndex())
        list(step(articles[:half], StepStats(name="x")))
        step.index.save(path)
        step2 = NearDuplicateStep(index=MinHashIndex.load(path))
        out = list(step2(articles[half:], StepStats(name="x")))
    links = {a.id: a.duplicate_of for a in articles[:half]}
    links.update({a.id: a.duplicate_of for a in out})
    return links


def main() -> None:
    gold = load_gold()
    arts = to_articles(gold)
    n_words = sum(len(a.text.split()) for a in arts)
    links, seconds = run(to_articles(gold))
    res = score(gold, links)
    sweep = []
    for cont in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        lk, _ = run(to_articles(gold), containment=cont)
        s = score(gold, lk)
        sweep.append((cont, s["precision"], s["recall"], s["f1"]))
    for lsh in (0.15, 0.3, 0.4):
        lk, _ = run(to_articles(gold), index=MinHashIndex(lsh_threshold=lsh))
        s = score(gold, lk)
        sweep.append((f"LSH {lsh}", s["precision"], s["recall"], s["f1"]))
    for size in (3, 5):
        lk, _ = run(to_articles(gold), index=MinHashIndex(shingle_size=size))
        s = score(gold, lk)
        sweep.append((f"{size}-word shingles", s["precision"], s["recall"], s["f1"]))
    inc = score(gold, incremental(gold, to_articles(gold)))
    other_order, _ = run(to_articles(gold, seed=99))
    same_across_orders = sum(other_order[k] == links[k] for k in links)

    # scale: an index already holding 20,000 other articles (random signatures: unrelated texts rarely collide)
    rng = np.random.default_rng(0)
    rows = [(f"stored-{i}", rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64).astype("<u4").tobytes(), 300,
             f"stored-{i}", None) for i in range(20_000)]
    t0 = time.perf_counter()
    big = MinHashIndex.from_rows(rows)
    load_seconds = time.perf_counter() - t0
    _, big_seconds = run(to_articles(gold), index=big)

    # real corpora, no synthetic copies: every link found is a candidate false link (templated series...)
    corpus = real_corpus()
    real_links, _ = run(corpus)
    real_found = sorted((k, v) for k, v in real_links.items() if v)
    titles = {a.id: (a.title or "")[:70] for a in corpus}

    lines = [
        "# Near-duplicate quality",
        "",
        f"Run: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M')} UTC. Gold: `bench/data/neardup_gold.jsonl`, made by "
        "`bench/make_neardup_gold.py` from English Wikinews (SemEval-2015 timelines, four same-topic sets), "
        "French Wikinews and Global Voices (CC BY; attribution per record).",
        f"{res['originals']} originals, {res['copies']} syndicated copies ({len(gold)} articles, {n_words:,} words); "
        "articles arrive shuffled.",
        "",
        f"Settings: MinHash {NUM_PERM} permutations, {SHINGLE_WORDS}-word shingles of the normalised body, "
        f"LSH threshold {LSH_THRESHOLD}, copy when estimated containment >= {CONTAINMENT} "
        f"and >= {MIN_SHARED} shared shingles, published within {WINDOW.days} days of each other.",
        "",
        "## Scores",
        "",
        "| measure | value |",
        "|---|---|",
        f"| pairwise precision | {res['precision']:.4f} |",
        f"| pairwise recall | {res['recall']:.4f} |",
        f"| **pairwise F1** | **{res['f1']:.4f}** (target >= 0.95) |",
        f"| gold / predicted / correct pairs | {res['pairs_gold']} / {res['pairs_pred']} / {res['tp']} |",
        f"| copies linked to their gold original | {res['copies_right_original']} / {res['copies']} |",
        f"| originals left unlinked | {res['originals_unlinked']} / {res['originals']} |",
        f"| false links inside one topic set (hard negatives) | {res['same_topic_false']} |",
        f"| two incremental runs (index saved, reloaded): F1 | {inc['f1']:.4f} |",
        f"| same link for every article with another arrival order | {same_across_orders} / {len(links)} |",
        "",
        "## Recall by variant",
        "",
        "| variant | found / copies |",
        "|---|---|",
    ]
    for variant, (found, total) in sorted(res["by_variant"].items()):
        lines.append(f"| {variant} | {found} / {total} |")
    lines += ["", "## Threshold sweep", "", "| containment (or other setting changed) | P | R | F1 |"]
    lines.append("|---|---|---|---|")
    for name, p, r, f in sweep:
        lines.append(f"| {name} | {p:.4f} | {r:.4f} | {f:.4f} |")
    if res["false_pairs"]:
        lines += ["", "## False links", ""]
        lines += [f"- {a} ~ {b}" for a, b in sorted(res["false_pairs"])[:20]]
    missed = [g for g in gold if g["variant"] != "original" and links[g["id"]] != g["group"]]
    if missed:
        lines += ["", "## Copies not linked to their original", ""]
        lines += [f"- {g['id']} ({g['variant']}): linked to {links[g['id']]}" for g in missed[:20]]
    lines += [
        "",
        "## Real corpora without synthetic copies",
        "",
        f"All {len(corpus)} articles of the four bundleable corpora (French Wikinews, Global Voices, English Wikinews "
        f"timelines and GUM news), read from ../shared/data, go through the step; they contain no syndicated copies, "
        f"so each link is a false link unless the texts really are copies. Links found: {len(real_found)}.",
        "",
    ]
    lines += [f"- {k} ({titles[k]}) -> {v} ({titles[v]})" for k, v in real_found]
    if real_found:
        lines += [
            "",
            "Templated series (stage-by-stage race results, contest semi-finals) are short articles written from one "
            "template that share a block of related headlines, so over half of their word 4-grams are the same. "
            "The publication window removes the instalments more than a week apart (without it, this run found 18 "
            "links, e.g. the 2017 Eurovision pages linked to the 2016 ones); those of consecutive days remain. "
            "The synthetic set has no such series, which is why its precision is 1.0. Not handled yet: a check "
            "that linked articles also share their names and numbers would separate most of them (the template "
            "keeps the words but changes the riders, places and results).",
        ]
    lines += [
        "",
        "## Throughput",
        "",
        f"- {len(arts)} articles in {seconds:.2f} s: {len(arts) / seconds:.0f} articles/s, "
        f"{n_words / seconds / 1000:.0f}k words/s (shingling, MinHash, LSH query and insert; one core).",
        f"- Same articles against an index already holding 20,000 articles: {len(arts) / big_seconds:.0f} articles/s.",
        f"- Rebuilding the index (LSH) from 20,000 stored signatures at start-up: {load_seconds:.1f} s "
        f"({load_seconds / 20:.2f} s per 1,000 stored articles).",
        "",
    ]
    write_report(REPORT, lines)


if __name__ == "__main__":
    main()
