"""Resolve a speaker as written ("Kirby", "il", "le porte-parole") to a full name and role.

Matched against the article's mentions (`speaker_mentions`): a surname goes to an earlier full name, a
role noun to the person who holds it, a pronoun to the nearest compatible earlier person
(`speaker_pronouns`), a role or group "of X" is not X (`speaker_heads`). Organisations and groups ("la
préfecture de police", "sources") are speakers too. `SpeakerResolver` gathers its methods from
`speaker_names` (people's names), `speaker_orgs` (organisation names and acronyms), `speaker_roles`
(roles and descriptions to the people who hold them), `speaker_phrases` (the head word and extent of the
written phrase) and `speaker_subjects` (the subject of a verb the parser gave none); the `Speaker` record is in
`speaker_record`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from babel.dates import get_day_names

from .. import lexicons
from ..article import Span
from .mention_names import Mention, possessive_at, strip_determiner
from .places import gazetteer
from .quote_lexicon import QuoteLexicon
from .speaker_groups import after_glued_headline, group_name, no_name, speaker_nouns
from .speaker_heads import resolve_owned
from .speaker_mentions import ArticleMentions
from .speaker_names import PersonNames, coordinated
from .speaker_orgs import OrganisationNames
from .speaker_phrases import RELATIVE, SpeakerPhrases
from .speaker_pronouns import LastSpeaker, resolve_pronoun
from .speaker_record import Speaker
from .speaker_roles import RoleHolders, same_role
from .speaker_subjects import SentenceSubjects

AMONG = re.compile(r",?\s*(?:dont|notamment|parmi lesquels|including|among them|such as)\s+", re.IGNORECASE)


@lru_cache(maxsize=16)
def _time_tail(lang: str) -> re.Pattern[str]:
    """Day words that can follow a speaker's name ("a affirmé l'ONU lundi", "said Ford today")."""
    words = {w.lower() for w in get_day_names("wide", locale=lang).values()}
    words |= {row[1].lower() for row in lexicons.rows("dates", lang) if row[0] == "day"}
    parts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:\s+(?:{parts})(?:\s+(?:matin|soir|midi|morning|evening|night))?)+$", re.IGNORECASE)




__all__ = ["Mention", "Speaker", "SpeakerResolver", "strip_determiner"]


HANDLE_AFTER = re.compile(r"(?:,\s*|^(?i:the|a|an|le|la|l['’])?\s*(?:[a-zé-]+\s+){1,3})(@\w{2,})\s*,?\s*$")
"""A social-media handle closing the speaker phrase, after a comma or a lower-case description."""
NAME_CONTINUES = re.compile(r"(?:\s+(?:to|of|for|on|against|the)(?:\s+[A-Z][\w'’-]*)+)+\s*")
"""Capitalised words joined by function words after an organisation's first word ("… to Protect Journalists")."""
LANGUAGE_TAG = re.compile(r"\[[a-z]{2,3}(?:,\s*[a-z]{2,3})*\]")
"""A blog's tag of the language a link leads to ("Maria Cruz [es] says"), which the parser can take for a subject."""
BRACKETED_NAME = re.compile(r"\[([A-Z][\w'’-]+)\][ \t]*([A-Z][\w'’-]+)")
"""A first name in brackets right before a surname ("[Lala] Aslikyan said"), added by the article's editor."""
TAG_GAP = re.compile(r"\s*(?:\(@\w+\)\s*)?$")
"""What may stand between a name and its language tag: a handle in parentheses."""
OWN_HANDLE = re.compile(r"\s*(?:\[[a-z]{2,3}\]\s*)?\(@(\w{2,})\)")
"""A handle in parentheses right after a name, a language tag between them allowed ("Bicitekas [es] (@Bicitekas)")."""
DESCRIBED = re.compile(r"(?i:the|le|la|l['’])\s*(?:[\w'’-]+\s+){1,3}")
"""An article and up to three modifiers before a role ("the Ghanaian theologian"): a definite description."""
POSSESSIVE_WORD = re.compile(r"\w['’]s\s")
EMPHATIC = re.compile(r"\s+(?:lui|elle|eux|elles)-mêmes?$|\s+(?:itself|himself|herself|themselves)$")
"""An emphatic pronoun closing a speaker's name ("le Métro lui-même", "the company itself")."""

