"""Speakers named by a head noun "of" somebody: "un responsable de l'administration de Barack Obama",
"GM's vice president", "l'avocat de Trump", "President Obama's administration".

The person or organisation after "de"/"of" (or before "'s") is not the speaker: a role of X is the
person holding it when the article names them (an apposed name, or a person given that role), and
otherwise an unnamed speaker; any other head noun makes a group named after X ("Barack Obama's
administration", "l'entourage de Macron").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .mention_names import Mention
from .speaker_groups import speaker_nouns
from .speaker_pronouns import LAST_SPEAKER_REACH, agrees
from .speaker_roles import same_role

if TYPE_CHECKING:
    from .speakers import Speaker, SpeakerResolver


def owner_of(r: SpeakerResolver, start: int, end: int, head: Any) -> Mention | None:
    """The person or organisation that the speaker phrase's head noun belongs to, if any."""
    if head is None or head.pos_ != "NOUN" or not start <= head.idx < end:
        return None
    runs = [Mention(start=s, end=e, text=t, label="ORG", name=t) for s, e, t in r.runs]  # names NER missed
    for m in [*r.mentions, *runs]:
        if m.label not in ("PER", "ORG") or m.end <= start or m.start >= end or m.start <= head.idx < m.end:
            continue
        if _belongs(r.text, m, head):
            return m
    return None


def _belongs(text: str, m: Mention, head: Any) -> bool:
    """ "responsable de l'administration de X", "spokesman of X", "X's spokesman", "General Motors' chief"."""
    head_end = head.idx + len(head)
    if m.start >= head_end:
        between = text[head_end : m.start].strip().lower()
        return between in ("de", "d'", "d’", "du", "des", "of") or between.endswith(
            (" de", " d'", " d’", " du", " des", " of")
        )
    if m.end <= head.idx:
        after = text[m.end : m.end + 2]
        return after in ("'s", "’s") or text[m.end - 2 : m.end] in ("s'", "s’") or after[:1] in ("'", "’")
    return False


def role_head(r: SpeakerResolver, start: int, end: int, head: Any) -> str | None:
    """The role noun heading the phrase ("vice president", "porte-parole"), or None."""
    if r.lex.role_re is None:
        return None
    m = r.role_in(head.idx, head.idx + len(head))
    return m.group(0) if m is not None else None


def _role_token(r: SpeakerResolver, start: int, end: int) -> Any:
    """The last token of the phrase's first role noun when the noun phrase ends there (the parser may
    take "sales" for the head of "GM's sales and marketing vice president in a conference")."""
    m = r.role_in(start, end)
    if m is None or r.doc is None:
        return None
    span = r.doc.char_span(start + m.start(), start + m.end(), alignment_mode="expand")
    if span is None:
        return None
    tok = span[-1]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.idx >= end or nxt.pos_ in ("ADP", "PUNCT"):
        return tok
    return None


NEW_OR_FORMER = re.compile(r"(?i)(?<![\w-])(?:nouveau|nouvel|nouvelle|futur|future|ancien|ancienne|ex)(?![\w])")
"""A time modifier that makes a description somebody else than the last speaker ("le nouveau chef de l'État")."""


def _last_member(r: SpeakerResolver, written: str, pos: int, owner: Mention) -> Mention | None:
    """ "le candidat de Debout la France" in French: the person quoted last, shortly before, when the description
    names them by membership of a named body; not a listed office ("le chef de l'État" is the president), a new
    or former holder, nor a last speaker the article gives another role."""
    last = r.last_person
    if r.lex.lang != "fr" or owner.label != "ORG" or not owner.text[:1].isupper() or last is None:
        return None
    if NEW_OR_FORMER.search(written) or same_role(written, "fr") or pos - last.start > LAST_SPEAKER_REACH:
        return None
    first = written.strip().lower().split(" ", 1)[0]
    gender = "f" if first == "la" else "m" if first == "le" else "x"
    person = last.person
    return person if agrees(person, gender) and not person.role and person.name != owner.name else None


def _name_closing_role(r: SpeakerResolver, start: int, end: int, owner: Mention) -> str | None:
    """ "le ministre des Postes, …, de la Communication et des Médias Jean Roux": in French, a "First Last"
    run closing a role phrase after its owner, when the entity layer did not tag it as a person."""
    if r.lex.lang != "fr":
        return None
    name = r._role_and_name(start, end)
    run = next((x for x in r.runs if x[2] == name and x[0] >= owner.end and x[1] >= end - 1), None)
    return None if run is None else r._surname_to_full(name, start) or name


def resolve_owned(r: SpeakerResolver, speaker: Speaker, start: int, end: int, head: Any) -> Speaker | None:
    """Resolve a phrase whose head belongs to a named owner; None when the phrase is not of that kind."""
    if head is None or role_head(r, start, end, head) is None:
        head = _role_token(r, start, end) or head
    owner = owner_of(r, start, end, head)
    if owner is None:
        return None
    if any(m.label == "PER" and m is not owner and m.start > head.idx for m in r.mentions if m.end <= end):
        return None  # "Apple's vice-president of marketing, Greg Joswiak": the apposed name speaks
    role = role_head(r, start, end, head)
    if role is None:
        if head.lemma_.lower() in r.lex.documents or head.lower_ in r.lex.documents:
            return None  # "un rapport de l'ONU": the document's author speaks
        if r.indefinite_person(speaker.text or "", head):
            speaker.reason = "unnamed speaker"  # "un proche de Macron"
            return speaker
        if owner.label == "ORG" and head.lower_ in speaker_nouns(r.lex.lang).branch:
            return r.named(speaker, owner.text)  # "le bureau de MSF à Beyrouth": an office speaks for its organisation
        possessive = r.text[owner.end : owner.end + 2] in ("'s", "’s")
        lo = owner.start if possessive and owner.start > start else start
        return r.named(speaker, r.text[lo : max(end, head.idx + len(head))], keep_possessive=True)
    named = r.apposed_person(start, end)
    if named is not None:
        return r.fill(speaker, named)
    run = _name_closing_role(r, start, end, owner)
    if run is not None:
        speaker.name = run
        return speaker
    if not r.indefinite_person(speaker.text or "", head):
        holder = r.role_holder(role, start, r.text[start:end])
        if holder is not None and holder is not owner and holder.name != owner.name:
            return r.fill(speaker, holder)
        first = (speaker.text or "").strip().lower().split(" ", 1)[0]
        if first in ("le", "la") or first.startswith(("l'", "l’")):
            topic = r.topic_person(speaker.text or "", start, "f" if first == "la" else "m" if first == "le" else "x")
            if topic is not None and topic is not owner and topic.name != owner.name:
                return r.fill(speaker, topic)  # "Ann Roy a nié … « … », a confié la candidate d'En marche"
            last = _last_member(r, speaker.text or "", start, owner)
            if last is not None:  # "Pour Ann Roy, « … ». Il … . Le candidat de Debout la France veut"
                return r.fill(speaker, last)
    later = r.named_next(speaker.text or "", end)
    if later is not None:  # "…, the party's co-leader said. "…," Ann Lee said": the person named next
        speaker.name = later
        return speaker
    speaker.reason = f"role without a name in the article: {role}"
    return speaker
