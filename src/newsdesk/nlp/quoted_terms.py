"""Whether quoted words are a quotation: a quoted title or name, a term named by a verb ("called it “…”"), a
noun phrase with its article, an infinitive after de/à/to, as against words said right after a speech verb, a
"que"/"that" clause or a clause standing alone in its sentence."""

from __future__ import annotations

import re

from .quote_marks import Quoted
from .quote_sentences import n_words, sentence_end, sentence_start
from .quote_subjects import ARTICLES, passive
from .quote_verbs import Attribution, finite_verb, speech_verb, verb_lemma
from .speaker_groups import speaker_nouns

LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:et|and|ou|or)\s+)?|(?:et|and|ou|or)\s+)")
"""What separates two quotes of one list ("« A » , « B » et « C »")."""


ANNOUNCED = re.compile(r"\b([\w'’-]+)\s+(?:(?:est|sont|était|étaient)\s+(?:la|le|les)\s+)?suivante?s?\s*:\s*$", re.I)
"""Quoted words announced by "le motif suivant :", "la mission suivante :", "la question est la suivante :"."""
SAID_NOUNS = {"phrase", "phrases", "mot", "mots", "termes", "propos", "tweet", "message", "déclaration"}
"""Nouns before "suivant :" that announce somebody's words (with the lexicon's view and document nouns)."""


