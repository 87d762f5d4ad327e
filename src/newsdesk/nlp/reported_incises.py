"""Reported speech by an incise: an inverted speech verb after the clause it reports ("…, a déclaré X",
"…, a-t-on appris auprès de la préfecture") and a speaker and verb between commas ("Par conséquent,
a-t-il poursuivi, …", "Since then, he says, …", "The goal, says Ann Lee, is …")."""

from __future__ import annotations

import re
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_sentences import QUOTE_CHARS, sentence_end, sentence_start
from .quote_subjects import date_phrase, inverted_subject, phrase_span, subject_of
from .quote_verbs import finite_verb
from .reported import Reported, incise_report, trim
from .reported_clause import to_infinitive
from .speaker_groups import speaker_nouns

CLITICS = ("-t", "-il", "-elle", "-on", "-ils", "-elles")
NAMED_SPEAKERS = ("PER", "PERSON", "ORG")


def _gerund(t: Any) -> bool:
    """ "saying", "having reported", "en ajoutant": a present participle or gerund, never an incise."""
    if t.tag_ == "VBG" or "Ger" in t.morph.get("VerbForm"):
        return True
    if "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense"):
        return True
    return any(
        c.dep_.startswith("aux")
        and (c.tag_ == "VBG" or "Pres" in c.morph.get("Tense") and "Part" in c.morph.get("VerbForm"))
        for c in t.children
    )


def _bare_participle(t: Any) -> bool:
    """ "…, dite série Europa", "…, confirmed by the police": a past participle right after a comma with no
    auxiliary of its own modifies a noun; a French or English incise verb is finite or has its auxiliary."""
    if t.i == 0 or t.doc[t.i - 1].text != "," or any(c.dep_.startswith("aux") for c in t.children):
        return False
    if t.doc.lang_ == "en":
        return t.tag_ == "VBN" and subject_of(t) is None
    # the tagger takes "rétorque", "dit" for participles: only unambiguous participle endings count
    if "Part" not in t.morph.get("VerbForm"):
        return False
    low = t.lower_
    # "prévue", "reconnus", but not "continue", "salue" (present tense of an -uer verb)
    vowel_u = low.endswith(("ue", "ues", "us")) and not low.endswith(("que", "ques", "gue", "gues"))
    return low.endswith(PARTICIPLE_ENDINGS) or vowel_u and not t.lemma_.endswith("uer")


PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "ite", "ites", "its")


