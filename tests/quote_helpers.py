"""Helpers shared by the quotation tests."""

from __future__ import annotations

from newsdesk.article import Span
from newsdesk.nlp.entities import Recogniser
from newsdesk.nlp.quotes import extract_quotes


def quote_speakers(text: str, nlp, lang: str, entities: list[Span] | None = None) -> list[str | None]:
    """The resolved speaker names of the quotes found in `text`, in order."""
    return [s.attrs["speaker_name"] for s in extract_quotes(text, nlp(text), lang=lang, entities=entities)]


def production_speakers(text: str, nlp, lang: str) -> list[str | None]:
    """The speaker names as in the ingest pipeline: the entity layer's spans first, then the quotes."""
    doc = nlp(text)
    entities = Recogniser(lang, nlp).spans(doc)
    return [s.attrs["speaker_name"] for s in extract_quotes(text, doc, lang=lang, entities=entities)]
