"""`Mention`, a person or organisation named in an article, and what reads a name in the text: proper-noun
runs and the name tails the tagger leaves out ("Perez-Guerra", "al-Zawahiri"), determiners and
descriptions around a name ("US automaker GM"), initials, possessives, known organisation names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import lexicons
from ..text import fold
from .quote_sentences import doc_text
from .speaker_groups import speaker_nouns

if TYPE_CHECKING:
    from .quote_lexicon import QuoteLexicon

PERSON_LABELS = {"PER", "PERSON"}
ORG_LABELS = {"ORG", "ORGANIZATION", "NORP"}
LOC_LABELS = {"LOC", "GPE", "FAC"}
DETERMINER = re.compile(r"^(?:(?:les|le|la|une|un|des|du|the|an|a)\s+|l['’]\s*)", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")


LOWER_LEAD = re.compile(r"(?:[a-zà-ÿ][\w'’-]*\s+)+(?=[A-ZÀ-Ý])")
"""Lower-case words before a capitalised name ("escroc Miguet")."""


def possessive_at(text: str, end: int) -> bool:
    """Whether a name ending at `end` is possessive: "Fiat's", or "Apple Corps'" after a final s."""
    return text[end : end + 2] in ("'s", "’s") or (
        text[end - 1 : end] == "s" and text[end : end + 1] in ("'", "’") and not text[end + 1 : end + 2].isalpha()
    )


# fmt: off
PARTICLES = {"von", "van", "der", "den", "de", "du", "des", "la", "le", "di", "da", "del", "bin", "ibn", "al", "el",
             "ter"}
# fmt: on


@dataclass(slots=True, kw_only=True)
class Mention:
    """A person or organisation named in the article."""

    start: int
    end: int
    text: str
    label: str
    name: str
    role: str | None = None
    entity_id: str | None = None
    gender: str = "x"


ALIAS = re.compile(
    r",?\s+(?:(?:or|also|more|better|popularly|commonly|widely|locally)\s+)*(?:known as|nicknamed|dubbed|"
    r"dit|dite|surnommée?|alias|(?:plus\s+|mieux\s+)?connue? sous le (?:nom|surnom) de)\s+[\"“«]?\s*"
    r"(?P<alias>[A-ZÀ-Ý][\w'’-]+)\s*[\"”»]?(?=[\s,.;:)])"
)
DEMONYM = re.compile(r"(?:aise?|iens?|iennes?|aine?s?|oise?s?|ans?|ese|ish|ique)$")


def not_name(tok: Any) -> bool:
    """A leading word of a PER entity that is not part of the name ("vice-procureur", "Française")."""
    if tok.pos_ == "PROPN" or tok.lower_ in PARTICLES:
        return False
    return tok.text[:1].islower() or bool(DEMONYM.search(tok.text))


NAME_TAIL = re.compile(r"(?:[-'’][A-ZÀ-Ý][\w]+|['’] [A-Z][\w]+)")
ARABIC_TAIL = re.compile(r" (?:al|el|ad|ar|as|ash|ech)-[A-ZÀ-Ý][\w'’-]+| (?:ben|bin|ibn|ould) [A-ZÀ-Ý][\w'’-]+")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]+")
"""Zero-width characters pasted into names (spaces, joiners, byte-order marks)."""
INVISIBLE_TAIL = re.compile(r" ?" + ZERO_WIDTH.pattern + r"[A-ZÀ-Ý][\w'’-]+")
"""A last name behind zero-width characters pasted with it ("Ronald Tran Ba \u200b\u200bHuy"), which the
tokenizer does not take for a capitalised word."""


def name_tail(text: str, end: int) -> int:
    """Extend a name over "-Guerra" in "Jaime Perez-Guerra" and "' Leary" in "Michael O' Leary"."""
    m = NAME_TAIL.match(text, end)
    if m is None:
        return end
    if m.group(0)[1] == " " and not re.search(r"\b[A-Z]$", text[:end]):
        return end
    return m.end()


def person_tail(text: str, end: int) -> int:
    """Extend a person's name over a lower-case Arabic article or filiation the tagger left out ("Ayman"
    of "Ayman al-Zawahiri", "Oussama" of "Oussama ben Laden") or behind zero-width characters."""
    m = ARABIC_TAIL.match(text, end) or INVISIBLE_TAIL.match(text, end)
    return m.end() if m else end


def visible(name: str) -> str:
    """A name without the zero-width characters pasted into it."""
    return ZERO_WIDTH.sub("", name)


def _name_head(t: Any) -> bool:
    """A capitalised word the tagger took for a common noun but the parser made the head of a name
    ("Najat" in "Najat Vallaud-Belkacem")."""
    return t.pos_ == "NOUN" and t.i > 0 and any(c.dep_ in ("flat:name", "flat") and c.i == t.i + 1 for c in t.children)


def propn_runs(doc: Any) -> list[tuple[int, int, str]]:
    """Runs of consecutive proper nouns (start, end, text): candidate names when NER missed them."""
    text = doc_text(doc)
    runs: list[tuple[int, int, str]] = []
    cur: list[Any] = []
    for t in [*doc, None]:
        if t is not None and t.text[:1].isupper() and (t.pos_ == "PROPN" or _name_head(t)):
            cur.append(t)
            continue
        if cur:
            s, e = cur[0].idx, name_tail(text, cur[-1].idx + len(cur[-1]))
            e = person_tail(text, e) if doc.lang_ == "fr" else e  # "Ayman al-Zawahiri" tagged as an organisation
            runs.append((s, e, text[s:e]))
        cur = []
    return runs


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence (or line) holding `pos` starts: after the last ". " or line break before it."""
    return max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1


