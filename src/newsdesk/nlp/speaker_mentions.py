"""People and organisations named in one article, as candidate speakers.

Mentions come from the article's "entities" spans (attrs name/role/entity_id) when the entity layer has
run, checked against the parse ("General Motors" split into a title and a surname), and otherwise from
the named entities of the spaCy parse. Each person gets their full name as written elsewhere in the
article, a role written next to them ("John Kirby, porte-parole de ...") and a gender when a title or
a feminine role shows it (`mention_roles`, `speaker_gender`); the proper-noun runs of the parse fill in
what the taggers miss (`mention_runs`). The `Mention` record and the reading of
names in the text are in `mention_names`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from .. import lexicons
from ..article import Span
from ..text import fold
from .entities import regnal_name
from .mention_names import (
    ALIAS,
    LOC_LABELS,
    LOWER_LEAD,
    ORG_LABELS,
    PARTICLES,
    PERSON_LABELS,
    POSSESSIVE,
    Mention,
    after_inner_role,
    known_org_names,
    name_tail,
    not_name,
    person_tail,
    propn_runs,
    strip_determiner,
    visible,
    without_epithet,
    without_headline,
)
from .mention_roles import MentionRoles
from .mention_runs import ProperNounRuns
from .places import gazetteer, norm
from .quote_lexicon import QuoteLexicon
from .speaker_gender import MentionGender, share_gender


@cache
def _reign_titles(lang: str) -> frozenset[str]:
    return frozenset(norm(p) for p, k, *_ in lexicons.rows("titles", lang) if k == "reign")


def reigning(role: str | None, lang: str) -> bool:
    """Whether `role` is the title of a sovereign or pope, whose one name is all their name ("le pape
    François", "Pope Francis"): not the given name of another person of the article."""
    return bool(role) and norm(role) in _reign_titles(lang)

class ArticleMentions(ProperNounRuns, MentionRoles, MentionGender):
    """The person and organisation mentions of one parsed article, with its proper-noun runs."""

    def __init__(self, text: str, doc: Any, lex: QuoteLexicon, *, entities: Sequence[Span] | None = None) -> None:
        self.text = text
        self.lex = lex
        self.doc = doc
        self._role_words = {w.lower() for r in lex.roles for w in r.split()} | {"ceo", "mp", "vice"}
        runs = [part for run in propn_runs(doc) for part in self._headline_free(run)]
        self.runs = [self._past_complement(run) for run in runs]
        self.mentions = self._from_entities(entities) if entities else self._from_doc(doc)
        self.mentions.sort(key=lambda m: m.start)
        self._link_aliases()

    def _link_aliases(self) -> None:
        """A nickname the article gives a person ("Fauzi, better known as Foke", "Édouard Philippe, dit
        « Doudou »") names that person, also where it opens a longer run ("Foke Giving" in a title-case
        caption): a nickname is one name, whatever follows it is not part of it."""
        persons = [m for m in self.mentions if m.label == "PER"]
        aliases: dict[str, Mention] = {}
        for match in ALIAS.finditer(self.text):
            named = next((m for m in persons if m.end == match.start()), None)
            run = next((r for r in self.runs if r[1] == match.start()), None)
            if named is None and run is not None:  # "Fauzi, better known as Foke" when NER missed "Fauzi"
                words = run[2].split()
                named = max(
                    (m for m in persons if all(w in m.name.split() for w in words)),
                    key=lambda m: len(m.name),
                    default=None,
                )
            if named is not None and match.group("alias") not in named.name.split():
                aliases.setdefault(match.group("alias"), named)
        for m in persons:
            target = aliases.get(m.name.split()[0]) if m.name else None
            if target is not None and m is not target:
                m.name, m.role, m.gender = target.name, m.role or target.role, target.gender
                m.entity_id = m.entity_id or target.entity_id

    def _from_entities(self, entities: Sequence[Span]) -> list[Mention]:
        """Mentions from the entity layer, with its person spans checked against the parse."""
        orgs = [e for e in (self.doc.ents if self.doc is not None else ()) if e.label_ in ORG_LABELS]
        out = []
        for span in entities:
            label = "PER" if span.label in PERSON_LABELS else "ORG" if span.label in ORG_LABELS else span.label
            if label not in ("PER", "ORG", "LOC"):
                continue
            start, end = span.start, span.end
            text = self.text[start:end]
            name = span.attrs.get("name") or text
            lead = LOWER_LEAD.match(name) if label == "PER" else None
            if lead is not None and lead.group(0).split()[0] not in PARTICLES:
                if name == text:
                    start += lead.end()
                    text = self.text[start:end]
                name = name[lead.end() :]  # "L'escroc Miguet" tagged with its common noun
            if label == "PER" and person_tail(self.text, end) > end and name == text:
                end = person_tail(self.text, end)  # "Ayman" tagged without "al-Zawahiri"
                text = name = self.text[start:end]
            verb = self._lead_speech_verb(start, end) if label == "PER" and name == text else 0
            if verb:  # "Said Martin: « … »": the inverted verb tagged with its subject
                start += verb
                text = name = self.text[start:end]
            if label == "PER":
                name = visible(self._untitled(name))  # "Apostle Ann Lee" when the entity layer does not list the title
                bare = without_headline(name, self.text, self.lex)
                if bare != name and text == name:  # "Criticizes McConnell" at the start of the article
                    start = start + text.rindex(bare)
                    end, text = start + len(bare), bare
                name = self._without_epithet(bare)
                words = [w.lower().strip(".") for w in text.split()]
                if all(w in self._role_words for w in words):
                    continue  # "Chief Executive Officer" taken for a name
                wider = next(
                    (e for e in orgs if e.start_char <= start and end <= e.end_char and len(e.text) > len(text)), None
                )
                if wider is not None and len(words) > 1 and self._titled(span, wider.start_char, wider.end_char):
                    wider = None  # "Spokeswoman Ann Lee" tagged as an organisation by the model
                if wider is not None:  # "General Motors" split into a title and a surname
                    start, end, text = wider.start_char, wider.end_char, wider.text
                    label, name = "ORG", strip_determiner(wider.text)
                elif len(words) > 1 and words[-1] in self.lex.org_nouns:
                    label = "ORG"  # "Hinsdale Associates"
            placed = self._place_then_person(start, text) if label == "ORG" else 0
            if placed:  # "Ambassador to Italy Sergei Razov" tagged as one organisation: the person after the place
                start, label = start + placed, "PER"
                text = name = self.text[start:end]
            if label == "ORG" and span.attrs.get("source") != "rule" and self._role_before_name(start, text):
                label = "PER"  # "party supremo Mayawati", "the union's President, Ann Lee": the role's holder
            elif label == "ORG" and self._titled_surname(text, entities):
                label, name = "PER", text.split(" ", 1)[1]  # "Pastor Adeboye" after "E.A. Adeboye"
            if label == "ORG":
                start, text, name = self._with_nationality(orgs, start, end, text, name)
            out.append(
                Mention(
                    start=start,
                    end=end,
                    text=text,
                    label=label,
                    name=name,
                    role=self._entity_role(span, start, end) if label == "PER" else None,
                    entity_id=span.attrs.get("entity_id"),
                    gender=self._gender(start, end, span.attrs.get("role")),
                )
            )
        self._surnames_as_persons(out, entities)
        out = self._with_lead_of(out)
        out.extend(self._apposed_runs(out))
        persons = [m for m in out if m.label == "PER"]
        share_gender(persons, {id(m): self._shown_gender(m.start, m.end) for m in persons})
        for m in persons:  # "Di Giacomo" when the entity layer did not join it to "Flavio Di Giacomo"
            full = self._full_name(m, persons)
            if full != m.name and m.entity_id is None:
                m.name = full
            elif m.entity_id is None and " " not in m.name:
                named = self._name_from_runs(m, out)
                if regnal_name(m.name, named) or not reigning(m.role, self.lex.lang):
                    m.name = named  # not "le pape François" from "François Roux"
        return out

    def _without_epithet(self, name: str) -> str:
        """An English person's name without a headline participle or a role run into it ("Recovering Kei
        Nishikori", "Super Junior Member Kangin"); the participle must be parsed as a verb or adjective where
        the name is written (not "Mohamed")."""
        if self.lex.lang != "en":
            return name
        bare = without_epithet(name, self.text)
        at = self.text.find(name) if bare != name and self.doc is not None else -1
        lead = self.doc.char_span(at, at + len(name.split()[0])) if at >= 0 else None
        if lead is None or lead[0].pos_ not in ("VERB", "ADJ"):
            bare = name
        return after_inner_role(bare, self.lex)

    def _with_lead_of(self, found: list[Mention]) -> list[Mention]:
        """ "Gift of the Givers", "Friends of the Earth": an English organisation the model cut after "of the"
        takes the capitalised words before it back, past an acronym ("NGO Gift of the Givers"), but no role,
        title or person's name ("Minister of the Interior", "Ann Lee of the Acme Group"), when
        they do not open a sentence or the whole name recurs; a person tagged inside it is dropped."""
        if self.lex.lang != "en":
            return found
        lead_of = re.compile(r"(?<![\w'’-])(?:[A-Z]{2,}\s+)?((?:[A-Z][\w'’-]+\s+){1,3})of\s+the\s+$")
        dropped: list[tuple[int, int]] = []
        for m in found:
            lead = lead_of.search(self.text, max(0, m.start - 60), m.start) if m.label == "ORG" else None
            if lead is None or lead.end() != m.start:
                continue
            lo, words = lead.start(1), lead.group(1).split()
            if any(w.lower() in self._role_words or w in self.lex.titles for w in words):
                continue
            if len(words) > 1 and any(p.label == "PER" and p.start == lo for p in found):
                continue  # "Ann Lee of the Acme Group": a person of the organisation
            whole = self.text[lo : m.end]
            opens = re.search(r"(?:^|[.!?]\s+)$", self.text[max(0, lo - 3) : lo]) is not None
            if opens and self.text.count(whole) < 2:
                continue  # "Many of the Givers": a sentence's first word
            m.start, m.text, m.name = lo, whole, whole
            dropped.append((m.start, m.end))
        return [x for x in found if x.label != "PER" or not any(s < x.end and x.start < e for s, e in dropped)]

    def _apposed_runs(self, found: list[Mention]) -> list[Mention]:
        """Persons the entity layer missed or took for an organisation no list knows, named between commas
        right after a role ("L'entraîneur parisien, Staffan Olsson, juge que …"): a "First Last" proper-noun
        run closed by a comma. Relabels such organisations in `found`; returns the missed persons."""
        out = []
        for start, end, run in self.runs:
            over = [m for m in found if m.start < end and start < m.end]
            mislabelled = (
                len(over) == 1
                and over[0].label == "ORG"
                and (over[0].start, over[0].end) == (start, end)
                and fold(run) not in known_org_names(self.lex.lang)
            )
            if not self._personlike_run(run) or over and not mislabelled:
                continue
            seg = re.search(r"([^,.;:()«»\n\"“”]{2,80}),\s*$", self.text[max(0, start - 80) : start])
            if seg is None or not self.text[end : end + 3].lstrip().startswith(","):
                continue
            role = self.lex.role_match(seg.group(1))
            if role is None or len(seg.group(1)[role.end() :].split()) > 3:
                continue  # the role noun closes the phrase before the name, give or take a complement
            role_text = strip_determiner(seg.group(1)[role.start() :]) or None
            if mislabelled:
                over[0].label, over[0].name, over[0].role = "PER", run, role_text
                continue
            gender = self._gender(start, end, role_text)
            out.append(Mention(start=start, end=end, text=run, label="PER", name=run, role=role_text, gender=gender))
        return out

    def _role_before_name(self, start: int, text: str) -> bool:
        """A name the model took for an organisation, written right after a role noun: a single capitalised
        word after a lowercase role ("party chief Ann", "the club's coach Pele"), or a "First Last" name after
        a role and its comma ("the union's President, Ann Lee"): the role's holder, a person."""
        mononym = re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}", text) is not None
        if not mononym and not self._personlike_run(text) or text.lower() in self.lex.org_nouns:
            return False
        pattern = r"(?<![\w-])([a-z][\w-]*) $" if mononym else r"(?<![\w-])([A-Za-z][\w-]*),? $"
        before = re.search(pattern, self.text[max(0, start - 40) : start])
        if before is None or before.group(1).lower() in self.lex.org_nouns:
            return False
        role = self.lex.role_match(before.group(1))
        return role is not None and role.group(0) == before.group(1)

    def _lead_speech_verb(self, start: int, end: int) -> int:
        """The length of an inverted speech verb, and the space after it, that opens a person mention whose
        rest is its subject ("Said Martin:", "Says Ann Lee"); 0 otherwise ("Said Ahmed" is a name)."""
        if self.doc is None:
            return 0
        tokens = [t for t in self.doc if start <= t.idx < end]
        if len(tokens) < 2 or tokens[0].tag_ not in ("VBD", "VBZ") or tokens[0].lemma_.lower() not in self.lex.verbs:
            return 0
        if not any(t.dep_ == "nsubj" and t.head.i == tokens[0].i for t in tokens[1:]):
            return 0
        return tokens[1].idx - start

    def _place_then_person(self, start: int, text: str) -> int:
        """Where the person's name starts inside an organisation mention that opens with a country or city
        after a role and "to", "of", "in" or "from" ("Ambassador to Italy Sergei Razov"); 0 otherwise."""
        before = self.text[max(0, start - 40) : start]
        lead = re.search(r"(?<![\w-])(?:to|of|in|from)\s+$", before)
        if lead is None or self.lex.role_match(before[: lead.start()].split(",")[-1]) is None:
            return 0
        words = text.split()
        for k in range(min(3, len(words) - 2), 0, -1):
            rest = " ".join(words[k:])
            if gazetteer(self.lex.lang).lookup(" ".join(words[:k])) and self._personlike_run(rest):
                return text.rindex(rest)
        return 0

    def _titled_surname(self, text: str, entities: Sequence[Span]) -> bool:
        """A courtesy or religious title and the surname of a person the entity layer names in full ("Pastor
        Adeboye", "Dr Okoro"), which the model took for an organisation."""
        title, _, rest = text.partition(" ")
        if title not in self.lex.titles or not rest or not rest[:1].isupper():
            return False
        words = rest.split()
        return any(
            e.label in PERSON_LABELS and len(full := (e.attrs.get("name") or "").split()) > len(words)
            and full[-len(words) :] == words
            for e in entities
        )

    def _untitled(self, name: str) -> str:
        """A person's name without the titles that open it."""
        words = name.split()
        while len(words) > 2 and words[0] in self.lex.titles:
            words = words[1:]
        return " ".join(words)

    @staticmethod
    def _surnames_as_persons(out: list[Mention], entities: Sequence[Span]) -> None:
        """ "Pablo Dana … Dana a déclaré": a one-word organisation that only the gazetteer made one (a
        company sharing the name) is the surname of a person the article named before it."""
        by_rule = {(e.start, e.end) for e in entities if e.attrs.get("source") == "rule"}
        for m in out:
            if m.label != "ORG" or " " in m.text or (m.start, m.end) not in by_rule:
                continue
            named = [p for p in out if p.label == "PER" and p.end <= m.start and len(p.name.split()) > 1]
            if any(p.name.split()[-1] == m.text for p in named):
                m.label = "PER"

    def _with_nationality(self, orgs: list[Any], start: int, end: int, text: str, name: str) -> tuple[int, str, str]:
        """ "Swiss National Bank": the capitalised words before an organisation that the model's entity
        includes are part of its name (the entity layer cuts a leading nationality off)."""
        for e in orgs:
            lead = self.text[e.start_char : start]
            if (
                e.end_char == end
                and e.start_char < start
                and re.fullmatch(r"(?:(?i:the)\s+)?(?:[A-Z][\w-]*\s+)+", lead)
            ):
                wider = strip_determiner(e.text)
                return e.start_char + max(0, e.text.find(wider)), wider, wider
        return start, text, name

    def _titled(self, span: Span, start: int, end: int) -> bool:
        """The model's entity at start..end is exactly the person's title (their role) and name."""
        role = span.attrs.get("role") or ""
        return end == span.end and bool(role) and self.text[start : span.start].strip().lower() == role.lower()

    def _from_doc(self, doc: Any) -> list[Mention]:
        out: list[Mention] = []
        for ent in doc.ents:
            label = (
                "PER"
                if ent.label_ in PERSON_LABELS
                else "ORG"
                if ent.label_ in ORG_LABELS
                else "LOC"
                if ent.label_ in LOC_LABELS
                else None
            )
            if label is None:
                continue
            toks = list(ent)
            if label == "PER":
                while len(toks) > 1 and not_name(toks[0]):
                    toks = toks[1:]
                while len(toks) > 2 and toks[1].text in ("'s", "’s"):
                    toks = toks[2:]  # "Malawi's Joyce Banda"
                while len(toks) > 1 and toks[-1].pos_ not in ("PROPN",) and not toks[-1].text[:1].isupper():
                    toks = toks[:-1]
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            end = name_tail(self.text, end)
            end = person_tail(self.text, end) if label == "PER" else end
            text = self.text[start:end]
            name = POSSESSIVE.sub("", text).strip()
            for title in sorted(self.lex.titles, key=len, reverse=True):
                if name.startswith(title + " "):
                    name = name[len(title) + 1 :]
            if label == "PER" and (not name or name == name.lower()):
                continue
            out.append(Mention(start=start, end=end, text=text, label=label, name=name))
        persons = [m for m in out if m.label == "PER"]
        for m in persons:
            m.name = self._full_name(m, persons)
        for m in persons:
            m.role = self._role_near(m.start, m.end)
            m.gender = self._gender(m.start, m.end, m.role)
        by_name: dict[str, Mention] = {}
        for m in persons:
            first = by_name.setdefault(m.name, m)
            if first.role is None and m.role:
                first.role = m.role
            if first.gender == "x":
                first.gender = m.gender
        for m in persons:
            first = by_name[m.name]
            m.role = m.role or first.role
            m.gender = first.gender if m.gender == "x" else m.gender
        return out

    @staticmethod
    def _full_name(m: Mention, persons: list[Mention]) -> str:
        """The longest name in the article that ends with (or contains) this mention's name."""
        words = m.name.split()
        best = m.name
        for other in persons:
            ow = other.name.split()
            if len(ow) <= len(words) or len(ow) <= len(best.split()):
                continue
            matches = ow[-len(words) :] == words or (len(words) == 1 and words[0] in ow[1:])
            if matches and (other.start < m.start or best == m.name):
                best = other.name
        return best
