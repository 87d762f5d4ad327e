"""Exact-span precision, recall and F1 for named entities, per label and micro-averaged.

Gold and predictions are (start, end, label) character spans. A prediction counts only when
start, end and label all equal a gold span. Gold corpora allow nested entities
("Grande Mosquée de [Valence]"); `flatten` keeps the outermost span of each nest, since a flat
recogniser returns one span per stretch of text (see `map_gold` for the two policies).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS = ("PER", "ORG", "LOC")

WINER_LABELS = {"Person": "PER", "Organization": "ORG", "Location": "LOC"}
"""WiNER-fr (French Wikinews) label → newsdesk label; Date, Hour, Event and Product are not scored."""

GUM_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC"}
"""GUM entity type → newsdesk label; GUM's other types (event, object, abstract, time...) are not scored."""

Triple = tuple[int, int, str]


@dataclass(slots=True)
class Score:
    """Counts and derived figures for one label (or the micro average)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Report:
    """Scores per label plus the micro average, and the errors for inspection."""

    labels: tuple[str, ...] = LABELS
    per_label: dict[str, Score] = field(default_factory=dict)
    errors: list[tuple[str, str, int, int, str]] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        total = Score()
        for score in self.per_label.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        out = {label: self.per_label.get(label, Score()).to_dict() for label in self.labels}
        out["micro"] = self.micro.to_dict()
        return out


def flatten(spans: Iterable[Triple]) -> set[Triple]:
    """Keep only spans not strictly contained in another span of the set (outermost of each nest)."""
    spans = set(spans)
    extents = {(s[0], s[1]) for s in spans}
    return {s for s in spans if not any(a <= s[0] and s[1] <= b and (a, b) != (s[0], s[1]) for a, b in extents)}


def map_gold(
    entities: Iterable[Mapping[str, Any]], mapping: Mapping[str, str], *, nested: str = "outermost"
) -> set[Triple]:
    """Gold entity dicts (start, end, label) as flat scored spans.

    `nested="outermost"` (the usual flat conversion): keep the outermost span of each nest over
    all labels, then drop unscored labels, so "France" inside the Event "championnat de France"
    is not gold. `nested="scored"`: drop unscored labels first, then keep the outermost, so such
    inner spans become gold.
    """
    if nested == "outermost":
        flat = flatten((int(e["start"]), int(e["end"]), str(e["label"])) for e in entities)
        return {(s, e, mapping[label]) for s, e, label in flat if label in mapping}
    if nested == "scored":
        kept = [(int(e["start"]), int(e["end"]), mapping[e["label"]]) for e in entities if e["label"] in mapping]
        return flatten(kept)
    raise ValueError(f"nested must be 'outermost' or 'scored', not {nested!r}")


def score(
    pairs: Iterable[tuple[str, set[Triple], set[Triple]]],
    *,
    labels: tuple[str, ...] = LABELS,
    texts: Mapping[str, str] | None = None,
) -> Report:
    """Score (doc id, gold, predicted) triples; predicted labels outside `labels` are ignored."""
    report = Report(labels=labels, per_label={label: Score() for label in labels})
    for doc_id, gold, pred in pairs:
        gold = {s for s in gold if s[2] in labels}
        pred = {s for s in pred if s[2] in labels}
        text = texts.get(doc_id, "") if texts else ""
        for _start, _end, label in gold & pred:
            report.per_label[label].tp += 1
        for start, end, label in pred - gold:
            report.per_label[label].fp += 1
            report.errors.append(("FP", doc_id, start, end, f"{label} {text[start:end]!r}"))
        for start, end, label in gold - pred:
            report.per_label[label].fn += 1
            report.errors.append(("FN", doc_id, start, end, f"{label} {text[start:end]!r}"))
    return report


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def markdown_table(report: Report) -> str:
    """The report as a markdown table (label, P, R, F1, tp, fp, fn)."""
    lines = ["| label | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    rows = [(label, report.per_label.get(label, Score())) for label in report.labels] + [("micro", report.micro)]
    for label, s in rows:
        lines.append(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")
    return "\n".join(lines)


def counts_by_label(spans: Iterable[Triple]) -> Counter:
    """How many spans carry each label."""
    return Counter(s[2] for s in spans)
