"""Helpers shared by the story and API tests: the hand-made article set and a cheap encoder."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from newsdesk.article import Article, Span
from newsdesk.stories import AlertConfig, ClusterConfig

HANDMADE = Path(__file__).parent / "stories" / "handmade.jsonl"
ALERTS = ClusterConfig(alerts=AlertConfig(span_hours=3, min_recent=2, min_rate=2.0, min_sources=2))
"""Alert settings that the hand-made set's fast-growing story crosses."""


def load_handmade() -> list[tuple[Article, str]]:
    """(article, gold story label) pairs, in publication order; entity spans located in the text."""
    out = []
    for line in HANDMADE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = Article(
            id=row["id"], source=row["source"], lang=row["lang"], title=row["title"], text=row["text"],
            published=datetime.fromisoformat(row["published"]), duplicate_of=row.get("duplicate_of"),
        )  # fmt: skip
        spans = []
        for surface, entity_id, label in row["entities"]:
            start = row["text"].find(surface)
            assert start >= 0, (row["id"], surface)
            attrs = {"text": surface, "name": surface, "entity_id": entity_id, "source": "rule"}
            spans.append(Span(start=start, end=start + len(surface), label=label, attrs=attrs))
        article.add_spans("entities", spans)
        out.append((article, row["gold"]))
    out.sort(key=lambda pair: (pair[0].published, pair[0].id))
    return out


def hashed_encoder(texts):
    """A cheap deterministic stand-in for an encoder: hashed bag of folded words, L2-normalised."""
    import zlib

    import numpy as np

    from newsdesk.stories.features import content_words

    out = np.zeros((len(texts), 64))
    for i, text in enumerate(texts):
        for word in content_words(text, None):
            out[i, zlib.crc32(word.encode()) % 64] += 1.0
        norm = np.linalg.norm(out[i])
        if norm:
            out[i] /= norm
    return out


class GivenLanguages:
    """Stands in for language identification (the hand-made articles carry their language)."""

    name = "langid"
    needs: tuple[str, ...] = ()
    adds = ("lang",)

    def __call__(self, articles, stats):
        yield from articles
