"""Locate the development data folder `shared/data` next to the repository (read in place, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """The `shared/data` folder: $NEWSDESK_SHARED_DATA, else `../shared/data` from the repo (or its worktree parent)."""
    env = os.environ.get("NEWSDESK_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
    for path in candidates:
        if path.is_dir():
            return path
    raise SystemExit("shared/data not found next to the repository; set NEWSDESK_SHARED_DATA")


def write_report(path: Path, lines: list[str]) -> None:
    """Write a markdown report (creating bench/reports/) and echo it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
