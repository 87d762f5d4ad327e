"""Person speakers: a surname to the full name the article gives, a misspelt or mistagged surname,
proper-noun runs that look like names, and coordinated speakers ("John Smith and Jane Doe")."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz.distance import OSA

from .mention_names import Mention, strip_determiner
from .places import gazetteer

ORG_PLACE_WORDS = {"of", "at", "for", "de", "du", "chez"}
"""Words before an organisation's name, rarely before a person's ("the head of Alfred A Knopf")."""
COORDINATED_TAIL = re.compile(r"\s+(?:both|all|together|tous deux|toutes deux|tous les deux|ensemble)$", re.I)
BOTH_AFTER = re.compile(r"\s+(?:both|together|tous deux|toutes deux|tous les deux)\b", re.I)
CONJUNCTION = re.compile(r"\s+(?:and|et)\s+")
PLURAL_LEAD = re.compile(r"\s*(?:les|leurs|ses|the|their)\s[^,«»“”\"]{1,60},\s*", re.IGNORECASE)
"""A plural noun phrase and its comma before listed names: "Les porte-parole du front commun, A et B"."""
LIST_GAP_STOPS = {"of", "for", "at", "from", "with", "in", "on", "de", "du", "des", "d", "pour", "chez", "à"}


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one letter changed, added or dropped, or two adjacent letters swapped; same first
    letter ("DesRosier" / "DesRoiser")."""
    return a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=1) == 1


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


class PersonNames:
    """Methods of `SpeakerResolver` that find and complete people's names."""

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
        lead = self.text[start : names[0].start] if names else ""
        if len(names) < 2 or not (self._list_gap(lead, lead=True) or PLURAL_LEAD.fullmatch(lead)):
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

    def _coordinated_before(self, start: int, end: int) -> int:
        """ "Moon Jae-in and Chinese leader Xi Jinping both urged": a speaker phrase ending in "both" that the
        parse began after "and"; it starts at the person named right before "and"."""
        if not COORDINATED_TAIL.search(self.text[start:end]) and not BOTH_AFTER.match(self.text, end):
            return start
        before = [m for m in self.mentions if m.label == "PER" and m.end <= start]
        if before and re.fullmatch(r",?\s+(?:and|et)\s+", self.text[before[-1].end : start]):
            return before[-1].start
        return start

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

    def _after_place(self, start: int, end: int, run: str) -> str:
        """A proper-noun run without the place it opens with after a preposition ("Ambassador to Indonesia
        Pham Vinh Quang" -> "Pham Vinh Quang")."""
        if not re.search(r"(?<![\w-])(?:to|of|in|from)\s+$", self.text[max(0, start - 6) : start]):
            return run
        place = next((m for m in self.mentions if m.label == "LOC" and m.start == start and m.end < end), None)
        if place is not None:
            return self.text[place.end : end].strip()
        words = run.split()
        for k in range(min(3, len(words) - 2), 0, -1):  # "Ambassador to Italy Sergei Razov" tagged as one body
            if gazetteer(self.lex.lang).lookup(" ".join(words[:k])):
                return " ".join(words[k:])
        return run

    def _surname_to_full(self, name: str, pos: int) -> str | None:
        words = name.split()
        cands = [m.name for m in self.mentions if m.label == "PER"] + [
            self._drop_role(self._after_place(*r)) for r in self.runs if len(r[2].split()) > 1
        ]
        best = None
        for cand in cands:
            cw = cand.split()
            if len(cw) > len(words) and cw[-len(words) :] == words and (best is None or len(cw) > len(best.split())):
                best = cand
        if best is not None:
            return best
        return name if len(words) >= 2 or self._personlike(name) else None