ROLE_LEAD = re.compile(
    r"(?i:the\s+|le\s+|la\s+|l['’]\s*)?(?:(?:actuel|actuelle|ancien|ancienne|nouveau|nouvelle|nouvel|futur|future|"
    r"current|former|new|then|ex)[\s-]+)+"
)
"""A determiner and time modifiers before a role after a name ("Bruno Roux, l'actuel ministre de …")."""


FUNCTION_WORDS = {"of", "on", "in", "the", "and", "for", "de", "du", "des", "la", "le", "les", "et", "pour", "sur"}
ABBREVIATION = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Cie)\.$")


def strip_determiner(text: str) -> str:
    """A name without leading article and surrounding punctuation ("Apple Inc." keeps its period)."""
    text = text.strip(" ,;:")
    if not ABBREVIATION.search(text):
        text = text.rstrip(" .")
    return DETERMINER.sub("", text).strip()


def _inner_function_word(words: list[str], k: int) -> bool:
    """ "on" in "Project on Government Oversight": a function word between two capitalised words of a name."""
    return (
        0 < k < len(words) - 1
        and words[k] in FUNCTION_WORDS
        and words[k - 1][:1].isupper()
        and words[k + 1][:1].isupper()
    )


def drop_description(name: str, org_nouns: set[str]) -> str:
    """ "US automaker GM" -> "GM", "United States automobile company General Motors" -> "General Motors":
    the capitalised name after a lower-case description that contains an organisation noun; and without
    such a noun after it ("China Daily newspaper" -> "China Daily", "Reuters news agency" -> "Reuters"),
    or after such an acronym ("NGO Clean Water Action" -> "Clean Water Action")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in org_nouns and words[-1][:1].islower():
        if words[-2][:1].isupper():
            words = words[:-1]
        elif len(words) > 2 and words[-3][:1].isupper() and words[-2].isalpha() and words[-2] not in FUNCTION_WORDS:
            words = words[:-2]  # one lower-case modifier before the noun: "news agency", "software company"
        else:
            break
    name = " ".join(words)
    lower = [k for k, w in enumerate(words) if w[:1].islower() and not _inner_function_word(words, k)]
    if len(words) > 1 and words[0].isupper() and words[0].lower() in org_nouns and words[1][:1].isupper():
        lower = [0, *lower]  # "NGO Clean Water Action": an acronym that says what kind of body follows
    if not lower or lower[-1] == len(words) - 1:
        return name
    if not any(words[k].lower().strip(".,") in org_nouns for k in lower):
        return name
    return " ".join(words[lower[-1] + 1 :])


INITIALS = re.compile(r"[A-ZÀ-Ý]\.(?:[A-ZÀ-Ý]\.?)?")
"""One or two initials with a period: "B.", "E.A", "J.R."."""


def initial(word: str, *, first: bool) -> bool:
    """An initial in a name: with its period ("E.A Adeboye", "Alfred B. Smith"), or without one inside the
    name ("Anna B Kowalski"; a lone capital first is the article "A")."""
    return INITIALS.fullmatch(word) is not None or not first and re.fullmatch(r"[A-ZÀ-Ý]", word) is not None


@lru_cache(maxsize=8)
def known_org_names(lang: str) -> frozenset[str]:
    """Folded names of the organisation lists (the article's language and the international one)."""
    return frozenset(fold(row[0]) for name in (lang, "intl") for row in lexicons.rows("orgs", name))


ABSTRACT_NOUN = re.compile(r"[a-z]{4,}(?:ity|ness|ism)")
"""An abstract noun ("Popularity", "Optimism"): a headline word, not a name."""


def headline_word(word: str, text: str, lex: QuoteLexicon, *, nouns: bool = True) -> bool:
    """A capitalised word of an English title-case headline, written once in the article `text`: a speech
    verb's third person ("Criticizes", "Denies", "Says") or, when `nouns` (in a person's name, not in an
    organisation's such as "Consumer Reports" or "Mazda Motor Corporation"), a plural data or document noun
    ("Polls") or an abstract noun ("Popularity"); a surname such as "Brands" recurs."""
    low = word.lower()
    if lex.lang != "en" or not word[:1].isupper() or not low.isalpha() or len(low) < 4 or low in lex.org_nouns:
        return False
    stems = {low[:-1]} if low.endswith("s") else set()
    stems |= {low[:-2]} if low.endswith("es") else set()
    stems |= {low[:-3] + "y"} if low.endswith("ies") else set()
    kinds = lex.verbs.keys() | lex.data_nouns | lex.documents if nouns else lex.verbs.keys()
    if not stems & kinds and not (nouns and ABSTRACT_NOUN.fullmatch(low)):
        return False
    return len(re.findall(rf"\b{re.escape(word)}\b", text)) == 1


def without_headline(name: str, text: str, lex: QuoteLexicon) -> str:
    """A person's name without the headline words glued to it in scraped news: the last stretch of words
    between them that ends in a word the article writes again, else the last stretch ("Criticizes McConnell"
    -> "McConnell", "Donald Trump Popularity Polls Newsroom" -> "Donald Trump" when "Trump" recurs)."""
    parts: list[list[str]] = [[]]
    for word in name.split():
        if headline_word(word, text, lex):
            parts.append([])
        else:
            parts[-1].append(word)
    kept = [p for p in parts if p]
    if len(parts) == 1 or not kept:
        return name
    again = [p for p in kept if len(re.findall(rf"\b{re.escape(p[-1])}\b", text)) > 1]
    return " ".join((again or kept)[-1])


def without_epithet(name: str, text: str) -> str:
    """A person's name without the participle that a title-case headline puts before it ("Recovering Kei
    Nishikori to miss Open" -> "Kei Nishikori"): an "-ing" or "-ed" word the article writes once, before a name
    of two words or more that the article writes more often than the whole."""
    words = name.split()
    if len(words) < 3 or not re.fullmatch(r"[A-Z][a-z]{3,}(?:ing|ed)", words[0]):
        return name
    rest = " ".join(words[1:])
    if len(re.findall(rf"\b{re.escape(words[0])}\b", text)) != 1:
        return name
    if len(re.findall(rf"\b{re.escape(rest)}\b", text)) <= len(re.findall(rf"\b{re.escape(name)}\b", text)):
        return name
    return rest


def after_inner_role(name: str, lex: QuoteLexicon) -> str:
    """A person's name without the words up to a capitalised role noun inside it, as title-case headlines write
    them ("Super Junior Member Kangin Announces" -> "Kangin", "Utah Senator Ann Lee" -> "Ann Lee"): one to
    three capitalised words, none an organisation noun, after a role that is neither the first word nor the last
    ("North York General Hospital" stays)."""
    words = name.split()
    for k in range(len(words) - 2, 0, -1):
        role = lex.role_match(words[k])
        if words[k][:1].isupper() and role is not None and role.group(0).lower() == words[k].lower():
            rest = words[k + 1 :]
            bodies = lex.org_nouns | speaker_nouns(lex.lang).body
            if len(rest) <= 3 and all(w[:1].isupper() and w.lower() not in bodies for w in rest):
                return " ".join(rest)
            return name
    return name


def morph_gender(tok: Any) -> str:
    """ "f" or "m" from a token's grammatical gender, "x" when it has none."""
    gender = tok.morph.get("Gender")
    return "f" if gender == ["Fem"] else "m" if gender == ["Masc"] else "x"
