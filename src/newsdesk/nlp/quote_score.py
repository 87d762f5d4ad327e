"""Score quotation extraction against JSONL gold with character offsets.

Gold records: {"id", "lang", "text", "quotes": [...]}, each quote with its span as `quote_span: [s, e]`
(newsdesk smoke/gold format, with `speaker_full`, `verb`, `verb_span`, `type` or `kind`) or as
`start`/`end` (GUM format, `kind` "quote" = quotation, "q" = quoted expression, not a quotation).
Gold over articles that may not be redistributed keeps offsets only, with `text_sha256` instead of
`text`; the caller supplies the texts.

Span match at an overlap ratio t: a gold quote is found when the predicted spans cover at least t of
its characters; a predicted quote is right when gold spans cover at least t of its characters. This
counts a quote split in two (or two merged) as found, the way readers see it. Verb and speaker
accuracy are measured on gold quotes found at the lowest ratio, against the prediction overlapping
them most. A gold speaker "" means no nameable speaker: right when the prediction names nobody.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Span

RATIOS = (0.3, 0.8)
KIND_MAP = {
    "direct": "direct",
    "quote": "direct",
    "floating": "direct",
    "indirect": "indirect",
    "selon": "indirect",
    "according_to": "indirect",
    "mixed": "mixed",
}


@dataclass(slots=True, kw_only=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    verb: str | None = None
    verb_span: tuple[int, int] | None = None
    speaker: str | None = None  # full name; "" = nobody nameable; None = not annotated


@dataclass(slots=True, kw_only=True)
class GoldDoc:
    id: str
    lang: str
    text: str
    quotes: list[GoldQuote]
    meta: dict[str, Any] = field(default_factory=dict)


def read_gold(
    path: str | Path, *, kinds: Sequence[str] | None = None, texts: Mapping[str, str] | None = None
) -> list[GoldDoc]:
    """Read a gold JSONL file; raise ValueError when a quote's offsets do not match its text.

    A record without `text` (gold over articles that cannot be redistributed) takes its text from
    `texts` by id, checked against the record's `text_sha256`.
    """
    docs = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"] if "text" in rec else _text_for(rec, texts or {})
        quotes = []
        for q in rec.get("quotes") or []:
            raw_kind = q.get("type") or q.get("kind") or "direct"
            if raw_kind == "q":
                continue  # GUM quoted expression (scare quotes, titles): not a quotation
            if "quote_span" in q:
                s, e = q["quote_span"]
                evidence = q.get("quote")
            else:
                s, e = q["start"], q["end"]
                evidence = q.get("text")
            if evidence is not None and text[s:e] != evidence:
                raise ValueError(f"{rec['id']}: quote offsets {s}:{e} do not match {evidence[:40]!r}")
            kind = KIND_MAP.get(raw_kind, raw_kind)
            if kinds and kind not in kinds:
                continue
            vs = q.get("verb_span")
            speaker = q.get("speaker_full", q.get("speaker_name"))
            quotes.append(
                GoldQuote(
                    start=s,
                    end=e,
                    kind=kind,
                    verb=q.get("verb") or None,
                    verb_span=tuple(vs) if vs else None,
                    speaker=speaker,
                )
            )
        meta = {k: rec[k] for k in ("url", "attribution", "license") if k in rec}
        docs.append(GoldDoc(id=rec["id"], lang=rec.get("lang", ""), text=text, quotes=quotes, meta=meta))
    return docs


def _text_for(rec: dict, texts: Mapping[str, str]) -> str:
    text = texts.get(rec["id"])
    if text is None:
        raise ValueError(f"{rec['id']}: no text in the record and none given for it")
    if "text_sha256" in rec and hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["text_sha256"]:
        raise ValueError(f"{rec['id']}: the given text is not the one the gold was annotated on")
    return text


def _covered(start: int, end: int, others: Iterable[tuple[int, int]]) -> float:
    """Share of [start, end) covered by the union of `others`."""
    if end <= start:
        return 0.0
    cuts = sorted((max(s, start), min(e, end)) for s, e in others if s < end and e > start)
    total, cur = 0, start
    for s, e in cuts:
        s = max(s, cur)
        if e > s:
            total += e - s
            cur = e
    return total / (end - start)


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    name = unicodedata.normalize("NFKC", name).casefold()
    # Zero-width and other format characters are invisible in the article and in a gold name alike.
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    name = re.sub(r"^(?:(?:les|le|la|the|a|an|m\.|mme|mr\.?|mrs\.?|ms\.?|dr\.?)\s+|l['’]\s*)", "", name.strip())
    return " ".join(name.replace("’", "'").split())


def _verb_ok(gold: GoldQuote, pred: Span) -> bool:
    pv = (pred.attrs.get("verb") or "").casefold()
    gv = (gold.verb or "").casefold()
    ps = pred.attrs.get("verb_span")
    if not gv:
        return not pv
    if gold.verb_span and ps and ps[0] < gold.verb_span[1] and ps[1] > gold.verb_span[0]:
        return True
    return bool(pv) and (pv == gv or pv.replace("'", "’") == gv)


@dataclass(slots=True)
class _Tally:
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    verb_n: Counter = field(default_factory=Counter)
    verb_ok: Counter = field(default_factory=Counter)
    spk_n: Counter = field(default_factory=Counter)
    spk_ok: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)


def score(docs: Sequence[GoldDoc], predictions: dict[str, list[Span]], *, ratios: Sequence[float] = RATIOS) -> dict:
    """Precision/recall/F1 per overlap ratio and kind, verb and speaker accuracy; a JSON-able dict."""
    t = _Tally()
    low = min(ratios)
    for doc in docs:
        preds = predictions.get(doc.id, [])
        gold_iv = [(g.start, g.end) for g in doc.quotes]
        pred_iv = [(p.start, p.end) for p in preds]
        for g in doc.quotes:
            cov = _covered(g.start, g.end, pred_iv)
            for r in ratios:
                t.gold[(r, g.kind)] += 1
                t.gold[(r, "all")] += 1
                if cov >= r:
                    t.found[(r, g.kind)] += 1
                    t.found[(r, "all")] += 1
            if cov < low:
                t.errors.append({"doc": doc.id, "error": "missed", "gold": doc.text[g.start : g.end][:120]})
                continue
            best = max(preds, key=lambda p: min(p.end, g.end) - max(p.start, g.start))
            if g.verb is not None or g.verb_span is not None:
                for k in (g.kind, "all"):
                    t.verb_n[k] += 1
                    t.verb_ok[k] += _verb_ok(g, best)
            if g.speaker is not None:
                ok = normalise_name(best.attrs.get("speaker_name")) == normalise_name(g.speaker)
                for k in (g.kind, "all"):
                    t.spk_n[k] += 1
                    t.spk_ok[k] += ok
                if not ok:
                    t.errors.append(
                        {
                            "doc": doc.id,
                            "error": "speaker",
                            "gold": g.speaker,
                            "pred": best.attrs.get("speaker_name"),
                            "quote": doc.text[g.start : g.end][:80],
                        }
                    )
        for p in preds:
            cov = _covered(p.start, p.end, gold_iv)
            kind = p.attrs.get("kind", "direct")
            for r in ratios:
                t.pred[(r, kind)] += 1
                t.pred[(r, "all")] += 1
                if cov >= r:
                    t.right[(r, kind)] += 1
                    t.right[(r, "all")] += 1
            if cov < low:
                t.errors.append({"doc": doc.id, "error": "spurious", "pred": doc.text[p.start : p.end][:120]})
    return _report(t, ratios, n_docs=len(docs))


def _prf(right: int, n_pred: int, found: int, n_gold: int) -> dict[str, float | int]:
    p = right / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred}


def _report(t: _Tally, ratios: Sequence[float], *, n_docs: int) -> dict:
    kinds = sorted({k for _, k in t.gold} | {k for _, k in t.pred})
    out: dict[str, Any] = {"documents": n_docs, "spans": {}, "verb_accuracy": {}, "speaker_accuracy": {}}
    for r in ratios:
        out["spans"][str(r)] = {
            k: _prf(t.right[(r, k)], t.pred[(r, k)], t.found[(r, k)], t.gold[(r, k)]) for k in kinds
        }
    for name, n, ok in (("verb_accuracy", t.verb_n, t.verb_ok), ("speaker_accuracy", t.spk_n, t.spk_ok)):
        out[name] = {k: {"accuracy": round(ok[k] / n[k], 4), "n": n[k]} for k in sorted(n)}
    out["errors"] = t.errors
    return out


Predictor = Callable[[GoldDoc], list[Span]]


def spacy_predictor(*, models: dict[str, Any] | None = None) -> Predictor:
    """A predictor running `extract_quotes` with the project's spaCy models (loaded once per language)."""
    from .quotes import extract_quotes, load_model

    cache: dict[str, Any] = dict(models or {})

    def predict(doc: GoldDoc) -> list[Span]:
        if doc.lang not in cache:
            cache[doc.lang] = load_model(doc.lang)
        return extract_quotes(doc.text, cache[doc.lang](doc.text), lang=doc.lang)

    return predict


