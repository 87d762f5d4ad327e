"""Reported speech: "X a déclaré que …", "X said (that) …", "… , a déclaré X", "selon X, …", "according to X".

Works on the dependency parse: a speech verb (lexicon, use "both") with a clausal complement gives the
reported content (the complement's subtree, from "que"/"that") and the speaker (its subject); a speech
verb in an inverted incise after a clause reports that clause. Introducers ("selon", "d'après",
"according to") are matched in the text, their noun phrase is the speaker and the rest of the clause
the content. Negated verbs ("n'a pas dit que", "did not say") report nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_sentences import ABBREV, QUOTE_CHARS, doc_text, sentence_end, sentence_start
from .quote_subjects import (
    PERSON_ENTS,
    PLACE_ENTS,
    inverted_subject,
    nearer_person,
    passive,
    phrase_span,
    sentence_subject,
    speaker_phrase,
    speaker_verb,
    subject_of,
)
from .quote_verbs import is_negated, speech_verb, verb_lemma
from .speaker_groups import speaker_nouns

MIN_WORDS = 3
EMBEDDED_QUESTION = re.compile(r"(?:why|how|what|whether|where|when|who|which)\b", re.IGNORECASE)
"""An English clause opening with one of these after a speech verb is a question it raises ("explains
why …", "describes how …"), not reported content."""
SUBORDINATORS = {
    "avant", "après", "pour", "sans", "bien", "alors", "parce", "tandis", "dès", "afin", "pendant", "depuis",
    "lors", "malgré", "so", "such", "now", "except", "given", "provided", "even", "order",
}
"""A "que"/"that" after one of these opens a subordinate clause ("avant qu'il", "so that"), not a report."""
CLAIM_VERBS = {"claim", "profess"}
"""English verbs whose infinitive is what the subject says ("claims to have seen …"); "promised to" is not."""
EMBEDDED_QUESTION_FR = re.compile(r"(?:pourquoi|comment|combien|quand|où|quel(?:le)?s?|s['’]ils?)\b", re.IGNORECASE)
"""The French counterpart of EMBEDDED_QUESTION: "a expliqué pourquoi …", "a détaillé comment …"."""
CONTINUING = {"poursuivre", "continuer", "enchaîner", "continue"}
"""Verbs that only attribute quotes, but that also mark an incise inside a reported sentence ("Par
conséquent, a-t-il poursuivi, les communes devront …")."""
ADDRESSEE_VERBS = {"tell", "warn", "remind", "inform", "assure", "reassure", "advise", "caution", "notify", "brief"}
"""English speech verbs whose object is the person spoken to ("…, the minister told reporters")."""
CONJUNCTIONS = {"et", "mais", "puis", "ou", "and", "but", "then", "or", "que", "qu'", "qu’", "that"}
"""A report introducer right after one of these introduces what follows ("…, puis, selon X, …", "a dit
que, selon lui, « … »")."""


@dataclass(slots=True, kw_only=True)
class Reported:
    """One piece of reported speech."""

    start: int
    end: int
    verb: Any = None  # spaCy token, or None for an introducer
    verb_text: str | None = None  # lemma of the verb, or the introducer ("selon")
    verb_span: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: Any = None
    how: str = "complement"  # "complement", "incise", "introducer"


def _incise_report(t: Any, start: int, end: int, speaker: tuple[int, int] | None, subj: Any) -> Reported:
    """Speech reported by verb `t` in an incise ("…, a déclaré X" or "…, he says, …")."""
    return Reported(
        start=start, end=end, verb=t, verb_span=(t.idx, t.idx + len(t)), speaker=speaker, speaker_head=subj,
        how="incise",
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in ",;:.—–-" + '»”"' and _unbalanced(text, start, end)
    ):
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def _unbalanced(text: str, start: int, end: int) -> bool:
    """True when the last char of text[start:end] is a closing mark without its opening mark inside."""
    seg = text[start:end]
    last = seg[-1:]
    if last == "»":
        return seg.count("«") < seg.count("»")
    if last == "”":
        return seg.count("“") < seg.count("”")
    if last == '"':
        return seg.count('"') % 2 == 1
    return False


def _inside(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def find_reported(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    """Every piece of reported speech in a parsed text; `quoted` are the direct-quote ranges."""
    text = doc_text(doc)
    found: list[Reported] = []
    for t in doc:
        if _inside(t.idx, quoted) or is_negated(t, lex):
            continue
        if lex.verbs.get(t.lemma_.lower()) == "source":
            rep = _incise(t, lex, text, need_source=True)
        elif speech_verb(t, lex, indirect=True):
            rep = (
                _fr_parenthetical(t, text)
                or _complement(t, lex, text)
                or _incise(t, lex, text)
                or _parenthetical(t, text)
                or _as_said(t, text)
            )
        elif t.lemma_.lower() in CONTINUING and t.pos_ == "VERB":
            rep = _fr_parenthetical(t, text) or _parenthetical(t, text)  # "Par conséquent, a-t-il poursuivi, …"
        else:
            continue
        if rep is not None:
            found.append(rep)
    found.extend(r for r in _introducers(doc, lex, quoted) if not _tally(doc, r, lex))
    found.extend(_opinions(doc, lex, quoted))
    for r in found:  # "X a indiqué que …, a-t-on appris auprès de Y": the complement stops before the incise
        for o in found:
            if o.how == "incise" and o is not r and o.verb_span and r.start < o.verb_span[0] < r.end:
                comma = text.rfind(",", r.start, o.verb_span[0])
                if comma > r.start:
                    r.start, r.end = _trim(text, r.start, comma)
    for r in found:
        if r.verb is not None and r.verb_span is not None and r.verb_span[0] >= r.end:
            r.start = _spoken_lead(text, r.start, [o for o in found if o is not r])
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Reported] = []
    for r in found:
        whole_quote = any(s == r.start and e == r.end for s, e in quoted)  # "selon lui « trop loin »"
        if r.end - r.start <= 0 or len(re.findall(r"\w+", text[r.start : r.end])) < MIN_WORDS and not whole_quote:
            continue
        if not whole_quote and not _has_verb(doc, r.start, r.end, text):
            continue  # "a rapporté 160 millions à Niantic Labs depuis …", "According to the market: 4.3 billion"
        outer = next((k for k in kept if k.start <= r.start and r.end <= k.end), None)
        if outer is not None and _innermost(outer, r, text):
            kept[kept.index(outer)] = r  # "The Times reported that a source said …": only the source speaks
            continue
        cut = _coordinated_report(outer, r, text) if outer is not None else -1
        if outer is not None and cut > outer.start:
            outer.start, outer.end = _trim(text, outer.start, cut)  # "… et les syndicats ont demandé que …"
        elif outer is not None:
            continue  # nested report ("X said that Y said that ...") is part of the outer one
        kept.append(r)
    return kept


FIRST_PERSON = re.compile(
    r"(?<![\w'’])(?:(?i:je|j['’]|nous|moi|mon|ma|mes|notre|nos|we|our|ours|my)|I|us)(?![\w'’])"
)
"""Words of a speaker talking about themselves: news narration does not use them outside quotations."""


def _spoken_lead(text: str, start: int, others: Sequence[Reported]) -> int:
    """Where speech closed by an attribution after it ("…, explique le maire.") starts: earlier sentences of
    its paragraph belong to it when each speaks in the first person without quote marks ("Nous avons
    tout essayé. Il faut maintenant attendre, explique le maire.")."""
    para = text.rfind("\n", 0, start) + 1
    while start > para:
        prev = sentence_start(text, start - 1)
        while prev > para and not text[prev:start].strip():
            prev = sentence_start(text, prev - 1)
        seg = text[max(prev, para) : start]
        if any(c in QUOTE_CHARS for c in seg) or not FIRST_PERSON.search(seg):
            break
        if any(o.start < start and o.end > prev for o in others):
            break
        start = _trim(text, max(prev, para), start)[0]
    return start


def _has_verb(doc: Any, start: int, end: int, text: str) -> bool:
    """True when text[start:end] holds a verb or an auxiliary, or quote marks: reported speech is a clause (or
    quotes words); a noun phrase left over by a misparse ("Labs depuis son lancement") is not."""
    if any(c in QUOTE_CHARS for c in text[start:end]):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.pos_ == "ADJ":
        return True  # "s'est dite favorable à une hausse": an attribute reports a stance
    return any(t.pos_ in ("VERB", "AUX") for t in span)


OPINION = re.compile(r"(?:^|(?<=[.!?»\n]))\s*(?:(?:Mais|Et|Or)\s*,?\s*)?(Pour)\s+([^,;:.!?«»\"“”\n]{2,80}?)\s*,\s*")


def _opinions(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    """ "Pour le maire, la route ne sera pas prête avant l'hiver": a French sentence opened by "Pour" and a
    person (a name, a role or a body) gives that person's view, reported without a verb. "Pour la
    première fois", "Pour cela" and the like open no view: their noun cannot speak."""
    if lex.lang != "fr":
        return []
    text = doc_text(doc)
    out: list[Reported] = []
    for m in OPINION.finditer(text):
        if _inside(m.start(2), quoted):
            continue
        holder = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if holder is None or not _opinion_holder(holder, lex):
            continue
        start, end = _trim(text, m.end(), sentence_end(text, m.end()))
        if any(c in QUOTE_CHARS for c in text[start:end]):
            continue  # "Pour lui, « … »": a direct quote, attributed with the quote marks
        if any(t.pos_ in ("VERB", "AUX") and speech_verb(t, lex) for t in doc.char_span(start, end, "expand") or []):
            continue  # "Pour lui, le ministre a déclaré que …": the verb's own subject speaks
        out.append(
            Reported(
                start=start, end=end, verb_text="", verb_span=(m.start(1), m.end(1)),
                speaker=(m.start(2), m.end(2)), speaker_head=holder.root, how="introducer",
            )
        )
    return out


def _opinion_holder(holder: Any, lex: QuoteLexicon) -> bool:
    """A name of a person, or a role or body noun ("le maire", "le gouvernement"). A pronoun ("Pour lui, son rêve
    serait de …") too often opens a wish or a plan rather than a view."""
    if len(holder) > 8:
        return False
    if holder[-1].ent_type_ in PERSON_ENTS and len(holder) <= 5:
        return True
    head = holder.root
    if head.pos_ != "NOUN" or head.ent_type_ in PLACE_ENTS or _not_a_source(holder.text, lex):
        return False
    nouns = speaker_nouns(lex.lang)
    return bool(lex.role_match(head.text)) or head.lemma_.lower() in lex.org_nouns or head.lower_ in nouns.body


def _tally(doc: Any, r: Reported, lex: QuoteLexicon) -> bool:
    """ "On dénombrait 1 306 852 votants, selon les organisateurs": a count given by a source is data, not
    reported speech; its clause is ruled by a counting verb and holds a number."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None or not any(t.like_num for t in span):
        return False
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lex.count_verbs for t in span)


def _coordinated_report(outer: Reported, inner: Reported, text: str) -> int:
    """Offset of the "et"/"mais"/"and"/"but" that opens a second report inside `outer`'s content ("X estimait que
    … et les syndicats avaient demandé que …", "X highlighted that … and it revealed that …"), or -1: the
    second speaker is not reported by the first."""
    if inner.verb is None or inner.how != "complement" or inner.speaker is None:
        return -1
    if not outer.start < inner.speaker[0] < inner.verb_span[0] < inner.start:
        return -1
    head = text[outer.start : inner.speaker[0]]
    m = re.search(r"[\s,](et|mais|and|but)\s+$", head)
    if m is None or head.count("«") != head.count("»"):
        return -1
    return outer.start + m.start(1)


def _innermost(outer: Reported, inner: Reported, text: str) -> bool:
    """ "The Times reported that someone familiar with the matter said …": an English report whose content
    opens with another speaker's speech verb is that speaker's report, not the outer one's."""
    if outer.verb is None or outer.verb.doc.lang_ != "en" or inner.how != "complement" or inner.verb_span is None:
        return False
    if inner.speaker is None or outer.start > inner.speaker[0]:
        return False
    lead = text[outer.start : inner.speaker[0]].strip().lower()
    return lead in ("", "that") and inner.speaker[1] <= inner.verb_span[0]


VOICE_OF = re.compile(r"\s*(?:\w+\s+)?par la voix (?:de la |de l['’]|de |du |des |d['’])\s*", re.IGNORECASE)
"""A spokesperson after the verb: "a réagi par la voix de son porte-parole"."""
NON_SPEAKERS = {"ce", "cela", "ça", "ceci", "this", "which", "what", "there"}
AUTHOR = re.compile(r"\b(?:by|from|of)\s+(?:the\s+)?[A-Z]")
"""Data given with their author ("figures released by NPD Group") speak for that author."""


def _question(text: str, t: Any) -> bool:
    end = sentence_end(text, t.idx)
    return text[max(t.idx, end - 2) : end].strip().endswith("?")


def _complement_token(t: Any, lex: QuoteLexicon) -> Any:
    """The head of the reported clause: a "que"/"that" clause, a bare clause, or (French) an infinitive."""
    clear = next((c for c in t.children if c.lower_ == "clear" and c.i > t.i), None)
    if clear is not None:  # "made it clear that …": the clause hangs on "clear"
        return next((c for c in clear.children if c.dep_ in ("ccomp", "advcl") and c.i > clear.i), None)
    if lex.lang == "en" and t.lemma_.lower() in CLAIM_VERBS:
        inf = [c for c in t.children if c.dep_ == "xcomp" and c.i > t.i and any(a.lower_ == "to" for a in c.children)]
        if inf:
            return inf[0]  # "claims to have seen the plane"
    after = [c for c in t.children if c.dep_ == "ccomp" and c.i > t.i]
    marked = [
        c for c in after if any(g.dep_ == "mark" and g.lower_ in ("that", "que", "qu'", "qu’") for g in c.children)
    ]
    if marked:
        return marked[0]
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
        late = _late_infinitive(t)
        if late is not None:
            return late
    bare = [c for c in t.children if c.dep_ == "xcomp" and c.i > t.i and c.tag_ in ("VB", "VBP")]
    if lex.lang == "en" and t.dep_ == "relcl" and bare and not any(g.dep_ == "aux" for g in bare[0].children):
        return bare[0]  # "cuts which the Republicans insisted reach parity": a bare subjunctive clause
    # a "que"/"that" clause the parser hung elsewhere ("announced on Friday that ...")
    doc = t.doc
    for x in doc[t.i + 1 : min(len(doc), t.i + 16)]:
        if x.pos_ in ("VERB",) and x.dep_ not in ("xcomp",) and x.lower_ not in ("that", "que"):
            break
        if x.lower_ in ("that", "que", "qu'", "qu’") and doc[x.i - 1].lower_ in SUBORDINATORS:
            break  # "a confié X avant qu'il ne se radicalise": a subordinate clause, not what was said
        loose = lex.lang == "fr" and x.head.pos_ == "VERB"  # "qu'" mistagged as a relative pronoun
        if x.lower_ in ("that", "que", "qu'", "qu’") and x.head.i > x.i and (x.dep_ == "mark" or loose):
            return x.head
    before = [c for c in t.children if c.dep_ == "ccomp" and c.i < t.i]
    return before[0] if before else None


def _wh_clause(t: Any, comp: Any) -> bool:
    """ "explained on his blog why he …": an English clause opened by a wh-word or "whether" between the verb
    and the clause's head is an embedded question, even when the parser put other words before it."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
        return False
    return any(
        t.i < c.i < comp.i and (c.tag_ in ("WRB", "WP", "WDT") or c.lower_ == "whether") for c in comp.children
    )


def _complement(t: Any, lex: QuoteLexicon, text: str) -> Reported | None:
    comp = _complement_token(t, lex)
    if comp is None:
        return None
    if subject_of(t) is None and ("Imp" in t.morph.get("Mood") or _fr_imperative(t)):
        return None  # "Rappelons que …": the writer addresses the reader
    non_finite = "Inf" in t.morph.get("VerbForm") or t.tag_ in ("VB", "VBG")
    if comp.tag_ == "VBG" and comp.i > t.i and not any(c.dep_ in ("mark", "aux") for c in comp.children):
        return None  # "said analyst John Smith commenting on the decision"
    purpose = any(c.dep_ == "mark" and c.lower_ == "pour" for c in t.children)  # "a profité pour révéler que"
    if non_finite and subject_of(t) is None and (t.dep_ == "xcomp" and not purpose or speaker_verb(t) is None):
        return None  # "il faut rappeler que", "refused to say that": nobody is reported
    if passive(t) or _question(text, t):
        return None
    sent_start = sentence_start(text, t.idx)
    if comp.i > t.i:
        start = comp.left_edge.idx if comp.left_edge.i > t.i else min(x.idx for x in comp.subtree if x.i > t.i)
        mark = [g for g in comp.children if g.dep_ == "mark" and g.i < comp.i]
        if mark:
            start = min(start, mark[0].idx)
        if lex.lang == "en" and (EMBEDDED_QUESTION.match(text, start) or _wh_clause(t, comp)):
            return None  # "She explains why the law matters": the topic of a report, not its content
        if lex.lang == "fr" and EMBEDDED_QUESTION_FR.match(text[t.idx + len(t) : start + 12].strip()):
            return None  # "a expliqué pourquoi l'usine devait fermer"
        if ";" in text[t.idx : start]:
            return None  # "X suggested four challenges; the responses were …": a new clause, not the content
        end = sentence_end(text, start)  # reported speech runs to the end of its sentence
        # "the plan, which critics say will cost …, was approved", "Mofaz, who had insisted he would never join
        # the government, was worried": the relative clause ends before its noun's own verb
        relative = any(x.tag_ in ("WDT", "WP") and x.i < comp.i for x in comp.subtree) or t.head.head.i > t.i
        if t.dep_ == "relcl" and comp.head.i == t.i and relative:
            end = min(end, comp.right_edge.idx + len(comp.right_edge))
        end = _coordinated_verb(t, start, end, text)
        if "\n" in text[t.idx : start]:
            return None  # "Nabil wrote:\n\n@nabil: …": a tweet or letter reproduced below, not reported speech
    else:
        # "Les négociations avancent, a déclaré X" / "Ford will pay ..., a Romanian official said":
        # the clause comes first, then a comma, then the speaker and the verb.
        if not ("Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBD", "VBZ", "VBP")):
            return None  # "…, having reported record profits": not an incise
        comma = next((x for x in reversed(list(t.doc[comp.i : t.i])) if x.text == ","), None)
        if comma is None or comma.i < comp.i or _object_after(t):
            return None  # "…, Hollande had promised a new government": the verb has its own object
        subj = speaker_verb(t)
        if subj is not None and subj.i < comma.i:
            return None  # "Le champion, qualifié pour Rio, a annoncé son forfait": not an incise
        start, end = max(sent_start, comp.left_edge.idx), comma.idx
    start = max(start, sent_start)
    start, end = _trim(text, start, end)
    subj = _modified_noun(t) or speaker_verb(t)
    if subj is None and comp.i < t.i:
        subj = inverted_subject(t, sentence_end(text, t.idx))
    if subj is None and comp.i > t.i:
        subj = sentence_subject(t) or _name_before(t)
    subj = nearer_person(subj, t, lex)
    speaker = None
    if subj is not None and (
        subj.lower_ in NON_SPEAKERS or subj.lower_ in lex.not_source or subj.lemma_.lower() in lex.not_source
    ):
        return None  # "the ACARS data suggests that …": data are not speakers
    if subj is not None and _thing_subject(subj, t, lex):
        return None  # "the festive mood suggests that …": a thing, not a speaker
    if subj is not None and subj.lower_ == "on" and verb_lemma(t, lex) in lex.writer_verbs:
        return None  # "On note que …": the writer's remark
    if subj is not None and subj.dep_ == "expl:subj" and verb_lemma(t, lex) in lex.writer_verbs:
        return None  # "Il est à noter que …", impersonal: the writer's remark
    if subj is not None and not (start <= subj.idx < end):
        speaker = speaker_phrase(subj, sentence_start(text, subj.idx), sentence_end(text, subj.idx))
        if speaker[0] < end and speaker[1] > start:
            speaker = (subj.idx, subj.idx + len(subj))
    voice = VOICE_OF.match(text, t.idx + len(t), start) if comp.i > t.i and t.doc.lang_ == "fr" else None
    if voice is not None:  # "la Russie indique par la voix d'Igor Morozov que …": Morozov speaks
        speaker = _trim(text, voice.end(), start)
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
    near = [*subj.subtree, *subj.doc[max(0, subj.i - 1) : subj.i + 2]]
    if any(x.pos_ == "PROPN" for x in near):
        return False  # "PM Modi had hinted that …"
    return subj.text.islower() or subj.i == subj.sent.start


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
    return t.head


def _fr_imperative(t: Any) -> bool:
    """ "Rappelons que …", "Notez que …": a sentence-initial French verb in -ons/-ez (the tagger often
    misses the imperative)."""
    first = t.i == t.sent.start or t.doc[t.i - 1].is_punct or t.doc[t.i - 1].is_space
    return t.doc.lang_ == "fr" and first and t.lower_.endswith(("ons", "ez"))


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


def _infinitive(tok: Any) -> bool:
    """ "avoir recueilli", "vouloir": an infinitive clause (possibly with an infinitive auxiliary)."""
    if "Inf" in tok.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in tok.children)


CLITICS = ("-t", "-il", "-elle", "-on", "-ils", "-elles")


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


def _coordinated_verb(t: Any, start: int, end: int, text: str) -> int:
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
        if x.idx < lo or not ("Fin" in x.morph.get("VerbForm") and x.pos_ in ("VERB", "AUX")):
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
        or word in nouns.body
        or word in nouns.person
        or word in lex.org_nouns
        or word in lex.source_nouns
        or lex.role_match(word) is not None
    )


def _incise(t: Any, lex: QuoteLexicon, text: str, *, need_source: bool = False) -> Reported | None:
    """ "Les négociations avancent, a déclaré X." / "…, a-t-on appris auprès de la préfecture"."""
    if not (t.dep_ in ("parataxis", "advcl") and t.head.i < t.i or t.dep_ == "ROOT" or _misparsed_incise(t, text)):
        return None
    if _gerund(t):
        return None  # "Chrysler has asked for aid, saying that …": the participle reports what follows it
    if _bare_participle(t):
        return None  # "La nouvelle série, dite série Europa, …": a participle naming, not an incise
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
    if k < 0:
        return None
    if doc[k].text != ",":
        # "… lors d'une compétition a révélé le Comité": an inversion without the comma
        if t.dep_ != "advcl" or k == t.i - 1 or inverted_subject(t, sentence_end(text, t.idx)) is None:
            return None
        k += 1
    comma = doc[k]
    sent_start = sentence_start(text, comma.idx)
    start = max(sent_start, t.head.left_edge.idx) if t.dep_ == "parataxis" else sent_start
    start, end = _trim(text, start, comma.idx)
    source = _source_phrase(t, lex, text)
    if need_source and source is None:
        return None
    subj = None if misread else subject_of(t)
    after = [x for x in doc[t.i + 1 : t.i + 4]]
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
    return _incise_report(t, start, end, speaker, subj)


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
    return doc[k]


def _as_said(t: Any, text: str) -> Reported | None:
    """ "Comme l'a rappelé le ministre, la loi sera votée en mai": a French "comme le/l'" incise opening the
    sentence reports the clause after its comma; the speaker is the subject after the verb."""
    doc = t.doc
    if doc.lang_ == "en":
        return _as_said_en(t, text)
    k = t.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    if doc.lang_ != "fr" or k < 1 or doc[k].lower_ not in ("le", "l'", "l’") or doc[k - 1].lower_ != "comme":
        return None
    lead = text[sentence_start(text, t.idx) : doc[k - 1].idx].strip()
    if lead and not lead.endswith(","):
        return None  # "comme le dit X" inside a clause compares rather than reports
    comma = next((x for x in doc[t.i + 1 : t.i + 12] if x.text in (",", ".", ";", ":")), None)
    if comma is None or comma.text != "," or comma.i == t.i + 1:
        return None
    speaker = _trim(text, t.idx + len(t), comma.idx)
    span = doc.char_span(*speaker, alignment_mode="expand")
    start, end = _trim(text, comma.idx + 1, sentence_end(text, comma.idx + 1))
    return _incise_report(t, start, end, speaker, span.root if span is not None else None)


def _as_said_en(t: Any, text: str) -> Reported | None:
    """ "As the bank noted last week, inflation has fallen", "Manto, as Hina says, was a visionary", "…, and as
    an economist noted, debt amounts to 45%", "Inflation has fallen, as the bank noted": an English "as" clause
    with a speech verb and no object reports the clause after it when it opens the sentence (or follows a
    conjunction), the whole sentence when it sits inside it, the clause before it when it closes it. "…, as X
    had stated" (past perfect) sets a claim against the facts and reports nothing."""
    doc = t.doc
    mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < t.i), None)
    subj = subject_of(t)
    if mark is None and subj is None:  # "as a prominent economist noted" parsed as a preposition and its object
        mark = next((x for x in reversed(doc[max(0, t.i - 9) : t.i]) if x.lower_ == "as" and x.dep_ == "prep"), None)
        between = doc[mark.i + 1 : t.i] if mark is not None else []
        if mark is None or any(x.pos_ in ("VERB", "PUNCT") for x in between):
            return None
        subj = next((c for c in mark.children if c.dep_ == "pobj"), None)
    if mark is None or any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") and c.i > t.i for c in t.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
        return None
    if subj is None:
        agent = next((c for c in t.children if c.dep_ == "agent"), None)  # "as reported by the BBC"
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or subj.i < mark.i or subj.lower_ in NON_SPEAKERS:
        return None
    right = max(x.i for x in t.subtree if x.i == t.i or not x.is_punct)
    s_start, s_end = sentence_start(text, mark.idx), sentence_end(text, mark.idx)
    after = doc[right + 1] if right + 1 < len(doc) else None
    before = text[s_start : mark.idx]
    opening = not before.strip() or re.search(r"(?:^|,)\s*(?:and|but|so|yet)\s*$", before)
    if after is not None and after.text == "," and opening:
        rest = text[after.idx + 1 : s_end]
        cut = re.search(r",\s*(?:which|who)\b", rest)
        start, end = _trim(text, after.idx + 1, after.idx + 1 + (cut.start() if cut else len(rest)))
    elif after is not None and after.text == "," and before.rstrip().endswith(","):
        start, end = _trim(text, s_start, s_end)  # "Manto, as Hina says, was a visionary"
    elif before.rstrip().endswith(",") and (after is None or after.text in ".!;"):
        start, end = _trim(text, s_start, len(before.rstrip()) + s_start - 1)
    else:
        return None
    if end <= start:
        return None
    speaker = phrase_span(subj, doc[mark.i + 1].idx, t.idx)
    return _incise_report(t, start, end, speaker, subj)


def _fr_parenthetical(t: Any, text: str) -> Reported | None:
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
    start, end = _trim(text, doc[j].idx + 1 if linking else sent_start, s_end)
    if end <= start:
        return None
    subj = next((x for x in doc[k + 1 : j] if x.lower_ in CLITICS and x.lower_ != "-t"), None)
    speaker = (subj.idx + 1, subj.idx + len(subj)) if subj is not None else None
    return _incise_report(t, start, end, speaker, subj)


def _parenthetical(t: Any, text: str) -> Reported | None:
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
    start, end = _trim(text, lo, sentence_end(text, t.idx))
    if end <= start:
        return None
    speaker = phrase_span(subj, doc[left - 1].idx + 1, t.idx)
    return _incise_report(t, start, end, speaker, subj)


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
    start, end = _trim(text, first.idx, sentence_end(text, t.idx))
    if end <= start or not any(x.pos_ in ("VERB", "AUX") for x in doc[right + 2 :] if x.idx < end):
        return None
    return _incise_report(t, start, end, phrase_span(subj, t.idx + len(t), doc[right + 1].idx), subj)


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


def _not_a_source(phrase: str, lex: QuoteLexicon) -> bool:
    """True for "le plan", "le plus récent bilan", "the ACARS data", a legal article ("l'article 50"), data
    without a named author ("the study")."""
    words = [re.sub(r"^[dl][’']", "", w) for w in re.findall(r"[\w'’-]+", phrase.lower())]
    if re.match(r"(?:[dl][’'])?articles?\s+\d", phrase.strip().lower()):
        return True
    if any(w in lex.data_nouns for w in words[:4]) and not AUTHOR.search(phrase):
        return True  # "according to the study", but not "figures released by NPD Group"
    return bool(words) and any(w in lex.not_source for w in words[:4])


def _titled_name(tail: str, lex: QuoteLexicon) -> int:
    """Length of ", le général SB Moyo" (a comma, a role and a capitalised name closing the clause) at the
    start of `tail`, or 0."""
    m = re.match(r",\s*(?:(?:le|la|l['’]|the)\s*)?", tail, re.IGNORECASE)
    role = lex.role_re.match(tail, m.end()) if m and lex.role_re else None
    if role is None:
        return 0
    name = re.match(r"\s+((?:[A-ZÀ-Ý][\w'’-]*\.?\s*){1,4})(?=[,.;]|$)", tail[role.end() :])
    return role.end() + name.start(1) + len(name.group(1).rstrip().rstrip(".")) if name else 0


def _source_segment(rest: str) -> str:
    """The introducer's noun phrase: `rest` up to a comma, colon, line break or full stop, the full stop of
    an abbreviation or an initial before a name excepted ("according to police Lt. John M. Lieb")."""
    for stop in re.finditer(r"[,;:\n]|\.(?=\s|$)", rest):
        abbreviation = ABBREV.search(rest[: stop.start()]) and re.match(r"\s+[A-ZÀ-Ý]", rest[stop.end() :])
        if stop.group(0) != "." or not abbreviation:
            return rest[: stop.start()]
    return rest


def _verb_that(doc: Any, at: int, seg: str, lex: QuoteLexicon) -> tuple[int, int] | None:
    """ "according to analyst X believes that …": (start of the verb, start of "that") when the English
    introducer's noun phrase runs into a finite verb with a that-clause."""
    if lex.lang != "en":
        return None
    m = re.search(r"\s(\w+)\s+that\s", seg)
    span = doc.char_span(at + m.start(1), at + m.end(1)) if m else None
    if span is None or span[0].pos_ not in ("VERB", "AUX") or span[0].tag_ not in ("VBZ", "VBD", "VBP"):
        return None
    return at + m.start(1), at + m.end() - len("that ")


def _french_content_after(
    text: str, doc: Any, sp_start: int, content_from: int, s_end: int
) -> tuple[int, int, int | None] | None:
    """What a French "selon X" inside a sentence introduces after it: a "que" clause ("…, toujours selon la
    CFL, que « … »") or a quotation right after a pronoun or a name ("des règles qui vont selon lui « trop
    loin »"); (start, end, end of the speaker when it is shorter than its segment)."""
    if doc.lang_ != "fr":
        return None
    m = re.match(r"\s*,?\s*(?=qu(?:e\b|['’]))", text[content_from:s_end], re.IGNORECASE)
    if m is not None:
        return (*_trim(text, content_from + m.end(), s_end), None)
    named = re.match(r"(?:\w+|[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*)(?=\s*«)", text[sp_start:s_end])
    if named is None:
        return None
    opened = text.index("«", sp_start + named.end())
    close = text.find("»", opened, s_end + 1)
    return (opened, close + 1, sp_start + named.end()) if close != -1 else None


def _clause_goes_on(doc: Any, text: str, lead: tuple[int, int], content_from: int, s_end: int) -> bool:
    """ "Le suspect aurait, selon la police, pris la fuite", "Le suspect, selon la police, a fui": "selon X"
    between commas inside a clause whose verb (or its participle) comes after it."""
    if not text[lead[1] : lead[1] + 2].startswith(","):
        return False
    if not re.match(r"\s*,\s*(?!qu[e'’]|qui\b|that\b|which\b|who\b|and\b|but\b)[a-zà-ÿ]", text[content_from:s_end]):
        return False
    toks = [t for t in doc.char_span(*lead, alignment_mode="expand") or [] if not t.is_punct]
    after = doc.char_span(content_from, s_end, alignment_mode="contract")
    if not toks or after is None or not any(t.pos_ in ("VERB", "AUX") for t in after):
        return False
    return toks[-1].pos_ == "AUX" or not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _introducers(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    text = doc_text(doc)
    out: list[Reported] = []
    for intro in lex.according:
        for m in re.finditer(rf"(?<![\w'’]){re.escape(intro)}(?![\w-])", text, re.IGNORECASE):
            if _inside(m.start(), quoted) or re.match(r"\s*(?:lesquel|laquelle|lequel|which|whom)", text[m.end() :]):
                continue  # "les informations selon lesquelles …": a relative clause, not a source
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            sent = span[0].sent
            parsed_start = 0 if text[sent.start_char : sent.start_char + 1].islower() else sent.start_char
            # the parser may cut after "3 a.m.", before a lower-case word
            s_start = max(parsed_start, sentence_start(text, m.start(), lower=True))
            s_end = max(sent.end_char, sentence_end(text, m.end()))  # the parser may cut at "d'état-major"
            nl = text.find("\n", m.end(), s_end)
            s_end = nl if nl != -1 else s_end
            # the speaker: up to the next comma / end of sentence, plus an apposed name ", John Kirby"
            s_end = min(s_end, sentence_end(text, m.end()))
            seg = _source_segment(text[m.end() : s_end])
            verb_that = _verb_that(doc, m.end(), seg, lex)
            if verb_that is not None:  # "according to analyst X believes that …": X's verb reports the clause
                seg = seg[: verb_that[0] - m.end()]
            sp_start = m.end() + len(seg) - len(seg.lstrip())
            seg_end = m.end() + len(seg.rstrip())
            full_end = seg_end
            app = re.match(r",\s*((?:[A-ZÀ-Ý][\w'’-]*\.?\s*){1,4})(?=[,.;]|$)", text[seg_end:s_end])
            titled = _titled_name(text[seg_end:s_end], lex)
            if app and app.group(1).strip():
                full_end = seg_end + app.start(1) + len(app.group(1).rstrip().rstrip("."))
            elif titled:
                full_end = seg_end + titled  # "selon le chef d'état-major, le général SB Moyo"
            # "Selon Giovanna Tinetti, l'une des chercheuses du projet, « … »": skip the apposition
            appos = re.match(r",\s*([^,.;«»\"“”\n]{3,90}),", text[full_end:s_end])
            if appos and (lex.role_match(appos.group(1)) or re.match(r"(?:l['’]une?|one) ", appos.group(1))):
                content_from = full_end + appos.end()
            else:
                content_from = full_end
            lead = text[s_start : m.start()].strip(" \t\n" + QUOTE_CHARS)
            lead_words = re.findall(r"[\w'’]+", lead.lower())
            after = _french_content_after(text, doc, sp_start, content_from, s_end)
            if verb_that is not None:
                start, end = _trim(text, verb_that[1], s_end)
            elif after is not None:
                start, end, short = after
                seg_end = full_end = short or seg_end
            elif not lead or (lead_words and lead_words[-1] in CONJUNCTIONS):
                start, end = _trim(text, content_from, s_end)
            else:
                start, end = _trim(text, s_start, m.start())
                if _clause_goes_on(doc, text, (start, end), content_from, s_end):
                    end = _trim(text, start, s_end)[1]  # "X aurait, selon Y, fait …": the whole clause
            if seg_end <= sp_start or _not_a_source(text[sp_start:seg_end], lex):
                continue
            head = doc.char_span(sp_start, seg_end, alignment_mode="expand")
            seg_start, sp_end = sp_start, seg_end
            if head is not None and len(head) > 1:
                sp_start, sp_end = phrase_span(head.root, sp_start, seg_end)
            if full_end > seg_end:  # the apposed name belongs to the speaker: "le porte-parole, John Kirby"
                sp_start, sp_end = seg_start, full_end
            out.append(
                Reported(
                    start=start,
                    end=end,
                    verb_text=intro.lower().replace("’", "'"),
                    verb_span=(m.start(), m.end()),
                    speaker=(sp_start, sp_end),
                    speaker_head=head.root if head is not None else None,
                    how="introducer",
                )
            )
    return out
