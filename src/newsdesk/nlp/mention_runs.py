"""The proper-noun runs of an article's parse, for `ArticleMentions`: cleaned of headline verbs and role
complements glued to names, and read for the people the taggers missed, cut short or took for
organisations ("Siu Heng" when only "Heng" was tagged, "Post Malone" tagged as an organisation)."""

from __future__ import annotations

import re
from typing import Any

from ..text import fold
from .mention_names import Mention, headline_word, initial, known_org_names
from .quote_lexicon import QuoteLexicon

COMPLEMENT_END = re.compile(r"\b(?:de la|de l['’]|du|des)\s*$", re.IGNORECASE)
"""The preposition of a role's complement, right before a run ("le ministre de la Justice …")."""


class ProperNounRuns:
    """Methods of `ArticleMentions` that read names from the proper-noun runs (start, end, text) of the parse."""

    text: str
    doc: Any
    lex: QuoteLexicon
    runs: list[tuple[int, int, str]]
    _role_words: set[str]

    def _past_complement(self, run: tuple[int, int, str]) -> tuple[int, int, str]:
        """A French run of three words that opens on the one-word complement of a role, then a first name and a
        surname ("Justice" of "le ministre de la Justice Jean-Jacques Urvoas"): the name."""
        start, end, text = run
        first, _, rest = text.partition(" ")
        if len(rest.split()) != 2 or not COMPLEMENT_END.search(self.text[max(0, start - 12) : start]):
            return run
        if not self._personlike_run(rest):
            return run
        at = start + len(first) + len(text[len(first) :]) - len(rest)
        return at, end, rest

    def _headline_free(self, run: tuple[int, int, str]) -> list[tuple[int, int, str]]:
        """A proper-noun run split at the headline verbs glued to names in scraped news ("Criticizes" of
        "Ann Lee Criticizes Tom Fry")."""
        start, _, text = run
        parts, at = [], 0
        for m in re.finditer(r"\S+", text):
            if headline_word(m.group(0), self.text, self.lex, nouns=False):
                parts.append((at, m.start()))
                at = m.end()
        if not parts:
            return [run]
        parts.append((at, len(text)))
        out = []
        for a, b in parts:
            piece = text[a:b].strip()
            if piece:
                lo = start + a + text[a:b].index(piece)
                out.append((lo, lo + len(piece), piece))
        return out

    def _name_from_runs(self, m: Mention, mentions: list[Mention]) -> str:
        """A person tagged by one word alone: the proper-noun run it closes ("Siu Heng" when only "Heng" was
        tagged), else the one earlier run it opens or closes that the entity layer missed ("Arvind Gaur"
        after image markup, then "Arvind"), or that the model took for an organisation whole when this word
        is its surname ("Post Malone" … "Malone said")."""
        places = [x for x in mentions if x.label != "PER"]
        names = []
        for start, end, run in self.runs:
            if end > m.end or not self._personlike_run(run):
                continue
            over = [x for x in places if x.start < end and start < x.end]
            if over and not (len(over) == 1 and self.mistagged_person(over[0], start, end, m.name)):
                continue
            words = run.split()
            if end == m.end and start < m.start:
                cut = self._past_organisation(start, m.start, mentions)
                return self.text[cut:end] if cut < m.start else m.name
            if end <= m.start and m.name in (words[0], words[-1]) and run not in names:
                names.append(run)
        return names[0] if len(names) == 1 else m.name

    def _past_organisation(self, start: int, end: int, mentions: list[Mention]) -> int:
        """Where a run opening at `start` starts after the organisation name that the article writes elsewhere
        and that overlaps text[start:end] ("Bioprocess Insider" of the run "Insider Celltrion" in "… -
        Bioprocess Insider Celltrion has confirmed"): a headline's source glued to a name."""
        cut = start
        for org in {m.text for m in mentions if m.label == "ORG" and " " in m.text}:
            for hit in re.finditer(re.escape(org), self.text[max(0, start - len(org)) : end + len(org)]):
                at = max(0, start - len(org)) + hit.start()
                if at <= start < at + len(org) < end:
                    cut = max(cut, at + len(org))
        return cut + len(self.text[cut:end]) - len(self.text[cut:end].lstrip())

    def mistagged_person(self, m: Mention, start: int, end: int, surname: str) -> bool:
        """Whether organisation mention `m` is exactly the person-like run text[start:end] ending in `surname`,
        or that surname, and the run a name no organisation list knows: a person the model mislabelled ("Post
        Malone")."""
        run = self.text[start:end]
        return (
            ((m.start, m.end) == (start, end) or m.end == end and m.text == surname)  # or only the surname
            and m.label != "LOC"
            and run.split()[-1] == surname
            and fold(run) not in known_org_names(self.lex.lang)
        )

    def _personlike_run(self, run: str) -> bool:
        """Two or three capitalised words, none a role, title or organisation noun, with middle initials
        ("Anna B Kowalski", "E.A. Adeboye")."""
        words = run.split()
        names = [w for k, w in enumerate(words) if not (k < len(words) - 1 and initial(w, first=k == 0))]
        return 2 <= len(words) <= 4 and 1 <= len(names) <= 3 and names[-1] == words[-1] and all(
            re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+", w)
            and w.lower() not in self._role_words
            and w not in self.lex.titles
            and w.lower() not in self.lex.org_nouns
            for w in names
        )
