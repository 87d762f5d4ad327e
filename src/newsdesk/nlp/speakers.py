"""Resolve a speaker as written ("Kirby", "il", "le porte-parole") to a full name and role.

Matched against the article's mentions (`speaker_mentions`): a surname goes to an earlier full name, a
role noun to the person who holds it, a pronoun to the nearest compatible earlier person
(`speaker_pronouns`), a role or group "of X" is not X (`speaker_heads`). Organisations and groups ("la
préfecture de police", "sources") are speakers too. `SpeakerResolver` gathers its methods from
`speaker_names` (people's names), `speaker_orgs` (organisation names and acronyms), `speaker_roles`
(roles and descriptions to the people who hold them), `speaker_phrases` (the head word and extent of the
written phrase), `speaker_subjects` (the subject of a verb the parser gave none), `speaker_documents`
(documents to their authors), `speaker_org_phrases` (organisations written with a common noun) and
`speaker_markup` (language tags, bracketed first names and handles around a name); the `Speaker` record
is in `speaker_record`. `SpeakerResolver._resolve` tries each written form of a speaker in turn, one
step per form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any

from ..article import Span
from .mention_names import Mention, after_inner_role, strip_determiner
from .quote_lexicon import QuoteLexicon
from .speaker_documents import DocumentSources
from .speaker_groups import after_glued_headline, group_name, no_name, speaker_nouns, time_tail
from .speaker_heads import resolve_owned
from .speaker_markup import WrittenMarkup, link_headlines
from .speaker_mentions import ArticleMentions
from .speaker_names import PersonNames, coordinated
from .speaker_org_phrases import OrganisationPhrases
from .speaker_orgs import OrganisationNames
from .speaker_phrases import RELATIVE, SpeakerPhrases
from .speaker_pronouns import LAST_SPEAKER_REACH, LastSpeaker, resolve_pronoun
from .speaker_record import Speaker
from .speaker_roles import RoleHolders, same_role
from .speaker_subjects import SentenceSubjects

AMONG = re.compile(r",?\s*(?:dont|notamment|parmi lesquels|including|among them|such as)\s+", re.IGNORECASE)


__all__ = ["Mention", "Speaker", "SpeakerResolver", "strip_determiner"]


HANDLE_AFTER = re.compile(r"(?:,\s*|^(?i:the|a|an|le|la|l['’])?\s*(?:[a-zé-]+\s+){1,3})(@\w{2,})\s*,?\s*$")
"""A social-media handle closing the speaker phrase, after a comma or a lower-case description."""
DESCRIBED = re.compile(r"(?i:the|le|la|l['’])\s*(?:[\w'’-]+\s+){1,3}")
"""An article and up to three modifiers before a role ("the Ghanaian theologian"): a definite description."""
POSSESSIVE_WORD = re.compile(r"\w['’]s\s")
EMPHATIC = re.compile(r"\s+(?:lui|elle|eux|elles)-mêmes?$|\s+(?:itself|himself|herself|themselves)$")
"""An emphatic pronoun closing a speaker's name ("le Métro lui-même", "the company itself")."""

