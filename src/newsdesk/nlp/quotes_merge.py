"""Direct quotes with their attribution, and reported speech merged with them.

A report that covers quotes either is those quotes (they get its speaker and verb: "selon X, « … »"),
absorbs them (a "mixed" report: "X a dit que le projet était « ruineux »"), or is dropped when the quotes
already have its holder. Reports that cover no quote are "indirect" items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .quote_marks import Quoted
from .quote_verbs import Attribution
from .quotes_direct import DirectAttributor
from .quotes_spans import QuoteItem
from .reported import Reported


def attributed_quotes(quoted: Sequence[Quoted], att: DirectAttributor) -> list[list[Any]]:
    """Each quote with its attribution, as [quoted, attribution] (the attribution may be filled in later)."""
    directs: list[list[Any]] = []
    for q in quoted:
        a = att.attribute(q)
        directs.append([_unwrap(q, a), a])
    return directs


@dataclass(slots=True)
class Merged:
    """Reported speech merged with the direct quotes."""

    items: list[QuoteItem] = field(default_factory=list)
    """The reports kept as spans ("indirect" or "mixed")."""
    absorbed: set[int] = field(default_factory=set)
    """Direct quotes (by index) inside a mixed report, no spans of their own."""
    complements: set[int] = field(default_factory=set)
    """Direct quotes (by index) that are a speech verb's complement."""


def merge_reported(reports: Iterable[Reported], directs: list[list[Any]], text: str) -> Merged:
    """Merge the reports with the direct quotes: give quotes that are a report the report's attribution (in
    `directs`), and keep the other reports as items."""
    merged = Merged()
    for r in reports:
        _stop_before_own_attribution(r, directs, text)
        _take_whole_quotes(r, directs)
        inside = [i for i, (q, _) in enumerate(directs) if q.start < r.end and q.end > r.start]
        if inside and all(directs[i][1] is not None and directs[i][1].how == "opinion" for i in inside):
            continue  # "Selon X, de la gendarmerie, « … »": the quote already has its holder
        if not inside and any(_same_holder(r.speaker, a) for _, a in directs):
            continue  # "À 10 h, selon X, « … »": the introducer's clause is the quote, not the time before it
        quoted_chars = sum(min(directs[i][0].end, r.end) - max(directs[i][0].start, r.start) for i in inside)
        opens = [i for i in inside if directs[i][0].start == r.start]  # "a dit « … » lors de sa visite"
        merged.complements.update(opens)
        if inside and (quoted_chars >= 0.7 * (r.end - r.start) or opens):
            _attribute_to_report(r, directs, inside)  # the report is a direct quote: "selon X, « … »", "« … », selon X"
            continue
        merged.absorbed.update(inside)
        merged.items.append((r.start, "mixed" if inside else "indirect", r, None))
    return merged


def _take_whole_quotes(r: Reported, directs: list[list[Any]]) -> None:
    """A report that starts or stops inside a quote takes the whole quote."""
    for q, _ in directs:
        if r.start <= q.start < r.end < q.end:
            r.end = q.end
        if q.start < r.start < q.end <= r.end:
            r.start = q.start


def _attribute_to_report(r: Reported, directs: list[list[Any]], inside: list[int]) -> None:
    """The quotes inside the report that have no attribution get the report's speaker and verb."""
    for i in inside:
        if directs[i][1] is None:
            directs[i][1] = Attribution(
                verb=r.verb,
                verb_text=r.verb_text,
                verb_span=r.verb_span,
                speaker=r.speaker,
                speaker_head=r.speaker_head,
                how="report",
            )


def _stop_before_own_attribution(r: Reported, directs: list[list[Any]], text: str) -> None:
    """ "X said that …, with analyst Y saying "…"": a quote inside the report that has its own speaker and
    speech verb, after a comma, is not part of the report, which stops at that comma."""
    if r.verb_span is None:
        return
    for q, a in directs:
        if a is None or a.how != "before" or a.speaker is None or a.verb is None or _noun_participle(a.verb):
            continue
        if not (r.verb_span[1] < a.speaker[0] < a.verb.idx < q.start < r.end):
            continue
        comma = text.rfind(",", r.start, a.speaker[0])
        if comma > r.start and not re.search(r"[.!?]\s", text[comma : a.speaker[0]]):
            r.end = len(text[:comma].rstrip())
            return


def _noun_participle(verb: Any) -> bool:
    """ "deux montres estimées à 15 000 euros d'après son « évaluation »": a French past participle with no
    auxiliary qualifies a noun; it is no speech verb of another speaker inside the report."""
    return (
        verb.doc.lang_ == "fr"
        and "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in verb.children)
        and (verb.i == 0 or verb.doc[verb.i - 1].pos_ != "AUX")
    )


def _same_holder(speaker: tuple[int, int] | None, a: Attribution | None) -> bool:
    """The report's speaker is the holder a direct quote already got from "selon X, « … »"."""
    if speaker is None or a is None or a.how != "opinion" or a.verb_text is None or a.speaker is None:
        return False
    return speaker[0] < a.speaker[1] and a.speaker[0] < speaker[1]


def _unwrap(q: Quoted, a: Attribution | None) -> Quoted:
    """«"…", a déclaré Kirby.» : the quote is the inner one, the outer marks wrap the whole sentence."""
    if a is None or a.how != "inside" or not q.children:
        return q
    child = q.children[0]
    if child.start - q.start <= 2 and a.verb is not None and a.verb.idx >= child.end:
        return child
    return q
