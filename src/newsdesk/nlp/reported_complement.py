"""Reported speech by a verb and its complement clause: "X a déclaré que …", "X said (that) …", and the
clause before its verb ("Ford will pay …, a Romanian official said"); the speaker is the verb's subject.
Questions, imperatives, data and things as subjects ("the figures suggest that …") report nothing."""

from __future__ import annotations

import re
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_sentences import QUOTE_CHARS, sentence_end, sentence_start
from .quote_subjects import (
    PERSON_ENTS,
    fronted_participle_subject,
    inverted_subject,
    nearer_person,
    passive,
    sentence_subject,
    speaker_phrase,
    speaker_verb,
    subject_of,
)
from .quote_verbs import SUBJECT_DEPS, verb_lemma
from .reported import NON_SPEAKERS, Reported, trim
from .reported_clause import ainsi_que, complement_token, coordinated_verb
from .speaker_groups import speaker_nouns

EMBEDDED_QUESTION = re.compile(r"(?:why|how|what|whether|where|when|who|which)\b", re.IGNORECASE)
"""An English clause opening with one of these after a speech verb is a question it raises ("explains
why …", "describes how …"), not reported content."""


EMBEDDED_QUESTION_FR = re.compile(r"(?:pourquoi|comment|combien|quand|où|quel(?:le)?s?|s['’]ils?)\b", re.IGNORECASE)
"""The French counterpart of EMBEDDED_QUESTION: "a expliqué pourquoi …", "a détaillé comment …"."""


RELATIVE_FR = re.compile(r"(?:où|dont|(?:le|la|les|au|aux|du|des)quel(?:le)?s?)\b", re.IGNORECASE)
"""A French clause opening with a relative word is a relative clause of the noun before it ("…, a affirmé un
policier de l'État de Victoria, où se situe Melbourne"), not what the verb reports."""


ADDRESSEE_VERBS = {"tell", "warn", "remind", "inform", "assure", "reassure", "advise", "caution", "notify", "brief"}
"""English speech verbs whose object is the person spoken to ("…, the minister told reporters")."""


VOICE_OF = re.compile(r"\s*(?:\w+\s+)?par la voix (?:de la |de l['’]|de |du |des |d['’])\s*", re.IGNORECASE)
"""A spokesperson after the verb: "a réagi par la voix de son porte-parole"."""


def _question(text: str, t: Any) -> bool:
    end = sentence_end(text, t.idx)
    return text[max(t.idx, end - 2) : end].strip().endswith("?")


