"""Quote spans from the kept items: speaker resolved, verb lemma and span, and for a quote without
attribution, the speaker it reads as ("peut-on lire sur …"), carries on from or none."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..article import Span
from .quote_fragments import thing_predicate
from .quote_lexicon import QuoteLexicon
from .quote_marks import Quoted
from .quote_sentences import n_words
from .quote_verbs import Attribution, verb_lemma
from .quotes_direct import DirectAttributor
from .quotes_read import read_speaker
from .reported import Reported
from .speakers import Speaker, SpeakerResolver

CONTINUE_GAP = 400
"""A quote without attribution continues the previous speaker when it starts at most this far after."""
MIN_UNATTRIBUTED_WORDS = 6

QuoteItem = tuple[int, str, Any, Any]
"""(start, kind, payload, attribution): a "direct" quote (Quoted) with its Attribution or None, or an
"indirect" or "mixed" report (Reported)."""
Previous = tuple[int, dict[str, Any]] | None
"""The end and attributes of the previous direct quote or attributed span."""


@dataclass(slots=True)
class SpanBuilder:
    """Builds the quote spans of one parsed text."""

    text: str
    doc: Any
    lang: str
    att: DirectAttributor
    resolver: SpeakerResolver
    lex: QuoteLexicon
    ranges: Sequence[tuple[int, int]]

    def build(self, items: Iterable[QuoteItem]) -> list[Span]:
        """The spans of the items (in text order); the resolver learns who spoke where as they come."""
        spans: list[Span] = []
        last: Previous = None
        for _, kind, payload, a in items:
            if kind != "direct":
                span = _reported_span(payload, kind, self.text, self.resolver, self.lex, self.ranges)
            elif a is not None:
                span = _direct_span(payload, a, self.text, self.resolver, self.lex, self.ranges)
            else:
                found = self._unattributed_span(payload, last)
                if found is None:
                    continue
                span = found
            if span.attrs.get("reason") == "speech verb without a subject":
                self._subject_or_shared(span, last)
            spans.append(span)
            if kind == "direct" or span.attrs.get("speaker_name"):
                last = (span.end, span.attrs)
            if span.attrs.get("speaker_name"):
                self.resolver.spoke(span.attrs, span.start, span.end)
        return spans

    def _unattributed_span(self, q: Quoted, last: Previous) -> Span | None:
        """A quote without attribution: read on a page, continuing the previous speaker, or a quotation of
        nobody named; None when it is no quotation."""
        text, att = self.text, self.att
        words = n_words(text[q.start : q.end])
        read = read_speaker(text, self.doc, q.start, q.end, self.resolver) if self.lang == "fr" else None
        cont = _continues(last, q, text, self.resolver) if read is None else None
        prev = att.previous(q) if read is None and cont is None and words >= 3 else None
        if read is not None:  # "« … » peut-on lire sur la page Facebook du musicien"
            attrs = {"kind": "direct", "verb": "lire", "verb_span": None, **read.attrs()}
            return Span(start=q.start, end=q.end, label="QUOTE", attrs=attrs)
        if prev is not None:
            span = _direct_span(q, prev, text, self.resolver, self.lex, self.ranges)
            span.attrs["continued"] = True
            return span
        if cont is not None and words >= 3 and (
            att.standalone(q) or _listed_after(last, q, text) or att.opens_clause(q) or thing_predicate(att, q)
        ):
            span = Span(start=q.start, end=q.end, label="QUOTE", attrs=dict(cont))
            span.attrs.update(kind="direct", verb=None, verb_span=None, speaker=None, speaker_span=None)
            span.attrs["continued"] = True
            return span
        if words >= MIN_UNATTRIBUTED_WORDS and (att.standalone(q) or att.opens_clause(q)):
            return Span(start=q.start, end=q.end, label="QUOTE", attrs=_unattributed())
        return None

    def _subject_or_shared(self, span: Span, last: Previous) -> None:
        """A speech verb without a subject: the subject before the verb, else the previous speaker."""
        subject = self.resolver.subject_before(span.attrs["verb_span"][0]) if span.attrs.get("verb_span") else None
        if subject is not None:
            span.attrs.update(subject.attrs())
        else:
            _share_speaker(span, last, self.text, self.resolver)


def share_verb_speaker(spans: list[Span]) -> None:
    """ "« … » , et « … » , déplore-t-il": a quote left without a subject shares the speaker that another
    quote of the same speech verb found."""
    found = {
        tuple(s.attrs["verb_span"]): s.attrs
        for s in spans
        if s.attrs.get("verb_span") and s.attrs.get("speaker_name") and s.attrs.get("speaker_span")
    }
    for span in spans:
        if span.attrs.get("reason") != "speech verb without a subject" or not span.attrs.get("verb_span"):
            continue
        other = found.get(tuple(span.attrs["verb_span"]))
        if other is not None:
            for key in ("speaker", "speaker_span", "speaker_name", "speaker_id", "speaker_role"):
                span.attrs[key] = other.get(key)
            span.attrs["reason"] = None


def _share_speaker(span: Span, last: Previous, text: str, resolver: SpeakerResolver) -> None:
    """ "X a précisé que « … » , et ajouté que « … »": a verb without subject shares the previous speaker."""
    if last is None or not last[1].get("speaker_name") or span.start - last[0] > 300:
        return
    if re.search(r"[.!?](?:\s|$)", text[last[0] : span.start].strip()):
        return
    for key in ("speaker_name", "speaker_id", "speaker_role"):
        span.attrs[key] = last[1].get(key)
    span.attrs["reason"] = None


def _listed_after(last: Previous, q: Quoted, text: str) -> bool:
    """ "évoque un « … » , « … »": the quote follows the previous one with only a comma between them."""
    return last is not None and q.start >= last[0] and text[last[0] : q.start].strip() == ","


def _unattributed() -> dict[str, Any]:
    return {
        "kind": "direct",
        "verb": None,
        "verb_span": None,
        **Speaker(reason="no speech verb or speaker near the quote").attrs(),
    }


def _continues(last: Previous, q: Quoted, text: str, resolver: SpeakerResolver) -> dict[str, Any] | None:
    """The previous quote's speaker when this quote carries on from it (same speaker, nothing in between)."""
    if last is None or not last[1].get("speaker_name"):
        return None
    end, attrs = last
    if q.start - end > CONTINUE_GAP:
        return None
    gap_people = {m.name for m in resolver.mentions if m.label == "PER" and end <= m.start < q.start}
    if gap_people - {attrs["speaker_name"]}:
        return None
    if text.count("\n\n", end, q.start) > 1:
        return None
    keep = ("speaker_name", "speaker_id", "speaker_role")
    out = {k: attrs.get(k) for k in keep}
    out["reason"] = None
    return out


