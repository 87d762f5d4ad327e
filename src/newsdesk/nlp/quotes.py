"""Who said what: direct and reported speech with resolved speakers, as "quotes" spans.

`extract_quotes(text, doc, lang=...)` works on one parsed text; `QuoteStep` is the pipeline step.
Each span covers the quoted or reported text (marks included for direct quotes, "que"/"that"
included for reported speech) and carries kind, verb lemma and span, the speaker as written and its
resolved full name, entity id and role (see the span contract in the project docs).

Direct quotes get their attribution and are merged with reported speech in `quotes_merge`, kept or dropped
in `quotes_select` and made spans in `quotes_spans`; the spaCy pipeline is loaded in `quotes_model`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..article import Article, Span
from ..errors import ModelError
from ..pipeline import StepStats
from .parsed_step import ParsedStep
from .quote_lexicon import load_lexicon
from .quote_marks import find_quoted
from .quote_nesting import innermost_reports
from .quotes_direct import DirectAttributor
from .quotes_indirect import find_reported
from .quotes_merge import attributed_quotes, merge_reported
from .quotes_model import (
    LINE_BREAK_LANGS,
    LINE_BREAKS,
    keep_title_abbreviations,
    line_breaks,
    load_model,
    title_abbreviations,
)
from .quotes_select import MAX_FRAGMENT_WORDS, select_directs
from .quotes_spans import CONTINUE_GAP, MIN_UNATTRIBUTED_WORDS, SpanBuilder, share_verb_speaker
from .reported_headline import headline_attribution, headline_claim
from .speakers import SpeakerResolver

__all__ = [
    "CONTINUE_GAP",
    "LINE_BREAKS",
    "LINE_BREAK_LANGS",
    "MAX_FRAGMENT_WORDS",
    "MIN_UNATTRIBUTED_WORDS",
    "QuoteStep",
    "clean_quote_text",
    "extract_quotes",
    "fill_roles",
    "keep_title_abbreviations",
    "line_breaks",
    "load_model",
    "title_abbreviations",
]


def extract_quotes(text: str, doc: Any, *, lang: str, entities: Sequence[Span] | None = None) -> list[Span]:
    """Quote spans of one text parsed as `doc` (a spaCy Doc of exactly `text`, with a dependency parse)."""
    if text and not doc.has_annotation("DEP"):
        raise ModelError(
            "quotes need a dependency parse: load the model with its parser (models.load(lang, full=True))"
        )
    lex = load_lexicon(lang)
    resolver = SpeakerResolver(text, doc, lex, entities=entities)
    quoted_all = find_quoted(text)
    ranges = [(q.start, q.end) for q in quoted_all]
    att = DirectAttributor(doc, lex, ranges)
    directs = attributed_quotes(quoted_all, att)
    merged = merge_reported(find_reported(doc, lex, ranges), directs, text)
    items = merged.items + select_directs(directs, merged.absorbed, merged.complements, att, text, lang)
    items.sort(key=lambda item: item[0])
    spans = SpanBuilder(text, doc, lang, att, resolver, lex, ranges).build(items)
    share_verb_speaker(spans)
    spans = innermost_reports(spans, text, lex)
    for find in (headline_claim, headline_attribution):
        claim = find(text, doc, lex, spans, resolver)
        if claim is not None:
            spans.append(claim)  # "Ashrawi: Israel's move is collective punishment", "…, police say"
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


class QuoteStep(ParsedStep):
    """Pipeline step: adds "quotes" spans to articles in languages that have a quotation lexicon.

    `models` maps a language to a spaCy pipeline (a callable such as `newsdesk.nlp.quotes.load_model`, or a
    dict); `nlp` is one pipeline used for every language (tests pass a small one). Duplicates
    (`article.is_copy`) are passed through untouched.
    """

    name = "quotes"
    adds = ("quotes",)
    error_counter = "quote_error"

    def lexicon(self, lang: str) -> Any:
        return load_lexicon(lang)

    def annotate(self, article: Article, stats: StepStats | None = None, *, doc: Any = None) -> Article:
        """Add the "quotes" span group to one article (`doc`: its parse, when already done)."""
        lang = article.lang or ""
        if doc is None:
            doc = self.model(lang)(article.text)
        spans = extract_quotes(article.text, doc, lang=lang, entities=article.spans.get("entities"))
        fill_roles(spans, article.spans.get("entities") or [])
        article.add_spans("quotes", spans)
        if stats is not None:
            stats.count("quotes", len(spans))
            for s in spans:
                stats.count(f"quotes_{s.attrs['kind']}")
                if not s.attrs.get("speaker_name"):
                    stats.count("quotes_without_speaker")
        return article


def fill_roles(quotes: list[Span], entities: list[Span]) -> None:
    """Give a speaker found by surname ("a déclaré Kirby") the role stated at another mention of them."""
    roles: dict[str, str] = {}
    for span in entities:
        role, key = span.attrs.get("role"), span.attrs.get("entity_id") or span.attrs.get("name")
        if role and key:
            roles.setdefault(key, role)
    for quote in quotes:
        if quote.attrs.get("speaker_role"):
            continue
        key = quote.attrs.get("speaker_id") or quote.attrs.get("speaker_name")
        if key in roles:
            quote.attrs["speaker_role"] = roles[key]


def clean_quote_text(text: str) -> str:
    """A quote's text without its outer marks and spaces, for display and search."""
    text = text.strip()
    if len(text) > 1 and text[0] == text[-1] == "'":  # 'Like Armageddon': straight single quotes
        text = text[1:-1]
    return re.sub(r"\s+", " ", text.strip().strip('«»“”„‚‘’‹›"').strip())
