"""Build the quotation gold files tests/data/quotes_gold_{fr,en}.jsonl from hand annotations.

The annotations (bench/quotes_gold/annotations_<lang>.jsonl) were written by reading each article:
for each quotation, its exact text (`q`), kind, speech verb lemma (`verb`) and the verb as written
near the quote (`v`), and the speaker's full name ("" when nobody nameable speaks). This script finds
the offsets in the article text (from ../shared/data/corpora), checks them, and writes the gold with
each article's text, url, licence and attribution (Wikinews CC BY 2.5, Global Voices CC BY 3.0).

    python bench/build_quotes_gold.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSDESK_SHARED_DATA") or ROOT.parent / "shared" / "data")
CORPORA = SHARED_DATA / "corpora"
SOURCES = {
    "fr": ["wikinews-fr.jsonl"],
    "en": ["wikinews-en-timelines.jsonl", "globalvoices-en.jsonl", "wikinews-en-gum.jsonl"],
}


class GoldError(ValueError):
    """An annotation does not match its article."""


def _find(text: str, needle: str, *, nth: int = 0, near: int | None = None) -> int:
    hits = []
    pos = text.find(needle)
    while pos != -1:
        hits.append(pos)
        pos = text.find(needle, pos + 1)
    if not hits:
        raise GoldError(f"not found: {needle[:60]!r}")
    if near is not None:
        return min(hits, key=lambda h: abs(h - near))
    if nth >= len(hits):
        raise GoldError(f"occurrence {nth} of {needle[:40]!r} not found")
    return hits[nth]


def quotes_with_offsets(doc_id: str, text: str, annotated: list[dict]) -> list[dict]:
    """Gold quote records (spans, kind, verb, speaker) for one article's annotations, in text order."""
    quotes = []
    for q in annotated:
        s = _find(text, q["q"], nth=q.get("n", 0))
        e = s + len(q["q"])
        verb_span = None
        if q.get("v"):
            vs = _find(text, q["v"], near=s)
            if q["verb"] in ("selon", "d'après", "according to", "d’après"):
                verb_span = [vs, vs + len(q["verb"])]
            else:
                offset, word = 0, q["v"].split()[0]
                for w in q["v"].split():
                    if w.lower()[:3] == q["verb"].lower()[:3]:
                        offset, word = q["v"].index(w), w
                        break
                verb_span = [vs + offset, vs + offset + len(word)]
        rec = {
            "quote": text[s:e],
            "quote_span": [s, e],
            "type": q["kind"],
            "verb": q["verb"],
            "verb_span": verb_span,
            "speaker_full": q["speaker"],
        }
        if text[s:e] != q["q"] or (verb_span and not text[verb_span[0] : verb_span[1]].strip()):
            raise GoldError(f"{doc_id}: offsets do not match")
        quotes.append(rec)
    quotes.sort(key=lambda r: r["quote_span"][0])
    return quotes


def build(lang: str, *, part: str = "annotations") -> list[dict]:
    articles: dict[str, dict] = {}
    for name in SOURCES[lang]:
        for line in (CORPORA / name).read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            rec = json.loads(line)
            articles[rec["id"]] = rec
    out = []
    ann_path = ROOT / "bench" / "quotes_gold" / f"{part}_{lang}.jsonl"
    for line in ann_path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        ann = json.loads(line)
        art = articles[ann["id"]]
        text = art["text"]
        quotes = quotes_with_offsets(ann["id"], text, ann["quotes"])
        out.append(
            {
                "id": art["id"],
                "lang": lang,
                "url": art.get("url"),
                "published": art.get("published"),
                "license": art.get("license"),
                "attribution": art.get("attribution"),
                "text": text,
                "quotes": quotes,
            }
        )
    return out


def main() -> int:
    parts = ("annotations", "heldout", *(f"heldout{n}" for n in range(2, 16)))
    for lang, part in ((lang, part) for part in parts for lang in ("fr", "en")):
        ann = ROOT / "bench" / "quotes_gold" / f"{part}_{lang}.jsonl"
        if not ann.exists():
            continue
        records = build(lang, part=part)
        name = f"quotes_gold_{lang}.jsonl" if part == "annotations" else f"quotes_gold_{lang}_{part}.jsonl"
        path = ROOT / "tests" / "data" / name
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n = sum(len(r["quotes"]) for r in records)
        print(f"{path.relative_to(ROOT)}: {len(records)} articles, {n} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
