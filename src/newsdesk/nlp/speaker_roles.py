"""Role speakers: the role noun in a speaker phrase ("Spokeswoman Sandy Angers"), the person who holds a
described role ("le ministre de l'Intérieur") or is named beside it, the last speaker standing for a definite
role, groups named after a person ("l'entourage d'Emmanuel Macron") and people the article does not name
("un témoin", "des sources PS")."""

from __future__ import annotations

import re
from typing import Any

from .mention_names import Mention, sentence_start, strip_determiner
from .speaker_groups import speaker_nouns, time_tail
from .speaker_pronouns import LAST_SPEAKER_REACH, agrees, is_subject, opens_clause

DEFINITE_DESCRIPTION = re.compile(r"(?i:the)(?:\s+[\w-]+){1,5}(?:\s+of(?:\s+the)?(?:\s+[\w-]+){1,3})?")
"""A definite description of a person: "the North Korean leader", "the head of the Catholic church"."""


class RoleHolders:
    """Methods of `SpeakerResolver` that resolve roles and descriptions to the people who hold them."""

    def role_in(self, start: int, end: int) -> re.Match[str] | None:
        """The first role noun in text[start:end] that is not part of an organisation's name ("General
        Motors"); match offsets are relative to `start`."""
        if self.lex.role_re is None:
            return None
        written = self.text[start:end]
        for m in self.lex.role_re.finditer(written):
            pos = start + m.start()
            if written[m.end() : m.end() + 2] in ("'s", "’s"):
                continue  # "the mayor's office": the office speaks
            if self._adjective_before_org(pos, start + m.end()):
                continue  # "the official Xinhua News Agency": the agency speaks
            if not any(
                o.label == "ORG" and o.start <= pos < o.end and not self._role_tagged_org(o, pos) for o in self.mentions
            ):
                return m
        return None

    def _role_tagged_org(self, org: Any, pos: int) -> bool:
        """ "le Ministre de l'Intérieur français" tagged as an organisation: in French, a role noun opening the
        tagged name, followed by its complement, is a role ("General Motors" stays a name in English)."""
        if self.lex.lang != "fr" or org.start != pos:
            return False
        return re.match(r"[\w-]+(?:\s+[\w-]+)?\s+(?:de|du|des|d['’])\s", org.text) is not None

    def _adjective_before_org(self, start: int, end: int) -> bool:
        """A role word used as an adjective right before an organisation's name ("official" in "the official
        Xinhua News Agency")."""
        if self.doc is None or not any(
            o.label == "ORG" and o.start > end and not self.text[end : o.start].strip() for o in self.mentions
        ):
            return False
        return any(t.pos_ == "ADJ" for t in self.tokens_inside(start - 1, end))

    def _role_and_name(self, start: int, end: int) -> str | None:
        """ "Spokeswoman Sandy Angers", "the strategist for Invesco AIM, Fritz Meyer": a role, then a name."""
        written = self.text[start:end]
        role = self.lex.role_match(written)
        if role is None:
            return None
        runs = [r for r in self.runs if r[0] >= start and r[1] <= end]
        comma = self.text.rfind(",", start, end)
        for r in reversed(runs):
            name = self._drop_role(self._after_place(*r))
            if len(name.split()) < 2 or r[1] < start + role.end() or self.lex.role_match(name):
                continue
            if name.split()[-1].lower().strip(".") in self.lex.org_nouns:
                continue  # "General Motors Corporation": an organisation whose name opens with a title
            between = self.text[start + role.end() : r[0]]
            owned = re.search(r"(?:['’]s|\b(?i:of|for|at|de|du|des))\s+$", self.text[start : r[0]])
            after_comma = r[0] > comma >= start + role.end() and not owned
            if after_comma or not between.strip() or name != r[2]:
                return name  # not "General Ann Lee, head of the Army's Materiel Command": an organisation
            # "La ministre de l'Éducation Najat Vallaud-Belkacem": the name closes the phrase
            complement = re.search(r"\b(?:de|du|des|d['’]|of|of the|de la|de l['’])\s*$", between, re.IGNORECASE)
            if r[1] >= end - 1 and not complement and self._personlike(name):
                return name
        return None

    def _drop_role(self, name: str) -> str:
        """ "Ford Motor Company CEO Alan Mulally" -> "Alan Mulally", "Lt Col Ann Lee" -> "Ann Lee"."""
        words = name.split()
        last = -1
        for k, w in enumerate(words[:-1]):
            if w.lower() in self._role_words or w in self.lex.titles:
                last = k
        return " ".join(words[last + 1 :])

    def group_of(self, person: Mention, head: Any) -> bool:
        """ "l'administration Biden", "l'entourage d'Emmanuel Macron": a group named after a person."""
        between = self.text[head.idx + len(head) : person.start].strip().lower()
        if between in ("de", "d'", "d’", "of", "du") or between.endswith((" de", " of", "close to")):
            return True
        if self.text[person.end : person.end + 2] in ("'s", "’s"):
            return True
        if head.lower_ in self.lex.org_nouns:
            return False  # "the blog Harborview": a body named by a one-word name the model took for a person
        return len(person.text.split()) == 1 and not between and head.text[:1].islower()

    def indefinite_person(self, written: str, head: Any) -> bool:
        """ "un témoin", "a company spokeswoman", "l'un de ses avocats": somebody the article does not name."""
        low = written.strip().lower()
        if not re.match(r"(?:un|une|a|an|l['’]un|l['’]une|one)\s", low):
            return False
        if head is not None and head.lemma_.lower() in self.lex.source_nouns:
            return False
        if re.search(r",\s*(?:the\s+|le\s+|la\s+|l['’]\s*)?[A-ZÀ-Ý]", written):
            return False  # "A third US car manufacturer, Ford Motor Company": named in apposition
        return head is None or head.pos_ != "PROPN"

    def _unnamed_source(self, written: str, head: Any) -> bool:
        """ "des sources PS", "une source proche du parti": in French, sources given with an indefinite
        article stay unnamed, whatever organisation they are close to."""
        if self.lex.lang != "fr" or head is None or head.lemma_.lower() not in self.lex.source_nouns:
            return False
        return re.match(r"(?:des|une|un|de|d['’])\s*", written.strip().lower()) is not None

    def apposed_person(self, start: int, end: int) -> Mention | None:
        """The person named right after the phrase ("Alors patron d'Axa, Henri de Castries") or right
        before it ("Mario Joseph, l'un de ses avocats")."""
        persons = [m for m in self.mentions if m.label == "PER"]
        after = [m for m in persons if m.start >= end and not self.text[end : m.start].strip(" ,")]
        if after:
            return after[0]
        before = [m for m in persons if m.end <= start and self.text[m.end : start].strip() == ","]
        return before[-1] if before else None

    def enclosed_name_after(self, end: int) -> Mention | None:
        """The person named between commas right after a speaker phrase ("L'une des voix discordantes,
        Ivan Roy, a dénoncé", "Un porte-parole, Ann Lee, a dit"): the apposition names the speaker."""
        for m in self.mentions:
            if m.label == "PER" and m.start >= end and self.text[end : m.start].strip() == ",":
                return m if self.text[m.end : m.end + 3].lstrip().startswith(",") else None
        return None

    def _last_speaker_as(self, written: str, pos: int) -> Mention | None:
        """The person who spoke last, when a definite role with no holder in the article ("le président",
        "the minister") follows their quote closely: the article names its main speaker once. In French, the
        person who became the topic since then, if any (`topic_person`)."""
        words = written.strip().lower().split()
        if not words or words[0] not in ("le", "la", "the") and not words[0].startswith(("l'", "l’")):
            return None
        gender = "f" if words[0] in self.lex.feminine or words[-1].endswith("woman") else "x"
        last = self.last_person
        topic = self.topic_person(written, pos, "m" if words[0] == "le" else gender)
        if topic is not None and (last is None or topic.start >= last.end or pos - last.end > LAST_SPEAKER_REACH):
            return topic  # "Emmanuel Macron a nié … « … », a confié le candidat d'En marche"
        if len(words) > 3 and not DEFINITE_DESCRIPTION.fullmatch(written.strip()):
            return None
        if last is None or pos - last.start > LAST_SPEAKER_REACH:  # "Ann Lee, … . According to the theologian"
            near = [m for m in self.persons_before(pos) if pos - m.start <= LAST_SPEAKER_REACH and agrees(m, gender)]
            return near[-1] if near and self.lex.lang == "en" else None
        return last.person if agrees(last.person, gender) else None

    def named_next(self, written: str, end: int) -> str | None:
        """English news describe a speaker in the lede and name them in the next paragraph ("…, the Turkish
        vice president said Wednesday. … "…," Fuat Oktay said"): for a definite role that no earlier person
        holds, the full name of the first named subject of a speech verb after it, when the article names
        that person there for the first time."""
        if self.lex.lang != "en" or self.doc is None or not re.match(r"(?i:the)\s", written.strip()):
            return None
        for t in self.tokens_inside(end, end + LAST_SPEAKER_REACH):
            if t.dep_ != "nsubj" or t.pos_ != "PROPN" or t.head.lemma_.lower() not in self.lex.verbs:
                continue
            if t.sent.start_char < end:
                return None  # "The minister said …, and her deputy Ann Cole added": somebody else
            person = next((m for m in self.mentions if m.label == "PER" and m.start <= t.idx < m.end), None)
            run = next((r for r in self.runs if r[0] <= t.idx < r[1]), None)
            name = person.name if person is not None else run[2] if run is not None else None
            if not name or len(name.split()) < 2 or person is None and not self._personlike(name):
                return None
            at = (person.start, person.end) if person is not None else (run[0], run[1])
            if self._other_role(written, (person.role if person is not None else None) or self._role_near(*at)):
                return None  # "…, the minister said. … said Tom Reyes, an economist": somebody else
            before = {w for m in self.persons_before(end) for w in m.name.split()}
            return name if not before & set(name.split()) and name not in self.text[:end] else None
        return None

    def _other_role(self, written: str, role: str | None) -> bool:
        """A role given to a person that does not contain the role noun of the description `written`."""
        noun = self.lex.role_match(written)
        return bool(role) and (noun is None or noun.group(0).lower() not in role.lower())

    def topic_person(self, written: str, pos: int, gender: str) -> Mention | None:
        """The French topic a definite description ("le candidat", "la ministre", "le Jamaïcain") takes up:
        the last person named in its sentence or the one before, when that person opens their clause as its
        subject and no role they are given contradicts the description ("le ministre de l'Économie" is not a
        "ministre de la Justice")."""
        if self.lex.lang != "fr" or self.doc is None:
            return None
        lo = sentence_start(self.text, max(0, sentence_start(self.text, pos) - 2))
        near = [m for m in self.persons_before(pos) if m.start >= lo]
        spans = [self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in near]
        opening = [m for m, span in zip(near, spans, strict=True) if span is not None and opens_clause(self.doc, span)]
        if not opening or not agrees(opening[-1], gender):
            return None  # "le suspect se dénommerait Omar Mateen. Selon le directeur …": not the topic
        person = opening[-1]  # "Ann Roy a appelé Paul Lenoir. … la candidate indique": Ann Roy
        role = self.role_in(pos, pos + len(written))
        if role is not None:
            noun = role.group(0).lower()
            if noun in KINSHIP:
                return None  # "Marc Roy a été tué. Le père de la victime …": a relative is named only by name
            word = re.compile(rf"(?<![\w-]){re.escape(noun)}(?![\w-])")
            held_inside = [m.role for m in self.mentions if m.name == person.name and m.role and word.search(m.role)]
            if any(DESCRIPTION_PREPOSITION.search(h[: word.search(h).start()]) for h in held_inside):
                return None  # "Paul Roy, avocat de la mère" is not "la mère"
            _, complement = _description_words(written, noun)
            roles = [m.role for m in self.mentions if m.name == person.name and m.role and noun in m.role.lower()]
            for held in roles:
                has, own = _description_words(held, noun)
                if complement and (own or _words_before_role(held, noun) & RANK_WORDS) and not complement & has:
                    return None
        return person

    def demonym_person(self, written: str, pos: int) -> Mention | None:
        """ "le Jamaïcain", "la Française": the French person the article gave that nationality ("le Français
        Jimmy Vicaut"), else the person who is the topic (`topic_person`)."""
        if self.lex.lang == "en":
            return self._english_demonym_person(written, pos)
        m = re.fullmatch(r"(?i:le|la|l['’])\s*([A-ZÀ-Ý][\w-]+)", written.strip())
        if m is None or self.lex.lang != "fr" or m.group(1).lower() not in speaker_nouns("fr").demonyms:
            return None
        gender = "f" if written.strip()[:2].lower() == "la" else "m"
        for person in reversed(self.persons_before(pos)):
            before = re.findall(r"[\w-]+", self.text[max(0, person.start - 30) : person.start])
            if before and before[-1] == m.group(1):
                return person
        return self.topic_person(written, pos, gender)

    def _english_demonym_person(self, written: str, pos: int) -> Mention | None:
        """ "the Bulgarian" alone: the person the article gave that nationality ("Bulgarian Grigor Dimitrov"),
        else the last person named in this sentence or the one before when that person is the subject of a
        clause (a sports or political report naming its subject again by nationality). A lower-case "the"
        only: "The Australian" is a newspaper."""
        bare = time_tail("en").sub("", written.strip())  # "the Bulgarian Thursday said"
        m = re.fullmatch(r"the\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)", bare)
        if m is None or m.group(1).lower() not in speaker_nouns("en").demonyms:
            return None
        persons = self.persons_before(pos)
        for person in reversed(persons):
            before = re.findall(r"[\w-]+", self.text[max(0, person.start - 30) : person.start])
            if before and before[-1] == m.group(1):
                return person
        lo = sentence_start(self.text, max(0, sentence_start(self.text, pos) - 2))
        near = [p for p in persons if p.start >= lo]
        return near[-1] if near and is_subject(self.doc, near[-1]) else None

    def role_holder(self, role: str, pos: int, written: str = "") -> Mention | None:
        """The person the article gives `role`, the last one before `pos` first. A description's other words
        choose among holders ("le ministre de l'Intérieur" is the one whose role says "Intérieur"), and a
        holder whose role names another complement is not the one described ("le ministre de l'Économie" is
        not "ministre de la Justice")."""
        word = re.compile(rf"(?<![\w-]){re.escape(role.lower())}(?![\w-])")
        holders = [
            m
            for m in self.mentions
            if m.label == "PER"
            and m.role
            and (at := word.search(m.role.lower())) is not None
            and not DESCRIPTION_PREPOSITION.search(m.role[: at.start()])  # "avocat de la mère" is no "mère"
        ]
        wanted, complement = _description_words(written, role)
        ranked: list[tuple[int, int, int, Mention]] = []
        for k, m in enumerate(holders):
            has, own_complement = _description_words(m.role or "", role)
            lead = _words_before_role(m.role or "", role)
            if complement and (own_complement or lead & RANK_WORDS) and not complement & has:
                continue  # "le ministre de l'Économie" is neither "ministre de la Justice" nor "Premier ministre"
            qualified = bool(lead & RANK_WORDS - wanted)  # "Premier ministre" is not the one "le ministre" describes
            if self.lex.lang == "fr":  # "le chef de l'État" is not "l'ancien président"
                qualified = qualified or _former(written) != _former((m.role or "").lower().split(role.lower())[0])
            before = m.start < pos
            if not before and complement - has:
                continue  # "le candidat de Debout la France" is not "candidat de La France insoumise" named later
            ranked.append((len(wanted & has), -qualified, k if before else -k, m))
        best = max(ranked, key=lambda t: t[:3]) if ranked else None
        if best is not None and wanted and not best[0] and written:
            # "le candidat socialiste" is not "Ann Roy, candidate écologiste": the topic, if any
            first = written.strip().lower().split(" ", 1)[0]
            topic = self.topic_person(written, pos, "f" if first == "la" else "m" if first == "le" else "x")
            if topic is not None:
                return topic
        return best[3] if best is not None else None


