"""Short quoted fragments inside a reporting sentence: whose words they are.

A few words in quote marks that a person or organisation uses as their own, with no speech verb of their
own, are a direct quote of the subject of the clause they sit in: naming ("described the plan as "a
disaster"", "a qualifié la décision d'« inacceptable »"), the object of a speech, wish or belief verb
("souhaite « bonne chance »", "a fait part de sa « vive émotion »", "refuses to "give up""), a predicate of
a person ("est « très inquiet »"), cries and chants ("responded with cries of "No violence""), or any of
these after "Pour X," / "For X,". Names and titles in quote marks, modifiers of a noun ("a "recommended"
rating"), passive reports without an agent and clauses whose subject is a thing stay out.
"""

from __future__ import annotations

import re
from typing import Any

from .quote_marks import Quoted
from .quote_sentences import sentence_start
from .quote_subjects import PERSON_ENTS, PLACE_ENTS, passive, speaker_phrase, subject_of
from .quote_verbs import Attribution, is_negated, verb_lemma
from .quotes_direct import DirectAttributor
from .speaker_groups import speaker_nouns

CLIMB_DEPS = {
    "obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "xcomp", "oprd", "attr", "acomp", "pobj", "prep", "conj",
    "amod", "nmod", "dative", "pcomp",
}  # fmt: skip
"""How the quoted words may hang on the way up to their clause's verb (complements, not subjects)."""
NOUN_DEPS = {"amod", "conj"}
"""How they may hang on a noun on the way: as its adjective ("une attaque « lâche »"), not its complement
("l'enquête sur l'« affaire X »"), unless the noun is a cry ("cries of "No violence"")."""
MODIFIER_DEPS = {"compound", "nn", "nmod", "amod", "appos", "flat", "flat:name", "npadvmod", "nummod"}
COPULAS = {"be", "être", "sembler", "paraître", "seem", "appear"}
PERSONAL = {"il", "elle", "ils", "elles", "he", "she", "they", "we", "i", "nous", "je", "-il", "-elle", "-ils"}
GROUP_PRONOUNS = {"those", "ceux", "celles"}  # with a modifier: "those present", "ceux qui manifestaient"
INCISE_ONLY = {"faire", "continuer", "poursuivre", "enchaîner", "continue", "add", "ajouter", "go", "begin"}
"""Speech verbs only as an incise ("« … », fait-il"): with an object they mean something else."""
SPEECH_PARTICLES = {"part", "état", "savoir", "valoir"}  # "fait part de sa « vive émotion »"


def fragment_attribution(att: DirectAttributor, q: Quoted) -> Attribution | None:
    """The subject of the clause a quoted fragment sits in, as its speaker; None for names, titles and terms."""
    root = att.quote_root(q)
    if root is None or _name_like(att, q) or _modifier(att, q, root):
        return None
    if att.is_title(q) and root.pos_ != "ADJ":  # "un projet « dangereux »" qualifies the project, names nothing
        return None
    holder = opinion_holder(att, q) or _pledge_owner(att, q, root)
    if holder is not None:
        return holder
    verb = _clause_verb(att, q, root)
    if verb is None:
        return None
    subj = _speaking_subject(att, q, verb)
    if subj is None:
        return None
    lo = sentence_start(att.text, subj.idx)
    span = speaker_phrase(subj, lo, min(q.start, max(subj.idx + len(subj), verb.idx)))
    spoken = verb if _speech(att, verb) else None
    if spoken is not None and att.lex.verbs.get(verb_lemma(verb, att.lex)) == "naming_as" and not att.after_as(q):
        return None  # "referred to the "Big Three"": a term, unless named "as" something
    if spoken is not None and root.head.i == verb.i and att.infinitive_object(q):
        return None  # "a encouragé les habitants à « rester … »": a request, not words said
    return Attribution(verb=spoken, speaker=span, speaker_head=subj, how="fragment")


def wished_attribution(att: DirectAttributor, q: Quoted) -> Attribution | None:
    """ "X voudrait interdire « tout aller-retour entre … »", "X a souhaité « que le parquet se saisisse … »": quoted
    words of any length that a verb of wishing or belief governs are its subject's (longer quotes inside a sentence
    are kept only with such a verb)."""
    root = att.quote_root(q)
    if root is None or att.is_title(q):
        return None
    verb = _clause_verb(att, q, root)
    if verb is None or not _stance(att, verb):
        return None
    return fragment_attribution(att, q)


OWNER_PRONOUNS = {"his", "her", "their"}


