"""Reported speech by an "as X said" clause: "Comme l'a rappelé le ministre, …", "As the bank noted last
week, …", "Manto, as Hina says, was …", "…, as the bank noted"."""

from __future__ import annotations

import re
from typing import Any

from .quote_sentences import sentence_end, sentence_start
from .quote_subjects import phrase_span, subject_of
from .reported import NON_SPEAKERS, Reported, incise_report, trim


def as_said(t: Any, text: str) -> Reported | None:
    """ "Comme l'a rappelé le ministre, la loi sera votée en mai": a French "comme le/l'" incise opening the
    sentence reports the clause after its comma; the speaker is the subject after the verb."""
    doc = t.doc
    if doc.lang_ == "en":
        return _as_said_en(t, text)
    k = t.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    if doc.lang_ != "fr" or k < 1 or doc[k].lower_ not in ("le", "l'", "l’") or doc[k - 1].lower_ != "comme":
        return None
    lead = text[sentence_start(text, t.idx) : doc[k - 1].idx].strip()
    if lead and not lead.endswith(","):
        return None  # "comme le dit X" inside a clause compares rather than reports
    comma = next((x for x in doc[t.i + 1 : t.i + 12] if x.text in (",", ".", ";", ":")), None)
    if lead and comma is not None and comma.i > t.i + 1 and _closes_clause(doc, comma, text):
        speaker = trim(text, t.idx + len(t), comma.idx)
        span = doc.char_span(*speaker, alignment_mode="expand")
        start, end = trim(text, sentence_start(text, t.idx), doc[k - 1].idx)
        return incise_report(t, start, end, speaker, span.root if span is not None else None)
    if comma is None or comma.text != "," or comma.i == t.i + 1:
        return None
    speaker = trim(text, t.idx + len(t), comma.idx)
    span = doc.char_span(*speaker, alignment_mode="expand")
    start, end = trim(text, comma.idx + 1, sentence_end(text, comma.idx + 1))
    return incise_report(t, start, end, speaker, span.root if span is not None else None)


def _closes_clause(doc: Any, stop: Any, text: str) -> bool:
    """ "…, comme l'indique X." / "…, comme l'indique X, chercheur à la NASA : « … »": the "comme" clause ends
    the sentence (an apposition to its speaker aside, up to a colon), so it reports the clause before it."""
    end = sentence_end(text, stop.idx)
    colon = text.find(":", stop.idx, end)
    end = colon if colon != -1 else end
    rest = [x for x in doc[stop.i :] if x.idx < end]
    return not any(x.pos_ in ("VERB", "AUX") or x.text in "«“\"" for x in rest)


def _as_said_en(t: Any, text: str) -> Reported | None:
    """ "As the bank noted last week, inflation has fallen", "Manto, as Hina says, was a visionary", "…, and as
    an economist noted, debt amounts to 45%", "Inflation has fallen, as the bank noted": an English "as" clause
    with a speech verb and no object reports the clause after it when it opens the sentence (or follows a
    conjunction), the whole sentence when it sits inside it, the clause before it when it closes it. "…, as X
    had stated" (past perfect) sets a claim against the facts and reports nothing."""
    doc = t.doc
    mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < t.i), None)
    subj = subject_of(t)
    if mark is None and subj is None:  # "as a prominent economist noted" parsed as a preposition and its object
        mark = next((x for x in reversed(doc[max(0, t.i - 9) : t.i]) if x.lower_ == "as" and x.dep_ == "prep"), None)
        between = doc[mark.i + 1 : t.i] if mark is not None else []
        if mark is None or any(x.pos_ in ("VERB", "PUNCT") for x in between):
            return None
        subj = next((c for c in mark.children if c.dep_ == "pobj"), None)
    if mark is None or any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") and c.i > t.i for c in t.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
        return None
    if subj is None:
        agent = next((c for c in t.children if c.dep_ == "agent"), None)  # "as reported by the BBC"
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or subj.i < mark.i or subj.lower_ in NON_SPEAKERS:
        return None
    if subj.dep_ in ("nsubjpass", "nsubj:pass"):
        return None  # "…, as another death is confirmed": what is said is the subject, nobody speaks
    right = max(x.i for x in t.subtree if x.i == t.i or not x.is_punct)
    s_start, s_end = sentence_start(text, mark.idx), sentence_end(text, mark.idx)
    after = doc[right + 1] if right + 1 < len(doc) else None
    before = text[s_start : mark.idx]
    opening = not before.strip() or re.search(r"(?:^|,)\s*(?:and|but|so|yet)\s*$", before)
    if after is not None and after.text == "," and opening:
        rest = text[after.idx + 1 : s_end]
        cut = re.search(r",\s*(?:which|who)\b", rest)
        start, end = trim(text, after.idx + 1, after.idx + 1 + (cut.start() if cut else len(rest)))
    elif after is not None and after.text == "," and before.rstrip().endswith(","):
        start, end = trim(text, s_start, s_end)  # "Manto, as Hina says, was a visionary"
    elif before.rstrip().endswith(",") and (after is None or after.text in ".!;"):
        start, end = trim(text, s_start, len(before.rstrip()) + s_start - 1)
    else:
        return None
    if end <= start:
        return None
    speaker = phrase_span(subj, doc[mark.i + 1].idx, t.idx)
    return incise_report(t, start, end, speaker, subj)
