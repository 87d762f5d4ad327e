"""The clause a speech verb reports and where it stops: the head of its complement (a "que"/"that" clause, a
bare clause, a French infinitive, "s'est dit prêt à …") and the end of a French report before a second verb
of the same speaker ("a déclaré que … et a exprimé …")."""

from __future__ import annotations

from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_verbs import finite_clause, verb_lemma

SUBORDINATORS = {
    "avant", "après", "pour", "sans", "bien", "alors", "parce", "tandis", "dès", "afin", "pendant", "depuis",
    "lors", "malgré", "so", "such", "now", "except", "given", "provided", "even", "order", "ce",
}
"""A "que"/"that" after one of these opens a subordinate clause ("avant qu'il", "so that") or a relative one
("rapportant ce qu'avait raconté X": a nominal object), not a report."""
CLAIM_VERBS = {"claim", "profess"}
"""English verbs whose infinitive is what the subject says ("claims to have seen …"); "promised to" is not."""


def complement_token(t: Any, lex: QuoteLexicon) -> Any:
    """The head of the reported clause: a "que"/"that" clause, a bare clause, or (French) an infinitive."""
    clear = next((c for c in t.children if c.lower_ == "clear" and c.i > t.i), None)
    if clear is not None:  # "made it clear that …": the clause hangs on "clear"
        return next((c for c in clear.children if c.dep_ in ("ccomp", "advcl") and c.i > clear.i), None)
    if lex.lang == "en" and t.lemma_.lower() in CLAIM_VERBS:
        inf = [c for c in t.children if c.dep_ == "xcomp" and c.i > t.i and any(a.lower_ == "to" for a in c.children)]
        if inf:
            return inf[0]  # "claims to have seen the plane"
    demand = lex.verbs.get(verb_lemma(t, lex)) == "demand"
    after = [c for c in t.children if c.dep_ == "ccomp" and c.i > t.i and not _bare_finite_fr(t, c)]
    if after and all(to_infinitive(c, lex) for c in after):
        return None  # "demanded the vote to be postponed": a request, not reported words
    marked = [
        c for c in after if any(g.dep_ == "mark" and g.lower_ in ("that", "que", "qu'", "qu’") for g in c.children)
    ]
    if marked:
        return marked[0]
    thus = [c for c in t.children if c.dep_ in ("conj", "ccomp") and c.i > t.i and any(map(ainsi_que, c.children))]
    if lex.lang == "fr" and thus and all(x.pos_ == "ADV" for x in t.doc[t.i + 1 : thus[0].left_edge.i]):
        return thus[0]  # "estime ainsi que …", parsed as the fixed phrase "ainsi que" (as well as)
    fixed = next((x for x in t.doc[t.i + 1 : t.i + 4] if ainsi_que(x)), None)
    adverbs = fixed is not None and all(x.pos_ == "ADV" for x in t.doc[t.i + 1 : fixed.i])
    if lex.lang == "fr" and adverbs and fixed.head.i > t.i:
        return fixed.head  # "estime ainsi que l'une des clauses …", "ainsi que" hung on the clause's subject
    if demand:
        return _loose_que(t, lex)
    before = [c for c in t.children if c.dep_ == "ccomp" and c.i < t.i] or _unmarked_clause_before(t)
    if after and before and _adverbial_after_comma(t):
        return before[0]  # "Millions went on strike, unions said, as workers …": the clause before the incise
    if after:
        return after[0]
    if lex.lang == "fr" and any(c.lower_ in ("se", "s'", "s’") and c.i < t.i for c in t.children):
        said = [
            c
            for c in t.children
            if c.dep_ in ("xcomp", "acl", "advmod") and c.i > t.i and c.pos_ in ("ADJ", "VERB") and not _infinitive(c)
        ]
        if said:
            return said[0]  # "s'est dit prêt à démissionner", "se dit favorable à …"
    if lex.lang == "fr" and t.lemma_.lower() != "faire":  # "fait valoir que": only a que-clause
        inf = [
            c
            for c in t.children
            if c.dep_ in ("xcomp", "obj", "ccomp")
            and c.i > t.i
            and c.pos_ in ("VERB", "AUX")
            and _infinitive(c)
            and not any(g.dep_ in ("mark", "case") for g in c.children)
        ]
        if inf:
            return inf[0]
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and _looks_infinitive(nxt):
            return nxt  # "a annoncé privilégier les départs volontaires"
        negated = _after_negation(t)
        if negated is not None:
            return negated  # "en disant n'y être pour rien", the infinitive parsed as the root
        if nxt is not None and nxt.pos_ == "AUX" and "Inf" in nxt.morph.get("VerbForm") and nxt.head.i > t.i:
            return nxt.head  # "raconte avoir été approché", the participle hung elsewhere
        late = _late_infinitive(t) or _infinitive_on_noun(t)
        if late is not None:
            return late
    bare = [c for c in t.children if c.dep_ == "xcomp" and c.i > t.i and c.tag_ in ("VB", "VBP")]
    if lex.lang == "en" and t.dep_ == "relcl" and bare and not any(g.dep_ == "aux" for g in bare[0].children):
        return bare[0]  # "cuts which the Republicans insisted reach parity": a bare subjunctive clause
    found = _loose_que(t, lex)
    if found is not None:
        return found
    return before[0] if before else None


