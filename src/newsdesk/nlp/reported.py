"""`Reported`, one piece of reported speech, and the span helpers the reported-speech finders share:
trimming a content span, whether an offset falls inside the direct quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NON_SPEAKERS = {"ce", "cela", "ça", "ceci", "this", "which", "what", "there"}


@dataclass(slots=True, kw_only=True)
class Reported:
    """One piece of reported speech."""

    start: int
    end: int
    verb: Any = None  # spaCy token, or None for an introducer
    verb_text: str | None = None  # lemma of the verb, or the introducer ("selon")
    verb_span: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: Any = None
    how: str = "complement"  # "complement", "incise", "introducer"


def incise_report(t: Any, start: int, end: int, speaker: tuple[int, int] | None, subj: Any) -> Reported:
    """Speech reported by verb `t` in an incise ("…, a déclaré X" or "…, he says, …")."""
    return Reported(
        start=start, end=end, verb=t, verb_span=(t.idx, t.idx + len(t)), speaker=speaker, speaker_head=subj,
        how="incise",
    )


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in ",;:.—–-" + '»”"' and _unbalanced(text, start, end)
    ):
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _unbalanced(text: str, start: int, end: int) -> bool:
    """True when the last char of text[start:end] is a closing mark without its opening mark inside."""
    seg = text[start:end]
    last = seg[-1:]
    if last == "»":
        return seg.count("«") < seg.count("»")
    if last == "”":
        return seg.count("“") < seg.count("”")
    if last == '"':
        return seg.count('"') % 2 == 1
    return False


def inside(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)
