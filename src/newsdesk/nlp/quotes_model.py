"""The spaCy pipeline quotes run on: the full model, with sentence starts at headline line breaks (English)
and title abbreviations ("Sgt.", "Capt.") kept as one token."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from ..errors import ModelError
from .headline_glue import glued_headline

LINE_BREAKS = "newsdesk_line_breaks"
LINE_BREAK_LANGS = {"en"}
"""Languages whose parser gets `line_breaks`: with the French model, a preset boundary makes the parser
split the next sentence at odd places, and the French sets lose more than they gain."""


def load_model(lang: str) -> Any:
    """The full spaCy pipeline for `lang` (parser and lemmatiser included), from the shared model loader."""
    from . import models

    nlp = models.load(lang, full=True)
    if nlp is None:
        raise ModelError(f"no spaCy model for language {lang!r}: quotes need a parser")
    if lang in LINE_BREAK_LANGS and "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(LINE_BREAKS):
            Language.component(LINE_BREAKS, func=line_breaks)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    keep_title_abbreviations(nlp, lang)
    return nlp


def keep_title_abbreviations(nlp: Any, lang: str) -> None:
    """Title abbreviations of the lexicon ("Sgt.", "Capt.") stay one token, as spaCy keeps "Gov." and "Dr.": split
    from their full stop, they end a sentence ("… fire spokesman Sgt. | Ann Lee said") and the name loses its
    speech verb."""
    for word in title_abbreviations(lang):
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])


@functools.cache
def title_abbreviations(lang: str) -> frozenset[str]:
    """The title abbreviations of `lang`'s grammar lexicon, with their full stop ("Sgt.", "Capt.")."""
    from .. import lexicons

    return frozenset(word for word, kind, *_ in lexicons.rows("grammar", lang) if kind == "title_abbreviation")


def line_breaks(doc: Any) -> Any:
    """A line ending with a letter or digit (no punctuation, as a headline or dateline) and a next line
    opening with a capital or digit are two sentences for the parser: the headline is not the subject of
    the first sentence ("Ford to close plants\nMay 5, 2006\nThe company said …")."""
    for tok in doc:
        if not (tok.is_space and "\n" in tok.text) or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if not prev.text[-1:].isalnum() or not (nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
            continue
        nxt.is_sent_start = True
    for i in _repeated_names(doc):
        doc[i].is_sent_start = True
    glued = glued_headline(doc.text) if doc.lang_ == "en" else None
    body = next((t for t in doc if glued and t.idx >= glued[1]), None)
    if body is not None and body.i > 0:  # "… Conflict Eases ISTANBUL - Turkey may …": the headline is not the subject
        body.is_sent_start = True
    for tok in doc[:-1]:  # "… fire spokesman Sgt. Ann Lee said": the name goes on the sentence
        if tok.text in title_abbreviations(doc.lang_) and doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = False
    return doc


def _repeated_names(doc: Any) -> Iterator[int]:
    """Where a capitalised name of two or three words is said twice in a row ("… insists Jane Doe Jane Doe
    believes …"): a headline glued to a first sentence that opens with the name, so the second starts one."""
    for i in range(len(doc)):
        for n in (2, 3):
            first, second = doc[i : i + n], doc[i + n : i + 2 * n]
            if (
                len(second) == n
                and all(t.is_alpha and t.is_title for t in first)
                and [t.text for t in first] == [t.text for t in second]
            ):
                yield i + n
