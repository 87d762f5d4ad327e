"""Countries, capitals and seats of government → ISO 3166 alpha-3, in every supported language.

Country names come from the CLDR territory names that babel ships for each locale ("Corée du
Nord", "North Korea", "Nordkorea", "Corea del Norte" → PRK), converted with pycountry, plus
`lexicons/countries/<lang>.tsv` for common forms CLDR lacks ("Etats-Unis", "U.S."). Capitals and
seats of government ("Moscou", "Kremlin", "la Maison Blanche") come from
`lexicons/capitals/<lang>.tsv` and nationality adjectives from `lexicons/demonyms/<lang>.tsv`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from ..text import fold, tidy

KINDS = ("country", "capital", "seat")


def norm(text: str) -> str:
    """Matching key for a name: NFC, casefolded, straight apostrophes, single spaces (`fold` also drops accents)."""
    return tidy(unicodedata.normalize("NFC", text)).casefold()


@dataclass(frozen=True, slots=True)
class Place:
    """A known place name: its country code and whether it names a country, a capital or a seat."""

    name: str
    iso3: str
    kind: str


class Gazetteer:
    """Country, capital and seat names plus nationality adjectives for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.places: dict[str, Place] = {}
        self.demonyms: dict[str, str] = {}
        self.determiners: frozenset[str] = frozenset(
            norm(word) for word, kind, *_ in lexicons.rows("grammar", lang) if kind == "determiner"
        )
        for name, iso3 in _cldr_countries(lang):
            self._add(name, iso3, "country")
        for name, iso3, *_ in lexicons.rows("countries", lang):
            self._add(name, iso3, "country")
        for name, iso3, kind, *_ in lexicons.rows("capitals", lang):
            self._add(name, iso3, kind)
        for iso3, forms, *_ in lexicons.rows("demonyms", lang):
            for form in forms.split("|"):
                self.demonyms.setdefault(norm(form), iso3)

    def _add(self, name: str, iso3: str, kind: str) -> None:
        place = Place(name=name, iso3=iso3, kind=kind)
        for key in {norm(name), fold(name)}:
            # a country name wins over a capital of the same spelling ("Mexico", "Djibouti")
            if key not in self.places or kind == "country":
                self.places[key] = place

    def lookup(self, text: str) -> Place | None:
        """The place a name refers to ("la Corée du Nord" → PRK country), or None."""
        key = self._strip_determiner(norm(text))
        return self.places.get(key) or self.places.get(fold(key))

    def demonym(self, word: str) -> str | None:
        """ISO3 of a nationality adjective or demonym ("russe", "Chinese", "russische"), or None."""
        return self.demonyms.get(norm(word))

    def names(self) -> list[tuple[str, Place]]:
        """Every (name as written in the lexicon, place) pair, for phrase matching."""
        seen: dict[str, Place] = {}
        for place in self.places.values():
            seen.setdefault(place.name, place)
        return sorted(seen.items())

    def _strip_determiner(self, key: str) -> str:
        first, _, rest = key.partition(" ")
        if rest and first in self.determiners:
            return rest
        for det in self.determiners:
            if det.endswith("'") and key.startswith(det) and len(key) > len(det):
                return key[len(det) :]
        return key


@lru_cache(maxsize=32)
def gazetteer(lang: str) -> Gazetteer:
    """The gazetteer for `lang`, built once per process."""
    return Gazetteer(lang)


def country_code(name: str, lang: str | None = None) -> str | None:
    """ISO3 of a country name in `lang` (or, when None or not found, in any supported language)."""
    langs = [lang] if lang else []
    langs += [x for x in supported_languages() if x != lang]
    for code in langs:
        place = gazetteer(code).lookup(name)
        if place and place.kind == "country":
            return place.iso3
    return None


def government_of(name: str, lang: str) -> str | None:
    """ISO3 whose government a capital or seat name stands for ("Kremlin" → RUS), or None."""
    place = gazetteer(lang).lookup(name)
    return place.iso3 if place and place.kind in ("capital", "seat") else None


def supported_languages() -> list[str]:
    """Languages with a demonym lexicon (country names come from CLDR for all of them)."""
    return lexicons.languages("demonyms")


@lru_cache(maxsize=32)
def _cldr_countries(lang: str) -> tuple[tuple[str, str], ...]:
    """(name, iso3) for every country CLDR names in `lang`; English also gets pycountry's names."""
    import pycountry
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        territories = {}
    out: list[tuple[str, str]] = []
    for code, name in territories.items():
        if not (len(code) == 2 and code.isalpha()):
            continue
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        for part in _name_variants(name):
            out.append((part, country.alpha_3))
    if lang == "en":
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    out.append((value, country.alpha_3))
    return tuple(out)


def _name_variants(name: str) -> list[str]:
    """ "Myanmar (Birmanie)" → ["Myanmar", "Birmanie"]; "Congo - Kinshasa" → ["Congo-Kinshasa"]."""
    name = name.replace(" - ", "-")
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if match:
        return [match.group(1), match.group(2)]
    return [name]
