"""Score event extraction (PLOVER types, CAMEO codes, actors) against sentence-level JSONL gold.

Gold records: {"uid", "lang", "text", "events": [{"plover", "cameo", "actors": [{"text", "code", "sector"}],
"recipients": [...]}]}, one sentence each (the format of the PLOVER gold standard records and the PETRARCH unit
tests in `shared/data/events`). A record with no events, or whose events have neither a PLOVER type nor a CAMEO
code, is a "no event" sentence: every prediction there is spurious. PETRARCH records (`synthetic_actors`) name
fictional countries, so only their types and CAMEO codes are scored. Some PETRARCH events carry an internal test
code with no PLOVER type ("untyped"): they count neither as gold nor as misses, and each one excuses one
prediction of its sentence left over after type matching (a system cannot give them a type).

Per sentence, predicted and gold events are matched as multisets of PLOVER types (precision, recall, F1 overall
and per type); within a type, pairs agreeing on the CAMEO code and actors are matched first. Over matched pairs:
- CAMEO: exact and root (first two digits) accuracy where the gold has a code;
- actors: each gold actor (source) with a scoreable code is right when a predicted source carries it, each gold
  recipient likewise against the predicted targets; in a mutual event (markup `SRC/TAR`: "X and Y agreed")
  either side counts. A country code is compared with the predicted actor's ISO 3166 alpha-3 country after
  mapping the few CAMEO codes that differ (`CAMEO_TO_ISO`); a transnational code (IGO, NGO, IMG, MNC, ...) is
  right when the predicted actor's sector (or code in its country field) is that code; other codes ("---",
  fictional countries) are not scored. Sector accuracy is over gold actors with a sector (first three letters:
  "CVLalb" is CVL, "***" is unknown and not scored): right when a predicted actor on that side has it.
Predicted events flagged `negated` are left out by default (a negated event did not happen). Predictions
whose sentence, trigger or actor offsets do not match the text are counted (`bad_offsets`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Span
from .event_lexicon import CAMEO_TO_ISO, PLOVER_TYPES, TRANSNATIONAL, country_of

SECTOR_ALIASES = {"CIV": "CVL", "JRN": "MED"}


@dataclass(slots=True, kw_only=True)
class GoldActor:
    text: str
    code: str  # as in the gold ("USA", "IGO", "JAP", "BREGOV")
    country: str | None = None  # ISO 3166 alpha-3 after normalisation
    org: str | None = None  # transnational code (IGO, NGO ...)
    sector: str | None = None


@dataclass(slots=True, kw_only=True)
class GoldEvent:
    plover: str | None
    cameo: str | None
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)
    mutual: bool = False  # "X and Y agreed": each actor is both source and target

    @property
    def no_event(self) -> bool:
        return not self.plover and not self.cameo


@dataclass(slots=True, kw_only=True)
class GoldRecord:
    uid: str
    lang: str
    text: str
    events: list[GoldEvent]
    score_actors: bool = True
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def no_event(self) -> bool:
        return all(e.no_event for e in self.events)


def sector_of(sector: str | None) -> str | None:
    """A comparable sector code: its first three letters, upper case, aliases applied ("CVLalb" → CVL)."""
    head = (sector or "")[:3].upper()
    if len(head) < 3 or not head.isalpha():
        return None
    return SECTOR_ALIASES.get(head, head)


def _actor(raw: dict[str, Any]) -> GoldActor:
    code = (raw.get("code") or "").strip()
    country = country_of(code)
    org = code[:3].upper() if country is None and code[:3].upper() in TRANSNATIONAL else None
    # a composite code carries the sector after the country ("BREGOV") when the sector field is empty
    sector = sector_of(raw.get("sector")) or (sector_of(code[3:]) if country else None)
    return GoldActor(text=raw.get("text") or "", code=code, country=country, org=org, sector=sector)


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file; raise ValueError on a PLOVER type that is not one of the 16."""
    records = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        events = []
        for ev in rec.get("events") or []:
            plover = (ev.get("plover") or "").strip().upper() or None
            if plover and plover not in PLOVER_TYPES:
                raise ValueError(f"{rec['uid']}: unknown PLOVER type {plover!r}")
            events.append(
                GoldEvent(
                    plover=plover,
                    cameo=(ev.get("cameo") or "").strip() or None,
                    sources=[_actor(a) for a in ev.get("actors") or []],
                    targets=[_actor(a) for a in ev.get("recipients") or []],
                    mutual="SRC/TAR:" in (ev.get("markup") or ""),
                )
            )
        meta = {k: rec[k] for k in ("dataset", "label_type", "category", "comment") if rec.get(k)}
        records.append(
            GoldRecord(
                uid=rec["uid"],
                lang=rec.get("lang") or "en",
                text=rec["text"],
                events=events,
                score_actors=not rec.get("synthetic_actors"),
                meta=meta,
            )
        )
    return records