def _loose_que(t: Any, lex: QuoteLexicon) -> Any:
    """A "que"/"that" clause the parser hung elsewhere ("announced on Friday that ...", "a demandé à la ministre
    que …", "demande à ce que …"), also past an insertion between commas that holds a noun's own participle or
    relative clause ("a confié, depuis la ville où il se trouvait, que …")."""
    doc = t.doc
    inserted = False
    for x in doc[t.i + 1 : min(len(doc), t.i + (30 if _comma_insertion(t) else 16))]:
        if x.pos_ in ("VERB",) and x.dep_ not in ("xcomp",) and x.lower_ not in ("that", "que"):
            if not (_comma_insertion(t) and _noun_modifier(x)):
                break
            inserted = True
            continue
        if x.text in (".", "!", "?", ";"):
            break  # the sentence ends
        if inserted and x.lower_ in ("que", "qu'", "qu’") and doc[x.i - 1].text != ",":
            break  # "la lettre publiée hier que …": a relative clause of the insertion's noun
        prev = doc[x.i - 1]
        that = x.lower_ in ("that", "que", "qu'", "qu’")
        if that and prev.lower_ in SUBORDINATORS and not _a_ce_que(prev):
            break  # "a confié X avant qu'il ne se radicalise": a subordinate clause, not what was said
        loose = lex.lang == "fr" and x.head.pos_ == "VERB"  # "qu'" mistagged as a relative pronoun
        if that and x.head.i > x.i and (x.dep_ == "mark" or loose):
            return x.head
    return None


def _comma_insertion(t: Any) -> bool:
    """A French speech verb followed by a comma (its adverbs or a short adverbial aside): "a confié en fin de
    matinée, depuis …, que …"."""
    if t.doc.lang_ != "fr":
        return False
    for x in t.doc[t.i + 1 : min(len(t.doc), t.i + 8)]:
        if x.text == ",":
            return True
        if x.i == t.i + 1 and x.dep_ == "xcomp" and t.lemma_.lower() == "faire":
            continue  # "a fait savoir, …, que"
        if x.pos_ in ("VERB", "AUX") or x.lower_ in ("que", "qu'", "qu’") or x.text in (".", ";", ":", "«"):
            return False
    return False


def _noun_modifier(x: Any) -> bool:
    """A verb that modifies a noun: a participle ("publiée mercredi") or a relative clause ("où il se trouvait")."""
    return x.dep_ in ("acl", "acl:relcl") and x.head.pos_ in ("NOUN", "PROPN")


def _bare_finite_fr(t: Any, comp: Any) -> bool:
    """ "Aucune cible précise n'a été identifiée": a French finite clause after the verb with no "que", no
    colon and no quote mark before it is not its complement (French reports a clause through "que")."""
    if t.doc.lang_ != "fr" or any(g.dep_ == "mark" or g.lower_ in ("que", "qu'", "qu’") for g in comp.children):
        return False
    finite = finite_clause(comp)
    between = t.doc[t.i + 1 : comp.left_edge.i + 1]
    return finite and not any(x.text in (":", "«", "“", '"') or x.lower_ in ("que", "qu'", "qu’") for x in between)


