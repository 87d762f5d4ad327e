"""Page-structure cues loaded from ``lexicons/page/``: bylines, photo credits, date labels, agencies.

Cues of every language are merged: a page's language is often unknown when its structure is read,
and page templates mix languages (an English site frame around a French article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons


@dataclass(slots=True, frozen=True)
class Cues:
    """Words that mark page parts, by kind ("byline", "credit", "published", "updated")."""

    words: dict[str, tuple[str, ...]]
    agencies: dict[str, str]  # as written -> canonical name

    def alternation(self, kind: str) -> str:
        words = sorted(self.words.get(kind, ()), key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)

    def agency(self, written: str) -> str | None:
        """The canonical name of an agency as written ("Associated Press" -> "AP"), None if unknown."""
        written = written.strip()
        return self.agencies.get(written) or self.agencies.get(written.upper()) or self.agencies.get(written.title())


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """All page cues from ``lexicons/page/<lang>.tsv`` and ``agencies.tsv``."""
    words: dict[str, set[str]] = {}
    for lang in lexicons.languages("page"):
        if lang == "agencies":
            continue
        for kind, cue, *_ in lexicons.rows("page", lang):
            words.setdefault(kind, set()).add(cue)
    agencies = {row[0]: row[1] for row in lexicons.rows("page", "agencies")}
    return Cues(words={k: tuple(sorted(v)) for k, v in words.items()}, agencies=agencies)
