"""Editorial markup around a written speaker, for `SpeakerResolver`: a blog's language tag after a name ("Maria
Cruz [es] says"), a first name an editor put in brackets ("[Lala] Aslikyan said"), and a social-media handle
in parentheses after a name ("Daltonicum (@Daltonicum) notes"), and the headline of a linked article that a
"READ MORE:" label puts in the text ("ALSO READ: Ann Lee wins gold")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .speaker_groups import speaker_nouns

LANGUAGE_TAG = re.compile(r"\[[a-z]{2,3}(?:,\s*[a-z]{2,3})*\]")
"""A blog's tag of the language a link leads to ("Maria Cruz [es] says"), which the parser can take for a subject."""
BRACKETED_NAME = re.compile(r"\[([A-Z][\w'’-]+)\][ \t]*([A-Z][\w'’-]+)")
"""A first name in brackets right before a surname ("[Lala] Aslikyan said"), added by the article's editor."""
TAG_GAP = re.compile(r"\s*(?:\(@\w+\)\s*)?$")
"""What may stand between a name and its language tag: a handle in parentheses."""
OWN_HANDLE = re.compile(r"\s*(?:\[[a-z]{2,3}\]\s*)?\(@(\w{2,})\)")
"""A handle in parentheses right after a name, a language tag between them allowed ("Bicitekas [es] (@Bicitekas)")."""


LINK_END = re.compile(r"[\"“”«‘’\n]|[.!?](?=\s)")
"""Where the headline of a linked article ends: a quote mark, a line break or a sentence end."""


@lru_cache(maxsize=8)
def link_label(lang: str) -> re.Pattern[str] | None:
    """A label before the headline of a linked article ("READ MORE:", "Also read :"), from the lexicon."""
    labels = sorted(speaker_nouns(lang).link_label, key=len, reverse=True)
    if not labels:
        return None
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in labels)
    return re.compile(rf"\b(?i:{words})\s*:")


def link_headlines(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the linked articles' headlines that scraped news leave in the text after a label ("ALSO
    READ : Ann Lee soars with six distinctions"): the people named there are not the article's."""
    label = link_label(lang)
    if label is None:
        return []
    out = []
    for m in label.finditer(text):
        end = LINK_END.search(text, m.end(), min(len(text), m.end() + 150))
        out.append((m.start(), end.start() if end else min(len(text), m.end() + 150)))
    return out


class WrittenMarkup:
    """Methods of `SpeakerResolver` that read the markup news blogs write around a speaker's name."""

    def _before_language_tag(self, start: int, end: int, head: Any) -> tuple[int, int, Any]:
        """ "Maria Cruz [es] says": a speaker phrase inside a language tag is the name written before it."""
        tag = next((t for t in LANGUAGE_TAG.finditer(self.text, max(0, start - 12)) if t.start() <= start), None)
        if tag is None or start >= tag.end() or end > tag.end():
            return start, end, head
        before = [
            m
            for m in self.mentions
            if m.label in ("PER", "ORG") and m.end <= tag.start() and TAG_GAP.match(self.text[m.end : tag.start()])
        ]
        if not before:
            return start, end, head
        name = before[-1]
        inside = list(self.tokens_inside(name.start - 1, name.end))
        return name.start, name.end, inside[-1] if inside else None

    def _bracketed_first_name(self, start: int, end: int, head: Any) -> tuple[int, int, Any, str]:
        """ "[Lala] Aslikyan said": a first name an editor put in brackets before a surname belongs to it; the
        phrase is the surname, and the first name is returned to be put back before it."""
        for m in BRACKETED_NAME.finditer(self.text, max(0, start - 30), min(len(self.text), end + 30)):
            if m.start() < end and start < m.end():
                inside = list(self.tokens_inside(m.start(2), m.end(2)))
                return m.start(2), m.end(2), inside[-1] if inside else None, m.group(1)
        return start, end, head, ""

    def _own_handle(self, name: str, end: int) -> str:
        """ "Daltonicum (@Daltonicum) notes": an account known by one name that is its handle speaks as the
        handle; a person with a handle ("Ann Lee (@annlee)") keeps the name."""
        handle = OWN_HANDLE.match(self.text, end)
        if handle is not None and " " not in name and handle.group(1).lower() == name.lower():
            return "@" + handle.group(1)
        return name
