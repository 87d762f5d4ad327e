"""Resolve a speaker as written ("Kirby", "il", "le porte-parole") to a full name and role.

Matched against the article's mentions (`speaker_mentions`): a surname goes to an earlier full name, a
role noun to the person who holds it, a pronoun to the nearest compatible earlier person
(`speaker_pronouns`), a role or group "of X" is not X (`speaker_heads`). Organisations and groups ("la
préfecture de police", "sources") are speakers too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel.dates import get_day_names
from rapidfuzz.distance import OSA

from .. import lexicons
from ..article import Span
from .places import gazetteer
from .quote_lexicon import QuoteLexicon
from .speaker_groups import after_glued_headline, group_name, no_name, speaker_nouns
from .speaker_heads import resolve_owned
from .speaker_mentions import (
    POSSESSIVE,
    ArticleMentions,
    Mention,
    drop_description,
    possessive_at,
    sentence_start,
    strip_determiner,
)
from .speaker_pronouns import LAST_SPEAKER_REACH, LastSpeaker, agrees, resolve_pronoun

ORG_PLACE_WORDS = {"of", "at", "for", "de", "du", "chez"}
"""Words before an organisation's name, rarely before a person's ("the head of Alfred A Knopf")."""
UNCLOSED_PAREN = re.compile(r"\s*\([^()]*$")
DEFINED_NAME = r"((?:[A-ZÀ-Ý][\w.&-]*\s+(?:(?:of|for|and|de|du|des|la|pour)\s+)?)+)"  # before "(ACRONYM)"


def _initials_in(name: str, acronym: str) -> bool:
    """Every capitalised word of `name` gives, in order, a letter of `acronym`, the first one its first
    ("Malaysia Airlines" for "MAS")."""
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    if not initials or initials[0] != acronym[0] or len(initials) > len(acronym):
        return False
    rest = iter(acronym[1:])
    return all(any(c == i for c in rest) for i in initials[1:])


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one letter changed, added or dropped, or two adjacent letters swapped; same first
    letter ("DesRosier" / "DesRoiser")."""
    return a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=1) == 1


FR_NAME_TOKEN = re.compile(r"[\w-]+['’]?|\S")
FR_NAME_LINKS = {"de", "d'", "d’", "du", "des", "pour", "et", "à", "au", "aux", "sur", "contre", "en"}  # inside a name
FR_ARTICLES = {"le", "la", "les", "l'", "l’"}


def french_defined_name(text: str, paren: int) -> str | None:
    """The French name defined by the "(ACRONYM)" at `paren`, lower-case words included: walk back to the
    article that opens the noun phrase ("l'Autorité des technologies de Communication et d'Information
    (BTK)", "du Comité international de la Croix-Rouge (CICR)"); an article after a linking preposition
    ("pour les libertés") stays inside. The name starts with a capital."""
    toks = FR_NAME_TOKEN.findall(text[max(0, paren - 200) : paren])
    words: list[str] = []
    for k in range(len(toks) - 1, -1, -1):
        tok, low = toks[k], toks[k].lower()
        prev = toks[k - 1].lower() if k else ""
        if low in FR_ARTICLES and prev in FR_NAME_LINKS and prev != "et":
            words.insert(0, tok)
            continue
        if low in FR_ARTICLES or not tok[0].isalnum() or low in ("un", "une", "ce", "cette", "son", "sa"):
            break
        if low in ("du", "au") and prev == "et":
            break  # "du Croissant-Rouge et du Comité international": the second name starts here
        if tok[:1].islower() and low not in FR_NAME_LINKS and words and words[0][:1].isupper():
            break  # "selon Amnesty International": a lower-case word right before the name
        words.insert(0, tok)
        if len(words) > 12:
            return None
    while words and not words[0][:1].isupper():
        words.pop(0)
    if not words:
        return None
    return re.sub(r"(['’])\s+", r"\1", " ".join(words)).replace(" '", "'")


DETERMINER_ONLY = re.compile(r"\s*(?:(?:the|le|la|les)\s+|l['’]\s*)?", re.IGNORECASE)
SUBJECT_GAP = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,[^,.;]*,)?\s*")  # "(GM)", ", its chairman,"
AUXILIARY_END = re.compile(r"\s(?:a|ont|avait|avaient|has|have|had)(?:\s+(?:aussi|également|encore|also))?\s*$")
INSERTED_CLAUSE = re.compile(r"\s*,\s*(?:who|whose)\s[^,.;:!?\"“”«»()]*(?:\([^()]*\)[^,.;:!?\"“”«»()]*)?,\s*")
"""A relative clause between commas after a name: "Ann Lee, who represents the district (north), said"."""
DOCUMENT_OF = re.compile(
    r"\s*(?:an?|the|un|une|le|la|l['’])\s*(\w+)\s+(?:on|of|from|by|de|du|des|d['’])\s*(?:the\s+)?", re.IGNORECASE
)
OWNED_DOCUMENT = re.compile(r"['’]s\s+(\w+)")
AMONG = re.compile(r",?\s*(?:dont|notamment|parmi lesquels|including|among them|such as)\s+", re.IGNORECASE)
CHANNEL_PREPOSITIONS = {"sur", "via", "dans", "on", "in", "to"}
RELATIVE = {"who", "which", "that", "whose", "qui", "que", "dont", "lequel", "laquelle"}
COORDINATED_TAIL = re.compile(r"\s+(?:both|all|together|tous deux|toutes deux|tous les deux|ensemble)$", re.I)
CONJUNCTION = re.compile(r"\s+(?:and|et)\s+")
LIST_GAP_STOPS = {"of", "for", "at", "from", "with", "in", "on", "de", "du", "des", "d", "pour", "chez", "à"}


