"""Direct quotations: text between quote marks, attributed to a speech verb and its speaker.

Attribution is looked for, in order: an incise inside the quote ("« A, reconnaît X, B »"), an incise
right after it ("« … », a déclaré Kirby", "“…,” Kirby said"), and an introduction before it
("X a déclaré : « … »", "X said, “…”", "X : « … »"). A quote with none of these that follows an
attributed quote closely (a quote-only paragraph or sentence) continues that speaker. Titles and names
in quote marks, short scare quotes and quoted terms without attribution are not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_marks import Quoted

SENT_END = {".", "!", "?", ";", "…"}
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")
CLITICS = ("-il", "-elle", "-on", "-ils", "-elles")
FR_SUBJECT_PRONOUNS = ("il", "elle", "ils", "elles")
QUOTE_CHARS = '«»“”„‚‘’‹›"'
ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:M|Mr|Mrs|Ms|Dr|St|Mme|Inc|Corp|Co|Ltd|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Mt|No|Prof|U\.S|etc"
    r"|Capt|Sgt|Cpl|Maj|Brig|Cmdr|Det|Supt|Insp|Rev|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))$"
)
"""Words ending with a full stop that does not end the sentence ("M. Poutine", "Apple Inc. said", "Aug. 31")."""


@dataclass(slots=True, kw_only=True)
class Attribution:
    """Where a quote's speech verb and speaker are written."""

    verb: Any = None  # spaCy token
    verb_text: str | None = None  # an introducer ("selon") when there is no verb token
    verb_span: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: Any = None
    how: str = ""  # "inside", "after", "before", "colon", "opinion", "list", "outside", "continued"


@dataclass(slots=True, kw_only=True)
class DirectQuote:
    quoted: Quoted
    start: int
    end: int
    attribution: Attribution | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


def doc_text(doc: Any) -> str:
    """The text of `doc`, built once per doc: spaCy's Doc.text joins every token again on each access."""
    if "newsdesk_text" not in doc.user_data:
        doc.user_data["newsdesk_text"] = doc.text
    return doc.user_data["newsdesk_text"]


def lower_after(text: str, pos: int) -> bool:
    """The word after a full stop at `pos` is lower-case: the stop closes an abbreviation ("3 a.m. at"), not
    a sentence."""
    return bool(re.match(r"[ \t]+[a-zà-ÿ]", text[pos : pos + 3]))


def sentence_start(
    text: str, pos: int, *, stops: str = r"[.!?…](?=\s)|\n", window: int = 600, lower: bool = False
) -> int:
    """Offset where the sentence containing `pos` starts (after . ! ? or a line break; with `lower`, not after a
    full stop followed by a lower-case word)."""
    lo = max(0, pos - window)
    best = -1
    for m in re.finditer(stops, text[lo:pos]):
        if m.group(0) == "." and ABBREV.search(text[lo : lo + m.start()]):
            continue  # "M. Poutine", "Mr. Putin", "J. Kirby"
        if m.group(0) == "." and lower and lower_after(text, lo + m.end()):
            continue  # "at 3 a.m. at the hotel"
        best = m.end()
    return lo + best if best != -1 else lo


def sentence_end(text: str, pos: int, *, window: int = 1200) -> int:
    """Offset where the sentence containing `pos` ends (its final punctuation included)."""
    for m in re.finditer(r"[.!?…][\"»”]?(?=\s|$)|\n", text[pos : pos + window]):
        if m.group(0)[0] == "." and ABBREV.search(text[max(0, pos + m.start() - 12) : pos + m.start()]):
            continue
        return pos + m.end()  # 'said: "We will continue." He added' ends after the closing mark
    return min(len(text), pos + window)


def n_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def is_negated(verb: Any, lex: QuoteLexicon) -> bool:
    """True for "n'a pas dit", "did not say", "never said"."""
    for child in verb.children:
        if child.lower_ in lex.negation or child.dep_ == "neg" or "Neg" in child.morph.get("Polarity"):
            lo, hi = sorted((verb.i, child.i))
            if not any(t.text in "«“„\"" for t in verb.doc[lo:hi]):  # "a scandé : « Pas en notre nom »"
                return True
    return False


def speech_verb(token: Any, lex: QuoteLexicon, *, indirect: bool = False) -> bool:
    # a noun with a subject is a verb the tagger missed ("L'armée turque annonce avoir …")
    as_verb = (
        token.pos_ in ("NOUN", "ADJ", "PROPN")
        and not _prepositional_noun(token)
        and (token.lemma_ in lex.verbs or any(c.dep_ in SUBJECT_DEPS and c.i < token.i for c in token.children))
    )
    if token.pos_ not in ("VERB", "AUX") and not as_verb:
        return False
    lemma = token.lemma_.lower()
    if lex.is_speech_verb(lemma, indirect=indirect) or _phrasal(token, lex, indirect):
        return True
    return lex.lang == "fr" and token.lower_.endswith("-t") is False and _fr_lemma_guess(token.lower_, lex, indirect)


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


def subject_of(verb: Any) -> Any:
    """The subject token of a verb, following conjunctions and relative clauses."""
    for tok in verb.doc[max(0, verb.i - 3) : verb.i]:  # "a-t-elle précisé" with the clitic hung on "a"
        if tok.lower_ in CLITICS and tok.head.i in (verb.i, verb.i - 1, verb.i - 2, verb.i - 3):
            return tok
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.lower_ in ("-t", "t", "-t-"):
            for clitic in child.children:  # "a-t-elle ajouté" parsed with "-elle" hanging on "-t"
                if clitic.lower_ in ("-il", "-elle", "-on", "-ils", "-elles"):
                    return clitic
        if child.dep_ in SUBJECT_DEPS and child.lower_ not in ("-t", "t", "-t-"):
            child = _nearest_subject(verb, child)
            if child.lower_ in ("qui", "who", "that", "which") and verb.dep_ in ("acl:relcl", "relcl"):
                other = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > child.i]
                if other:
                    return other[0]  # "which the Republicans insisted …": the relative is the object
                return _antecedent(verb.head)
            return child
    if verb.dep_ == "conj" and verb.head is not verb:
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ not in PLACE_ENTS and prev.i > verb.head.i:
            return prev  # "X welcomed it and in a reply Commissioner Ann Lee said": Lee, hung as an object
        return subject_of(verb.head)
    return None


def _nearest_subject(verb: Any, first: Any) -> Any:
    """ "As well as new routes to the US, Mannion stated that …": of two subjects the parser gave the verb
    before it, the one after the comma (nearest the verb) speaks when the first opens with a preposition or
    adverb (a fronted phrase, not a name with its apposition)."""
    later = [
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS and first.i < c.i < verb.i and any(x.text == "," for x in verb.doc[first.i : c.i])
    ]
    if later and later[-1].lower_ in FR_SUBJECT_PRONOUNS and verb.doc.lang_ == "fr":
        return later[-1]  # "Ému, il déclare": a fronted adjective or apposition taken for a second subject
    doc = verb.doc
    lone = (first.i == 0 or doc[first.i - 1].is_punct) and len(list(first.subtree)) == 1
    if later and doc.lang_ == "fr" and lone and doc[first.i + 1].text == ",":
        return later[-1]  # "Ému, Durand a rendu hommage": a lone fronted word, then the subject
    if first.left_edge.pos_ not in ("ADP", "ADV", "SCONJ", "CCONJ"):
        return first
    return later[-1] if later else first


LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:et|and|ou|or)\s+)?|(?:et|and|ou|or)\s+)")
"""What separates two quotes of one list ("« A » , « B » et « C »")."""
PERSON_ENTS = ("PER", "PERSON")
PLACE_ENTS = ("LOC", "GPE", "FAC")


def _antecedent(tok: Any) -> Any:
    """The person a relative clause is about: "Idriss Déby, président du Tchad et de l'Union africaine, qui a
    dit" hangs "qui" on "Union"; climb the complements and appositions up to the person, if any."""
    cur = tok
    doc = tok.doc
    for _ in range(6):
        if cur.ent_type_ in PERSON_ENTS:
            return cur
        k = cur.left_edge.i  # an apposition right after a name: "Anne Morel, présidente de …"
        apposed = cur.dep_ == "appos" or cur.pos_ == "NOUN"  # "…, le chef de mission" parsed as an object
        if apposed and k >= 2 and doc[k - 1].text == "," and doc[k - 2].ent_type_ in PERSON_ENTS:
            name = doc[k - 2]
            while name.dep_ in ("flat", "flat:name") and name.head.i < name.i:
                name = name.head
            return name
        if cur.dep_ not in ("nmod", "conj", "appos", "flat", "flat:name", "compound", "pobj", "prep"):
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return tok


