"""Reported speech introduced by a colon without quote marks: "X nuance les effets de la crise : elle est plus
ressentie en ville qu'à la campagne." A French speech verb with its subject before it, its object if any and a
colon, then a clause of its own up to the end of the sentence, reports that clause."""

from __future__ import annotations

from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_sentences import QUOTE_CHARS, sentence_end, sentence_start
from .quote_subjects import passive, phrase_span, speaking_noun, subject_of
from .quote_verbs import finite_clause
from .reported import NON_SPEAKERS, Reported, trim

MAX_BEFORE_COLON = 12
"""Words between the verb and its colon: the verb's object and adverbs, not a clause of their own."""


def colon_report(t: Any, lex: QuoteLexicon, text: str) -> Reported | None:
    """ "Le chercheur nuance toutefois ce constat : la crise touche surtout la capitale."."""
    doc = t.doc
    if doc.lang_ != "fr" or not (_finite(t) or t.pos_ == "NOUN"):  # "X nuance …": a verb the tagger took for a noun
        return None
    subj = subject_of(t)
    if subj is None or subj.i > t.i or subj.lower_ in NON_SPEAKERS or subj.lower_ in lex.not_source:
        return None
    if passive(t) or subj.dep_ in ("nsubj:pass", "nsubjpass"):
        return None  # "Ce point presse était justifié par … : …": nobody speaks
    if not (subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PER", "ORG") or speaking_noun(subj, lex)):
        return None  # "L'enquête a révélé un élément troublant : …": a finding, not somebody's words
    s_end = sentence_end(text, t.idx)
    colon = next((x for x in doc[t.i + 1 : t.i + MAX_BEFORE_COLON] if x.text in (":", ".", ";", "\n")), None)
    if colon is None or colon.text != ":" or colon.idx >= s_end:
        return None
    between = doc[t.i + 1 : colon.i]
    if any(x.pos_ in ("VERB", "AUX") or x.text in QUOTE_CHARS or x.lower_ in ("que", "qu'", "qu’") for x in between):
        return None  # "a déclaré que … :", "a dit « … » :": another construction
    start, end = trim(text, colon.idx + 1, s_end)
    content = [x for x in doc[colon.i + 1 :] if x.idx < end]
    if not content or content[0].text in QUOTE_CHARS or "\n" in text[colon.idx : start + 1]:
        return None  # "a déclaré : « … »" is a direct quote; a line break opens a reproduced text
    inner = {x.i for x in content}
    if not any(_finite(x) and (x.head.i not in inner or x.head.i == x.i) for x in content):
        return None  # "a annoncé trois mesures : la baisse des impôts, …": a list, not a clause
    speaker = phrase_span(subj, sentence_start(text, t.idx), t.idx)
    return Reported(
        start=start, end=end, verb=t, verb_span=(t.idx, t.idx + len(t)), speaker=speaker, speaker_head=subj,
        how="complement",
    )


def _finite(x: Any) -> bool:
    """A finite verb, or a participle or infinitive with a finite auxiliary ("a expliqué", "sont intervenus")."""
    if x.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return False
    return finite_clause(x)