def _speaker(
    span: tuple[int, int] | None, head: Any, text: str, resolver: SpeakerResolver, ranges: Sequence[tuple[int, int]]
) -> Speaker:
    if span is None:
        return Speaker(reason="speech verb without a subject")
    start, end = span
    while start < end and text[start] in "-–— ":
        start += 1
    return resolver.resolve(start, end, head=head, exclude=ranges)


def _direct_span(
    q: Quoted,
    a: Attribution,
    text: str,
    resolver: SpeakerResolver,
    lex: QuoteLexicon,
    ranges: Sequence[tuple[int, int]],
) -> Span:
    sp = _speaker(a.speaker, a.speaker_head, text, resolver, ranges)
    verb = a.verb_text or (verb_lemma(a.verb, lex) if a.verb is not None else None)
    verb_span = (
        list(a.verb_span) if a.verb_span else [a.verb.idx, a.verb.idx + len(a.verb)] if a.verb is not None else None
    )
    attrs: dict[str, Any] = {"kind": "direct", "verb": verb, "verb_span": verb_span, **sp.attrs()}
    return Span(start=q.start, end=q.end, label="QUOTE", attrs=attrs)


def _reported_span(
    r: Reported, kind: str, text: str, resolver: SpeakerResolver, lex: QuoteLexicon, ranges: Sequence[tuple[int, int]]
) -> Span:
    sp = _speaker(r.speaker, r.speaker_head, text, resolver, ranges)
    verb = r.verb_text or (verb_lemma(r.verb, lex) if r.verb is not None else None)
    attrs: dict[str, Any] = {
        "kind": kind,
        "verb": verb,
        "verb_span": list(r.verb_span) if r.verb_span else None,
        **sp.attrs(),
    }
    return Span(start=r.start, end=r.end, label="QUOTE", attrs=attrs)