@lru_cache(maxsize=16)
def _time_tail(lang: str) -> re.Pattern[str]:
    """Day words that can follow a speaker's name ("a affirmé l'ONU lundi", "said Ford today")."""
    words = {w.lower() for w in get_day_names("wide", locale=lang).values()}
    words |= {row[1].lower() for row in lexicons.rows("dates", lang) if row[0] == "day"}
    parts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:\s+(?:{parts})(?:\s+(?:matin|soir|midi|morning|evening|night))?)+$", re.IGNORECASE)


def coordinated(name: str) -> str:
    """Coordinated speakers as the gold writes them: "New York Times and the Associated Press both" ->
    "New York Times and Associated Press"."""
    parts = CONJUNCTION.split(COORDINATED_TAIL.sub("", name))
    if len(parts) < 2:
        return name
    parts = [strip_determiner(p) for p in parts]
    if not all(p[:1].isupper() for p in parts):
        return name
    joiner = " et " if re.search(r"\set\s", name) else " and "
    return joiner.join(parts)


__all__ = ["Mention", "Speaker", "SpeakerResolver", "strip_determiner"]


HANDLE_AFTER = re.compile(r"(?:,\s*|^(?i:the|a|an|le|la|l['’])?\s*(?:[a-zé-]+\s+){1,3})(@\w{2,})\s*,?\s*$")
"""A social-media handle closing the speaker phrase, after a comma or a lower-case description."""
NAME_CONTINUES = re.compile(r"(?:\s+(?:to|of|for|on|against|the)(?:\s+[A-Z][\w'’-]*)+)+\s*")
"""Capitalised words joined by function words after an organisation's first word ("… to Protect Journalists")."""
LANGUAGE_TAG = re.compile(r"\[[a-z]{2,3}(?:,\s*[a-z]{2,3})*\]")
"""A blog's tag of the language a link leads to ("Maria Cruz [es] says"), which the parser can take for a subject."""
TAG_GAP = re.compile(r"\s*(?:\(@\w+\)\s*)?$")
"""What may stand between a name and its language tag: a handle in parentheses."""
OWN_HANDLE = re.compile(r"\s*(?:\[[a-z]{2,3}\]\s*)?\(@(\w{2,})\)")
"""A handle in parentheses right after a name, a language tag between them allowed ("Bicitekas [es] (@Bicitekas)")."""


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


DEFINITE_DESCRIPTION = re.compile(r"(?i:the)(?:\s+[\w-]+){1,5}(?:\s+of(?:\s+the)?(?:\s+[\w-]+){1,3})?")
"""A definite description of a person: "the North Korean leader", "the head of the Catholic church"."""
DESCRIBED = re.compile(r"(?i:the|le|la|l['’])\s*(?:[\w'’-]+\s+){1,3}")
"""An article and up to three modifiers before a role ("the Ghanaian theologian"): a definite description."""
POSSESSIVE_WORD = re.compile(r"\w['’]s\s")
MEDIA_VERB = re.compile(
    r"\s+(?:reported|reports|has reported|a rapporté|rapporte|a révélé|révèle)"
    r"(?:\s+\w+day)?(?:\s+(?:that|que|qu['’])|,)"
)
"""A newspaper's report ("The Daily Planet reported Monday that"), not a company's ("GM reported a loss")."""


