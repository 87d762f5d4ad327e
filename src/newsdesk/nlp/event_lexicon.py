"""The event tables: CAMEO codes with their PLOVER type (`lexicons/events/cameo.tsv`), verb patterns
(`verbs_<lang>.tsv`), sector words (`sectors_<lang>.tsv`) and the actor dictionary (`actors.tsv`: names of
people and organisations with their CAMEO actor codes over time).

A verb pattern is (lemma, with, cameo): `with` is None or a word that must be a dependent of the verb
(particle, preposition, reflexive pronoun or the lemma of the object head: "call for", "impose sanction").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from .. import lexicons
from ..errors import ModelError
from ..text import fold

KIND = "events"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The 16 PLOVER event types, in the order of the PLOVER manual (verbal and material cooperation, then conflict)."""
CAMEO_TO_ISO = {
    "JAP": "JPN",  # Japan (PLOVER gold)
    "ITL": "ITA",  # Italy (PLOVER gold)
    "VTN": "VNM",  # Vietnam (PLOVER gold)
    "ROM": "ROU",  # Romania (CAMEO manual; the Phoenix dictionary already has ROU)
    "KSV": "XKX",  # Kosovo: World Bank code in the Phoenix dictionary; XKX is the user-assigned ISO code in use
    "KOS": "XKX",
}
"""The CAMEO country codes that are not ISO 3166 alpha-3 (all others are)."""
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "ISM", "UIS"})
"""CAMEO actor types above countries: intergovernmental and non-governmental organisations, companies, …"""
ACTOR_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sen", "senator", "rep", "gen", "lt",
        "col", "maj", "capt", "adm", "president-elect", "former", "the", "le", "la", "les", "l'", "m", "mme",
    }
)  # fmt: skip
"""Words cut from the start of a name besides the titles of `lexicons/titles` ("Mr. Obama", "the UN")."""


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


@dataclass(frozen=True, slots=True)
class ActorSegment:
    """One coding of a named actor: ISO3 country, sector (GOV, ELI, … or IGO/NGO/MNC), organisation code
    ("IGOUNO") and the days it holds, as YYYYMMDD integers (None: open)."""

    country: str | None
    sector: str | None
    org: str | None
    start: int | None
    end: int | None


@cache
def _is_country(code: str) -> bool:
    import pycountry

    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def country_of(code: str | None) -> str | None:
    """ISO 3166 alpha-3 of a CAMEO actor code's country part ("JAP" → JPN, "USAGOV" → USA), or None."""
    head = (code or "")[:3].upper()
    head = CAMEO_TO_ISO.get(head, head)
    return head if len(head) == 3 and head.isalpha() and _is_country(head) else None


def actor_key(name: str) -> str:
    """Matching key of an actor name: no case, accents or full stops, single spaces ("U.N." → "un")."""
    return " ".join(fold(name).replace(".", "").replace("_", " ").split())


@lru_cache(maxsize=1)
def actor_table() -> dict[str, tuple[ActorSegment, ...]]:
    """actors.tsv by name key: name, then segments `country:sector:org:start:end` (empty fields: none)."""
    out: dict[str, tuple[ActorSegment, ...]] = {}
    for name, *cells in lexicons.rows(KIND, "actors"):
        segments = []
        for cell in cells:
            country, sector, org, start, end = (v or None for v in cell.split(":"))
            segments.append(ActorSegment(country, sector, org, start and int(start), end and int(end)))
        out[name] = tuple(segments)
    return out


@lru_cache(maxsize=1)
def actor_titles() -> frozenset[str]:
    """Title and honorific keys of every language of `lexicons/titles`, with `ACTOR_TITLES`."""
    keys = set(ACTOR_TITLES)
    for lang in lexicons.languages("titles"):
        keys.update(actor_key(p) for p, kind, *_ in lexicons.rows("titles", lang) if kind in ("title", "honorific"))
    return frozenset(keys)


def without_titles(key: str) -> str:
    """An actor key without the titles it starts with ("us president barack obama" → "barack obama";
    a country word counts as part of the title that follows it)."""
    titles = actor_titles()
    words = key.split()
    while words:
        for n in range(min(4, len(words) - 1), 0, -1):
            head = " ".join(words[:n])
            if head in titles or (n > 1 and " ".join(words[1:n]) in titles and country_word(words[0])):
                words = words[n:]
                break
        else:
            break
    return " ".join(words)


@lru_cache(maxsize=4096)
def country_word(word: str) -> bool:
    """A country name or nationality word in English or French ("us", "russian", "russe")."""
    from .places import gazetteer

    return any(g.demonym(word) or g.lookup(word) for g in (gazetteer("en"), gazetteer("fr")))


@lru_cache(maxsize=1)
def _variant_index() -> dict[str, tuple[ActorSegment, ...]]:
    """The actor table by normalised name (`names.normalise`: "Sergei Shoigu" and "Sergey Shoygu" are one
    name); a normalised name shared by differently coded names is left out."""
    from .names import normalise

    found: dict[str, set[tuple[ActorSegment, ...]]] = {}
    for key, segments in actor_table().items():
        found.setdefault(normalise(key).key, set()).add(segments)
    return {k: next(iter(v)) for k, v in found.items() if k and len(v) == 1}


def actor_segments(name: str, *, lang: str | None = None) -> tuple[ActorSegment, ...]:
    """The actor table's codings of a name: the full name first, then without its titles, then a spelling
    variant of it (`names.normalise` with the spelling rules of `lang`: "Vladimir Poutine"); empty when unknown."""
    from .names import normalise

    table = actor_table()
    key = actor_key(name)
    bare = without_titles(key)
    found = table.get(key) or table.get(bare)
    if found or not bare:
        return found or ()
    index = _variant_index()
    return next((index[f.norm] for f in normalise(bare, lang=lang).forms if f.norm in index), ())


def actor_codes(
    name: str, *, on: date | None = None, lang: str | None = None
) -> tuple[str | None, str | None] | None:
    """(country, sector) of a named person or organisation from the actor table, or None when unknown.

    With a date, the coding valid on that day (else the one without dates; else the country of the nearest
    one, without sector: a minister out of office keeps a nationality); without, the most recent coding.
    `lang`: the language the name is written in, for its spelling variants."""
    segments = actor_segments(name, lang=lang)
    if not segments:
        return None
    seg = _segment_on(segments, on)
    return (seg.country, seg.sector) if seg.country or seg.sector else None


def _segment_on(segments: tuple[ActorSegment, ...], on: date | None) -> ActorSegment:
    dated = [s for s in segments if s.start is not None or s.end is not None]
    undated = [s for s in segments if s.start is None and s.end is None]
    if on is None:
        if not dated:
            return undated[0]
        return max(dated, key=lambda s: (s.end or 99999999, s.start or 0))
    day = on.year * 10000 + on.month * 100 + on.day
    valid = [s for s in dated if (s.start or 0) <= day <= (s.end or 99999999)]
    if valid:
        return max(valid, key=lambda s: s.start or 0)
    if undated:
        return undated[0]
    nearest = min(dated, key=lambda s: (s.start or day) - day if day < (s.start or day) else day - (s.end or day))
    return ActorSegment(nearest.country, None, nearest.org, None, None)


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
