"""Text keys shared by matching code: apostrophes and spaces tidied, accents folded; stop words."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache
from pathlib import Path

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


@cache
def stop_words(lang: str | None) -> frozenset[str]:
    """spaCy's stop-word list for a language, casefolded (empty when spaCy has none).

    The list file (`spacy/lang/<lang>/stop_words.py`, plain data without imports) is loaded on its
    own, so the spaCy package itself is not imported just for it.
    """
    if not lang or not lang.isalpha():
        return frozenset()
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "lang" / lang / "stop_words.py"
    if not path.is_file():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"_newsdesk_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(w.casefold() for w in module.STOP_WORDS)
