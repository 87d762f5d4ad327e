"""Quotation quality and throughput: writes bench/reports/quotes_quality.md and .json.

Quality: `newsdesk.nlp.quote_score` over the project's gold (tests/data/quotes_gold_*.jsonl: the
development sets and the held-out sets, annotated by reading the articles), the 16 smoke cases and
the GUM quotation spans (direct quotes only: GUM marks quotation-mark spans, not reported speech).
Throughput: `QuoteStep` over the bundleable corpora in ../shared/data/corpora (parse included).

    python bench/quotes_quality.py [--max-articles N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdesk.article import Article, Span  # noqa: E402
from newsdesk.nlp.entities import EntityStep  # noqa: E402
from newsdesk.nlp.quote_score import GoldDoc, evaluate, format_report, read_gold, spacy_predictor  # noqa: E402
from newsdesk.nlp.quotes import QuoteStep, load_model  # noqa: E402
from newsdesk.pipeline import StepStats  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from news_quotes_gold import PAIRS, news_texts  # noqa: E402

SHARED = Path(os.environ.get("NEWSDESK_SHARED_DATA") or ROOT.parent / "shared" / "data")
GOLD = ROOT / "tests" / "data"
THROUGHPUT = [
    ("wikinews-fr.jsonl", "fr"),
    ("wikinews-en-gum.jsonl", "en"),
    ("wikinews-en-timelines.jsonl", "en"),
    ("globalvoices-en.jsonl", "en"),
]


def production_predictor(models: dict):
    """The ingest configuration: EntityStep's spans first, then QuoteStep (which reads them)."""
    entities = EntityStep()
    quotes = QuoteStep(models=models)

    def predict(doc: GoldDoc) -> list[Span]:
        article = Article(id=doc.id, source="gold", text=doc.text, lang=doc.lang)
        for _ in quotes([*entities([article], StepStats(name="entities"))], StepStats(name="quotes")):
            pass
        return list(article.spans.get("quotes") or [])

    return predict


