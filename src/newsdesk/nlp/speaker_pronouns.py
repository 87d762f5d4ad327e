"""Pronoun speakers ("il", "she", "ce dernier"): the antecedent among the article's earlier people.

The last speaker stays the antecedent while nobody else takes the stage; a person of compatible gender
who became the subject of a sentence after the last quote (a change of topic) takes over. Anaphors
such as "ce dernier" / "the latter" name the most recently mentioned person instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .mention_names import Mention, morph_gender, sentence_start
from .quote_sentences import doc_text
from .quote_verbs import finite_verb
from .speaker_groups import group_name, speaker_nouns

if TYPE_CHECKING:
    from .speakers import Speaker, SpeakerResolver

LAST_SPEAKER_REACH = 600
"""A pronoun refers back to the last speaker when their quote started at most this many characters before."""
SUBJECT_REACH = 400
"""Earlier people closer than this, subjects of their clause, are preferred antecedents."""


@dataclass(slots=True)
class LastSpeaker:
    """The person who spoke last and where their quote was."""

    start: int
    end: int
    person: Mention


def agrees(m: Mention, gender: str) -> bool:
    """A person whose known gender does not contradict the pronoun's."""
    return gender not in ("m", "f") or m.gender in ("x", gender)


def resolve_pronoun(
    r: SpeakerResolver, speaker: Speaker, low: str, pos: int, exclude: Sequence[tuple[int, int]]
) -> Speaker:
    """Fill `speaker` (written as the pronoun `low` at `pos`) from the resolver's mentions. An English "he"
    or "she" shows the gender of the person it names, which later pronouns then agree with ("Ray Lee …
    he said. A police spokeswoman … She said": not Ray Lee)."""
    speaker = _resolve_pronoun(r, speaker, low, pos, exclude)
    gender = r.lex.pronouns[low][0]
    if r.lex.lang == "en" and gender in ("m", "f") and speaker.name:
        for m in r.mentions:
            if m.label == "PER" and m.name == speaker.name and m.gender == "x":
                m.gender = gender
    return speaker


