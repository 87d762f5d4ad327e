"""Quotation gold over news articles the project may not bundle: offsets only, texts read in place.

The news sets annotate articles of ../shared/data/pairs/semeval2022-task8-dev.jsonl (news sites' own
text, which must stay there). Their gold, tests/data/quotes_news_gold_{lang}_set{N}.jsonl, keeps for each
article its id, URL and the SHA-256 of its text, and for each quotation its character offsets, kind,
speech-verb lemma and speaker's full name; no text of the articles. Scoring reads the texts from
../shared/data (`news_texts`) and checks them against the hashes.

    python bench/news_quotes_gold.py ANNOTATIONS.jsonl OUT.jsonl

turns annotations written with the quoted text (kept outside the project) into that offsets-only gold.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_quotes_gold import SHARED_DATA, quotes_with_offsets  # noqa: E402

PAIRS = SHARED_DATA / "pairs" / "semeval2022-task8-dev.jsonl"
PREFIX = "semeval2022-"


@functools.cache
def news_articles(path: Path = PAIRS) -> dict[str, dict]:
    """Every article of the SemEval-2022 pairs by id ("semeval2022-<lang>-<article id>"): text, url, lang."""
    out: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        for i, article_id in zip("12", rec["pair_id"].split("_"), strict=True):
            lang = rec[f"lang{i}"]
            out[f"{PREFIX}{lang}-{article_id}"] = {"text": rec[f"text{i}"], "url": rec[f"url{i}"], "lang": lang}
    return out


def news_texts(path: Path = PAIRS) -> dict[str, str]:
    return {k: v["text"] for k, v in news_articles(path).items()}


def build(annotations: Path) -> list[dict]:
    """Offsets-only gold records from annotations whose ids are "<prefix><lang>-<article id>"."""
    articles = news_articles()
    out = []
    for line in annotations.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        ann = json.loads(line)
        doc_id = PREFIX + ann["id"].split("-", 1)[1] if not ann["id"].startswith(PREFIX) else ann["id"]
        art = articles[doc_id]
        quotes = quotes_with_offsets(doc_id, art["text"], ann["quotes"])
        for q in quotes:
            del q["quote"]
        out.append(
            {
                "id": doc_id,
                "lang": art["lang"],
                "url": art["url"],
                "text_sha256": hashlib.sha256(art["text"].encode("utf-8")).hexdigest(),
                "quotes": quotes,
            }
        )
    return out


def main(argv: list[str]) -> int:
    records = build(Path(argv[0]))
    with Path(argv[1]).open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{argv[1]}: {len(records)} articles, {sum(len(r['quotes']) for r in records)} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