def ainsi_que(mark: Any) -> bool:
    """ "ainsi" with "que" fixed to it, hung as the mark of a clause: "estime ainsi que …" (thus says that)."""
    fixed = any(f.dep_ == "fixed" and f.lower_ in ("que", "qu'", "qu’") for f in mark.children)
    return mark.lower_ == "ainsi" and mark.dep_ in ("mark", "cc") and fixed


def _a_ce_que(ce: Any) -> bool:
    """ "demande à ce que …": "à ce que" is the complementizer of a demand, not a relative "ce que"."""
    return ce.lower_ == "ce" and ce.i > 0 and ce.doc[ce.i - 1].lower_ == "à"


def to_infinitive(c: Any, lex: QuoteLexicon) -> bool:
    """ "demanded the vote to be postponed": an English infinitive clause is a request, not reported words."""
    return lex.lang == "en" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)


ADVERBIAL_OPENERS = {"as", "when", "while", "after", "before", "because", "since", "although", "though", "amid"}
"""English words that open an adverbial clause after an incise ("…, unions said, as workers …")."""


def _adverbial_after_comma(t: Any) -> bool:
    """The verb is followed by a comma and a word that opens an adverbial clause: "…, X said, as …"."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "," and doc[t.i + 2].lower_ in ADVERBIAL_OPENERS


def _unmarked_clause_before(t: Any) -> list[Any]:
    """ "As 2020 approaches, the group has set goals …, they said": an English clause with its own subject and
    no subordinator, parsed as an adverbial clause of a verb that follows it after a comma and ends the
    sentence."""
    if t.lang_ != "en" or any(x.pos_ in ("VERB", "AUX") and x.i > t.i for x in t.subtree):
        return []  # "…, Khinshtein responded by publishing the text": the verb goes on, no incise
    return [
        c
        for c in t.children
        if c.dep_ == "advcl"
        and c.i < t.i
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ == "nsubj" for g in c.children)
        and not any(g.dep_ == "mark" for g in c.children)
        and t.doc[c.right_edge.i + 1].text == ","
    ]


def _looks_infinitive(tok: Any) -> bool:
    """An infinitive, even when the tagger missed it ("a annoncé privilégier")."""
    if tok.pos_ == "VERB" and "Inf" in tok.morph.get("VerbForm"):
        return True
    low = tok.lower_
    return (
        tok.pos_ in ("ADJ", "NOUN", "VERB")
        and tok.lemma_.lower() == low
        and low.endswith(("er", "ir", "re"))
        and len(low) > 5
        and low not in ("dernier", "premier", "entier", "plusieurs", "hier")
        and not _before_name(tok)
    )


def _after_negation(t: Any) -> Any:
    """The infinitive right after the verb past a negation and clitics ("n'y être", "ne pas en avoir")."""
    doc = t.doc
    first = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if first is None or first.lower_ not in ("ne", "n'", "n’"):
        return None
    for x in doc[t.i + 2 : min(len(doc), t.i + 6)]:
        if x.lower_ in ("pas", "plus", "jamais", "rien", "y", "en", "se", "s'", "s’", "le", "la", "les", "l'", "l’"):
            continue
        return x if x.pos_ in ("VERB", "AUX") and "Inf" in x.morph.get("VerbForm") else None
    return None


def _before_name(tok: Any) -> bool:
    """ "a déclaré maître Bauer": a word right before a capitalised name is a title, not a verb."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.pos_ in ("PROPN", "NOUN") and nxt.text[:1].isupper()


def _late_infinitive(t: Any) -> Any:
    """ "a assuré au « 20 Heures » de TF1, ce jeudi, être prêt à …": an infinitive clause after the
    verb's complements, opened by a comma (the parser often hangs it elsewhere)."""
    doc = t.doc
    for x in doc[t.i + 1 : min(len(doc), t.i + 20)]:
        if x.lower_ in ("que", "qu'", "qu’") or x.text in (".", ";", "\n") or "Fin" in x.morph.get("VerbForm"):
            return None
        if x.pos_ in ("VERB", "AUX") and "Inf" in x.morph.get("VerbForm") and doc[x.i - 1].text == ",":
            return x
    return None


