"""Parse a batch of texts once for every step that needs the full spaCy pipeline.

Quotes and events both read the dependency parse of the same articles, one step after the other. `parse` keeps
the last parses made with each pipeline, so the second step finds them instead of parsing the batch again.
The memory is bounded (`RECENT` parses per process); a miss only costs a parse.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

RECENT = 128
"""Parses kept per process: a few batches, so the next step of a pipeline still finds the ones it needs."""

_recent: OrderedDict[tuple[int, str], tuple[Any, Any]] = OrderedDict()
"""(id of the pipeline, text) -> (the pipeline, the parse): holding the pipeline keeps its id from being reused."""


def parse(nlp: Any, texts: Sequence[str]) -> list[Any]:
    """The parse of each text with `nlp`, reusing the recent ones, parsing the others in one `nlp.pipe` call."""
    found: dict[int, Any] = {}
    for k, text in enumerate(texts):
        kept = _recent.get((id(nlp), text))
        if kept is not None and kept[0] is nlp:
            _recent.move_to_end((id(nlp), text))
            found[k] = kept[1]
    todo = [k for k in range(len(texts)) if k not in found]
    for k, doc in zip(todo, nlp.pipe([texts[k] for k in todo]), strict=True):
        found[k] = doc
        _recent[(id(nlp), texts[k])] = (nlp, doc)
    while len(_recent) > RECENT:
        _recent.popitem(last=False)
    return [found[k] for k in range(len(texts))]


def forget() -> None:
    """Drop the kept parses (after a run, or in tests)."""
    _recent.clear()
