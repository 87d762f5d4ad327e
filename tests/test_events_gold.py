"""The hand-annotated event gold (tests/data/events_gold_{fr,en}.jsonl): well-formed and true to its articles."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("fr", "en")
PLOVER_TYPES = frozenset(
    {
        *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
        *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
    }
)
CORPORA = {"fr": ("wikinews-fr.jsonl",), "en": ("wikinews-en-gum.jsonl", "globalvoices-en.jsonl")}


def _records(lang: str) -> list[dict[str, Any]]:
    path = DATA / f"events_gold_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _actors(record: dict[str, Any]):
    for event in record["events"]:
        for actor in event["actors"] + event["recipients"]:
            yield event, actor


@pytest.mark.parametrize("lang", LANGS)
def test_records_are_complete_and_uids_unique(lang: str) -> None:
    records = _records(lang)
    assert len(records) >= 35
    uids = [r["uid"] for r in records]
    assert len(uids) == len(set(uids))
    for r in records:
        assert r["lang"] == lang and r["dataset"] == "newsdesk_events_gold"
        assert r["uid"] == f"{r['article_id']}:{r['article_start']}-{r['article_end']}"
        assert r["article_end"] - r["article_start"] == len(r["text"])
        assert r["attribution"] and r["license"] and r["url"]
    # the set measures precision too: sentences without any codable event are part of it
    assert any(not r["events"] for r in records) and sum(bool(r["events"]) for r in records) > len(records) / 2


@pytest.mark.parametrize("lang", LANGS)
def test_events_use_plover_types_and_actors_as_written(lang: str) -> None:
    for r in _records(lang):
        for event in r["events"]:
            assert event["plover"] in PLOVER_TYPES, (r["uid"], event["plover"])
            assert re.fullmatch(r"(\d{2,4})?", event["cameo"]), (r["uid"], event["cameo"])
            assert event["event_text"], r["uid"]
        for _, actor in _actors(r):
            assert actor["text"] and actor["text"] in r["text"], (r["uid"], actor["text"])
            assert re.fullmatch(r"([A-Z]{3})?", actor["code"]), (r["uid"], actor["code"])
            assert re.fullmatch(r"([A-Z]{3})?", actor["sector"]), (r["uid"], actor["sector"])


@pytest.mark.parametrize("lang", LANGS)
def test_cameo_codes_belong_to_their_plover_type(shared_data: Path, lang: str) -> None:
    path = shared_data / "events" / "cameo_event_codes.csv"
    if not path.exists():
        pytest.skip(f"CAMEO table not found at {path}")
    with path.open(encoding="utf-8") as f:
        plover_of = {row["code"]: set(row["plover"].split("|")) for row in csv.DictReader(f)}
    for r in _records(lang):
        for event in r["events"]:
            if event["cameo"]:
                assert event["plover"] in plover_of[event["cameo"]], (r["uid"], event["cameo"], event["plover"])


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_are_copied_from_their_articles(shared_data: Path, lang: str) -> None:
    texts: dict[str, str] = {}
    for name in CORPORA[lang]:
        path = shared_data / "corpora" / name
        if not path.exists():
            pytest.skip(f"corpus not found at {path}")
        with path.open(encoding="utf-8") as f:
            for line in f:
                article = json.loads(line)
                texts[article["id"]] = article["text"]
    for r in _records(lang):
        assert texts[r["article_id"]][r["article_start"] : r["article_end"]] == r["text"], r["uid"]
