"""Text keys shared by matching code: apostrophes and spaces tidied, accents folded."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})
_SPACE_AFTER_APOSTROPHE = re.compile(r"'\s+")
_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Straight apostrophes, no space after one ("l' Ukraine"), single spaces, stripped."""
    text = _SPACE_AFTER_APOSTROPHE.sub("'", text.translate(_APOSTROPHES))
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Matching key without case or accents: `tidy`, casefolded, NFKD with combining marks dropped.

    "Pékin" and "Pekin", "Choïgou" and "CHOIGOU" share a key; compatibility forms (ligatures,
    full-width letters) are decomposed too; non-Latin scripts keep their letters.
    """
    decomposed = unicodedata.normalize("NFKD", tidy(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