class SpeakerResolver(OrganisationNames, RoleHolders, PersonNames, SpeakerPhrases, SentenceSubjects, ArticleMentions):
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
        start, end, head, first = self._bracketed_first_name(start, end, head)
        end = self._before_finite_verb(start, end)
        end = self._whole_name(start, end)
        start = self._coordinated_before(start, end)
        speaker = self._resolve(start, end, head=head, exclude=exclude)
        if first and speaker.name == self.text[start:end]:
            speaker.name = f"{first} {speaker.name}"
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
            speaker.name = EMPHATIC.sub("", speaker.name) or speaker.name  # "selon le Métro lui-même"
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
        if speaker.name and not why and self._described_thing(speaker.name, speaker.text or ""):
            why = "not a name"
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

    def _described_thing(self, name: str, written: str) -> bool:
        """An English speaker named by one lower-case noun after "the" or "this" that names no person, body,
        medium or organisation ("the fact", "the event")."""
        if self.lex.lang != "en" or not re.fullmatch(r"[a-z]+", name):
            return False
        if not re.match(r"(?i:the|this|that)\s+", written.strip()):
            return False
        nouns = speaker_nouns("en")
        return name not in nouns.person | nouns.body | nouns.media | self.lex.org_nouns

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
        inside = list(self.tokens_inside(name.start - 1, name.end))
        return name.start, name.end, inside[-1] if inside else None

    def _bracketed_first_name(self, start: int, end: int, head: Any) -> tuple[int, int, Any, str]:
        """ "[Lala] Aslikyan said": a first name an editor put in brackets before a surname belongs to it; the
        phrase is the surname, and the first name is returned to be put back before it."""
        for m in BRACKETED_NAME.finditer(self.text, max(0, start - 30), min(len(self.text), end + 30)):
            if m.start() < end and start < m.end():
                inside = list(self.tokens_inside(m.start(2), m.end(2)))
                return m.start(2), m.end(2), inside[-1] if inside else None, m.group(1)
        return start, end, head, ""

    def _own_handle(self, name: str, end: int) -> str:
        """ "Daltonicum (@Daltonicum) notes": an account known by one name that is its handle speaks as the
        handle; a person with a handle ("Ann Lee (@annlee)") keeps the name."""
        handle = OWN_HANDLE.match(self.text, end)
        if handle is not None and " " not in name and handle.group(1).lower() == name.lower():
            return "@" + handle.group(1)
        return name

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
        national = self.demonym_person(written, start)
        if national is not None:  # "Usain Bolt est devenu … . Pour ses derniers jeux, le Jamaïcain a confirmé"
            return self.fill(speaker, national)
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
            nxt = [m for m in self.mentions if m.label == "PER" and self._titled_gap(end, m.start)]
            if nxt and self.lex.role_match(written):
                return self.fill(speaker, nxt[0])
            enclosed = self.enclosed_name_after(end) if self.indefinite_person(written, head) else None
            if enclosed is not None:  # "L'une des rares voix discordantes, Ivan Roy, a dénoncé"
                return self.fill(speaker, enclosed)
            # "Mario Joseph, l'un de ses avocats, qui précise": the name the phrase is apposed to
            before = self.text[max(0, start - 3) : start]
            prev = [m for m in self.mentions if m.label == "PER" and 0 <= start - m.end <= 3]
            named = head_pos == "PROPN" or any(m.label == "ORG" for m in inside)
            if prev and "," in before and not named:  # not "…, Paul Roux , L'Humanité s'est défendu"
                return self.fill(speaker, prev[-1])
        if persons:
            if head is not None and start <= head.idx < end:
                titled = head.text in self.lex.titles
                holder = [m for m in persons if m.start <= head.idx < m.end or titled and 0 < m.start - head.idx <= 25]
                if holder:
                    return self.fill(speaker, holder[0])
                apposed_name = self._name_after_head(persons, head)
                if apposed_name is not None:  # "Jamie Oliver's wife, Jools Oliver": she speaks
                    return self.fill(speaker, apposed_name)
                if self._body_named_after(persons[-1], head):  # "Prince George's County Police"
                    return self.named(speaker, self.text[start : head.idx + len(head)])
                if self._person_noun_after_name(persons[-1], head):  # "the Madeleine McCann suspect"
                    role = self.lex.role_match(head.text)
                    other = self.role_holder(role.group(0), start, written) if role else None
                    if other is not None and all(other.name != m.name for m in persons):
                        return self.fill(speaker, other)  # "the Trump spokesman" named elsewhere
                    speaker.reason = "unnamed speaker"
                    return speaker
                document = head.lemma_.lower() in self.lex.documents  # "the Mueller report": his
                if head_pos == "NOUN" and not document and not self.lex.role_match(head.text) and self.group_of(
                    persons[0], head
                ):
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
            inner += [  # "Fiat's announcement", "the Reuters report"
                m
                for m in inside
                if m.label in ("ORG", "PER")
                and m.end <= head.idx
                and (
                    possessive_at(self.text, m.end)
                    or self.lex.lang == "en"
                    and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+)?", self.text[m.end : head.idx])
                )
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
                body = self._body_at(at)
                if body is not None:  # "les informations relatées par la presse nationale"
                    speaker.name = body
                    return speaker
            definite = re.match(r"(?:the|its|le|la|l['’]|son|sa)\s", written.strip(), re.I)
            if definite and len(written.split()) <= 3:
                owner = self.earlier_document_owner(head.lower_, start) if self.lex.lang == "en" else None
                if owner is not None:  # "a statement issued by the ministry … according to the statement"
                    return self.fill(speaker, owner) if owner.label == "PER" else self.named(speaker, owner.text)
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
            and not re.search(  # "de la Catalogne", "en déplacement à Lyon": a complement, not the name
                r"\b(?i:de|du|des|d['’]|of|la|le|les|the|à|au|aux|en|in|at)\s*(?:[A-Z][\w-]*\s+)*$",
                self.text[start : r[0]],
            )
        ]
        if head_pos == "NOUN" and head.text[:1].islower() and not any(m.label == "PER" for m in inside):
            apposed_org = self._org_after(head, inside)
            if apposed_org is not None:  # "the watchdog group the Project on Government Oversight"
                return self.named(speaker, apposed_org.text)
            named = [r for r in named if not self._place_run(r)]  # "researchers in the US and Britain"
            if named:  # "la chaîne publique TRT", "l'agence RIA Novosti"
                return self.named(speaker, self._run_or_org(named[0], inside))
        short = len(written.split()) <= 3
        if short and self._org_description(written, head, inside):
            described = self.described_org(head.lower_, start)
            if described is not None:  # "the hospital" after "Humber River Hospital", "the tabloid" for Bild
                return self.named(speaker, described)
        if (
            short
            and head_low in self.lex.org_nouns
            and re.match(r"(?:the|le|la|l['’]|ce|cet|cette)\s*", written.strip(), re.I)
        ):
            apposed = next((m for m in inside if m.label == "ORG" and m.start > head.idx), None)
            if apposed is not None:  # "l'opérateur Sprint": the organisation named after the noun
                return self.named(speaker, apposed.text)
            following = self.name_right_after(head, end)
            if following is not None:  # "La chaîne CNN fait remarquer", the phrase cut before the name
                return self.named(speaker, following)
            author = self._document_author(start) if self.lex.lang == "en" else None
            if author is not None:  # "In a statement on the Acme website, the company said"
                return self.named(speaker, author)
            previous = self._previous_subject_org(start, exclude)
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
            same = same_role(written, self.lex.lang)
            if holder is None and same:  # "le chef du gouvernement" is "le Premier ministre"
                holder = self.role_holder(same, start)
            if holder:
                return self.fill(speaker, holder)
            orgs = [m for m in inside if m.label == "ORG"]
            if role.start() <= 12 or DESCRIBED.fullmatch(written[: role.start()].lstrip()):
                later = self.named_next(written, end)
                if later is not None:  # "…, the vice president said. … "…," Fuat Oktay said": named next
                    speaker.name = later
                    return speaker
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

    def _body_at(self, at: int) -> str | None:
        """The institution or collective whose noun starts at `at`, with the adjectives after it ("presse
        nationale", "police russe")."""
        tok = next(self.tokens_inside(at - 1, at + 1), None)
        if tok is None or tok.idx != at or tok.lower_ not in speaker_nouns(self.lex.lang).body:
            return None
        end = tok.i + 1
        while end < len(self.doc) and self.doc[end].pos_ == "ADJ" and self.doc[end].text.islower():
            end += 1
        return self.doc[tok.i : end].text

    def _titled_gap(self, end: int, start: int) -> bool:
        """Whether a name at `start` follows a phrase ending at `end` right away, past a comma and a courtesy
        title at most ("son avocat, Me Ann Roy")."""
        if not 0 <= start - end <= 12:
            return False
        gap = self.text[end:start]
        if start - end <= 2:
            return True
        words = gap.replace(",", " ").split()
        return gap.lstrip().startswith(",") and len(words) == 1 and words[0] in self.lex.titles

    @staticmethod
    def _run_or_org(run: tuple[int, int, str], inside: Sequence[Mention]) -> str:
        """The name a proper-noun run starts: the organisation tagged from there when it is longer ("l'ONG
        Amnesty International", whose "International" the tagger did not take for a proper noun)."""
        org = next((m for m in inside if m.label == "ORG" and m.start == run[0] and m.end > run[1]), None)
        return org.text if org is not None else run[2]

    def _place_run(self, run: tuple[int, int, str]) -> bool:
        """A proper-noun run that names a place: a place mention of the article or a gazetteer name."""
        start, end, name = run
        if any(m.label == "LOC" and m.start <= start and end <= m.end for m in self.mentions):
            return True
        return gazetteer(self.lex.lang).lookup(name) is not None

    def tokens_inside(self, start: int, end: int) -> Iterator[Any]:
        """The tokens of the doc that start after `start` and before `end`, in order."""
        if self._token_starts is None:
            self._token_starts = [tok.idx for tok in self.doc]
        for i in range(bisect_right(self._token_starts, start), len(self._token_starts)):
            if self._token_starts[i] >= end:
                return
            yield self.doc[i]

    def _named_among(self, end: int) -> Mention | None:
        """The person named right after an unnamed group as one of them ("experts, dont Rita Katz")."""
        among = AMONG.match(self.text, end)
        if among is None:
            return None
        return next((m for m in self.mentions if m.label == "PER" and m.start == among.end()), None)

    def fill(self, speaker: Speaker, m: Mention) -> Speaker:
        speaker.name = m.name
        speaker.role = m.role
        speaker.entity_id = m.entity_id
        return speaker
