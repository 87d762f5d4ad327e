"""Store speed, SQLite against PostgreSQL: the bundled sample corpus ingested into a fresh store of each.

For each mode (`--no-analysis`, and full analysis with `--analysis`) and each backend: a first ingest
of data/sample/*.jsonl into an empty store and a second one (nothing new), with the seconds of the
steps that write to the store, read back from the run table; then full-text search latency and a
check that both stores find the same articles for every query. Writes bench/reports/store_speed.md.

    python bench/store_speed.py [--analysis] [--pg postgresql://postgres@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import write_report  # noqa: E402
from newsdesk.runner import run_ingest  # noqa: E402
from newsdesk.store import ArticleQuery  # noqa: E402
from newsdesk.store.postgres import PostgresStore  # noqa: E402
from newsdesk.store.sqlite import SQLiteStore  # noqa: E402

REPORT = ROOT / "bench" / "reports" / "store_speed.md"
SAMPLE = sorted((ROOT / "data" / "sample").glob("*.jsonl"))
QUERIES = ["Apple", "iPhone OR iTunes", '"Steve Jobs"', "police", "président", "élection*", "Obama", "gouvernement",
           "earthquake", "Syrie", "climate change", '"United Nations"']  # fmt: skip
STORE_STEPS = ("entity_link", "stories", "store")
"""Steps whose time is mostly store reads and writes (registry, story tables, articles and spans)."""


def ingest_twice(store, *, analyse: bool) -> dict:
    out: dict = {}
    for label in ("first", "second"):
        t0 = time.perf_counter()
        run_ingest(store=store, paths=[str(p) for p in SAMPLE], analyse=analyse)
        wall = time.perf_counter() - t0
        [run] = store.list_runs(limit=1)  # read back from the run table
        steps = {s["name"]: s for s in run["steps"]}
        out[label] = {
            "wall": wall,
            "new": steps["store"]["counters"].get("new", 0),
            **{name: steps[name]["seconds"] for name in STORE_STEPS if name in steps},
        }
    return out


def searches(store) -> tuple[dict[str, set[str]], float]:
    found = {q: {h.article.id for h in store.search(q, ArticleQuery(limit=1000))} for q in QUERIES}
    t0 = time.perf_counter()
    for _ in range(5):
        for q in QUERIES:
            store.search(q)
    return found, (time.perf_counter() - t0) * 1000 / (5 * len(QUERIES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analysis", action="store_true", help="Also measure a full ingest (spaCy, stories).")
    parser.add_argument("--pg", default=os.environ.get("NEWSDESK_TEST_PG") or "postgresql://postgres@127.0.0.1/test")
    args = parser.parse_args()
    import psycopg

    try:
        with psycopg.connect(args.pg, connect_timeout=3) as conn:
            server_version = conn.info.server_version // 10000
    except psycopg.Error as exc:
        print(f"store_speed: PostgreSQL not reachable at {args.pg} ({exc}); nothing measured")
        return
    results: dict = {}
    agree: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ["no-analysis"] + (["analysis"] if args.analysis else []):
            found = {}
            for backend in ("sqlite", "postgres"):
                schema = f"newsdesk_bench_{uuid.uuid4().hex[:8]}"
                store = (SQLiteStore(Path(tmp) / f"{mode}.db") if backend == "sqlite"
                         else PostgresStore(args.pg, schema=schema))  # fmt: skip
                try:
                    results[(mode, backend)] = ingest_twice(store, analyse=mode == "analysis")
                    found[backend], results[(mode, backend)]["search_ms"] = searches(store)
                finally:
                    if backend == "postgres":
                        store.conn.raw.execute(f'DROP SCHEMA "{schema}" CASCADE')
                    store.close()
            agree[mode] = {q: (len(found["sqlite"][q]), found["sqlite"][q] == found["postgres"][q]) for q in QUERIES}

    lines = [
        "# Store speed: SQLite and PostgreSQL",
        "",
        f"Bundled sample corpus ({len(SAMPLE)} files, 444 articles), ingested into an empty store, then again "
        "(nothing new). Seconds of the steps that write to the store, from the run table; wall time of the "
        f"whole ingest. PostgreSQL {server_version} on 127.0.0.1; "
        f"{platform.machine()}, {os.cpu_count()} cores shared with other work, so figures vary.",
        "",
        "| mode | backend | run | new | store s | entity_link s | stories s | wall s | search ms/query (top 20) |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (mode, backend), r in results.items():
        for label in ("first", "second"):
            x = r[label]
            lines.append(
                f"| {mode} | {backend} | {label} | {x['new']} | {x['store']:.2f} | {x.get('entity_link', 0):.2f} | "
                f"{x.get('stories', 0):.2f} | {x['wall']:.1f} | {r['search_ms']:.1f} |"
            )
    lines += ["", "Search: articles found per query (all matches) and whether both stores found the same ones.", ""]
    lines += ["| mode | query | hits | same on both |", "|---|---|---:|---|"]
    for mode, rows in agree.items():
        lines += [f"| {mode} | `{q}` | {n} | {'yes' if same else 'NO'} |" for q, (n, same) in rows.items()]
    write_report(REPORT, lines + [""])


if __name__ == "__main__":
    main()