def _after_noun(t: Any) -> bool:
    """ "a révélé le Comité": a determiner or name right after the verb (the inverted subject)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and (nxt.pos_ == "PROPN" or nxt.pos_ == "DET" and nxt.head.dep_ in ("obj", "nsubj"))


def _misparsed_incise(t: Any, text: str) -> bool:
    """ "…, a révélé le Comité" parsed as a conjunct, "…, a-t-il enfin confié" as a modifier of "-il": a
    French verb after a comma whose subject follows it (inverted) is an incise all the same."""
    if t.dep_ not in ("conj", "acl") or t.head.i > t.i or t.doc.lang_ != "fr":
        return False
    doc = t.doc
    k = t.i - 1
    clitic = False
    while k >= 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lower_ in CLITICS):
        clitic = clitic or doc[k].lower_ in CLITICS
        k -= 1
    if k < 0 or doc[k].text != ",":
        return False
    return clitic or inverted_subject(t, sentence_end(text, t.idx)) is not None


def _clause_before_comma(t: Any, text: str) -> bool:
    """ "La victime est le conducteur du train, a annoncé la police": a comma right before the verb (its
    auxiliary aside) closes a main clause with a finite verb of its own (not a relative or subordinate
    clause), which the parser hung on the speech verb as its subject."""
    doc = t.doc
    k = t.i - 1
    while k >= 0 and doc[k].pos_ in ("AUX", "ADV"):
        k -= 1
    if k < 1 or doc[k].text != ",":
        return False
    lo = sentence_start(text, doc[k].idx)
    for x in doc[:k]:
        if x.idx < lo or not finite_verb(x):
            continue
        clause = x.head if x.dep_.startswith(("aux", "cop")) else x
        if not any(c.lower_ in ("qui", "que", "qu'", "qu’", "dont", "où") or c.dep_ == "mark" for c in clause.children):
            return True
    return False


def _inverted_conjunct(t: Any, lex: QuoteLexicon, text: str) -> bool:
    """ "Le nombre ne pourra dépasser 500, a annoncé l'administration": a French incise parsed as a conjunct
    of the clause, which lends it that clause's subject; the speaker is the noun after the verb, when it is a
    name or a noun that can speak (a body, a role, a group of people)."""
    if t.dep_ == "ROOT":
        if t.doc.lang_ != "fr" or not _clause_before_comma(t, text):
            return False
    elif t.dep_ != "conj" or not _misparsed_incise(t, text):
        return False
    subj = inverted_subject(t, sentence_end(text, t.idx))
    if subj is None or subj.i < t.i:
        return False
    nouns = speaker_nouns(lex.lang)
    word = subj.lower_
    return (
        subj.pos_ == "PROPN"
        or subj.ent_type_ in NAMED_SPEAKERS  # "a annoncé les Nations unies": a name the tagger took for a noun
        or word in nouns.body
        or word in nouns.person
        or word in lex.org_nouns
        or word in lex.source_nouns
        or lex.role_match(word) is not None
    )


def _faire_incise(t: Any, text: str) -> bool:
    """ "…, fait remarquer X", "…, fait valoir X": a French infinitive after "faire" right after a comma,
    parsed as the complement of the clause before, with its speaker after it."""
    doc = t.doc
    if doc.lang_ != "fr" or t.dep_ != "xcomp" or t.head.i > t.i or t.i < 2:
        return False
    if doc[t.i - 1].lemma_.lower() != "faire" or doc[t.i - 2].text != ",":
        return False
    subj = inverted_subject(t, sentence_end(text, t.idx))
    return subj is not None and subj.i > t.i and (subj.pos_ == "PROPN" or subj.ent_type_ in NAMED_SPEAKERS)


def incise(t: Any, lex: QuoteLexicon, text: str, *, need_source: bool = False) -> Reported | None:
    """ "Les négociations avancent, a déclaré X." / "…, a-t-on appris auprès de la préfecture"."""
    if not (
        t.dep_ in ("parataxis", "advcl") and t.head.i < t.i
        or t.dep_ == "ROOT"
        or _misparsed_incise(t, text)
        or _faire_incise(t, text)
    ):
        return None
    if _gerund(t):
        return None  # "Chrysler has asked for aid, saying that …": the participle reports what follows it
    if _bare_participle(t):
        return None  # "La nouvelle série, dite série Europa, …": a participle naming, not an incise
    if t.doc.lang_ == "en" and re.match(r"[^\S\n]*(?:\w+[^\S\n]+){0,3}?:(?!\s*[«“\"‘])", text[t.idx + len(t) :]):
        return None  # "A reader signing himself as X, wrote: …": the verb introduces what follows its colon
    if any(c.dep_ == "ccomp" and c.i > t.i and to_infinitive(c, lex) for c in t.children):
        return None  # "…, I demand them to be arrested": the verb has its own (request) complement
    early = subject_of(t)
    # "… après une grave chute a révélé le Comité": a noun of the reported clause taken for the subject
    misread = t.dep_ == "advcl" and early is not None and t.head.i < early.i and _after_noun(t)
    misread = misread or _inverted_conjunct(t, lex, text)
    if early is not None and early.i < t.i and early.lower_ not in CLITICS and not misread:
        return None  # "Amundi, qui …, a annoncé …": a subject before the verb, not an incise
    doc = t.doc
    k = t.i - 1
    while k >= 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lower_ in CLITICS):
        k -= 1
    if k < 0 or k >= 1 and doc[k].lower_ in ("le", "l'", "l’") and doc[k - 1].lower_ == "comme":
        return None  # "…, comme l'a annoncé le maire": an "as X said" clause (reported_as_said)
    if doc[k].text != ",":
        # "… lors d'une compétition a révélé le Comité": an inversion without the comma
        if t.dep_ != "advcl" or k == t.i - 1 or inverted_subject(t, sentence_end(text, t.idx)) is None:
            return None
        k += 1
    comma = doc[k]
    sent_start = sentence_start(text, comma.idx)
    head = _clause_head(t.head) if t.dep_ == "parataxis" else None
    start = max(sent_start, head.left_edge.idx) if head is not None else sent_start
    start, end = trim(text, start, comma.idx)
    source = _source_phrase(t, lex, text)
    if need_source and source is None:
        return None
    subj = None if misread else subject_of(t)
    after = [x for x in doc[t.i + 1 : t.i + 8] if not date_phrase(x)][:3]
    if subj is None:
        for x in after:
            if x.pos_ in ("PROPN", "NOUN"):
                subj = x
                break
    speaker = None
    if source is not None:
        speaker = source
        src = doc.char_span(source[0], source[1], alignment_mode="expand")
        subj = src.root if src is not None else None
    elif subj is not None:
        speaker = phrase_span(subj, t.idx, t.sent.end_char)
    return incise_report(t, start, end, speaker, subj)


def _clause_head(head: Any) -> Any:
    """The clause an incise hangs on: its head, or the root of the sentence when the parser hung the incise on a
    noun inside the clause ("Vers 11 h arrive une équipe pour vérifier qu'il n'y a pas de « risque », explique
    X": "risque" is no clause)."""
    if head.doc.lang_ != "fr" or head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return head
    while head.head.i != head.i:
        head = head.head
    return head


def fr_parenthetical(t: Any, text: str) -> Reported | None:
    """ "Par conséquent, a-t-il poursuivi, les communes devront …", "La loi, précise-t-elle, sera votée": a
    French verb with its subject clitic between two commas inside a sentence reports that sentence; linking
    words before the incise ("Par conséquent", "Mais") stay out of it."""
    doc = t.doc
    if doc.lang_ != "fr":
        return None
    k = t.i - 1
    while k >= 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lower_ in CLITICS):
        k -= 1
    j = t.i + 1
    while j < len(doc) and (doc[j].lower_ in CLITICS or doc[j].pos_ == "ADV"):
        j += 1
    clitic = any(x.lower_ in CLITICS for x in doc[k + 1 : j])
    if k < 0 or j >= len(doc) or doc[k].text != "," or doc[j].text != "," or not clitic:
        return None
    sent_start, s_end = sentence_start(text, t.idx), sentence_end(text, t.idx)
    lead = [x for x in doc[:k] if x.idx >= sent_start and not x.is_space]
    if not lead or any(c in QUOTE_CHARS for c in text[sent_start:s_end]):
        return None
    linking = lead[0].pos_ in ("ADP", "ADV", "CCONJ", "SCONJ") and not any(
        x.pos_ in ("VERB", "AUX", "PROPN") for x in lead
    )
    start, end = trim(text, doc[j].idx + 1 if linking else sent_start, s_end)
    if end <= start:
        return None
    subj = next((x for x in doc[k + 1 : j] if x.lower_ in CLITICS and x.lower_ != "-t"), None)
    speaker = (subj.idx + 1, subj.idx + len(subj)) if subj is not None else None
    return incise_report(t, start, end, speaker, subj)


