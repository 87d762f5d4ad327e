"""Group speakers written with a common noun: unnamed people ("analysts", "trois magistrats", "His staff")
get no name, institutions acting as one body ("pompiers", "police russe") keep their noun, and people of
a named organisation ("Republican Party leaders") speak for it.

The nouns are lexicon data (`lexicons/speakers/{lang}.tsv`, see its README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons

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
    if head not in nouns.person or head in nouns.body:
        return name, False
    before, after = words[:head_at], words[head_at + 1 :]
    one_body = len(before) == 1 and before[0].lower() in nouns.body
    nationality = " ".join(before).lower() in nouns.demonyms
    if before and all(w[:1].isupper() for w in before) and lang == "en" and not one_body and not nationality:
        return " ".join(before), False  # "Republican Party leaders", "Apple executives"
    if before and any(w.lower() in nouns.body for w in before):
        return name, False  # "police officers" are the police, "Union officials" the union
    if any(w[:1].isupper() for w in after):
        return name, False  # "scientifiques du projet LIGO": people of a named body
    return None, True
