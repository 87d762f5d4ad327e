"""Direct quotations: text between quote marks, attributed to a speech verb and its speaker.

Attribution is looked for, in order: an incise inside the quote ("« A, reconnaît X, B »"), an incise
right after it ("« … », a déclaré Kirby", "“…,” Kirby said"), and an introduction before it
("X a déclaré : « … »", "X said, “…”", "X : « … »", in `quotes_before`), or what follows it ("« … » : le maire
n'a pas caché sa colère", "« … » Ce sont les mots du maire"; the incise after it too, in `quotes_after`). A
quote with none of these that follows an attributed quote closely (a quote-only paragraph or sentence)
continues that speaker. Titles and names in quote marks, short scare quotes and quoted terms without
attribution are not quotations (the tests are in `quoted_terms`). Speech verbs are in `quote_verbs`, the
subject of a verb in `quote_subjects`, sentence bounds in `quote_sentences`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_marks import Quoted
from .quote_sentences import ABBREV, doc_text, n_words, sentence_end, sentence_start
from .quote_subjects import (
    PERSON_ENTS,
    inverted_subject,
    nearer_person,
    par_agent,
    passive,
    phrase_span,
    quoted_object,
    sentence_subject,
    speaker_phrase,
    speaker_verb,
    subject_of,
)
from .quote_verbs import Attribution, is_negated, speech_verb, verb_lemma
from .quoted_terms import LIST_GAP, QuotedTerms
from .quotes_after import FollowedQuotes
from .quotes_before import IntroducedQuotes


@dataclass(slots=True, kw_only=True)
class DirectQuote:
    quoted: Quoted
    start: int
    end: int
    attribution: Attribution | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


NICKNAME = re.compile(r"[“\"][A-Z][\w'’. -]{0,25}[”\"]\s+[A-Z][a-z]")
"""A nickname in quote marks before a surname (Dwayne "The Rock" Johnson)."""


class DirectAttributor(IntroducedQuotes, FollowedQuotes, QuotedTerms):
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
        skip = 0
        for m in re.finditer(r"[.!?;…](?=\s|$)|\n|[«“„]|\"\s*[A-ZÀ-Ý]", self.text[pos : pos + 400]):
            if m.group(0) == "." and ABBREV.search(self.text[max(0, pos + m.start() - 12) : pos + m.start()]):
                continue  # "said Apple Inc. CEO Steve Jobs"
            if m.start() < skip:
                continue
            if m.group(0)[0] in "“\"" and (nick := self.nickname(pos + m.start())):
                skip = m.start() + nick  # '"…," Dwayne "The Rock" Johnson said': a nickname inside the speaker's name
                continue
            return pos + m.start()
        return pos + min(400, len(self.text) - pos)

    def nickname(self, pos: int) -> int:
        """The length of the nickname in quote marks that opens at `pos`, between a first name and a surname
        (Dwayne "The Rock" Johnson), else 0."""
        first = re.search(r"\b[A-Z][a-z]+\s+$", self.text[max(0, pos - 20) : pos])
        m = NICKNAME.match(self.text, pos) if first is not None else None
        return m.end() - pos if m is not None else 0

    def clause_start(self, pos: int) -> int:
        # "le candidat d'En marche ! , faisant …": a mark that a comma follows closes a name, not the sentence
        return sentence_start(self.text, pos, stops=r"(?:[.;…]|[!?](?!\s+,))\"?(?=\s)|\n|[»”]")

    def attribute(self, q: Quoted) -> Attribution | None:
        found = self._handle(q) or self._inside(q) or self._listed(q) or self._after(q)
        found = found or self._colon_after(q) or self._words_of(q)
        if found is None and self.lex.lang == "fr":
            found = self._agent(q) or self._agent_before(q)  # "un texte qualifié de « … » par X"
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
        """ "sa « stupeur » et son « émotion »", "un « acte odieux » qui a frappé « des innocents »", "un « … » qui
        aurait « nié … »": a quote coordinated with the quote just before it, or in (or making) a relative clause on
        it, shares its attribution."""
        root = self.quote_root(q)
        if root is None:
            return None
        if root.dep_ == "conj":
            prev = next((p for p in self.quoted if p[0] <= root.head.idx < p[1] and p[1] <= q.start), None)
            gap = r"[\s,]*(?:et|ou)?\s*\w*['’]?\s*"
        elif root.head.dep_ == "acl:relcl" and root.head.idx < q.start or root.dep_ == "acl:relcl":
            noun = root.head if root.dep_ == "acl:relcl" else root.head.head  # "un « … » qui aurait « nié … »"
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
        agent = next((c for c in heads if c.dep_ in ("obl:agent", "obl:mod", "obl", "nmod") and par_agent(c)), None)
        if agent is None or self.in_quote(agent.idx) or agent.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        lo, hi = sentence_start(self.text, q.start), sentence_end(self.text, q.end)
        span = phrase_span(agent, lo, hi)
        return Attribution(verb=verb, speaker=span, speaker_head=agent, how="agent")

    def _agent_before(self, q: Quoted) -> Attribution | None:
        """ "un détenu qualifié par les enquêteurs d'« homme violent »", "décrit par ses voisins comme un « … »":
        the agent of a passive naming verb comes before what it names, and the parser hangs the quoted words
        on the agent's noun."""
        root = self.quote_root(q)
        if root is None or root.dep_ != "nmod" or not par_agent(root.head) or self.in_quote(root.head.idx):
            return None
        agent, verb = root.head, root.head.head
        if verb.pos_ != "VERB" or "Part" not in verb.morph.get("VerbForm") or agent.i < verb.i:
            return None
        if self.lex.verbs.get(verb_lemma(verb, self.lex)) != "naming" or agent.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        case = next((c for c in root.children if c.dep_ == "case" and c.i < root.i), None)
        det = any(c.dep_ == "det" and c.i < root.i for c in root.children)
        if case is None or not (case.lower_ in ("de", "d", "d'", "d’") and not det or case.lower_ == "comme"):
            return None  # "décrit par le président de la « commission … »": the agent's own complement
        lo, hi = sentence_start(self.text, agent.idx), case.idx
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
            if any(s <= t.idx < e for s, e in nested) or not speech_verb(t, self.lex) or t.tag_ == "VBG":
                continue  # "…, expressing our opinion, …": a gerund of the quote, not an incise
            clitics = ("-t", "-il", "-elle", "-on", "-ils", "-elles")
            left = [x for x in self.doc[max(0, t.i - 4) : t.i] if x.pos_ not in ("AUX",) and x.lower_ not in clitics]
            if not left or left[-1].text not in (",", "»", "”", '"', "—", "–") or left[-1].idx < lo:
                continue  # the opening mark itself is no incise comma: ""thank you"" is the quote's own verb
            subj = inverted_subject(t, hi)
            if subj is None or subj.i < left[-1].i:
                continue  # '"We need people to listen, respond, and leave"': a verb of the quote, not an incise
            span = phrase_span(subj, t.idx, hi)
            return Attribution(verb=t, speaker=span, speaker_head=subj, how="inside")
        return None

    def _subject(self, t: Any, lo: int, hi: int) -> Any:
        """The speaker token of verb `t`: its subject (outside any quote), else an inverted subject in [lo, hi)."""
        subj = speaker_verb(t)
        termed = subj is not None and subj == quoted_object(t)  # 'quotes a "senior aide" as saying'
        if subj is not None and not termed and (self.in_quote(subj.idx) or not lo <= subj.idx < hi):
            subj = None
        if subj is None:
            subj = inverted_subject(t, hi)
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
        sentence in the same paragraph as a sentence about a named person (its subject, or the name of its role
        noun) is that person's."""
        if self.lex.lang != "fr" or "\n" in self.text[prev_start : q.start] or n_words(self.text[q.start : q.end]) < 6:
            return None
        root = next((t for t in self.tokens_between(prev_start, prev_end) if t.dep_ == "ROOT"), None)
        subj = subject_of(root) if root is not None else None
        if subj is not None and subj.pos_ == "NOUN" and self.lex.role_match(subj.text):
            # "Le maire Jean Dupont était furieux.": the role's name
            subj = next((c for c in subj.children if c.pos_ == "PROPN" and c.ent_type_ in PERSON_ENTS), None)
        if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ not in PERSON_ENTS or self.in_quote(subj.idx):
            return None
        span = phrase_span(subj, prev_start, prev_end)
        return Attribution(verb=None, speaker=span, speaker_head=subj, how="previous")