def _wh_clause(t: Any, comp: Any) -> bool:
    """ "explained on his blog why he …": an English clause opened by a wh-word or "whether" between the verb
    and the clause's head is an embedded question, even when the parser put other words before it."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
        return False
    return any(
        t.i < c.i < comp.i and (c.tag_ in ("WRB", "WP", "WDT") or c.lower_ == "whether") for c in comp.children
    )


COLON_QUOTE = re.compile(r"\s*:\s*[«“\"]")
"""A colon opening a quotation, which ends a French reported clause before it (French only: no English
development article has the construction, and a generic English "it is ok to say: "…"" would split in two)."""


def complement(t: Any, lex: QuoteLexicon, text: str) -> Reported | None:
    comp = complement_token(t, lex)
    if comp is None:
        return None
    if subject_of(t) is None and ("Imp" in t.morph.get("Mood") or _fr_imperative(t)):
        return None  # "Rappelons que …": the writer addresses the reader
    non_finite = "Inf" in t.morph.get("VerbForm") or t.tag_ in ("VB", "VBG")
    if comp.tag_ == "VBG" and comp.i > t.i and not any(c.dep_ in ("mark", "aux") for c in comp.children):
        return None  # "said analyst John Smith commenting on the decision"
    purpose = any(c.dep_ == "mark" and c.lower_ == "pour" for c in t.children)  # "a profité pour révéler que"
    if (
        non_finite
        and subject_of(t) is None
        and (t.dep_ == "xcomp" and not purpose or speaker_verb(t) is None)
        and not _adverbial_gerund(t, text)
    ):
        return None  # "il faut rappeler que", "refused to say that": nobody is reported
    if passive(t) or _question(text, t):
        return None
    sent_start = sentence_start(text, t.idx)
    if comp.i > t.i:
        start = comp.left_edge.idx if comp.left_edge.i > t.i else min(x.idx for x in comp.subtree if x.i > t.i)
        mark = [g for g in comp.children if g.dep_ == "mark" and g.i < comp.i]
        if mark:
            start = min(start, mark[0].idx)
        if mark and ainsi_que(mark[0]):
            start = mark[0].idx + len(mark[0]) + 1  # "estime ainsi que …": the report opens on "que"
        elif lex.lang == "fr" and re.match(r"ainsi\s+qu", text[start : start + 10], re.IGNORECASE):
            start += len("ainsi ")  # "estime ainsi que …" with "ainsi que" hung inside the clause
        elif mark and lex.lang == "fr" and QUE.match(mark[0].text) and text[start : mark[0].idx].rstrip().endswith(","):
            start = mark[0].idx  # "a fait savoir, dans une lettre publiée mercredi, qu'elle …": an insertion before it
        if lex.lang == "en" and (EMBEDDED_QUESTION.match(text, start) or _wh_clause(t, comp)):
            return None  # "She explains why the law matters": the topic of a report, not its content
        if lex.lang == "fr" and EMBEDDED_QUESTION_FR.match(text[t.idx + len(t) : start + 12].strip()):
            return None  # "a expliqué pourquoi l'usine devait fermer"
        if lex.lang == "fr" and RELATIVE_FR.match(text, start):
            return None  # "…, a affirmé un policier de l'État de Victoria, où se situe Melbourne"
        if ";" in text[t.idx : start]:
            return None  # "X suggested four challenges; the responses were …": a new clause, not the content
        if _relative_after_object(t, comp, text, start):
            return None  # "a proclamé une région autonome, que la Turquie voit comme …": a relative clause
        if _noun_complement(t, lex, start):
            return None  # "lamented the fact that …": the clause completes the noun, not the verb
        end = sentence_end(text, start)  # reported speech runs to the end of its sentence
        # "the plan, which critics say will cost …, was approved", "Mofaz, who had insisted he would never join
        # the government, was worried": the relative clause ends before its noun's own verb
        relative = any(x.tag_ in ("WDT", "WP") and x.i < comp.i for x in comp.subtree) or t.head.head.i > t.i
        if t.dep_ == "relcl" and comp.head.i == t.i and relative:
            end = min(end, comp.right_edge.idx + len(comp.right_edge))
        if _fronted_subordinate(t, comp):  # "Although the council said the dose is low, researchers found …"
            end = min(end, comp.right_edge.idx + len(comp.right_edge))
        end = coordinated_verb(t, start, end, text)
        fronted = fronted_participle_subject(t, sent_start)
        if fronted is not None and start < fronted.idx < end:  # "Affirmant que …, il a critiqué …"
            end = t.doc[fronted.left_edge.i - 1].idx
        colon = COLON_QUOTE.search(text, start, end) if lex.lang == "fr" else None
        if colon is not None:  # "estime qu'elle est impossible : « … »": the quote after the colon is its own
            end = colon.start()
        if "\n" in text[t.idx : start]:
            return None  # "Nabil wrote:\n\n@nabil: …": a tweet or letter reproduced below, not reported speech
        if (
            lex.lang == "en"
            and ":" in text[t.idx : start]
            and text[start : start + 1].isupper()
            and not any(c in QUOTE_CHARS for c in text[t.idx : end])
        ):
            return None  # "(X said on TV): Our policy is …": a text reproduced after the colon, without marks
    else:
        # "Les négociations avancent, a déclaré X" / "Ford will pay ..., a Romanian official said":
        # the clause comes first, then a comma, then the speaker and the verb.
        if not ("Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBD", "VBZ", "VBP")):
            return None  # "…, having reported record profits": not an incise
        if text[t.idx + len(t) : t.idx + len(t) + 2].lstrip(" ").startswith(":"):
            return None  # "Asking for proof, X tweeted:": the verb introduces what follows its colon
        comma = next((x for x in reversed(list(t.doc[comp.i : t.i])) if x.text == ","), None)
        if comma is None or comma.i < comp.i or _object_after(t):
            return None  # "…, Hollande had promised a new government": the verb has its own object
        subj = speaker_verb(t)
        if subj is not None and subj.i < comma.i:
            return None  # "Le champion, qualifié pour Rio, a annoncé son forfait": not an incise
        start, end = max(sent_start, comp.left_edge.idx), comma.idx
    start = max(start, sent_start)
    start, end = trim(text, start, end)
    subj = _modified_noun(t) or speaker_verb(t)
    if subj is None and comp.i < t.i:
        subj = inverted_subject(t, sentence_end(text, t.idx))
    if subj is None and comp.i > t.i:
        subj = sentence_subject(t) or _name_before(t)
    elif comp.i > t.i and subj.i < t.i and not any(c.dep_ in SUBJECT_DEPS for c in t.children):
        named = _name_before(t)  # "Le ministre a écourté sa visite et Paul Martin a confié que …"
        subj = named if named is not None and named.i > subj.i else subj
    subj = nearer_person(subj, t, lex)
    if (
        lex.lang == "en"
        and subj is not None
        and t.i < subj.i < comp.i
        and subj.dep_ in ("nsubj", "nsubjpass")
        and "," not in text[subj.idx : start]
    ):
        return None  # "…," says Drew Brees You only have …: an inverted attribution closes a quote, it opens nothing
    if (
        lex.lang == "en"
        and subj is not None
        and comp.i > t.i
        and subj.head.i == t.i
        and "," not in text[t.idx : start]
        and _closes_quote(subj, text)
    ):
        return None  # "…,” X announced their baby …": the verb attributes the quote before it
    speaker = None
    if subj is not None and (
        subj.lower_ in NON_SPEAKERS or subj.lower_ in lex.not_source or subj.lemma_.lower() in lex.not_source
    ):
        return None  # "the ACARS data suggests that …": data are not speakers
    if subj is not None and _thing_subject(subj, t, lex):
        return None  # "the festive mood suggests that …": a thing, not a speaker
    if subj is not None and _unowned_data(subj, lex):
        return None  # "These figures say that …": data, whatever their verb
    if subj is not None and subj.lower_ == "on" and verb_lemma(t, lex) in lex.writer_verbs:
        return None  # "On note que …": the writer's remark
    if subj is not None and subj.dep_ == "expl:subj" and verb_lemma(t, lex) in lex.writer_verbs:
        return None  # "Il est à noter que …", impersonal: the writer's remark
    if subj is not None and comp.i > t.i and _impersonal_passive(subj, t):
        return None  # "Il est largement estimé que …", "Il a été annoncé que …": nobody is named
    if subj is not None and not (start <= subj.idx < end):
        speaker = speaker_phrase(subj, sentence_start(text, subj.idx), sentence_end(text, subj.idx))
        if speaker[0] < end and speaker[1] > start:
            speaker = (subj.idx, subj.idx + len(subj))
    voice = VOICE_OF.match(text, t.idx + len(t), start) if comp.i > t.i and t.doc.lang_ == "fr" else None
    if voice is not None:  # "la Russie indique par la voix d'Igor Morozov que …": Morozov speaks
        speaker = trim(text, voice.end(), start)
        span = t.doc.char_span(*speaker, alignment_mode="expand")
        subj = span.root if span is not None else subj
    return Reported(
        start=start,
        end=end,
        verb=t,
        verb_text="make clear" if comp.head.lower_ == "clear" and comp.head.head.i == t.i else None,
        verb_span=(t.idx, t.idx + len(t)),
        speaker=speaker,
        speaker_head=subj if speaker else None,
        how="complement",
    )


GERUND_MARKS = {"while", "after", "before", "by", "upon"}
"""English words that open an adverbial gerund clause whose speaker is the sentence's subject."""


