"""Nested reports: "The agency said that …, according to the Bangkok Post" holds two attributions of the same
words; only the innermost speech is kept, the agency's (the outlet reports the agency's words)."""

from __future__ import annotations

from ..article import Span
from .quote_lexicon import QuoteLexicon


def innermost_reports(spans: list[Span], text: str, lex: QuoteLexicon) -> list[Span]:
    """`spans` without the English "according to" reports that hold another reported quote and its speech verb;
    the inner quote ends before the "according to" it ran into."""
    if lex.lang != "en":
        return spans
    introducers = {a.lower() for a in lex.according}
    out = []
    for s in spans:
        outer = (s.attrs.get("verb") or "").lower() in introducers
        held = [o for o in spans if o is not s and _holds(s, o, introducers)] if outer else []
        if not held:
            out.append(s)
            continue
        cut = s.attrs["verb_span"][0] if s.attrs.get("verb_span") else s.end
        for inner in held:
            if inner.start < cut < inner.end:  # "that …, according to the Bangkok Post"
                inner.end = inner.start + len(text[inner.start : cut].rstrip(" ,;"))
    return out


def _holds(outer: Span, inner: Span, introducers: set[str]) -> bool:
    """`inner` is a reported quote with a speech verb and a speaker of its own, whose speaker opens `outer`
    and whose verb is inside it (not another "according to", not a headline glued before the sentence)."""
    verb = inner.attrs.get("verb_span")
    speaker = inner.attrs.get("speaker_span")
    if not verb or not speaker or inner.attrs.get("kind") == "direct":
        return False
    if (inner.attrs.get("verb") or "").lower() in introducers:
        return False
    return 0 <= speaker[0] - outer.start <= 3 and verb[0] < outer.end
