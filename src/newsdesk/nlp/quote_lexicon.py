"""Per-language data for quotation extraction, read from `lexicons/speech_verbs/` and `lexicons/quote_cues/`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..errors import ModelError


@dataclass(slots=True, kw_only=True)
class QuoteLexicon:
    """Speech verbs and cues for one language."""

    lang: str
    verbs: dict[str, str] = field(default_factory=dict)  # lemma -> "both" | "direct" | "demand" | …
    according: list[str] = field(default_factory=list)
    opinion: list[str] = field(default_factory=list)  # "pour" in "Pour lui, « … »"
    source: list[str] = field(default_factory=list)
    negation: set[str] = field(default_factory=set)
    modals: set[str] = field(default_factory=set)  # "they should demand that …": a speech verb not yet used
    pronouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> (gender, number)
    anaphors: set[str] = field(default_factory=set)  # "ce dernier": the nearest person, not the last speaker
    titles: dict[str, str] = field(default_factory=dict)  # "Mme" -> "f"
    feminine: set[str] = field(default_factory=set)
    masculine: set[str] = field(default_factory=set)  # "husband" in "her husband Tom": he
    roles: list[str] = field(default_factory=list)  # longest first
    title_cues: set[str] = field(default_factory=set)
    not_source: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    org_nouns: set[str] = field(default_factory=set)
    source_nouns: set[str] = field(default_factory=set)
    quantifiers: list[str] = field(default_factory=list)
    writer_verbs: set[str] = field(default_factory=set)  # "On note que …": the writer's remark, nobody reported
    recommend: set[str] = field(default_factory=set)  # "préconise de", "a promis de « … »": a quoted infinitive is said
    utter_verbs: set[str] = field(default_factory=set)  # "a crié « Allah Akbar »": one or two quoted words are said
    count_verbs: set[str] = field(default_factory=set)  # "On dénombrait 2 000 votants, selon …": a tally
    inference_verbs: set[str] = field(default_factory=set)  # "the evidence suggests that": speech only for speakers
    data_nouns: set[str] = field(default_factory=set)  # "the new figures indicate that": data, not a document
    belief: set[str] = field(default_factory=set)  # "X pense que … « … »": the quoted words are X's
    stance: set[str] = field(default_factory=set)  # "souhaite « bonne chance »": a quoted object is the subject's
    cries: set[str] = field(default_factory=set)  # "with cries of "No violence"": what a group shouts
    view_nouns: set[str] = field(default_factory=set)  # "l'avis de X : « … »": what X thinks or answers
    pledge_nouns: set[str] = field(default_factory=set)  # "X's threat to "…"": the owner's words
    fact_nouns: set[str] = field(default_factory=set)  # "lamented the fact that …": the clause completes the noun
    role_re: re.Pattern[str] | None = None

    def is_speech_verb(self, lemma: str, *, indirect: bool = False) -> bool:
        use = self.verbs.get(lemma.lower())
        return use is not None and use != "naming_as" and (use == "both" or not indirect)

    def role_match(self, text: str) -> re.Match[str] | None:
        """The first role noun found as a whole word in `text` (case-insensitive), or None."""
        return self.role_re.search(text) if self.role_re else None


WORD_SETS = {
    "negation": "negation",
    "modal": "modals",
    "feminine": "feminine",
    "masculine": "masculine",
    "title_cue": "title_cues",
    "not_source": "not_source",
    "document": "documents",
    "org_noun": "org_nouns",
    "source_noun": "source_nouns",
    "writer_verb": "writer_verbs",
    "recommend": "recommend",
    "utter": "utter_verbs",
    "belief": "belief",
    "cry": "cries",
    "stance": "stance",
    "view_noun": "view_nouns",
    "pledge_noun": "pledge_nouns",
    "count_verb": "count_verbs",
    "inference_verb": "inference_verbs",
    "data_noun": "data_nouns",
    "fact_noun": "fact_nouns",
}
"""Cue kinds that are plain sets of lower-case words: kind in the lexicon file -> `QuoteLexicon` field."""


@lru_cache(maxsize=16)
def load_lexicon(lang: str) -> QuoteLexicon:
    """The quotation lexicon of `lang`; raises `ModelError` when the language has none."""
    if not lexicons.path("speech_verbs", lang).exists() or not lexicons.path("quote_cues", lang).exists():
        raise ModelError(f"no quotation lexicon for language {lang!r} (add lexicons/speech_verbs/{lang}.tsv)")
    lex = QuoteLexicon(lang=lang)
    for row in lexicons.rows("speech_verbs", lang):
        lex.verbs[row[0].strip().lower()] = row[1].strip() if len(row) > 1 else "both"
    roles: list[str] = []
    for row in lexicons.rows("quote_cues", lang):
        kind, value = row[0].strip(), row[1].strip()
        if kind in WORD_SETS:
            getattr(lex, WORD_SETS[kind]).add(value.lower())
        elif kind == "according":
            lex.according.append(value)
        elif kind == "opinion":
            lex.opinion.append(value.lower())
        elif kind == "source":
            lex.source.append(value)
        elif kind == "pronoun":
            lex.pronouns[value.lower()] = (row[2].strip(), row[3].strip())
        elif kind == "anaphor":
            lex.pronouns[value.lower()] = (row[2].strip(), row[3].strip())
            lex.anaphors.add(value.lower())
        elif kind == "title":
            lex.titles[value] = row[2].strip()
        elif kind == "role":
            roles.append(value)
        elif kind == "quantifier":
            lex.quantifiers.append(value.lower())
    lex.roles = sorted(set(roles), key=len, reverse=True)
    if lex.roles:
        alternatives = "|".join(re.escape(r) for r in lex.roles)
        lex.role_re = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    lex.according.sort(key=len, reverse=True)
    return lex