def _resolve_pronoun(
    r: SpeakerResolver, speaker: Speaker, low: str, pos: int, exclude: Sequence[tuple[int, int]]
) -> Speaker:
    gender, number = r.lex.pronouns[low]
    if gender == "n":  # "it said": an organisation
        return _organisation(r, speaker, low, pos)
    group = r.last_group
    recent = group is not None and pos - group[0] <= LAST_SPEAKER_REACH
    if number == "p" and recent and (r.last_person is None or r.last_person.start < group[0]):
        speaker.name = group[1]  # "Selon les pompiers, … Ils affirment …": the group that spoke last
        return speaker
    if number == "p" and _unnamed_group_last(r, pos):
        speaker.reason = "unnamed speakers: the last group who spoke"
        return speaker
    if number == "p" or gender == "x" and low not in ("i",) and low not in r.lex.anaphors:
        orgs = [
            m for m in r.mentions if m.label == "ORG" and m.end <= pos and not any(s <= m.start < e for s, e in exclude)
        ]
        plural = _plural_subject(r, pos, exclude) if number == "p" and r.lex.lang == "fr" else None
        if plural is not None and (not orgs or plural[0] > orgs[-1].start):
            # "Les scientifiques n'ont pas identifié d'yeux, mais ils estiment …", "revendiquée par les
            # islamistes shebab, liés à l'organisation Al-Qaïda, … ont-ils écrit": the people, not the organisation
            name, unnamed = group_name(r.text[plural[0] : plural[1]], r.lex.lang)
            if unnamed or name is None:
                speaker.reason = "unnamed speakers: the plural subject before the pronoun"
                return speaker
            return r.named(speaker, name)
        lo = sentence_start(r.text, max(0, sentence_start(r.text, pos) - 2))
        if number == "p" and orgs and (r.lex.lang != "fr" or orgs[-1].start >= lo):
            # "Les Nations unies … . Ils affirment": in French only an organisation of the sentence before
            return r.named(speaker, orgs[-1].text)
        if number == "p" or low == "on":
            speaker.reason = f"pronoun '{low}' without a named antecedent"
            return speaker
    compatible = [m for m in r.persons_before(pos, exclude=exclude) if agrees(m, gender)]
    if low in r.lex.anaphors:
        if compatible:
            return r.fill(speaker, compatible[-1])
        speaker.reason = f"no earlier person for '{low}'"
        return speaker
    unnamed = r.last_unnamed
    if (
        unnamed is not None
        and pos - unnamed[0] <= LAST_SPEAKER_REACH
        and low != "i"
        and not any(m.start >= unnamed[1] and is_subject(r.doc, m) for m in compatible)
    ):
        speaker.reason = "unnamed speaker: the last one who spoke"
        return speaker
    last = r.last_person
    if r.lex.lang == "fr" and number == "s" and gender in ("m", "f"):
        described = _described_topic(r, pos, gender, last, exclude)
        if described is not None:  # "Le chauffeur a pris sa retraite. Il déclare que …": nobody named
            return described
        org = _topic_organisation(r, pos, gender, last, exclude)
        if org is not None:  # "Business France a reconnu une irrégularité. Elle précise que …"
            return r.named(speaker, org)
        if (
            recent
            and _body(r, group[1])
            and (last is None or last.start < group[0])
            and not any(m.start >= group[0] and is_subject(r.doc, m) for m in compatible)
        ):  # "…, affirme Business France. « … », ajoute-t-elle": the organisation that spoke last
            speaker.name = group[1]
            return speaker
    if last is not None and pos - last.end <= LAST_SPEAKER_REACH and agrees(last.person, gender):
        newer = [m for m in compatible if m.start >= last.end and m.name != last.person.name and is_subject(r.doc, m)]
        if not newer and last.person.gender == "x" and gender in ("m", "f"):
            # a speaker of unknown gender, the subject of the sentence they spoke in, whose gender the article
            # shows: "Anne Roy avait été écartée, accusée par Paul Durand de …. Elle se présente comme …"
            newer = [
                m
                for m in compatible
                if m.gender == gender and m.start >= sentence_start(r.text, last.start) and m.name != last.person.name
                and is_subject(r.doc, m)
            ]
        return r.fill(speaker, newer[-1] if newer else last.person)
    if compatible:
        near = [m for m in compatible if pos - m.end <= SUBJECT_REACH]
        subjects = [m for m in near if is_subject(r.doc, m)]
        if not subjects and not any(m.start >= sentence_start(r.text, pos) for m in compatible):
            # nobody named in this sentence nor a subject nearby: the pronoun continues the topic, the
            # last person who was a subject ("François Bayrou … renonce. Il a annoncé … à Emmanuel Macron. Il affirme")
            subjects = [m for m in compatible if is_subject(r.doc, m)]
        return r.fill(speaker, (subjects or compatible)[-1])
    if r.lex.lang == "fr":  # "Renault a publié ses résultats. Elle a indiqué que …": French companies are il/elle
        org = _subject_organisation(r, pos, gender)
        if org is not None:  # "Le groupe aéronautique a reçu … Il en a profité pour rappeler que …"
            return r.named(speaker, org)
        return _organisation(r, speaker, low, pos)
    speaker.reason = f"no earlier person for pronoun '{low}'"
    return speaker