def _actors(span: Span, key: str) -> list[dict[str, Any]]:
    return [a for a in span.attrs.get(key) or [] if isinstance(a, dict)]


def _actor_ok(gold: GoldActor, cands: Iterable[dict[str, Any]]) -> bool:
    for c in cands:
        country = (c.get("country") or "").upper()
        if gold.country and country == gold.country:
            return True
        if gold.org and gold.org in (sector_of(c.get("sector")), country):
            return True
    return False


def _sector_ok(gold: GoldActor, cands: Iterable[dict[str, Any]]) -> bool:
    return any(sector_of(c.get("sector")) == gold.sector for c in cands)


def _sides(gold: GoldEvent, pred: Span) -> list[tuple[str, list[GoldActor], list[dict[str, Any]]]]:
    """(role, gold actors, predicted candidates) for sources and targets; a mutual event accepts either side."""
    src, tgt = _actors(pred, "sources"), _actors(pred, "targets")
    if gold.mutual:
        return [("source", gold.sources, src + tgt), ("target", gold.targets, tgt + src)]
    return [("source", gold.sources, src), ("target", gold.targets, tgt)]


def offsets_ok(text: str, span: Span) -> bool:
    """Whether a predicted event points into `text`: its sentence, and its trigger and actors as written."""
    if not 0 <= span.start <= span.end <= len(text):
        return False
    pieces = [(span.attrs.get("trigger"), span.attrs.get("trigger_span"))]
    pieces += [(a.get("text"), a.get("span")) for key in ("sources", "targets") for a in _actors(span, key)]
    for written, where in pieces:
        if where is None:
            continue
        s, e = where
        if not 0 <= s <= e <= len(text) or (written is not None and text[s:e] != written):
            return False
    return True


def _cameo(span: Span) -> str:
    return str(span.attrs.get("cameo") or "")


def _affinity(gold: GoldEvent, pred: Span, with_actors: bool) -> int:
    """How well a predicted event fits a gold one of the same type (used to pick pairs, never scored)."""
    code = _cameo(pred)
    points = 0
    if gold.cameo and code:
        points += 4 * (code == gold.cameo) + 2 * (code[:2] == gold.cameo[:2])
    if with_actors:
        for _, golds, cands in _sides(gold, pred):
            points += sum(_actor_ok(a, cands) for a in golds)
    return points


