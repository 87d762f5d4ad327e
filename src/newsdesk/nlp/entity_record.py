"""The working record of an entity while `entities.Recogniser` builds it, and shared span helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

GIVEN_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}")
"""A word written like a given name: a capital, then lower-case letters ("Sean", not "SPCA")."""


@dataclass(slots=True)
class _Ent:
    start: int
    end: int
    label: str
    source: str
    attrs: dict[str, Any] = field(default_factory=dict)


def _tok_end(doc: Doc, j: int) -> int:
    tok = doc[j - 1]
    return tok.idx + len(tok.text)
