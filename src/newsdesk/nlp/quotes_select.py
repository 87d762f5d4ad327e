"""Which direct quotes are quotations, and whose: titles, terms and short fragments inside a sentence are
dropped, or given the words' holder when the sentence names one ("souhaite « bonne chance »")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .quote_fragments import fragment_attribution, opinion_holder, wished_attribution
from .quote_marks import Quoted
from .quote_sentences import n_words
from .quote_verbs import Attribution
from .quotes_direct import DirectAttributor
from .quotes_spans import QuoteItem

MAX_FRAGMENT_WORDS = 8
"""Quoted words left without attribution up to this length may be the words of their clause's subject."""


def select_directs(
    directs: Sequence[list[Any]],
    absorbed: set[int],
    complements: set[int],
    att: DirectAttributor,
    text: str,
    lang: str,
) -> list[QuoteItem]:
    """The direct quotes (not absorbed by a report) that are quotations, as "direct" items with their
    attribution (None: a quotation nobody is said to have said here)."""
    items: list[QuoteItem] = []
    for i, (q, a) in enumerate(directs):
        if i in absorbed:
            continue
        words = n_words(text[q.start : q.end])
        if att.announced_content(q):
            continue  # "pour le motif suivant : « … »": a charge or a mandate, nobody's words
        named = att.named(q, a)  # "Jobs called podcasting "…"": the namer's words, however short
        if att.is_title(q) and not named and (a is None or a.how in ("before", "agent", "belief") or words < 8):
            a = fragment_attribution(att, q) if words <= MAX_FRAGMENT_WORDS else None  # "un projet « ruineux »"
            if a is None:
                continue
        a, dropped = _term_in_sentence(q, a, words, named, i in complements, att, lang)
        a, dropped = _holder_in_sentence(q, a, words, dropped, att, lang)
        if dropped:
            continue
        items.append((q.start, "direct", q, a))
    return items


def _term_in_sentence(
    q: Quoted,
    a: Attribution | None,
    words: int,
    named: bool,
    complement: bool,
    att: DirectAttributor,
    lang: str,
) -> tuple[Attribution | None, bool]:
    """A short quote inside a sentence is a term, not a quotation: the attribution (None when the quote is a
    term) and whether the quote is dropped."""
    said = a is not None and a.how == "before" and att.object_of(q, a)  # "évoque un « … »", "dénonce les « … »"
    said = said or a is not None and a.how == "before" and att.in_that_clause(q, a)  # "a affirmé que X était « … »"
    if (
        a is not None
        and a.how == "before"
        and words <= 4
        and not (named or said or att.introduced(q, a) or complement or att.standalone(q))
    ):
        a = None  # a short fragment inside a sentence: a term, not a quotation (after a colon, a quotation)
    named_pair = named and words == 2 and lang == "fr"  # "a décrit le projet comme « une menace »"
    said = said or a is not None and a.how == "before" and att.uttered(q, a)  # "il a crié « Allah Akbar »"
    described = named and (att.after_article(q) or att.described_as(q))  # "as a "defining moment""
    described = described or named and att.object_complement(q, a)  # "décrivent des gens « réservés »"
    short = words <= 2 and not (said or named_pair or described)
    dropped = a is not None and a.how == "before" and (short or att.infinitive_object(q))
    # "dans leurs « canapés », le pape a dit …": a term inside the sentence, not its words
    dropped = dropped or a is not None and a.how == "after" and words <= 2 and not att.standalone(q)
    return a, dropped


def _holder_in_sentence(
    q: Quoted, a: Attribution | None, words: int, dropped: bool, att: DirectAttributor, lang: str
) -> tuple[Attribution | None, bool]:
    """A fragment dropped or left without attribution may be the words of its clause's subject; a longer
    French quote without attribution, of an opinion's holder or of who wishes it."""
    if (dropped or a is None) and words <= MAX_FRAGMENT_WORDS:
        a = fragment_attribution(att, q)  # "souhaite « bonne chance »"
        dropped = dropped and a is None
    elif a is None and lang == "fr":
        a = opinion_holder(att, q)  # "Pour X, il s'agit d'une « … »", however long
        a = a or wished_attribution(att, q)  # "X voudrait interdire « … »", however long
    return a, dropped
