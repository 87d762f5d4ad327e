"""Reading a written speaker phrase for `SpeakerResolver`: the name or organisation right after its head word,
head words that a name only describes ("a Trump spokesman") or that stand for an organisation ("the hospital"),
the authors of a document noun, a relative pronoun's antecedent, and where the phrase ends (before a finite
verb or the channel it spoke on)."""

from __future__ import annotations

import re
from typing import Any

from .mention_names import Mention
from .quote_verbs import finite_verb
from .speaker_groups import speaker_nouns

CHANNEL_PREPOSITIONS = {"sur", "via", "dans", "on", "in", "to"}
RELATIVE = {"who", "which", "that", "whose", "qui", "que", "dont", "lequel", "laquelle"}


class SpeakerPhrases:
    """Methods of `SpeakerResolver` that read the head word and the extent of a written speaker phrase."""

    def _name_after_head(self, persons: list[Mention], head: Any) -> Mention | None:
        """The person named right after an English lower-case head noun, a comma allowed between them ("his
        wife Jools", "the singer's manager, Ann Lee")."""
        if self.lex.lang != "en" or head.pos_ != "NOUN" or not head.text[:1].islower():
            return None  # French puts a group's owner there: "le gouvernement Assad"
        after = head.idx + len(head)
        gap = re.compile(r"\s*,?\s*")
        return next((m for m in persons if m.start >= after and gap.fullmatch(self.text, after, m.start)), None)

    def _body_named_after(self, person: Mention, head: Any) -> bool:
        """An English organisation whose capitalised name ends in a body noun after a person's or place's name
        ("Prince George's County Police", "the Gates Foundation")."""
        if self.lex.lang != "en" or not head.text[:1].isupper() or head.idx < person.end:
            return False
        between = self.text[person.end : head.idx]
        if not re.fullmatch(r"(?:['’]s)?(?:\s+[A-Z][\w-]*)*\s+", between):
            return False
        return head.lower_ in speaker_nouns("en").body or head.lower_ in self.lex.org_nouns

    def _person_noun_after_name(self, person: Mention, head: Any) -> bool:
        """An English role or person noun that a name before it only describes ("the Madeleine McCann
        suspect", "a Trump spokesman"): the speaker is somebody else."""
        if self.lex.lang != "en" or head.pos_ != "NOUN" or not head.text[:1].islower() or head.idx < person.end:
            return False
        if not re.fullmatch(r"(?:\s+[a-z][\w-]*)*\s+", self.text[person.end : head.idx]):
            return False  # "Ann Lee, a lawyer", "Ann Lee's lawyer": an apposition, or an owner (`resolve_owned`)
        nouns = speaker_nouns("en")
        return head.lower_ in nouns.person or bool(self.lex.role_match(head.text))

    def _org_description(self, written: str, head: Any, inside: list[Mention]) -> bool:
        """An English definite description whose lower-case head noun may stand for an organisation ("the
        hospital", "the tabloid"): no name inside, and no role or person noun ("the president", "the
        victims")."""
        if self.lex.lang != "en" or head is None or inside or head.pos_ != "NOUN" or not head.text[:1].islower():
            return False
        if not re.match(r"(?i:the|its)\s", written.strip()) or head.lower_ in speaker_nouns("en").person:
            return False
        return not self.lex.role_match(head.text)

    def _author_phrase(self, head: Any, end: int) -> tuple[int, int] | None:
        """ "les informations des médias américains", "un communiqué de l'armée kurde": the plural or
        institution noun phrase after "de" that a document noun belongs to, as a span within the speaker
        phrase."""
        if self.lex.lang != "fr":
            return None
        for c in head.children:
            if c.dep_ != "nmod" or c.pos_ != "NOUN" or c.idx >= end or c.i < head.i:
                continue
            if "Plur" not in c.morph.get("Number") and c.lower_ not in speaker_nouns("fr").body:
                continue  # "le rapport de la banque": a single unnamed body stays unnamed, not "de l'armée"
            case = [x for x in c.children if x.dep_ in ("case", "det") and x.i < c.i]
            if not case or case[0].lower_ not in ("de", "du", "des", "d'", "d’"):
                continue
            lo = case[0].idx + len(case[0])
            hi = max(t.idx + len(t) for t in c.subtree if t.idx < end)
            return (lo + len(self.text[lo:hi]) - len(self.text[lo:hi].lstrip()), hi)
        return None

    def _org_after(self, head: Any, inside: list[Mention]) -> Mention | None:
        """The organisation named right after a common noun, with at most an article between them."""
        after = head.idx + len(head)
        for m in inside:
            gap = self.text[after : m.start]
            if m.label == "ORG" and m.start >= after and re.fullmatch(r"\s*(?:(?i:the|la|le|les)\s+|l['’])?", gap):
                return m
        return None

    def _relative_antecedent(self, rel: Any) -> tuple[int, int, Any] | None:
        """The phrase a relative pronoun stands for (start, end, head): its antecedent when that can speak
        (a person, an organisation, a role or group noun), else the subject of the clause the relative
        clause interrupts ("À la veille de la fête nationale, qui commémore …, le Mouvement … a proposé")."""
        verb = rel.head
        if not rel.dep_.startswith("nsubj") or verb.i <= rel.i:
            return None
        if verb.dep_.endswith("relcl") and verb.head is not verb:
            ant = verb.head
        else:  # the parser did not attach the clause: the noun right before ", qui"
            ant = next((t for t in reversed(rel.doc[rel.sent.start : rel.i]) if not t.is_punct), None)
            if ant is None:
                return None
            if ant.pos_ in ("ADJ", "DET") and ant.head.i < rel.i:
                ant = ant.head
        end = len(self.text[: rel.idx].rstrip(" ,"))
        if ant.i < rel.i and self._can_speak(ant):
            # "Jean-Jacques Urvoas, qui": the whole name when the parse hung its first names elsewhere
            run = next((r[0] for r in self.runs if r[0] <= ant.idx < r[1]), ant.left_edge.idx)
            return min(ant.left_edge.idx, run), end, ant
        subject = next(
            (t for t in rel.sent if t.i > verb.i and t.dep_.startswith("nsubj") and t.head is not verb), None
        )
        if subject is None or not self._can_speak(subject):
            return None
        return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge), subject

    def _can_speak(self, tok: Any) -> bool:
        """A head word that names a possible speaker: inside a person or organisation, a proper noun, a role,
        an organisation or a source noun."""
        if tok.pos_ == "PROPN" or any(m.start <= tok.idx < m.end for m in self.mentions if m.label != "LOC"):
            return True
        lemma, nouns = tok.lemma_.lower(), speaker_nouns(self.lex.lang)
        words = {lemma, tok.lower_} & (self.lex.org_nouns | self.lex.source_nouns | nouns.body | nouns.person)
        return bool(words) or bool(self.lex.role_match(tok.text))

    def _titled_name_opening(self, start: int, end: int, head: Any) -> Any:
        """ "Sheik Saif Al Thani, directeur du bureau …": in French, a person whose title opens the phrase and
        whose name follows it, when the parse heads the phrase on the title or the name."""
        if self.lex.lang != "fr" or head is None:
            return None
        for m in self.mentions:
            if m.label != "PER" or not m.role or not start < m.start < end or not start <= head.idx < m.end:
                continue
            if self.text[start : m.start].strip().lower() in (m.role.lower(), "le " + m.role.lower()):
                return m
        return None

    def _name_closing_complement(self, start: int, end: int) -> str | None:
        """ "de la Communication et des Médias Jean Roux": in French, a speaker phrase that opens on "de", the
        end of a role's complement cut off by the parse, closed by a "First Last" name: that name."""
        if self.lex.lang != "fr" or not re.match(r"(?:de|du)\s|d['’]", self.text[start:end]):
            return None
        run = next((r for r in self.runs if start < r[0] and r[1] >= end - 1 and r[1] <= end), None)
        if run is None or len(run[2].split()) < 2 or not self._personlike(run[2]):
            return None
        return self._surname_to_full(run[2], start) or run[2]

    def _before_participle_aside(self, start: int, end: int) -> int:
        """End a French speaker phrase before an apposed past participle ("L'archevêque de Rouen, invité à
        l'Élysée, appelle"): what happened to the speaker is not part of their name or role."""
        if self.lex.lang != "fr" or self.doc is None:
            return end
        toks = list(self.tokens_inside(start - 1, end))
        for prev, tok in zip(toks, toks[1:], strict=False):
            past = tok.pos_ in ("VERB", "ADJ") and "Part" in tok.morph.get("VerbForm")
            past = past and "Past" in tok.morph.get("Tense")
            if prev.text == "," and past and prev.idx > start:
                return prev.idx
        return end

    def _before_dash_aside(self, start: int, end: int) -> int:
        """End a French speaker phrase before an aside between dashes ("le ministre … Jean Roux — par ailleurs
        ancien directeur de la télévision —"): what the aside says about the speaker is not their name."""
        if self.lex.lang != "fr":
            return end
        dash = re.search(r"\s[—–]\s", self.text[start:end])
        if dash is None or not self.text[start : start + dash.start()].strip():
            return end
        return start + dash.start()

    def _before_finite_verb(self, start: int, end: int) -> int:
        """End a speaker phrase before a finite verb that is not in a relative clause ("according to The
        New York Times is near a five-year high" -> "The New York Times") and before the channel it spoke
        on ("le chef du gouvernement sur le réseau social Twitter")."""
        if self.doc is None:
            return end
        channels = speaker_nouns(self.lex.lang).channel
        for tok in self.tokens_inside(start, end):
            if tok.lower_ in RELATIVE:
                return end
            finite = finite_verb(tok)
            rest = self.text[tok.idx + len(tok) : end].lower()
            if finite or tok.lower_ in CHANNEL_PREPOSITIONS and any(w.strip(".,") in channels for w in rest.split()):
                return start + len(self.text[start : tok.idx].rstrip(" ,"))
        return end
