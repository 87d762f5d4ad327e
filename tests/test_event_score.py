"""The event scorer (PLOVER types, CAMEO codes, actors) and the shared event gold files."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from newsdesk.article import Span
from newsdesk.nlp.event_score import (
    PLOVER_TYPES,
    GoldRecord,
    country_of,
    evaluate,
    format_report,
    read_gold,
    score,
    sector_of,
)

ROOT = Path(__file__).resolve().parents[1]


def _actor(code: str, sector: str = "", text: str = "") -> dict[str, str]:
    return {"text": text, "code": code, "sector": sector}


def _event(plover: str, cameo: str = "", actors=(), recipients=(), markup: str = "") -> dict[str, Any]:
    return {"plover": plover, "cameo": cameo, "actors": list(actors), "recipients": list(recipients), "markup": markup}


def _gold(tmp_path: Path, *records: dict[str, Any]) -> list[GoldRecord]:
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps({"lang": "en", "text": "A sentence.", **r}) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_gold(path)


def _who(country: str | None, sector: str | None = None) -> dict[str, Any]:
    return {"text": "x", "span": [0, 1], "name": None, "entity_id": None, "country": country, "sector": sector}


def _pred(plover: str, cameo: str | None = None, sources=(), targets=(), **attrs: Any) -> Span:
    attrs = {"plover": plover, "cameo": cameo, "sources": list(sources), "targets": list(targets), **attrs}
    return Span(start=0, end=11, label="EVENT", attrs=attrs)


def _acc(report: dict, key: str) -> tuple[float, int]:
    v = report["accuracy"][key]
    return v["accuracy"], v["n"]


def test_perfect_prediction_with_cameo_country_codes(tmp_path: Path) -> None:
    # The gold writes Japan and Italy the CAMEO way (JAP, ITL); the system gives ISO codes (JPN, ITA).
    gold = _gold(
        tmp_path,
        {"uid": "a", "events": [_event("ACCUSE", "112", [_actor("JAP", "GOV")], [_actor("ITL")])]},
    )
    pred = {"a": [_pred("ACCUSE", "112", [_who("JPN", "GOV")], [_who("ITA")])]}
    report = score(gold, pred)
    assert report["all"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "predicted": 1, "matched": 1}
    assert list(report["types"]) == ["ACCUSE"]
    assert _acc(report, "cameo_exact") == (1.0, 1)
    assert _acc(report, "cameo_root") == (1.0, 1)
    assert _acc(report, "source_country") == (1.0, 1)
    assert _acc(report, "target_country") == (1.0, 1)
    assert _acc(report, "sector") == (1.0, 1)
    assert report["errors"] == [] and report["confusions"] == []


def test_wrong_country_and_sector_are_counted_per_gold_actor(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        {"uid": "a", "events": [_event("ASSAULT", "", [_actor("ISR", "MIL")], [_actor("PSE", "CVL"), _actor("LBN")])]},
    )
    pred = {"a": [_pred("ASSAULT", None, [_who("ISR", "GOV")], [_who("PSE", "CVL")])]}
    report = score(gold, pred)
    assert report["all"]["f1"] == 1.0
    assert "cameo_exact" not in report["accuracy"]  # the gold has no CAMEO code
    assert _acc(report, "source_country") == (1.0, 1)
    assert _acc(report, "target_country") == (0.5, 2)  # Lebanon not found
    assert _acc(report, "sector") == (0.5, 2)  # MIL given as GOV; CVL right
    assert [e["gold"] for e in report["errors"] if e["error"] == "target"] == ["LBN"]


def test_a_wrong_type_is_a_miss_and_a_spurious_event(tmp_path: Path) -> None:
    gold = _gold(tmp_path, {"uid": "a", "events": [_event("ACCUSE", "", [_actor("USA")])]})
    report = score(gold, {"a": [_pred("REJECT", None, [_who("USA")])]})
    assert report["all"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "predicted": 1, "matched": 0}
    assert report["types"]["ACCUSE"]["recall"] == 0.0 and report["types"]["ACCUSE"]["predicted"] == 0
    assert report["types"]["REJECT"]["gold"] == 0 and report["types"]["REJECT"]["predicted"] == 1
    assert report["confusions"] == [["ACCUSE", "REJECT", 1]]
    assert report["accuracy"] == {}  # actors are only compared on type-matched events


def test_missing_and_spurious_events(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        {"uid": "a", "events": [_event("ASSAULT"), _event("THREATEN")]},
        {"uid": "b", "events": [_event("PROTEST")]},
    )
    pred = {"a": [_pred("ASSAULT")], "b": [_pred("PROTEST"), _pred("SANCTION")]}
    report = score(gold, pred)
    a = report["all"]
    assert (a["gold"], a["predicted"], a["matched"]) == (3, 3, 2)
    assert (a["precision"], a["recall"], a["f1"]) == (0.6667, 0.6667, 0.6667)
    assert report["types"]["THREATEN"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "predicted": 0, "matched": 0,
    }  # fmt: skip
    assert report["types"]["SANCTION"]["predicted"] == 1 and report["types"]["SANCTION"]["precision"] == 0.0
    assert report["types"]["ASSAULT"]["f1"] == 1.0
    assert report["confusions"] == [["THREATEN", "none", 1], ["none", "SANCTION", 1]]
    text = format_report(report, title="hand-made")
    assert "| THREATEN | 0.000 | 0.000 | 0.000 | 1 | 0 | 0 |" in text
    assert "| **all** | 0.667 | 0.667 | 0.667 | 3 | 3 | 2 |" in text


def test_cameo_code_and_root_on_petrarch_records_without_actors(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        {"uid": "p1", "synthetic_actors": True,
         "events": [_event("REQUEST", "1041", [_actor("ARN")], [_actor("GON")])]},
        {"uid": "p2", "synthetic_actors": True, "events": [_event("CONSULT", "040", [_actor("GONGOV")])]},
        {"uid": "p3", "synthetic_actors": True, "events": [_event("AGREE", "032", [_actor("USA")])]},
    )  # fmt: skip
    pred = {
        "p1": [_pred("REQUEST", "1043", [_who("ARN")], [_who("GON")])],  # same root, other code
        "p2": [_pred("CONSULT", None)],  # no code
        "p3": [_pred("AGREE", "032", [_who("FRA")])],  # wrong source, but actors are not scored here
    }
    report = score(gold, pred)
    assert report["all"]["f1"] == 1.0
    assert _acc(report, "cameo_exact") == (0.3333, 3)
    assert _acc(report, "cameo_root") == (0.6667, 3)
    assert "source_country" not in report["accuracy"] and "sector" not in report["accuracy"]
    assert report["counts"]["actors_not_scored_records"] == 3
    assert sorted((e["gold"], e["pred"]) for e in report["errors"]) == [("040", None), ("1041", "1043")]


def test_no_event_records_only_count_predictions_against_precision(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        {"uid": "n1", "events": []},
        {"uid": "n2", "events": [_event("")]},  # empty PLOVER type and no CAMEO code: no event
        {"uid": "a", "events": [_event("AID")]},
    )
    pred = {"n1": [_pred("ASSAULT")], "n2": [], "a": [_pred("AID")]}
    report = score(gold, pred)
    assert report["counts"]["no_event_records"] == 2
    assert report["counts"]["no_event_with_prediction"] == 1
    a = report["all"]
    assert (a["gold"], a["predicted"], a["matched"], a["precision"], a["recall"]) == (1, 2, 1, 0.5, 1.0)
    assert "2 sentences without an event, 1 of them with a predicted event" in format_report(report, title="t")


def test_untyped_petrarch_codes_excuse_one_prediction_each(tmp_path: Path) -> None:
    # PETRARCH internal test codes (903) have no PLOVER type: no system can type them.
    gold = _gold(
        tmp_path,
        {"uid": "u", "synthetic_actors": True, "events": [_event("", "903")]},
        {"uid": "v", "synthetic_actors": True, "events": [_event("", "345"), _event("COERCE", "1711")]},
    )
    pred = {"u": [_pred("AID", "070"), _pred("SUPPORT", "051")], "v": [_pred("COERCE", "1711"), _pred("REJECT")]}
    report = score(gold, pred)
    assert report["counts"]["untyped_gold"] == 2
    assert report["counts"]["excused_by_untyped_gold"] == 2
    assert report["counts"]["no_event_records"] == 0
    a = report["all"]
    assert (a["gold"], a["predicted"], a["matched"]) == (1, 2, 1)  # SUPPORT excused in u, AID left spurious
    assert sum(v["predicted"] for v in report["types"].values()) == 2


def test_transnational_codes_compare_with_the_predicted_sector(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        {"uid": "a", "events": [_event("REQUEST", "", [_actor("IGO", "", "United Nations")], [_actor("IRQ")])]},
        {"uid": "b", "events": [_event("ACCUSE", "", [_actor("NGO", "", "Amnesty")], [_actor("USA")])]},
    )
    pred = {
        "a": [_pred("REQUEST", None, [_who(None, "IGO")], [_who("IRQ", "GOV")])],
        "b": [_pred("ACCUSE", None, [_who("GBR", "NGO")], [_who("USA")])],
    }
    report = score(gold, pred)
    assert _acc(report, "source_country") == (1.0, 2)
    pred["b"] = [_pred("ACCUSE", None, [_who(None, "IGO")], [_who("USA")])]
    assert _acc(score(gold, pred), "source_country") == (0.5, 2)


def test_mutual_events_accept_either_side(tmp_path: Path) -> None:
    markup = "Senior (SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials (EVT: agreed)."
    gold = _gold(
        tmp_path,
        {"uid": "a", "events": [_event("AGREE", "", [_actor("HUN", "GOV"), _actor("ROM", "GOV")], [], markup)]},
        {"uid": "b", "events": [_event("AGREE", "", [_actor("JOR"), _actor("GBR")])]},  # no SRC/TAR markup
    )
    pred = {
        "a": [_pred("AGREE", None, [_who("HUN", "GOV")], [_who("ROU", "GOV")])],
        "b": [_pred("AGREE", None, [_who("JOR")], [_who("GBR")])],
    }
    report = score(gold, pred)
    assert _acc(report, "source_country") == (0.75, 4)  # Britain in b is not a source
    assert _acc(report, "sector") == (1.0, 2)


def test_same_type_events_are_paired_by_actors(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        {"uid": "a", "events": [_event("ASSAULT", "", [_actor("RUS")]), _event("ASSAULT", "", [_actor("UKR")])]},
    )
    report = score(gold, {"a": [_pred("ASSAULT", None, [_who("UKR")]), _pred("ASSAULT", None, [_who("RUS")])]})
    assert _acc(report, "source_country") == (1.0, 2)


def test_negated_predictions_are_left_out_unless_asked(tmp_path: Path) -> None:
    gold = _gold(tmp_path, {"uid": "a", "events": []})
    pred = {"a": [_pred("ASSAULT", negated=True)]}
    report = score(gold, pred)
    assert report["all"]["predicted"] == 0 and report["counts"]["negated_ignored"] == 1
    assert score(gold, pred, negated=True)["all"]["predicted"] == 1


def test_predictions_with_offsets_off_the_text_are_counted(tmp_path: Path) -> None:
    text = "Iran threatened Iraq."
    gold = _gold(tmp_path, {"uid": "a", "text": text, "events": [_event("THREATEN")]})
    iran = {**_who("IRN"), "text": "Iran", "span": [0, 4]}
    good = _pred("THREATEN", trigger="threatened", trigger_span=[5, 15], sources=[iran])
    assert score(gold, {"a": [good]})["counts"]["bad_offsets"] == 0
    shifted = _pred("THREATEN", sources=[{**iran, "span": [1, 5]}])
    too_long = Span(start=0, end=len(text) + 1, label="EVENT", attrs={"plover": "THREATEN"})
    wrong_trigger = _pred("THREATEN", trigger="threatened", trigger_span=[0, 10])
    for bad in (shifted, too_long, wrong_trigger):
        report = score(gold, {"a": [bad]})
        assert report["counts"]["bad_offsets"] == 1 and report["all"]["f1"] == 1.0
    assert "1 predictions whose offsets do not match the text" in format_report(report, title="t")


def test_evaluate_runs_the_predictor_on_each_record(tmp_path: Path) -> None:
    gold = _gold(tmp_path, {"uid": "a", "text": "Iran threatened Iraq.", "events": [_event("THREATEN")]})
    seen = []

    def predict(rec: GoldRecord) -> list[Span]:
        seen.append((rec.uid, rec.lang, rec.text))
        return [_pred("THREATEN")]

    assert evaluate(gold, predict)["all"]["f1"] == 1.0
    assert seen == [("a", "en", "Iran threatened Iraq.")]


def test_code_normalisation() -> None:
    assert [country_of(c) for c in ("JAP", "ITL", "VTN", "ROM", "ROU", "USAGOV", "IGO", "ARN", "---", "")] == [
        "JPN", "ITA", "VNM", "ROU", "ROU", "USA", None, None, None, None,
    ]  # fmt: skip
    sectors = [sector_of(s) for s in ("CVLalb", "GOV", "CIV", "JRNCHR", "***", "")]
    assert sectors == ["CVL", "GOV", "CVL", "MED", None, None]


def test_unknown_plover_type_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="x1.*FIGHT"):
        _gold(tmp_path, {"uid": "x1", "events": [_event("FIGHT")]})


# --- the shared gold files ---------------------------------------------------------------------------------


def test_shared_plover_gold(shared_data: Path) -> None:
    path = shared_data / "events" / "plover-gsr-cameo.jsonl"
    types_csv = shared_data / "events" / "plover_event_types.csv"
    if not path.exists() or not types_csv.exists():
        pytest.skip(f"PLOVER gold not found under {shared_data / 'events'}")
    types = [row["event_type"] for row in csv.DictReader(types_csv.open(encoding="utf-8"))]
    assert tuple(types) == PLOVER_TYPES
    records = read_gold(path)
    assert len(records) == 322
    events = [e for r in records for e in r.events]
    assert len(events) == 322 and {e.plover for e in events} == set(PLOVER_TYPES)
    assert all(r.score_actors for r in records)
    actors = [a for e in events for a in e.sources + e.targets]
    # every three-letter code is a country (CAMEO spellings mapped to ISO) or a transnational code
    unresolved = {a.code for a in actors if a.code and a.country is None and a.org is None}
    assert unresolved == set()
    assert sum(a.code == "JAP" and a.country == "JPN" for a in actors) == 3


def test_shared_petrarch_gold(shared_data: Path) -> None:
    path = shared_data / "events" / "petr-unittest.jsonl"
    if not path.exists():
        pytest.skip(f"PETRARCH unit tests not found at {path}")
    records = read_gold(path)
    assert len(records) == 277
    assert sum(len(r.events) for r in records) == 359
    assert sum(r.no_event for r in records) == 20
    assert not any(r.score_actors for r in records)
    assert {e.plover for r in records for e in r.events} <= {*PLOVER_TYPES, None}
    # a system repeating the gold scores 1 everywhere, the untyped internal codes being neither gold nor misses
    def oracle(rec: GoldRecord) -> list[Span]:
        return [_pred(e.plover, e.cameo) for e in rec.events if e.plover]

    report = evaluate(records, oracle)
    assert report["all"]["f1"] == 1.0 and report["all"]["gold"] == 302
    assert report["counts"]["untyped_gold"] == 57
    assert _acc(report, "cameo_exact") == (1.0, 302)


def test_bench_quality_section(shared_data: Path) -> None:
    if not (shared_data / "events" / "plover-gsr-cameo.jsonl").exists():
        pytest.skip("event gold not found")
    sys.path.insert(0, str(ROOT / "bench"))
    import events_quality

    lines, out = events_quality.quality(shared_data, lambda rec: [_pred("AGREE")])
    assert len(out) == 4  # the two shared sets and the two held-out news sets
    plover = next(v for k, v in out.items() if k.startswith("PLOVER"))
    assert plover["types"]["AGREE"]["recall"] == 1.0 and plover["all"]["recall"] == round(40 / 322, 4)
    assert any(line.startswith("| PLOVER gold standard records | 322 |") for line in lines)
    articles = events_quality.read_articles(shared_data / "corpora" / "globalvoices-en.jsonl", "en", max_articles=3)
    assert len(articles) == 3 and all(a.lang == "en" and a.text for a in articles)


class _PassThrough:
    def __init__(self, **_: Any) -> None:
        pass

    def __call__(self, articles, stats):
        yield from articles


class _FirstWordEvent(_PassThrough):
    """Stands in for EventStep: one ACCUSE event per article, on its first five characters."""

    def __call__(self, articles, stats):
        for article in articles:
            article.add_spans("events", [Span(start=0, end=5, label="EVENT", attrs={"plover": "ACCUSE"})])
            yield article


def test_bench_throughput_counts_events_per_corpus(shared_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (shared_data / "corpora" / "globalvoices-en.jsonl").exists():
        pytest.skip("Global Voices corpus not found")
    import types

    import newsdesk.nlp
    import newsdesk.nlp.entities

    stub = types.ModuleType("newsdesk.nlp.events")
    stub.EventStep = _FirstWordEvent
    monkeypatch.setitem(sys.modules, "newsdesk.nlp.events", stub)
    monkeypatch.setattr(newsdesk.nlp, "events", stub, raising=False)
    monkeypatch.setattr(newsdesk.nlp.entities, "EntityStep", _PassThrough)
    sys.path.insert(0, str(ROOT / "bench"))
    import events_quality

    lines, out = events_quality.throughput(shared_data, {}, max_articles=4)
    assert out["globalvoices-en.jsonl"]["articles"] == 4
    assert out["globalvoices-en.jsonl"]["events"] == 4
    assert out["globalvoices-en.jsonl"]["types"] == {"ACCUSE": 4}
    assert out["globalvoices-en.jsonl"]["bad_offsets"] == 0
    assert any(line.startswith("| globalvoices-en.jsonl | en | 4 |") for line in lines)
