"""Speech verbs: whether a token is one ("a déclaré", "pointed out", a verb the tagger took for a noun),
its lemma, whether it is negated; and `Attribution`, where a quote's verb and speaker are written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .quote_lexicon import QuoteLexicon

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")


@dataclass(slots=True, kw_only=True)
class Attribution:
    """Where a quote's speech verb and speaker are written."""

    verb: Any = None  # spaCy token
    verb_text: str | None = None  # an introducer ("selon") when there is no verb token
    verb_span: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: Any = None
    how: str = ""  # "inside", "after", "before", "colon", "opinion", "list", "outside", "continued"



def across_marks(verb: Any, child: Any) -> bool:
    """A quote mark stands between a verb and its dependent: the parse joined the speaker's words to the verb
    that introduces or closes them."""
    lo, hi = sorted((verb.i, child.i))
    return any(t.text in "«»“”„\"" for t in verb.doc[lo:hi])


def is_negated(verb: Any, lex: QuoteLexicon) -> bool:
    """True for "n'a pas dit", "did not say", "never said"; a negation the parse hangs on the verb from inside
    a quote is the speaker's words ("a scandé : « Pas en notre nom »", "« Ce n'est qu'un début », a dit X")."""
    return any(
        (child.lower_ in lex.negation or child.dep_ == "neg" or "Neg" in child.morph.get("Polarity"))
        and not across_marks(verb, child)
        for child in verb.children
    )


def is_modal(verb: Any, lex: QuoteLexicon) -> bool:
    """True for "should demand that", "can demand that", "must explain": a speech act advised, possible or
    guessed, not one reported (lexicon "modal"; none in French, where "devoir" heads the clause)."""
    return any(c.dep_ == "aux" and c.lower_ in lex.modals and not across_marks(verb, c) for c in verb.children)


NOUN_DEPS = ("nsubjpass", "nsubj:pass")
"""Relations of a noun that the tagger did not take for a verb: it names a thing ("the project was selected")."""


def speech_verb(token: Any, lex: QuoteLexicon, *, indirect: bool = False) -> bool:
    # a noun with a subject is a verb the tagger missed ("L'armée turque annonce avoir …")
    as_verb = (
        token.pos_ in ("NOUN", "ADJ", "PROPN")
        and not _prepositional_noun(token)
        and not _noun_with_clause(token)
        and not _determined_noun(token)
        and (
            token.lemma_ in lex.verbs and token.dep_ not in NOUN_DEPS  # "the project was selected": a noun
            and not _subject_noun(token)
            or any(c.dep_ in SUBJECT_DEPS and c.i < token.i for c in token.children)
        )
    )
    if token.pos_ not in ("VERB", "AUX") and not as_verb or _that_said(token) or _note_label(token):
        return False
    lemma = token.lemma_.lower()
    if lex.is_speech_verb(lemma, indirect=indirect) or _phrasal(token, lex, indirect):
        return True
    return lex.lang == "fr" and token.lower_.endswith("-t") is False and _fr_lemma_guess(token.lower_, lex, indirect)


def _subject_noun(token: Any) -> bool:
    """ "Comments by the commissioner that … did not stop them": an English plural noun that is the subject of a
    verb after it is a noun, not a speech verb the tagger missed."""
    return token.lang_ == "en" and token.tag_ == "NNS" and token.dep_ == "nsubj" and token.head.i > token.i


THAT_SAID = ("cela", "ceci")
"""Pronouns that make "dit" the fixed phrase "cela dit" / "cela-dit" (that said), not a speech verb."""


def _that_said(token: Any) -> bool:
    """ "La hausse concerne cela-dit les premiers entrants": "dit" right after "cela"/"ceci" (a hyphen between
    or not), with no auxiliary, is the discourse phrase "cela dit"."""
    if token.lower_ != "dit" or any(c.dep_.startswith("aux") for c in token.children):
        return False
    k = token.i - 1
    if k >= 0 and token.doc[k].text == "-":
        k -= 1
    return k >= 0 and token.doc[k].lower_ in THAT_SAID


NOTE_LABEL_WORDS = frozenset({"editor", "editors", "author", "authors", "publisher", "'s", "’s", "'", "’"})
"""Words that may stand before "note:" in a label opening a sentence ("Editors note: …")."""


def _note_label(token: Any) -> bool:
    """ "Note: …", "Editors note: …": "note" right before a colon, opening its sentence, or after a capitalised
    "Editor(s)" or "Author" (a label, even glued to a headline), labels what follows; nobody says it."""
    doc = token.doc
    if token.lower_ != "note" or token.i + 1 >= len(doc) or doc[token.i + 1].text != ":":
        return False
    k = token.i
    while k > token.sent.start and token.i - k < 3 and doc[k - 1].lower_ in NOTE_LABEL_WORDS:
        k -= 1
    return k == token.sent.start or k < token.i and doc[k].text[:1].isupper()