def _adverbial_gerund(t: Any, text: str) -> bool:
    """ "While insisting that …, the mayor left", "He called for calm, while announcing that …": an English
    gerund in an adverbial clause speaks for the subject of its sentence, even where the parser hung it on a
    verb after it."""
    if t.lang_ != "en" or t.tag_ != "VBG":
        return False
    if fronted_participle_subject(t, sentence_start(text, t.idx)) is not None:
        return True
    k = t.i - 1
    while k >= 0 and t.doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and t.doc[k].lower_ in GERUND_MARKS and sentence_subject(t) is not None


def _impersonal_passive(subj: Any, t: Any) -> bool:
    """French "il" with a speech verb's participle and "être", not reflexive ("il est estimé que", "il a été
    annoncé que"; "il s'est dit convaincu que" is somebody)."""
    if t.doc.lang_ != "fr" or subj.lower_ != "il" or subj.head.i != t.i or "Part" not in t.morph.get("VerbForm"):
        return False
    aux = [c for c in t.children if c.dep_.startswith("aux") and c.lemma_.lower() == "être" and c.i < t.i]
    reflexive = any(c.dep_.startswith("expl") and c.lower_ in ("s'", "s’", "se") for c in t.children)
    return bool(aux) and not reflexive


def _thing_subject(subj: Any, t: Any, lex: QuoteLexicon) -> bool:
    """True when an inference verb ("suggest", "indicate") has a common noun for a thing as its subject ("the
    new figures indicate that …"): data (whoever owns them), or no person, body, medium, document ("reports
    suggest") or role noun and no name in or next to its phrase."""
    if subj.pos_ != "NOUN" or verb_lemma(t, lex) not in lex.inference_verbs:
        return False
    nouns = speaker_nouns(lex.lang)
    words = {subj.lower_, subj.lemma_.lower()}
    if words & lex.data_nouns:
        return True  # "A recent Acme study revealed that …": findings, not speech
    if words & (nouns.person | nouns.body | nouns.media | lex.documents - lex.data_nouns) or lex.role_match(subj.text):
        return False
    if lex.role_match(subj.lemma_):  # "The professors indicated that …": a plural role noun
        return False
    near = [*subj.subtree, *subj.doc[max(0, subj.i - 1) : subj.i + 2]]
    if any(x.pos_ == "PROPN" for x in near):
        return False  # "PM Modi had hinted that …"
    return subj.text.islower() or subj.i == subj.sent.start