class SpeakerResolver(
    OrganisationPhrases,
    DocumentSources,
    WrittenMarkup,
    OrganisationNames,
    RoleHolders,
    PersonNames,
    SpeakerPhrases,
    SentenceSubjects,
    ArticleMentions,
):
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
        end = self._before_dash_aside(start, end)
        end = self._before_participle_aside(start, end)
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
        if speaker.name and time_tail(self.lex.lang).fullmatch(" " + speaker.name):
            return Speaker(text=speaker.text, span=speaker.span, reason="a day word, not a speaker")
        if speaker.name:
            speaker.name = time_tail(self.lex.lang).sub("", speaker.name) or speaker.name
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
            if self.lex.lang == "en":  # "Super Junior Member Kangin Announces …": the name after the role
                speaker.name = after_inner_role(speaker.name, self.lex)
                speaker.name = self.past_glued_source(speaker.name, start, end)
            if not any(m.label == "PER" and m.name == speaker.name for m in self.mentions):
                speaker.name = self.defined_before_acronym(speaker.name, end)
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

    def _resolve(self, start: int, end: int, *, head: Any, exclude: Sequence[tuple[int, int]]) -> Speaker:
        """The speaker written at text[start:end], tried form by form: a name, handle or "role, Name" written
        as such, a person inside the phrase or next to it, a pronoun or relative, a document noun, an
        organisation noun, a role, and last the organisation or group the phrase names."""
        written = self.text[start:end]
        speaker = Speaker(text=written, span=(start, end))
        found = self._written_name(speaker, start, end, head)
        if found is not None:
            return found
        inside = [m for m in self.mentions if m.start < end and m.end > start]
        persons = [m for m in inside if m.label == "PER"]
        if persons:
            return self._person_inside(speaker, start, end, head, persons)
        found = self._name_next_to(speaker, start, end, head, inside)
        found = found or self._pronoun_or_relative(speaker, start, end, head, exclude)
        found = found or self._document_source(speaker, start, end, head, inside, exclude)
        if found is not None:
            return found
        if self.indefinite_person(written, head):
            speaker.reason = "unnamed speaker"
            return speaker
        found = self._named_after_noun(speaker, start, end, head, inside)
        found = found or self._organisation_noun(speaker, start, end, head, inside, exclude)
        found = found or self._name_or_role(speaker, start, end, head, inside)
        found = found or self._org_by_own_noun(speaker, start, end)
        return found or self._organisation_or_group(speaker, start, end, head, inside)

    def _written_name(self, speaker: Speaker, start: int, end: int, head: Any) -> Speaker | None:
        """A phrase that opens on a person's name, ends on a social-media handle, names an owner ("son
        avocat"), an unnamed source, a nationality of a person named before ("le Jamaïcain"), or a role and
        a name ("le porte-parole John Kirby")."""
        written = self.text[start:end]
        first = next((m for m in self.mentions if m.label == "PER" and m.start == start), None)
        if first is not None and head is not None and first.start <= head.idx < first.end:
            return self.fill(speaker, first)  # "Brian Teefey, beau-père de la chanteuse Selena Gomez"
        titled = self._titled_name_opening(start, end, head)
        if titled is not None:  # "Sheik Saif Al Thani, directeur du bureau …"
            return self.fill(speaker, titled)
        fragment = self._name_closing_complement(start, end)
        if fragment is not None:  # "de la Communication et des Médias Jean Roux": the tail of a role
            speaker.name = fragment
            return speaker
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
        return None

    def _name_next_to(self, speaker: Speaker, start: int, end: int, head: Any, inside: list[Mention]) -> Speaker | None:
        """A phrase naming no person whose person is named right next to it: after a role ("La ministre de
        l'Éducation Najat Vallaud-Belkacem"), between commas after an indefinite one ("L'une des rares voix,
        Ivan Roy,"), or right before it and a comma ("Mario Joseph, l'un de ses avocats")."""
        written = self.text[start:end]
        nxt = [m for m in self.mentions if m.label == "PER" and self._titled_gap(end, m.start)]
        if nxt and self.lex.role_match(written):
            return self.fill(speaker, nxt[0])
        enclosed = self.enclosed_name_after(end) if self.indefinite_person(written, head) else None
        if enclosed is not None:  # "L'une des rares voix discordantes, Ivan Roy, a dénoncé"
            return self.fill(speaker, enclosed)
        before = self.text[max(0, start - 3) : start]
        prev = [m for m in self.mentions if m.label == "PER" and 0 <= start - m.end <= 3]
        named = head is not None and head.pos_ == "PROPN" or any(m.label == "ORG" for m in inside)
        if prev and "," in before and not named:  # not "…, Paul Roux , L'Humanité s'est défendu"
            return self.fill(speaker, prev[-1])
        return None

    def _person_inside(self, speaker: Speaker, start: int, end: int, head: Any, persons: list[Mention]) -> Speaker:
        """A phrase with persons in it: the one its head names or titles, the name apposed to its head
        ("Jamie Oliver's wife, Jools Oliver"), a body or a group named after a person ("Prince George's County
        Police", "L'administration Biden"), nobody for a noun about a person ("the Madeleine McCann suspect"),
        else the first person."""
        written = self.text[start:end]
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
            if head.pos_ == "NOUN" and not document and not self.lex.role_match(head.text) and self.group_of(
                persons[0], head
            ):
                if self.indefinite_person(written, head):
                    speaker.reason = "unnamed speaker"  # "un proche de Macron"
                    return speaker
                speaker.name = strip_determiner(written)  # "L'administration Biden": a group named after a person
                return speaker
        return self.fill(speaker, persons[0])

    def _pronoun_or_relative(
        self, speaker: Speaker, start: int, end: int, head: Any, exclude: Sequence[tuple[int, int]]
    ) -> Speaker | None:
        """A personal or demonstrative pronoun ("il", "celle-ci", "they"), resolved to an earlier speaker, or a
        relative pronoun resolved as its antecedent ("le Mouvement républicain australien, qui affirme")."""
        written = self.text[start:end]
        low = written.strip().lower().lstrip("-")
        if low in ("celui", "celle") and self.text[end : end + 3].lower() == "-ci":
            low += "-ci"  # "Celui-ci" split by the tokenizer
        if low in self.lex.pronouns:
            links = link_headlines(self.text, self.lex.lang)  # "ALSO READ: Ann Lee wins": not an antecedent
            return resolve_pronoun(self, speaker, low, start, [*exclude, *links])
        if low in RELATIVE and head is not None and start <= head.idx < end:
            antecedent = self._relative_antecedent(head)
            if antecedent is not None:  # "le Mouvement républicain australien, qui affirme …"
                a_start, a_end, a_head = antecedent
                resolved = self._resolve(a_start, a_end, head=a_head, exclude=exclude)
                resolved.text, resolved.span = written, (start, end)
                return resolved
        return None

    def _name_or_role(self, speaker: Speaker, start: int, end: int, head: Any, inside: list[Mention]) -> Speaker | None:
        """A surname or name in the phrase, completed from the article ("Kirby"), or a role ("le président",
        "the vice president") given to its holder, to the person named next or who spoke last as that role."""
        written = self.text[start:end]
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
        if not role or re.match(r"[A-Z][\w'-]+$", written.strip()):
            return None
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
            if self._same_unnamed_role(role.group(0), start):  # "A spokesperson for …, … the spokesman said"
                speaker.reason = f"role without a name in the article: {role.group(0)}"
                return speaker
            last = None if owned else self._last_speaker_as(written, start)
            if last is not None:  # "« … » a-t-il déclaré. … Toutefois, le président a déclaré que"
                return self.fill(speaker, last)
            speaker.reason = f"role without a name in the article: {role.group(0)}"
            return speaker
        if orgs:
            speaker.name = strip_determiner(orgs[0].text)
            return speaker
        return None

    def _same_unnamed_role(self, noun: str, pos: int) -> bool:
        """The last speaker is unnamed, written with the same role noun or its other gender form ("a
        spokesperson for the police", then "the spokesman"), and nobody named spoke since: the same person."""
        unnamed = self.last_unnamed
        if self.lex.lang != "en" or unnamed is None or pos - unnamed[0] > LAST_SPEAKER_REACH:
            return False
        if self.last_person is not None and self.last_person.start > unnamed[0]:
            return False
        stem = re.sub(r"(?:wo)?m[ae]n$|persons?$|people$", "", noun.lower())
        return re.search(rf"\b{re.escape(stem)}", self.text[unnamed[0] : unnamed[1]].lower()) is not None

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