SETS = [
    ("French development gold (42 Wikinews articles)", "quotes_gold_fr.jsonl", None),
    ("French held-out gold 1 (12 Wikinews articles; seen once, then used for development)",
     "quotes_gold_fr_heldout.jsonl", None),
    ("French held-out gold 2 (10 Wikinews articles; its error groups guided generic fixes)",
     "quotes_gold_fr_heldout2.jsonl", None),
    ("French held-out gold 3 (8 Wikinews articles; measured untouched, then its errors guided generic fixes)",
     "quotes_gold_fr_heldout3.jsonl", None),
    ("English development gold (42 Wikinews/Global Voices articles)", "quotes_gold_en.jsonl", None),
    ("English held-out gold 1 (12 articles; seen once, then used for development)",
     "quotes_gold_en_heldout.jsonl", None),
    ("English held-out gold 2 (10 Wikinews/Global Voices articles; its error groups guided generic fixes)",
     "quotes_gold_en_heldout2.jsonl", None),
    ("English held-out gold 3 (8 Wikinews articles; measured untouched, then its errors guided generic fixes)",
     "quotes_gold_en_heldout3.jsonl", None),
    ("French held-out gold 4 (21 Wikinews articles, blind; measured untouched, then used for development)",
     "quotes_gold_fr_heldout4.jsonl", None),
    ("English held-out gold 4 (21 articles, blind; measured untouched, then used for development)",
     "quotes_gold_en_heldout4.jsonl", None),
    ("French held-out gold 5 (20 Wikinews articles, blind; measured untouched, then used for development)",
     "quotes_gold_fr_heldout5.jsonl", None),
    ("English held-out gold 5 (16 articles, blind; measured untouched, then used for development)",
     "quotes_gold_en_heldout5.jsonl", None),
    ("French held-out gold 6 (13 Wikinews articles, blind; measured untouched twice, then used for development)",
     "quotes_gold_fr_heldout6.jsonl", None),
    ("English held-out gold 6 (11 articles, blind; measured untouched twice, then used for development)",
     "quotes_gold_en_heldout6.jsonl", None),
    ("French held-out gold 7 (18 Wikinews articles, blind; measured untouched twice, then used for development)",
     "quotes_gold_fr_heldout7.jsonl", None),
    ("English held-out gold 7 (20 articles, blind; measured untouched twice, then used for development)",
     "quotes_gold_en_heldout7.jsonl", None),
    ("French held-out gold 8 (20 Wikinews articles, blind; used for development from round 11)",
     "quotes_gold_fr_heldout8.jsonl", None),
    ("English held-out gold 8 (20 Wikinews/Global Voices articles, blind; used for development from round 11)",
     "quotes_gold_en_heldout8.jsonl", None),
    ("French held-out gold 9 (16 Wikinews articles, blind; measured untouched, then used for development)",
     "quotes_gold_fr_heldout9.jsonl", None),
    ("English held-out gold 9 (13 Global Voices articles, blind; measured untouched, then used for development)",
     "quotes_gold_en_heldout9.jsonl", None),
    ("French held-out gold 10 (20 Wikinews articles, blind; half used for development, all from round 11)",
     "quotes_gold_fr_heldout10.jsonl", None),
    ("English news gold 10 (40 news articles of the SemEval-2022 pairs, blind; measured untouched, then half used "
     "for development, all from round 11; texts read in place)",
     "quotes_news_gold_en_set10.jsonl", None),
    ("French held-out gold 10, second half (its last 10 articles by id, blind until round 11)",
     "quotes_gold_fr_heldout10.jsonl:second-half", None),
    ("English news gold 10, second half (its last 20 articles by id, blind until round 11)",
     "quotes_news_gold_en_set10.jsonl:second-half", None),
    ("French held-out gold 11 (20 Wikinews articles, blind; used for development from round 11)",
     "quotes_gold_fr_heldout11.jsonl", None),
    ("English news gold 11 (40 news articles of the SemEval-2022 pairs, blind; used for development from round 11)",
     "quotes_news_gold_en_set11.jsonl", None),
    ("French news gold 12 (30 news articles of the SemEval-2022 pairs, blind, never used for development; texts "
     "read in place)", "quotes_news_gold_fr_set12.jsonl", None),
    ("English news gold 12 (40 news articles of the SemEval-2022 pairs, blind, never used for development)",
     "quotes_news_gold_en_set12.jsonl", None),
    ("French held-out gold 13 (20 Wikinews articles, blind, never used for development)",
     "quotes_gold_fr_heldout13.jsonl", None),
    ("English news gold 13 (40 news articles of the SemEval-2022 pairs, blind, never used for development)",
     "quotes_news_gold_en_set13.jsonl", None),
    ("French held-out gold 14 (20 Wikinews articles; measured untouched, then used for development)",
     "quotes_gold_fr_heldout14.jsonl", None),
    ("English news gold 14 (40 news articles of the SemEval-2022 pairs; measured untouched, then used for "
     "development)", "quotes_news_gold_en_set14.jsonl", None),
    ("French held-out gold 15 (20 Wikinews articles, blind, annotated after the thirteenth round, never used for "
     "development)", "quotes_gold_fr_heldout15.jsonl", None),
    ("English news gold 15 (40 news articles of the SemEval-2022 pairs, blind, annotated after the thirteenth "
     "round, never used for development)", "quotes_news_gold_en_set15.jsonl", None),
    ("Smoke cases (16 sentences, fr/en)", "smoke", None),
    ("GUM quotation spans, direct quotes only (24 English Wikinews articles)", "gum", ["direct"]),
]  # fmt: skip
CONFIGS = [
    ("production", "entity spans (EntityStep) first, then QuoteStep, as in the ingest pipeline"),
    ("parse only", "QuoteStep on the spaCy parse alone, without entity spans"),
]


def _path(name: str) -> Path:
    if name == "smoke":
        return SHARED / "quotes" / "smoke_cases_fr_en.jsonl"
    if name == "gum":
        return SHARED / "corpora" / "wikinews-en-gum.jsonl"
    return GOLD / name


