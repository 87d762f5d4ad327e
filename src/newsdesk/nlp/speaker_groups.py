"""Group speakers written with a common noun: unnamed people ("analysts", "trois magistrats", "His staff")
get no name, institutions acting as one body ("pompiers", "police russe") keep their noun, and people of
a named organisation ("Republican Party leaders") speak for it.

The nouns are lexicon data (`lexicons/speakers/{lang}.tsv`, see its README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from babel.dates import get_day_names

from .. import lexicons
from .places import gazetteer

# Words before the head noun that do not name anybody: determiners, possessives, numbers, quantifiers.
LEADING = re.compile(
    r"^(?:(?:the|a|an|his|her|its|their|our|some|most|many|several|few|two|three|four|five|six|ten|dozens|"
    r"le|la|les|un|une|des|du|ce|cet|cette|ces|ses|leurs|son|sa|certains|certaines|plusieurs|quelques|deux|trois|quatre|cinq|"
    r"six|dix|nombreux|nombreuses|de|\d+)\s+|[dl]['’]\s*)+",
    re.IGNORECASE,
)
# A number of bodies ("Three committees"): several of them, none speaking as one body.
EN_NUMBER = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s", re.IGNORECASE)
# A complement or relative clause after an English head ("Executives from several auto firms").
EN_COMPLEMENT = re.compile(r"\s+(?:of|from|at|in|with|for|who|that|close|familiar|on)\b.*$", re.IGNORECASE)
# A complement that places people without naming what they belong to: "sources close to Ghosn", "people
# familiar with the matter", "guards at the scene", "executives at companies in the sector".
EN_PLACE = re.compile(
    r"^(?:close|familiar|who|that|(?:at|in|on|with|for)\s+(?:(?:the|a|an|this|that|some|several|many|\d+)\s+)?[a-z])",
)
# Text that cannot be a name: bracket debris ("ru]"), hashtags, a bare number ("44" of "44% said"),
# an object replacement character.
NOT_A_NAME = re.compile(r"[\[\]{}<>|#\ufffc]|^[\W\d_]*$|^(?:que|qu['’]|qui|dont|that|which|who)(?:\s|$)")
POSSESSIVE = re.compile(r"['’]s\s+(\w+)$")
# A headline glued to the first sentence: "… over alleged salary scam The Zamfara State government".
GLUED_HEADLINE = re.compile(
    r"^(?:\S+\s+){3,}(?!(?:at|in|of|on|to|by|for|from|with|and|or|the|a|an)\s)[a-z][\w'’-]*\s+(?:The|A|An)\s+(?=[A-Z])"
)


@dataclass(slots=True)
class SpeakerNouns:
    """Person nouns and body nouns of one language."""

    person: set[str] = field(default_factory=set)
    body: set[str] = field(default_factory=set)
    channel: set[str] = field(default_factory=set)
    branch: set[str] = field(default_factory=set)  # "le bureau de MSF à Beyrouth" speaks for MSF
    same_role: dict[str, str] = field(default_factory=dict)  # "chef du gouvernement" -> "premier ministre"
    demonyms: set[str] = field(default_factory=set)  # "Chinese journalists" are people, not an organisation
    media: set[str] = field(default_factory=set)  # "le journal Libération" is no "association"
    work: set[str] = field(default_factory=set)  # "her song, Born This Way,": a title, not a speaker
    level: set[str] = field(default_factory=set)  # "the District authorities": a level of government, no place
    link_label: set[str] = field(default_factory=set)  # "READ MORE:": a linked article's headline follows
    furniture: set[str] = field(default_factory=set)  # "article continues below": a line of the web page


@lru_cache(maxsize=8)
def speaker_nouns(lang: str) -> SpeakerNouns:
    """The speaker nouns of `lang` (empty when the language has none)."""
    nouns = SpeakerNouns()
    kinds = {
        "person_noun": nouns.person,
        "body_noun": nouns.body,
        "channel": nouns.channel,
        "branch_noun": nouns.branch,
        "media_noun": nouns.media,
        "work_noun": nouns.work,
        "level_word": nouns.level,
        "link_label": nouns.link_label,
        "page_furniture": nouns.furniture,
    }
    for row in lexicons.rows("speakers", lang):
        kind, word = row[0], row[1].lower()
        if kind == "same_role":
            nouns.same_role[word] = row[2].lower()
            continue
        kinds[kind].add(word)
    for _, forms, *_ in lexicons.rows("demonyms", lang):
        nouns.demonyms.update(form.lower() for form in forms.split("|"))
    return nouns


def group_name(name: str, lang: str) -> tuple[str | None, bool]:
    """Check a speaker name written with a common noun: (name to use, unnamed).

    "trois magistrats" -> (None, True); "Republican Party leaders" -> ("Republican Party", False); a
    name that is not a person noun phrase is returned as it is.
    """
    nouns = speaker_nouns(lang)
    rest = LEADING.sub("", name.strip())
    if not rest:
        return name, False
    words = rest.split()
    if lang == "en":
        core = EN_COMPLEMENT.sub("", rest).split()
        head_at = len(core) - 1
        if len(core) > 1 and all(w[:1].isupper() for w in core):
            return name, False  # "United Auto Workers": a capitalised head is part of a proper name
    else:
        head_at = 0
    head = words[head_at].lower().strip(",.")
    if lang == "en" and head[:-1] in nouns.body and head.endswith("s") and EN_NUMBER.match(name.strip()):
        return None, True  # "Three bioethics committees", "two unions"
    if lang == "en" and name.strip() == head and head[:-1] in nouns.body and head not in nouns.body:
        return None, True  # "unions said": several bodies the article does not name
    if lang == "en" and head_at > 0 and " ".join(core[-2:]).lower() in nouns.person:
        return None, True  # "riot police": officers on the scene, not the institution
    if nationals(name, lang):
        return None, True
    if lang == "en" and rest.islower() and _plural_people(head, core, nouns):
        return None, True  # "the separatists", "sheriff's deputies": people the article does not name
    if head not in nouns.person or head in nouns.body:
        return name, False
    before, after = words[:head_at], words[head_at + 1 :]
    if lang == "en" and after and EN_PLACE.match(" ".join(after)):
        after = []  # "guards at the scene", "sources close to Ghosn": nobody named after the head
    one_body = len(before) == 1 and before[0].lower() in nouns.body
    nationality = " ".join(before).lower() in nouns.demonyms
    if before and all(w[:1].isupper() for w in before) and lang == "en" and not one_body and not nationality:
        return " ".join(before), False  # "Republican Party leaders", "Apple executives"
    if before and any(w.lower() in nouns.body for w in before):
        return name, False  # "police officers" are the police, "Union officials" the union
    if any(w[:1].isupper() for w in after) and not _places_only(after, lang):
        return name, False  # "scientifiques du projet LIGO": people of a named body
    return None, True


def _places_only(words: list[str], lang: str) -> bool:
    """The capitalised words of `words` are all place names ("researchers in Canada and the United States"):
    where people are, not a body they belong to."""
    runs = re.findall(r"(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*)*", " ".join(words))
    return bool(runs) and all(gazetteer(lang).lookup(r.strip(",.")) is not None for r in runs)


def nationals(name: str, lang: str) -> bool:
    """ "Palestinians say": an English plural demonym alone names people of a country, not its government."""
    rest = LEADING.sub("", name.strip()).lower()
    return lang == "en" and rest.endswith("s") and " " not in rest and rest in speaker_nouns(lang).demonyms


def _plural_people(head: str, core: list[str], nouns: SpeakerNouns) -> bool:
    """An English plural head noun with no body noun in its phrase ("separatists", "sheriff's deputies";
    not "rescuers", "security forces", "police officers")."""
    if not head.endswith("s") or head.endswith(("ss", "us", "ics")) or len(head) < 4:
        return False
    return not any(w.lower().strip(",.") in nouns.body or w.lower()[:-1] in nouns.body for w in core)


def plausible_name(name: str, lang: str) -> bool:
    """False for a speaker "name" that names nobody: bracket or hashtag debris ("ru]", "#Tag on TT"), a
    number ("44" of "44% said"), a clause opened by a conjunction or relative ("que les joueurs"), a
    possessive phrase about a thing ("Susana's situation"), a lowercase description that is no person,
    body or medium ("the festive environment"), a work ("her new song")."""
    if NOT_A_NAME.search(name):
        return False
    nouns = speaker_nouns(lang)
    speaking = nouns.person | nouns.body | nouns.media
    owned = POSSESSIVE.search(name)
    if owned is not None and owned.group(1).islower() and owned.group(1).lower() not in speaking:
        return False
    rest = LEADING.sub("", name.strip())
    words = rest.lower().split()
    if words and words[-1] in nouns.work and rest.split()[-1].islower():
        return False  # "Her new song"
    if lang == "en" and len(words) > 1 and rest.islower() and not name.startswith("@"):
        return any(w in speaking for w in words)
    return True


def names_a_work(before: str, lang: str) -> bool:
    """True when the text `before` a speaker phrase ends with a work noun and the capitalised start of a
    title ("Her new song, Born" before "This Way"): the phrase is part of the work's title."""
    m = re.search(r"(\w+)[,:]?\s+(?:[A-Z][\w'’-]*\s+){0,3}$", before)
    return m is not None and m.group(1).lower() in speaker_nouns(lang).work


def after_glued_headline(name: str) -> str:
    """The name after a headline glued to it ("five officials over alleged salary scam The Zamfara State
    government" -> "Zamfara State government"): a capitalised article after a lowercase word opens a
    sentence."""
    m = GLUED_HEADLINE.match(name)
    return name[m.end() :] if m else name


def no_name(name: str, before: str, lang: str) -> str | None:
    """Why the speaker `name`, written after the text `before`, names nobody, or None when it may be a name."""
    if not plausible_name(name, lang) or names_a_work(before, lang):
        return "not a name"
    if nationals(name, lang):
        return "unnamed: people the article does not name"
    return None


@lru_cache(maxsize=16)
def time_tail(lang: str) -> re.Pattern[str]:
    """Day words that can follow a speaker's name ("a affirmé l'ONU lundi", "said Ford today")."""
    words = {w.lower() for w in get_day_names("wide", locale=lang).values()}
    words |= {row[1].lower() for row in lexicons.rows("dates", lang) if row[0] == "day"}
    parts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:\s+(?:{parts})(?:\s+(?:matin|soir|midi|morning|evening|night))?)+$", re.IGNORECASE)