def _unowned_data(subj: Any, lex: QuoteLexicon) -> bool:
    """An English data noun ("figures", "statistics") with no name in its phrase as the subject of any speech verb:
    data, not a speaker ("the new figures say that …"; "a Pew Research survey says" keeps its owner)."""
    if lex.lang != "en" or subj.pos_ != "NOUN" or not {subj.lower_, subj.lemma_.lower()} & lex.data_nouns:
        return False
    return not any(x.pos_ == "PROPN" for x in subj.subtree)


def _modified_noun(t: Any) -> Any:
    """ "reports stating that …", "a letter from X saying that …": a present participle right after the
    noun phrase it modifies has that noun (a document, people) as its speaker, not the clause's subject."""
    noun = t.head
    if t.dep_ != "acl" or noun.i >= t.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = {x.i for x in noun.subtree}
    if any(i not in phrase for i in range(noun.i, t.i)):
        return None
    if t.tag_ != "VBG" and not ("Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")):
        return None
    if t.doc.lang_ == "fr" and t.doc[t.i - 1].text == ",":
        return None  # "X a rendu hommage après sa rencontre avec Y, confiant que …": detached, X's participle
    if t.doc.lang_ == "fr" and t.doc[t.i - 1].lower_ == "en":
        return None  # "s'est excusé dans un communiqué en expliquant que …": a gerund, the subject's
    return t.head


def _fr_imperative(t: Any) -> bool:
    """ "Rappelons que …", "Notez que …": a sentence-initial French verb in -ons/-ez (the tagger often
    misses the imperative)."""
    first = t.i == t.sent.start or t.doc[t.i - 1].is_punct or t.doc[t.i - 1].is_space
    return t.doc.lang_ == "fr" and first and t.lower_.endswith(("ons", "ez"))


