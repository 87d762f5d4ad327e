"""The speaker of a speech verb in the parse: its subject, following clitics ("a-t-elle précisé"),
relative pronouns, conjoined and passive verbs, inverted subjects ("said Kirby"), and the character
span of the speaker's phrase."""

from __future__ import annotations

import re
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_sentences import QUOTE_CHARS, doc_text, sentence_end, sentence_start
from .quote_subject_asides import (
    according_antecedent,
    in_quoted_clause,
    incise_clitic,
    name_with_apposed_participle,
    stressed_complement,
)
from .quote_verbs import SUBJECT_DEPS, across_marks
from .speaker_groups import speaker_nouns

CLITICS = ("-il", "-elle", "-on", "-ils", "-elles")
FR_SUBJECT_PRONOUNS = ("il", "elle", "ils", "elles")
PERSON_ENTS = ("PER", "PERSON")
PLACE_ENTS = ("LOC", "GPE", "FAC")


def speaking_noun(head: Any, lex: QuoteLexicon) -> bool:
    """ "le plaignant", "le gouvernement", "the union": a common noun naming a role, an organisation or a
    body of people, who may hold an opinion (not a place, a thing or a person's name)."""
    if head.pos_ != "NOUN" or head.ent_type_ in PLACE_ENTS:
        return False
    nouns = speaker_nouns(lex.lang)
    lemma = head.lemma_.lower()
    known = lemma in lex.org_nouns or head.lower_ in nouns.body or head.lower_ in nouns.person
    return known or bool(lex.role_match(head.text))


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
                return according_antecedent(child) or _antecedent(verb.head)
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
    labelled = _past_section_label(verb, first)
    if labelled is not None:
        return labelled
    if first.left_edge.pos_ not in ("ADP", "ADV", "SCONJ", "CCONJ"):
        return first
    return later[-1] if later else first




def _past_section_label(verb: Any, first: Any) -> Any:
    """ "Tennis: Recovering Ann Lee to miss Open … Ann Lee said Sunday": in English, of two subjects the parser
    gave the verb, the later one speaks when a colon follows the first (a headline's section label)."""
    doc = verb.doc
    if doc.lang_ != "en" or first.i + 1 >= verb.i or doc[first.i + 1].text != ":":
        return None
    later = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and first.i + 1 < c.i < verb.i]
    return later[-1] if later else None


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
    quoted = quoted_object(verb)
    if quoted is not None:
        return quoted
    tok = verb
    text = doc_text(verb.doc)
    here = sentence_start(text, verb.idx)
    for _ in range(4):
        subj = subject_of(tok)
        clitic = incise_clitic(subj, verb) if subj is not None and in_quoted_clause(subj, verb) else None
        if clitic is not None:
            return clitic  # "« Les parlementaires sont … » , déplore-t-il, estimant que"
        if subj is not None and tok is not verb and tok.i < verb.i and _subordinate(tok, subj, verb):
            return _main_subject(subj, verb)  # "Alors que les autorités considèrent …, le chef de l'État a déclaré"
        if subj is not None:
            return subj if sentence_start(text, subj.idx) == here else _left_subject(verb, here)
        if (
            tok.dep_ in ("advcl", "pcomp", "acl", "conj", "pobj", "prep", "obl", "obl:mod", "xcomp", "acomp")
            and tok.head is not tok
            and tok.head.i < verb.i
            and sentence_start(text, tok.head.idx) == sentence_start(text, verb.idx)
        ):
            tok = tok.head
            continue
        break
    if tok is not verb and tok.pos_ == "VERB":
        inv = inverted_subject(tok, sentence_end(text, tok.idx))
        if inv is not None and inv.i > tok.i and inv.dep_ in SUBJECT_DEPS:
            return inv  # "a déclaré la première ministre Theresa May, en ajoutant que …"
    return name_with_apposed_participle(verb)


def quoted_object(verb: Any) -> Any:
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
        if in_quoted_clause(tok, verb):
            continue  # "« Les parlementaires sont … » , déplore-t-il, estimant": inside the quotation before it
        if tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "PRON" and tok.lower_ not in ("-t", "t", "-t-", "ce", "ça"):
            tok = _nearest_subject(tok.head, tok) if tok.head.i != tok.i else tok
            if tok.head.i < verb.i and _subordinate(tok.head, tok, verb):
                return _main_subject(tok, verb)  # "Alors que X …, Y a déclaré"
            return tok
    return fronted_participle_subject(verb, here) or _person_before(verb, here)


