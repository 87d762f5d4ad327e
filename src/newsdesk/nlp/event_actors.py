"""Actors of events: the phrase of a subject or object token made an actor dict with its country, sector
and entity (see the events span contract).

The country comes from an entity span inside the phrase ("government_of", then "country"), else from
the place names and nationality adjectives of `places` ("Kremlin", "la Corée du Nord", "Russian"), else
from the actor table (`event_lexicon.actor_codes`) by the name of the PER or ORG entity in the phrase or
its proper nouns ("President Obama" → USA GOV, "the UN Security Council" → IGO), as coded on the article's
date; the sector from the sector words of `lexicons/events/sectors_<lang>.tsv`, else from the actor table.
Name and entity id come from the PER or ORG entity in the phrase. "Hungarian and Romanian officials" gives
one actor per nationality.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..article import Span
from .event_lexicon import EventLexicon, actor_codes
from .places import gazetteer

PERSON_PRONOUNS = frozenset(
    {"he", "she", "they", "we", "il", "elle", "ils", "elles", "nous", "celui-ci", "celle-ci", "ceux-ci"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "qui", "lequel", "laquelle", "lesquels"})
CUT_DEPS = frozenset({"conj", "cc", "relcl", "acl:relcl", "advcl", "parataxis", "ccomp"})
NESTED_DEPS = frozenset({"prep", "pobj", "nmod", "poss", "nmod:poss", "compound", "obl"})
MODEL_LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "NORP"}
NOT_ACTOR_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
MAX_WORDS = 4
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "during", "near", "dans", "lors", "pendant", "en", "sur"})
"""Prepositions of place and time cut from an actor phrase ("President Xi [in Bali]")."""
PEOPLE_ENDING = re.compile(r"(?:ans|ese|is|ois|ais|iens|iennes)$")
"""Endings of plural nationality nouns ("Liberians", "Congolese", "Israelis", "Maliens")."""
NO_SECTOR = "-"
"""Sector-file code of words naming a group without a sector ("group", "party", "side")."""
GENERIC_SECTOR = "GOV"


class ActorCoder:
    """Codes actor phrases of one parsed text (`entities`: the article's entity spans, else the model's;
    `on`: the article's date, for the actor table's codings over time)."""

    def __init__(
        self,
        text: str,
        doc: Any,
        lex: EventLexicon,
        entities: Sequence[Span] | None = None,
        *,
        on: date | None = None,
    ) -> None:
        self.text = text
        self.doc = doc
        self.lex = lex
        self.on = on
        self.places = gazetteer(lex.lang)
        if entities is None:
            entities = [
                Span(start=e.start_char, end=e.end_char, label=MODEL_LABELS[e.label_], attrs={})
                for e in doc.ents
                if e.label_ in MODEL_LABELS
            ]
        self.entities = sorted(entities, key=lambda s: s.start)

    # -- which tokens are actors ----------------------------------------------------------------------

    def actors(self, token: Any, *, subject: bool = False) -> list[dict[str, Any]]:
        """Actor dicts for a subject/object token and the tokens coordinated with it (empty: no actor).

        A subject is also an actor when a nationality qualifies it ("Afghan guerillas", "Algerian landowners"):
        the doers of an act are people; an object so qualified may be a thing ("the Russian strikes")."""
        out: list[dict[str, Any]] = []
        for head in coordinated(token):
            if head.lemma_.casefold() in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl:relcl", "acl"):
                head = head.head.head  # "the rebels who attacked": the noun the clause is about
            found = self._actor_token(head)
            if found is None and head.pos_ == "NOUN" and self._nationality(head):
                if not subject:  # "rejected an Indian proposal": the proposal's nation is the target
                    out.append(self._nationality_actor(head))
                    continue
                found = head
            if found is None:
                continue
            split = self._split_modifiers(found)
            out.extend(split or [self.code(found)])
        return out

    def _actor_token(self, head: Any) -> Any | None:
        """`head` when it names an actor, else the first actor inside its phrase ("the attack on Ukraine")."""
        if self.is_actor(head):
            return head
        frontier = [head]
        for _ in range(2):
            nxt = []
            for tok in frontier:
                for child in tok.children:
                    if child.dep_ in NESTED_DEPS or child.dep_.startswith("nmod"):
                        if self.is_actor(child) and child.pos_ != "ADJ":
                            return child
                        nxt.append(child)
            frontier = nxt
        return None

    def is_actor(self, tok: Any) -> bool:
        """A person, organisation, country or group: an entity, place, nationality, sector word or pronoun."""
        low = tok.text.casefold()
        if tok.ent_type_ in NOT_ACTOR_TYPES or tok.like_num:
            return False
        if self._entity_at(tok.idx, tok.idx + len(tok.text)) is not None:
            return True
        if tok.pos_ == "PRON":
            return low in PERSON_PRONOUNS
        if self._sector_of(tok) or self.places.demonym(tok.text) or self.places.lookup(tok.text):
            return True
        return tok.pos_ == "PROPN"

    def _nationality(self, head: Any) -> bool:
        return any(c.dep_ in ("amod", "compound") and self.places.demonym(c.text) for c in head.children)

    def _nationality_actor(self, head: Any) -> dict[str, Any]:
        adj = next(c for c in head.children if c.dep_ in ("amod", "compound") and self.places.demonym(c.text))
        actor = self.code(adj, only=[adj])
        actor.update(country=self.places.demonym(adj.text), sector=None, name=None, entity_id=None)
        return actor

    def is_person(self, tok: Any) -> bool:
        """A person or a group of people: a PER entity, a sector or group word, a personal pronoun or a
        nationality noun ("the prisoners", "Ferrer", "them") — not a product or a place."""
        entity = self._entity_at(tok.idx, tok.idx + len(tok.text))
        if entity is not None and entity.label == "PER":
            return True
        if tok.pos_ == "PRON":
            return tok.text.casefold() in PERSON_PRONOUNS | {"them", "him", "her", "us", "les", "eux"}
        if self._sector_of(tok) or self.places.demonym(tok.text) or self._nationality(tok):
            return True
        if tok.text[:1].isupper() and PEOPLE_ENDING.search(tok.text):
            return True  # "168 Liberians", "more than 100 Palestinians"
        counted = any(c.dep_ == "nummod" for c in tok.children)
        return any(
            c.dep_ in ("prep", "nmod") and any(self.is_person(g) for g in c.children if g.dep_ in ("pobj", "nmod"))
            for c in tok.children
        ) or (counted and tok.tag_ in ("NNS", "NNPS"))

    # -- coding -----------------------------------------------------------------------------------------

    def code(self, head: Any, *, only: Sequence[Any] | None = None) -> dict[str, Any]:
        """The actor dict of the phrase headed by `head` (`only`: the tokens to show as its text)."""
        phrase_toks = self._complete_place(list(_phrase_tokens(head)))
        toks = list(only) if only is not None else phrase_toks
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        ents = [e for e in self.entities if e.start >= phrase_toks[0].idx and e.end <= _tok_end(phrase_toks[-1])]
        named = next((e for e in ents if e.label in ("PER", "ORG")), None)
        country, seat = self._country(ents, only if only is not None else phrase_toks)
        sector = self._sector(head, phrase_toks) or (GENERIC_SECTOR if seat else None)
        if only is None and (country is None or sector is None):
            around = self._entity_at(head.idx, _tok_end(head))  # "Vladimir" of "Vladimir Poutine" parsed apart
            by_name = named or (around if around is not None and around.label in ("PER", "ORG") else None)
            known = self._known(by_name, phrase_toks)
            # the table never overrides a country the sentence states ("le ministre russe …")
            if known is not None and (country is None or known[0] == country):
                country, sector = known[0] or country, sector or known[1]
        return {
            "text": self.text[start:end],
            "span": [start, end],
            "name": (named.attrs.get("name") or self.text[named.start : named.end]) if named else None,
            "entity_id": named.attrs.get("entity_id") if named else None,
            "country": country,
            "sector": sector,
        }

    def _known(self, named: Span | None, toks: list[Any]) -> tuple[str | None, str | None] | None:
        """(country, sector) of the named person or organisation of the phrase from the actor table: by the
        entity's name, then its words as written; without an entity, by the phrase's proper nouns."""
        if named is not None:
            names = [named.attrs.get("name"), self.text[named.start : named.end]]
        else:
            names = [self.text[run[0].idx : _tok_end(run[-1])] for run in _proper_runs(toks)]
        for name in dict.fromkeys(n for n in names if n):
            found = actor_codes(name, on=self.on, lang=self.lex.lang)
            if found is not None:
                return found
        return None

    def _complete_place(self, toks: list[Any]) -> list[Any]:
        """The phrase with the words that complete a place name the parser attached elsewhere ("la Corée |
        du Sud")."""
        doc, last = self.doc, toks[-1].i
        for n in range(3, 0, -1):
            if last + n >= len(doc) or doc[last].sent != doc[last + n].sent:
                continue
            longer = self.places.lookup(doc[toks[0].i : last + n + 1].text)
            if longer is not None and longer != self.places.lookup(doc[toks[0].i : last + 1].text):
                return list(doc[toks[0].i : last + n + 1])
        return toks

    def _split_modifiers(self, head: Any) -> list[dict[str, Any]]:
        """'Hungarian and Romanian officials': one actor per coordinated nationality, sharing the sector."""
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod") or not any(c.dep_ == "conj" for c in child.children):
                continue
            mods = coordinated(child)
            if not all(self.places.demonym(m.text) or self.places.lookup(m.text) for m in mods):
                continue
            sector = self._sector(head, list(_phrase_tokens(head)))
            out = []
            for mod in mods:
                actor = self.code(head, only=[mod])
                actor["country"] = self.places.demonym(mod.text) or self.places.lookup(mod.text).iso3
                actor["sector"] = sector
                out.append(actor)
            return out
        return []

    def _country(self, ents: list[Span], toks: list[Any]) -> tuple[str | None, bool]:
        """(ISO3, named by a seat of government) from the entities, else the place words of the phrase."""
        for key in ("government_of", "country"):
            for e in ents:
                if e.attrs.get(key):
                    return e.attrs[key], key == "government_of"
        place = self._place_in(toks)
        if place is not None:
            return place.iso3, place.kind == "seat"
        for tok in toks:
            iso3 = self.places.demonym(tok.text)
            if iso3:
                return iso3, False
        return None, False

    def _place_in(self, toks: list[Any]) -> Any | None:
        """The first place named by the words; inside a person or organisation name only at its start or
        after "of"/"de" ("Kenya Anti-Corruption Commission", "United Bus Company of Tehran"; "Red Hot Chili
        Peppers" names no Chile)."""
        for i in range(len(toks)):
            for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
                first, last = toks[i], toks[i + n - 1]
                if not first.text[:1].isupper() and first.pos_ != "DET":
                    continue
                entity = self._entity_at(first.idx, _tok_end(first))
                inside = entity is not None and entity.label in ("PER", "ORG") and entity.start < first.idx
                inside = inside and first.i > 0 and self.doc[first.i - 1].lower_ not in ("of", "de", "du", "d'", "d’")
                if inside and not entity.attrs.get("country"):
                    continue
                place = self.places.lookup(self.text[first.idx : _tok_end(last)])
                if place is not None:
                    return place
        return None

    def _sector(self, head: Any, toks: list[Any]) -> str | None:
        """The head word's sector, unless it is the generic GOV and another word is more telling
        ("the leader of the rebels" → REB)."""
        own = self._sector_of(head) if self._sector_of(head) != NO_SECTOR else None
        others = [s for t in toks if t is not head and (s := self._sector_of(t)) and s != NO_SECTOR]
        if own and own != GENERIC_SECTOR:
            return own
        specific = next((s for s in others if s != GENERIC_SECTOR), None)
        return specific or own or (others[0] if others else None)

    def _sector_of(self, tok: Any) -> str | None:
        sectors = self.lex.sectors
        return sectors.get(tok.lemma_.casefold()) or sectors.get(tok.text.casefold())

    def _entity_at(self, start: int, end: int) -> Span | None:
        return next((e for e in self.entities if e.start <= start and end <= e.end), None)


def _locative(tok: Any) -> bool:
    """A complement of place or time: "in Marseille", "à Matignon", "dans la nuit"."""
    if tok.dep_ in ("prep", "advmod"):  # "in Bali", "lors d'une visite"
        return tok.lemma_.casefold() in LOCATIVE_PREPOSITIONS
    if not tok.dep_.startswith(("nmod", "obl")):
        return False
    case = [g.lemma_.casefold() for g in tok.children if g.dep_ == "case"]
    return bool(case) and (case[0] in LOCATIVE_PREPOSITIONS or case[0] in ("à", "au", "aux"))


def coordinated(token: Any) -> list[Any]:
    """`token` and the tokens coordinated with it ("la France et l'Allemagne")."""
    out, todo = [], [token]
    while todo:
        tok = todo.pop(0)
        out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj")
    return out


def _phrase_tokens(head: Any) -> list[Any]:
    """The tokens of `head`'s phrase, without coordinated phrases, relative clauses and edge punctuation."""
    cut: set[int] = set()
    for child in head.children:
        topic = head.pos_ == "PROPN" and child.dep_ == "nmod" and child.pos_ == "NOUN"  # "l'Ukraine [de terrorisme]"
        if child.dep_ in CUT_DEPS or topic:
            cut.update(t.i for t in child.subtree)
    for tok in head.subtree:
        caseless_noun = tok.dep_ == "nmod" and tok.pos_ == "NOUN" and not any(g.dep_ == "case" for g in tok.children)
        # "… Vladimir Poutine [un partenariat]": a misattached object; "trois suspects [à Marseille]": where
        if tok is not head and (caseless_noun or _locative(tok)):
            cut.update(t.i for t in tok.subtree)
    toks = [t for t in head.subtree if t.i not in cut]
    left = [t for t in toks if t.i <= head.i]
    right = [t for t in toks if t.i > head.i]
    # keep the phrase contiguous around the head
    kept = [head]
    for t in reversed(left[:-1]):
        if t.i != kept[0].i - 1:
            break
        kept.insert(0, t)
    for t in right:
        if t.i != kept[-1].i + 1:
            break
        kept.append(t)
    while len(kept) > 1 and (kept[0].is_punct or kept[0].is_space or kept[0].dep_ in ("cc", "case", "mark")):
        kept.pop(0)
    while len(kept) > 1 and (kept[-1].is_punct or kept[-1].is_space):
        kept.pop()
    return kept


def _proper_runs(toks: list[Any]) -> list[list[Any]]:
    """Runs of proper nouns, with the hyphens inside a name ("Ban Ki-moon"), longest first."""
    runs: list[list[Any]] = [[]]
    for tok in toks:
        if tok.pos_ == "PROPN" or (tok.text == "-" and runs[-1] and not tok.whitespace_):
            runs[-1].append(tok)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        while run and run[-1].text == "-":
            run.pop()
    return sorted((r for r in runs if r), key=len, reverse=True)


def _tok_end(tok: Any) -> int:
    return tok.idx + len(tok.text)