NOUN_PHRASE_DEPS = ("nsubj", "nsubjpass")
"""Relations of an English noun with a "that" clause that make it a noun phrase, not a verb the tagger missed."""


def _noun_with_clause(token: Any) -> bool:
    """ "There was a request that …", "la demande que …", "amid reports that …": a noun with its article or
    after a preposition and a "that" clause, not a verb the tagger missed."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ not in ("that", "que", "qu'", "qu’"):
        return False
    if token.dep_ in ("pobj", "dobj") and _opens_object(token):
        return True  # "amid reports that …", "follows reports that …": the object of a word before it
    if token.lang_ == "en" and (token.dep_ in NOUN_PHRASE_DEPS or _possessed(token)):
        return True  # "the paper's demand that … is an error"
    return any(c.dep_ == "det" and "Art" in c.morph.get("PronType") for c in token.children)  # not "some claim"


def _determined_noun(token: Any) -> bool:
    """ "Mayor Smith's answer was short", "the answer": an English noun with a possessive or a determiner is a
    noun phrase, not a speech verb the tagger missed."""
    if token.lang_ != "en" or token.pos_ != "NOUN":
        return False
    return _possessed(token) or any(
        c.dep_ == "det" and c.morph.get("PronType") in (["Art"], ["Dem"]) for c in token.children
    )  # not "some claim that …", the tagger's noun for a verb


def _possessed(token: Any) -> bool:
    """A possessive right before the noun ("the paper's demand"); not one before another noun ("this year's
    festival state that …", where the parser took the verb for a noun)."""
    return any(c.dep_ == "poss" and c.right_edge.i == token.i - 1 for c in token.children)


def _opens_object(token: Any) -> bool:
    """The noun follows the word it is the object of, or its own article or adjective ("of reports", "heard
    frustrated comments"), not another noun ("about the parade state that …": a verb the parser misread)."""
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return prev is not None and (prev.i == token.head.i or prev.head.i == token.i and prev.dep_ in ("det", "amod"))


def _prepositional_noun(token: Any) -> bool:
    """A noun object of a preposition inside a subject ("the head of state said") or with its own "of"
    complement ("about the state of the law"): a noun phrase, not a speech verb the tagger missed."""
    if token.dep_ != "pobj":
        return False
    return token.head.head.dep_ in SUBJECT_DEPS or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _phrasal(token: Any, lex: QuoteLexicon, indirect: bool) -> bool:
    """Two-word speech verbs of the lexicon: "font valoir que", "pointed out that"."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    pairs = []
    if prev is not None and prev.lemma_.lower() in ("faire",):
        pairs.append(f"{prev.lemma_.lower()} {token.lemma_.lower()}")
    if nxt is not None and nxt.dep_ in ("prt", "compound:prt"):
        pairs.append(f"{token.lemma_.lower()} {nxt.lower_}")
    if any(c.lower_ == "clear" and c.i > token.i for c in token.children):
        pairs.append(f"{token.lemma_.lower()} clear")  # "made it clear that …"
    if nxt is not None and token.lemma_.lower() == "faire":
        pairs.append(f"faire {nxt.lemma_.lower()}")  # the parse may hang the clause on either verb
    return any(lex.is_speech_verb(p, indirect=indirect) for p in pairs)


def _fr_lemma_guess(form: str, lex: QuoteLexicon, indirect: bool) -> bool:
    """Catch participles and 3rd-person forms the lemmatiser misses ("estime", "reconnaît")."""
    for suffix, repl in (("é", "er"), ("ée", "er"), ("e", "er"), ("it", "ire"), ("ît", "ître"), ("t", "re")):
        if form.endswith(suffix) and lex.is_speech_verb(form[: -len(suffix)] + repl, indirect=indirect):
            return True
    return False


def verb_lemma(token: Any, lex: QuoteLexicon) -> str:
    lemma = token.lemma_.lower()
    if lemma in lex.verbs:
        return lemma
    form = token.lower_
    for suffix, repl in (("é", "er"), ("ée", "er"), ("e", "er"), ("it", "ire"), ("ît", "ître"), ("t", "re")):
        if form.endswith(suffix) and form[: -len(suffix)] + repl in lex.verbs:
            return form[: -len(suffix)] + repl
    return lemma


def finite_verb(tok: Any) -> bool:
    """A verb or auxiliary in a finite form ("a", "déclare", "said"), not an infinitive or participle."""
    return tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")


def finite_clause(tok: Any) -> bool:
    """The head of a finite clause: finite itself, or a participle, adjective or noun with a finite auxiliary or
    copula ("a expliqué", "sont intervenus", "est prêt")."""
    return "Fin" in tok.morph.get("VerbForm") or any(
        c.dep_.startswith(("aux", "cop")) and "Fin" in c.morph.get("VerbForm") for c in tok.children
    )
