"""The subject a parser missed for `SpeakerResolver`: the person or organisation opening the sentence of a verb
("General Motors Corporation (GM) announced …"), a place standing for its institution ("L' Élysée a salué"), or
the person named right before the verb ("…, party leader Jane Roe told delegates")."""

from __future__ import annotations

import re

from .speaker_record import Speaker

DETERMINER_ONLY = re.compile(r"\s*(?:(?:the|le|la|les)\s+|l['’]\s*)?", re.IGNORECASE)
SUBJECT_GAP = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,[^,.;]*,)?\s*")  # "(GM)", ", its chairman,"
AUXILIARY_END = re.compile(r"\s(?:a|ont|avait|avaient|has|have|had)(?:\s+(?:aussi|également|encore|also))?\s*$")
INSERTED_CLAUSE = re.compile(r"\s*,\s*(?:who|whose)\s[^,.;:!?\"“”«»()]*(?:\([^()]*\)[^,.;:!?\"“”«»()]*)?,\s*")
"""A relative clause between commas after a name: "Ann Lee, who represents the district (north), said"."""
DOCUMENT_OF = re.compile(
    r"\s*(?:an?|the|un|une|le|la|l['’])\s*(\w+)\s+(?:on|of|from|by|de|du|des|d['’])\s*(?:the\s+)?", re.IGNORECASE
)
OWNED_DOCUMENT = re.compile(r"['’]s\s+(\w+)")


class SentenceSubjects:
    """Methods of `SpeakerResolver` that find the subject of a verb the parser gave none."""

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
