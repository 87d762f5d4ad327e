"""Resolve a speaker as written ("Kirby", "il", "le porte-parole") to a full name and role.

Uses the article's "entities" spans (attrs name/role/entity_id) when the entity layer has run, and
otherwise the named entities of the spaCy parse, matched within the article: a surname goes to an
earlier full name, a role noun to the person who holds it, a pronoun to the nearest compatible earlier
person. Organisations and groups ("la préfecture de police", "sources") are speakers too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..article import Span
from .quote_lexicon import QuoteLexicon
from .speaker_heads import resolve_owned
from .speaker_pronouns import LastSpeaker, resolve_pronoun

PERSON_LABELS = {"PER", "PERSON"}
ORG_LABELS = {"ORG", "ORGANIZATION", "NORP"}
LOC_LABELS = {"LOC", "GPE", "FAC"}
DETERMINER = re.compile(r"^(?:(?:les|le|la|une|un|des|du|the|an|a)\s+|l['’]\s*)", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
# fmt: off
PARTICLES = {"von", "van", "der", "den", "de", "du", "des", "la", "le", "di", "da", "del", "bin", "ibn", "al", "el",
             "ter"}
# fmt: on


@dataclass(slots=True, kw_only=True)
class Mention:
    """A person or organisation named in the article."""

    start: int
    end: int
    text: str
    label: str
    name: str
    role: str | None = None
    entity_id: str | None = None
    gender: str = "x"


@dataclass(slots=True, kw_only=True)
class Speaker:
    """A resolved speaker; `name` is None when it cannot be named, with the reason."""

    text: str | None = None
    span: tuple[int, int] | None = None
    name: str | None = None
    entity_id: str | None = None
    role: str | None = None
    reason: str | None = None

    def attrs(self) -> dict[str, Any]:
        return {
            "speaker": self.text,
            "speaker_span": list(self.span) if self.span else None,
            "speaker_name": self.name,
            "speaker_id": self.entity_id,
            "speaker_role": self.role,
            "reason": None if self.name else (self.reason or "no speaker found"),
        }


DEMONYM = re.compile(r"(?:aise?|iens?|iennes?|aine?s?|oise?s?|ans?|ese|ish|ique)$")


def _not_name(tok: Any) -> bool:
    """A leading word of a PER entity that is not part of the name ("vice-procureur", "Française")."""
    if tok.pos_ == "PROPN" or tok.lower_ in PARTICLES:
        return False
    return tok.text[:1].islower() or bool(DEMONYM.search(tok.text))


NAME_TAIL = re.compile(r"(?:[-'’][A-ZÀ-Ý][\w]+|['’] [A-Z][\w]+)")


def _name_tail(text: str, end: int) -> int:
    """Extend a name over "-Guerra" in "Jaime Perez-Guerra" and "' Leary" in "Michael O' Leary"."""
    m = NAME_TAIL.match(text, end)
    if m is None:
        return end
    if m.group(0)[1] == " " and not re.search(r"\b[A-Z]$", text[:end]):
        return end
    return m.end()


def _name_head(t: Any) -> bool:
    """A capitalised word the tagger took for a common noun but the parser made the head of a name
    ("Najat" in "Najat Vallaud-Belkacem")."""
    return t.pos_ == "NOUN" and t.i > 0 and any(c.dep_ in ("flat:name", "flat") and c.i == t.i + 1 for c in t.children)


def _propn_runs(doc: Any) -> list[tuple[int, int, str]]:
    """Runs of consecutive proper nouns (start, end, text): candidate names when NER missed them."""
    runs: list[tuple[int, int, str]] = []
    cur: list[Any] = []
    for t in [*doc, None]:
        if t is not None and t.text[:1].isupper() and (t.pos_ == "PROPN" or _name_head(t)):
            cur.append(t)
            continue
        if cur:
            s, e = cur[0].idx, _name_tail(doc.text, cur[-1].idx + len(cur[-1]))
            runs.append((s, e, doc.text[s:e]))
        cur = []
    return runs


ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Cie)\.$")


def strip_determiner(text: str) -> str:
    """A name without leading article and surrounding punctuation ("Apple Inc." keeps its period)."""
    text = text.strip(" ,;:")
    if not ABBREVIATION.search(text):
        text = text.rstrip(" .")
    return DETERMINER.sub("", text).strip()


def _drop_description(name: str, org_nouns: set[str]) -> str:
    """ "US automaker GM" -> "GM", "United States automobile company General Motors" -> "General Motors":
    the capitalised name after a lower-case description that contains an organisation noun."""
    words = name.split()
    lower = [k for k, w in enumerate(words) if w[:1].islower()]
    if not lower or lower[-1] == len(words) - 1:
        return name
    if not any(words[k].lower().strip(".,") in org_nouns for k in lower):
        return name
    return " ".join(words[lower[-1] + 1 :])


class SpeakerResolver:
    """Person and organisation mentions of one article, and how to resolve a speaker against them."""

    def __init__(self, text: str, doc: Any, lex: QuoteLexicon, *, entities: Sequence[Span] | None = None) -> None:
        self.text = text
        self.lex = lex
        self.doc = doc
        self.runs = _propn_runs(doc)
        self._role_words = {w.lower() for r in lex.roles for w in r.split()} | {"ceo", "mp", "vice"}
        self.mentions = self._from_entities(entities) if entities else self._from_doc(doc)
        self.mentions.sort(key=lambda m: m.start)
        self.last_person: LastSpeaker | None = None
        self.groups: list[str] = []

    def spoke(self, attrs: dict[str, Any], start: int, end: int) -> None:
        """Remember who spoke last, quoted at text[start:end] (later pronouns usually refer to them)."""
        name = attrs.get("speaker_name")
        person = next((m for m in self.mentions if m.label == "PER" and m.name == name), None)
        if person is not None:
            self.last_person = LastSpeaker(start, end, person)
        elif name and name not in self.groups:
            self.groups.append(name)

    # -- building mentions -------------------------------------------------------------------------------
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
            if label == "PER":
                words = [w.lower().strip(".") for w in text.split()]
                if all(w in self._role_words for w in words):
                    continue  # "Chief Executive Officer" taken for a name
                wider = next(
                    (e for e in orgs if e.start_char <= start and end <= e.end_char and len(e.text) > len(text)), None
                )
                if wider is not None:  # "General Motors" split into a title and a surname
                    start, end, text = wider.start_char, wider.end_char, wider.text
                    label, name = "ORG", strip_determiner(wider.text)
                elif len(words) > 1 and words[-1] in self.lex.org_nouns:
                    label = "ORG"  # "Hinsdale Associates"
            out.append(
                Mention(
                    start=start,
                    end=end,
                    text=text,
                    label=label,
                    name=name,
                    role=span.attrs.get("role") if label == "PER" else None,
                    entity_id=span.attrs.get("entity_id"),
                    gender=self._gender(start, end, span.attrs.get("role")),
                )
            )
        persons = [m for m in out if m.label == "PER"]
        for m in persons:  # "Di Giacomo" when the entity layer did not join it to "Flavio Di Giacomo"
            full = self._full_name(m, persons)
            if full != m.name and m.entity_id is None:
                m.name = full
        return out

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
                while len(toks) > 1 and _not_name(toks[0]):
                    toks = toks[1:]
                while len(toks) > 1 and toks[-1].pos_ not in ("PROPN",) and not toks[-1].text[:1].isupper():
                    toks = toks[:-1]
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            end = _name_tail(self.text, end)
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

    def _role_near(self, start: int, end: int) -> str | None:
        """A role written next to a name: "John Kirby, porte-parole de ..." or "le porte-parole ..., John Kirby"."""
        after = self.text[end : end + 160]
        m = re.match(r"\s*,\s*([^,.;:()\n«»\"“”]{3,120})", after)
        if m:
            seg = m.group(1)
            rm = self.lex.role_match(seg)
            if rm and rm.start() <= 8:
                return strip_determiner(seg[rm.start() :]).strip() or None
        line_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[max(line_start, start - 160) : start]
        seg_m = re.search(r"([^,.;:()\n«»\"“”]{2,160}),?\s*$", before)
        if not seg_m:
            return None
        seg = seg_m.group(1)
        rm = None
        for rm_ in self.lex.role_re.finditer(seg) if self.lex.role_re else []:
            rm = rm_
            break
        if not rm:
            return None
        role = seg[rm.start() :].strip()
        if self.lex.lang == "en":
            lead = seg[: rm.start()].split()
            keep: list[str] = []
            for word in reversed(lead):
                if word[:1].isupper() or word.lower() in ("national", "security", "foreign", "defense", "defence"):
                    keep.insert(0, word)
                else:
                    break
            role = " ".join([*keep, role])
        role = strip_determiner(role)
        return role if 1 < len(role) <= 120 else None

    def _gender(self, start: int, end: int, role: str | None) -> str:
        before = self.text[max(0, start - 60) : start]
        words = re.findall(r"[\w.'’-]+", before)
        if words:
            last = words[-1]
            if last in self.lex.titles:
                return self.lex.titles[last]
        seg = re.split(r"[.!?;:\n«»“”\"]", before)[-1]
        words = re.findall(r"[\w'’-]+", seg.lower())
        for k, word in enumerate(words[:-1]):
            if word in self.lex.feminine and self.lex.role_match(words[k + 1]):
                return "f"  # "la ministre de la Culture, Rachida Dati"
        if role:
            first = role.split()[0].lower()
            if first in self.lex.feminine or first.endswith(("trice", "esse", "ente", "ière", "woman")):
                return "f"
        return "x"

    # -- resolving ---------------------------------------------------------------------------------------
    def persons_before(self, pos: int, *, exclude: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        return [
            m
            for m in self.mentions
            if m.label == "PER" and m.end <= pos and not any(s <= m.start < e for s, e in exclude)
        ]

    def resolve(self, start: int, end: int, *, head: Any = None, exclude: Sequence[tuple[int, int]] = ()) -> Speaker:
        """Resolve the speaker written at `text[start:end]` (`head`: its head token, if parsed).

        `exclude` are quoted spans whose people are not antecedents for pronouns.
        """
        speaker = self._resolve(start, end, head=head, exclude=exclude)
        if speaker.name:
            low = speaker.name.lower()
            for q in self.lex.quantifiers:  # "plusieurs témoins" -> "témoins"
                if low.startswith(q + " ") and len(speaker.name) > len(q) + 1:
                    speaker.name = speaker.name[len(q) + 1 :].strip()
                    break
        return speaker

    def _resolve(self, start: int, end: int, *, head: Any, exclude: Sequence[tuple[int, int]]) -> Speaker:
        written = self.text[start:end]
        speaker = Speaker(text=written, span=(start, end))
        head_pos = head.pos_ if head is not None else None
        first = next((m for m in self.mentions if m.label == "PER" and m.start == start), None)
        if first is not None and head is not None and first.start <= head.idx < first.end:
            return self.fill(speaker, first)  # "Brian Teefey, beau-père de la chanteuse Selena Gomez"
        owned = resolve_owned(self, speaker, start, end, head)
        if owned is not None:
            return owned
        apposed = self._role_and_name(start, end)
        if apposed is not None:
            full = self._surname_to_full(apposed, start) or apposed
            holder = next((m for m in self.mentions if m.label == "PER" and m.name == full), None)
            if holder is not None:
                return self.fill(speaker, holder)
            speaker.name = full
            speaker.role = self._role_near(start, end)
            return speaker
        inside = [m for m in self.mentions if m.start < end and m.end > start]
        persons = [m for m in inside if m.label == "PER"]
        if not persons:
            # "La ministre de l'Éducation Najat Vallaud-Belkacem": the name right after the phrase
            nxt = [m for m in self.mentions if m.label == "PER" and 0 <= m.start - end <= 2]
            if nxt and self.lex.role_match(written):
                return self.fill(speaker, nxt[0])
            # "Mario Joseph, l'un de ses avocats, qui précise": the name the phrase is apposed to
            before = self.text[max(0, start - 3) : start]
            prev = [m for m in self.mentions if m.label == "PER" and 0 <= start - m.end <= 3]
            if prev and "," in before:
                return self.fill(speaker, prev[-1])
        if persons:
            if head is not None and start <= head.idx < end:
                titled = head.text in self.lex.titles
                holder = [m for m in persons if m.start <= head.idx < m.end or titled and 0 < m.start - head.idx <= 25]
                if holder:
                    return self.fill(speaker, holder[0])
                if head_pos == "NOUN" and not self.lex.role_match(head.text) and self.group_of(persons[0], head):
                    if self.indefinite_person(written, head):
                        speaker.reason = "unnamed speaker"  # "un proche de Macron"
                        return speaker
                    speaker.name = strip_determiner(written)  # "L'administration Biden": a group named after a person
                    return speaker
            return self.fill(speaker, persons[0])
        low = written.strip().lower().lstrip("-")
        if low in self.lex.pronouns:
            return resolve_pronoun(self, speaker, low, start, exclude)
        head_low = head.lemma_.lower() if head is not None else ""
        if head is not None and (head_low in self.lex.documents or head.lower_ in self.lex.documents):
            # "selon un rapport de l'ONU", "une enquête réalisée par l'Associated Press"
            inner = [m for m in inside if m.label in ("ORG", "PER") and m.start > head.idx]
            inner += [  # "Fiat's announcement"
                m
                for m in inside
                if m.label in ("ORG", "PER") and m.end <= head.idx and self.text[m.end : m.end + 2] in ("'s", "’s")
            ]
            if inner:
                return self.fill(speaker, inner[0]) if inner[0].label == "PER" else self.named(speaker, inner[0].text)
            named_in = [r for r in self.runs if head.idx + len(head) < r[0] and r[1] <= end]
            if named_in:  # "a report in Ars Technica", "une étude de l'Insee" when NER missed the name
                return self.named(speaker, named_in[0][2])
            agent = re.match(
                r"[^,.;\n]{0,40}?\b(?:par|by)\s+(?:la |le |les |l['’]\s*|the )?", self.text[end : end + 80]
            )
            if agent:
                at = end + agent.end()
                named_by = next((m for m in self.mentions if m.label in ("ORG", "PER") and m.start == at), None)
                if named_by is not None:  # "réalisée par l'Associated Press" even when tagged as nouns
                    return (
                        self.fill(speaker, named_by) if named_by.label == "PER" else self.named(speaker, named_by.text)
                    )
                run = next((r for r in self.runs if r[0] == at), None)
                if run is not None:
                    return self.named(speaker, run[2])
        if self.indefinite_person(written, head) and not persons:
            speaker.reason = "unnamed speaker"
            return speaker
        named = [
            r
            for r in self.runs
            if r[0] >= start
            and r[1] <= end
            and (head is None or r[0] > head.idx)
            and not re.search(
                r"\b(?i:de|du|des|d['’]|of|la|le|les|the)\s*(?:[A-Z][\w-]*\s+)*$", self.text[start : r[0]]
            )
        ]
        if head_pos == "NOUN" and head.text[:1].islower() and named and not any(m.label == "PER" for m in inside):
            return self.named(speaker, named[0][2])  # "la chaîne publique TRT", "l'agence RIA Novosti"
        short = len(written.split()) <= 3
        if short and head_low in self.lex.org_nouns and re.match(r"(?:the|le|la|l['’])\s*", written.strip(), re.I):
            if self.groups:
                speaker.name = self.groups[-1]
                return speaker
            orgs = [m for m in self.mentions if m.label == "ORG" and m.end <= start and m.name]
            if orgs:  # "la compagnie": the organisation the article talks about most, the nearest on a tie
                counts = {m.name: sum(o.name == m.name for o in orgs) for m in orgs}
                best = max(reversed(orgs), key=lambda m: counts[m.name])
                return self.named(speaker, best.text)
        role = self.role_in(start, end)
        name_run = self._name_in(start, end, head)
        if name_run is not None:
            full = self._surname_to_full(name_run, start)
            if full is not None:
                holder = next((m for m in self.mentions if m.label == "PER" and m.name == full), None)
                if holder is not None:
                    return self.fill(speaker, holder)
                speaker.name = full
                return speaker
        if role and not re.match(r"[A-Z][\w'-]+$", written.strip()):
            holder = self.role_holder(role.group(0), start)
            if holder:
                return self.fill(speaker, holder)
            orgs = [m for m in inside if m.label == "ORG"]
            if role.start() <= 12:
                speaker.reason = f"role without a name in the article: {role.group(0)}"
                return speaker
            if orgs:
                speaker.name = strip_determiner(orgs[0].text)
                return speaker
        name = self.org_name(self._group_name(written, start, head))
        longer = [g for g in self.groups if g.lower().startswith(name.lower() + " ")]
        longer += [
            m.text for m in self.mentions if m.label == "ORG" and m.start < start and m.text.startswith(name + " ")
        ]
        if longer and len(name.split()) == 1:
            name = max(longer, key=len)
        if name and (head_pos in (None, "PROPN", "NOUN", "X") or inside):
            speaker.name = name
            return speaker
        speaker.reason = "speaker is not a name, role or organisation"
        return speaker

    def role_in(self, start: int, end: int) -> re.Match[str] | None:
        """The first role noun in text[start:end] that is not part of an organisation's name ("General
        Motors"); match offsets are relative to `start`."""
        if self.lex.role_re is None:
            return None
        written = self.text[start:end]
        for m in self.lex.role_re.finditer(written):
            pos = start + m.start()
            if not any(o.label == "ORG" and o.start <= pos < o.end for o in self.mentions):
                return m
        return None

    def _role_and_name(self, start: int, end: int) -> str | None:
        """ "Spokeswoman Sandy Angers", "the strategist for Invesco AIM, Fritz Meyer": a role, then a name."""
        written = self.text[start:end]
        role = self.lex.role_match(written)
        if role is None:
            return None
        runs = [r for r in self.runs if r[0] >= start and r[1] <= end]
        comma = self.text.rfind(",", start, end)
        for r in reversed(runs):
            name = self._drop_role(r[2])
            if len(name.split()) < 2 or r[1] < start + role.end() or self.lex.role_match(name):
                continue
            between = self.text[start + role.end() : r[0]]
            if r[0] > comma >= start + role.end() or not between.strip() or name != r[2]:
                return name
            # "La ministre de l'Éducation Najat Vallaud-Belkacem": the name closes the phrase
            complement = re.search(r"\b(?:de|du|des|d['’]|of|of the|de la|de l['’])\s*$", between, re.IGNORECASE)
            if r[1] >= end - 1 and not complement and self._personlike(name):
                return name
        return None

    def _drop_role(self, name: str) -> str:
        """ "Ford Motor Company CEO Alan Mulally" -> "Alan Mulally"."""
        words = name.split()
        last = -1
        for k, w in enumerate(words[:-1]):
            if w.lower() in self._role_words:
                last = k
        return " ".join(words[last + 1 :])

    def group_of(self, person: Mention, head: Any) -> bool:
        """ "l'administration Biden", "l'entourage d'Emmanuel Macron": a group named after a person."""
        between = self.text[head.idx + len(head) : person.start].strip().lower()
        if between in ("de", "d'", "d’", "of", "du") or between.endswith((" de", " of")):
            return True
        if self.text[person.end : person.end + 2] in ("'s", "’s"):
            return True
        return len(person.text.split()) == 1 and not between and head.text[:1].islower()

    def indefinite_person(self, written: str, head: Any) -> bool:
        """ "un témoin", "a company spokeswoman", "l'un de ses avocats": somebody the article does not name."""
        low = written.strip().lower()
        if not re.match(r"(?:un|une|a|an|l['’]un|l['’]une|one)\s", low):
            return False
        if head is not None and head.lemma_.lower() in self.lex.source_nouns:
            return False
        return head is None or head.pos_ != "PROPN"

    def named(self, speaker: Speaker, text: str, *, keep_possessive: bool = False) -> Speaker:
        """Name the speaker after an organisation or group as written."""
        speaker.name = strip_determiner(text) if keep_possessive else self.org_name(text)
        return speaker

    def org_name(self, text: str) -> str:
        """An organisation's name as written, without article, possessive or leading description ("US
        automaker GM" -> "GM"), an acronym spelt out when the article does ("GM" -> "General Motors")."""
        name = _drop_description(strip_determiner(POSSESSIVE.sub("", text)), self.lex.org_nouns)
        if re.fullmatch(r"[A-Z]{2,5}", name):
            for m in self.mentions:
                full = _drop_description(strip_determiner(POSSESSIVE.sub("", m.text)), self.lex.org_nouns)
                if m.label == "ORG" and full != name and "".join(w[0] for w in full.split() if w[:1].isupper()) == name:
                    return full
        return name

    def apposed_person(self, start: int, end: int) -> Mention | None:
        """The person named right after the phrase ("Alors patron d'Axa, Henri de Castries") or right
        before it ("Mario Joseph, l'un de ses avocats")."""
        persons = [m for m in self.mentions if m.label == "PER"]
        after = [m for m in persons if m.start >= end and not self.text[end : m.start].strip(" ,")]
        if after:
            return after[0]
        before = [m for m in persons if m.end <= start and self.text[m.end : start].strip() == ","]
        return before[-1] if before else None

    def _group_name(self, written: str, start: int, head: Any) -> str:
        """An organisation or group as written, without determiner or apposition ("Bank of America, the ...")."""
        if head is not None and "," in written:
            comma = start + written.index(",")
            if head.idx < comma:
                written = written[: comma - start]
        return strip_determiner(POSSESSIVE.sub("", written.strip()))

    def _name_in(self, start: int, end: int, head: Any) -> str | None:
        """A person-like name (proper-noun run) inside the speaker phrase, when NER found none."""
        runs = [r for r in self.runs if r[0] >= start and r[1] <= end]
        if not runs:
            return None
        if head is not None:
            for r in runs:
                if r[0] <= head.idx < r[1] and head.pos_ == "PROPN":
                    return r[2] if self._personlike(r[2]) else None
        comma = self.text.rfind(",", start, end)
        after = [r for r in runs if r[0] > comma] if comma != -1 else []
        if after and self._personlike(after[-1][2]):
            return after[-1][2]
        return None

    def _personlike(self, name: str) -> bool:
        """A proper-noun run that is a known person's name or surname, or looks like "First Last"."""
        words = name.split()
        for m in self.mentions:
            if m.label == "PER" and m.name.split()[-len(words) :] == words:
                return True
        for r in self.runs:
            cand = self._drop_role(r[2]).split()
            if len(cand) > len(words) and cand[-len(words) :] == words and len(r[2].split()) > len(cand):
                return True  # "Spokeswoman Sandy Angers" ... "said Angers"
        if any(m.label in ("ORG", "LOC") and name in m.text for m in self.mentions):
            return False  # "America Corporation" in "The Bank of America Corporation"
        if any(w.lower().strip(".") in self.lex.org_nouns for w in words):
            return False
        return len(words) >= 2

    def _surname_to_full(self, name: str, pos: int) -> str | None:
        words = name.split()
        cands = [m.name for m in self.mentions if m.label == "PER"] + [
            self._drop_role(r[2]) for r in self.runs if len(r[2].split()) > 1
        ]
        best = None
        for cand in cands:
            cw = cand.split()
            if len(cw) > len(words) and cw[-len(words) :] == words and (best is None or len(cw) > len(best.split())):
                best = cand
        if best is not None:
            return best
        return name if len(words) >= 2 or self._personlike(name) else None

    def fill(self, speaker: Speaker, m: Mention) -> Speaker:
        speaker.name = m.name
        speaker.role = m.role
        speaker.entity_id = m.entity_id
        return speaker

    def role_holder(self, role: str, pos: int) -> Mention | None:
        role = role.lower()
        for m in reversed([m for m in self.mentions if m.label == "PER" and m.start < pos]):
            if m.role and role in m.role.lower():
                return m
        for m in self.mentions:
            if m.label == "PER" and m.role and role in m.role.lower():
                return m
        return None
