"""Person mentions resolved to full names within one article (`FullNames`, a mixin of
`entities.Recogniser`): a surname or given name to the full name the article gives, a spelling variant of a
surname (`same_surname`), given names coordinated with a full name ("Rebecca and Tom Hale"), uncovered
surname mentions, and a lone name after a locative preposition as a place."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import fold
from .entity_record import GIVEN_NAME, _Ent
from .places import norm
from .rules import Rules

_PUNCT_EDGE = re.compile(r"^[\s\"'«»“”‘’()\[\],.;:!?–—-]+|[\s\"'«»“”‘’()\[\],;:!?–—-]+$")

COORDINATED_GIVEN = re.compile(r"(?<![\w'’.-])([A-ZÀ-Ý][a-zà-ÿ'’-]+) (?:and|&|et) $")
"""A capitalised word and a conjunction right before a person's name ("Rebecca and Tom Hale")."""

NameMatcher = Callable[[str, str, str], bool]
"""`same(mention, full_name, lang)`: True when a one-word mention spells the surname of `full_name` differently."""


def same_surname(mention: str, full_name: str, lang: str) -> bool:
    """True when a one-word mention and a full name of the same article normalise to the same surname.

    Uses the JRC-Names-style cascade of `nlp.names` (transliteration, the article language's
    spelling rules): in a French article "Choïgou" and "Sergei Shoigu" both give "shoigu". Only
    identical normalised forms count: near misses ("Blinkin") need the context checks of the
    entity registry, not a within-article guess.
    """
    from . import names

    a = names.normalise(mention, lang=lang, label="PER")
    b = names.normalise(full_name, lang=lang, label="PER")
    return names.compare(a, b).tier == "identical"


def regnal_name(name: str, full: str) -> bool:
    """Whether `full` is `name` with a regnal number ("Élisabeth" -> "Élisabeth II"), or `name` itself."""
    return full == name or re.fullmatch(re.escape(name) + r"\s+[IVXL]+(?:er)?", full) is not None


