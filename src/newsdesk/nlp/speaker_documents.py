"""Speakers written as a document ("selon un rapport de l'ONU", "the statement", "a police report"), for
`SpeakerResolver`: a document speaks for its author, named in the phrase, after "par" or "by", earlier in
the article, or by the body noun that qualifies it; a document nobody is said to have written names no one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .mention_names import Mention, possessive_at
from .speaker_groups import speaker_nouns, time_tail
from .speaker_record import Speaker


class DocumentSources:
    """Methods of `SpeakerResolver` that resolve a document noun to the person or organisation behind it."""

    def _document_source(
        self,
        speaker: Speaker,
        start: int,
        end: int,
        head: Any,
        inside: list[Mention],
        exclude: Sequence[tuple[int, int]],
    ) -> Speaker | None:
        """A phrase whose head is a document noun ("rapport", "statement"): its author named in or after it,
        the owner of the document named earlier, the media or body that wrote it, or nobody."""
        head_low = head.lemma_.lower() if head is not None else ""
        if head is None or not (head_low in self.lex.documents or head.lower_ in self.lex.documents):
            return None
        written = self.text[start:end]
        found = self._author_in_document(speaker, end, head, inside) or self._document_agent(speaker, end)
        found = found or self._definite_document(speaker, start, head)
        if found is not None:
            return found
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
        return None

    def _author_in_document(self, speaker: Speaker, end: int, head: Any, inside: list[Mention]) -> Speaker | None:
        """The person or organisation named in the document phrase: after the noun ("selon un rapport de
        l'ONU", "a report in Ars Technica"), or before it as its owner ("Fiat's announcement", "the Reuters
        report")."""
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
            if head.idx + len(head) < r[0] and r[1] <= end and not time_tail(self.lex.lang).fullmatch(" " + r[2])
        ]
        if named_in:  # "a report in Ars Technica", "une étude de l'Insee" when NER missed the name
            return self.named(speaker, named_in[0][2])
        return None

    def _document_agent(self, speaker: Speaker, end: int) -> Speaker | None:
        """The author named after "par" or "by" following the document ("une enquête réalisée par l'Associated
        Press", "les informations relatées par la presse nationale")."""
        agent = re.match(r",?[^,.;\n]{0,40}?\b(?:par|by)\s+(?:la |le |les |l['’]\s*|the )?", self.text[end : end + 80])
        if not agent:
            return None
        at = self._past_org_noun(end + agent.end())
        named_by = next((m for m in self.mentions if m.label in ("ORG", "PER") and m.start == at), None)
        if named_by is not None:  # "réalisée par l'Associated Press" even when tagged as nouns
            return self.fill(speaker, named_by) if named_by.label == "PER" else self.named(speaker, named_by.text)
        run = next((r for r in self.runs if r[0] == at), None)
        if run is not None:
            return self.named(speaker, run[2])
        body = self._body_at(at)
        if body is not None:  # "les informations relatées par la presse nationale"
            speaker.name = body
            return speaker
        return None

    def _past_org_noun(self, at: int) -> int:
        """Where the name starts after the organisation noun that introduces it ("menées par l'organisation
        Human Rights Watch"), in French; `at` itself when no such noun stands there."""
        noun = re.match(r"([a-zéè]+)\s+(?=[A-Z])", self.text[at : at + 40])
        if self.lex.lang != "fr" or noun is None or noun.group(1) not in self.lex.org_nouns:
            return at
        return at + noun.end()

    def _definite_document(self, speaker: Speaker, start: int, head: Any) -> Speaker | None:
        """A short definite document phrase ("the statement", "le communiqué"): the document's owner named
        earlier, the group quoted last, or the organisation the article is about."""
        written = speaker.text or ""
        definite = re.match(r"(?:the|its|le|la|l['’]|son|sa)\s", written.strip(), re.I)
        if not definite or len(written.split()) > 3:
            return None
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
        return None

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
