"""Fixes of model spans before rule merging (`ModelFixes`, a mixin of `entities.Recogniser`): spans split at
spaced dashes or a repeated name, labels fixed by lowercase, stoplist, institution word, acronym and
nationality checks, headline words and nationality nouns cut off a person's name, and a lone given name
joined to the person's name after it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..clean.cues import load_cues
from .entity_record import GIVEN_NAME, _Ent
from .places import norm

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .rules import Rules

CAPITALISED_NATIONALITY_ADJECTIVES = frozenset({"en"})
"""Languages that capitalise nationality adjectives ("Canadian"), not only nationality nouns."""

_ACRONYM = re.compile(r"[A-Z]{2,6}")


class ModelFixes:
    """Label and extent fixes of model spans; expects `lang`, `rules` and `fixes` on the instance."""

    lang: str
    rules: Rules
    fixes: frozenset[str]

    def _given_names(self, text: str, ents: list[_Ent]) -> list[_Ent]:
        """ "(BTK) Ömer Fatih Sayan" tagged ORG "Ömer" + PER "Fatih Sayan": a lone word written like a given
        name, joined by one space to a person's name, unknown to the gazetteer and written nowhere else in
        the text, is the first word of that name."""
        out: list[_Ent] = []
        for e in sorted(ents, key=lambda x: x.start):
            prev = out[-1] if out else None
            word = text[prev.start : prev.end] if prev is not None else ""
            if (
                prev is not None
                and e.label == "PER"
                and prev.label != "PER"
                and prev.end + 1 == e.start
                and text[prev.end] == " "
                and GIVEN_NAME.fullmatch(word)
                and " " in text[e.start : e.end]
                and text.count(word) == 1
                and norm(word) not in self.rules.org_words
                and self.rules.gazetteer.lookup(word) is None
                and not self.rules.demonym(word)
                and not self._after_determiner(text, prev.start)  # "le Strasbourgeois Nathan Guerbeur"
            ):
                e.start = prev.start
                out[-1] = e
                continue
            out.append(e)
        return out

    def _after_determiner(self, text: str, start: int) -> bool:
        """True when the word before `start` is a determiner ("l’", "le", "the")."""
        before = re.search(r"(\w+['’]?)\s*$", text[max(0, start - 12) : start])
        return before is not None and norm(before.group(1).rstrip("'’")) in {
            norm(d.rstrip("'’")) for d in self.rules.determiners
        }

    def _segments(self, doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
        """Token ranges of a model span, split at spaced dashes when "split" is on."""
        if "split" not in self.fixes:
            return [(a, b)]
        cuts = [
            k
            for k in range(a + 1, b - 1)
            if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_ and doc[k].whitespace_
        ]
        bounds = [a, *cuts, b]
        out = [(bounds[0], bounds[1])] + [(x + 1, y) for x, y in zip(bounds[1:-1], bounds[2:], strict=True)]
        return [half for x, y in out for half in _halves(doc, x, y)]

    def _keep(self, full_text: str, item: _Ent) -> bool:
        """Apply the label fixes to a trimmed model span; False when it is no entity."""
        text = full_text[item.start : item.end]
        if "lowercase" in self.fixes and not any(c.isupper() for c in text):
            return False
        if "stoplist" in self.fixes and (text in self.rules.stopnames or sum(c.isalpha() for c in text) < 2):
            return False
        multiword_org = " " in text and norm(text.split(" ", 1)[0]) in self.rules.org_words
        if "org_word" in self.fixes and item.label in ("LOC", "MISC", "PER") and multiword_org:
            item.label = "ORG"
        acronym = _ACRONYM.fullmatch(text) and self.rules.gazetteer.lookup(text) is None
        if "acronym" in self.fixes and item.label in ("LOC", "PER") and acronym:
            item.label = "ORG"
        if "trim" in self.fixes and item.label == "PER" and " " in text:
            text = _without_headline_words(full_text, item, self.rules.particles)
        if "demonym" in self.fixes and " " in text:
            text = self._cut_nationality(full_text, item)
        if "demonym" in self.fixes:
            code = self.rules.demonym(text)
            if code:
                item.label = "MISC"
                item.attrs["country"] = code
        return True

    def _cut_nationality(self, full_text: str, item: _Ent) -> str:
        """A capitalised nationality noun before a name is the person's country, not part of the name.

        "l'Espagnole Caroline Routier", "La Thaïlandaise Sopita Tanasan" → PER "Caroline Routier",
        "Sopita Tanasan" with their country. Returns the span's (possibly shortened) text.
        """
        text = full_text[item.start : item.end]
        words = text.split(" ")
        skip = 1 if len(words) > 2 and norm(words[0]) in self.rules.determiners else 0
        lead, rest = words[skip], words[skip + 1 :]
        code = self.rules.demonym(lead) if lead[:1].isupper() else None
        if not code or not all(w[:1].isupper() for w in rest) or len(rest) > 4:
            return text
        rest_text = " ".join(rest)
        if self.rules.gazetteer.lookup(rest_text) is not None or self.rules.demonym(rest_text):
            return text
        item.start = item.end - len(rest_text)
        # "La Thaïlandaise Sopita Tanasan": a capitalised nationality noun before a name; but in English the
        # adjective is capitalised too, and "Canadian Auto Workers" stays an organisation
        adjective = self.lang in CAPITALISED_NATIONALITY_ADJECTIVES
        item.label = "ORG" if item.label == "ORG" and adjective else "PER"
        item.attrs.setdefault("country", code)
        return rest_text


def _halves(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """A span that says the same name twice ("Jane Doe Jane Doe", a headline glued to the first sentence
    that opens with the name) as its two halves; any other span as it is."""
    half = (b - a) // 2
    if half < 2 or (b - a) % 2 or [t.text for t in doc[a : a + half]] != [t.text for t in doc[a + half : b]]:
        return [(a, b)]
    return [(a, a + half), (a + half, b)]


def _without_headline_words(full_text: str, item: _Ent, particles: frozenset[str]) -> str:
    """A person's name without the title-case words of a headline or caption glued to it ("Numbers Cause
    Optimism Söder", "Recovering Anna Kowalski", "Donald Trump Popularity Polls"): words at either end
    that the article also writes in lower case. Two names must stay ("Bill Gates" keeps "Bill" next to a
    parliamentary bill), or one after two or more words cut before it. Returns the span's (possibly
    shortened) text."""
    text = full_text[item.start : item.end]
    words = text.split(" ")

    def common(word: str) -> bool:
        low = word.lower()
        pattern = rf"(?<![\w-]){re.escape(low)}(?![\w-])"
        return word[:1].isupper() and low not in particles and re.search(pattern, full_text) is not None

    cues = load_cues()
    lead = 0
    while lead < len(words) - 1 and (
        common(words[lead]) or words[lead].rstrip(":") in cues.words.get("credit", ()) or cues.agency(words[lead])
    ):
        lead += 1
    tail = len(words)
    while tail > lead + 1 and common(words[tail - 1]):
        tail -= 1
    kept = tail - lead
    if kept == len(words) or kept < 2 and (lead < 2 or tail < len(words)):
        return text  # one word left only after a headline before it ("Space Shuttle Challenger" stays)
    item.start += len(" ".join(words[:lead])) + (1 if lead else 0)
    item.end = item.start + len(" ".join(words[lead:tail]))
    if full_text[item.end - 2 : item.end] in ("'s", "’s"):
        item.end -= 2  # "McConnell’s" before a cut headline word
    return full_text[item.start : item.end]

