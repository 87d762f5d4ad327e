"""Fixtures for story tests: a hand-written multi-outlet, multi-day, English/French article set."""

from __future__ import annotations

import pytest

from newsdesk.article import Article
from story_helpers import hashed_encoder, load_handmade  # noqa: F401 (imported by the story tests)


@pytest.fixture
def handmade() -> list[tuple[Article, str]]:
    return load_handmade()


@pytest.fixture(scope="session")
def use_encoder():
    """The real multilingual encoder, loaded once per test session."""
    from newsdesk.stories import USEEncoder

    encoder = USEEncoder()
    cache: dict[str, object] = {}

    def encode(texts):
        import numpy as np

        todo = [t for t in texts if t not in cache]
        if todo:
            for text, vec in zip(todo, encoder(todo), strict=True):
                cache[text] = vec
        return np.stack([cache[t] for t in texts])

    return encode