def _align(golds: list[GoldEvent], preds: list[Span], with_actors: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of same-type gold and predicted events, best-fitting pairs first."""
    ranked = sorted(
        ((-_affinity(g, p, with_actors), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds))
    )
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in ranked:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass(slots=True)
class _Tally:
    gold: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    acc_n: Counter = field(default_factory=Counter)
    acc_ok: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    confusions: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def hit(self, name: str, ok: bool) -> None:
        self.acc_n[name] += 1
        self.acc_ok[name] += ok


def score(records: Sequence[GoldRecord], predictions: dict[str, list[Span]], *, negated: bool = False) -> dict:
    """Type P/R/F1 (overall and per PLOVER type), CAMEO and actor accuracy over matched events; a JSON-able dict.

    `predictions` maps a record uid to its predicted event spans; `negated=True` scores negated events too.
    """
    t = _Tally()
    for rec in records:
        preds = []
        for p in predictions.get(rec.uid, []):
            if p.attrs.get("negated") and not negated:
                t.counts["negated_ignored"] += 1
            else:
                preds.append(p)
        _score_record(rec, preds, t)
    return _report(t, n_records=len(records))


def _score_record(rec: GoldRecord, preds: list[Span], t: _Tally) -> None:
    typed = [g for g in rec.events if g.plover]
    untyped = sum(1 for g in rec.events if not g.plover and g.cameo)
    t.counts["untyped_gold"] += untyped
    if rec.no_event:
        t.counts["no_event_records"] += 1
        t.counts["no_event_with_prediction"] += bool(preds)
    if not rec.score_actors:
        t.counts["actors_not_scored_records"] += 1
    t.counts["bad_offsets"] += sum(not offsets_ok(rec.text, p) for p in preds)
    missed: list[str] = []
    spurious: list[str] = []
    for kind in PLOVER_TYPES:
        golds = [g for g in typed if g.plover == kind]
        cands = [p for p in preds if p.attrs.get("plover") == kind]
        pairs = _align(golds, cands, rec.score_actors)
        for gi, pi in pairs:
            _score_pair(rec, golds[gi], cands[pi], t)
        missed += [kind] * (len(golds) - len(pairs))
        spurious += [kind] * (len(cands) - len(pairs))
        t.gold[kind] += len(golds)
        t.matched[kind] += len(pairs)
        t.pred[kind] += len(cands)
    # predictions whose type is not one of the 16 are spurious under their own label
    spurious += [str(p.attrs.get("plover")) for p in preds if p.attrs.get("plover") not in PLOVER_TYPES]
    excused = spurious[:untyped]
    for kind in excused:
        if kind in PLOVER_TYPES:
            t.pred[kind] -= 1
    t.counts["excused_by_untyped_gold"] += len(excused)
    spurious = spurious[untyped:]
    for kind in spurious:
        if kind not in PLOVER_TYPES:
            t.pred[kind] += 1
    for i in range(max(len(missed), len(spurious))):
        g = missed[i] if i < len(missed) else "none"
        p = spurious[i] if i < len(spurious) else "none"
        t.confusions[(g, p)] += 1
        t.errors.append({"uid": rec.uid, "error": "type", "gold": g, "pred": p, "text": rec.text[:120]})


def _score_pair(rec: GoldRecord, gold: GoldEvent, pred: Span, t: _Tally) -> None:
    if gold.cameo:
        code = _cameo(pred)
        t.hit("cameo_exact", code == gold.cameo)
        t.hit("cameo_root", bool(code) and code[:2] == gold.cameo[:2])
        if code != gold.cameo:
            t.errors.append({"uid": rec.uid, "error": "cameo", "gold": gold.cameo, "pred": code or None})
    if not rec.score_actors:
        return
    for role, golds, cands in _sides(gold, pred):
        for actor in golds:
            if actor.country or actor.org:
                ok = _actor_ok(actor, cands)
                t.hit(f"{role}_country", ok)
                if not ok:
                    predicted = [(c.get("country"), c.get("sector")) for c in cands]
                    t.errors.append({"uid": rec.uid, "error": role, "gold": actor.code, "pred": predicted})
            if actor.sector:
                t.hit("sector", _sector_ok(actor, cands))


def _prf(matched: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
        "gold": n_gold, "predicted": n_pred, "matched": matched,
    }  # fmt: skip


def _report(t: _Tally, *, n_records: int) -> dict:
    kinds = [k for k in PLOVER_TYPES if t.gold[k] or t.pred[k]]
    kinds += sorted(k for k in t.pred if k not in PLOVER_TYPES and t.pred[k])
    types = {k: _prf(t.matched[k], t.pred[k], t.gold[k]) for k in kinds}
    overall = _prf(sum(t.matched.values()), sum(t.pred.values()), sum(t.gold.values()))
    accuracy = {
        k: {"accuracy": round(t.acc_ok[k] / t.acc_n[k], 4), "n": t.acc_n[k]}
        for k in ("cameo_exact", "cameo_root", "source_country", "target_country", "sector")
        if t.acc_n[k]
    }
    counts = {
        k: t.counts[k]
        for k in (
            "no_event_records", "no_event_with_prediction", "untyped_gold", "excused_by_untyped_gold",
            "negated_ignored", "actors_not_scored_records", "bad_offsets",
        )
    }  # fmt: skip
    confusions = [[g, p, n] for (g, p), n in sorted(t.confusions.items(), key=lambda x: (-x[1], x[0]))]
    return {
        "records": n_records, "all": overall, "types": types, "accuracy": accuracy, "counts": counts,
        "confusions": confusions, "errors": t.errors,
    }  # fmt: skip


Predictor = Callable[[GoldRecord], list[Span]]


def pipeline_predictor(*, models: dict[str, Any] | None = None) -> Predictor:
    """The ingest configuration: EntityStep's spans first, then EventStep (which reads them)."""
    from ..article import Article
    from ..pipeline import StepStats
    from .entities import EntityStep
    from .events import EventStep

    entities = EntityStep()
    events = EventStep(models=models)

    def predict(rec: GoldRecord) -> list[Span]:
        article = Article(id=rec.uid, source="gold", text=rec.text, lang=rec.lang)
        for _ in events([*entities([article], StepStats(name="entities"))], StepStats(name="events")):
            pass
        return list(article.spans.get("events") or [])

    return predict


def evaluate(records: Sequence[GoldRecord], predict: Predictor, *, negated: bool = False) -> dict:
    """Run `predict` on every gold record and score it."""
    return score(records, {rec.uid: predict(rec) for rec in records}, negated=negated)


def _pct(v: dict) -> str:
    return f"{v['accuracy']:.3f} (n={v['n']})"


def format_report(report: dict, *, title: str) -> str:
    """A markdown rendering of `score()` output."""
    c = report["counts"]
    a = report["all"]
    lines = [f"### {title}", "", f"{report['records']} sentences, {a['gold']} gold events with a PLOVER type."]
    notes = []
    if c["no_event_records"]:
        notes.append(
            f"{c['no_event_records']} sentences without an event, {c['no_event_with_prediction']} of them "
            "with a predicted event"
        )
    if c["untyped_gold"]:
        notes.append(
            f"{c['untyped_gold']} gold events with an internal code and no PLOVER type, excusing "
            f"{c['excused_by_untyped_gold']} predictions"
        )
    if c["negated_ignored"]:
        notes.append(f"{c['negated_ignored']} negated predictions left out")
    if c["actors_not_scored_records"]:
        notes.append(f"actors not scored on {c['actors_not_scored_records']} sentences (fictional actors)")
    if c["bad_offsets"]:
        notes.append(f"{c['bad_offsets']} predictions whose offsets do not match the text")
    if notes:
        text = "; ".join(notes)
        lines.append(text[0].upper() + text[1:] + ".")
    lines += ["", "| PLOVER type | precision | recall | F1 | gold | predicted | matched |"]
    lines.append("|---|---|---|---|---|---|---|")
    for kind, v in [*report["types"].items(), ("all", a)]:
        name = f"**{kind}**" if kind == "all" else kind
        lines.append(
            f"| {name} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['gold']} | {v['predicted']} "
            f"| {v['matched']} |"
        )
    acc = report["accuracy"]
    labels = {
        "cameo_exact": "CAMEO code exact", "cameo_root": "CAMEO root", "source_country": "source country",
        "target_country": "target country", "sector": "actor sector",
    }  # fmt: skip
    if acc:
        lines += ["", "Over type-matched events: " + ", ".join(f"{labels[k]} {_pct(v)}" for k, v in acc.items()) + "."]
    if report["confusions"]:
        top = ", ".join(f"{g} → {p} ({n})" for g, p, n in report["confusions"][:12])
        lines += ["", f"Type errors (gold → predicted, `none` = missed or spurious): {top}."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Score newsdesk event extraction on a JSONL gold file.")
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--negated", action="store_true", help="score predicted events flagged negated too")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    predict = pipeline_predictor()
    for path in args.gold:
        report = evaluate(read_gold(path), predict, negated=args.negated)
        if args.json:
            print(json.dumps({k: v for k, v in report.items() if k != "errors"}, ensure_ascii=False, indent=1))
        else:
            print(format_report(report, title=str(path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "CAMEO_TO_ISO", "PLOVER_TYPES", "GoldActor", "GoldEvent", "GoldRecord", "country_of", "evaluate",
    "format_report", "offsets_ok", "pipeline_predictor", "read_gold", "score", "sector_of",
]  # fmt: skip
