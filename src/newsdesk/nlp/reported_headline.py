"""A headline that gives a speaker's claim after their name and a colon ("Ashrawi: Israel's move is collective
punishment", "Gov. Jane Doe: No deal before the vote"): reported speech of that person without a verb, kept
only when the article quotes the same person, so that a topic label ("Tennis: …", "Olmo: Barcelona bid …")
reports nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..article import Span
from .headline_glue import glued_headline
from .quote_lexicon import QuoteLexicon
from .quote_sentences import QUOTE_CHARS
from .quote_subjects import PLACE_ENTS
from .quote_verbs import speech_verb, verb_lemma
from .reported import trim
from .reported_introducers import not_a_source
from .speaker_groups import speaker_nouns
from .speakers import SpeakerResolver

HOLDER = re.compile(r"\A\s*([^:\n!?;,|–—\"“”«»]{2,60}?)\s*:[ \t]+(?=\S)")
"""The name or title before the colon that opens a text."""
MAX_WORDS = 25
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
CLAIM_END = re.compile(
    rf"\n|[.!?](?=\s)|\s+CLOSE\s|\s+\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\s+\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}"
    rf"|\s+(?:{MONTHS})\s+\d{{1,2}},\s+\d{{4}}"
    r"|\s+[A-Z][\w-]+(?:,\s+[A-Z][\w-]+)*,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d"
)
"""Where a headline stops when the scraper glued the article to it: a line break or full stop, a video
widget's "CLOSE", a date, a dateline ("Baku, Azerbaijan, Jan. 1")."""


def headline_claim(
    text: str, doc: Any, lex: QuoteLexicon, spans: Sequence[Span], resolver: SpeakerResolver
) -> Span | None:
    """The claim of a headline "Name: claim" as an indirect quote of Name, when Name speaks in the article."""
    if lex.lang != "en":
        return None
    m = HOLDER.match(text)
    if m is None or not _speaking_holder(doc.char_span(m.start(1), m.end(1), alignment_mode="expand"), lex):
        return None
    speaker = resolver.resolve(m.start(1), m.end(1), head=None)
    named = next((s for s in spans if _same_speaker(speaker.name, s.attrs.get("speaker_name"), text)), None)
    if named is None:
        return None
    speaker.name = named.attrs["speaker_name"]
    end = _claim_end(text, m.end(), speaker.name)
    start, end = trim(text, m.end(), end)
    words = re.findall(r"\w+", text[start:end])
    if not 3 <= len(words) <= MAX_WORDS or any(s.start < end and s.end > start for s in spans):
        return None
    kind = "mixed" if any(c in QUOTE_CHARS for c in text[start:end]) else "indirect"
    attrs: dict[str, Any] = {"kind": kind, "verb": None, "verb_span": None, **speaker.attrs()}
    return Span(start=start, end=end, label="QUOTE", attrs=attrs)


def _speaking_holder(holder: Any, lex: QuoteLexicon) -> bool:
    """A person's name (a title or a descriptor before it allowed), or a role or body noun ("President",
    "Police"); not a place, a section label or a topic."""
    if holder is None or len(holder) > 7:
        return False
    head = holder[-1]
    if head.ent_type_ in (*PLACE_ENTS, "DATE", "TIME", "EVENT"):
        return False
    if head.pos_ == "PROPN":
        return True  # a name (the article must quote the same person: see `_same_speaker`)
    nouns = speaker_nouns(lex.lang)
    word = head.lower_
    return len(holder) <= 2 and (word in nouns.person or word in nouns.body or lex.role_match(head.text) is not None)


def _same_speaker(holder: str | None, other: str | None, text: str) -> bool:
    """The headline's holder is the speaker `other` of a quote of the article: the same name or surname, or a
    title the article writes before that name ("President: …" and "said President Ilham Aliyev")."""
    if not holder or not other:
        return False
    a, b = holder.casefold().split(), other.casefold().split()
    if a == b or a[-1:] == b[-1:]:
        return True
    return len(a) == 1 and re.search(rf"(?<!\w){re.escape(holder)}\s+{re.escape(other)}(?!\w)", text) is not None


def _claim_end(text: str, start: int, name: str) -> int:
    """Where the claim stops: a line break, a full stop, a widget word or a date, or the speaker's surname
    coming back (with the capitalised words before it) in a first sentence glued to the headline."""
    m = CLAIM_END.search(text, start)
    end = m.start() if m else len(text)
    surname = name.split()[-1]
    again = re.search(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", text[start:end])
    if again is not None:
        run = re.search(r"(?:[A-Z][\w'’.-]*\s+)*$", text[start : start + again.start()])
        cut = start + (run.start() if run else again.start())
        if cut > start:
            end = cut
    return end


INVERTED_END = re.compile(r"(?P<claim>\S.{8,}?)(?:,\s*|\s+)(?P<verb>[A-Za-z]+)\s+(?P<who>[A-Z][^,:;\"“”]{1,60}?)\s*$")
"""A headline closed by a speech verb and its speaker: "…, says Ann Lee", "Return to form near, insists Joe Root"."""
SUBJECT_END = re.compile(r"(?P<claim>\S.{8,}?),\s+(?P<who>[^,:;\"“”]{2,60}?)\s+(?P<verb>[a-z]+)\s*$")
"""A headline closed by a speaker and a speech verb: "Three hurt in hotel shooting, county police say"."""


def headline_attribution(
    text: str, doc: Any, lex: QuoteLexicon, spans: Sequence[Span], resolver: SpeakerResolver
) -> Span | None:
    """ "Three hurt in hotel shooting, county police say": an English headline (its first line, or the words
    before a first sentence glued to it) closed by a speech verb and its speaker reports the words before them."""
    if lex.lang != "en":
        return None
    end = _headline_end(text)
    if end is None:
        return None
    head = text[:end].rstrip()
    for pattern in (INVERTED_END, SUBJECT_END):
        m = pattern.match(head)
        if m is None:
            continue
        verb = doc.char_span(m.start("verb"), m.end("verb"))
        if verb is None or not speech_verb(verb[0], lex, indirect=True) or verb[0].tag_ not in ("VBZ", "VBP", "VBD"):
            continue
        start, claim_end = trim(text, m.start("claim"), m.end("claim"))
        if not_a_source(m.group("who"), lex):
            return None  # "…, polls say", "…, new law says": data and laws are no speakers
        short = len(re.findall(r"\w+", text[start:claim_end])) < 3
        if short or any(s.start < claim_end and s.end > start for s in spans):
            return None
        speaker = resolver.resolve(m.start("who"), m.end("who"), head=None)
        kind = "mixed" if any(c in QUOTE_CHARS for c in text[start:claim_end]) else "indirect"
        attrs: dict[str, Any] = {
            "kind": kind,
            "verb": verb_lemma(verb[0], lex),
            "verb_span": [m.start("verb"), m.end("verb")],
            **speaker.attrs(),
        }
        return Span(start=start, end=claim_end, label="QUOTE", attrs=attrs)
    return None


def _headline_end(text: str) -> int | None:
    """Where an English text's headline ends: before the first sentence glued to it, or at its first line break
    when that line has no full stop."""
    glued = glued_headline(text)
    if glued is not None:
        return glued[0]
    line = text.find("\n")
    if 0 < line <= 200 and not re.search(r"[.!?]\s", text[:line]):
        return line
    return None
