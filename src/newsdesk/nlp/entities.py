"""Named entities of an article: spaCy spans, trigger-word rules, and names resolved within the article.

`EntityStep` is the pipeline step (needs "lang", adds "entities"). For each language it uses the
spaCy model from `models.load` when there is one (batched with `nlp.pipe`), and the lexicon
rules of `rules.Rules` always, so a language without a model (German, Spanish...) still gets
entities. Spans follow the shared contract: group "entities", label PER/ORG/LOC/MISC, attrs
text, name, entity_id, role, country, government_of, source ("model" or "rule").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..article import Article, Span
from ..clean.cues import load_cues
from ..pipeline import StepStats, batched
from ..text import fold
from . import models as model_loader
from .places import norm
from .rules import RULE_FAMILIES, Candidate, Rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

GROUP = "entities"

MODEL_LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
"""Model label → newsdesk label (French WikiNER labels and English OntoNotes labels); others are dropped."""

POST_RULES = frozenset(
    {
        "trim",
        "demonym",
        "lowercase",
        "stoplist",
        "org_word",
        "acronym",
        "seat_org",
        "country_loc",
        "surname",
        "locative",
        "split",
        "head_noun",
        "given_name",
    }
)
"""Fixes applied to model output, each measured in bench/reports/ner_quality.md:

- trim: articles, prepositions, courtesy titles, titles, punctuation and line breaks off span edges
- demonym: a lone nationality word is MISC with its country
- lowercase: drop spans without a capital letter
- stoplist: drop lone words of lexicons/stopnames and single letters
- org_word: a multi-word name starting with an institution word ("Cour d'appel") is ORG
- acronym: an all-capitals word that is not a known place ("NWTC") is ORG
- seat_org: seats of government are ORG; country_loc: country names are LOC
- surname: a lone surname of a person named in the article is that person
- locative: a lone word tagged PER right after a locative preposition ("à Amirabad") that names
  no person of the article is a place
- split: a span joining names with a spaced dash ("Pologne - Irlande du Nord") is split
- given_name: a lone word written like a given name, tagged ORG/LOC/MISC right before a person's name and
  nowhere else in the text, begins that name ("Ömer" + "Fatih Sayan")
- head_noun: a place loses a leading common noun ("district de Karada" → "Karada"); a MISC span
  that is a common noun and a known place ("traité de Rome", "champion de France") is that place
"""

FIXES = POST_RULES | RULE_FAMILIES
"""Everything the recogniser applies by default; each item is measured in bench/reports/ner_quality.md."""

CAPITALISED_NATIONALITY_ADJECTIVES = frozenset({"en"})
"""Languages that capitalise nationality adjectives ("Canadian"), not only nationality nouns."""

_PUNCT_EDGE = re.compile(r"^[\s\"'«»“”‘’()\[\],.;:!?–—-]+|[\s\"'«»“”‘’()\[\],;:!?–—-]+$")

_ACRONYM = re.compile(r"[A-Z]{2,6}")

COORDINATED_GIVEN = re.compile(r"(?<![\w'’.-])([A-ZÀ-Ý][a-zà-ÿ'’-]+) (?:and|&|et) $")
"""A capitalised word and a conjunction right before a person's name ("Rebecca and Tom Hale")."""
GIVEN_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}")
"""A word written like a given name: a capital, then lower-case letters ("Sean", not "SPCA")."""

NameMatcher = Callable[[str, str, str], bool]
"""`same(mention, full_name, lang)`: True when a one-word mention spells the surname of `full_name` differently."""


def same_surname(mention: str, full_name: str, lang: str) -> bool:
    """True when a one-word mention and a full name of the same article normalise to the same surname.

    Uses the JRC-Names-style cascade of `nlp.names` (transliteration, the article language's
    spelling rules): in a French article "Choïgou" and "Sergei Shoigu" both give "shoigu". Only
    identical normalised forms count: near misses ("Blinkin") need the context checks of the
    entity registry, not a within-article guess.
    """
    from . import names

    a = names.normalise(mention, lang=lang, label="PER")
    b = names.normalise(full_name, lang=lang, label="PER")
    return names.compare(a, b).tier == "identical"


