"""Attribution by what comes after a quote: an incise ("« … », a déclaré Kirby", "“…,” Kirby said"), a colon
and a clause about a person ("« … » : le maire n'a pas caché sa colère"), a sentence naming whose words they are
("« … » Ce sont les mots du maire"), a bare name or a signature line."""

from __future__ import annotations

import re
from typing import Any

from .places import gazetteer
from .quote_marks import Quoted
from .quote_subjects import (
    PERSON_ENTS,
    capitalised_run,
    inverted_subject,
    passive,
    phrase_span,
    speaker_phrase,
    speaking_noun,
    subject_of,
    subordinate_verb,
    without_relative_clauses,
)
from .quote_verbs import SUBJECT_DEPS, Attribution, is_negated, speech_verb
from .speaker_groups import speaker_nouns

WORDS_OF = re.compile(
    r"[ \t]*\.?[ \t]+(?:(?:C['’]est|Ce sont|Tels? (?:sont|étaient|est|était)|Telles? sont|Voilà)[ \t]+(?:là[ \t]+)?"
    r"(?:les?|la|ces?|cette)[ \t]+(?:mots?|propos|paroles?|message|réaction|constat|avertissement)[ \t]+"
    r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*"
    r"|(?:Those|These|That|This|Such)[ \t]+(?:were|are|was|is)[ \t]+the[ \t]+"
    r"(?:words?|message|reaction|verdict|view|warning|assessment)[ \t]+(?:of|from)[ \t]+)"
)
"""A sentence right after a quote that says whose words they are ("Ce sont les mots du maire", "Those were the
words of …")."""


