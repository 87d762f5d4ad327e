"""Near-duplicate quality and throughput on the syndication gold set (bench/data/neardup_gold.jsonl).

    python bench/neardup_quality.py     # writes bench/reports/neardup_quality.md

Scores: pairwise precision/recall/F1 over "same duplicate group" pairs, the share of copies linked
to the right original, recall per kind of variant, false links between different articles of one
topic set, false links inside templated series (real and made; with and without the fact-slot check),
sweeps over the thresholds, the same run split into two incremental runs through a saved index, and
throughput.
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
    CONFLICT_SHARE,
    CONTAINMENT,
    LSH_THRESHOLD,
    MIN_CONFLICTS,
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
    copies = [g for g in gold if is_copy(g)]
    right = sum(links[g["id"]] == g["group"] for g in copies)
    originals_kept = sum(links[g["id"]] is None for g in gold if not is_copy(g))
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
        "originals": sum(not is_copy(g) for g in gold), "originals_unlinked": originals_kept,
        "by_variant": dict(by_variant), "false_pairs": false_pairs, "same_topic_false": same_topic_false,
    }


def is_copy(g: dict) -> bool:
    """A syndicated copy (template instalments are originals of their own)."""
    return g["variant"] not in ("original", "template")


def is_templated(g: dict) -> bool:
    return bool(g["topic_set"]) and g["topic_set"].startswith(("series:", "template:"))


def template_pairs(gold: list[dict]) -> dict[str, list[tuple[str, str, bool]]]:
    """Negative pairs per kind of template: (id, id, published within the window of each other)."""
    when = {g["id"]: datetime.fromisoformat(g["published"]) for g in gold}
    series: dict[str, list[str]] = defaultdict(list)
    out: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for g in gold:
        if g["topic_set"] and g["topic_set"].startswith("series:"):
            series[g["topic_set"]].append(g["id"])
        if g.get("template_of"):
            out[g["topic_set"]].append((g["template_of"], g["id"], True))
    for ids in series.values():
        for a, b in combinations(sorted(ids), 2):
            out["real series (French Wikinews)"].append((a, b, abs(when[a] - when[b]) <= WINDOW))
    return dict(out)


def template_links(pairs: dict[str, list[tuple[str, str, bool]]], links: dict[str, str | None]) -> dict[str, int]:
    group = {k: (v or k) for k, v in links.items()}
    return {kind: sum(group[a] == group[b] for a, b, _ in ps) for kind, ps in pairs.items()}


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
    unchecked, _ = run(to_articles(gold), min_conflicts=None)
    res_unchecked = score(gold, unchecked)
    syndication = [g for g in gold if not is_templated(g)]
    synd_links, _ = run(to_articles(syndication))
    res_synd = score(syndication, synd_links)
    synd_unchecked = score(syndication, run(to_articles(syndication), min_conflicts=None)[0])
    tpairs = template_pairs(gold)
    tlinked, tlinked_unchecked = template_links(tpairs, links), template_links(tpairs, unchecked)
    conflict_sweep = []
    for mc, share in ((2, 0.1), (3, 0.1), (3, 0.15), (3, 0.25), (4, 0.2), (5, 0.25)):
        lk, _ = run(to_articles(gold), min_conflicts=mc, conflict_share=share)
        s = score(gold, lk)
        n_linked = sum(template_links(tpairs, lk).values())
        conflict_sweep.append((mc, share, s["precision"], s["recall"], s["f1"], n_linked))
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
             f"stored-{i}", None, None) for i in range(20_000)]
    t0 = time.perf_counter()
    big = MinHashIndex.from_rows(rows)
    load_seconds = time.perf_counter() - t0
    _, big_seconds = run(to_articles(gold), index=big)

    # real corpora, no synthetic copies: every link found is a candidate false link (templated series...)
    corpus = real_corpus()
    real_links, _ = run(corpus)
    real_found = sorted((k, v) for k, v in real_links.items() if v)
    real_unchecked = sum(1 for v in run(corpus, min_conflicts=None)[0].values() if v)
    titles = {a.id: (a.title or "")[:70] for a in corpus}

    lines = [
        "# Near-duplicate quality",
        "",
        f"Run: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M')} UTC. Gold: `bench/data/neardup_gold.jsonl`, made by "
        "`bench/make_neardup_gold.py` from English Wikinews (SemEval-2015 timelines, four same-topic sets), "
        "French Wikinews and Global Voices (CC BY; attribution per record).",
        f"{res['originals']} originals (of which {sum(is_templated(g) for g in gold)} in templated series, "
        f"{sum(g['variant'] == 'template' for g in gold)} of them made template instalments), {res['copies']} "
        f"syndicated copies ({len(gold)} articles, {n_words:,} words); articles arrive shuffled.",
        "",
        f"Settings: MinHash {NUM_PERM} permutations, {SHINGLE_WORDS}-word shingles of the normalised body, "
        f"LSH threshold {LSH_THRESHOLD}, copy when estimated containment >= {CONTAINMENT} "
        f"and >= {MIN_SHARED} shared shingles, published within {WINDOW.days} days of each other, "
        f"and not a template instance (fewer than {MIN_CONFLICTS} fact slots, or under {CONFLICT_SHARE:.0%} of the "
        "slots in common, filled with other facts).",
        "",
        "## Scores",
        "",
        "| measure | value |",
        "|---|---|",
        f"| pairwise precision | {res['precision']:.4f} |",
        f"| pairwise recall | {res['recall']:.4f} |",
        f"| **pairwise F1** (whole gold, templated series included) | **{res['f1']:.4f}** (target >= 0.95) |",
        f"| pairwise F1 without the fact-slot check | {res_unchecked['f1']:.4f} (P {res_unchecked['precision']:.4f}) |",
        f"| **pairwise F1, syndication set only** (no templated series) | **{res_synd['f1']:.4f}** "
        f"(without the check {synd_unchecked['f1']:.4f}) |",
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
    lines += [
        "",
        "## Templated series (negatives)",
        "",
        "Same template, other facts: pairs that must not be linked. Real series: every pair of members of one "
        "French Wikinews series (Tour de France 2016 stages, Eurovision 2016 and 2017 semi-finals and results, Six "
        "Nations 2017 rounds, two sled-dog race reports, Rio 2016 opening and closing ceremonies); made: the next "
        "day's stock-market report (numbers, weekday, up/down changed) of each English stock-market article, and "
        "French articles with most person and organisation names swapped and numbers changed. The check's "
        "thresholds were set by looking at the real series and the syndicated copies before the made "
        "instalments were generated; the real-series figures are therefore not unseen.",
        "",
        "| kind | pairs | within 7 days | linked without the check | linked with the check |",
        "|---|---|---|---|---|",
    ]
    for kind, ps in sorted(tpairs.items()):
        lines.append(f"| {kind} | {len(ps)} | {sum(w for *_, w in ps)} | {tlinked_unchecked[kind]} | {tlinked[kind]} |")
    lines += ["", "Fact-slot check sweep (whole gold):", "",
              "| min conflicts | min share | P | R | F1 | template pairs linked |", "|---|---|---|---|---|---|"]
    for mc, share, p, r, f, n in conflict_sweep:
        lines.append(f"| {mc} | {share} | {p:.4f} | {r:.4f} | {f:.4f} | {n} |")
    lines += ["", "## Threshold sweep", "", "| containment (or other setting changed) | P | R | F1 |"]
    lines.append("|---|---|---|---|")
    for name, p, r, f in sweep:
        lines.append(f"| {name} | {p:.4f} | {r:.4f} | {f:.4f} |")
    if res["false_pairs"]:
        lines += ["", "## False links", ""]
        lines += [f"- {a} ~ {b}" for a, b in sorted(res["false_pairs"])[:20]]
    missed = [g for g in gold if is_copy(g) and links[g["id"]] != g["group"]]
    if missed:
        lines += ["", "## Copies not linked to their original", ""]
        lines += [f"- {g['id']} ({g['variant']}): linked to {links[g['id']]}" for g in missed[:20]]
    lines += [
        "",
        "## Real corpora without synthetic copies",
        "",
        f"All {len(corpus)} articles of the four bundleable corpora (French Wikinews, Global Voices, English Wikinews "
        f"timelines and GUM news), read from ../shared/data, go through the step; they contain no syndicated copies, "
        f"so each link is a false link unless the texts really are copies. Links found: {len(real_found)} "
        f"(without the fact-slot check: {real_unchecked}).",
        "",
    ]
    lines += [f"- {k} ({titles[k]}) -> {v} ({titles[v]})" for k, v in real_found]
    if real_found:
        lines += [
            "",
            "Templated series (stage-by-stage race results, contest semi-finals) are short articles written from one "
            "template that share a block of related headlines, so over half of their word 4-grams are the same; the "
            "publication window removes the instalments more than a week apart. The fact-slot check removes the "
            "stage reports (riders, places, distances change at the same places of the template). What remains: "
            "the two Eurovision semi-final pages of each year, which differ in one date and the list of voting "
            "countries only (one or two refilled slots), and a Global Voices working draft and the manifesto "
            "it became (a real near-copy).",
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
