"""Reported speech by an introducer: "selon X", "d'après X", "according to X" matched in the text (their
noun phrase is the speaker, the rest of the clause the content), and a French sentence opened by "Pour"
and a person ("Pour le maire, la route …"), a view reported without a verb."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .quote_lexicon import QuoteLexicon
from .quote_sentences import ABBREV, QUOTE_CHARS, doc_text, sentence_end, sentence_start
from .quote_subjects import PERSON_ENTS, PLACE_ENTS, phrase_span, speaking_noun
from .quote_verbs import speech_verb
from .reported import Reported, inside, trim
from .speaker_groups import speaker_nouns

CONJUNCTIONS = {"et", "mais", "puis", "ou", "and", "but", "then", "or", "que", "qu'", "qu’", "that"}
"""A report introducer right after one of these introduces what follows ("…, puis, selon X, …", "a dit
que, selon lui, « … »")."""


OPINION = re.compile(r"(?:^|(?<=[.!?»\n]))\s*(?:(?:Mais|Et|Or)\s*,?\s*)?(Pour)\s+([^,;:.!?«»\"“”\n]{2,80}?)\s*,\s*")


def opinions(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    """ "Pour le maire, la route ne sera pas prête avant l'hiver": a French sentence opened by "Pour" and a
    person (a name, a role or a body) gives that person's view, reported without a verb. "Pour la
    première fois", "Pour cela" and the like open no view: their noun cannot speak."""
    if lex.lang != "fr":
        return []
    text = doc_text(doc)
    out: list[Reported] = []
    for m in OPINION.finditer(text):
        if inside(m.start(2), quoted):
            continue
        holder = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if holder is None or not _opinion_holder(holder, lex):
            continue
        start, end = trim(text, m.end(), sentence_end(text, m.end()))
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


DATELINE_END = re.compile(r"(?:^|\d[\s.,]*)[–—]$")
"""A dateline closes on a dash ("24 janvier 2017 . –"): what follows opens the sentence."""
AUTHOR = re.compile(
    r"\b(?:by|from|of)\s+(?:the\s+)?[A-Z]"
    r"|(?:\b(?:de|du|des|par)\s+|\bd['’]\s*)(?:la\s+|l['’]\s*)?(?:[a-zà-ÿ]+\s+)?[A-ZÀ-Ý]"
)
"""Data given with their author ("figures released by NPD Group", "une étude de l'Inserm") speak for that author."""


def _not_a_source(phrase: str, lex: QuoteLexicon) -> bool:
    """True for "le plan", "le plus récent bilan", "the ACARS data", a legal article ("l'article 50"), data
    without a named author ("the study")."""
    words = [re.sub(r"^[dl][’']", "", w) for w in re.findall(r"[\w'’-]+", phrase.lower())]
    if re.match(r"(?:[dl][’'])?articles?\s+\d", phrase.strip().lower()):
        return True
    if any(w in lex.data_nouns for w in words[:4]) and not AUTHOR.search(phrase):
        return True  # "according to the study", but not "figures released by NPD Group"
    return bool(words) and any(w in lex.not_source for w in words[:4])


def not_a_source(phrase: str, lex: QuoteLexicon) -> bool:
    """True for data, plans, laws and the like, which speak for nobody ("the study", "new law")."""
    return _not_a_source(phrase, lex)


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
        return (*trim(text, content_from + m.end(), s_end), None)
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
    if _copula_goes_on(doc, text, lead, content_from, s_end):
        return True
    if not re.match(r"\s*,\s*(?!qu[e'’]|qui\b|that\b|which\b|who\b|and\b|but\b)[a-zà-ÿ]", text[content_from:s_end]):
        return False
    toks = [t for t in doc.char_span(*lead, alignment_mode="expand") or [] if not t.is_punct]
    after = doc.char_span(content_from, s_end, alignment_mode="contract")
    if not toks or after is None or not any(t.pos_ in ("VERB", "AUX") for t in after):
        return False
    return toks[-1].pos_ == "AUX" or not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _copula_goes_on(doc: Any, text: str, lead: tuple[int, int], content_from: int, s_end: int) -> bool:
    """ "Ceci serait cependant, selon sa mère, « une légende familiale »": a French copula ends the clause before
    "selon X" (past adverbs) and its quoted predicate comes after it."""
    if doc.lang_ != "fr" or not re.match(r"\s*,\s*«", text[content_from:s_end]):
        return False
    toks = [t for t in doc.char_span(*lead, alignment_mode="expand") or [] if not t.is_punct]
    verbs = [k for k, t in enumerate(toks) if t.pos_ in ("VERB", "AUX")]
    if not verbs or toks[verbs[-1]].lemma_.lower() not in ("être", "sembler", "paraître", "rester", "devenir"):
        return False
    return all(t.pos_ == "ADV" for t in toks[verbs[-1] + 1 :])


ARTICLES_FR = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du"}


def _object_after_source(doc: Any, text: str, lead: tuple[int, int], sp_start: int, seg_end: int) -> int | None:
    """ "Cette milice constitue selon plusieurs observateurs une armée privée": a French "selon X" with no comma
    between a finite verb and its object; the offset where the object's article starts after X's noun phrase,
    or None."""
    if doc.lang_ != "fr" or re.search(r"[,;:]\s*$", text[lead[0] : sp_start]):
        return None
    toks = [t for t in doc.char_span(*lead, alignment_mode="contract") or [] if not t.is_punct]
    copula = bool(toks) and toks[-1].lemma_.lower() in ("être", "sembler", "paraître", "rester", "devenir")
    if not toks or not (toks[-1].pos_ == "VERB" or copula) or "Fin" not in toks[-1].morph.get("VerbForm"):
        return None
    if any(c.dep_ == "obj" and c.i > toks[-1].i and c.idx < sp_start for c in toks[-1].children):
        return None
    source = doc.char_span(sp_start, seg_end, alignment_mode="contract")
    for prev, x in zip(source or [], list(source or [])[1:], strict=False):
        if x.text in QUOTE_CHARS:
            return x.idx  # "L'enterrement est selon l'Église « la forme la plus appropriée »"
        if x.lower_ in ARTICLES_FR and (prev.pos_ in ("NOUN", "PROPN", "ADJ") or prev.text == ")"):
            return x.idx
    return None


WHAT_SAID = re.compile(
    r"ce\s+qu(?:e\s+|['’]\s*)(?:(?:a|ont|avait|avaient)\s+)?[a-zéèêîôû]+\s+(?=\S)", re.IGNORECASE
)
"""French "ce que rapportent", "ce qu'a déclaré" after "selon": the subject of the verb is the source."""


def _past_what_said(text: str, start: int, end: int) -> int:
    """Where the source starts in "selon ce que rapportent des médias belges": after the relative and its
    verb; `start` itself when the phrase is not of that kind."""
    said = WHAT_SAID.match(text, start, end)
    return said.end() if said is not None else start


def introducers(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    text = doc_text(doc)
    out: list[Reported] = []
    for intro in lex.according:
        for m in re.finditer(rf"(?<![\w'’]){re.escape(intro)}(?![\w-])", text, re.IGNORECASE):
            if inside(m.start(), quoted) or re.match(r"\s*(?:lesquel|laquelle|lequel|which|whom)", text[m.end() :]):
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
            sp_start = _past_what_said(text, sp_start, seg_end)
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
            lead = "" if DATELINE_END.search(lead) else lead  # "24 janvier 2017 . – Selon X, …": no lead
            lead_words = re.findall(r"[\w'’]+", lead.lower())
            after = _french_content_after(text, doc, sp_start, content_from, s_end)
            if verb_that is not None:
                start, end = trim(text, verb_that[1], s_end)
            elif after is not None:
                start, end, short = after
                seg_end = full_end = short or seg_end
            elif not lead or (lead_words and lead_words[-1] in CONJUNCTIONS):
                start, end = trim(text, content_from, s_end)
            else:
                start, end = trim(text, s_start, m.start())
                split = _object_after_source(doc, text, (start, end), sp_start, seg_end)
                if _clause_goes_on(doc, text, (start, end), content_from, s_end):
                    end = trim(text, start, s_end)[1]  # "X aurait, selon Y, fait …": the whole clause
                elif split is not None:  # "La milice constitue selon X une armée privée": the clause goes on
                    end, seg_end = trim(text, start, s_end)[1], len(text[:split].rstrip())
                    full_end = seg_end
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


RELATIVE_SELON = re.compile(r"\s*,?\s*selon\s+(?:lequel|laquelle|lesquels|lesquelles)\b\s*,?\s*", re.IGNORECASE)
NAMED_ENTS = (*PERSON_ENTS, "ORG")


def relative_introducers(doc: Any, lex: QuoteLexicon, quoted: Sequence[tuple[int, int]]) -> list[Reported]:
    """ "Même avis au ministère de la Justice, selon lequel le dispositif n'est pas une solution miracle": "selon
    lequel" after a person or a body reports the rest of the clause as theirs ("les informations selon
    lesquelles …", "l'hypothèse selon laquelle …" name a thing, not a speaker)."""
    if lex.lang != "fr":
        return []
    text = doc_text(doc)
    out: list[Reported] = []
    for m in RELATIVE_SELON.finditer(text):
        if inside(m.start(), quoted) or m.start() == 0:
            continue
        before = doc.char_span(0, len(text[: m.start()].rstrip()), alignment_mode="contract")
        if before is None or not len(before):
            continue
        head = _antecedent(before[-1])
        if head is None or not _can_speak(head, lex):
            continue
        end = sentence_end(text, m.end())
        if head.dep_.startswith("nsubj") and m.end() < head.head.idx < end:
            end = text.rfind(",", m.end(), head.head.idx)  # "Le maire, selon lequel …, a visité le chantier"
        start, end = trim(text, m.end(), end)
        if end <= start:
            continue
        sel = m.start() + m.group(0).lower().index("selon")
        sp = phrase_span(head, sentence_start(text, head.idx), sel)
        out.append(
            Reported(
                start=start, end=end, verb_text="selon", verb_span=(sel, sel + len("selon")),
                speaker=trim(text, *sp), speaker_head=head, how="introducer",
            )
        )
    return out


def _antecedent(last: Any) -> Any:
    """The head of the noun phrase ending at `last` ("ministère" in "au ministère de la Justice")."""
    tok = last
    while tok.dep_ in ("nmod", "flat:name", "flat", "amod", "fixed") and tok.head.i < tok.i:
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def _can_speak(head: Any, lex: QuoteLexicon) -> bool:
    """A name of a person or an organisation, or a noun of a role or a body."""
    if _not_a_source(head.text, lex):
        return False
    if head.pos_ == "PROPN" or head.ent_type_ in NAMED_ENTS:
        return head.ent_type_ not in PLACE_ENTS
    return speaking_noun(head, lex)
