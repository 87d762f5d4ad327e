"""Attribution by what comes before a quote: an introduction ("X a déclaré : « … »", "X said, “…”",
"X : « … »"), an opinion preposition ("pour X, « … »") or "according to" / "selon X"."""

from __future__ import annotations

from typing import Any

from .quote_marks import Quoted
from .quote_sentences import doc_text, n_words, sentence_start
from .quote_subjects import (
    PERSON_ENTS,
    PLACE_ENTS,
    gerund_of,
    passive,
    phrase_span,
    sentence_subject,
    speaker_phrase,
    speaking_noun,
    subject_of,
    subordinate_verb,
)
from .quote_verbs import SUBJECT_DEPS, Attribution, is_negated, speech_verb
from .speaker_groups import speaker_nouns

RELATIVE_SUBJECTS = {"qui", "who"}
NAME_DEPS = {"flat", "flat:name", "appos", "nmod", "compound"}  # "le Conseil d'État", "le ministre Jean Roux"


def fronted_participle(t: Any) -> bool:
    """ "Interrogé par France Info, X …", "Asked about the deal, X …": a past participle opening the sentence
    before its main verb's own subject is a passive (the interviewer asks), not the speech verb of the quote."""
    if t.dep_ != "advcl" or t.i > t.head.i or "Part" not in t.morph.get("VerbForm"):
        return False
    if "Past" not in t.morph.get("Tense") and t.tag_ != "VBN" or any(c.dep_.startswith("aux") for c in t.children):
        return False  # "X, a déclaré « … »": a verb with its auxiliary is no bare participle
    return any(c.dep_ in SUBJECT_DEPS and t.i < c.i < t.head.i for c in t.head.children)


def page_furniture(subj: Any) -> bool:
    """ "… Bayit Synagogue. article continues below “…”": a subject that opens a line of the web page the text
    was scraped from (lexicon `page_furniture`), not a speaker."""
    text = doc_text(subj.doc)[subj.idx : subj.idx + 40].lower()
    return any(text.startswith(line) for line in speaker_nouns(subj.doc.lang_).furniture)


def present_participle(t: Any) -> bool:
    """ "faisant", "estimant": a present participle, which opens an aside and takes no subject of its own."""
    return t.pos_ in ("VERB", "AUX") and "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")