def passive(t: Any) -> bool:
    """ "Ils sont accusés de …", "was announced": a passive speech verb reports nobody's words; so does a
    French bare past participle without an agent ("cet attentat, qualifié de « lâche »"), however parsed."""
    if any(c.dep_ in ("aux:pass", "auxpass") for c in t.children):
        return True
    return (
        t.doc.lang_ == "fr"
        and not _inverted_clitic(t)
        and (t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") or t.dep_ == "advcl")
        and "Part" in t.morph.get("VerbForm")
        and "Past" in t.morph.get("Tense")
        and not any(c.dep_.startswith(("aux", "obl:agent", "nsubj")) for c in t.children)
    )


def _inverted_clitic(verb: Any) -> bool:
    """ "déplore-t-il": a subject clitic right after the verb makes it finite, however the tagger read it."""
    nxt = verb.doc[verb.i + 1 : verb.i + 3]
    return any(t.lower_ in CLITICS for t in nxt)


def speaker_verb(verb: Any) -> Any:
    """The subject of a speech verb, climbing from "by saying" / "en ajoutant" to the governing clause."""
    quoted = _quoted_object(verb)
    if quoted is not None:
        return quoted
    tok = verb
    text = doc_text(verb.doc)
    here = sentence_start(text, verb.idx)
    for _ in range(4):
        subj = subject_of(tok)
        if subj is not None and tok is not verb and tok.i < verb.i and _subordinate(tok, subj, verb):
            return _main_subject(subj, verb)  # "Alors que les autorités considèrent …, le chef de l'État a déclaré"
        if subj is not None:
            return subj if sentence_start(text, subj.idx) == here else _left_subject(verb, here)
        if (
            tok.dep_ in ("advcl", "pcomp", "acl", "conj", "pobj", "prep", "obl", "obl:mod", "xcomp")
            and tok.head is not tok
            and tok.head.i < verb.i
            and sentence_start(text, tok.head.idx) == sentence_start(text, verb.idx)
        ):
            tok = tok.head
            continue
        break
    if tok is not verb and tok.pos_ == "VERB":
        inv = _inverted_subject(tok, sentence_end(text, tok.idx))
        if inv is not None and inv.i > tok.i and inv.dep_ in SUBJECT_DEPS:
            return inv  # "a déclaré la première ministre Theresa May, en ajoutant que …"
    return None


def _quoted_object(verb: Any) -> Any:
    """ "The paper quotes a senior aide as saying": the object of "quote" speaks, not the outlet."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "obj")), None)


def _subordinate(head: Any, subj: Any, verb: Any) -> bool:
    """The clause the parser hung the speech verb on is a subordinate one ("Alors que …", "Bien que …")
    that ends with a comma before the verb: its subject is not the speaker's."""
    marked = any(c.dep_ == "mark" and c.i < subj.i for c in head.children)
    return marked and any(t.text == "," for t in verb.doc[subj.i + 1 : verb.i])


def _main_subject(subj: Any, verb: Any) -> Any:
    """The noun phrase opening the main clause, after the comma that closes the subordinate one."""
    doc = verb.doc
    comma = max(t.i for t in doc[subj.i + 1 : verb.i] if t.text == ",")
    for t in doc[comma + 1 : verb.i]:
        if t.pos_ in ("DET", "ADJ", "NUM"):
            continue
        if t.pos_ in ("NOUN", "PROPN") or t.pos_ == "PRON" and t.dep_ in SUBJECT_DEPS:
            return t
        break
    return None


ARTICLES = {"a", "an", "the", "un", "une", "le", "la", "l'", "l’", "les", "des"}
FIRST_PERSON = {"je", "j'", "j’", "nous", "vous", "tu", "on", "i", "we", "you"}
RELATIVES = {"qui", "que", "qu'", "qu’", "who", "which", "that", "dont", "lequel", "laquelle"}


def sentence_subject(verb: Any) -> Any:
    """The first subject of the verb's sentence, for a participle or coordinated speech verb the parse
    attached away from its subject ("X, …, a ouvert une cagnotte, déclarant : « … »", "X dénonce … et averti
    que …"). None for a verb in a main clause of its own."""
    if verb.dep_ not in ("conj", "acl", "advcl", "parataxis") and "Part" not in verb.morph.get("VerbForm"):
        return None
    text = doc_text(verb.doc)
    here = sentence_start(text, verb.idx)
    for tok in verb.doc[: verb.i]:
        if tok.idx < here or tok.dep_ not in SUBJECT_DEPS or tok.lower_ in RELATIVES or tok.lower_ in FIRST_PERSON:
            continue
        before = text[here : tok.idx]
        if before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count('"') % 2:
            continue  # inside a quotation
        if tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "PRON" and tok.lower_ not in ("-t", "t", "-t-", "ce", "ça"):
            tok = _nearest_subject(tok.head, tok) if tok.head.i != tok.i else tok
            if tok.head.i < verb.i and _subordinate(tok.head, tok, verb):
                return _main_subject(tok, verb)  # "Alors que X …, Y a déclaré"
            return tok
    return _person_before(verb, here)


def nearer_person(subj: Any, verb: Any, lex: QuoteLexicon) -> Any:
    """ "Ces éléments ont poussé François Bayrou à critiquer …, affirmant que": a present participle whose
    clause subject is a thing (not a person, role, organisation or source) speaks for the person named
    between them."""
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ in PERSON_ENTS:
        return subj
    if "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return subj
    lemma = subj.lemma_.lower()
    if lex.role_match(subj.text) or lemma in lex.org_nouns or lemma in lex.source_nouns:
        return subj
    person = _person_before(verb, subj.idx + len(subj))
    return person if person is not None else subj


def _person_before(verb: Any, here: int) -> Any:
    """The last person named before a verb the parser left without subject, outside any prepositional
    phrase ("Interrogé à Bordeaux, Alain Juppé, éliminé …, a affirmé" parsed with Juppé as a conjunct)."""
    doc = verb.doc
    for tok in reversed(doc[: verb.i]):
        if tok.idx < here:
            break
        if tok.ent_type_ not in PERSON_ENTS or tok.pos_ != "PROPN" or tok.dep_ in ("flat", "flat:name"):
            continue
        before = doc_text(doc)[here : tok.idx]
        if before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count('"') % 2:
            continue
        if any(c.dep_ == "case" for c in tok.children) or tok.i > 0 and doc[tok.i - 1].pos_ == "ADP":
            continue
        return tok
    return None


def speaker_phrase(subj: Any, lo: int, hi: int) -> tuple[int, int]:
    """The speaker's phrase; joins two subjects the parser split ("La ministre de l'Éducation" + "Najat …")."""
    start, end = phrase_span(subj, lo, hi)
    if subj.pos_ == "PRON" or subj.head is subj:
        return start, end
    for sib in subj.head.children:
        if sib is subj or sib.dep_ != subj.dep_ or sib.pos_ == "PRON":
            continue
        s, e = phrase_span(sib, lo, hi)
        if 0 <= s - end <= 1 or 0 <= start - e <= 1:
            start, end = min(start, s), max(end, e)
    return start, end


def _left_subject(verb: Any, here: int) -> Any:
    """The noun right before the verb in its own sentence, when the parser took a subject elsewhere."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and (doc[k].pos_ in ("AUX", "ADV", "PART") or doc[k].lower_ in ("-t", "has", "have", "had", ",")):
        k -= 1
    if k >= 0 and doc[k].idx >= here and doc[k].pos_ in ("PROPN", "NOUN"):
        return doc[k]
    return None


def phrase_span(token: Any, lo: int, hi: int) -> tuple[int, int]:
    """Character span of the noun phrase headed by `token`, kept within [lo, hi) and without clauses."""
    if token.lower_ in CLITICS:  # "ajoute-t-il encore": the parser may hang the adverb on the clitic
        return token.idx, token.idx + len(token)
    cut = {
        t.i for c in token.children if c.dep_ in ("acl:relcl", "relcl", "acl", "parataxis", "ccomp") for t in c.subtree
    }
    toks = [t for t in token.subtree if t.i not in cut and lo <= t.idx and t.idx + len(t) <= hi]
    # keep the contiguous run around the head
    idxs = sorted(t.i for t in toks)
    if token.i not in idxs:
        return token.idx, token.idx + len(token)
    left = right = idxs.index(token.i)
    while left > 0 and idxs[left - 1] == idxs[left] - 1:
        left -= 1
    while right + 1 < len(idxs) and idxs[right + 1] == idxs[right] + 1:
        right += 1
    doc = token.doc
    run = [doc[i] for i in idxs[left : right + 1]]
    while run and (run[0].is_punct or run[0].text in QUOTE_CHARS or run[0].pos_ == "CCONJ"):
        run.pop(0)
    if run and run[0].dep_ == "case" and run[0].head.i == token.i:
        run.pop(0)  # "par Anne Morel, …, qui a rappelé": the agent without its preposition
    while run and (run[-1].is_punct or run[-1].text in QUOTE_CHARS):
        run.pop()
    opened = [k for k, x in enumerate(run) if x.text == "(" and x.i > token.i]
    if opened and not any(x.text == ")" for x in run[opened[-1] :]):
        run = run[: opened[-1]]  # "le Comité international paralympique (IPC)": without the acronym
    commas = [k for k, x in enumerate(run) if x.text == "," and x.i < token.i]
    if commas:
        run = run[commas[-1] + 1 :]
    if not run:
        return token.idx, token.idx + len(token)
    return run[0].idx, run[-1].idx + len(run[-1])


def _capitalised_run(toks: list[Any]) -> Any:
    """The last word of a short run of capitalised words (a name the tagger may read as an adverb), else None."""
    if not 1 <= len(toks) <= 4 or any(not re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*", t.text) for t in toks):
        return None
    return None if toks[-1].pos_ in ("PRON", "DET") else toks[-1]


def _without_relative_clauses(toks: list[Any]) -> list[Any]:
    """The tokens without the relative clauses set off by commas ("Ann Lee, who turned 30 on Sunday, wrote"):
    what such a clause says about the speaker does not end the search for the speech verb."""
    inserted: set[int] = set()
    for t in toks:
        if t.dep_ not in ("relcl", "acl:relcl") or t.head.i >= t.i:
            continue
        sub = list(t.subtree)
        first, last, doc = sub[0].i, sub[-1].i, t.doc
        opened = first == t.head.i + 2 and doc[first - 1].text == "," and doc[first].lower_ in ("who", "whose")
        if opened and last + 1 < len(doc) and doc[last + 1].text == ",":
            inserted.update(range(first - 1, last + 2))
    return [t for t in toks if t.i not in inserted]


def _inverted_subject(verb: Any, hi: int) -> Any:
    """The subject written after the verb ("a déclaré Kirby", "said Kirby", "a-t-il dit")."""
    subj = subject_of(verb)
    if subj is not None and subj.i > verb.i and subj.idx < hi:
        return subj
    doc = verb.doc
    skip_to = -1
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 10)]:
        if t.idx >= hi:
            break
        if t.i <= skip_to:
            continue
        if t.pos_ == "SCONJ":
            break  # "confiant qu'il était …": the subject of the clause it introduces, not the verb's
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.lower_ not in ("-t", "t"):
            while (
                t.head is not t
                and t.head.i > verb.i
                and t.head.idx < hi
                and t.head.pos_ in ("NOUN", "PROPN")
                and t.dep_ in ("compound", "flat", "flat:name", "nmod", "amod", "nn")
            ):
                t = t.head
            if any(c.dep_ == "case" for c in t.children) and t.pos_ != "PRON":
                # "a confié à l'AFP la ministre": a complement, not the speaker; the speaker may follow it
                skip_to = max(t.i, skip_to)
                continue
            # "a salué pour sa part le Premier ministre": a subject right after a skipped complement may be further
            after_skipped = (
                skip_to > verb.i
                and t.left_edge.i == skip_to + 1
                and (t.left_edge.pos_ == "DET" or t.pos_ == "PROPN")
                and t.i - skip_to <= 5
            )
            if t.i - verb.i > 5 and not after_skipped:
                return subj
            return t
        skippable = t.pos_ in ("ADV", "DET", "ADJ", "NUM") or (t.is_punct and t.text == "-")
        if not skippable and (t.pos_ in ("VERB", "AUX") or t.is_punct):
            break
    return subj


def _subordinate_verb(verb: Any) -> bool:
    """A gerund or present participle ("en évoquant", "saying") or a verb opened by a subordinating word ("sans
    en préciser"): it reports what follows it, it never closes the quote before it as an incise."""
    if any(c.dep_ == "mark" and c.lower_ not in ("as", "comme") for c in verb.children):
        return True  # "as said by X" still attributes
    if verb.tag_ == "VBG" or "Ger" in verb.morph.get("VerbForm"):
        return True
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")


def _by(tok: Any) -> bool:
    """The token heads a phrase opened by "par" (an agent)."""
    return any(c.dep_ == "case" and c.lower_ == "par" for c in tok.children)


def _gerund_of(x: Any, verb: Any) -> bool:
    """ "a dit en parlant des journalistes « … »": a participle phrase modifying the speech verb itself."""
    return x.dep_ == "advcl" and x.head.i == verb.i and "Part" in x.morph.get("VerbForm") and x.tag_ != "VBN"


class DirectAttributor:
    """Finds the verb and speaker of each quoted span of one parsed article."""

    def __init__(self, doc: Any, lex: QuoteLexicon, quoted: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex
        self.quoted = quoted or []

    def tokens_between(self, lo: int, hi: int) -> list[Any]:
        span = self.doc.char_span(lo, hi, alignment_mode="contract")
        return list(span) if span is not None else []

    def clause_end(self, pos: int) -> int:
        """End of the sentence or clause starting at `pos` (stops at . ! ? ; line break or a new quote)."""
        for m in re.finditer(r"[.!?;…](?=\s|$)|\n|[«“„]|\"\s*[A-ZÀ-Ý]", self.text[pos : pos + 400]):
            if m.group(0) == "." and ABBREV.search(self.text[max(0, pos + m.start() - 12) : pos + m.start()]):
                continue  # "said Apple Inc. CEO Steve Jobs"
            return pos + m.start()
        return pos + min(400, len(self.text) - pos)

    def clause_start(self, pos: int) -> int:
        return sentence_start(self.text, pos, stops=r"[.!?;…](?=\s)|\n|[»”]")

    def attribute(self, q: Quoted) -> Attribution | None:
        found = self._handle(q) or self._inside(q) or self._listed(q) or self._after(q)
        if found is None and self.lex.lang == "fr":
            found = self._agent(q)  # before the clause's subject: "un texte qualifié de « … » par X"
        if found is None and self.lex.lang == "en":
            found = self._agent_as(q)  # "was praised by Jobs as "…""
        found = found or self._before(q)
        if self.lex.lang == "fr" and (found is None or found.how == "before" and found.speaker is None):
            return self._conjoined(q) or self._belief(q) or found
        return found

    def quote_root(self, q: Quoted) -> Any:
        """The token of the quoted words that hangs on a word outside them (their syntactic head)."""
        inner = [t for t in self.tokens_between(q.inner[0], q.inner[1]) if not t.is_punct]
        inside = {t.i for t in inner}
        return next((t for t in inner if t.head.i not in inside or t.head.i == t.i), None)

    def object_of(self, q: Quoted, a: Attribution) -> bool:
        """ "Le syndicat dénonce les « … »", "a confié sa « stupeur » et son « émotion »": the quoted noun phrase
        is the direct object of the speech verb, opened by its determiner."""
        noun = self.quote_root(q)
        if a.verb is None or noun is None or a.speaker is None or self.lex.lang != "fr":
            return False
        obj = noun.head if noun.dep_ == "conj" and self.in_quote(noun.head.idx) else noun
        if obj.dep_ != "obj" or obj.head.i != a.verb.i or verb_lemma(a.verb, self.lex) in self.lex.writer_verbs:
            return False  # "constate le « vide »": an observation, not words said
        before = self.tokens_between(max(0, q.start - 12), q.start)
        partitive = ("de", "d'", "d’", "des")  # "évoque de « très nombreuses victimes »"
        det = bool(before) and (before[-1].head.i == noun.i or before[-1].head.head.i == noun.i)  # "un « ignoble …"
        det = det and (before[-1].pos_ == "DET" or before[-1].lower_ in partitive)
        return det or noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.idx > q.start for c in noun.children)

    def _conjoined(self, q: Quoted) -> Attribution | None:
        """ "sa « stupeur » et son « émotion »", "un « acte odieux » qui a frappé « des innocents »": a quote
        coordinated with the quote just before it, or in a relative clause on it, shares its attribution."""
        root = self.quote_root(q)
        if root is None:
            return None
        if root.dep_ == "conj":
            prev = next((p for p in self.quoted if p[0] <= root.head.idx < p[1] and p[1] <= q.start), None)
            gap = r"[\s,]*(?:et|ou)?\s*\w*['’]?\s*"
        elif root.head.dep_ == "acl:relcl" and root.head.idx < q.start:  # "un « … » qui a frappé « … »"
            noun = root.head.head
            prev = next((p for p in self.quoted if p[0] <= noun.idx < p[1] and p[1] <= q.start), None)
            gap = r"\s*(?:qui|que|qu['’])\s+[^.,;:«»]{1,40}"
        else:
            return None
        if prev is None or not re.fullmatch(gap, self.text[prev[1] : q.start]):
            return None
        earlier = Quoted(start=prev[0], end=prev[1], mark=self.text[prev[0]])
        return self._before(earlier)

    def _agent(self, q: Quoted) -> Attribution | None:
        """ "un projet qualifié de « coup de force » par ses opposants", "Ce « fiasco » est dénoncé par les
        syndicats": the quoted words go with a passive speech verb whose agent speaks."""
        root = self.quote_root(q)
        if root is None or root.dep_ not in ("xcomp", "obl:arg", "nsubj:pass", "obj"):
            return None
        verb = root.head
        if verb.pos_ != "VERB" or not speech_verb(verb, self.lex) or "Part" not in verb.morph.get("VerbForm"):
            return None
        heads = [*verb.children, *(c for c in root.children if c.idx > q.end)]  # the parser may hang it on the noun
        agent = next((c for c in heads if c.dep_ in ("obl:agent", "obl:mod", "obl", "nmod") and _by(c)), None)
        if agent is None or self.in_quote(agent.idx) or agent.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        lo, hi = sentence_start(self.text, q.start), sentence_end(self.text, q.end)
        span = phrase_span(agent, lo, hi)
        return Attribution(verb=verb, speaker=span, speaker_head=agent, how="agent")

    def _agent_as(self, q: Quoted) -> Attribution | None:
        """ "The phone was praised by Jobs as "the biggest leap …"", "was described as "…" by the minister": a
        quote naming the subject of a passive naming or speech verb is the words of its "by" agent."""
        root = self.quote_root(q)
        if root is None or root.dep_ != "pobj" or root.head.lower_ != "as":
            return None
        verb = root.head.head
        if verb.pos_ != "VERB" or not passive(verb) or not speech_verb(verb, self.lex):
            return None
        by = next((c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if agent is None or self.in_quote(agent.idx) or agent.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        lo, hi = sentence_start(self.text, q.start), sentence_end(self.text, q.end)
        span = phrase_span(agent, lo, hi)
        return Attribution(verb=verb, speaker=span, speaker_head=agent, how="agent")

    def _belief(self, q: Quoted) -> Attribution | None:
        """ "Le ministre pensait que le plan aurait « des failles »": words quoted inside the « que » clause of a
        verb of thought or finding are its subject's."""
        tok = self.quote_root(q)
        for _ in range(4):
            if tok is None or tok.head.i == tok.i:
                return None
            clause, tok = tok, tok.head
            if clause.dep_ != "ccomp" or verb_lemma(tok, self.lex) not in self.lex.belief:
                continue
            if not any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in clause.children):
                return None
            subj = subject_of(tok)
            if subj is None or self.in_quote(subj.idx) or subj.i > tok.i or is_negated(tok, self.lex):
                return None
            lo = sentence_start(self.text, subj.idx)
            span = speaker_phrase(subj, lo, tok.idx)
            return Attribution(verb=None, speaker=span, speaker_head=subj, how="belief")
        return None

    def _listed(self, q: Quoted) -> Attribution | None:
        """ "ont scandé : « Menteur » , « Démission » et « Pas mon président »": two or more short quotes listed after
        a speech verb and a colon, or after a cry noun ("chants such as "…" and "…""), are each the words of that verb's
        subject, however short (how "list")."""
        first = q
        while True:
            gap = (p for p in self.quoted if p[1] <= first.start and LIST_GAP.fullmatch(self.text[p[1] : first.start]))
            prev = next(gap, None)
            if prev is None:
                break
            first = Quoted(start=prev[0], end=prev[1], mark=self.text[prev[0]])
        followed = any(p[0] >= q.end and LIST_GAP.fullmatch(self.text[q.end : p[0]]) for p in self.quoted)
        if n_words(self.text[first.start : first.end]) > 8 or first is q and not followed:
            return None  # a list of two quotes or more
        a = self._before(first)
        if a is None or a.verb is None or a.speaker is None or a.how != "before":
            return None
        between = self.text[a.verb.idx + len(a.verb) : first.start]
        cry = re.search(r"[\w'’]+", between[::-1])
        cue = cry is not None and cry.group(0)[::-1].lower() in self.lex.cries
        if not (re.fullmatch(r"\s*:\s*", between) or cue and n_words(between) <= 4):
            return None
        return Attribution(verb=a.verb, speaker=a.speaker, speaker_head=a.speaker_head, how="list")

    def _handle(self, q: Quoted) -> Attribution | None:
        """ "“@Daily_Star: Fire at the port”", "“RT @ann_lee: …”": a tweet quoted whole speaks for the account
        it opens with, not for whoever shares it."""
        m = re.match(r"\s*(?:RT\s+)?@(\w{1,30}):", self.text[q.inner[0] : q.inner[1]])
        if m is None:
            return None
        lo, hi = q.inner[0] + m.start(1), q.inner[0] + m.end(1)
        return Attribution(speaker=(lo, hi), how="inside")  # no head: the tagger reads handles as anything

    def _inside(self, q: Quoted) -> Attribution | None:
        lo, hi = q.inner
        nested = [(c.start, c.end) for c in q.children]
        for t in self.tokens_between(lo, hi):
            if any(s <= t.idx < e for s, e in nested) or not speech_verb(t, self.lex):
                continue
            clitics = ("-t", "-il", "-elle", "-on", "-ils", "-elles")
            left = [x for x in self.doc[max(0, t.i - 4) : t.i] if x.pos_ not in ("AUX",) and x.lower_ not in clitics]
            if not left or left[-1].text not in (",", "»", "”", '"', "—", "–") or left[-1].idx < lo:
                continue  # the opening mark itself is no incise comma: ""thank you"" is the quote's own verb
            subj = _inverted_subject(t, hi)
            if subj is None or subj.i < left[-1].i:
                continue  # '"We need people to listen, respond, and leave"': a verb of the quote, not an incise
            span = phrase_span(subj, t.idx, hi)
            return Attribution(verb=t, speaker=span, speaker_head=subj, how="inside")
        return None

    def _subject(self, t: Any, lo: int, hi: int) -> Any:
        """The speaker token of verb `t`: its subject (outside any quote), else an inverted subject in [lo, hi)."""
        subj = speaker_verb(t)
        termed = subj is not None and subj == _quoted_object(t)  # 'quotes a "senior aide" as saying'
        if subj is not None and not termed and (self.in_quote(subj.idx) or not lo <= subj.idx < hi):
            subj = None
        if subj is None:
            subj = _inverted_subject(t, hi)
            if subj is not None and (self.in_quote(subj.idx) or subj.idx < lo):
                subj = None
        if subj is None:
            subj = sentence_subject(t)
            if subj is not None and (self.in_quote(subj.idx) or not lo <= subj.idx < hi):
                subj = None
        return nearer_person(subj, t, self.lex)

    def _incise(self, t: Any) -> bool:
        """The verb opens an incise: a comma right before it, past auxiliaries and a reflexive clitic."""
        k = t.i - 1
        while k >= 0 and (self.doc[k].pos_ == "AUX" or self.doc[k].lower_ in ("se", "s'", "s’")):
            k -= 1
        return k >= 0 and self.doc[k].text == ","

    def in_quote(self, pos: int) -> bool:
        """Whether `pos` falls inside one of the article's quote-marked spans."""
        return any(s <= pos < e for s, e in self.quoted)

    def _after(self, q: Quoted) -> Attribution | None:
        wrap = re.match(r"[ \t]*\n[ \t]*(?=[a-z])", self.text[q.end : q.end + 20])
        lo = q.end + wrap.end() if wrap else q.end  # '…?"\nsaid the analyst': the line breaks mid-sentence
        end = self.clause_end(lo)
        toks = _without_relative_clauses(self.tokens_between(q.end, end))
        for k, t in enumerate(toks[:12]):
            quoted_as = self._quoted_as_saying(t)
            if quoted_as is not None:
                span = speaker_phrase(quoted_as, q.end, end)
                return Attribution(verb=t, speaker=span, speaker_head=quoted_as, how="after")
            if speech_verb(t, self.lex) or self._unlisted_incise(q, toks, k):
                if is_negated(t, self.lex) or passive(t):
                    return None
                between = toks[:k]
                if any(x.pos_ == "VERB" or x.pos_ == "CCONJ" for x in between):
                    return None  # "« … » , et ajouté que « … »": the verb introduces what follows
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                if nxt is not None and (nxt.lower_ in ("que", "qu'", "qu’", "that") or nxt.text == ":"):
                    return None
                if nxt is not None and nxt.pos_ == "VERB" and "Inf" in nxt.morph.get("VerbForm"):
                    return None  # "l'astronaute fait pousser des pommes de terre": causative, not speech
                if "Inf" in t.morph.get("VerbForm") and k > 0 and toks[k - 1].pos_ in ("ADP", "SCONJ"):
                    return None  # "« … » afin d'expliquer la fracture": a purpose clause, not an incise
                if _subordinate_verb(t):
                    return None  # "« … », en évoquant des « … »", "« … », sans en préciser …": not an incise
                subj = self._subject(t, q.end, end)
                if (subj is None or subj.i > t.i) and self.lex.lang == "en" and t.text[:1].islower():
                    subj = _capitalised_run(toks[:k]) or subj  # "“…,” O’Leary said in the statement"
                if subj is not None and subj.i < t.i and self.lex.lang == "fr" and self._incise(t):
                    inv = _inverted_subject(t, end)  # "« … » cette décision, se défend pour sa part le groupe"
                    subj = inv if inv is not None and inv.i > t.i else subj
                span = speaker_phrase(subj, q.end, end) if subj is not None else None
                return Attribution(verb=t, speaker=span, speaker_head=subj, how="after")
            if t.pos_ == "VERB" and k > 0:
                return None
        return self._bare_name(q, toks) or self._dash(q)

    def _bare_name(self, q: Quoted, toks: list[Any]) -> Attribution | None:
        """ "“…,” Ann Lee, an analyst at Acme.": in English, a quote left open by a comma and followed by a
        person's name (and an apposition) without any verb is attributed to that person (the verb dropped)."""
        if self.lex.lang != "en" or not toks or toks[0].ent_type_ not in PERSON_ENTS or toks[0].ent_iob_ != "B":
            return None
        if not self.text[q.inner[0] : q.inner[1]].rstrip().endswith(","):
            return None
        if any(x.pos_ in ("VERB", "AUX") for x in toks):
            return None
        name = [x for x in toks if x.ent_type_ in PERSON_ENTS and x.i < toks[0].i + 4]
        name = [x for k, x in enumerate(name) if x.i == toks[0].i + k]
        lo, hi = name[0].idx, name[-1].idx + len(name[-1])
        return Attribution(speaker=(lo, hi), speaker_head=name[-1], how="after")

    def _unlisted_incise(self, q: Quoted, toks: list[Any], k: int) -> bool:
        """ "“…,” enthused Scott Fancher." / "“…?” she wondered.": in English a quote left open by a comma, a
        question or exclamation mark, followed by a bare finite verb and its subject that close the sentence, is
        attributed by that verb even when the lexicon does not list it."""
        if self.lex.lang != "en" or k > 2:
            return False
        t = toks[k]
        inner = self.text[q.inner[0] : q.inner[1]].rstrip()
        if not inner.endswith((",", "?", "!")) or t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBZ"):
            return False
        objects = ("dobj", "obj", "ccomp", "xcomp", "prep", "dative", "attr", "acomp")
        if any(c.dep_ in objects and not self.in_quote(c.idx) for c in t.children):
            return False
        subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS and not self.in_quote(c.idx)]
        if not subj or subj[0].pos_ not in ("PROPN", "PRON", "NOUN"):
            return False
        if subj[0].i < t.i and (k != 1 or toks[0].i != subj[0].i):
            return False  # "“…,” he enthused": only the subject pronoun or name between the quote and the verb
        return all(x.i <= t.i for x in toks[:k])

    def _quoted_as_saying(self, t: Any) -> Any:
        """The object of "quoted X as saying": the person quoted speaks, not the outlet quoting them."""
        if t.lemma_.lower() != "quote" or t.pos_ != "VERB":
            return None
        obj = next((c for c in t.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None:
            return None
        rest = [x for x in t.doc[obj.right_edge.i + 1 : obj.right_edge.i + 4] if not x.is_quote][:2]
        if len(rest) == 2 and rest[0].lower_ == "as" and speech_verb(rest[1], self.lex):
            return obj
        return None

    def _dash(self, q: Quoted) -> Attribution | None:
        """ "« … »\n\n— Stéphanie, témoin": a signature line after the quote."""
        m = re.match(r"\s*[—–-]\s*([^\n,]{2,60})", self.text[q.end : q.end + 80])
        if not m:
            return None
        span = self.doc.char_span(q.end + m.start(1), q.end + m.end(1), alignment_mode="contract")
        if span is None:
            return None
        return Attribution(verb=None, speaker=(span.start_char, span.end_char), speaker_head=span.root, how="after")

    def _before(self, q: Quoted) -> Attribution | None:
        start = self.clause_start(q.start)
        hi = q.start
        if not self.text[start:hi].strip():
            before = self.text[:hi].rstrip()
            if before.endswith(":") and hi - len(before) <= 4:
                hi = len(before)  # "X a réagi vivement :" closing the line above a quote-only paragraph
                start = self.clause_start(hi - 1)
        toks = self.tokens_between(start, hi)
        if not toks:
            return None
        colon = toks[-1].text == ":" or self._comma_sentence(toks, q)
        late = self._late_opinion(toks, q) or self._according_inline(toks, q)
        if late is not None:
            return late
        for t in reversed(toks):
            if speech_verb(t, self.lex) and not is_negated(t, self.lex) and not passive(t):
                between = [x for x in toks if x.i > t.i and not _gerund_of(x, t)]
                if any(x.pos_ == "VERB" and x.dep_ not in ("xcomp",) for x in between) and not colon:
                    return None
                subj = self._subject(t, start, q.start)
                if subj is None and _subordinate_verb(t):  # "X a qualifié … d'« … » , en évoquant des « … »"
                    whole = sentence_start(self.text, t.idx)
                    subj = self._subject(t, whole, q.start)
                    if subj is not None and (subj.pos_ in ("NOUN", "PROPN") and not self.is_thing(subj)
                                             or subj.lower_ in self.lex.pronouns):
                        start = whole
                    else:
                        subj = None  # "cela « … » tout en ajoutant que": nobody the sentence names
                lo = min(start, subj.left_edge.idx) if subj is not None else start  # 'quotes a "Senate aide"'
                span = speaker_phrase(subj, lo, q.start) if subj is not None else None
                return Attribution(verb=t, speaker=span, speaker_head=subj if span else None, how="before")
        if not colon:
            return self.opinion(toks, q) or self._according(toks, q) or self._subject_outside(toks, q)
        if toks[-1].text == "," and not any(x.pos_ in ("VERB", "AUX") for x in toks):
            return None
        if not any(x.pos_ in ("VERB", "AUX") for x in toks) and 0 < len(toks) <= 12:
            head = next((x for x in toks if x.dep_ == "ROOT" or x.head.i == x.i), toks[0])
            lo, hi = toks[0].idx, toks[-2].idx + len(toks[-2]) if len(toks) > 1 else toks[0].idx
            if hi > lo:
                return Attribution(verb=None, speaker=(lo, hi), speaker_head=head, how="colon")
            return None
        # "Robtel Pailey reflects on the verdict: “…”": the subject of the introducing clause speaks
        root = next((x for x in toks if x.pos_ == "VERB" and x.dep_ in ("ROOT", "root")), None)
        if root is None:
            root = next((x for x in toks if x.pos_ == "VERB"), None)
        if root is None:  # "Le ministre X est plus explicite :": an adjective or noun heads the clause
            root = next((x for x in toks if x.dep_ in ("ROOT", "root") and x.pos_ in ("ADJ", "NOUN")), None)
            named = root is not None and (s := subject_of(root)) is not None and any(
                x.pos_ == "PROPN" for x in s.subtree
            )
            root = root if named else None  # "Cette question est la suivante :" names nobody
        subj = subject_of(root) or sentence_subject(root) if root is not None else None
        if subj is None or subj.idx < start or self.in_quote(subj.idx) or subj.ent_type_ in PLACE_ENTS:
            # "Namibia has a new chess king: “…”" quotes somebody the sentence does not name, unless the
            # clause names whose view or answer follows ("Ce n'est pas l'avis de Fottorino : « … »")
            return self._view_holder(toks)
        if self.is_thing(subj) and n_words(self.text[q.start : q.end]) < 8:
            return None  # "Cette veillée avait pour thème : « Le chemin vers Jésus »": a theme, not speech
        return Attribution(verb=root, speaker=phrase_span(subj, start, q.start), speaker_head=subj, how="colon")

    def _view_holder(self, toks: list[Any]) -> Attribution | None:
        """ "The response of Mayor Jane Roe was blunt: "…"", "Ce n'est pas l'avis de Fottorino : « … »": a colon
        clause with a noun of view, answer or statement owned by a named person or organisation quotes them."""
        nouns = self.lex.view_nouns | self.lex.documents
        ids = {t.i for t in toks}
        for noun in toks:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
                continue
            for holder in noun.children:
                if holder.dep_ == "prep" and holder.lower_ == "of":  # English "of" hangs the holder one level down
                    holder = next((c for c in holder.children if c.dep_ == "pobj"), holder)
                if holder.dep_ not in ("nmod", "poss", "pobj") or holder.i not in ids or self.in_quote(holder.idx):
                    continue
                named = holder.ent_type_ in PERSON_ENTS + ("ORG",) or holder.pos_ == "PROPN"
                if named and holder.ent_type_ not in PLACE_ENTS:
                    lo, hi = toks[0].idx, toks[-1].idx
                    return Attribution(verb=None, speaker=phrase_span(holder, lo, hi), speaker_head=holder, how="colon")
        return None

    def _comma_sentence(self, toks: list[Any], q: Quoted) -> bool:
        """ "Jobs left this farewell, "I have made …."": a whole quoted sentence closing the sentence after a
        comma, introduced like after a colon."""
        if toks[-1].text != "," or n_words(self.text[q.start : q.end]) < 8:
            return False
        inner = self.text[q.inner[0] : q.inner[1]].strip()
        after = self.text[q.end : q.end + 2]
        return inner[:1].isupper() and inner[-1:] in ".!?" and (after[:1] in ("", "\n") or after.strip() == "")

    def opinion(self, toks: list[Any], q: Quoted) -> Attribution | None:
        """ "Pour lui, « … »", "Pour Alain Juppé, « … »": a quote whose holder opens the sentence."""
        if len(toks) < 3 or toks[0].lower_ not in self.lex.opinion or toks[-1].text != ",":
            return None
        comma = next(k for k, t in enumerate(toks) if t.text == ",")
        if any(t.pos_ in ("VERB", "AUX") for t in toks[comma:]):
            return None
        holder = toks[1:comma]  # "Pour Marie Dupont, sociologue, « … »": the apposition is not the holder
        person = all(t.ent_type_ in PERSON_ENTS for t in holder) and len(holder) <= 5 or (
            len(holder) == 1 and holder[0].lower_ in self.lex.pronouns
        )
        titled = len(holder) <= 10 and holder[-1].ent_type_ in PERSON_ENTS and holder[0].pos_ == "DET"
        if not (person or titled and self.lex.lang == "fr"):
            return None  # "Pour le président de la Commission Jean-Claude Juncker, « … »": a role and a name
        head = next((t for t in holder if t.head.i not in {x.i for x in holder}), holder[0])
        span = (holder[0].idx, holder[-1].idx + len(holder[-1]))
        return Attribution(verb=None, speaker=span, speaker_head=head, how="opinion")

    def _according(self, toks: list[Any], q: Quoted) -> Attribution | None:
        """ "À 10 h, selon Météo-Régions, « … »", "Selon le capitaine Marc Roy, de la gendarmerie, « … »": a quote
        right after "selon X," (past an apposition without verb) is X's, X a named person or organisation."""
        if toks[-1].text != ",":
            return None
        for k in range(len(toks) - 2, -1, -1):
            size = max((self._starts(toks, k, p) for p in self.lex.according), default=0)
            if not size:
                continue
            if k > 0 and toks[k - 1].text != ",":
                return None
            rest = toks[k + size :]
            comma = next((j for j, t in enumerate(rest) if t.text == ","), None)
            holder = rest[:comma]
            if not holder or len(holder) > 6 or any(t.pos_ in ("VERB", "AUX") for t in rest):
                return None
            named = holder[-1].ent_type_ in PERSON_ENTS + ("ORG",) or holder[-1].pos_ == "PROPN"
            if not named or self.in_quote(holder[0].idx):
                return None
            head = next((t for t in holder if t.head.i not in {x.i for x in holder}), holder[-1])
            span = (holder[0].idx, holder[-1].idx + len(holder[-1]))
            intro = self.text[toks[k].idx : toks[k + size - 1].idx + len(toks[k + size - 1])]
            return Attribution(verb=None, verb_text=intro.lower(), speaker=span, speaker_head=head, how="opinion")
        return None

    @staticmethod
    def _starts(toks: list[Any], k: int, phrase: str) -> int:
        """How many tokens from `toks[k]` spell `phrase` ("d'après" may be one token or two), else 0."""
        text = ""
        for n, t in enumerate(toks[k : k + 5], start=1):
            text += t.lower_ if not text or text.endswith(("'", "’")) else " " + t.lower_
            if text == phrase.lower():
                return n
            if not phrase.lower().startswith(text):
                return 0
        return 0

    def _subject_outside(self, toks: list[Any], q: Quoted) -> Attribution | None:
        """ "Le groupe « coopère pleinement avec la justice »": a quote opening on a finite verb whose subject,
        a name or noun, ends right before the opening mark; that subject speaks."""
        inner = self.tokens_between(q.inner[0], q.inner[1])
        verb = next((t for t in inner if t.pos_ not in ("PRON", "PART", "ADV") or t.dep_ in SUBJECT_DEPS), None)
        if verb is None or verb.pos_ not in ("VERB", "AUX") or "Fin" not in verb.morph.get("VerbForm"):
            return None  # the verb must open the quote, past clitics and negation ("« ne lâchera rien »")
        if verb.dep_ in ("aux", "aux:tense", "cop") and q.inner[0] <= verb.head.idx < q.inner[1]:
            verb = verb.head  # "« will not back down »", "« a toujours refusé »"
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        last = toks[-2] if len(toks) > 1 and toks[-1].text == "," else toks[-1]  # "Theresa May, « félicite … »"
        if subj is None or subj.i >= toks[-1].i + 1 or subj.idx < toks[0].idx or last not in subj.subtree:
            return None
        if subj.pos_ not in ("PROPN", "NOUN") or subj.ent_type_ in PLACE_ENTS or self.is_thing(subj):
            return None
        span = speaker_phrase(subj, toks[0].idx, q.start)
        return Attribution(verb=None, speaker=span, speaker_head=subj, how="outside")  # kept however short

    def _late_opinion(self, toks: list[Any], q: Quoted) -> Attribution | None:
        """ "X a lancé « … » tandis que, pour Y, « … »": in French, an opinion phrase after a comma, later in
        the sentence, gives the quote its holder rather than the speech verb before it."""
        if self.lex.lang != "fr":
            return None
        for k in range(len(toks) - 3, 0, -1):
            if toks[k].lower_ in self.lex.opinion and toks[k - 1].text == ",":
                return self.opinion(toks[k:], q)
        return None

    def _according_inline(self, toks: list[Any], q: Quoted) -> Attribution | None:
        """ "un projet, selon lui « ruineux »": in French, "selon" and a pronoun or name right before a short
        quote give it its holder, whatever verb comes earlier in the sentence."""
        if self.lex.lang != "fr" or len(toks) < 2 or toks[-2].lower_ != "selon":
            return None
        if n_words(self.text[q.start : q.end]) > 4:
            return None  # "a rappelé que selon lui « … »": a whole clause stays the report of its verb
        holder = toks[-1]
        if holder.pos_ not in ("PRON", "PROPN") or self.in_quote(holder.idx):
            return None
        span = (holder.idx, holder.idx + len(holder))
        return Attribution(verb=None, verb_text="selon", speaker=span, speaker_head=holder, how="opinion")

    def is_thing(self, tok: Any) -> bool:
        """A common noun that names no person, role, organisation or source ("la veillée")."""
        if tok.pos_ != "NOUN" or tok.ent_type_ or any(c.ent_type_ or c.pos_ == "PROPN" for c in tok.children):
            return False  # "L'évêque Gervais Banshimiyubusa": a noun with a name
        lemma = tok.lemma_.lower()
        return not (self.lex.role_match(tok.text) or lemma in self.lex.org_nouns or lemma in self.lex.source_nouns)

    def previous(self, q: Quoted) -> Attribution | None:
        """ "Chairman Dieter Zetsche denied the allegations.\n“We do not exclude …”": the speaker of the
        sentence just before a quote that stands alone."""
        lead = self.text[sentence_start(self.text, q.start) : q.start].strip(" \t—–-")
        if lead:
            return None
        prev_end = sentence_start(self.text, q.start)
        prev_start = sentence_start(self.text, max(0, prev_end - 2))
        if prev_end - prev_start < 5 or not self.text[prev_start:prev_end].rstrip().endswith((".", ":")):
            return None
        for t in self.tokens_between(prev_start, prev_end):
            if self.in_quote(t.idx) or not speech_verb(t, self.lex) or is_negated(t, self.lex) or passive(t):
                continue
            subj = self._subject(t, prev_start, prev_end)
            if subj is not None:
                span = phrase_span(subj, prev_start, prev_end)
                return Attribution(verb=None, speaker=span, speaker_head=subj, how="previous")
        return self._person_topic(q, prev_start, prev_end)

    def _person_topic(self, q: Quoted, prev_start: int, prev_end: int) -> Attribution | None:
        """ "Fillon ne s'est pas laissé perturber. « Plus ils manifesteront, … »": in French, a whole quoted
        sentence in the same paragraph as a sentence about a named person (its subject) is that person's."""
        if self.lex.lang != "fr" or "\n" in self.text[prev_start : q.start] or n_words(self.text[q.start : q.end]) < 6:
            return None
        root = next((t for t in self.tokens_between(prev_start, prev_end) if t.dep_ == "ROOT"), None)
        subj = subject_of(root) if root is not None else None
        if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ not in PERSON_ENTS or self.in_quote(subj.idx):
            return None
        span = phrase_span(subj, prev_start, prev_end)
        return Attribution(verb=None, speaker=span, speaker_head=subj, how="previous")

    def is_title(self, q: Quoted) -> bool:
        """A quoted title or name: « Le Monde », the film "Jaws", l'opération « Wuambushu »."""
        before = self.text[max(0, q.start - 40) : q.start].lower()
        if re.search(r":\s*$", before) and n_words(self.text[q.start : q.end]) >= 8:
            return False  # "wrote on his blog: “…”": a colon introduces a quotation, titles are short
        words = re.findall(r"[\w'’-]+", before)
        words = [w for w in words if w not in ("le", "la", "les", "l'", "du", "de", "des", "the", "a", "an")]
        return bool(words) and (words[-1] in self.lex.title_cues or " ".join(words[-2:]) in self.lex.title_cues)

    def named(self, q: Quoted, a: Attribution | None) -> bool:
        """ "Steve called podcasting "…"", "a salué « un geste fort »": an active naming verb (lexicon use
        "naming") with a subject, right before the quote in its clause."""
        if a is None or a.how != "before" or a.verb is None or a.speaker is None:
            return False
        v = a.verb
        if v.dep_ in ("acl", "amod") or passive(v):
            return False  # "une zone surnommée « … »": nobody names it here
        return self.lex.verbs.get(verb_lemma(v, self.lex)) == "naming"

    def after_article(self, q: Quoted) -> bool:
        """The quote is a noun phrase with its article, outside or inside the marks ("as a “defining moment”",
        "comme « une menace »"), not a bare qualifier ("la qualifie de « terroriste »", "call "interference"")."""
        before = re.findall(r"[\w'’]+", self.text[max(0, q.start - 12) : q.start].lower())
        inside = re.findall(r"[\w'’]+", self.text[q.inner[0] : q.inner[1]].lower())
        return bool(before) and before[-1] in ARTICLES or bool(inside) and inside[0] in ARTICLES

    def introduced(self, q: Quoted, a: Attribution) -> bool:
        """The quote follows its speech verb directly ("a-t-il dit, « … »", "said: “…”"), or is a whole clause
        right after "que"/"that" ("a expliqué que « … » et que « rien n'est décidé »")."""
        if a.verb is None or self._clause_after_that(q):
            return True
        between = self.text[a.verb.idx + len(a.verb) : q.start]
        words = [w for w in re.findall(r"[\w'’-]+", between) if w.lower() not in ("que", "qu'", "qu’", "that")]
        words = [w for w in words if not w.startswith("-")]
        return not words

    def _clause_after_that(self, q: Quoted) -> bool:
        """The quoted words follow "que"/"that" and hold a finite verb: a reported clause, not a term."""
        before = self.tokens_between(max(0, q.start - 8), q.start)
        if not before or before[-1].lower_ not in ("que", "qu'", "qu’", "that"):
            return False
        inner = self.tokens_between(q.inner[0], q.inner[1])
        return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in inner)

    def infinitive_object(self, q: Quoted) -> bool:
        """ "son intention de « porter plainte … »", "promised to “fight”", "les a encouragés à « rester … »": a
        quoted infinitive after de/à/to is a request or promise, not a quotation."""
        inner = self.tokens_between(q.inner[0], q.inner[1])
        before = self.tokens_between(max(0, q.start - 8), q.start)
        if not inner or not before or before[-1].lower_ not in ("de", "d'", "d’", "à", "to"):
            return False
        if self._recommended(q):
            return False  # "préconise de « … »": the recommendation is what the speaker said
        for tok in inner[:3]:  # "de « tout faire … »", "de « ne pas céder »"
            if tok.pos_ in ("VERB", "AUX"):
                return "Inf" in tok.morph.get("VerbForm")
            if tok.pos_ not in ("ADV", "PRON", "PART"):
                return False
        return False

    def _recommended(self, q: Quoted) -> bool:
        """The nearest verb before the quote in its sentence, quotes skipped, is a recommendation verb
        ("Il préconise de « A » et de « B »")."""
        lo = sentence_start(self.text, q.start)
        for tok in reversed(self.tokens_between(lo, q.start)):
            if any(s <= tok.idx < e for s, e in self.quoted):
                continue
            if tok.pos_ in ("VERB", "AUX"):
                return verb_lemma(tok, self.lex) in self.lex.recommend
        return False

    def opens_clause(self, q: Quoted) -> bool:
        """ "Lors des perquisitions, « du matériel … a été saisi par les policiers »." : a whole quoted clause that
        closes its sentence after a fronted phrase and a comma, without any speech verb before it (a quotation
        the sentence does not attribute, like one standing alone)."""
        lo = sentence_start(self.text, q.start)
        lead = self.tokens_between(lo, q.start)
        if not lead or lead[-1].text != "," or len(lead) > 15 or any(self.in_quote(t.idx) for t in lead):
            return False
        if any(speech_verb(t, self.lex) for t in lead) or lead[0].lower_ in self.lex.opinion:
            return False
        said = " " + self.text[lo : q.start].lower()
        if any(f" {p.lower()} " in said for p in self.lex.according):
            return False  # "Selon la loi, « … »": the introducer's own rules decide
        rest = self.text[q.end : sentence_end(self.text, q.end) if q.end < len(self.text) else q.end]
        if not re.fullmatch(r"[\s.!?…]*", rest):
            return False  # the quote closes its sentence
        inner = [t for t in self.tokens_between(q.inner[0], q.inner[1]) if not t.is_punct]
        opener = inner[0] if inner else None
        article = opener is not None and bool(opener.morph.get("Definite"))  # "du", "des": contracted articles
        if opener is None or opener.pos_ in ("VERB", "AUX") or opener.pos_ == "ADP" and not article:
            return False  # a clause opens on its subject, not on a verb or preposition ("« pour des années »")
        return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in inner)

    def standalone(self, q: Quoted) -> bool:
        """The quote opens its sentence or follows a colon (not a term inside a sentence)."""
        start = self.clause_start(q.start)
        lead = self.text[start : q.start].strip(" \t—–-")
        return not lead or lead.endswith(":")