FORMER = {"ancien", "ancienne", "ex"}
"""French words before a role that make its holder a former one ("l'ancien président", "l'ex-ministre")."""


def _former(written: str) -> bool:
    """Whether a French description names a former holder of its role."""
    return bool(FORMER & set(re.findall(r"[\w]+", written.lower())))


def same_role(written: str, lang: str) -> str | None:
    """The role a phrase names its holder by ("le chef de l'État en visite à Lyon" -> "président"): the
    longest listed phrase the description opens with."""
    low = strip_determiner(written).lower()
    phrases = speaker_nouns(lang).same_role
    for phrase in sorted(phrases, key=len, reverse=True):
        if low == phrase or low.startswith(phrase) and not low[len(phrase)].isalnum():
            return phrases[phrase]
    return None


DESCRIPTION_STOP = {
    "the", "a", "an", "of", "for", "at", "in", "on", "and", "to", "its", "his", "her", "their", "de", "du", "des",
    "d", "le", "la", "les", "l", "et", "en", "au", "aux", "à", "pour", "son", "sa", "ses", "leur", "former", "new",
    "then", "current", "un", "une", "ancien", "ancienne", "nouveau", "nouvelle", "nouvel", "actuel", "actuelle",
    "alors", "ex",
}
KINSHIP = {
    "mère", "père", "fils", "fille", "frère", "sœur", "épouse", "époux", "mari", "femme", "veuve", "veuf", "oncle",
    "tante", "cousin", "cousine", "grand-mère", "grand-père", "compagne", "compagnon", "mother", "father", "son",
    "daughter", "brother", "sister", "wife", "husband", "widow", "uncle", "aunt",
}
"""Relatives: "la mère de la victime" is never the person the article is about."""
RANK_WORDS = {"premier", "première", "prime", "vice", "deputy", "sous", "adjoint", "adjointe", "assistant", "co"}
"""Words before a role noun that make it another role: "Premier ministre" is not "le ministre"."""
DESCRIPTION_PREPOSITION = re.compile(r"(?i)\b(?:of|for|at|de|du|des|d['’]|à|au|aux)(?:\s|$)|\bd['’]")


