"""Name-variant merging quality: pair precision / recall / F1 on tests/data/name_pairs.jsonl.

Each pair has two sides (a name as written in an article of some language, with optional role, country
and co-occurring names). Both sides become small articles with entity spans; the real `EntityLinkStep`
links them into a fresh registry, and the pair counts as merged when both names get the same entity id.

    python bench/names_quality.py            # writes bench/reports/names_quality.md and .json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdesk.article import Article, Span  # noqa: E402
from newsdesk.nlp.link import EntityLinkStep  # noqa: E402
from newsdesk.nlp.names import script_of  # noqa: E402
from newsdesk.nlp.registry import EntityRegistry  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "name_pairs.jsonl"
REPORTS = ROOT / "bench" / "reports"


def side_article(side: dict[str, Any], article_id: str) -> Article:
    """A small article naming the side's entity and its co-occurring names, with entity spans."""
    names = [(side["name"], side.get("label", "PER"), side.get("role"), side.get("country"))]
    names += [(w, "PER", None, None) for w in side.get("with", [])]
    text, spans = "", []
    for name, label, role, country in names:
        if text:
            text += "; "
        start = len(text)
        text += name
        attrs = {"text": name, "name": name, "role": role, "country": country, "source": "rule"}
        spans.append(Span(start=start, end=len(text), label=label, attrs=attrs))
    article = Article(id=article_id, source="pairs", text=text, lang=side["lang"])
    article.add_spans("entities", spans)
    return article


def link_pair(pair: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Link both sides into a fresh registry; return whether they got the same id, and the second side's why."""
    registry = EntityRegistry()
    step = EntityLinkStep(registry=registry, save=False)
    ids = []
    for key in ("a", "b"):
        article = side_article(pair[key], f"{pair['id']}-{key}")
        step.link_article(article)
        ids.append(article.spans["entities"][0].attrs["entity_id"])
    entity = registry.get(ids[1]) if ids[1] else None
    why = entity.merges[-1]["why"] if entity and entity.merges and ids[0] == ids[1] else {}
    return ids[0] is not None and ids[0] == ids[1], {"ids": ids, "why": why}


def _scripts(pair: dict[str, Any]) -> str:
    return "/".join(sorted({script_of(pair["a"]["name"]).lower(), script_of(pair["b"]["name"]).lower()}))


def score(pairs: list[dict[str, Any]]) -> dict[str, Any]:
    t0 = time.perf_counter()
    rows = []
    for pair in pairs:
        merged, info = link_pair(pair)
        rows.append({"pair": pair, "merged": merged, **info})
    seconds = time.perf_counter() - t0
    tp = sum(r["merged"] and r["pair"]["same"] for r in rows)
    fp = sum(r["merged"] and not r["pair"]["same"] for r in rows)
    fn = sum(not r["merged"] and r["pair"]["same"] for r in rows)
    tn = len(rows) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    by_script: dict[str, list[int]] = {}
    for row in rows:
        counts = by_script.setdefault(_scripts(row["pair"]), [0, 0])
        counts[0] += row["merged"] == row["pair"]["same"]
        counts[1] += 1
    return {
        "pairs": len(rows), "must_merge": tp + fn, "must_not_merge": fp + tn,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
        "accuracy": round((tp + tn) / len(rows), 3) if rows else 0.0,
        "by_script": {k: {"correct": v[0], "pairs": v[1]} for k, v in sorted(by_script.items())},
        "seconds": round(seconds, 3),
        "errors": [
            {"id": row["pair"]["id"], "a": row["pair"]["a"]["name"], "b": row["pair"]["b"]["name"],
             "expected": "merge" if row["pair"]["same"] else "separate", "note": row["pair"]["note"]}
            for row in rows if row["merged"] != row["pair"]["same"]
        ],
        "merged_examples": [
            {"id": row["pair"]["id"], "a": row["pair"]["a"]["name"], "b": row["pair"]["b"]["name"], "why": row["why"]}
            for row in sorted(rows, key=lambda row: row["why"].get("tier") == "identical")
            if row["merged"] and row["why"]
        ][:10],
    }  # fmt: skip


def write_report(result: dict[str, Any]) -> Path:
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "names_quality.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = [
        "# Name-variant merging quality",
        "",
        f"Test set: `tests/data/name_pairs.jsonl`, {result['pairs']} pairs ({result['must_merge']} must merge, "
        f"{result['must_not_merge']} must stay separate), Latin, Cyrillic, Greek, Arabic and Han scripts.",
        "Each side is linked by `EntityLinkStep` into a fresh registry; a pair is merged when both get one id.",
        "",
        "| pairs | TP | FP | FN | TN | precision | recall | F1 | accuracy | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| {result['pairs']} | {result['tp']} | {result['fp']} | {result['fn']} | {result['tn']} | "
        f"{result['precision']} | {result['recall']} | {result['f1']} | {result['accuracy']} | {result['seconds']} |",
        "",
        *_heldout_lines(result.get("heldout")),
        "## By script pair",
        "",
        "| scripts | correct | pairs |",
        "|---|---|---|",
        *(f"| {k} | {v['correct']} | {v['pairs']} |" for k, v in result["by_script"].items()),
        "",
        "## Errors",
        "",
        "| id | a | b | expected | note |",
        "|---|---|---|---|---|",
        *(f"| {e['id']} | {e['a']} | {e['b']} | {e['expected']} | {e['note']} |" for e in result["errors"]),
        "",
        "## Why: examples of merges",
        "",
        *(
            f"- **{m['a']}** = **{m['b']}**: `{json.dumps(m['why'], ensure_ascii=False)}`"
            for m in result["merged_examples"]
        ),
        "",
    ]
    path = REPORTS / "names_quality.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _heldout_lines(h: dict[str, Any] | None) -> list[str]:
    if not h:
        return []
    return [
        f'Held-out part ({h["pairs"]} pairs marked `"set": "heldout"`, written after the spelling rules and'
        " thresholds were set, and not used to tune them):",
        "",
        "| pairs | TP | FP | FN | TN | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|---|",
        f"| {h['pairs']} | {h['tp']} | {h['fp']} | {h['fn']} | {h['tn']} | {h['precision']} | {h['recall']} "
        f"| {h['f1']} |",
        "",
        "Held-out errors: " + ("; ".join(f"{e['a']} / {e['b']} ({e['expected']})" for e in h["errors"]) or "none"),
        "",
    ]


def main() -> None:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(pairs)
    heldout = [p for p in pairs if p.get("set") == "heldout"]
    result["heldout"] = {k: v for k, v in score(heldout).items() if k != "merged_examples"} if heldout else None
    path = write_report(result)
    print(
        f"{result['pairs']} pairs: P={result['precision']} R={result['recall']} F1={result['f1']} "
        f"({len(result['errors'])} errors, {result['seconds']}s) -> {path.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