def _pledge_owner(att: DirectAttributor, q: Quoted, root: Any) -> Attribution | None:
    """ "Salvini's threat to "liberate" the region", "the mayor's promise to "fix every road"": quoted words in the
    infinitive clause of a pledge, threat or call noun (lexicon "pledge_noun") are its owner's, a person or body."""
    verb = root if root.pos_ in ("VERB", "AUX") else root.head
    if verb.dep_ != "acl" or verb.pos_ != "VERB" or not any(c.lower_ == "to" for c in verb.children):
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in att.lex.pledge_nouns or att.in_quote(noun.idx):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or att.in_quote(owner.idx):
        return None
    if owner.pos_ == "PRON" and owner.lower_ not in OWNER_PRONOUNS or owner.pos_ == "NOUN" and att.is_thing(owner):
        return None  # "its threat to …": a thing or an unresolved "its"
    lo = sentence_start(att.text, owner.idx)
    span = speaker_phrase(owner, lo, owner.idx + len(owner))  # without the "’s"
    return Attribution(verb=None, speaker=span, speaker_head=owner, how="fragment")


def thing_predicate(att: DirectAttributor, q: Quoted) -> bool:
    """ "La cause de l'erreur serait « une double prise en compte … »": the quoted words are what a copula says of a
    thing (not of a person), with no speaker of their own; they carry on the quote or report just before."""
    root = att.quote_root(q)
    if root is None:
        return False
    if _predicate(root) and root.pos_ != "VERB":
        subj = subject_of(root)
    elif root.dep_ in ("attr", "acomp") and root.head.lemma_.lower() in COPULAS:
        subj = subject_of(root.head)
    else:
        return False
    return subj is not None and subj.pos_ == "NOUN" and subj.idx < q.start and att.is_thing(subj)


NAMED_AFTER = re.compile(r"\s*[a-zà-ÿ]+\s+(?:d[eu]\s+|de\s+la\s+|d['’]\s*)?[A-ZÀ-Ý][\w'’-]*\s*")
"""A noun and a proper name (« affaire Fillon », « loi Travail », "effect Trump"): a named thing."""


def _name_like(att: DirectAttributor, q: Quoted) -> bool:
    """Every content word capitalised ("Blue Sky", « Wuambushu », "Back to the Mac"), or a noun named after
    somebody (« affaire Fillon »): a name or title."""
    inner = att.text[q.inner[0] : q.inner[1]]
    if NAMED_AFTER.fullmatch(inner):
        return True
    content = [t.text for t in att.tokens_between(*q.inner) if not (t.is_stop or t.is_punct or t.is_space)]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _modifier(att: DirectAttributor, q: Quoted, root: Any) -> bool:
    """The quoted words qualify a noun as a label: before it ("a "recommended" rating", the "Big Three"
    automakers) or right after it without a determiner ("technologies « smart grid »", "the hashtag "…"")."""
    if root.dep_ not in MODIFIER_DEPS:
        return False
    head = root.head
    if head.idx >= q.end:
        return True
    if root.dep_ == "amod" or head.pos_ not in ("NOUN", "PROPN"):
        return False  # "une attaque « écœurante »": an adjective of the speaker's, not a label
    between = att.text[head.idx + len(head) : q.start].strip(" ,")
    return not between


def opinion_holder(att: DirectAttributor, q: Quoted) -> Attribution | None:
    """ "Pour Theresa May, il s'agit d'une attaque « … »": the holder named by the sentence's opening phrase."""
    lo = sentence_start(att.text, q.start)
    toks = att.tokens_between(lo, q.start)
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if comma is None or not toks or toks[0].lower_ not in att.lex.opinion:
        return None
    if any(t.pos_ in ("VERB", "AUX") and att.lex.is_speech_verb(verb_lemma(t, att.lex)) for t in toks[comma:]):
        return None  # "Pour lui, X a déclaré « … »": the verb's own subject speaks
    found = att.opinion(toks[: comma + 1], q)
    if found is not None:
        found.how = "fragment"
        return found
    holder = toks[1:comma]  # "Pour le gouvernement, …", "For the company, …": a role or a body
    head = next((t for t in holder if t.head.i not in {x.i for x in holder}), None)
    if head is None or len(holder) > 6:
        return None
    if not (att.speaking_noun(head) or _named_holder(head, holder) and _judgement_frame(toks[comma + 1 :])):
        return None
    span = (holder[0].idx, holder[-1].idx + len(holder[-1]))
    return Attribution(verb=None, speaker=span, speaker_head=head, how="fragment")


JUDGEMENT_FRAMES = re.compile(r"(?:il\s+s['’]\s*agit|c['’]\s*est|ce\s+(?:sont|serait|seraient|sera|fut|était))\b")
"""What opens a judgement after "Pour X, …": "il s'agit d'« … »", "c'est « … »", "ce serait « … »"."""


