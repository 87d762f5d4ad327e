"""The exact-span NER scorer: nesting policies and P/R/F1 arithmetic."""

from __future__ import annotations

import pytest

from newsdesk.nlp.ner_score import WINER_LABELS, flatten, map_gold, markdown_table, score

# "Grande Mosquée de Valence" (ORG) holds "Valence" (LOC); the Event "championnat de France" holds "France".
GOLD = [
    {"start": 0, "end": 25, "label": "Organization"},
    {"start": 18, "end": 25, "label": "Location"},
    {"start": 30, "end": 51, "label": "Event"},
    {"start": 45, "end": 51, "label": "Location"},
    {"start": 60, "end": 70, "label": "Person"},
    {"start": 80, "end": 90, "label": "Date"},
]


def test_flatten_keeps_the_outermost_span_of_each_nest() -> None:
    assert flatten([(0, 25, "ORG"), (18, 25, "LOC"), (30, 40, "PER")]) == {(0, 25, "ORG"), (30, 40, "PER")}
    # the same extent twice with two labels is not a nest
    assert flatten([(0, 5, "ORG"), (0, 5, "LOC")]) == {(0, 5, "ORG"), (0, 5, "LOC")}


def test_outermost_policy_drops_names_nested_in_unscored_entities() -> None:
    assert map_gold(GOLD, WINER_LABELS) == {(0, 25, "ORG"), (60, 70, "PER")}


def test_scored_policy_promotes_names_nested_in_unscored_entities() -> None:
    assert map_gold(GOLD, WINER_LABELS, nested="scored") == {(0, 25, "ORG"), (45, 51, "LOC"), (60, 70, "PER")}
    with pytest.raises(ValueError):
        map_gold(GOLD, WINER_LABELS, nested="inner")


def test_precision_recall_and_f1_per_label_and_micro() -> None:
    gold = {(0, 25, "ORG"), (60, 70, "PER"), (100, 110, "LOC")}
    pred = {(0, 25, "ORG"), (60, 70, "LOC"), (100, 110, "LOC"), (120, 125, "MISC")}
    report = score([("d1", gold, pred)], texts={"d1": "x" * 130})
    assert (report.per_label["ORG"].tp, report.per_label["ORG"].fp, report.per_label["ORG"].fn) == (1, 0, 0)
    assert (report.per_label["PER"].tp, report.per_label["PER"].fn) == (0, 1)
    assert (report.per_label["LOC"].tp, report.per_label["LOC"].fp) == (1, 1)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 1)  # MISC is not scored
    assert micro.precision == pytest.approx(2 / 3) and micro.recall == pytest.approx(2 / 3)
    assert micro.f1 == pytest.approx(2 / 3)
    assert {e[0] for e in report.errors} == {"FP", "FN"} and len(report.errors) == 2
    assert "| micro | 0.667 | 0.667 | 0.667 | 2 | 1 | 1 |" in markdown_table(report)


def test_a_boundary_error_counts_once_as_fp_and_once_as_fn() -> None:
    report = score([("d", {(0, 10, "PER")}, {(0, 9, "PER")})])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 1)
    assert report.micro.f1 == 0.0