QUE = re.compile(r"qu(?:e\b|['’])", re.IGNORECASE)


def _relative_after_object(t: Any, comp: Any, text: str, start: int) -> bool:
    """French "que" after a comma, when the speech verb already has a thing as its direct object before it:
    the object's relative clause ("a proclamé une région, que la Turquie voit comme …"), not what was said."""
    if t.doc.lang_ != "fr" or not re.search(r",\s*$", text[t.idx : start]) or not QUE.match(text, start):
        return False
    return any(
        c.dep_ == "obj" and t.i < c.i < comp.i and c.pos_ == "NOUN" and c.ent_type_ not in PERSON_ENTS
        and c.lower_ not in speaker_nouns("fr").person
        for c in t.children
    )


SUBORDINATORS_EN = {"although", "though", "while", "whereas", "because", "since", "if", "when", "after", "before", "as"}


def _fronted_subordinate(t: Any, comp: Any) -> bool:
    """An English speech verb in a subordinate clause before its main clause ("Although X said …, Y found …"): the
    report ends with the subordinate clause."""
    if t.lang_ != "en" or t.dep_ != "advcl" or t.head.i < t.i or comp.head.i != t.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS_EN and c.i < t.i for c in t.children):
        return False
    after = comp.right_edge.i + 1
    return after < len(t.doc) and t.doc[after].text == "," and after < t.head.i


def _closes_quote(subj: Any, text: str) -> bool:
    """The subject's phrase comes right after a quotation of a sentence or more (six words at least, not a title)
    closed by a comma and a closing mark ("“…,” X said")."""
    before = text[: subj.left_edge.idx].rstrip()
    if before[-1:] not in "”\"’'" or before[-2:-1] != ",":
        return False
    opening = max(before.rfind(c, 0, len(before) - 1) for c in "“\"‘'")
    return opening >= 0 and len(re.findall(r"\w+", before[opening:])) >= 6


def _noun_complement(t: Any, lex: QuoteLexicon, start: int) -> bool:
    """ "lamented the fact that …", "welcomed the news that …": an English "that" clause right after the verb's
    object, a noun of fact or idea (lexicon "fact_noun") with its determiner, completes that noun ("stated the
    principle that …" and "denied the reports that …" leave it the verb's)."""
    if lex.lang != "en":
        return False
    doc = t.doc
    that = next((x for x in doc[t.i + 1 :] if x.idx >= start), None)
    if that is None or that.lower_ != "that" or that.i < 2:
        return False
    noun = doc[that.i - 1]
    if noun.pos_ != "NOUN" or noun.head.i != t.i or noun.dep_ not in ("dobj", "obj"):
        return False
    if not any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    return bool({noun.lower_, noun.lemma_.lower()} & lex.fact_nouns)


def _object_after(t: Any) -> bool:
    """ "…, X had promised a new government", "…, the inhabitant says 'Não há …'": a speech verb with a direct
    object after it (a noun, or words in quote marks) does not report the clause before its comma."""
    if t.doc.lang_ != "en" or t.lemma_.lower() in ADDRESSEE_VERBS:
        return False  # a French inverted subject is often parsed as the object ("…, a déclaré le maire")
    return any(
        c.dep_ in ("obj", "dobj") and c.i > t.i and (c.pos_ in ("NOUN", "PROPN") or c.text in QUOTE_CHARS)
        for c in t.children
    ) or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in QUOTE_CHARS)


def _name_before(t: Any) -> Any:
    """ "…, al-Joulani a annoncé que …": a French name right before the verb (its auxiliary aside) that the
    parser hung elsewhere is its subject."""
    doc = t.doc
    k = t.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    if doc.lang_ != "fr" or k < 0 or doc[k].pos_ != "PROPN":
        return None
    name = doc[k]
    while name.dep_.startswith("flat") and name.head.i < name.i and name.head.pos_ == "PROPN":
        name = name.head  # "François Hollande": the name's head, so that its phrase holds the first name
    return name