def evaluate(docs: Sequence[GoldDoc], predict: Predictor, *, kinds: Sequence[str] | None = None) -> dict:
    """Run `predict` on every gold document and score it (predictions restricted to `kinds` if given)."""
    preds = {}
    for doc in docs:
        spans = predict(doc)
        preds[doc.id] = [s for s in spans if not kinds or s.attrs.get("kind") in kinds]
    return score(docs, preds)


def format_report(report: dict, *, title: str) -> str:
    """A markdown rendering of `score()` output."""
    lines = [f"### {title}", "", f"{report['documents']} documents.", ""]
    lines += ["| overlap | kind | precision | recall | F1 | gold | predicted |", "|---|---|---|---|---|---|---|"]
    for r, by_kind in report["spans"].items():
        for k, v in by_kind.items():
            scores = f"{v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f}"
            lines.append(f"| {r} | {k} | {scores} | {v['gold']} | {v['predicted']} |")
    for name in ("verb_accuracy", "speaker_accuracy"):
        if report[name]:
            lines += [
                "",
                f"{name.replace('_', ' ')}: "
                + ", ".join(f"{k} {v['accuracy']:.3f} (n={v['n']})" for k, v in report[name].items()),
            ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Score newsdesk quotation extraction on a JSONL gold file.")
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--kinds", default=None, help="comma-separated kinds to score (e.g. direct for GUM)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    kinds = args.kinds.split(",") if args.kinds else None
    predict = spacy_predictor()
    for path in args.gold:
        report = evaluate(read_gold(path, kinds=kinds), predict, kinds=kinds)
        if args.json:
            print(json.dumps({k: v for k, v in report.items() if k != "errors"}, ensure_ascii=False, indent=1))
        else:
            print(format_report(report, title=str(path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["GoldDoc", "GoldQuote", "evaluate", "format_report", "read_gold", "score", "spacy_predictor"]