def quality(models: dict, *, errors: bool = False) -> tuple[list[str], dict]:
    predictors = {"production": production_predictor(models), "parse only": spacy_predictor(models=models)}
    summary = [
        "### Summary: speaker full-name accuracy and span F1 at overlap 0.3, per configuration",
        "",
        "| set | configuration | speaker accuracy | n | F1 at 0.3 |",
        "|---|---|---|---|---|",
    ]
    lines, out = [], {}
    for config, description in CONFIGS:
        lines.append(f"## Configuration: {config} ({description})\n")
        for title, entry, kinds in SETS:
            name, _, part = entry.partition(":")
            path = _path(name)
            if not path.exists():
                lines.append(f"### {title}\n\nnot found: {path}\n")
                continue
            texts = None
            if name.startswith("quotes_news_gold"):
                if not PAIRS.exists():
                    lines.append(f"### {title}\n\nnot found: {PAIRS}\n")
                    continue
                texts = news_texts()
            docs = read_gold(path, kinds=kinds, texts=texts)
            if part == "second-half":  # the half of a set kept blind while the other half was used
                docs = sorted(docs, key=lambda d: d.id)[len(docs) // 2 :]
            report = evaluate(docs, predictors[config], kinds=kinds)
            out.setdefault(config, {})[title] = {k: v for k, v in report.items() if k != "errors"}
            out[config][title]["n_errors"] = len(report["errors"])
            lines.append(format_report(report, title=f"{title}, {config}"))
            spk = report["speaker_accuracy"].get("all", {"accuracy": 0.0, "n": 0})
            f1 = report["spans"]["0.3"]["all"]["f1"]
            summary.append(f"| {title.split(' (')[0]} | {config} | {spk['accuracy']:.3f} | {spk['n']} | {f1:.3f} |")
            if errors:
                for e in report["errors"]:
                    print(config, name, e)
    return [*summary, "", *lines], out


def throughput(models: dict, *, max_articles: int | None) -> tuple[list[str], dict]:
    lines = ["### Throughput (QuoteStep, spaCy parse included, one process)", ""]
    lines += [
        "| corpus | lang | articles | characters | seconds | of which spaCy parse alone | articles/s | chars/s "
        "| quotes | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    out = {}
    for name, lang in THROUGHPUT:
        path = SHARED / "corpora" / name
        if not path.exists():
            continue
        articles = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                rec = json.loads(line)
                articles.append(Article(id=rec["id"], source=name, text=rec["text"], lang=lang))
        if max_articles:
            articles = articles[:max_articles]
        step = QuoteStep(models=models)
        stats = StepStats(name="quotes")
        t0 = time.perf_counter()
        for _ in step(articles, stats):
            pass
        seconds = time.perf_counter() - t0
        chars = sum(len(a.text) for a in articles)
        n = stats.counters["quotes"]
        errors = sum(v for k, v in stats.counters.items() if k.startswith("quote_error"))
        t0 = time.perf_counter()
        for _ in models[lang].pipe(a.text for a in articles):
            pass
        parse = time.perf_counter() - t0
        out[name] = {"articles": len(articles), "chars": chars, "seconds": round(seconds, 2), "quotes": n}
        out[name] |= {"errors": errors, "parse_only_seconds": round(parse, 2)}
        lines.append(
            f"| {name} | {lang} | {len(articles)} | {chars} | {seconds:.1f} | {parse:.1f} "
            f"| {len(articles) / seconds:.1f} | {chars / seconds:.0f} | {n} | {errors} |"
        )
    return lines, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-articles", type=int, default=None, help="limit articles per corpus for throughput")
    parser.add_argument("--errors", action="store_true", help="print every scoring error")
    parser.add_argument("--quality-only", action="store_true", help="skip throughput; print, write no report")
    args = parser.parse_args()
    models = {"fr": load_model("fr"), "en": load_model("en")}
    q_lines, q_out = quality(models, errors=args.errors)
    if args.quality_only:
        print("\n".join(x for x in q_lines if x.startswith("|")))
        return 0
    t_lines, t_out = throughput(models, max_articles=args.max_articles)
    header = [
        "# Quotation extraction: quality and throughput",
        "",
        "Written by `bench/quotes_quality.py`. Span match: a gold quote is found when predicted spans cover at",
        "least the given share of its characters, and a predicted quote is right when gold spans cover that",
        "share of it. Verb and speaker accuracy are over gold quotes found at 0.3. Speaker accuracy compares",
        "full names (case-insensitive, leading article ignored); a gold speaker left empty (nobody named)",
        "is right only when no name is predicted. The development sets were used while writing the rules.",
        "Held-out set 1 was annotated after the rules were written and first measured untouched (French: F1",
        "0.804 at 0.3, speaker 0.500 on 12 quotes; English: F1 0.983, speaker 0.655 on 29 quotes); its errors",
        "were then used for one more round of fixes. Held-out set 2 was annotated after that; its error groups",
        "guided generic fixes, never single cases. Held-out set 3 (8 articles per language) was first measured",
        "untouched (production configuration: French F1 0.722, speaker 0.462 on 13 quotes; English F1 0.967,",
        "speaker 0.621 on 29 quotes, 0.759 after fixes driven by the other sets: the rules overfitted the",
        "development data). Its errors, with those of the other sets, then guided a round of generic fixes",
        "(pronoun salience after a change of topic, roles and groups 'of X', relative clauses, organisation",
        "names, 'Pour lui, « … »', French constructions the parser loses), each covered by tests on sentences",
        "written for them. So sets 1-3 measure fit, not",
        "generalisation. Held-out sets 4, 5 and 6 were annotated blind (without running or reading the",
        "extractor). Set 4 was measured untouched before and after that round (production, speaker accuracy:",
        "French 0.597 then 0.694 on 62 quotes, English 0.677 then 0.726 on 95; F1 0.913 then 0.919 and 0.930",
        "then 0.941); its errors then guided two more rounds of generic fixes. Set 5 (French 86 quotes,",
        "English 72) was measured untouched before any round (French F1 0.883, speaker 0.736; English F1",
        "0.880, speaker 0.730) and after three (French 0.890 / 0.836, English 0.908 / 0.769; its error lines were",
        "printed once during the third round, not used), then guided a fourth round on English speakers. Set 6",
        "(French 45 quotes, English 42) was measured untouched twice (French F1 0.932, speaker 0.691; English",
        "F1 0.863, speaker 0.514), then guided a fifth round with sets 4 and 5. Set 7 (French 87 quotes, English",
        "154) was measured untouched before that round (French F1 0.869, speaker 0.757; English F1 0.863, speaker",
        "0.643) and after it (French 0.869 / 0.770, English 0.887 / 0.685), then guided a sixth round. Set 8",
        "(French 111 quotes, English 85, mostly Global Voices) has never been used for development: it is the",
        "honest estimate. It was measured before the sixth round (French F1 0.814, speaker 0.633; English F1",
        "0.724, speaker 0.484) and after it (the figures below). Ten of its articles per language were annotated",
        "a second time, blind to the first (bench/quotes_agreement.py). Set 9 (French 90 quotes, English 46, all",
        "Global Voices) was measured untouched halfway through the sixth round (French F1 0.842, speaker 0.667;",
        "English F1 0.703, speaker 0.333), then used for development. Set 10 (French: 20 Wikinews articles, 96",
        "quotes; English: 40 news articles of the SemEval-2022 pairs, 147 quotes, gold kept as offsets over texts",
        "read in place) was measured untouched (French F1 0.827, speaker 0.690; English F1 0.864, speaker 0.546),",
        "then half of its articles per language guided a seventh round; the other half stayed blind (untouched:",
        "French F1 0.800, speaker 0.579; English F1 0.869, speaker 0.566). Set 11 (French 20 articles, 67 quotes;",
        "English 40 news articles, 125 quotes) was annotated blind during that round and never used for",
        "development (untouched: French F1 0.761, speaker 0.587; English F1 0.836, speaker 0.495).",
        "An eighth round was guided only by counts of error kinds on the blind sets (no error lines were read):",
        "short quoted fragments, names cut short or run long, and speakers written as descriptions; its rules were",
        "checked on the development sets and on unannotated news.",
        "A ninth round took its targets from the same kind of counts (French pronoun and description speakers,",
        "English indirect-quote precision and unnamed groups, quotes in marks left out) and was checked the same",
        "way; the blind sets were then measured once.",
        "Set 12 (French: all 30 French news articles of the SemEval-2022 pairs, 61 quotes; English: 40 more news",
        "articles, 122 quotes) was annotated blind before a tenth round and measured untouched before it (French F1",
        "0.772, speaker 0.500; English F1 0.804, speaker 0.670). The tenth round took its targets from the error",
        "kinds of the earlier blind sets and from unannotated news, never from set 12, which was measured again",
        "only after it.",
        "Set 13 (French: 20 Wikinews articles, 62 quotes; English: 40 more news articles, 97 quotes) was annotated",
        "blind before an eleventh round and measured untouched (French F1 0.775, speaker 0.698; English F1 0.792,",
        "speaker 0.833). From that round on, sets 8, 10 and 11 were used for development (their error lines were",
        "read), so sets 12 and 13 are the only blind sets left; neither was read, both were measured only after",
        "each round.",
        "Set 14 (French: 20 Wikinews articles, 50 quotes; English: 40 more news articles, 138 quotes) was annotated",
        "before a thirteenth round and measured untouched (French F1 0.820, speaker 0.675; English F1 0.871, speaker",
        "0.679), then used for development in that round. The round raised the development sets (set 14: French 0.892",
        "/ 0.809, English 0.902 / 0.784) but left the blind sets where they were (set 12: French 0.784 / 0.556 before,",
        "0.773 / 0.568 after; English 0.840 / 0.684, 0.835 / 0.670; set 13: French 0.796 / 0.711, 0.816 / 0.717;",
        "English 0.801 / 0.792, 0.812 / 0.782). Set 15 (French: 20 Wikinews articles, 67 quotes; English: 40 more news",
        "articles, 115 quotes) was annotated blind after that round and measured on the rules before it (French 0.858",
        "/ 0.778, English 0.869 / 0.716) and after it (French 0.858 / 0.778, English 0.873 / 0.734).",
        "Every set is measured in two configurations:",
        "production (EntityStep's spans first, then QuoteStep, as the ingest pipeline runs them) and parse only",
        "(QuoteStep alone).",
        "GUM marks only some quotation-mark spans (several articles, e.g. GUM_news_warhol, have many quotes",
        "left unmarked) and cuts quotes at sentence ends: its figures are a lower bound, not a target.",
        "",
    ]
    reports = ROOT / "bench" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "quotes_quality.md").write_text("\n".join(header + q_lines + t_lines) + "\n", encoding="utf-8")
    (reports / "quotes_quality.json").write_text(
        json.dumps({"quality": q_out, "throughput": t_out}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print("\n".join(q_lines + t_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
