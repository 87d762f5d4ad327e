"""French readings of a speech verb's subject that the parse gets wrong: a relative clause after "selon X,"
("selon la police, qui précise"), a stressed pronoun after the verb ("a dit de lui X"), a participle after a
quotation and its incise ("« … » , déplore-t-il, estimant que"), and a name whose apposition opens on a past
participle ("X , attaché de presse …, annonce")."""

from __future__ import annotations

from typing import Any

from .quote_verbs import SUBJECT_DEPS, finite_verb

INCISE_CLITICS = ("-il", "-elle", "-on", "-ils", "-elles")


def according_antecedent(rel: Any) -> Any:
    """ "… d'un acte terroriste selon la police, qui précise que": in French, a relative pronoun right after
    "selon X," stands for X, however the parser hung the clause; the head of X, else None."""
    doc = rel.doc
    if doc.lang_ != "fr" or rel.i < 3 or doc[rel.i - 1].text != ",":
        return None
    comma = rel.i - 1
    for k in range(comma - 1, max(-1, comma - 9), -1):
        if doc[k].is_punct:
            return None
        if doc[k].lower_ == "selon":
            phrase = range(k + 1, comma)
            heads = [doc[i] for i in phrase if doc[i].head.i not in phrase]
            if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN", "PRON"):  # "selon l'une des juges"
                return heads[0]
            return None
    return None


def incise_clitic(quoted: Any, verb: Any) -> Any:
    """The subject clitic of the incise between a quotation and a participle that follows it ("« … » ,
    déplore-t-il, estimant que"), else None: a subject inside the quotation is not the participle's."""
    if quoted.i >= verb.i:
        return None
    return next((t for t in verb.doc[quoted.i : verb.i] if t.lower_ in INCISE_CLITICS), None)


def in_quoted_clause(tok: Any, verb: Any) -> bool:
    """Whether `tok` is inside a quoted clause that closes before `verb` ("« Les parlementaires sont … » ,
    déplore-t-il"); not a quoted name or title ("« Quotidien » a affirmé")."""
    doc = verb.doc
    close = next((t for t in doc[tok.i : verb.i] if t.text in ("»", "”")), None)
    if close is None:
        return False
    opening = next((t for t in reversed(doc[: tok.i + 1]) if t.text in ("«", "“", "»", "”")), None)
    if opening is None or opening.text in ("»", "”"):
        return False  # "Ordre a publié un communiqué « … », y affirmant": the subject is outside the marks
    inside = doc[opening.i + 1 : close.i]
    return any(finite_verb(t) for t in inside)


def name_with_apposed_participle(verb: Any) -> Any:
    """ "Dimitri Peskov, attaché de presse du gouvernement, annonce que": in French, a name whose apposition
    opens on a past participle the parser took for a clause of its own is the subject of the verb after it."""
    if verb.doc.lang_ != "fr" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "acl") or clause.i > verb.i or "Part" not in clause.morph.get("VerbForm"):
            continue
        subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), None)
        comma = subj is not None and verb.doc[subj.right_edge.i + 1].text == ","
        if comma and subj.pos_ == "PROPN" and verb.doc[clause.right_edge.i + 1].text == ",":
            return subj
    return None


def stressed_complement(t: Any) -> bool:
    """ "a dit de lui la municipalité": a French stressed pronoun after a preposition is a complement."""
    doc = t.doc
    return t.lower_ in ("lui", "elle", "eux", "elles") and t.i > 0 and doc[t.i - 1].lower_ in ("de", "d'", "d’", "à")
