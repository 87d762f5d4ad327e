"""Per-language data files: `lexicons/<kind>/<lang>.<ext>`.

Adding a language is adding files here. Lines starting with `#` are comments; TSV columns are
separated by tabs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(kind: str, lang: str, ext: str = "tsv") -> Path:
    """The file for `kind` in `lang` (it may not exist)."""
    return ROOT / kind / f"{lang}.{ext}"


def languages(kind: str, ext: str = "tsv") -> list[str]:
    """Languages that have a `kind` file."""
    return sorted(p.stem for p in (ROOT / kind).glob(f"*.{ext}"))


@lru_cache(maxsize=256)
def rows(kind: str, lang: str, ext: str = "tsv") -> tuple[tuple[str, ...], ...]:
    """The non-comment rows of `lexicons/<kind>/<lang>.<ext>`, split on tabs; empty when absent."""
    file = path(kind, lang, ext)
    if not file.exists():
        return ()
    out = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(out)
