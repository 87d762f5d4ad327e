"""The event tables: CAMEO codes with their PLOVER type (`lexicons/events/cameo.tsv`), verb patterns
(`verbs_<lang>.tsv`) and sector words (`sectors_<lang>.tsv`).

A verb pattern is (lemma, with, cameo): `with` is None or a word that must be a dependent of the verb
(particle, preposition, reflexive pronoun or the lemma of the object head: "call for", "impose sanction").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from ..errors import ModelError

KIND = "events"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The 16 PLOVER event types, in the order of the PLOVER manual (verbal and material cooperation, then conflict)."""


@dataclass(frozen=True, slots=True)
class Code:
    """One CAMEO event code and its PLOVER coding."""

    code: str
    name: str
    plover: str | None
    mode: str | None
    quad: str | None
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: the verb lemma, an optional required dependent, the CAMEO code."""

    lemma: str
    with_: str | None
    cameo: str


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The verb patterns and sector words of one language."""

    lang: str
    patterns: dict[str, tuple[Pattern, ...]]
    sectors: dict[str, str]

    def match(self, lemma: str, dependents: set[str]) -> Pattern | None:
        """The pattern for a verb with these dependent words: the first whose `with` word is among them,
        else the pattern without one, else None."""
        candidates = self.patterns.get(lemma.casefold())
        if not candidates:
            return None
        general = None
        for pattern in candidates:
            if pattern.with_ is None:
                general = general or pattern
            elif pattern.with_ in dependents:
                return pattern
        return general


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, Code]:
    """Every CAMEO code of cameo.tsv by code."""
    out: dict[str, Code] = {}
    for row in lexicons.rows(KIND, "cameo"):
        code, name, plover, mode, quad, goldstein = (list(row) + [""] * 6)[:6]
        out[code] = Code(
            code=code,
            name=name,
            plover=plover or None,
            mode=mode or None,
            quad=quad or None,
            goldstein=float(goldstein) if goldstein else None,
        )
    return out


@lru_cache(maxsize=16)
def load_event_lexicon(lang: str) -> EventLexicon:
    """The event lexicon of `lang`; ModelError when the language has no verb patterns."""
    rows = lexicons.rows(KIND, f"verbs_{lang}")
    if not rows:
        raise ModelError(f"no event verb patterns for language {lang!r} (lexicons/events/verbs_{lang}.tsv)")
    codes = cameo_codes()
    patterns: dict[str, list[Pattern]] = {}
    for lemma, with_, cameo, *_ in rows:
        if cameo not in codes:
            raise ModelError(f"verbs_{lang}.tsv: unknown CAMEO code {cameo!r} for {lemma!r}")
        key = lemma.casefold()
        patterns.setdefault(key, []).append(Pattern(key, None if with_ == "-" else with_.casefold(), cameo))
    sectors = {word.casefold(): code for word, code, *_ in lexicons.rows(KIND, f"sectors_{lang}")}
    return EventLexicon(lang, {k: tuple(v) for k, v in patterns.items()}, sectors)


def event_languages() -> list[str]:
    """Languages with event verb patterns."""
    return sorted(p.stem.removeprefix("verbs_") for p in (lexicons.ROOT / KIND).glob("verbs_*.tsv"))


@lru_cache(maxsize=16)
def load_noun_lexicon(lang: str) -> EventLexicon:
    """The event nouns of `lang` (`nouns_<lang>.tsv`, same columns as the verb patterns) with the language's
    sector words; no patterns when the language has no noun file."""
    codes = cameo_codes()
    patterns: dict[str, list[Pattern]] = {}
    for lemma, with_, cameo, *_ in lexicons.rows(KIND, f"nouns_{lang}"):
        if cameo not in codes:
            raise ModelError(f"nouns_{lang}.tsv: unknown CAMEO code {cameo!r} for {lemma!r}")
        key = lemma.casefold()
        patterns.setdefault(key, []).append(Pattern(key, None if with_ == "-" else with_.casefold(), cameo))
    sectors = load_event_lexicon(lang).sectors if patterns else {}
    return EventLexicon(lang, {k: tuple(v) for k, v in patterns.items()}, sectors)