class IntroducedQuotes:
    """Methods of `DirectAttributor` that look before a quote for its verb and speaker."""

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
        late = self._late_opinion(toks, q) or self._according_inline(toks, q) or self._opinion_aside(toks, q)
        if late is not None:
            return late
        for t in reversed(toks):
            if fronted_participle(t):
                continue  # "Interrogé par France Info, X a été clair : « … »": X speaks, not the interviewer
            if speech_verb(t, self.lex) and not is_negated(t, self.lex) and not passive(t):
                between = [x for x in toks if x.i > t.i and not gerund_of(x, t)]
                if any(x.pos_ == "VERB" and x.dep_ not in ("xcomp",) for x in between) and not colon:
                    return None
                subj = self._subject(t, start, q.start)
                if subj is not None and page_furniture(subj):
                    return None  # "article continues below “…”": no speaker, the quote goes on
                if subj is None and subordinate_verb(t):  # "X a qualifié … d'« … » , en évoquant des « … »"
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
            root = next((x for x in toks if x.pos_ == "VERB" and not fronted_participle(x)), None)
        if root is None:  # "Le ministre X est plus explicite :": an adjective or noun heads the clause
            root = next((x for x in toks if x.dep_ in ("ROOT", "root") and x.pos_ in ("ADJ", "NOUN")), None)
            named = root is not None and (s := subject_of(root)) is not None and any(
                x.pos_ == "PROPN" for x in s.subtree
            )
            root = root if named else None  # "Cette question est la suivante :" names nobody
        subj = subject_of(root) or sentence_subject(root) if root is not None else None
        subj = self._passive_agent(root, start) or subj
        if subj is None or subj.idx < start or self.in_quote(subj.idx) or subj.ent_type_ in PLACE_ENTS:
            # "Namibia has a new chess king: “…”" quotes somebody the sentence does not name, unless the
            # clause names whose view or answer follows ("Ce n'est pas l'avis de Fottorino : « … »")
            return self._view_holder(toks)
        if self.is_thing(subj) and n_words(self.text[q.start : q.end]) < 8:
            return None  # "Cette veillée avait pour thème : « Le chemin vers Jésus »": a theme, not speech
        return Attribution(verb=root, speaker=phrase_span(subj, start, q.start), speaker_head=subj, how="colon")

    def _passive_agent(self, root: Any, start: int) -> Any:
        """ "La décision est accueillie avec soulagement par l'ACLU : « … »": in French, the named agent of a
        passive clause before the colon speaks, not its grammatical subject."""
        if self.lex.lang != "fr" or root is None or not passive(root):
            return None
        agent = next((c for c in root.children if c.dep_ == "obl:agent" and c.idx >= start), None)
        if agent is None or not (any(t.pos_ == "PROPN" for t in agent.subtree) or self.speaking_noun(agent)):
            return None
        return agent

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
        if any(t.pos_ in ("VERB", "AUX") and not present_participle(t) for t in toks[comma:]):
            return None  # "Pour X, faisant allusion à …, « … »": an aside on a present participle is allowed
        holder = toks[1:comma]  # "Pour Marie Dupont, sociologue, « … »": the apposition is not the holder
        named = toks[comma + 1 : -1]  # "Pour le président du centre, Jean Roux, « … »": a role, then the name
        if 0 < len(named) <= 5 and all(t.ent_type_ in PERSON_ENTS for t in named) and holder[0].pos_ == "DET":
            span = (named[0].idx, named[-1].idx + len(named[-1]))
            return Attribution(verb=None, speaker=span, speaker_head=named[-1], how="opinion")
        person = all(t.ent_type_ in PERSON_ENTS for t in holder) and len(holder) <= 5 or (
            len(holder) == 1 and holder[0].lower_ in self.lex.pronouns
        )
        titled = len(holder) <= 10 and holder[-1].ent_type_ in PERSON_ENTS and holder[0].pos_ == "DET"
        org = len(holder) <= 6 and all(t.ent_type_ == "ORG" or t.pos_ == "DET" for t in holder)  # "Pour Amnesty, …"
        head = next((t for t in holder if t.head.i not in {x.i for x in holder}), holder[0])
        named = person or org or (titled or self._name_of_body(holder)) and self.lex.lang == "fr"
        if not (named or len(holder) <= 6 and self.speaking_noun(head)):
            return None  # "Pour le président de la Commission Jean-Claude Juncker, « … »": a role and a name
        span = (holder[0].idx, holder[-1].idx + len(holder[-1]))
        return Attribution(verb=None, speaker=span, speaker_head=head, how="opinion")

    @staticmethod
    def _name_of_body(holder: list[Any]) -> bool:
        """ "Pour Marie Roux du syndicat FAGE, « … »": a person's name, then "de" and the body they belong to."""
        k = 0
        while k < len(holder) and holder[k].ent_type_ in PERSON_ENTS:
            k += 1
        return 2 <= k < len(holder) - 1 <= 10 and holder[k].lower_ in ("de", "du", "des", "d'", "d’")

    def _opinion_aside(self, toks: list[Any], q: Quoted) -> Attribution | None:
        """ "Pour X, le candidat de Y, faisant allusion à Z, « … »": in French, an opinion phrase opening the
        clause keeps the quote when a participle aside stands before it (not the participle's speech verb)."""
        if self.lex.lang != "fr" or not any(present_participle(t) for t in toks):
            return None
        return self.opinion(toks, q)

    def speaking_noun(self, head: Any) -> bool:
        """See `quote_subjects.speaking_noun`."""
        return speaking_noun(head, self.lex)

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
        if subj is not None and subj.i == last.i and subj.lower_ in RELATIVE_SUBJECTS:
            subj = self._relative_antecedent(verb, toks)  # "le Conseil d'État, qui « annule … »"
        if subj is None or subj.i >= toks[-1].i + 1 or subj.idx < toks[0].idx or last not in subj.subtree:
            return None
        if subj.pos_ not in ("PROPN", "NOUN") or subj.ent_type_ in PLACE_ENTS or self.is_thing(subj):
            return None
        span = speaker_phrase(subj, toks[0].idx, q.start)
        return Attribution(verb=None, speaker=span, speaker_head=subj, how="outside")  # kept however short

    def _relative_antecedent(self, verb: Any, toks: list[Any]) -> Any:
        """The name that "qui"/"who" stands for when the quote opens on the relative clause's verb ("le Conseil
        d'État, qui « … »"); its subtree then holds the relative pronoun, as a subject before the opening mark does.
        A common noun ("qualifié de journal qui « … » par X") is what somebody describes, not who speaks."""
        if verb.dep_ not in ("acl:relcl", "relcl"):
            return None
        noun = subject_of(verb)
        if noun is None or noun.i > verb.i or noun.lower_ in RELATIVE_SUBJECTS:
            return None
        capitalised = noun.text[:1].isupper() and not noun.is_sent_start  # "le Conseil d'État" tagged as a noun
        named = noun.pos_ == "PROPN" or capitalised or noun.ent_type_ in PERSON_ENTS + ("ORG",)
        named = named or any(c.pos_ == "PROPN" and c.dep_ in NAME_DEPS for c in noun.children)
        return noun if named else None

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