def _named_holder(head: Any, holder: list[Any]) -> bool:
    """ "Pour Erdogan", "Pour L'Opinion": a proper name of four words at most, whatever entity type the tagger
    gave it (names of people and newspapers are often tagged as places or miscellany); a place with its article
    ("Pour la France") is a country, not a speaker."""
    if head.ent_type_ in PLACE_ENTS and holder[0].pos_ == "DET" and holder[0].text[:1].islower():
        return False
    return len(holder) <= 4 and (head.pos_ == "PROPN" or head.i > 0 and head.text[:1].isupper())


def _judgement_frame(rest: list[Any]) -> bool:
    """The clause after the holder's comma opens (past adverbs and asides) on a judgement frame ("il s'agit
    de", "c'est"): the quoted words are the holder's verdict, not a fact about the holder."""
    words = [t for t in rest if t.pos_ not in ("ADV", "PUNCT") and t.dep_ not in ("advmod", "obl:mod", "case")]
    text = " ".join(t.lower_ for t in words[:4]).replace(" '", "'").replace(" ’", "’")
    return JUDGEMENT_FRAMES.match(text) is not None


def _clause_verb(att: DirectAttributor, q: Quoted, root: Any) -> Any:
    """The verb (or predicate with a copula) of the clause the quoted words are a complement of."""
    if _predicate(root):
        return root if root.pos_ != "NOUN" else None  # "Karabila est « effaré par … »": the quote is the predicate
    if root.dep_ in ("advmod", "acomp") and root.head.lemma_.lower() in COPULAS:
        return root.head  # "he is "not far away""
    if _wished_clause(att, q, root):
        return root.head  # "a souhaité « que le parquet se saisisse du dossier »": the wish holds the words
    tok = root
    for _ in range(5):
        if _purpose_of_stance(att, q, tok):
            return tok.head  # "s'est excusé « pour avoir dû … »": the quoted reason of an apology
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None
        head = tok.head
        if q.start <= head.idx < q.end:
            return None
        if att.in_quote(head.idx):  # "« A » et « B »": through the first quote
            tok = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            said = _said_gerund(att, head)
            if said is not None:
                return said  # "criticized the envoy for playing "cheap games"": the criticism holds the words
            if tok.dep_ == "xcomp" and head.pos_ == "VERB" and not _speech(att, head) and not _stance(att, head):
                tok = head  # "expected to focus on "…"": the infinitive's governing verb
                continue
            if _said_infinitive(att, head):
                return head.head  # "accuse l'Élysée de tenir un « cabinet noir »": the accusation holds the words
            return None if head.lemma_.lower() in COPULAS or _predicate(head) else head
        if _predicate(head):
            return None  # "hostile aux thèses « … »": a complement of a predicate describes, it says nothing
        if head.pos_ in ("NOUN", "PROPN") and tok.dep_ not in NOUN_DEPS and head.lower_ not in att.lex.cries:
            return None
        if head.pos_ not in ("NOUN", "PROPN", "ADJ", "ADP", "PRON", "NUM"):
            return None
        tok = head
    return None


def _wished_clause(att: DirectAttributor, q: Quoted, root: Any) -> bool:
    """ "a souhaité « que le parquet se saisisse … »", "espère « [...] que cela servira … »": a whole "que" clause
    in quote marks, complement of a verb of wishing or belief (no speech verb, so no report takes it)."""
    if root.dep_ not in ("ccomp", "advcl") or root.head.pos_ != "VERB" or not _stance(att, root.head):
        return False
    inner = att.text[q.inner[0] : q.inner[1]]
    return WISHED_CLAUSE.match(inner) is not None and root.head.idx < q.start