def parenthetical(t: Any, text: str) -> Reported | None:
    """ "Since then, he says, the plane has flown …": a speaker and verb between commas report the clause
    that follows them."""
    doc = t.doc
    subj = subject_of(t)
    if subj is not None and subj.i > t.i:
        return _inverted_parenthetical(t, subj, text)
    if subj is None or t.i + 1 >= len(doc) or doc[t.i + 1].text != ",":
        return None
    left = subj.left_edge.i
    if left == 0 or doc[left - 1].text != "," or any(x.pos_ in ("VERB", "AUX") for x in doc[subj.i + 1 : t.i]):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "obj", "dobj") for c in t.children):
        return None
    sent_start = sentence_start(text, t.idx)
    first = next((x for x in doc[: left - 1] if x.idx >= sent_start and not x.is_space), None)
    if first is None:
        return None
    # "Since then, he says, …" reports what follows; "The plant, the company said, will close" the whole clause
    lo = doc[t.i + 1].idx + 1 if first.pos_ in ("ADP", "ADV", "SCONJ") else first.idx
    start, end = trim(text, lo, sentence_end(text, t.idx))
    if end <= start:
        return None
    speaker = phrase_span(subj, doc[left - 1].idx + 1, t.idx)
    return incise_report(t, start, end, speaker, subj)


def _inverted_parenthetical(t: Any, subj: Any, text: str) -> Reported | None:
    """ "The goal, says Ann Lee, is to give people a platform": a verb and its subject after it, between
    commas inside a clause, report the whole clause."""
    doc = t.doc
    right = subj.right_edge.i
    if t.i == 0 or doc[t.i - 1].text != "," or right + 1 >= len(doc) or doc[right + 1].text != ",":
        return None
    if any(x.pos_ in ("VERB", "AUX") for x in doc[t.i + 1 : subj.i]) or any(
        c.dep_ in ("ccomp", "xcomp", "obj", "dobj") for c in t.children
    ):
        return None
    sent_start = sentence_start(text, t.idx)
    first = next((x for x in doc[: t.i - 1] if x.idx >= sent_start and not x.is_space), None)
    if first is None:
        return None
    lead = [x for x in doc[first.i : t.i - 1] if not x.is_space]
    if t.doc.lang_ == "en" and all(x.pos_ in ("ADV", "CCONJ", "SCONJ", "PUNCT") for x in lead):
        first = doc[right + 2] if right + 2 < len(doc) else first  # "Indeed, reports the blog, one official …"
    start, end = trim(text, first.idx, sentence_end(text, t.idx))
    if end <= start or not any(x.pos_ in ("VERB", "AUX") for x in doc[right + 2 :] if x.idx < end):
        return None
    return incise_report(t, start, end, phrase_span(subj, t.idx + len(t), doc[right + 1].idx), subj)