@dataclass(slots=True)
class _Ent:
    start: int
    end: int
    label: str
    source: str
    attrs: dict[str, Any] = field(default_factory=dict)


class Recogniser:
    """Entity recognition for one language, with or without a spaCy model."""

    def __init__(
        self,
        lang: str,
        nlp: Language | None,
        *,
        fixes: frozenset[str] = FIXES,
        same_name: NameMatcher | None = same_surname,
    ) -> None:
        self.lang = lang
        self.nlp = nlp
        self.tokenizer = nlp if nlp is not None else model_loader.blank(lang)
        self.rules = Rules(lang, tokenize=lambda s: [t.text for t in self.tokenizer.make_doc(s)])
        self.fixes = fixes
        self.same_name = same_name

    @property
    def usable(self) -> bool:
        """True when there is a model or at least a title lexicon for the language."""
        return self.nlp is not None or self.rules.has_lexicons

    def docs(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
        """spaCy docs for `texts`, batched through the model (or tokenized only, without one)."""
        if self.nlp is not None:
            yield from self.nlp.pipe(texts, batch_size=batch_size)
        else:
            for text in texts:
                yield self.tokenizer.make_doc(text)

    def spans(self, doc: Doc) -> list[Span]:
        """Entity spans of one doc, following the span contract."""
        text = doc.text  # computed by spaCy on each access: read it once
        ents = self._model_entities(doc, text) if self.nlp is not None else []
        families = RULE_FAMILIES if self.nlp is None else self.fixes & RULE_FAMILIES
        if families:
            ents = self._merge(text, ents, self.rules.find(doc, families=families, text=text))
        ents = self._place_attrs(text, ents)
        ents = self._resolve(text, ents)
        return [self._to_span(text, e) for e in sorted(ents, key=lambda e: (e.start, e.end))]

    # -- model output and its fixes -------------------------------------------------------------

    def _model_entities(self, doc: Doc, full_text: str) -> list[_Ent]:
        out = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            for a, b in self._segments(doc, ent.start, ent.end):
                item = _Ent(start=doc[a].idx, end=_tok_end(doc, b), label=label, source="model")
                if "trim" in self.fixes:
                    item = self._trim(doc, full_text, a, b, item)
                    if item is None:
                        continue
                if self._keep(full_text, item):
                    out.append(item)
        if "given_name" in self.fixes:
            out = self._given_names(full_text, out)
        persons = [(e.start, e.end) for e in out if e.label == "PER"]
        # a piece of a name the model tagged apart ("Leyen" of "Ursula von der Leyen") goes with the name
        inside = [e for e in out if any(s <= e.start and e.end <= t and (s, t) != (e.start, e.end) for s, t in persons)]
        return [e for e in out if e not in inside]

    def _given_names(self, text: str, ents: list[_Ent]) -> list[_Ent]:
        """ "(BTK) Ömer Fatih Sayan" tagged ORG "Ömer" + PER "Fatih Sayan": a lone word written like a given
        name, joined by one space to a person's name, unknown to the gazetteer and written nowhere else in
        the text, is the first word of that name."""
        out: list[_Ent] = []
        for e in sorted(ents, key=lambda x: x.start):
            prev = out[-1] if out else None
            word = text[prev.start : prev.end] if prev is not None else ""
            if (
                prev is not None
                and e.label == "PER"
                and prev.label != "PER"
                and prev.end + 1 == e.start
                and text[prev.end] == " "
                and GIVEN_NAME.fullmatch(word)
                and " " in text[e.start : e.end]
                and text.count(word) == 1
                and norm(word) not in self.rules.org_words
                and self.rules.gazetteer.lookup(word) is None
                and not self.rules.demonym(word)
                and not self._after_determiner(text, prev.start)  # "le Strasbourgeois Nathan Guerbeur"
            ):
                e.start = prev.start
                out[-1] = e
                continue
            out.append(e)
        return out

    def _after_determiner(self, text: str, start: int) -> bool:
        """True when the word before `start` is a determiner ("l’", "le", "the")."""
        before = re.search(r"(\w+['’]?)\s*$", text[max(0, start - 12) : start])
        return before is not None and norm(before.group(1).rstrip("'’")) in {
            norm(d.rstrip("'’")) for d in self.rules.determiners
        }

    def _segments(self, doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
        """Token ranges of a model span, split at spaced dashes when "split" is on."""
        if "split" not in self.fixes:
            return [(a, b)]
        cuts = [
            k
            for k in range(a + 1, b - 1)
            if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_ and doc[k].whitespace_
        ]
        bounds = [a, *cuts, b]
        out = [(bounds[0], bounds[1])] + [(x + 1, y) for x, y in zip(bounds[1:-1], bounds[2:], strict=True)]
        return [half for x, y in out for half in _halves(doc, x, y)]

    def _keep(self, full_text: str, item: _Ent) -> bool:
        """Apply the label fixes to a trimmed model span; False when it is no entity."""
        text = full_text[item.start : item.end]
        if "lowercase" in self.fixes and not any(c.isupper() for c in text):
            return False
        if "stoplist" in self.fixes and (text in self.rules.stopnames or sum(c.isalpha() for c in text) < 2):
            return False
        multiword_org = " " in text and norm(text.split(" ", 1)[0]) in self.rules.org_words
        if "org_word" in self.fixes and item.label in ("LOC", "MISC", "PER") and multiword_org:
            item.label = "ORG"
        acronym = _ACRONYM.fullmatch(text) and self.rules.gazetteer.lookup(text) is None
        if "acronym" in self.fixes and item.label in ("LOC", "PER") and acronym:
            item.label = "ORG"
        if "trim" in self.fixes and item.label == "PER" and " " in text:
            text = _without_headline_words(full_text, item, self.rules.particles)
        if "demonym" in self.fixes and " " in text:
            text = self._cut_nationality(full_text, item)
        if "demonym" in self.fixes:
            code = self.rules.demonym(text)
            if code:
                item.label = "MISC"
                item.attrs["country"] = code
        return True

    def _cut_nationality(self, full_text: str, item: _Ent) -> str:
        """A capitalised nationality noun before a name is the person's country, not part of the name.

        "l'Espagnole Caroline Routier", "La Thaïlandaise Sopita Tanasan" → PER "Caroline Routier",
        "Sopita Tanasan" with their country. Returns the span's (possibly shortened) text.
        """
        text = full_text[item.start : item.end]
        words = text.split(" ")
        skip = 1 if len(words) > 2 and norm(words[0]) in self.rules.determiners else 0
        lead, rest = words[skip], words[skip + 1 :]
        code = self.rules.demonym(lead) if lead[:1].isupper() else None
        if not code or not all(w[:1].isupper() for w in rest) or len(rest) > 4:
            return text
        rest_text = " ".join(rest)
        if self.rules.gazetteer.lookup(rest_text) is not None or self.rules.demonym(rest_text):
            return text
        item.start = item.end - len(rest_text)
        # "La Thaïlandaise Sopita Tanasan": a capitalised nationality noun before a name; but in English the
        # adjective is capitalised too, and "Canadian Auto Workers" stays an organisation
        adjective = self.lang in CAPITALISED_NATIONALITY_ADJECTIVES
        item.label = "ORG" if item.label == "ORG" and adjective else "PER"
        item.attrs.setdefault("country", code)
        return rest_text

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

    # -- rules ----------------------------------------------------------------------------------

    def _merge(self, text: str, ents: list[_Ent], candidates: list[Candidate]) -> list[_Ent]:
        for cand in candidates:
            if cand.trigger is not None:
                # a title is not an entity, even when it holds a capital ("secrétaire d'État")
                a, b = cand.trigger
                ents = [e for e in ents if not (a <= e.start and e.end <= b)]
            overlapping = [e for e in ents if e.start < cand.end and cand.start < e.end]
            if cand.rule == "org_word_lexicon":
                self._relabel_org(text, cand, overlapping)
                continue
            if not overlapping:
                label = cand.label
                if cand.rule == "seat" and "seat_org" not in self.fixes:
                    label = "LOC"
                ents.append(_Ent(start=cand.start, end=cand.end, label=label, source="rule", attrs=dict(cand.attrs)))
                continue
            if cand.rule in ("country", "capital", "seat"):
                self._merge_place(cand, overlapping)
            elif cand.rule in ("known_org", "org_lexicon"):
                if all(cand.start <= e.start and e.end <= cand.end for e in overlapping):
                    for e in overlapping:
                        ents.remove(e)
                    source = (
                        "model"
                        if any(e.label == "ORG" and (e.start, e.end) == (cand.start, cand.end) for e in overlapping)
                        else "rule"
                    )
                    ents.append(_Ent(start=cand.start, end=cand.end, label="ORG", source=source))
            elif cand.rule == "institution":
                continue
            else:
                self._merge_name(ents, cand, overlapping)
        return ents

    def _relabel_org(self, text: str, cand: Candidate, overlapping: list[_Ent]) -> None:
        """A one-word name of the organisation gazetteer the model found with another label becomes ORG.

        Only a MISC or LOC model span of exactly that word changes, and a place of the gazetteer stays
        a place; a person stays a person, as one-word company names are often surnames ("Dell").
        """
        if len(overlapping) != 1 or (overlapping[0].start, overlapping[0].end) != (cand.start, cand.end):
            return
        e = overlapping[0]
        if e.label not in ("MISC", "LOC") or e.attrs.get("country"):
            return
        if e.label == "LOC" and self.rules.gazetteer.lookup(text[cand.start : cand.end]) is not None:
            return
        e.label, e.source = "ORG", "rule"

    def _merge_place(self, cand: Candidate, overlapping: list[_Ent]) -> None:
        for e in overlapping:
            if (e.start, e.end) != (cand.start, cand.end):
                continue
            for key, value in cand.attrs.items():
                e.attrs.setdefault(key, value)
            if cand.rule == "seat" and "seat_org" in self.fixes and e.label != "ORG":
                e.label, e.source = "ORG", "rule"
            elif cand.rule == "country" and "country_loc" in self.fixes and e.label in ("PER", "MISC"):
                e.label, e.source = "LOC", "rule"

    def _merge_name(self, ents: list[_Ent], cand: Candidate, overlapping: list[_Ent]) -> None:
        """A person or organisation found by a trigger: it fixes the label and, if needed, the extent."""
        first = overlapping[0]
        if len(overlapping) == 1 and (first.start, first.end) == (cand.start, cand.end):
            target = first
        elif len(overlapping) == 1 and first.start == cand.start and first.end > cand.end:
            target = first  # the model saw a longer name ("Médecins du monde", "Jean-Yves Le Drian")
        elif len(overlapping) == 1 and cand.start < first.start < cand.end < first.end:
            return  # the model's span starts inside the name and runs on: no safe fix
        elif all(e.start >= cand.start for e in overlapping) or cand.rule in ("title", "honorific", "org_head"):
            # the model found part of the name, or its span runs into the role or head noun: the rule's extent wins
            for e in overlapping:
                ents.remove(e)
            target = _Ent(start=cand.start, end=cand.end, label=cand.label, source="rule")
            ents.append(target)
        else:
            return
        if target.label != cand.label:
            target.label, target.source = cand.label, "rule"
        for key, value in cand.attrs.items():
            if value is not None:
                target.attrs[key] = value

    # -- attributes and within-article resolution -------------------------------------------------

    def _place_attrs(self, text: str, ents: list[_Ent]) -> list[_Ent]:
        gazetteer = self.rules.gazetteer
        for e in ents:
            if e.label not in ("LOC", "ORG") or "country" in e.attrs:
                continue
            place = gazetteer.lookup(text[e.start : e.end])
            if place is None:
                continue
            e.attrs["country"] = place.iso3
            if place.kind == "seat":
                e.attrs["government_of"] = place.iso3
        return ents

    def _resolve(self, text: str, ents: list[_Ent]) -> list[_Ent]:
        """Give each person mention its full name from the article ("Kirby", "M. Poutine" → the full name)."""
        ents.sort(key=lambda e: (e.start, e.end))
        full: list[tuple[int, tuple[str, ...], str]] = []  # (position, folded tokens, name)
        for e in ents:
            if e.label == "PER":
                name = _clean_name(text[e.start : e.end])
                tokens = _name_tokens(name)
                if len(tokens) >= 2:
                    full.append((e.start, tokens, name))
        if "surname" in self.fixes and full:
            full += self._coordinated_given(text, ents, full)
            full.sort(key=lambda f: f[0])
            ents = self._surname_mentions(text, ents, full)
        bare: dict[tuple[str, ...], str] = {}  # the full name each lone surname stood for last
        for e in ents:
            if e.label != "PER":
                continue
            name = _clean_name(text[e.start : e.end])
            tokens = _name_tokens(name)
            e.attrs["name"] = self._full_name(e.start, tokens, name, full) if len(tokens) == 1 else name
            if not regnal_name(name, e.attrs["name"]) and norm(e.attrs.get("role") or "") in self.rules.reigns:
                e.attrs["name"] = name  # "le pape François" is not "François Roux"
            if len(tokens) == 1 and e.attrs["name"] != name:
                # "David Stern … Stern said … his wife, Dianne Brock Stern … Stern told": the same Stern
                e.attrs["name"] = bare.setdefault(tokens, e.attrs["name"])
            if (
                "locative" in self.fixes
                and len(tokens) == 1
                and e.attrs["name"] == name
                and e.source == "model"
                and not e.attrs.get("role")
                and self._after_locative(text, e.start)
            ):
                e.label = "LOC"
                e.source = "rule"
                del e.attrs["name"]
        return ents

    def _after_locative(self, text: str, start: int) -> bool:
        """True when the word before `start` is a locative preposition ("à", "in")."""
        before = text[max(0, start - 12) : start].rstrip()
        word = re.split(r"[\s'’]", before)[-1] if before else ""
        return norm(word) in self.rules.locatives

    def _full_name(self, pos: int, tokens: tuple[str, ...], name: str, full: list) -> str:
        earlier = [f for f in full if f[0] < pos]
        later = [f for f in full if f[0] > pos]
        for group in (reversed(earlier), later):
            for _pos, ftoks, fname in group:
                if tokens[0] == ftoks[-1] or tokens[0] == ftoks[0]:
                    return fname
        if self.same_name is not None:
            for group in (reversed(earlier), later):
                for _pos, _ftoks, fname in group:
                    if self.same_name(name, fname, self.lang):
                        return fname
        return name

    def _coordinated_given(self, text: str, ents: list[_Ent], full: list) -> list[tuple[int, tuple[str, ...], str]]:
        """ "Rebecca and Tom Hale": a lone given name coordinated with a "Given Surname" person shares the
        surname. The first word must not be a surname or given name of someone else in the article (then
        "Biden and Kamala Harris" is two people), nor a title or a place."""
        out = []
        surnames = {f[1][-1] for f in full}
        givens = {f[1][0] for f in full}
        for pos, ftoks, fname in full:
            if len(ftoks) != 2 or len(fname.split()) != 2:
                continue
            m = COORDINATED_GIVEN.search(text, max(0, pos - 40), pos)
            if m is None:
                continue
            word = m.group(1)
            key = _name_tokens(word)[0]
            if (
                key in surnames
                or key in givens
                or word in self.rules.honorifics
                or self.rules.gazetteer.lookup(word) is not None
                or word in self.rules.stopnames
                or any(e.label in ("ORG", "PER") and e.start < m.start(1) < e.end for e in ents)
            ):
                continue
            given = _Ent(start=m.start(1), end=m.end(1), label="PER", source="rule")
            ents[:] = [e for e in ents if not (e.start == given.start and e.end == given.end)] + [given]
            out.append((pos - 1, (key, ftoks[-1]), f"{word} {fname.split()[-1]}"))  # before the named one
        return out

    def _surname_mentions(self, text: str, ents: list[_Ent], full: list) -> list[_Ent]:
        """Single-word spans (and uncovered words) that spell a named person's surname are that person, and
        so are single-word spans the model took for a place or a thing that repeat the given name of a
        person named before them ("Sean Baxter … Sean weighed in"), unless the word names a known place."""
        surnames = {ftoks[-1] for _p, ftoks, _n in full if len(ftoks[-1]) > 2}
        for e in ents:
            if e.label in ("LOC", "ORG", "MISC") and e.source == "model" and "country" not in e.attrs:
                tokens = _name_tokens(text[e.start : e.end])
                given = (
                    GIVEN_NAME.fullmatch(text[e.start : e.end]) is not None
                    and any(p < e.start and ftoks[0] == tokens[0] for p, ftoks, _n in full)
                    and self.rules.gazetteer.lookup(text[e.start : e.end]) is None
                )
                if len(tokens) == 1 and tokens[0] in surnames or given:
                    e.label, e.source = "PER", "rule"
        covered = [(e.start, e.end) for e in ents]
        for surname_written in {n.split()[-1] for _p, _t, n in full if len(n.split()[-1]) > 2}:
            pattern = re.compile(rf"(?<![\w-]){re.escape(surname_written)}(?![\w-])")
            for m in pattern.finditer(text):  # a headline may give the surname before the full name
                if any(a < m.end() and m.start() < b for a, b in covered):
                    continue
                ents.append(_Ent(start=m.start(), end=m.end(), label="PER", source="rule"))
        ents.sort(key=lambda e: (e.start, e.end))
        return ents

    def _to_span(self, text: str, e: _Ent) -> Span:
        written = text[e.start : e.end]
        attrs = {
            "text": written,
            "name": e.attrs.get("name") or " ".join(written.split()),
            "entity_id": None,
            "role": e.attrs.get("role"),
            "country": e.attrs.get("country"),
            "government_of": e.attrs.get("government_of"),
            "source": e.source,
        }
        return Span(start=e.start, end=e.end, label=e.label, attrs=attrs)


class EntityStep:
    """Pipeline step: entity spans for every article with a language that has a model or lexicons.

    `models` maps a language to its spaCy pipeline (or None for rules only), or is a loader
    called once per language; by default `newsdesk.nlp.models.load`. `same_name` decides whether
    a one-word mention is a spelling variant of a full name in the same article ("Choïgou" for
    "Sergei Shoigu"); None turns that off. Duplicates (`is_copy`) are passed through untouched.
    """

    name = "entities"
    needs = ("lang",)
    adds = ("entities",)

    def __init__(
        self,
        *,
        models: Mapping[str, Language | None] | Callable[[str], Language | None] | None = None,
        batch_size: int = 32,
        fixes: frozenset[str] = FIXES,
        same_name: NameMatcher | None = same_surname,
    ) -> None:
        if models is None:
            models = model_loader.load
        self._models = models
        self.batch_size = batch_size
        self.fixes = fixes
        self.same_name = same_name
        self._recognisers: dict[str, Recogniser] = {}

    def recogniser(self, lang: str) -> Recogniser:
        """The recogniser for `lang`, built on first use (this is when a model is loaded)."""
        if lang not in self._recognisers:
            nlp = self._models.get(lang) if isinstance(self._models, Mapping) else self._models(lang)
            self._recognisers[lang] = Recogniser(lang, nlp, fixes=self.fixes, same_name=self.same_name)
        return self._recognisers[lang]

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for batch in batched(articles, self.batch_size):
            yield from self._process(batch, stats)

    def _process(self, batch: list[Article], stats: StepStats) -> Iterator[Article]:
        by_lang: dict[str, list[Article]] = {}
        for article in batch:
            if article.is_copy:
                stats.count("skipped_copy")
            elif not article.lang:
                stats.count("no_lang")
            elif not article.text:
                article.add_spans(GROUP, [])
            else:
                by_lang.setdefault(article.lang, []).append(article)
        for lang, group in by_lang.items():
            rec = self.recogniser(lang)
            if not rec.usable:
                stats.count(f"unsupported_lang.{lang}")
                continue
            if rec.nlp is None:
                stats.count("rules_only", len(group))
            for article, doc in zip(group, rec.docs((a.text for a in group), batch_size=self.batch_size), strict=True):
                spans = rec.spans(doc)
                article.add_spans(GROUP, spans)
                stats.count("articles")
                for span in spans:
                    stats.count(f"spans.{span.label}")
                    stats.count(f"source.{span.attrs['source']}")
        yield from batch


def _halves(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """A span that says the same name twice ("Jane Doe Jane Doe", a headline glued to the first sentence
    that opens with the name) as its two halves; any other span as it is."""
    half = (b - a) // 2
    if half < 2 or (b - a) % 2 or [t.text for t in doc[a : a + half]] != [t.text for t in doc[a + half : b]]:
        return [(a, b)]
    return [(a, a + half), (a + half, b)]


def _without_headline_words(full_text: str, item: _Ent, particles: frozenset[str]) -> str:
    """A person's name without the title-case words of a headline or caption glued to it ("Numbers Cause
    Optimism Söder", "Recovering Anna Kowalski", "Donald Trump Popularity Polls"): words at either end
    that the article also writes in lower case. Two names must stay ("Bill Gates" keeps "Bill" next to a
    parliamentary bill), or one after two or more words cut before it. Returns the span's (possibly
    shortened) text."""
    text = full_text[item.start : item.end]
    words = text.split(" ")

    def common(word: str) -> bool:
        low = word.lower()
        pattern = rf"(?<![\w-]){re.escape(low)}(?![\w-])"
        return word[:1].isupper() and low not in particles and re.search(pattern, full_text) is not None

    cues = load_cues()
    lead = 0
    while lead < len(words) - 1 and (
        common(words[lead]) or words[lead].rstrip(":") in cues.words.get("credit", ()) or cues.agency(words[lead])
    ):
        lead += 1
    tail = len(words)
    while tail > lead + 1 and common(words[tail - 1]):
        tail -= 1
    kept = tail - lead
    if kept == len(words) or kept < 2 and (lead < 2 or tail < len(words)):
        return text  # one word left only after a headline before it ("Space Shuttle Challenger" stays)
    item.start += len(" ".join(words[:lead])) + (1 if lead else 0)
    item.end = item.start + len(" ".join(words[lead:tail]))
    if full_text[item.end - 2 : item.end] in ("'s", "’s"):
        item.end -= 2  # "McConnell’s" before a cut headline word
    return full_text[item.start : item.end]


def regnal_name(name: str, full: str) -> bool:
    """Whether `full` is `name` with a regnal number ("Élisabeth" -> "Élisabeth II"), or `name` itself."""
    return full == name or re.fullmatch(re.escape(name) + r"\s+[IVXL]+(?:er)?", full) is not None


def _invisible(text: str) -> bool:
    """True for format characters (zero-width marks, bidi controls) that are never part of a name."""
    return bool(text) and all(unicodedata.category(c) == "Cf" for c in text)


def _tok_end(doc: Doc, j: int) -> int:
    tok = doc[j - 1]
    return tok.idx + len(tok.text)


def _clean_name(text: str) -> str:
    """A mention as a name: single spaces, no surrounding punctuation."""
    return " ".join(_PUNCT_EDGE.sub("", text).split())


def _name_tokens(name: str) -> tuple[str, ...]:
    """Accent- and case-folded words of a name, for comparing mentions."""
    return tuple(t for t in re.split(r"[\s]+", fold(name)) if t)
