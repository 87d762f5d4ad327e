"""Trigger-word rules for entity recognition, driven by per-language lexicons.

In the spirit of JRC-Names, a name next to a trigger is a person ("le ministre russe de la
Défense, Sergei Shoigu"; "der russische Verteidigungsminister Sergej Schoigu"), and the trigger
gives its role and country. Other rules find organisations after a head noun ("le groupe
Wagner"), state bodies ("l'armée syrienne"), names after a courtesy title ("M. Poutine"),
photo credits ("Photo AP/Evan Vucci") and the country, capital and seat names of the gazetteer.

The rules read tokens from any spaCy `Doc` (a full model or a tokenizer-only blank pipeline),
so languages without a model get entities from their lexicon files alone:
`lexicons/titles/<lang>.tsv`, `grammar/<lang>.tsv`, `demonyms/`, `countries/`, `capitals/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .. import lexicons
from .places import Gazetteer, Place, gazetteer, norm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

T = TypeVar("T")

MAX_NAME_TOKENS = 5
"""Longest run of capitalised tokens taken as one name."""

MAX_COMPLEMENT_TOKENS = 12
"""Longest role complement between a title and the comma before the name."""

RULE_FAMILIES = frozenset(
    {"title", "honorific", "org_head", "institution", "known_org", "org_lexicon", "place", "credit"}
)
"""The rules: persons after a title, persons after a courtesy title, organisations after a head noun,
state bodies (institution + nationality adjective), well-known organisations (lexicons/orgs/<lang>),
the language-independent organisation gazetteer (lexicons/orgs/intl: IGOs, NGOs, companies),
country/capital/seat names, photo credits."""

PERSON_TYPES = frozenset({"PER", "PERSON"})
"""Model entity labels of people (WikiNER, OntoNotes)."""

INTL = "intl"
"""Pseudo-language of the organisation gazetteer shared by every language (lexicons/orgs/intl.tsv)."""

_FUNCTION_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "de", "du", "des", "la", "le", "les", "et", "d'", "l'"}
)
"""Words left in lower case inside an organisation name ("Bank of America", "Banque de France")."""

_NAME_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ben|bin|ibn|ould|abu|abou|ut|ul)-[^\W\d_]", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """An entity found by a rule: character offsets, label, the rule that fired and its attributes."""

    start: int
    end: int
    label: str
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict)
    trigger: tuple[int, int] | None = None
    """Character extent of the trigger phrase itself ("secrétaire d'État"), when a title fired."""


class PhraseIndex(Generic[T]):
    """Longest-match lookup of multi-token phrases over a token sequence."""

    def __init__(self, tokenize: Callable[[str], list[str]], items: Iterable[tuple[str, T]]) -> None:
        self.phrases: dict[tuple[str, ...], tuple[str, T]] = {}
        self.first: dict[str, int] = {}  # first token -> longest phrase starting with it
        for phrase, value in items:
            key = tuple(norm(t) for t in tokenize(phrase) if t.strip())
            if key and key not in self.phrases:
                self.phrases[key] = (phrase, value)
                self.first[key[0]] = max(self.first.get(key[0], 0), len(key))

    def match(self, keys: list[str], i: int) -> tuple[int, str, T] | None:
        """(end index, phrase as listed, value) of the longest phrase starting at token `i`."""
        longest = self.first.get(keys[i])
        if longest is None:
            return None
        for length in range(min(longest, len(keys) - i), 0, -1):
            hit = self.phrases.get(tuple(keys[i : i + length]))
            if hit is not None:
                return i + length, hit[0], hit[1]
        return None


class Rules:
    """The trigger-word rules of one language, bound to a tokenizer for its multi-word phrases."""

    def __init__(self, lang: str, tokenize: Callable[[str], list[str]]) -> None:
        self.lang = lang
        self.gazetteer: Gazetteer = gazetteer(lang)
        titles = lexicons.rows("titles", lang)
        grammar = lexicons.rows("grammar", lang)
        self.titles = PhraseIndex(tokenize, ((p, k) for p, k, *_ in titles if k == "title"))
        self.honorifics = frozenset(p for p, k, *_ in titles if k == "honorific")
        self.honorific_keys = frozenset(norm(p) for p in self.honorifics)
        self.org_heads = frozenset(p for p, k, *_ in titles if k == "org_head")
        self.institutions = frozenset(norm(p) for p, k, *_ in titles if k == "institution")
        self.domain = frozenset(norm(p) for p, k, *_ in titles if k == "domain")
        self.org_words = frozenset(norm(p) for p, k, *_ in titles if k == "org_word")
        self.credits = tuple(p for p, k, *_ in titles if k == "credit")
        self.reigns = frozenset(norm(p) for p, k, *_ in titles if k == "reign")
        self.determiners = frozenset(norm(w) for w, k, *_ in grammar if k == "determiner")
        self.complements = frozenset(norm(w) for w, k, *_ in grammar if k == "complement")
        self.particles = frozenset(norm(w) for w, k, *_ in grammar if k == "particle")
        self.locatives = frozenset(norm(w) for w, k, *_ in grammar if k == "locative")
        self.places: PhraseIndex[Place] = PhraseIndex(tokenize, self.gazetteer.names())
        self.known_orgs: PhraseIndex[str] = PhraseIndex(
            tokenize, ((row[0], "ORG") for row in lexicons.rows("orgs", lang))
        )
        self.intl_orgs: PhraseIndex[str] = PhraseIndex(
            tokenize, ((row[0], "ORG") for row in lexicons.rows("orgs", INTL))
        )
        self.stopnames = frozenset(row[0] for row in lexicons.rows("stopnames", lang, "txt"))
        self.has_lexicons = bool(titles)
        self._credit_re = _credit_pattern(self.credits) if self.credits else None

    # -- token predicates -------------------------------------------------------------------------

    def is_title_start(self, keys: list[str], i: int) -> bool:
        return self.titles.match(keys, i) is not None

    def demonym(self, key: str) -> str | None:
        return self.gazetteer.demonym(key)

    def is_name_token(self, tok: Token, key: str) -> bool:
        """A capitalised word that can be part of a name (not a title, courtesy title or article)."""
        text = tok.text
        if _NAME_PREFIX.match(text):
            return True  # "el-Assad", "al-Nimr"
        if not text[:1].isupper() or not any(c.isalpha() for c in text):
            return False
        if key in self.honorific_keys or key in self.determiners or key in self.complements:
            return False
        if text.isupper() and len(text) > 1 and not text.endswith("."):
            return False  # acronyms and shouted datelines ("WASHINGTON (AP)") are not personal names
        return not (key in self.domain or self.demonym(key))

    def name_run(self, doc: Doc, keys: list[str], i: int) -> int:
        """End index of the run of name tokens starting at `i` (== i when there is none)."""
        j = i
        while j < len(doc) and j - i < MAX_NAME_TOKENS:
            tok = doc[j]
            if self.is_name_token(tok, keys[j]) and not self.is_title_start(keys, j):
                j += 1
                continue
            # a hyphen inside a name the tokenizer split ("Park Geun - hye" written "Geun-hye")
            if (
                j > i
                and tok.text == "-"
                and not doc[j - 1].whitespace_
                and not tok.whitespace_
                and j + 1 < len(doc)
                and doc[j + 1].is_alpha
            ):
                j += 2
                continue
            # a particle inside a name ("Charles de Gaulle", "Osama bin Laden")
            if j > i and keys[j] in self.particles and j + 1 < len(doc) and self.is_name_token(doc[j + 1], keys[j + 1]):
                j += 1
                continue
            break
        return j

    # -- rules ------------------------------------------------------------------------------------

    def find(self, doc: Doc, *, families: frozenset[str] = RULE_FAMILIES, text: str | None = None) -> list[Candidate]:
        """Every candidate the rule `families` find in `doc` (whose text is `text`), in text order."""
        text = doc.text if text is None else text
        keys = [norm(t.text) for t in doc]
        out: list[Candidate] = []
        if "title" in families:
            out += self._persons(doc, keys)
        persons = [(c.start, c.end) for c in out]
        if "honorific" in families:
            out += self._honorific_names(doc, keys)
        if "org_head" in families or "institution" in families:
            out += [
                c
                for c in self._organisations(doc, keys)
                if c.rule in families and not any(a < c.end and c.start < b for a, b in persons)
            ]
        if "known_org" in families:
            out += self._known_orgs(doc, keys, text)
        if "org_lexicon" in families:
            out += self._lexicon_orgs(doc, keys, text)
        if "place" in families:
            out += self._places(doc, keys, text)
        if "credit" in families:
            out += self._credits(text)
        out.sort(key=lambda c: (c.start, -c.end))
        return out

    def _persons(self, doc: Doc, keys: list[str]) -> list[Candidate]:
        out = []
        n = len(doc)
        i = 0
        while i < n:
            hit = self.titles.match(keys, i)
            if hit is None:
                i += 1
                continue
            title_end = hit[0]
            if self._opens_org_name(doc, keys, i, title_end):
                i += 1  # the model's organisation or place name starts with the title word ("General Motors")
                continue
            country: str | None = None
            begin = i
            # before the title: nationality and office words ("Russian Defence Minister", "der russische Sprecher")
            k = i - 1
            while k >= 0 and (self.demonym(keys[k]) or keys[k] in self.domain):
                country = country or self.demonym(keys[k])
                if not self.demonym(keys[k]):
                    begin = k
                k -= 1
            found = self._name_after_title(doc, keys, title_end)
            if found is None:
                i += 1
                continue
            role_end, name_start, name_end, after_country = found
            country = after_country or country
            role = _join(doc, begin, role_end, skip=lambda j: self.demonym(keys[j]) is not None)
            out.append(
                Candidate(
                    start=doc[name_start].idx,
                    end=doc[name_end - 1].idx + len(doc[name_end - 1].text),
                    label="PER",
                    rule="title",
                    attrs={"role": role, "country": country},
                    trigger=(doc[i].idx, _end(doc, title_end)),
                )
            )
            i = name_end
        return out

    def _opens_org_name(self, doc: Doc, keys: list[str], i: int, title_end: int) -> bool:
        """The title at i..title_end opens a non-person entity of the model that is an organisation's name:
        one more word ("General Dynamics") or a last word such as "Corporation" ("General Motors
        Corporation"), not a person's name the model mislabelled ("Spokeswoman Ann Lee")."""
        last = _entity_end(doc, i)
        if last < title_end:
            return False
        return last == title_end or keys[last] in self.org_words or doc[last].text in self.org_heads

    def _name_after_title(self, doc: Doc, keys: list[str], j: int) -> tuple[int, int, int, str | None] | None:
        """After a title ending at `j`: (role end, name start, name end, country) or None."""
        n = len(doc)
        country = None
        while j < n and self.demonym(keys[j]) and not doc[j].text[:1].isupper():
            country = country or self.demonym(keys[j])
            j += 1
        role_end = j
        # "Le président russe Vladimir Poutine", "Le dirigeant chinois Xi Jinping"
        end = self.name_run(doc, keys, j)
        if end > j:
            return role_end, j, end, country
        if j >= n or keys[j] not in self.complements:
            return None
        # a complement: "de la Défense", "du Conseil de sécurité nationale de la Maison Blanche"
        k = j
        while k < n and k - j < MAX_COMPLEMENT_TOKENS:
            tok = doc[k]
            if tok.text == ",":
                end = self.name_run(doc, keys, k + 1)
                if end > k + 1:
                    return k, k + 1, end, country or self._country_in(keys, j, k)
                return None
            if tok.is_punct and tok.text not in ("'", "’", "-"):
                return None
            if k > j and tok.is_lower and tok.is_alpha and keys[k] not in self.complements and k + 1 < n:
                # a name right after the complement's last word: "chef de l'organisation Ayman al-Zawahiri"
                end = self.name_run(doc, keys, k + 1)
                if end - (k + 1) >= 2:
                    return k + 1, k + 1, end, country or self._country_in(keys, j, k + 1)
            closed = keys[k] in self.domain or (
                tok.text[:1].isupper() and k > j and (keys[k - 1] in self.complements or keys[k - 1] in self.domain)
            )
            if closed and k + 1 < n:
                # a name right after an office word: "ministre de la Défense Sergei Shoigu"; an office
                # name the model found as one entity runs to its end ("of the United States Barack Obama")
                last = _entity_end(doc, k)
                end = self.name_run(doc, keys, last + 1)
                if end > last + 1 and end - (last + 1) >= 2:
                    return last + 1, last + 1, end, country or self._country_in(keys, j, last + 1)
            if (
                not tok.text[:1].isupper()
                and not tok.is_alpha
                and tok.text not in ("'", "’", "-")
                and "'" not in tok.text
            ):
                return None
            k += 1
        return None

    def _country_in(self, keys: list[str], a: int, b: int) -> str | None:
        for k in range(a, b):
            code = self.demonym(keys[k])
            if code:
                return code
        return None

    def _honorific_names(self, doc: Doc, keys: list[str]) -> list[Candidate]:
        out = []
        for i, tok in enumerate(doc):
            if tok.text not in self.honorifics:
                continue
            end = self.name_run(doc, keys, i + 1)
            if end > i + 1:
                out.append(Candidate(start=doc[i + 1].idx, end=_end(doc, end), label="PER", rule="honorific"))
        return out

    def _organisations(self, doc: Doc, keys: list[str]) -> list[Candidate]:
        out = []
        n = len(doc)
        for i, tok in enumerate(doc):
            key = keys[i]
            if tok.text in self.org_heads:  # as listed: "groupe" in French, "Söldnergruppe" in German
                end = self.name_run(doc, keys, i + 1)
                if end > i + 1 and not self.places.match(keys, i + 1):
                    out.append(Candidate(start=doc[i + 1].idx, end=_end(doc, end), label="ORG", rule="org_head"))
            elif key in self.institutions and i + 1 < n:
                code = self.demonym(keys[i + 1])
                if code and doc[i + 1].text[:1].islower():
                    out.append(
                        Candidate(
                            start=tok.idx,
                            end=_end(doc, i + 2),
                            label="ORG",
                            rule="institution",
                            attrs={"country": code},
                        )
                    )
        return out

    def _known_orgs(self, doc: Doc, keys: list[str], text: str) -> list[Candidate]:
        out = []
        i = 0
        while i < len(doc):
            hit = self.known_orgs.match(keys, i)
            if hit is None:
                i += 1
                continue
            end, phrase, _label = hit
            written = text[doc[i].idx : _end(doc, end)]
            continues = end < len(doc) and doc[end].text[:1].isupper() and doc[end - 1].whitespace_ != ""
            capitals = [w for w in phrase.split() if w[:1].isupper()]
            if (
                (phrase.isupper() and written != phrase)
                or not (written[:1].isupper() or phrase[:1].islower())
                or len([w for w in written.split() if w[:1].isupper()]) < len(capitals)  # "Le monde entier"
                or continues  # "Consejo de Seguridad Nacional" is another body than "Consejo de Seguridad"
            ):
                i += 1
                continue
            out.append(Candidate(start=doc[i].idx, end=_end(doc, end), label="ORG", rule="known_org"))
            i = end
        return out

    def _lexicon_orgs(self, doc: Doc, keys: list[str], text: str) -> list[Candidate]:
        """Names of the organisation gazetteer written as names: every content word capitalised.

        A one-word hit ("Disney", "Oracle") is rule "org_word_lexicon": it only relabels a name the
        model found with exactly that extent, as a one-word company name is often also a common
        word, a surname or a place. Longer hits ("Bank of America") are rule "org_lexicon".
        """
        out = []
        i = 0
        while i < len(doc):
            hit = self.intl_orgs.match(keys, i)
            if hit is None:
                i += 1
                continue
            end, phrase = hit[0], hit[1]
            words = [t.text for t in doc[i:end] if t.text[:1].isalpha() and norm(t.text) not in _FUNCTION_WORDS]
            acronyms = [w for w in phrase.split() if w.isupper()]
            if not words or not all(w[:1].isupper() for w in words) or any(w not in words for w in acronyms):
                i += 1
                continue
            continues = end < len(doc) and doc[end].text[:1].isupper() and doc[end - 1].whitespace_ != ""
            if not continues:
                last = max(j for j in range(i, end) if doc[j].text[:1].isalnum())  # "Yahoo!" ends a sentence
                rule = "org_lexicon" if len(words) > 1 else "org_word_lexicon"
                out.append(Candidate(start=doc[i].idx, end=_end(doc, last + 1), label="ORG", rule=rule))
            i = end
        return out

    def _places(self, doc: Doc, keys: list[str], text: str) -> list[Candidate]:
        out = []
        i = 0
        n = len(doc)
        while i < n:
            hit = self.places.match(keys, i)
            if hit is None:
                i += 1
                continue
            end, phrase, place = hit
            written = text[doc[i].idx : _end(doc, end)]
            if not written[:1].isupper() or (phrase.isupper() and written != phrase):
                i += 1
                continue
            prev = i - 1
            while prev >= 0 and keys[prev] in self.determiners:
                prev -= 1
            locative = prev >= 0 and keys[prev] in self.locatives
            attrs: dict[str, Any] = {"country": place.iso3}
            if place.kind == "seat" or (place.kind == "capital" and not locative):
                attrs["government_of"] = place.iso3
            label = "ORG" if place.kind == "seat" else "LOC"
            out.append(Candidate(start=doc[i].idx, end=_end(doc, end), label=label, rule=place.kind, attrs=attrs))
            i = end
        return out

    def _credits(self, text: str) -> list[Candidate]:
        if self._credit_re is None:
            return []
        return [
            Candidate(start=m.start("name"), end=m.end("name"), label="PER", rule="credit")
            for m in self._credit_re.finditer(text)
            if m.group("name")[:1].isupper()
        ]


def _credit_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """'Photo AP/Evan Vucci', 'Foto: dpa/Max Muster': credit word, agency, slash, a capitalised name."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    name = r"[^\W\d_][\w'’.-]*(?:[ \u00a0][^\W\d_][\w'’.-]*){1,3}"
    return re.compile(rf"\b(?:{alternatives})\s*:?\s*[\w&.\- ]{{1,30}}?\s*/\s*(?P<name>{name})")


def _entity_end(doc: Doc, k: int) -> int:
    """The last token of the model's non-person entity holding token `k` from there on (`k` outside one)."""
    if not doc[k].ent_type_ or doc[k].ent_type_ in PERSON_TYPES:
        return k
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
        k += 1
    return k


def _end(doc: Doc, j: int) -> int:
    """Character offset just after token j-1."""
    tok = doc[j - 1]
    return tok.idx + len(tok.text)


def _join(doc: Doc, a: int, b: int, *, skip: Callable[[int], bool]) -> str:
    """Text of tokens a..b-1 as written, leaving out the tokens `skip` selects."""
    parts = []
    for j in range(a, b):
        if skip(j):
            continue
        parts.append(doc[j].text + doc[j].whitespace_)
    return re.sub(r"\s+", " ", "".join(parts)).strip(" ,")