def _source_phrase(t: Any, lex: QuoteLexicon, text: str) -> tuple[int, int] | None:
    """The noun phrase after "auprès de" in "a-t-on appris auprès de la préfecture"."""
    tail = text[t.idx + len(t) : t.sent.end_char]
    for cue in lex.source:
        m = re.match(rf"\s*{re.escape(cue)}\s+", tail)
        if m:
            s = t.idx + len(t) + m.end()
            e = s + len(re.split(r"[,.;\n]", text[s : t.sent.end_char])[0])
            return (s, e) if e > s else None
    return None


BEFORE_SUBJECT = {
    "que", "qu'", "qu’", "qui", "ce", "où", "dont", "comme", "et", "mais", "ou", "ne", "n'", "n’", "se", "s'", "s’",
    "il", "elle", "on", "ils", "elles", "lui", "leur", "le", "la", "les", "l'", "l’", "y", "en",
}
"""Words that, right before a verb, make it part of the clause they open or carry its own subject."""


def fr_inverted_without_comma(t: Any, lex: QuoteLexicon, text: str) -> Reported | None:
    """ "Les vents étaient forts mais la visibilité correcte précise la compagnie.": a French speech verb with
    no comma before it, closing a sentence whose clause has a finite verb of its own, and followed only by its
    inverted subject (a name, a role, a body) up to the full stop reports the clause before it."""
    doc = t.doc
    if doc.lang_ != "fr":
        return None
    k = t.i - 1
    while k >= 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lemma_.lower() == "faire" and doc[k].i == t.i - 1):
        k -= 1
    if k < 1 or doc[k].is_punct or doc[k].lower_ in BEFORE_SUBJECT or doc[k].pos_ in ("ADP", "DET", "PRON"):
        return None
    finite = "Fin" in t.morph.get("VerbForm") or any("Fin" in x.morph.get("VerbForm") for x in doc[k + 1 : t.i])
    s_start, s_end = sentence_start(text, t.idx), sentence_end(text, t.idx)
    tail = [x for x in doc[t.i + 1 :] if x.idx < s_end and not x.is_punct]
    if not finite or not tail or any(x.pos_ in ("VERB", "AUX", "SCONJ", "PRON") for x in tail):
        return None
    if any(x.text in QUOTE_CHARS or x.text in (",", ";", ":") for x in doc[t.i + 1 :] if x.idx < s_end):
        return None
    subj = next((x for x in tail if x.pos_ in ("NOUN", "PROPN")), None)
    if subj is None or not _speaker_word(subj, lex):
        return None
    lead = [x for x in doc[: k + 1] if x.idx >= s_start]
    if not _own_clause(lead) or any(x.text in QUOTE_CHARS for x in lead):
        return None
    start, end = trim(text, s_start, doc[k].idx + len(doc[k]))
    speaker = (tail[0].idx, tail[-1].idx + len(tail[-1]))
    return incise_report(t, start, end, speaker, subj)


def _speaker_word(x: Any, lex: QuoteLexicon) -> bool:
    """A name, or a noun of a body, a person's role or a source ("la compagnie", "la police russe")."""
    nouns = speaker_nouns(lex.lang)
    word = x.lower_
    return (
        x.pos_ == "PROPN"
        or x.ent_type_ in NAMED_SPEAKERS
        or word in nouns.body
        or word in nouns.person
        or x.lemma_.lower() in lex.org_nouns
        or word in lex.source_nouns
        or lex.role_match(word) is not None
    )


def _own_clause(lead: list[Any]) -> bool:
    """The words hold a finite verb of a main clause (not a relative or subordinate one) and its subject."""
    for x in lead:
        if not finite_verb(x):
            continue
        clause = x.head if x.dep_.startswith(("aux", "cop")) else x
        if any(c.lower_ in ("qui", "que", "qu'", "qu’", "dont", "où") or c.dep_ == "mark" for c in clause.children):
            continue
        if any(c.dep_.startswith("nsubj") for c in clause.children):
            return True
    return False