class SpeakerResolver(ArticleMentions):
    """Resolves speakers against the mentions of one article, remembering who spoke last."""

    def __init__(self, text: str, doc: Any, lex: QuoteLexicon, *, entities: Sequence[Span] | None = None) -> None:
        super().__init__(text, doc, lex, entities=entities)
        self.last_person: LastSpeaker | None = None
        self.groups: list[str] = []
        self.last_group: tuple[int, str] | None = None  # where the last group speaker's quote started, and who
        self.last_unnamed: tuple[int, int] | None = None  # the last single speaker the article does not name
        self.last_unnamed_group: int | None = None  # where the last unnamed group speaker ("officials") is written
        self._token_starts: list[int] | None = None  # character offset of each token, built on first use

    def spoke(self, attrs: dict[str, Any], start: int, end: int) -> None:
        """Remember who spoke last, quoted at text[start:end] (later pronouns usually refer to them)."""
        name = attrs.get("speaker_name")
        person = next((m for m in self.mentions if m.label == "PER" and m.name == name), None)
        if name:
            self.last_unnamed = None
        if person is not None:
            self.last_person = LastSpeaker(start, end, person)
        elif name:
            self.last_group = (start, name)
            if name not in self.groups:
                self.groups.append(name)

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
        start, end, head = self._before_language_tag(start, end, head)
        end = self._before_finite_verb(start, end)
        end = self._whole_name(start, end)
        speaker = self._resolve(start, end, head=head, exclude=exclude)
        variant = self._misspelt_person(speaker.name, start) if speaker.name else None
        if variant is not None:  # "Dennis DesRosier … DesRoiser said": a misspelt surname
            self.fill(speaker, variant)
        listed = self._listed(start, end) if speaker.name else None
        if listed is not None:  # "John Smith and Jane Doe announced": both speak
            speaker.name, speaker.role, speaker.entity_id = listed, None, None
        if speaker.name and _time_tail(self.lex.lang).fullmatch(" " + speaker.name):
            return Speaker(text=speaker.text, span=speaker.span, reason="a day word, not a speaker")
        if speaker.name:
            speaker.name = _time_tail(self.lex.lang).sub("", speaker.name) or speaker.name
            speaker.name = coordinated(speaker.name)
            low = speaker.name.lower()
            some = next((q for q in self.lex.quantifiers if low.startswith(q + " ") and len(low) > len(q) + 1), None)
            if some is not None:  # "plusieurs médias", "certaines personnalités": some of a kind, none named
                speaker.name, speaker.role, speaker.entity_id = None, None, None
                speaker.reason = "unnamed: some of a group the article does not name"
        if speaker.name and not any(
            m.name == speaker.name and (m.label == "PER" or m.label == "ORG" and m.name[:1].isupper())
            for m in self.mentions
        ):  # "Médecins sans frontières" is a named organisation, not unnamed "médecins"
            name, unnamed = group_name(speaker.name, self.lex.lang)
            speaker.name = name
            if unnamed:
                speaker.reason = "unnamed: people the article does not name"
        if speaker.name:
            speaker.name = self._own_handle(speaker.name, end)
            speaker.name = self._mistagged_full_name(speaker.name, start, end)
            speaker.name = after_glued_headline(speaker.name)
        why = no_name(speaker.name, self.text[max(0, start - 40) : start], self.lex.lang) if speaker.name else None
        if why:  # "ru]", "Susana's situation", "her song, Born This Way,", "Palestinians say"
            speaker.name, speaker.role, speaker.entity_id = None, None, None
            speaker.reason = why
        if speaker.name is None:
            named = self._named_among(end)
            if named is not None:  # "Selon certains experts, dont Rita Katz, …"
                return self.fill(speaker, named)
            reason = speaker.reason or ""
            if reason == "unnamed speaker" or reason.startswith("role without a name"):
                self.last_unnamed = (start, end)  # "Selon un ouvrier, … « … » a-t-il déclaré": "il" is him
            elif reason.startswith("unnamed: people"):
                self.last_unnamed_group = start  # "officials said … “…,” they said": "they" are them
        return speaker

    def _before_language_tag(self, start: int, end: int, head: Any) -> tuple[int, int, Any]:
        """ "Maria Cruz [es] says": a speaker phrase inside a language tag is the name written before it."""
        tag = next((t for t in LANGUAGE_TAG.finditer(self.text, max(0, start - 12)) if t.start() <= start), None)
        if tag is None or start >= tag.end() or end > tag.end():
            return start, end, head
        before = [
            m
            for m in self.mentions
            if m.label in ("PER", "ORG") and m.end <= tag.start() and TAG_GAP.match(self.text[m.end : tag.start()])
        ]
        if not before:
            return start, end, head
        name = before[-1]
        inside = list(self._tokens_inside(name.start - 1, name.end))
        return name.start, name.end, inside[-1] if inside else None

    def _own_handle(self, name: str, end: int) -> str:
        """ "Daltonicum (@Daltonicum) notes": an account known by one name that is its handle speaks as the
        handle; a person with a handle ("Ann Lee (@annlee)") keeps the name."""
        handle = OWN_HANDLE.match(self.text, end)
        if handle is not None and " " not in name and handle.group(1).lower() == name.lower():
            return "@" + handle.group(1)
        return name

    def _mistagged_full_name(self, name: str, start: int, end: int) -> str:
        """A one-word speaker the model took for an organisation ("Hilakivi-Clarke said"), the surname of the
        one person-like name the article writes in full, itself taken for an organisation ("researcher Anna B
        Kowalski-Lee"): that full name."""
        if " " in name or not any(
            m.label == "ORG" and m.text == name and start <= m.start < end for m in self.mentions
        ):
            return name
        others = [m for m in self.mentions if m.label != "PER"]
        fulls = set()
        for r_start, r_end, run in self.runs:
            if run == name or run.split()[-1] != name or not self._personlike_run(run):
                continue
            over = [m for m in others if m.start < r_end and r_start < m.end]
            if len(over) == 1 and self.mistagged_person(over[0], r_start, r_end, name):
                fulls.add(run)
        if len(fulls) != 1:
            return name
        full = fulls.pop()
        for m in re.finditer(rf"(\w+)\s+(?:{re.escape(full)}|{re.escape(name)})\b", self.text):
            if m.group(1) in ORG_PLACE_WORDS or m.group(1).lower() in self.lex.org_nouns:
                return name  # "head of Alfred A Knopf", "publisher Knopf": an organisation named after someone
        return full

    def _whole_name(self, start: int, end: int) -> int:
        """A French speaker phrase that stops inside a name goes to its end ("Le Canard" of "Le Canard enchaîné",
        a name the parse cut at its lower-case adjective)."""
        if self.lex.lang != "fr":
            return end
        for m in self.mentions:
            if (
                m.label in ("ORG", "PER")
                and start <= m.start < end < m.end
                and re.fullmatch(r"[\w\s'’-]+", self.text[end : m.end])
            ):
                return m.end
        return end

    def _misspelt_person(self, name: str, pos: int) -> Mention | None:
        """The person named closest before `pos` whose surname `name` misspells (one letter changed, added,
        dropped or two swapped), when `name` is one word written once and names nobody else."""
        if " " in name or len(name) < 5 or not name[:1].isupper() or self.text.count(name) > 1:
            return None
        persons = [m for m in self.mentions if m.label == "PER"]
        if any(m.name != name and m.name.split()[-1] == name for m in persons):
            return None
        near = [m for m in persons if len(m.name.split()) > 1 and _one_edit(m.name.split()[-1], name)]
        before = [m for m in near if m.start < pos]
        return before[-1] if before else (near[0] if near else None)

    def _listed(self, start: int, end: int) -> str | None:
        """ "Prime Minister Ann Lee and industry minister Tom Fry", "the Bank of A, the Bank of B and the
        Bank of C": names coordinated at the start of the speaker phrase, joined as "A, B and C"."""
        names = [
            m
            for m in self.mentions
            if m.label in ("PER", "ORG")
            and start <= m.start
            and m.end <= end
            and self.text[m.start - 1 : m.start] != "("  # "(ECB)" repeats the name before it
        ]
        if len(names) < 2 or not self._list_gap(self.text[start : names[0].start], lead=True):
            return None
        chain, joined = [names[0]], False
        for m in names[1:]:
            if m.start < chain[-1].end:
                continue
            gap = self.text[chain[-1].end : m.start]
            if not self._list_gap(gap):
                break
            joined = joined or bool(re.search(r"(?:^|[\s,])(?:and|et)\s", gap))
            chain.append(m)
        full = list(dict.fromkeys(m.name if m.label == "PER" else self.org_name(m.name) for m in chain))
        if len(full) < 2 or not joined:
            return None
        first, last = chain[0], chain[-1]
        if len(chain) == 2 and first.name == f"{first.text} {last.name.split()[-1]}":
            return self.text[first.start : last.end]  # "Rebecca and Tom Hale" as written: one surname for both
        return ", ".join(full[:-1]) + (" et " if self.lex.lang == "fr" else " and ") + full[-1]

    def _list_gap(self, gap: str, *, lead: bool = False) -> bool:
        """Text between two listed names: a comma or "and", then a determiner and a few role words."""
        gap = re.sub(r"\([^()]*\)|^\s*\)", " ", gap)
        m = re.fullmatch(r"\s*,?\s*((?:and|et)\s+)?(.*?)\s*", gap, re.DOTALL)
        if m is None or not lead and "," not in gap and not m.group(1):
            return False
        words = re.findall(r"[\w'’.-]+|[^\w\s]", m.group(2))
        if len(words) > 5:
            return False
        if any(w.lower() in LIST_GAP_STOPS for w in words):
            return False  # "Ann Lee, president of Acme": an apposition, not a list
        return all(w.isalpha() or w in ("l'", "l’", "-") for w in words)  # roles: "and Vice President"

    def _resolve(self, start: int, end: int, *, head: Any, exclude: Sequence[tuple[int, int]]) -> Speaker:
        written = self.text[start:end]
        speaker = Speaker(text=written, span=(start, end))
        head_pos = head.pos_ if head is not None else None
        first = next((m for m in self.mentions if m.label == "PER" and m.start == start), None)
        if first is not None and head is not None and first.start <= head.idx < first.end:
            return self.fill(speaker, first)  # "Brian Teefey, beau-père de la chanteuse Selena Gomez"
        handle = HANDLE_AFTER.search(written)
        if handle is not None:  # "the producer for BBC News, @janedoe", "the blogger @janedoe"
            speaker.name = handle.group(1)
            return speaker
        owned = resolve_owned(self, speaker, start, end, head)
        if owned is not None:
            return owned
        if self._unnamed_source(written, head):
            speaker.reason = "unnamed source"
            return speaker
        apposed = self._role_and_name(start, end)
        if apposed is not None:
            full = self._surname_to_full(apposed, start) or apposed
            holder = next((m for m in self.mentions if m.label == "PER" and m.name == full), None)
            holder = holder or self._person_over(apposed, start, end)
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
        if low in ("celui", "celle") and self.text[end : end + 3].lower() == "-ci":
            low += "-ci"  # "Celui-ci" split by the tokenizer
        if low in self.lex.pronouns:
            return resolve_pronoun(self, speaker, low, start, exclude)
        if low in RELATIVE and head is not None and start <= head.idx < end:
            antecedent = self._relative_antecedent(head)
            if antecedent is not None:  # "le Mouvement républicain australien, qui affirme …"
                a_start, a_end, a_head = antecedent
                resolved = self._resolve(a_start, a_end, head=a_head, exclude=exclude)
                resolved.text, resolved.span = written, (start, end)
                return resolved
        head_low = head.lemma_.lower() if head is not None else ""
        if head is not None and (head_low in self.lex.documents or head.lower_ in self.lex.documents):
            # "selon un rapport de l'ONU", "une enquête réalisée par l'Associated Press"
            inner = [m for m in inside if m.label in ("ORG", "PER") and m.start > head.idx]
            inner += [  # "Fiat's announcement"
                m for m in inside if m.label in ("ORG", "PER") and m.end <= head.idx and possessive_at(self.text, m.end)
            ]
            if inner:
                return self.fill(speaker, inner[0]) if inner[0].label == "PER" else self.named(speaker, inner[0].text)
            named_in = [
                r
                for r in self.runs
                if head.idx + len(head) < r[0] and r[1] <= end and not _time_tail(self.lex.lang).fullmatch(" " + r[2])
            ]
            if named_in:  # "a report in Ars Technica", "une étude de l'Insee" when NER missed the name
                return self.named(speaker, named_in[0][2])
            agent = re.match(
                r",?[^,.;\n]{0,40}?\b(?:par|by)\s+(?:la |le |les |l['’]\s*|the )?", self.text[end : end + 80]
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
            definite = re.match(r"(?:the|its|le|la|l['’]|son|sa)\s", written.strip(), re.I)
            if definite and len(written.split()) <= 3:
                group = self._last_group_alone(start)
                if group is not None:  # "…, the sheriff's office said. …, according to the release": its author
                    speaker.name = group
                    return speaker
                org = self.salient_org(start)  # "the company website", "the bankruptcy filing": its author
                if org is not None:
                    return self.named(speaker, org)
            author = self._author_phrase(head, end)
            if author is not None:  # "les informations des médias américains": the media speak
                resolved = self._resolve(*author, head=None, exclude=exclude)
                resolved.text, resolved.span = written, (start, end)
                return resolved
            body = next(
                (c for c in head.children if c.dep_ == "compound" and c.lower_ in speaker_nouns(self.lex.lang).body),
                None,
            )
            indefinite = re.match(r"(?i:an?)\s", written.strip()) is not None
            if body is not None and indefinite and not inside:  # "according to a police report": the police
                return self.named(speaker, body.text)
            if not inside and not self.lex.role_match(written):
                speaker.reason = "unnamed: a document the article attributes to nobody"  # "Reports indicate"
                return speaker
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
        if head_pos == "NOUN" and head.text[:1].islower() and not any(m.label == "PER" for m in inside):
            apposed_org = self._org_after(head, inside)
            if apposed_org is not None:  # "the watchdog group the Project on Government Oversight"
                return self.named(speaker, apposed_org.text)
            if named:
                return self.named(speaker, named[0][2])  # "la chaîne publique TRT", "l'agence RIA Novosti"
        short = len(written.split()) <= 3
        if (
            short
            and head_low in self.lex.org_nouns
            and re.match(r"(?:the|le|la|l['’]|ce|cet|cette)\s*", written.strip(), re.I)
        ):
            apposed = next((m for m in inside if m.label == "ORG" and m.start > head.idx), None)
            if apposed is not None:  # "l'opérateur Sprint": the organisation named after the noun
                return self.named(speaker, apposed.text)
            author = self._document_author(start) if self.lex.lang == "en" else None
            if author is not None:  # "In a statement on the Acme website, the company said"
                return self.named(speaker, author)
            previous = self._previous_subject_org(start)
            if previous is not None and self._same_kind(head_low, previous):
                return self.named(speaker, previous)  # "Days after Acme declined to comment. The group said": Acme
            group = next((g for g in reversed(self.groups) if self._same_kind(head_low, g)), None)
            if group is not None:
                speaker.name = group
                return speaker
            org = self.salient_org(start, head_low)
            if org is not None:
                return self.named(speaker, org)
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
            holder = self.role_holder(role.group(0), start, written)
            same = speaker_nouns(self.lex.lang).same_role.get(strip_determiner(written).lower())
            if holder is None and same:  # "le chef du gouvernement" is "le Premier ministre"
                holder = self.role_holder(same, start)
            if holder:
                return self.fill(speaker, holder)
            orgs = [m for m in inside if m.label == "ORG"]
            if role.start() <= 12 or DESCRIBED.fullmatch(written[: role.start()].lstrip()):
                owned = POSSESSIVE_WORD.search(written) is not None  # "the vessel's owner": not the last speaker
                last = None if owned else self._last_speaker_as(written, start)
                if last is not None:  # "« … » a-t-il déclaré. … Toutefois, le président a déclaré que"
                    return self.fill(speaker, last)
                speaker.reason = f"role without a name in the article: {role.group(0)}"
                return speaker
            if orgs:
                speaker.name = strip_determiner(orgs[0].text)
                return speaker
        org = next((m for m in inside if m.label == "ORG" and m.start <= head.idx < m.end), None) if head else None
        if org is not None and head_pos == "PROPN" and org.start > start:  # "US airframer Boeing": the head's name
            if NAME_CONTINUES.fullmatch(self.text, org.end, end):  # "Network" of "the Network to Record Incidents"
                return self.named(speaker, self.text[org.start : end])
            return self.named(speaker, self._longer_form(self.org_name(org.text), start))
        name = self._longer_form(self.org_name(self._group_name(written, start, head)), start)
        if name and (head_pos in (None, "PROPN", "NOUN", "X") or inside):
            speaker.name = name
            return speaker
        speaker.reason = "speaker is not a name, role or organisation"
        return speaker

    def _author_phrase(self, head: Any, end: int) -> tuple[int, int] | None:
        """ "les informations des médias américains": the plural noun phrase after "de" that a document noun
        belongs to, as a span within the speaker phrase."""
        if self.lex.lang != "fr":
            return None
        for c in head.children:
            if c.dep_ != "nmod" or c.pos_ != "NOUN" or c.idx >= end or c.i < head.i:
                continue
            if "Plur" not in c.morph.get("Number"):
                continue  # "le rapport de la banque": a single unnamed body stays unnamed
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
            return ant.left_edge.idx, end, ant
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

    def _before_finite_verb(self, start: int, end: int) -> int:
        """End a speaker phrase before a finite verb that is not in a relative clause ("according to The
        New York Times is near a five-year high" -> "The New York Times") and before the channel it spoke
        on ("le chef du gouvernement sur le réseau social Twitter")."""
        if self.doc is None:
            return end
        channels = speaker_nouns(self.lex.lang).channel
        for tok in self._tokens_inside(start, end):
            if tok.lower_ in RELATIVE:
                return end
            finite = tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")
            rest = self.text[tok.idx + len(tok) : end].lower()
            if finite or tok.lower_ in CHANNEL_PREPOSITIONS and any(w.strip(".,") in channels for w in rest.split()):
                return start + len(self.text[start : tok.idx].rstrip(" ,"))
        return end

    def _tokens_inside(self, start: int, end: int) -> Iterator[Any]:
        """The tokens of the doc that start after `start` and before `end`, in order."""
        if self._token_starts is None:
            self._token_starts = [tok.idx for tok in self.doc]
        for i in range(bisect_right(self._token_starts, start), len(self._token_starts)):
            if self._token_starts[i] >= end:
                return
            yield self.doc[i]

    def subject_before(self, verb_start: int) -> Speaker | None:
        """The person or organisation opening the sentence of a verb the parser gave no subject
        ("General Motors Corporation (GM) announced ..." under a headline the parser joined to it), or a
        place standing for its government or institution ("L' Élysée a salué « … »")."""
        line_start = max(self.text.rfind("\n", 0, verb_start), self.text.rfind(". ", 0, verb_start) + 1) + 1
        doc = DOCUMENT_OF.match(self.text, line_start, verb_start)
        if doc is not None and doc.group(1).lower() in self.lex.documents:
            line_start = doc.end()  # "A statement on Apple's website, …, states: …"
        for m in self.mentions:
            if m.label not in ("PER", "ORG", "LOC") or not line_start <= m.start < verb_start or m.end > verb_start:
                continue
            if not DETERMINER_ONLY.fullmatch(self.text[line_start : m.start]):
                continue
            gap = self.text[m.end : verb_start]
            owned = OWNED_DOCUMENT.match(gap)  # "Apple's website, …, states"
            if owned is not None and owned.group(1).lower() in self.lex.documents:
                gap = gap[owned.end() :]
            gap = AUXILIARY_END.sub(" ", gap)  # "L' Élysée a salué"
            if SUBJECT_GAP.fullmatch(gap):
                speaker = Speaker(text=m.text, span=(m.start, m.end))
                if m.label == "PER":
                    return self.fill(speaker, m)
                speaker.name = self._longer_form(self.org_name(m.text), m.start)
                return speaker
        for m in reversed(self.mentions):  # "At the congress, party leader Jane Roe told delegates that …"
            if m.end > verb_start:
                continue
            gap = AUXILIARY_END.sub(" ", self.text[m.end : verb_start])
            # "…, le dirigeant de l'Autorité Ömer Fatih Sayan, exige que …": a stray comma between name and verb
            apposed = self.text[:m.start].rstrip().endswith(",")  # "Her single, Rise Up Again, said"
            bare = not gap.strip() or gap.strip() == "," and not apposed
            if m.label == "PER" and line_start <= m.start and (bare or INSERTED_CLAUSE.fullmatch(gap)):
                return self.fill(Speaker(text=m.text, span=(m.start, m.end)), m)
            if not gap.strip() and self._named_body_after_comma(m):  # "…, the Acme County Sheriff's Office said"
                return self.named(Speaker(text=m.text, span=(m.start, m.end)), m.text)
        return None

    def _named_body_after_comma(self, m: Mention) -> bool:
        """An organisation, or a capitalised name ending in a body noun ("Bibb County Sheriff's Office") whatever
        the model took it for, written right after a comma and an optional "the"."""
        if not re.search(r",\s*(?i:the\s+)?$", self.text[max(0, m.start - 8) : m.start]):
            return False
        last = m.text.split()[-1]
        return m.label == "ORG" or last[:1].isupper() and last.lower() in speaker_nouns(self.lex.lang).body

    def _longer_form(self, name: str, start: int) -> str:
        """A one-word organisation name as written in full earlier ("Apple" -> "Apple Inc.")."""
        if len(name.split()) != 1:
            return name
        longer = [g for g in self.groups if g.lower().startswith(name.lower() + " ")]
        longer += [
            form
            for m in self.mentions
            if m.label == "ORG"
            and m.start < start
            and m.text.startswith(name + " ")
            and self._same_org(form := strip_determiner(POSSESSIVE.sub("", m.text)))
        ]
        return max(longer, key=lambda n: (longer.count(n), len(n))) if longer else name  # the most used form

    def _same_org(self, longer: str) -> bool:
        """Whether a longer form names the organisation itself ("Apple Computer", "Ford Motor Co.") rather
        than one of its divisions ("Boeing Commercial Airplanes"): one added word, or a legal form at the end."""
        words = longer.split()
        return len(words) <= 2 or words[-1].lower().strip(".,") in self.lex.org_nouns

    def _named_among(self, end: int) -> Mention | None:
        """The person named right after an unnamed group as one of them ("experts, dont Rita Katz")."""
        among = AMONG.match(self.text, end)
        if among is None:
            return None
        return next((m for m in self.mentions if m.label == "PER" and m.start == among.end()), None)

    def _last_group_alone(self, pos: int) -> str | None:
        """The organisation or group quoted last, shortly before `pos`, when no person was quoted and no
        other organisation named since."""
        group = self.last_group
        if group is None or pos - group[0] > LAST_SPEAKER_REACH:
            return None
        if self.last_person is not None and self.last_person.start > group[0]:
            return None
        if any(m.label == "ORG" and group[0] < m.start < pos and m.name != group[1] for m in self.mentions):
            return None
        return group[1]

    def _document_author(self, pos: int) -> str | None:
        """The organisation whose document opens the sentence before `pos` ("In a statement on the Acme
        website, the company …", "In Acme's annual report, the firm …")."""
        lo = sentence_start(self.text, pos)
        lead = self.text[lo:pos]
        if not lead.rstrip().endswith(","):
            return None
        for m in self.mentions:
            if m.label != "ORG" or not lo <= m.start < pos:
                continue
            near = re.findall(r"\w+", self.text[max(lo, m.start - 25) : m.start] + " " + self.text[m.end : m.end + 12])
            if any(w.lower() in self.lex.documents for w in near):
                return m.text
        return None

    def _previous_subject_org(self, pos: int) -> str | None:
        """The last organisation that is the subject of a verb in the sentence before `pos`."""
        here = sentence_start(self.text, pos)
        before = sentence_start(self.text, max(0, here - 2))
        for m in reversed([m for m in self.mentions if m.label == "ORG" and before <= m.start < here - 1]):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass"):
                continue
            run = next((r for r in self.runs if r[0] <= m.start and m.end <= r[1]), None)
            name = self.org_name(run[2] if run is not None else m.text)  # "Chrysler LLC" tagged as two names
            return next((g for g in self.groups if name in g.split() or name == g), name)
        return None

    def _same_kind(self, noun: str, name: str) -> bool:
        """Whether "the `noun`" can stand for the organisation or group `name`: a common-noun group only for
        its own noun ("l'agence" for "agence de presse allemande", not "l'association" for "autorités"), and
        a newspaper or channel only for a media noun ("the company" is not "The Daily Planet" that reported);
        media the article does not mark as such may be "le journal" too."""
        if not name[:1].isupper():
            return noun in name.lower().split()
        return noun in speaker_nouns(self.lex.lang).media or not self._media(name)

    def _media(self, name: str) -> bool:
        """An organisation the article writes after a media noun ("le journal Libération") or as the subject
        of "reported"."""
        media = speaker_nouns(self.lex.lang).media
        for m in re.finditer(re.escape(name), self.text):
            before = re.findall(r"[\w-]+", self.text[max(0, m.start() - 30) : m.start()].lower())
            if before and before[-1] in media or MEDIA_VERB.match(self.text, m.end()):
                return True
        return False

    def salient_org(self, pos: int, noun: str | None = None) -> str | None:
        """The organisation named before `pos` that the article talks about most, the nearest on a tie; one that
        "the `noun`" can stand for when given."""
        orgs = [m for m in self.mentions if m.label == "ORG" and m.end <= pos and m.name]
        if noun is not None:
            orgs = [m for m in orgs if self._same_kind(noun, m.name)]
        if not orgs:
            return None
        counts = {m.name: sum(o.name == m.name for o in orgs) for m in orgs}
        return max(reversed(orgs), key=lambda m: counts[m.name]).text

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

    def named(self, speaker: Speaker, text: str, *, keep_possessive: bool = False) -> Speaker:
        """Name the speaker after an organisation or group as written."""
        speaker.name = strip_determiner(text) if keep_possessive else self.org_name(text)
        return speaker

    def org_name(self, text: str) -> str:
        """An organisation's name as written, without article, possessive or leading description ("US
        automaker GM" -> "GM"), an acronym spelt out when the article does ("GM" -> "General Motors")."""
        text = UNCLOSED_PAREN.sub("", text)  # "Christian Indonesian Church Council (PGI"
        name = drop_description(strip_determiner(POSSESSIVE.sub("", text)), self.lex.org_nouns)
        if re.fullmatch(r"[A-Z]{2,6}", name):
            return self.spelt_out(name) or name
        return name

    def spelt_out(self, acronym: str) -> str | None:
        """The full name of an acronym: defined in parentheses ("Christian Indonesian Church Council
        (PGI)"), else the one organisation whose capitals spell it ("GM") or appear in it in order
        ("SIA" for "Singapore Airlines")."""
        if self.lex.lang == "fr":
            for m in re.finditer(rf"\({re.escape(acronym)}\)", self.text):
                full = french_defined_name(self.text, m.start())
                if full is not None and not any(p.label == "PER" and full in p.text for p in self.mentions):
                    return full
        for m in re.finditer(DEFINED_NAME + rf"\({re.escape(acronym)}\)", self.text):
            return strip_determiner(m.group(1))
        if self.lex.lang == "fr":
            return None  # "tenu par Médecins sans frontières … a affirmé MSF": French news keeps the acronym used
        fulls: list[str] = []
        for m in self.mentions:
            if m.label != "ORG":
                continue
            full = UNCLOSED_PAREN.sub("", strip_determiner(POSSESSIVE.sub("", m.text)))
            full = drop_description(full, self.lex.org_nouns)
            if full != acronym and full not in fulls:
                fulls.append(full)
        exact = [f for f in fulls if "".join(w[0] for w in f.split() if w[:1].isupper()) == acronym]
        if exact:
            return exact[0]
        loose = [f for f in fulls if len(f.split()) >= 2 and _initials_in(f, acronym)]
        return loose[0] if len(loose) == 1 else None

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

    def _last_speaker_as(self, written: str, pos: int) -> Mention | None:
        """The person who spoke last, when a definite role with no holder in the article ("le président",
        "the minister") follows their quote closely: the article names its main speaker once."""
        words = written.strip().lower().split()
        if not words or len(words) > 3 and not DEFINITE_DESCRIPTION.fullmatch(written.strip()):
            return None
        if words[0] not in ("le", "la", "the") and not words[0].startswith(("l'", "l’")):
            return None
        gender = "f" if words[0] in self.lex.feminine or words[-1].endswith("woman") else "x"
        last = self.last_person
        if last is None or pos - last.start > LAST_SPEAKER_REACH:  # "Ann Lee, … . According to the theologian"
            near = [m for m in self.persons_before(pos) if pos - m.start <= LAST_SPEAKER_REACH and agrees(m, gender)]
            return near[-1] if near and self.lex.lang == "en" else None
        return last.person if agrees(last.person, gender) else None

    def _person_over(self, name: str, start: int, end: int) -> Mention | None:
        """The person mention inside text[start:end] that shares a word with `name`: the entity layer's
        extent where the proper-noun run stops short ("Ban Ki" in "Ban Ki-moon", "Mr. Mohammed")."""
        words = set(name.split())
        return next(
            (
                m
                for m in self.mentions
                if m.label == "PER"
                and start <= m.start
                and m.end <= end
                and len(m.name) > len(name)
                and words & set(m.text.split())
            ),
            None,
        )

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
        if len(words) == 1 and self._closes_person_run(name):
            return True
        if any(m.label in ("ORG", "LOC") and name in m.text for m in self.mentions):
            return False  # "America Corporation" in "The Bank of America Corporation"
        if any(w.lower().strip(".") in self.lex.org_nouns for w in words):
            return False
        if words[-1].lower() in self._role_words:
            return False  # "the Spiritual Director": a capitalised role, not a name
        return len(words) >= 2

    def _closes_person_run(self, word: str) -> bool:
        """A speaking word that ends a "First Last" run of the article which names no known place or
        organisation: a surname, even where the model tagged the full name as a place ("Jane Roe's home …
        said Roe")."""
        places = gazetteer(self.lex.lang)
        if places.lookup(word):
            return False
        for start, _end, run in self.runs:
            if run.split()[-1] != word or not self._personlike_run(run) or places.lookup(run):
                continue
            if not any(m.label == "ORG" and m.start <= start < m.end for m in self.mentions):
                return True
        return False

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

    def role_holder(self, role: str, pos: int, written: str = "") -> Mention | None:
        """The person the article gives `role`, the last one before `pos` first. A description's other words
        choose among holders ("le ministre de l'Intérieur" is the one whose role says "Intérieur"), and a
        holder whose role names another complement is not the one described ("le ministre de l'Économie" is
        not "ministre de la Justice")."""
        word = re.compile(rf"(?<![\w-]){re.escape(role.lower())}(?![\w-])")
        holders = [m for m in self.mentions if m.label == "PER" and m.role and word.search(m.role.lower())]
        wanted, complement = _description_words(written, role)
        ranked: list[tuple[int, int, Mention]] = []
        for k, m in enumerate(holders):
            has, own_complement = _description_words(m.role or "", role)
            if complement and own_complement and not complement & has:
                continue
            before = m.start < pos
            ranked.append((len(wanted & has), k if before else -k, m))
        return max(ranked, key=lambda t: t[:2])[2] if ranked else None


DESCRIPTION_STOP = {
    "the", "a", "an", "of", "for", "at", "in", "on", "and", "to", "its", "his", "her", "their", "de", "du", "des",
    "d", "le", "la", "les", "l", "et", "en", "au", "aux", "à", "pour", "son", "sa", "ses", "leur", "former", "new",
    "then", "current", "ancien", "ancienne", "nouveau", "nouvelle", "nouvel", "actuel", "actuelle", "alors", "ex",
}
DESCRIPTION_PREPOSITION = re.compile(r"(?i)\b(?:of|for|at|de|du|des|d['’]|à|au|aux)(?:\s|$)|\bd['’]")


def _description_words(phrase: str, role: str) -> tuple[set[str], set[str]]:
    """The content words of a role phrase other than the role noun, and those of its complement (after the
    first "de"/"of"): "le ministre de l'Intérieur" -> ({"intérieur"}, {"intérieur"})."""
    role_words = set(role.lower().split())
    words = {w for w in re.findall(r"[\w-]+", phrase.lower()) if w not in DESCRIPTION_STOP and w not in role_words}
    prep = DESCRIPTION_PREPOSITION.search(phrase)
    tail = phrase[prep.end() :] if prep is not None else ""
    return words, {w for w in re.findall(r"[\w-]+", tail.lower()) if w in words}
