"""Cross-document entity linking on real news, from gold mentions: quality on GUM, throughput on WiNER-fr.

* English Wikinews (GUM): each coreference cluster with a Wikipedia title and a proper-name mention
  becomes one name in its article (the longest capitalised mention, as the entity layer would give
  `attrs["name"]`). Every pair of such names across the corpus is a must-merge pair when the titles
  are equal and a must-not-merge pair otherwise; pair precision / recall / F1 of `EntityLinkStep`.
* French Wikinews (WiNER-fr, 964 articles): all gold Person/Organization/Location mentions are linked
  into one registry; articles/s, names/s, entities created, and the merges that joined different
  normalised forms (to read for false merges).

Reads ../shared/data in place.  python bench/names_linking.py → bench/reports/names_linking.md
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdesk.article import Article, Span  # noqa: E402
from newsdesk.nlp.link import EntityLinkStep  # noqa: E402
from newsdesk.nlp.registry import EntityRegistry  # noqa: E402
from newsdesk.pipeline import StepStats  # noqa: E402

# ../shared/data next to the repository (or next to the folder of worktrees that holds it)
DATA = next(
    (p / "shared" / "data" / "corpora" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data" / "corpora",
)
REPORTS = ROOT / "bench" / "reports"
GUM_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
WINER_LABELS = {"Person": "PER", "Organization": "ORG", "Location": "LOC"}
SMALL = {"of", "de", "la", "le", "du", "van", "von", "al", "bin", "and", "for", "the"}


def _is_name(text: str) -> bool:
    words = text.replace("-", " ").split()
    if not words or len(words) > 4 or words[0] in ("The", "the"):
        return False
    return all(w[0].isupper() or w in SMALL for w in words if w[0].isalpha()) and words[0][0].isupper()


def gum_articles(path: Path) -> tuple[list[Article], dict[tuple[str, str], str]]:
    """Articles with one span per named cluster (attrs name = its longest capitalised mention); gold titles."""
    articles, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        clusters: dict[str, list[dict[str, Any]]] = {}
        for e in record["entities"]:
            if e["label"] in GUM_LABELS and e["wikipedia"]:
                clusters.setdefault(e["cluster"], []).append(e)
        spans = []
        for cluster, mentions in clusters.items():
            names = [m for m in mentions if _is_name(m["text"])]
            if not names:
                continue
            counts = Counter(m["text"] for m in names)
            name = max(counts, key=lambda t: (len(t.split()), counts[t], t))
            for m in names:
                attrs = {"text": m["text"], "name": name, "role": None, "country": None, "cluster": cluster}
                spans.append(Span(start=m["start"], end=m["end"], label=GUM_LABELS[m["label"]], attrs=attrs))
            gold[(record["id"], cluster)] = mentions[0]["wikipedia"]
        article = Article(id=record["id"], source="gum", text=record["text"], lang="en")
        article.add_spans("entities", sorted(spans, key=lambda s: s.start))
        articles.append(article)
    return articles, gold


def gum_quality(path: Path) -> dict[str, Any]:
    articles, gold = gum_articles(path)
    registry = EntityRegistry()
    list(EntityLinkStep(registry=registry, save=False)(articles, StepStats(name="entity_link")))
    predicted: dict[tuple[str, str], str | None] = {}
    for article in articles:
        for span in article.spans["entities"]:
            predicted[(article.id, span.attrs["cluster"])] = span.attrs["entity_id"]
    units = sorted(gold)
    tp = fp = fn = 0
    errors: list[str] = []
    for a, b in combinations(units, 2):
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] is not None and predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
        if same_gold != same_pred and len(errors) < 15:
            kind = "false merge" if same_pred else "missed"
            errors.append(f"{kind}: {_name(articles, a)} ({gold[a]}) / {_name(articles, b)} ({gold[b]})")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "articles": len(articles), "names": len(units), "titles": len(set(gold.values())),
        "entities": len(registry.entities), "tp": tp, "fp": fp, "fn": fn,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "errors": errors,
    }  # fmt: skip


def _name(articles: list[Article], unit: tuple[str, str]) -> str:
    article = next(a for a in articles if a.id == unit[0])
    return next(s.attrs["name"] for s in article.spans["entities"] if s.attrs["cluster"] == unit[1])


def winer_throughput(path: Path) -> dict[str, Any]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        spans = [
            Span(start=e["start"], end=e["end"], label=WINER_LABELS[e["label"]],
                 attrs={"text": e["text"], "name": e["text"], "role": None, "country": None})
            for e in record["entities"] if e["label"] in WINER_LABELS
        ]  # fmt: skip
        article = Article(id=record["id"], source="winer", text=record["text"], lang="fr")
        article.add_spans("entities", spans)
        articles.append(article)
    registry = EntityRegistry()
    stats = StepStats(name="entity_link")
    t0 = time.perf_counter()
    list(EntityLinkStep(registry=registry, save=False)(articles, stats))
    seconds = time.perf_counter() - t0
    spans = sum(len(a.spans["entities"]) for a in articles)
    merges = [
        (e.canonical, m["variant"], m["why"])
        for e in registry.entities.values()
        for m in e.merges
        if m["why"].get("tier") in ("close", "far")
    ]
    return {
        "articles": len(articles), "spans": spans, "entities": len(registry.entities), "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 1), "spans_per_s": round(spans / seconds, 1),
        "counters": dict(stats.counters), "fuzzy_merges": len(merges),
        "fuzzy_examples": [f"{c} ← {v}: {', '.join(w['evidence'])} (d={w['distance']})" for c, v, w in merges[:25]],
    }  # fmt: skip


def main() -> None:
    gum_path, winer_path = DATA / "wikinews-en-gum.jsonl", DATA / "wikinews-fr.jsonl"
    if not gum_path.exists() or not winer_path.exists():
        sys.exit(f"development data not found under {DATA}")
    gum, winer = gum_quality(gum_path), winer_throughput(winer_path)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "names_linking.json").write_text(
        json.dumps({"gum": gum, "winer_fr": winer}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    lines = [
        "# Cross-document entity linking on gold mentions",
        "",
        "## English Wikinews (GUM): pairs of named clusters, gold = same Wikipedia title",
        "",
        f"{gum['articles']} articles, {gum['names']} named clusters with a title, {gum['titles']} distinct titles, "
        f"{gum['entities']} registry entities.",
        "",
        "| TP | FP | FN | precision | recall | F1 |",
        "|---|---|---|---|---|---|",
        f"| {gum['tp']} | {gum['fp']} | {gum['fn']} | {gum['precision']} | {gum['recall']} | {gum['f1']} |",
        "",
        "Errors (first 15):",
        "",
        *(f"- {e}" for e in gum["errors"]),
        "",
        "## French Wikinews (WiNER-fr): throughput, one process",
        "",
        "| articles | entity spans | entities | seconds | articles/s | spans/s |",
        "|---|---|---|---|---|---|",
        f"| {winer['articles']} | {winer['spans']} | {winer['entities']} | {winer['seconds']} | "
        f"{winer['articles_per_s']} | {winer['spans_per_s']} |",
        "",
        f"Counters: `{json.dumps(winer['counters'])}`",
        "",
        f"{winer['fuzzy_merges']} merges joined different normalised forms (close/far tier, confirmed by context);"
        " the first 25, to read for false merges:",
        "",
        *(f"- {e}" for e in winer["fuzzy_examples"]),
        "",
    ]
    (REPORTS / "names_linking.md").write_text("\n".join(lines), encoding="utf-8")
    print(
        f"GUM pairs P={gum['precision']} R={gum['recall']} F1={gum['f1']}; "
        f"WiNER-fr {winer['articles_per_s']} articles/s, {winer['entities']} entities"
    )


if __name__ == "__main__":
    main()
