"""Who did what to whom: political events coded in PLOVER with CAMEO codes, as "events" spans.

`extract_events(text, doc, lang=...)` works on one parsed text; `EventStep` is the pipeline step. The events
are written as verbs (`event_verbs`) or as nouns (`event_nouns`); their actors are coded by `event_actors`.
The span is the sentence; attrs follow the events span contract (`docs/events.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..article import Article, Span
from ..errors import ModelError
from ..pipeline import StepStats
from .event_actors import ActorCoder
from .event_lexicon import load_event_lexicon
from .event_nouns import noun_events
from .event_verbs import verb_events
from .parsed_step import ParsedStep

__all__ = ["EventStep", "extract_events"]


def extract_events(
    text: str, doc: Any, *, lang: str, entities: Sequence[Span] | None = None, on: date | None = None
) -> list[Span]:
    """Event spans of one text parsed as `doc` (a spaCy Doc of exactly `text`, with a dependency parse);
    `on`: the article's date, for actors known by name whose coding changed over time."""
    if text and not doc.has_annotation("DEP"):
        raise ModelError("events need a dependency parse: load the model with its parser (quotes.load_model)")
    lex = load_event_lexicon(lang)
    coder = ActorCoder(text, doc, lex, entities, on=on)
    spans = verb_events(text, doc, lex, coder, lang)
    spans.extend(noun_events(text, doc, lang=lang, coder=coder, verb_events=spans))
    spans.sort(key=lambda s: (s.start, s.attrs["trigger_span"][0]))
    return spans


class EventStep(ParsedStep):
    """Pipeline step: adds "events" spans to articles in languages that have event verb patterns.

    `models` maps a language to a spaCy pipeline (a callable such as `newsdesk.nlp.quotes.load_model`, or
    a dict); `nlp` is one pipeline used for every language (tests pass a small one). Duplicates
    (`article.is_copy`) are passed through untouched; an article the rules fail on is counted, not fatal.
    """

    name = "events"
    adds = ("events",)
    error_counter = "event_error"

    def lexicon(self, lang: str) -> Any:
        return load_event_lexicon(lang)

    def annotate(self, article: Article, stats: StepStats | None = None, *, doc: Any = None) -> Article:
        """Add the "events" span group to one article (`doc`: its parse, when already done)."""
        lang = article.lang or ""
        if doc is None:
            doc = self.model(lang)(article.text)
        spans = extract_events(
            article.text, doc, lang=lang, entities=article.spans.get("entities"), on=article.published
        )
        article.add_spans("events", spans)
        if stats is not None:
            stats.count("events", len(spans))
            for s in spans:
                stats.count(f"events_{s.attrs['plover']}")
        return article
