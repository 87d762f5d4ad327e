"""Named entities of an article: spaCy spans, trigger-word rules, and names resolved within the article.

`EntityStep` is the pipeline step (needs "lang", adds "entities"). For each language it uses the
spaCy model from `models.load` when there is one (batched with `nlp.pipe`), and the lexicon
rules of `rules.Rules` always, so a language without a model (German, Spanish...) still gets
entities. Spans follow the shared contract: group "entities", label PER/ORG/LOC/MISC, attrs
text, name, entity_id, role, country, government_of, source ("model" or "rule").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..article import Article, Span
from ..pipeline import StepStats, batched
from . import models as model_loader
from .entity_full_names import FullNames, NameMatcher, regnal_name, same_surname
from .entity_model_fixes import CAPITALISED_NATIONALITY_ADJECTIVES, ModelFixes, _without_headline_words
from .entity_record import _Ent, _tok_end
from .entity_rule_merge import RuleMerging
from .entity_trimming import SpanTrimming
from .rules import RULE_FAMILIES, Rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "CAPITALISED_NATIONALITY_ADJECTIVES",
    "FIXES",
    "GROUP",
    "MODEL_LABELS",
    "POST_RULES",
    "EntityStep",
    "NameMatcher",
    "Recogniser",
    "_Ent",
    "_without_headline_words",
    "regnal_name",
    "same_surname",
]

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

class Recogniser(ModelFixes, SpanTrimming, RuleMerging, FullNames):
    """Entity recognition for one language, with or without a spaCy model.

    The methods come by job from `entity_model_fixes` (label and extent fixes of model spans),
    `entity_trimming` (span edges), `entity_rule_merge` (rule candidates merged with model spans) and
    `entity_full_names` (people's mentions to the full names of the article); `entity_record` holds
    the working record of an entity.
    """

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