def _infinitive_on_noun(t: Any) -> Any:
    """ "avait affirmé sur un forum détester la police": a bare infinitive right after a noun of the verb's
    adverbial phrase, which the parser hung on that noun (a French noun takes "à"/"de" before an infinitive,
    never a bare one)."""
    doc = t.doc
    for x in doc[t.i + 1 : min(len(doc), t.i + 12)]:
        if x.is_punct or x.lower_ in ("que", "qu'", "qu’") or "Fin" in x.morph.get("VerbForm"):
            return None
        if x.pos_ != "VERB" or "Inf" not in x.morph.get("VerbForm"):
            continue
        bare = not any(g.dep_ in ("mark", "case") for g in x.children)
        noun = x.head
        if x.dep_ != "acl" or not bare or noun.pos_ not in ("NOUN", "PROPN") or doc[x.i - 1].pos_ == "ADP":
            return None
        while noun.i != t.i and noun.pos_ not in ("VERB", "AUX") and noun.head.i != noun.i:
            noun = noun.head
        return x if noun.i == t.i else None
    return None


def _infinitive(tok: Any) -> bool:
    """ "avoir recueilli", "vouloir": an infinitive clause (possibly with an infinitive auxiliary)."""
    if "Inf" in tok.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in tok.children)


def coordinated_verb(t: Any, start: int, end: int, text: str) -> int:
    """Where a French report stops before a second verb of its speaker: "a déclaré que … et a exprimé des
    inquiétudes", "a affirmé que … et rendu hommage": "et"/"mais" outside quote marks, then the speech verb's
    own auxiliary (or none) and a past participle without a subject of its own."""
    if t.doc.lang_ != "fr":
        return end
    if "Fin" in t.morph.get("VerbForm"):
        return _coordinated_finite(t, start, end, text)
    aux = {c.lower_ for c in t.children if c.dep_.startswith("aux")}
    if "Part" not in t.morph.get("VerbForm") or not aux:
        return end
    doc = t.doc
    for x in doc[t.i + 1 :]:
        if x.idx >= end:
            break
        if x.idx <= start or x.lower_ not in ("et", "mais") or x.i + 2 >= len(doc):
            continue
        seg = text[start : x.idx]
        if seg.count("«") != seg.count("»") or seg.count("“") != seg.count("”") or seg.count('"') % 2:
            continue
        nxt = doc[x.i + 1]
        part = doc[x.i + 2] if nxt.lower_ in aux else nxt
        if (
            part.pos_ == "VERB"
            and "Part" in part.morph.get("VerbForm")
            and "Pass" not in part.morph.get("Voice")
            and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in part.children)
        ):
            return x.idx
    return end


def _coordinated_finite(t: Any, start: int, end: int, text: str) -> int:
    """ "Ses proches confient ne pas le connaître, mais se refusent à …": a report stops before "et"/"mais" and a
    second finite verb of the speaker (same number, no subject of its own, clitics aside)."""
    clitics = ("se", "s'", "s’", "ne", "n'", "n’", "y", "en", "lui", "leur", "le", "la", "les", "l'", "l’")
    doc = t.doc
    for x in doc[t.i + 1 :]:
        if x.idx >= end:
            break
        if x.idx <= start or x.lower_ not in ("et", "mais"):
            continue
        seg = text[start : x.idx]
        if seg.count("«") != seg.count("»") or seg.count("“") != seg.count("”") or seg.count('"') % 2:
            continue
        verb = next((y for y in doc[x.i + 1 : x.i + 4] if y.lower_ not in clitics), None)
        if (
            verb is not None
            and verb.pos_ == "VERB"
            and "Fin" in verb.morph.get("VerbForm")
            and verb.morph.get("Number") == t.morph.get("Number")
            and verb.head.i != verb.i
            and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children)
            and (verb.head.i == t.i or verb.head.head.i == t.i)
        ):
            return len(text[: x.idx].rstrip(" ,"))
    return end
