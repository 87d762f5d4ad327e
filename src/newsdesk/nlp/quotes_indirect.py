"""Reported speech: "X a déclaré que …", "X said (that) …", "… , a déclaré X", "selon X, …", "according to X".

`find_reported` runs every finder over a parsed text and reconciles what they found. Works on the
dependency parse: a speech verb (lexicon, use "both") with a clausal complement gives the reported
content (the complement's subtree, from "que"/"that") and the speaker (its subject)
(`reported_complement`, clause heads and extents in `reported_clause`); a speech verb in an inverted
incise after a clause reports that clause (`reported_incises`), as does an "as X said" clause
(`reported_as_said`). Introducers ("selon", "d'après", "according to") are matched in the text, their noun
phrase is the speaker and the rest of the clause the content (`reported_introducers`). Negated verbs
("n'a pas dit que", "did not say") report nothing. The record and its span helpers are in `reported`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .headline_glue import glued_headline
from .quote_lexicon import QuoteLexicon
from .quote_sentences import QUOTE_CHARS, doc_text, sentence_start
from .quote_subjects import speaking_noun
from .quote_verbs import is_modal, is_negated, speech_verb, verb_lemma
from .reported import Reported, inside, trim
from .reported_as_said import as_said
from .reported_colon import colon_report
from .reported_complement import complement
from .reported_incises import fr_inverted_without_comma, fr_parenthetical, incise, parenthetical
from .reported_introducers import introducers, opinions, relative_introducers

MIN_WORDS = 3
CONTINUING = {"poursuivre", "continuer", "enchaîner", "continue"}
"""Verbs that only attribute quotes, but that also mark an incise inside a reported sentence ("Par
conséquent, a-t-il poursuivi, les communes devront …")."""


def find_reported(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    """Every piece of reported speech in a parsed text; `quoted` are the direct-quote ranges."""
    text = doc_text(doc)
    found: list[Reported] = []
    for t in doc:
        if inside(t.idx, quoted) or is_negated(t, lex) or is_modal(t, lex):
            continue
        if lex.verbs.get(t.lemma_.lower()) == "source":
            rep = incise(t, lex, text, need_source=True)
        elif speech_verb(t, lex, indirect=True):
            rep = (
                fr_parenthetical(t, text)
                or complement(t, lex, text)
                or incise(t, lex, text)
                or parenthetical(t, text)
                or as_said(t, text)
                or fr_inverted_without_comma(t, lex, text)
                or colon_report(t, lex, text)
            )
        elif lex.verbs.get(verb_lemma(t, lex)) == "demand" and t.pos_ == "VERB":
            rep = _demand(t, lex, text)
        elif t.lemma_.lower() in CONTINUING and t.pos_ == "VERB":
            # "Par conséquent, a-t-il poursuivi, …", "Le maire poursuit : il faudra …"
            rep = fr_parenthetical(t, text) or parenthetical(t, text) or colon_report(t, lex, text)
        elif speech_verb(t, lex):
            rep = colon_report(t, lex, text)  # "X nuance ce constat : la crise …", a verb of direct quotes
        else:
            continue
        if rep is not None and not _writer(rep):
            found.append(rep)
    found.extend(r for r in introducers(doc, lex, quoted) if not _tally(doc, r, lex))
    found.extend(r for r in relative_introducers(doc, lex, quoted) if not _tally(doc, r, lex))
    found.extend(opinions(doc, lex, quoted))
    for r in found:  # "X a indiqué que …, a-t-on appris auprès de Y": the complement stops before the incise
        for o in found:
            if o.how == "incise" and o is not r and o.verb_span and r.start < o.verb_span[0] < r.end:
                comma = text.rfind(",", r.start, o.verb_span[0])
                if comma > r.start:
                    r.start, r.end = trim(text, r.start, comma)
    for r in found:
        if r.verb is not None and r.verb_span is not None and r.verb_span[0] >= r.end:
            r.start = _spoken_lead(text, r.start, [o for o in found if o is not r])
    glued = glued_headline(text) if lex.lang == "en" else None
    if glued is not None:
        found = [r for r in found if _within_headline_or_body(r, glued, text)]
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
        cut = _participle_report(outer, r, text) if outer is not None and cut < 0 else cut
        if outer is not None and cut > outer.start:
            outer.start, outer.end = trim(text, outer.start, cut)  # "… et les syndicats ont demandé que …"
        elif outer is not None:
            continue  # nested report ("X said that Y said that ...") is part of the outer one
        kept.append(r)
    return kept


def _within_headline_or_body(r: Reported, glued: tuple[int, int], text: str) -> bool:
    """Keep a report on its side of a headline glued to the first sentence, cutting it there: "Collins says she's
    open to witnesses WASHINGTON (AP) — Sen. Collins says …" reports the headline's words, then the body's. A
    report whose words are on one side and whose verb is on the other is a misparse, dropped."""
    end, body = glued
    if r.end <= end or r.start >= body:
        verb_side = r.verb_span is None or (r.verb_span[0] < end) == (r.end <= end)
        return verb_side
    if r.start >= end:  # inside the dateline
        r.start = trim(text, body, r.end)[0]
        return True
    if r.verb_span is not None and r.verb_span[0] < end:
        r.start, r.end = trim(text, r.start, end)
    else:
        r.start, r.end = trim(text, body, r.end)
    return r.end > r.start


def _demand(t: Any, lex: QuoteLexicon, text: str) -> Reported | None:
    """ "a demandé à la ministre que …": a demand reports its "que" clause only, and only when a person, a role, a
    body or a name makes it ("Des émeutes ont éclaté, demandant que …" reports nobody's words)."""
    rep = complement(t, lex, text)
    head = rep.speaker_head if rep is not None else None
    if head is None or head.pos_ != "NOUN" or head.ent_type_:
        return rep
    return rep if speaking_noun(head, lex) else None


SAME_SPEAKER = {"he", "she", "they", "we", "i"}
"""Pronoun subjects of a report that stand for its own speaker ("X said he would …, saying …")."""

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
        start = trim(text, max(prev, para), start)[0]
    return start


WRITER_PRONOUNS = {"i", "we"}
"""English first-person subjects: outside quote marks, the writer's own voice."""


def _writer(rep: Reported) -> bool:
    """ "… or else I conclude they support terrorism", "I would say that …", "And again, I say, …": the writer (of a
    blog post, a reproduced tweet) speaking now, in the present or under a modal, reports nothing; "As I announced
    on my blog, …" (past) reports the writer's earlier words."""
    head, verb = rep.speaker_head, rep.verb
    if head is None or verb is None or head.lang_ != "en" or head.lower_ not in WRITER_PRONOUNS:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children)
    return not past


def _has_verb(doc: Any, start: int, end: int, text: str) -> bool:
    """True when text[start:end] holds a verb or an auxiliary, or quote marks: reported speech is a clause (or
    quotes words); a noun phrase left over by a misparse ("Labs depuis son lancement") is not."""
    if any(c in QUOTE_CHARS for c in text[start:end]):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.pos_ == "ADJ":
        return True  # "s'est dite favorable à une hausse": an attribute reports a stance
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def _tally(doc: Any, r: Reported, lex: QuoteLexicon) -> bool:
    """ "On dénombrait 1 306 852 votants, selon les organisateurs": a count given by a source is data, not
    reported speech; its clause is ruled by a counting verb and holds a number."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None or not any(t.like_num for t in span) or any(t.text in QUOTE_CHARS for t in span):
        return False  # "Selon X, « nous serons 2 millions », tandis que le premier tour avait réuni …": words
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


def _participle_report(outer: Reported, inner: Reported, text: str) -> int:
    """Offset of the comma before a participle that reports more words of the same speaker inside an English
    report, the pronoun subject of the report standing for its speaker ("said he would run again, saying the
    party needed him"), or -1."""
    verb = inner.verb
    if verb is None or verb.doc.lang_ != "en" or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
        return -1
    if inner.speaker is None or inner.speaker[0] < outer.start:
        return -1
    if text[inner.speaker[0] : inner.speaker[1]].lower() not in SAME_SPEAKER:
        return -1
    comma = verb.doc[verb.i - 1]
    return comma.idx if comma.text == "," else -1


def _innermost(outer: Reported, inner: Reported, text: str) -> bool:
    """ "The Times reported that someone familiar with the matter said …": an English report whose content
    opens with another speaker's speech verb is that speaker's report, not the outer one's."""
    if outer.verb is None or outer.verb.doc.lang_ != "en" or inner.how != "complement" or inner.verb_span is None:
        return False
    if _participle_report(outer, inner, text) >= 0:
        return False  # "said he would run, saying …": the same speaker goes on
    if inner.speaker is None or outer.start > inner.speaker[0]:
        return False
    lead = text[outer.start : inner.speaker[0]].strip().lower()
    return lead in ("", "that") and inner.speaker[1] <= inner.verb_span[0]