def _described_topic(
    r: SpeakerResolver, pos: int, gender: str, last: LastSpeaker | None, exclude: Sequence[tuple[int, int]]
) -> Speaker | None:
    """The speaker a French "il"/"elle" takes up when the subject of its sentence or the one before is a
    definite person noun or role ("Le chauffeur a pris sa retraite. Il déclare", "L'avocate de Paul Roy
    précise …, explique-t-elle"), written after the last quote and with no person opening a clause since:
    that description resolved (its holder, or nobody when the article names nobody)."""
    if r.doc is None:
        return None
    here = sentence_start(r.text, pos)
    lo = sentence_start(r.text, max(0, here - 2))
    person_nouns = speaker_nouns(r.lex.lang).person
    found = None
    for tok in r.tokens_inside(lo, pos):
        if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or any(s <= tok.idx < e for s, e in exclude):
            continue
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("le", "la", "l'", "l’"):
            continue
        role = r.lex.role_match(tok.lower_)
        if tok.lower_ in person_nouns or role is not None and role.group(0) == tok.lower_:
            found = tok
    if found is None or last is not None and last.end > found.idx:
        return None
    shown = "f" if found.lower_ in r.lex.feminine else morph_gender(found)
    if shown not in ("x", gender):
        return None
    later = [m for m in r.persons_before(pos, exclude=exclude) if m.start > found.idx]
    spans = [r.doc.char_span(m.start, m.end, alignment_mode="expand") for m in later]
    if any(span is not None and opens_clause(r.doc, span) for span in spans):
        return None  # somebody else became the topic; "précise que Paul Roy a …" does not make Paul Roy one
    start, end = _noun_phrase(found)
    resolved = r.resolve(start, end, head=found, exclude=exclude)
    owned = re.search(r"\b(?:de|du|d['’])\s*[A-ZÀ-Ý]", r.text[found.idx : end]) is not None
    if resolved.name is None and (found.lower_ in person_nouns or owned):
        return resolved  # "le chauffeur", "l'avocate de Paul Roy": nobody named
    if resolved.name is not None and any(m.label == "PER" and m.name == resolved.name for m in r.mentions):
        return resolved  # "Le ministre de l'Intérieur a …. Il ajoute": the role's holder
    return None  # "le candidat" whom the article does not give that role: the person it is about


def _noun_phrase(noun: Any) -> tuple[int, int]:
    """Character span of a noun with its determiner and complements, up to a comma, a quote mark or a verb:
    "L'avocate de Paul Roy" of "L'avocate de Paul Roy précise que …"."""
    end = noun.idx + len(noun)
    for tok in noun.doc[noun.i + 1 : noun.right_edge.i + 1]:
        if tok.text in (",", "«", "»", "(") or tok.pos_ in ("VERB", "AUX"):
            break
        end = tok.idx + len(tok)
    return noun.left_edge.idx, end


def _unnamed_group_last(r: SpeakerResolver, pos: int) -> bool:
    """The last speaker before `pos`, not long before, is a group the article does not name ("officials")."""
    at = r.last_unnamed_group
    if at is None or pos - at > LAST_SPEAKER_REACH:
        return False
    return all(x is None or x < at for x in (r.last_group and r.last_group[0], r.last_person and r.last_person.start))


def _organisation(r: SpeakerResolver, speaker: Speaker, low: str, pos: int) -> Speaker:
    """The last speaking group, else the nearest organisation named before `pos`."""
    if r.groups:
        speaker.name = r.groups[-1]
        return speaker
    orgs = [m for m in r.mentions if m.label == "ORG" and m.end <= pos]
    if orgs:
        return r.named(speaker, orgs[-1].text)
    speaker.reason = f"no earlier organisation for pronoun '{low}'"
    return speaker


