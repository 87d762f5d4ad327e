"""Model span edges: articles, prepositions, courtesy titles, titles with their complements, particles of
a person's name and punctuation moved off or kept on (`SpanTrimming`, a mixin of `entities.Recogniser`)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .entity_record import _Ent, _tok_end
from .places import norm

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .rules import Rules


class SpanTrimming:
    """Trimming of one model span to the name it holds; expects `rules` and `fixes` on the instance."""

    rules: Rules
    fixes: frozenset[str]

    def _trim(self, doc: Doc, text: str, a: int, b: int, item: _Ent) -> _Ent | None:
        """Move span edges off articles, prepositions, courtesy titles, titles and punctuation."""
        rules = self.rules
        keys = [norm(doc[j].text) for j in range(a, b)]
        i = 0
        role = None
        person = item.label == "PER"
        while i < len(keys):
            tok = doc[a + i]
            key = keys[i]
            lower = tok.text[:1].islower()
            if tok.text in rules.honorifics:
                i += 1
                item.label, person = "PER", True
            elif (hit := rules.titles.match(keys, i)) is not None and hit[0] < len(keys):
                after = hit[0]
                role_like = (
                    keys[after] in rules.complements
                    and doc[a + after].text[:1].islower()
                    and self._role_complement(doc, a + after, b)
                )
                if role_like:
                    return None  # "Président des États-Unis": a role; the place inside is found by the rules
                if not person:
                    if lower:
                        return None  # "ministre des Finances" is a role, not an organisation
                    break
                role = text[tok.idx : _tok_end(doc, a + after)]
                i = after
            elif (
                "head_noun" in self.fixes
                and item.label in ("LOC", "MISC")
                and lower
                and tok.is_alpha
                and i + 2 < len(keys)
                and keys[i + 1] in rules.complements
                and doc[a + i + 2].text[:1].isupper()
                and (item.label == "LOC" or (inner := self._inner_name(doc, keys, a, i + 2, b)))
            ):
                # "district de Karada", "île de Guadeloupe": the name without its common noun;
                # "traité de Rome", "convention des Nations unies": a description, the name is the entity
                i += 2
                item.label = inner if item.label == "MISC" else "LOC"
            elif person and (key in rules.particles) and i + 1 < len(keys):
                break  # "de Gaulle", "van Vleuten"
            elif (key in rules.determiners and (lower or self._place_follows(doc, a + i + 1, b))) or (
                key in rules.complements and lower
            ):
                i += 1
            elif tok.text in ("l", "d") and i + 1 < len(keys) and doc[a + i + 1].text in ("'", "’"):
                i += 2
            elif person and i + 2 < len(keys) and doc[a + i + 1].text in ("'s", "’s"):
                i += 2  # "Malawi's Joyce Banda": the possessive names the country, not the person
            elif tok.is_punct or tok.is_space or _invisible(tok.text):
                i += 1
            else:
                break
        j = len(keys)
        while j > i and (
            (doc[a + j - 1].is_punct or doc[a + j - 1].is_space)
            and doc[a + j - 1].text != "."
            or doc[a + j - 1].text in ("'s", "’s", "'", "’")
        ):
            j -= 1
        if j > i and doc[a + j - 1].text == "." and len(doc[a + j - 1].text) == 1:
            j -= 1
        if j <= i:
            return None
        start = a + i
        if person and i == 0 and start > 0:
            prev = doc[start - 1]
            # a capitalised particle the model left out: "De Gendt", "Van Rompuy"
            if norm(prev.text) in rules.particles and prev.text[:1].isupper() and prev.whitespace_ == " ":
                start -= 1
        end = self._through_particles(doc, start, a + j) if person else a + j
        item.start = doc[start].idx
        item.end = _tok_end(doc, end)
        written = text[item.start : item.end]
        item.end = item.start + len(written.rstrip("".join(c for c in written if _invisible(c)) or None))
        if "\n" in text[item.start : item.end]:
            # a span never runs across a line break ("Paris\n\nGroupe D")
            item.end = item.start + text[item.start : item.end].index("\n")
            item.end = item.start + len(text[item.start : item.end].rstrip(" ,.;:"))
            if item.end <= item.start:
                return None
        if role:
            item.attrs["role"] = role
        return item

    def _through_particles(self, doc: Doc, start: int, end: int) -> int:
        """The end of a person's name that the model cut inside its particles ("Ursula von" of "Ursula von der
        Leyen"): a span ending on a lower-case particle runs on through particles to the next capitalised word."""
        particles = self.rules.particles
        if end - start < 2 or not doc[end - 1].text[:1].islower() or norm(doc[end - 1].text) not in particles:
            return end
        m = end
        while m < len(doc) and m - end < 3 and doc[m].text[:1].islower() and norm(doc[m].text) in particles:
            m += 1
        if m < len(doc) and doc[m].is_alpha and doc[m].text[:1].isupper() and doc[m - 1].whitespace_:
            return m + 1
        return end

    def _role_complement(self, doc: Doc, j: int, b: int) -> bool:
        """True when tokens j..b-1 ("des États-Unis", "de la République") complete a title, not a name."""
        rules = self.rules
        while j < b and (norm(doc[j].text) in rules.complements or norm(doc[j].text) in rules.determiners):
            j += 1
        rest = doc[j:b].text if j < b else ""
        return not rest or rest in rules.stopnames or self._place_follows(doc, j, b) or norm(rest) in rules.domain

    def _inner_name(self, doc: Doc, keys: list[str], a: int, i: int, b: int) -> str | None:
        """"LOC" or "ORG" when tokens a+i..b-1 are exactly a known place or a listed organisation."""
        if self._place_follows(doc, a + i, b):
            return "LOC"
        hit = self.rules.known_orgs.match(keys, i)
        return "ORG" if hit is not None and hit[0] == len(keys) else None

    def _place_follows(self, doc: Doc, j: int, b: int) -> bool:
        """True when tokens j..b-1 are a known place ("La [France]"; but "Le Figaro" keeps its article)."""
        return j < b and self.rules.gazetteer.lookup(doc[j:b].text) is not None


def _invisible(text: str) -> bool:
    """True for format characters (zero-width marks, bidi controls) that are never part of a name."""
    return bool(text) and all(unicodedata.category(c) == "Cf" for c in text)

