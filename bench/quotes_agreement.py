"""Agreement between two independent annotations of the same articles: writes bench/reports/quotes_agreement.md.

Ten articles per language of held-out set 8 were annotated a second time, blind to the first annotation
(bench/quotes_gold/agreement_<lang>.jsonl), ten English news articles of set 11 and ten French news articles
of set 12 (bench/quotes_gold/agreement_news_<lang>_set<N>.jsonl, offsets only: the texts are read in
place). The second
annotation is scored against the gold with the same scorer as the extractor (`newsdesk.nlp.quote_score.score`),
so its figures are the ceiling a system can be expected to reach under the guidelines: span F1 at overlap
0.3 and 0.8, and speaker full-name agreement over the quotes both annotators marked. The extractor
(production configuration) is scored on the same articles against the same gold, for comparison.

    python bench/quotes_agreement.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from build_quotes_gold import build  # noqa: E402
from news_quotes_gold import PAIRS, news_texts  # noqa: E402
from newsdesk.article import Span  # noqa: E402
from newsdesk.nlp.quote_score import GoldDoc, evaluate, format_report, read_gold, score  # noqa: E402
from newsdesk.nlp.quotes import load_model  # noqa: E402
from quotes_quality import production_predictor  # noqa: E402


def as_spans(record: dict) -> list[Span]:
    """A built gold record's quotes as the spans an extractor would give."""
    return [
        Span(
            start=q["quote_span"][0],
            end=q["quote_span"][1],
            label="quote",
            attrs={
                "kind": q["type"],
                "verb": q["verb"],
                "verb_span": q["verb_span"],
                "speaker_name": q["speaker_full"],
            },
        )
        for q in record["quotes"]
    ]


def compare(gold: list[GoldDoc], second: dict[str, dict], lang: str) -> tuple[dict, dict]:
    """The second annotation and the extractor, each scored against the same gold documents."""
    annotator = score(gold, {doc.id: as_spans(second[doc.id]) for doc in gold})
    extractor = evaluate(gold, production_predictor({lang: load_model(lang)}))
    return annotator, extractor


def agreement(lang: str) -> tuple[dict, dict] | None:
    """The second annotation and the extractor, each scored against the gold of the same articles."""
    if not (ROOT / "bench" / "quotes_gold" / f"agreement_{lang}.jsonl").exists():
        return None
    second = {rec["id"]: rec for rec in build(lang, part="agreement")}
    gold_path = ROOT / "tests" / "data" / f"quotes_gold_{lang}_heldout8.jsonl"
    gold = [doc for doc in read_gold(gold_path) if doc.id in second]
    return compare(gold, second, lang)


def news_agreement(lang: str, set_number: int) -> tuple[dict, dict] | None:
    """The same comparison on a news set, whose gold keeps offsets only."""
    second_path = ROOT / "bench" / "quotes_gold" / f"agreement_news_{lang}_set{set_number}.jsonl"
    if not second_path.exists() or not PAIRS.exists():
        return None
    lines = second_path.read_text(encoding="utf-8").splitlines()
    second = {rec["id"]: rec for rec in map(json.loads, filter(str.strip, lines))}
    gold_path = ROOT / "tests" / "data" / f"quotes_news_gold_{lang}_set{set_number}.jsonl"
    gold = [doc for doc in read_gold(gold_path, texts=news_texts()) if doc.id in second]
    return compare(gold, second, lang)


def main() -> int:
    lines = ["# Quotation gold: agreement between two annotators", "", __doc__.split("\n\n")[1].replace("\n", " "), ""]
    out = {}
    for lang, (reports, gold_set) in (
        ("fr", (agreement("fr"), "held-out set 8")),
        ("en", (agreement("en"), "held-out set 8")),
        ("en-news", (news_agreement("en", 11), "English news set 11")),
        ("fr-news", (news_agreement("fr", 12), "French news set 12")),
    ):
        if reports is None:
            continue
        for who, report in zip(("second annotator", "extractor"), reports, strict=True):
            errors = report.pop("errors")
            out.setdefault(lang, {})[who] = report | {"disagreements": len(errors)}
            lines.append(format_report(report, title=f"{lang}: {who} scored against {gold_set} (same articles)"))
    folder = ROOT / "bench" / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "quotes_agreement.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "quotes_agreement.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