class QuotedTerms:
    """Methods of `DirectAttributor` that tell a quotation from a quoted title, name or term."""


    def is_title(self, q: Quoted) -> bool:
        """A quoted title or name: « Le Monde », the film "Jaws", l'opération « Wuambushu »."""
        before = self.text[max(0, q.start - 40) : q.start].lower()
        if re.search(r":\s*$", before) and n_words(self.text[q.start : q.end]) >= 8:
            return False  # "wrote on his blog: “…”": a colon introduces a quotation, titles are short
        inner = self.text[q.inner[0] : q.inner[1]].strip()
        if inner[:1].isupper() and inner.endswith(".") and n_words(inner) >= 6:
            return False  # 'wrote in his blog, "Today, … fresh."': a sentence with its full stop is no title
        before = before.rsplit("\n", 1)[-1]  # "… the protest movement.\n\n“They lied!” X said": a new paragraph
        if re.search(r"[.!?…]\W*$", before):
            return False  # the quote opens a sentence: no title cue comes before it
        words = re.findall(r"[\w'’-]+", before)
        words = [w for w in words if w not in ("le", "la", "les", "l'", "du", "de", "des", "the", "a", "an")]
        return bool(words) and (words[-1] in self.lex.title_cues or " ".join(words[-2:]) in self.lex.title_cues)

    def announced_content(self, q: Quoted) -> bool:
        """ "interrogés pour le motif suivant : « … »", "la mission suivante : « … »": in French, quoted words that
        "<noun> suivant(e) :" announces are a charge, a mandate or a question put to others, not a quotation,
        unless the noun names words said ("la déclaration suivante : « … »")."""
        m = ANNOUNCED.search(self.text[max(0, q.start - 80) : q.start])
        if m is None or self.lex.lang != "fr":
            return False
        noun = m.group(1).lower()
        return noun not in SAID_NOUNS | self.lex.view_nouns | self.lex.documents

    def named(self, q: Quoted, a: Attribution | None) -> bool:
        """ "Steve called podcasting "…"", "a salué « un geste fort »": an active naming verb (lexicon use
        "naming") with a subject, right before the quote in its clause."""
        if a is None or a.how != "before" or a.verb is None or a.speaker is None:
            return False
        v = a.verb
        if v.dep_ in ("acl", "amod") or passive(v):
            return False  # "une zone surnommée « … »": nobody names it here
        use = self.lex.verbs.get(verb_lemma(v, self.lex))
        return use == "naming" or use == "naming_as" and self.after_as(q)

    def object_complement(self, q: Quoted, a: Attribution | None) -> bool:
        """ "des voisins décrivent des gens « réservés »": the quoted words qualify the direct object of a naming
        verb and follow it right away: what the namer calls it, however short."""
        if a is None or a.verb is None or a.speaker is None or a.verb.idx > q.start:
            return False
        if self.lex.verbs.get(verb_lemma(a.verb, self.lex)) != "naming":
            return False
        root, obj = self.quote_root(q), next((c for c in a.verb.children if c.dep_ in ("obj", "dobj")), None)
        if root is None or obj is None or root.head.i != obj.i or root.dep_ not in ("amod", "acl"):
            return False
        inner = self.text[q.inner[0] : q.inner[1]].strip()
        if not inner[:1].islower():
            return False  # "le projet « Horizon »": a name
        return obj.idx < q.start and not self.text[obj.idx + len(obj) : q.start].strip()

    def after_as(self, q: Quoted) -> bool:
        """The quote follows "as", an article between or not ("referred to it as a "…"", "as "a shocking peak"")."""
        before = self._words_before(q.start)
        if before and before[-1] in ARTICLES:
            before = before[:-1]
        return bool(before) and before[-1] == "as"

    def _words_before(self, pos: int) -> list[str]:
        """The lower-cased words in the dozen characters before `pos`."""
        return re.findall(r"[\w'’]+", self.text[max(0, pos - 12) : pos].lower())

    def after_article(self, q: Quoted) -> bool:
        """The quote is a noun phrase with its article, outside or inside the marks ("as a “defining moment”",
        "comme « une menace »"), not a bare qualifier ("la qualifie de « terroriste »", "call "interference"")."""
        before = self._words_before(q.start)
        inside = re.findall(r"[\w'’]+", self.text[q.inner[0] : q.inner[1]].lower())
        return bool(before) and before[-1] in ARTICLES or bool(inside) and inside[0] in ARTICLES

    def described_as(self, q: Quoted) -> bool:
        """The quote follows "comme" ("décrit les passagers comme « tremblants »"): what a naming verb's object is
        described as, the namer's words however short."""
        start = q.start
        while True:  # "comme « tremblants » et « dégoûtés »": a list after "comme"
            prev = next((p for p in self.quoted if p[1] <= start and LIST_GAP.fullmatch(self.text[p[1] : start])), None)
            if prev is None:
                break
            start = prev[0]
        before = self._words_before(start)
        return bool(before) and before[-1] == "comme"

    def introduced(self, q: Quoted, a: Attribution) -> bool:
        """The quote follows its speech verb directly ("a-t-il dit, « … »", "said: “…”"), or is a whole clause
        right after "que"/"that" ("a expliqué que « … » et que « rien n'est décidé »")."""
        if a.verb is None or self._clause_after_that(q):
            return True
        between = self.text[a.verb.idx + len(a.verb) : q.start]
        words = [w for w in re.findall(r"[\w'’-]+", between) if w.lower() not in ("que", "qu'", "qu’", "that")]
        words = [w for w in words if not w.startswith("-")]
        return not words

    def uttered(self, q: Quoted, a: Attribution) -> bool:
        """ "il aurait crié « Allah Akbar »", "Merkel says ‘Nein’ to …": one or two words quoted right after a verb
        of saying or shouting with a subject (lexicon "utter"), opening with a capital: what was said."""
        if a.verb is None or a.speaker is None or a.verb.idx > q.start:
            return False
        if verb_lemma(a.verb, self.lex) not in self.lex.utter_verbs:
            return False
        between = self.text[a.verb.idx + len(a.verb) : q.start]
        inner = self.text[q.inner[0] : q.inner[1]].strip()
        return not between.strip(" ,:") and inner[:1].isupper()

    def in_that_clause(self, q: Quoted, a: Attribution) -> bool:
        """ "Le maire a affirmé que la réforme était « une erreur »": words quoted inside the "que"/"that" clause of
        a speech verb with a subject, in the same sentence, are the subject's."""
        if a.verb is None or a.speaker is None or a.verb.idx > q.start:
            return False
        lemma = verb_lemma(a.verb, self.lex)
        if not self.lex.is_speech_verb(lemma, indirect=True) or lemma in self.lex.writer_verbs:
            return False
        between = self.text[a.verb.idx + len(a.verb) : q.start]
        if re.search(r"[.!?;:«»“”\"]", between) or len(between) > 150:
            return False
        return re.match(r"(?:\s+[\w'’-]+){0,3}?\s+(?:que|qu['’]|that)\b", between) is not None

    def _clause_after_that(self, q: Quoted) -> bool:
        """The quoted words follow "que"/"that" and hold a finite verb: a reported clause, not a term."""
        before = self.tokens_between(max(0, q.start - 8), q.start)
        if not before or before[-1].lower_ not in ("que", "qu'", "qu’", "that"):
            return False
        inner = self.tokens_between(q.inner[0], q.inner[1])
        return any(finite_verb(t) for t in inner)

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
        return any(finite_verb(t) for t in inner)

    def standalone(self, q: Quoted) -> bool:
        """The quote opens its sentence or follows a colon (not a term inside a sentence)."""
        start = self.clause_start(q.start)
        lead = self.text[start : q.start].strip(" \t—–-")
        return not lead or lead.endswith(":") or self._after_furniture(start, lead)

    def _after_furniture(self, start: int, lead: str) -> bool:
        """ "… Bayit Synagogue. article continues below “…”": a quote after a sentence end and a line of the
        scraped web page (lexicon `page_furniture`) opens its sentence all the same."""
        if " ".join(lead.lower().split()) not in speaker_nouns(self.lex.lang).furniture:
            return False
        return re.search(r"[.!?][\"”’]?\s*$", self.text[max(0, start - 4) : start]) is not None
