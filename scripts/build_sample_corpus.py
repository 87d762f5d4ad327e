"""Rebuild the bundled sample corpus in data/sample/ from the development data in ../shared/data.

Only files that may be redistributed are used (French and English Wikinews, Global Voices);
each record keeps its licence and attribution. Run: python scripts/build_sample_corpus.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "corpora"
OUT = ROOT / "data" / "sample"

KEEP = ("id", "url", "published", "title", "text", "license", "attribution")
# (source file, output file, how many records, every n-th record)
PLAN = [
    ("wikinews-fr.jsonl", "wikinews-fr.jsonl", 200, 4),
    ("wikinews-en-gum.jsonl", "wikinews-en.jsonl", 24, 1),
    ("wikinews-en-timelines.jsonl", "wikinews-en-timelines.jsonl", 120, 1),
    ("globalvoices-en.jsonl", "globalvoices-en.jsonl", 100, 4),
]
LICENCES = ["LICENSE-CC-BY-3.0.txt", "LICENSE-GUM.txt", "LICENSE-WiNER-fr-annotations-CC-BY-4.0.txt",
            "NOTICE-SemEval2015-Task4.txt"]  # fmt: skip


def main() -> int:
    if not SHARED.is_dir():
        print(f"development data not found at {SHARED}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for source, target, limit, step in PLAN:
        rows = [json.loads(line) for line in (SHARED / source).open(encoding="utf-8")]
        picked = rows[::step][:limit]
        with (OUT / target).open("w", encoding="utf-8") as fh:
            for row in picked:
                record = {k: row[k] for k in KEEP if row.get(k)}
                if row.get("author"):
                    record["byline"] = row["author"]
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{target}: {len(picked)} articles")
    licences = OUT / "licenses"
    licences.mkdir(exist_ok=True)
    for name in LICENCES:
        shutil.copy(SHARED / name, licences / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
