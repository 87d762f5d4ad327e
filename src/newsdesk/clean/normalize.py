"""Whitespace and Unicode normalisation of article text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..article import Article
from ..pipeline import StepStats

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")


def normalize_text(text: str) -> str:
    """NFC, newlines unified, invisible controls removed, runs of spaces collapsed, lines trimmed.

    Quote marks, apostrophes and dashes are kept as written: they carry meaning for the
    quote layer. Non-breaking spaces become plain spaces.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


class NormalizeStep:
    """Normalise text and title before any offsets are taken; drop articles left empty."""

    name = "normalize"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for article in articles:
            text = normalize_text(article.text)
            if text != article.text:
                if article.spans:
                    stats.count("kept-text-with-spans")
                else:
                    article.text = text
                    stats.count("changed")
            if article.title:
                article.title = normalize_text(article.title)
            if not article.text:
                stats.quarantine(source=article.source, reason=f"article {article.id} has no text", raw=b"")
                continue
            yield article
