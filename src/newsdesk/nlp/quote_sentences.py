"""Sentence bounds for quotation attribution: where a sentence starts and ends around a quote, despite
abbreviations ("M. Poutine", "Apple Inc. said", "Aug. 31")."""

from __future__ import annotations

import re
from typing import Any

SENT_END = {".", "!", "?", ";", "…"}
QUOTE_CHARS = '«»“”„‚‘’‹›"'
ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:M|Mr|Mrs|Ms|Dr|St|Mme|Inc|Corp|Co|Ltd|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Mt|No|Prof|U\.S|etc"
    r"|Capt|Sgt|Cpl|Maj|Brig|Cmdr|Det|Supt|Insp|Rev|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))$"
)
"""Words ending with a full stop that does not end the sentence ("M. Poutine", "Apple Inc. said", "Aug. 31")."""


def doc_text(doc: Any) -> str:
    """The text of `doc`, built once per doc: spaCy's Doc.text joins every token again on each access."""
    if "newsdesk_text" not in doc.user_data:
        doc.user_data["newsdesk_text"] = doc.text
    return doc.user_data["newsdesk_text"]


def lower_after(text: str, pos: int) -> bool:
    """The word after a full stop at `pos` is lower-case: the stop closes an abbreviation ("3 a.m. at"), not
    a sentence."""
    return bool(re.match(r"[ \t]+[a-zà-ÿ]", text[pos : pos + 3]))


def sentence_start(
    text: str, pos: int, *, stops: str = r"[.!?…](?=\s)|\n", window: int = 600, lower: bool = False
) -> int:
    """Offset where the sentence containing `pos` starts (after . ! ? or a line break; with `lower`, not after a
    full stop followed by a lower-case word)."""
    lo = max(0, pos - window)
    best = -1
    for m in re.finditer(stops, text[lo:pos]):
        if m.group(0) == "." and ABBREV.search(text[lo : lo + m.start()]):
            continue  # "M. Poutine", "Mr. Putin", "J. Kirby"
        if m.group(0) == "." and lower and lower_after(text, lo + m.end()):
            continue  # "at 3 a.m. at the hotel"
        best = m.end()
    return lo + best if best != -1 else lo


def sentence_end(text: str, pos: int, *, window: int = 1200) -> int:
    """Offset where the sentence containing `pos` ends (its final punctuation included)."""
    for m in re.finditer(r"[.!?…][\"»”]?(?=\s|$)|\n", text[pos : pos + window]):
        if m.group(0)[0] == "." and ABBREV.search(text[max(0, pos + m.start() - 12) : pos + m.start()]):
            continue
        return pos + m.end()  # 'said: "We will continue." He added' ends after the closing mark
    return min(len(text), pos + window)


def n_words(text: str) -> int:
    return len(re.findall(r"\w+", text))