class FullNames:
    """Within-article name resolution; expects `lang`, `rules`, `fixes` and `same_name` on the instance."""

    lang: str
    rules: Rules
    fixes: frozenset[str]
    same_name: NameMatcher | None

    def _resolve(self, text: str, ents: list[_Ent]) -> list[_Ent]:
        """Give each person mention its full name from the article ("Kirby", "M. Poutine" → the full name)."""
        ents.sort(key=lambda e: (e.start, e.end))
        full: list[tuple[int, tuple[str, ...], str]] = []  # (position, folded tokens, name)
        for e in ents:
            if e.label == "PER":
                name = _clean_name(text[e.start : e.end])
                tokens = _name_tokens(name)
                if len(tokens) >= 2:
                    full.append((e.start, tokens, name))
        if "surname" in self.fixes and full:
            full += self._coordinated_given(text, ents, full)
            full.sort(key=lambda f: f[0])
            ents = self._surname_mentions(text, ents, full)
        bare: dict[tuple[str, ...], str] = {}  # the full name each lone surname stood for last
        for e in ents:
            if e.label != "PER":
                continue
            name = _clean_name(text[e.start : e.end])
            tokens = _name_tokens(name)
            e.attrs["name"] = self._full_name(e.start, tokens, name, full) if len(tokens) == 1 else name
            if not regnal_name(name, e.attrs["name"]) and norm(e.attrs.get("role") or "") in self.rules.reigns:
                e.attrs["name"] = name  # "le pape François" is not "François Roux"
            if len(tokens) == 1 and e.attrs["name"] != name:
                # "David Stern … Stern said … his wife, Dianne Brock Stern … Stern told": the same Stern
                e.attrs["name"] = bare.setdefault(tokens, e.attrs["name"])
            if (
                "locative" in self.fixes
                and len(tokens) == 1
                and e.attrs["name"] == name
                and e.source == "model"
                and not e.attrs.get("role")
                and self._after_locative(text, e.start)
            ):
                e.label = "LOC"
                e.source = "rule"
                del e.attrs["name"]
        return ents

    def _after_locative(self, text: str, start: int) -> bool:
        """True when the word before `start` is a locative preposition ("à", "in")."""
        before = text[max(0, start - 12) : start].rstrip()
        word = re.split(r"[\s'’]", before)[-1] if before else ""
        return norm(word) in self.rules.locatives

    def _full_name(self, pos: int, tokens: tuple[str, ...], name: str, full: list) -> str:
        earlier = [f for f in full if f[0] < pos]
        later = [f for f in full if f[0] > pos]
        for group in (reversed(earlier), later):
            for _pos, ftoks, fname in group:
                if tokens[0] == ftoks[-1] or tokens[0] == ftoks[0]:
                    return fname
        if self.same_name is not None:
            for group in (reversed(earlier), later):
                for _pos, _ftoks, fname in group:
                    if self.same_name(name, fname, self.lang):
                        return fname
        return name

    def _coordinated_given(self, text: str, ents: list[_Ent], full: list) -> list[tuple[int, tuple[str, ...], str]]:
        """ "Rebecca and Tom Hale": a lone given name coordinated with a "Given Surname" person shares the
        surname. The first word must not be a surname or given name of someone else in the article (then
        "Biden and Kamala Harris" is two people), nor a title or a place."""
        out = []
        surnames = {f[1][-1] for f in full}
        givens = {f[1][0] for f in full}
        for pos, ftoks, fname in full:
            if len(ftoks) != 2 or len(fname.split()) != 2:
                continue
            m = COORDINATED_GIVEN.search(text, max(0, pos - 40), pos)
            if m is None:
                continue
            word = m.group(1)
            key = _name_tokens(word)[0]
            if (
                key in surnames
                or key in givens
                or word in self.rules.honorifics
                or self.rules.gazetteer.lookup(word) is not None
                or word in self.rules.stopnames
                or any(e.label in ("ORG", "PER") and e.start < m.start(1) < e.end for e in ents)
            ):
                continue
            given = _Ent(start=m.start(1), end=m.end(1), label="PER", source="rule")
            ents[:] = [e for e in ents if not (e.start == given.start and e.end == given.end)] + [given]
            out.append((pos - 1, (key, ftoks[-1]), f"{word} {fname.split()[-1]}"))  # before the named one
        return out

    def _surname_mentions(self, text: str, ents: list[_Ent], full: list) -> list[_Ent]:
        """Single-word spans (and uncovered words) that spell a named person's surname are that person, and
        so are single-word spans the model took for a place or a thing that repeat the given name of a
        person named before them ("Sean Baxter … Sean weighed in"), unless the word names a known place."""
        surnames = {ftoks[-1] for _p, ftoks, _n in full if len(ftoks[-1]) > 2}
        for e in ents:
            if e.label in ("LOC", "ORG", "MISC") and e.source == "model" and "country" not in e.attrs:
                tokens = _name_tokens(text[e.start : e.end])
                given = (
                    GIVEN_NAME.fullmatch(text[e.start : e.end]) is not None
                    and any(p < e.start and ftoks[0] == tokens[0] for p, ftoks, _n in full)
                    and self.rules.gazetteer.lookup(text[e.start : e.end]) is None
                )
                if len(tokens) == 1 and tokens[0] in surnames or given:
                    e.label, e.source = "PER", "rule"
        covered = [(e.start, e.end) for e in ents]
        for surname_written in {n.split()[-1] for _p, _t, n in full if len(n.split()[-1]) > 2}:
            pattern = re.compile(rf"(?<![\w-]){re.escape(surname_written)}(?![\w-])")
            for m in pattern.finditer(text):  # a headline may give the surname before the full name
                if any(a < m.end() and m.start() < b for a, b in covered):
                    continue
                ents.append(_Ent(start=m.start(), end=m.end(), label="PER", source="rule"))
        ents.sort(key=lambda e: (e.start, e.end))
        return ents


def _clean_name(text: str) -> str:
    """A mention as a name: single spaces, no surrounding punctuation."""
    return " ".join(_PUNCT_EDGE.sub("", text).split())


def _name_tokens(name: str) -> tuple[str, ...]:
    """Accent- and case-folded words of a name, for comparing mentions."""
    return tuple(t for t in re.split(r"[\s]+", fold(name)) if t)
