"""Organisations written with a common noun, for `SpeakerResolver`: the name after a descriptive noun ("la
chaîne publique TRT"), an organisation noun standing for the organisation named nearby or the one the
article is about ("the hospital", "l'opérateur Sprint", "the group"), and the organisation or group a phrase
names itself ("US airframer Boeing", "the Network to Record Incidents")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .mention_names import Mention
from .places import gazetteer
from .speaker_record import Speaker

NAME_CONTINUES = re.compile(r"(?:\s+(?:to|of|for|on|against|the)(?:\s+[A-Z][\w'’-]*)+)+\s*")
"""Capitalised words joined by function words after an organisation's first word ("… to Protect Journalists")."""


class OrganisationPhrases:
    """Methods of `SpeakerResolver` that resolve a phrase written with an organisation's noun or name."""

    def _named_after_noun(
        self, speaker: Speaker, start: int, end: int, head: Any, inside: list[Mention]
    ) -> Speaker | None:
        """A lower-case common noun followed by the name it describes ("la chaîne publique TRT", "the watchdog
        group the Project on Government Oversight"), not a complement or a place ("researchers in the US")."""
        if head is None or head.pos_ != "NOUN" or not head.text[:1].islower() or any(m.label == "PER" for m in inside):
            return None
        named = [
            r
            for r in self.runs
            if r[0] >= start
            and r[1] <= end
            and r[0] > head.idx
            and not re.search(  # "de la Catalogne", "en déplacement à Lyon": a complement, not the name
                r"\b(?i:de|du|des|d['’]|of|la|le|les|the|à|au|aux|en|in|at)\s*(?:[A-Z][\w-]*\s+)*$",
                self.text[start : r[0]],
            )
        ]
        if named and self._role_of_party(head, named[0]):
            return None  # "le maire LR", "la députée PS": the holder of the role speaks, not the party
        apposed_org = self._org_after(head, inside)
        if apposed_org is not None:  # "the watchdog group the Project on Government Oversight"
            return self.named(speaker, apposed_org.text)
        named = [r for r in named if not self._place_run(r)]  # "researchers in the US and Britain"
        if named:  # "la chaîne publique TRT", "l'agence RIA Novosti"
            return self.named(speaker, self._run_or_org(named[0], inside))
        return None

    def _org_by_own_noun(self, speaker: Speaker, start: int, end: int) -> Speaker | None:
        """ "the tournament says", "the festival said": an English definite noun that no lexicon lists, written
        capitalised in the one proper name of two words or more that the article writes before it after "the"
        ("the Tournament of Roses", "the Harbour Festival")."""
        m = re.fullmatch(r"the\s+([a-z]{4,})", self.text[start:end].strip())
        if self.lex.lang != "en" or m is None:
            return None
        word = m.group(1).capitalize()
        cap = r"[A-Z][\w'’-]*"
        pattern = rf"(?<=\bthe )((?:{cap}\s+)*{word}(?:\s+of(?:\s+the)?(?:\s+{cap})+)?)(?![\w'’-])"
        names = {n.group(1) for n in re.finditer(pattern, self.text[:start]) if " " in n.group(1)}
        return self.named(speaker, names.pop()) if len(names) == 1 else None

    def _role_of_party(self, head: Any, run: tuple[int, int, str]) -> bool:
        """In French, a role noun followed by the acronym of the party or body its holder belongs to."""
        if self.lex.lang != "fr" or not self.lex.role_match(head.text):
            return False
        return re.fullmatch(r"[A-Z]{2,6}", run[2]) is not None

    def _organisation_noun(
        self,
        speaker: Speaker,
        start: int,
        end: int,
        head: Any,
        inside: list[Mention],
        exclude: Sequence[tuple[int, int]],
    ) -> Speaker | None:
        """A short definite phrase whose head is an organisation noun ("the hospital", "l'opérateur Sprint",
        "the group"): the organisation named in or after it, or the one the article is about."""
        written = self.text[start:end]
        head_low = head.lemma_.lower() if head is not None else ""
        short = len(written.split()) <= 3
        if short and self._org_description(written, head, inside):
            described = self.described_org(head.lower_, start)
            if described is not None:  # "the hospital" after "Humber River Hospital", "the tabloid" for Bild
                return self.named(speaker, described)
        if not (
            short
            and head_low in self.lex.org_nouns
            and re.match(r"(?:the|le|la|l['’]|ce|cet|cette)\s*", written.strip(), re.I)
        ):
            return None
        own = self.lex.lang == "en" and head.text[:1].isupper()
        if own and any(m.label == "ORG" and m.start <= head.idx < m.end for m in inside):
            return None  # "the NPD Group": the organisation's own name, not a noun standing for another
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
        return None

    def _organisation_or_group(
        self, speaker: Speaker, start: int, end: int, head: Any, inside: list[Mention]
    ) -> Speaker:
        """What is left: the organisation named by the head ("US airframer Boeing"), or the organisation or
        group the phrase itself names, in its longer form written elsewhere; else no speaker."""
        written = self.text[start:end]
        head_pos = head.pos_ if head is not None else None
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