WISHED_CLAUSE = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]\s*)?(?:que|qu['’])", re.IGNORECASE)
"""A quote opening on "que" ("« que le parquet se saisisse … »"), after an elision mark ("« [...] que … »")."""


def _purpose_of_stance(att: DirectAttributor, q: Quoted, tok: Any) -> bool:
    """ "s'est excusé « pour avoir dû replacer ces clients »": an infinitive clause opened by "pour" inside the
    marks, on a verb of wish, belief or feeling."""
    if tok.dep_ != "advcl" or tok.head.pos_ != "VERB" or not _stance(att, tok.head):
        return False
    mark = next((c for c in tok.children if c.dep_ == "mark"), None)
    return mark is not None and mark.lower_ == "pour" and q.start <= mark.idx < q.end


def _said_infinitive(att: DirectAttributor, verb: Any) -> bool:
    """ "accuse X de tenir un « … »", "threatened to take "harsher steps"": an infinitive complement of a speech
    verb, whose object the quoted words are, is part of what the speech verb reports ("voulaient commettre une
    attaque « … »" is no report)."""
    if verb.dep_ != "xcomp" or "Inf" not in verb.morph.get("VerbForm"):
        return False
    head = verb.head
    return head.pos_ == "VERB" and head.i < verb.i and _speech(att, head)


GERUND_PREPS = {"of", "for"}
"""Prepositions of an English speech verb whose gerund reports what was said ("accused X of …", "blamed X for")."""


def _said_gerund(att: DirectAttributor, verb: Any) -> Any:
    """ "criticized the envoy for playing "cheap games"", "accusing police of plotting to "topple" him": the
    speech verb whose "of"/"for" gerund (on the verb or on its object) the quoted words are part of."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in GERUND_PREPS:
        return None
    head = verb.head.head
    if head.pos_ in ("NOUN", "PROPN", "PRON") and head.dep_ in ("dobj", "obj"):
        head = head.head  # "for" hung on the verb's object
    return head if head.pos_ == "VERB" and head.i < verb.i and _speech(att, head) else None


def _predicate(tok: Any) -> bool:
    """An adjective or noun with a copula and a subject of its own ("est « très inquiet »"), or a participle with
    its passive auxiliary ("was "deeply saddened"") when the participle is among the quoted words."""
    subject = any(c.dep_.startswith("nsubj") and c.i < tok.i for c in tok.children)
    if subject and tok.pos_ == "VERB" and any(c.dep_ in ("auxpass", "aux:pass") for c in tok.children):
        return any(c.is_quote and c.i < tok.i for c in tok.children) or tok.doc[tok.i - 1].is_quote
    return any(c.dep_ == "cop" for c in tok.children) and any(c.dep_.startswith("nsubj") for c in tok.children)


def _speech(att: DirectAttributor, verb: Any) -> bool:
    lemma = verb_lemma(verb, att.lex)
    if lemma in INCISE_ONLY:
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return nxt is not None and nxt.lower_ in SPEECH_PARTICLES
    if att.lex.verbs.get(lemma) == "naming_as":
        return True  # "referred to it as "…"": naming, checked against "as" by the caller
    return att.lex.is_speech_verb(lemma) and lemma not in att.lex.writer_verbs


def _stance(att: DirectAttributor, verb: Any) -> bool:
    lemma = verb_lemma(verb, att.lex)
    return lemma in att.lex.stance or lemma in att.lex.belief


def _speaking_subject(att: DirectAttributor, q: Quoted, verb: Any) -> Any:
    """The verb's subject when it may speak: a person, organisation or role before the quote, active verb."""
    copula = _predicate(verb) or verb.lemma_.lower() in COPULAS
    if not (copula or _speech(att, verb) or _stance(att, verb)):
        return None
    if passive(verb) and not copula or is_negated(verb, att.lex):
        return None
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        subj = subject_of(verb.head)  # "X arrived at court, accusing police of …": the main clause's subject
    if subj is None and verb.dep_ in ("acl", "acl:relcl", "relcl") and "Part" in verb.morph.get("VerbForm"):
        subj = verb.head  # "des manifestants scandant « … »": the participle's noun
    if subj is None or subj.idx >= q.start or att.in_quote(subj.idx):
        return None
    if sentence_start(att.text, subj.idx) != sentence_start(att.text, q.start):
        return None
    if subj.lower_ in ("it", "this", "that", "ce", "cela", "ça", "qui", "who"):
        return None
    if subj.ent_type_ in PLACE_ENTS and (copula or not _speech(att, verb) or subj.pos_ != "PROPN"):
        return None  # "North Korea threatened to take a "new way"": a country speaks only through a speech verb
    if subj.pos_ == "PRON" and subj.lower_ in GROUP_PRONOUNS and any(True for _ in subj.children):
        return subj  # "those present responded with cries of "…"": unnamed people
    if subj.pos_ == "PRON":
        return subj if subj.lower_ in PERSONAL and not _impersonal(verb) else None
    if copula and subj.ent_type_ not in PERSON_ENTS and not att.lex.role_match(subj.text):
        return None  # "Del.icio.us is a "social bookmark manager"": a description, not somebody's words
    if subj.pos_ not in ("PROPN", "NOUN"):
        return None
    nouns = speaker_nouns(att.lex.lang)
    if att.is_thing(subj) and subj.lower_ not in nouns.person and subj.lower_ not in nouns.body:
        return None
    return subj


def _impersonal(verb: Any) -> bool:
    """ "il s'agit de", "il faut": the pronoun stands for nobody."""
    return verb.lemma_.lower() in ("agir", "falloir", "sembler", "paraître", "exister", "rester")