class FollowedQuotes:
    """Methods of `DirectAttributor` that look after a quote for its verb and speaker."""

    def _after(self, q: Quoted) -> Attribution | None:
        wrap = re.match(r"[ \t]*\n[ \t]*(?=[a-z])", self.text[q.end : q.end + 20])
        lo = q.end + wrap.end() if wrap else q.end  # '…?"\nsaid the analyst': the line breaks mid-sentence
        end = self.clause_end(lo)
        toks = without_relative_clauses(self.tokens_between(q.end, end))
        apposed = self._apposed_name_incise(q, toks)
        if apposed is not None:
            return apposed
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
                if self._introduces_next(q, t):
                    return None  # '"Who made it?" The crowd answered, "Taiwan."': the verb opens the next quote
                if nxt is not None and nxt.pos_ == "VERB" and "Inf" in nxt.morph.get("VerbForm"):
                    return None  # "l'astronaute fait pousser des pommes de terre": causative, not speech
                if "Inf" in t.morph.get("VerbForm") and k > 0 and toks[k - 1].pos_ in ("ADP", "SCONJ"):
                    return None  # "« … » afin d'expliquer la fracture": a purpose clause, not an incise
                if subordinate_verb(t):
                    return None  # "« … », en évoquant des « … »", "« … », sans en préciser …": not an incise
                subj = self._subject(t, q.end, end)
                if (subj is None or subj.i > t.i) and self.lex.lang == "en" and t.text[:1].islower():
                    subj = capitalised_run(toks[:k]) or subj  # "“…,” O’Leary said in the statement"
                if subj is not None and subj.i < t.i and self.lex.lang == "fr" and self._incise(t):
                    inv = inverted_subject(t, end)  # "« … » cette décision, se défend pour sa part le groupe"
                    subj = inv if inv is not None and inv.i > t.i else subj
                source = self._impersonal_source(t, subj, end)
                if source is not None:  # "« … », a-t-on appris auprès de la préfecture": the préfecture
                    return Attribution(verb=t, speaker=(source.start_char, source.end_char), speaker_head=source.root,
                                       how="after")
                span = speaker_phrase(subj, q.end, end) if subj is not None else None
                return Attribution(verb=t, speaker=span, speaker_head=subj, how="after")
            if t.pos_ == "VERB" and k > 0:
                return None
        return self._bare_name(q, toks) or self._dash(q)

    def _impersonal_source(self, verb: Any, subj: Any, end: int) -> Any:
        """ "a-t-on appris auprès de la préfecture", "précise-t-on à l'Élysée": in French, the body after the
        verb of an impersonal "on" incise, as a span of the doc; None when no such body is written."""
        if self.lex.lang != "fr" or subj is None or subj.lower_.lstrip("-") != "on":
            return None
        tail = self.text[verb.idx + len(verb) : end]
        cues = "|".join(re.escape(c) for c in sorted(self.lex.source, key=len, reverse=True))
        m = re.match(rf"(?:-t)?(?:-on)?\s*(?P<prep>{cues}|à|au)\s+", tail) if cues else None
        if m is None:
            return None
        s = verb.idx + len(verb) + m.end()
        e = s + len(re.split(r"[,.;:\n]", self.text[s:end])[0].rstrip())
        span = self.doc.char_span(s, e, alignment_mode="expand") if e > s else None
        if span is None or m.group("prep") in ("à", "au") and not self._institution(span.root):
            return None
        return span

    def _institution(self, head: Any) -> bool:
        """A body or organisation noun, or an organisation's name ("l'Élysée", "au ministère")."""
        if head.lower_ in speaker_nouns("fr").body or speaking_noun(head, self.lex):
            return True
        return head.ent_type_ == "ORG" and not gazetteer("fr").lookup(head.text)  # not "dit-on à Paris"

    def _introduces_next(self, q: Quoted, verb: Any) -> bool:
        """The quote ends its sentence and the verb after it is followed by a comma or colon and another quote:
        the verb introduces that quote ('"Who made it?" The crowd answered, "Taiwan."'), unlike a split quote
        ('"I'll say it," she wrote, "…"', whose first part ends with a comma)."""
        inner = self.text[q.inner[0] : q.inner[1]].rstrip()
        if not inner.endswith((".", "?", "!", "…")):
            return False
        return re.match(r"[ \t]*[,:][ \t]*[\"“«‘]", self.text[verb.idx + len(verb) :]) is not None

    def _colon_after(self, q: Quoted) -> Attribution | None:
        """ "« C'est une honte » : le maire Jean Dupont n'a pas caché sa colère.": a quote opening its sentence,
        then a colon and a clause about a person, a role or an organisation (its subject), is theirs."""
        m = re.match(r"[ \t]*:[ \t]*", self.text[q.end : q.end + 6])
        if m is None or not self.standalone(q):
            return None
        lo = q.end + m.end()
        hi = self.clause_end(lo)
        toks = self.tokens_between(lo, hi)
        root = next((t for t in toks if t.head.i == t.i or not lo <= t.head.idx < hi), None)
        subj = subject_of(root) if root is not None and root.pos_ in ("VERB", "AUX", "ADJ") else None
        head = self._speaking_head(subj)
        if head is None or head.i > root.i:
            return None
        return Attribution(verb=None, speaker=phrase_span(head, lo, hi), speaker_head=head, how="after")

    def _words_of(self, q: Quoted) -> Attribution | None:
        """ "« … » Ce sont les mots du maire Jean Dupont.", '"…" Those were the words of Mayor John Smith.': the
        next sentence says whose words the quote are."""
        m = WORDS_OF.match(self.text, q.end)
        if m is None:
            return None
        lo = m.end()
        hi = self.clause_end(lo)
        toks = self.tokens_between(lo, hi)
        head = next((t for t in toks if t.ent_type_ in PERSON_ENTS and t.pos_ == "PROPN"), None)
        head = head or next((t for t in toks if self._speaking_head(t) is t), None)
        if head is None:
            return None
        return Attribution(verb=None, speaker=phrase_span(head, lo, hi), speaker_head=head, how="after")

    def _speaking_head(self, tok: Any) -> Any:
        """`tok` when it may speak (a person's name, a personal pronoun, a role, organisation or body noun); the
        name of a role noun ("le maire Jean Dupont") when it has one; else None."""
        if tok is None or self.in_quote(tok.idx):
            return None
        if tok.pos_ == "PROPN" and tok.ent_type_ in PERSON_ENTS + ("ORG",):
            return tok
        if tok.pos_ == "PRON":
            return tok if tok.lower_ in self.lex.pronouns else None
        if tok.pos_ != "NOUN":
            return None
        name = next((c for c in tok.children if c.pos_ == "PROPN" and c.ent_type_ in PERSON_ENTS), None)
        return name or (tok if self.speaking_noun(tok) else None)

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

    def _apposed_name_incise(self, q: Quoted, toks: list[Any]) -> Attribution | None:
        """ "“…,” Ann Lee, spokeswoman for the Tripoli-based Government of National Unity, told AFP.": in English a
        quote left open by a comma, then a person's name, an apposition between commas and a speech verb, is the
        person's, however long the apposition."""
        if self.lex.lang != "en" or len(toks) < 5 or toks[0].ent_type_ not in PERSON_ENTS or toks[0].ent_iob_ != "B":
            return None
        if not self.text[q.inner[0] : q.inner[1]].rstrip().endswith(","):
            return None
        name = [toks[0]]
        while len(name) < len(toks) and toks[len(name)].ent_iob_ == "I" and toks[len(name)].ent_type_ in PERSON_ENTS:
            name.append(toks[len(name)])
        if len(name) >= len(toks) - 2 or toks[len(name)].text != ",":
            return None
        close = next((k for k in range(len(name) + 2, min(len(toks) - 1, len(name) + 25)) if toks[k].text == ","), None)
        if close is None:
            return None
        verb = toks[close + 1]
        if verb.tag_ not in ("VBD", "VBZ") or not speech_verb(verb, self.lex) or is_negated(verb, self.lex):
            return None
        if any(x.is_quote or x.text in (";", ":") for x in toks[len(name) : close]):
            return None
        lo, hi = name[0].idx, name[-1].idx + len(name[-1])
        return Attribution(verb=verb, speaker=(lo, hi), speaker_head=name[-1], how="after")

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