def _plural_subject(r: SpeakerResolver, pos: int, exclude: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The last plural common noun that is a subject or a passive's agent in the pronoun's sentence or the one
    before it, outside quotes: its phrase's span (determiner, noun and the words that qualify it)."""
    if r.doc is None:
        return None
    lo = sentence_start(r.text, max(0, sentence_start(r.text, pos) - 2))
    found = None
    for tok in r.tokens_inside(lo - 1, pos):
        if tok.pos_ != "NOUN" or "Plur" not in tok.morph.get("Number") or any(s <= tok.idx < e for s, e in exclude):
            continue
        if tok.dep_ in ("nsubj", "obl:agent"):
            found = tok
    if found is None:
        return None
    end = found.idx + len(found)
    for nxt in found.doc[found.i + 1 :]:
        if nxt.head is not found or nxt.dep_ not in ("amod", "flat", "flat:name", "compound") or nxt.idx >= pos:
            break
        end = nxt.idx + len(nxt)
    return found.left_edge.idx, end


def _body(r: SpeakerResolver, name: str) -> bool:
    """A named organisation or a body ("cour", "préfecture"), not a person's role the article left
    unnamed ("bourgmestre")."""
    head = name.split()[0].lower() if name.split() else ""
    return name[:1].isupper() or head in speaker_nouns(r.lex.lang).body or head in r.lex.org_nouns


def _topic_organisation(
    r: SpeakerResolver, pos: int, gender: str, last: LastSpeaker | None, exclude: Sequence[tuple[int, int]]
) -> str | None:
    """The organisation subject of the sentence before the pronoun's, when nobody spoke and no person
    became a subject since it was written (a French "il"/"elle" continues it)."""
    here = sentence_start(r.text, pos)
    if here < 2 or any(s <= pos < e for s, e in exclude):
        return None
    before = sentence_start(r.text, here - 2)
    if last is not None and last.end > before or any(s <= before < e for s, e in exclude):
        return None
    persons = [m for m in r.persons_before(pos) if m.start >= before and is_subject(r.doc, m)]
    if persons:
        return None
    orgs = [
        m
        for m in r.mentions
        if m.label == "ORG" and before <= m.start < here and is_subject(r.doc, m)
        and not any(s <= m.start < e for s, e in exclude)  # "« La CGT a déposé un préavis » , a confié X"
    ]
    if orgs:  # "Le groupe Kervalis a reconnu …"
        return orgs[0].text
    return _subject_organisation(r, pos, gender)


def _subject_organisation(r: SpeakerResolver, pos: int, gender: str) -> str | None:
    """The organisation subject of the sentence before the pronoun's (the topic the pronoun continues): an
    organisation's name, or a definite organisation noun ("le groupe", "la compagnie") standing for the
    organisation the article talks about most."""
    if r.doc is None:
        return None
    here = sentence_start(r.text, pos)
    if here < 2:
        return None
    before = sentence_start(r.text, here - 2)
    subj = next((t for t in r.doc if before <= t.idx < here and t.dep_.startswith("nsubj")), None)
    if subj is None or "Pass" in subj.dep_ or subj.dep_.endswith("pass"):
        return None
    org = next((m for m in r.mentions if m.label == "ORG" and m.start <= subj.idx < m.end), None)
    if org is not None:
        return org.text
    det = next((c.lower_ for c in subj.children if c.dep_ == "det"), "")
    if subj.lemma_.lower() not in r.lex.org_nouns or det not in ("le", "la", "l'", "l’"):
        return None
    if gender in ("m", "f") and det in ("le", "la") and (det == "la") != (gender == "f"):
        return None
    return r.salient_org(subj.idx)


def is_subject(doc: Any, m: Mention) -> bool:
    """The mention is (in) the subject of its clause: pronouns prefer earlier subjects."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    tok = span.root
    governed = doc.lang_ == "fr" and any(c.dep_ == "case" for c in tok.children)
    for _ in range(3):
        if tok.dep_.startswith("nsubj"):
            return True
        if governed and tok.dep_ == "appos":
            break  # "Karim Benali, conseiller de Sophie Marchal, a …": the complement of an apposition
        if tok.dep_ not in ("appos", "flat", "flat:name", "compound", "nmod") or tok.head is tok:
            break
        tok = tok.head
    return doc.lang_ == "fr" and opens_clause(doc, span)


def opens_clause(doc: Any, span: Any) -> bool:
    """A French name standing before its sentence's first finite verb, not governed by a preposition, and
    followed by that verb, with at most an apposition between commas: the subject, whatever the parse made
    of a long apposition ("Barry Marsden, professeur à l'université de Manchester, est plus mesuré",
    "Lors de l'émission, le candidat, François Fillon, a fait référence à …")."""
    first = span[0]
    text = doc_text(doc)
    lo = sentence_start(text, first.idx)
    governed = True  # until a comma: "accusée par Nicolas Sarkozy", "la version du président Donald Trump"
    for i in range(first.i - 1, -1, -1):
        tok = doc[i]
        if tok.idx < lo:
            break
        if finite_verb(tok):
            return False  # "Ces propos ont indigné Jean Dupont": an object
        if tok.text == ",":
            governed = False
        elif governed and tok.pos_ in ("ADP", "SCONJ"):
            return False
    after = span[-1].i + 1
    for tok in doc[after:]:
        if tok.text in (".", "!", "?", "«", "»", ":", ";") or tok.text in ("que", "qu'", "qu’"):
            return False
        if finite_verb(tok):
            gap = text[span[-1].idx + len(span[-1]) : tok.idx].strip()
            return not gap or gap.startswith(",") or tok.i == after + 1 and doc[after].pos_ == "PRON"
    return False