def _description_words(phrase: str, role: str) -> tuple[set[str], set[str]]:
    """The content words of a role phrase other than the role noun, and those of its complement (the "de"/"of"
    phrase right after the role noun, one adjective between allowed): "le ministre de l'Intérieur" ->
    ({"intérieur"}, {"intérieur"}); "le ministre en marge d'un déplacement" has no complement."""
    role_words = set(role.lower().split())
    words = {w for w in re.findall(r"[\w-]+", phrase.lower()) if w not in DESCRIPTION_STOP and w not in role_words}
    at = re.search(rf"(?<![\w-]){re.escape(role.lower())}(?![\w-])", phrase.lower())
    after = phrase[at.end() :] if at is not None else phrase
    prep = DESCRIPTION_PREPOSITION.match(after.lstrip()) or re.match(
        r"\s*[\w-]+\s+(?=(?:of|for|at|de|du|des|d['’]|à|au|aux)\b)", after
    )
    if prep is not None and not DESCRIPTION_PREPOSITION.match(after.lstrip()):
        prep = DESCRIPTION_PREPOSITION.search(after, prep.end())
        tail = after[prep.end() :] if prep is not None else ""
    elif prep is not None:
        tail = after.lstrip()[prep.end() :]
    else:
        tail = ""
    return words, {w for w in re.findall(r"[\w-]+", tail.lower()) if w in words}


def _words_before_role(phrase: str, role: str) -> set[str]:
    """The content words written before the role noun in a role phrase: "premier" of "Premier ministre"."""
    at = re.search(rf"(?<![\w-]){re.escape(role.lower())}(?![\w-])", phrase.lower())
    lead = phrase[: at.start()] if at is not None else ""
    return {w for w in re.findall(r"[\w-]+", lead.lower()) if w not in DESCRIPTION_STOP}