def fronted_participle_subject(verb: Any, here: int) -> Any:
    """ "Affirmant que …, il a critiqué la presse": a present participle or gerund opening its sentence speaks
    for the subject of the main clause after the comma that closes it."""
    doc = verb.doc
    if not _fronted_participle(verb, here):
        return None
    text = doc_text(doc)
    end = sentence_end(text, verb.idx)
    for tok in doc[verb.i + 1 :]:
        if tok.idx >= end:
            break
        if tok.dep_ not in SUBJECT_DEPS or tok.lower_ in RELATIVES or tok.lower_ in FIRST_PERSON:
            continue
        main = tok.head
        if main.i < tok.i or main.dep_ not in ("ROOT", "root") and main.head.i != verb.i:
            continue
        before = text[verb.idx : tok.idx]
        if before.count("«") > before.count("»") or before.count("“") > before.count("”"):
            continue
        if tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ",":
            return tok
    return None


EN_PARTICIPLE_LEADS = {"while", "after", "before", "by", "upon", "on", "in", "when", "also", "then", "and", "but"}
"""English words that may open a sentence before its fronted participle ("While stressing that …, he …")."""


def _fronted_participle(verb: Any, here: int) -> bool:
    """The verb is a present participle or gerund opening its sentence, after "en" in French ("En affirmant
    que …") or a subordinator or adverb in English ("While insisting that …", "After saying …")."""
    before = [t for t in verb.doc[: verb.i] if t.idx >= here and not t.is_punct]
    if verb.doc.lang_ == "fr":
        return "Pres" in verb.morph.get("Tense") and all(t.lower_ == "en" for t in before)
    if verb.doc.lang_ != "en" or verb.tag_ != "VBG":
        return False
    return all(t.lower_ in EN_PARTICIPLE_LEADS or t.pos_ == "ADV" or t.is_space for t in before)


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


def capitalised_run(toks: list[Any]) -> Any:
    """The last word of a short run of capitalised words (a name the tagger may read as an adverb), else None."""
    if not 1 <= len(toks) <= 4 or any(not re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*", t.text) for t in toks):
        return None
    return None if toks[-1].pos_ in ("PRON", "DET") else toks[-1]


def without_relative_clauses(toks: list[Any]) -> list[Any]:
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


def inverted_subject(verb: Any, hi: int) -> Any:
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
        if date_phrase(t):
            continue  # "ont annoncé le 26 mars les Nations unies": the date before the inverted subject
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.lower_ not in ("-t", "t"):
            while (
                t.head is not t
                and t.head.i > verb.i
                and t.head.idx < hi
                and t.head.pos_ in ("NOUN", "PROPN")
                and t.dep_ in ("compound", "flat", "flat:name", "nmod", "amod", "nn")
                and not date_phrase(t.head)
            ):
                t = t.head
            if any(c.dep_ == "case" for c in t.children) and t.pos_ != "PRON" or stressed_complement(t):
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


def date_phrase(t: Any) -> bool:
    """ "le 26 mars": a number heading a time complement of a verb, or a word hanging on it."""
    num = t if t.pos_ == "NUM" else t.head
    return num.pos_ == "NUM" and num.dep_ in ("obl:mod", "obl", "npadvmod") and num.head.pos_ in ("VERB", "AUX")


def subordinate_verb(verb: Any) -> bool:
    """A gerund or present participle ("en évoquant", "saying") or a verb opened by a subordinating word ("sans
    en préciser"): it reports what follows it, it never closes the quote before it as an incise."""
    marks = [c for c in verb.children if c.dep_ == "mark" and not across_marks(verb, c)]  # "« … qu'un début », a dit X"
    if any(c.lower_ not in ("as", "comme") for c in marks):
        return True  # "as said by X" still attributes
    if verb.tag_ == "VBG" or "Ger" in verb.morph.get("VerbForm"):
        return True
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")


def par_agent(tok: Any) -> bool:
    """The token heads a phrase opened by "par" (an agent)."""
    return any(c.dep_ == "case" and c.lower_ == "par" for c in tok.children)


def gerund_of(x: Any, verb: Any) -> bool:
    """ "a dit en parlant des journalistes « … »": a participle phrase modifying the speech verb itself."""
    return x.dep_ == "advcl" and x.head.i == verb.i and "Part" in x.morph.get("VerbForm") and x.tag_ != "VBN"

