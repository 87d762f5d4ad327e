"""Events written as verbs: a verb whose lemma matches a pattern of `lexicons/events/verbs_<lang>.tsv` (with its
required dependent, if any) is an event; its subject (or passive agent) is the source, its object or an oblique
with a preposition of `TARGET_PREPOSITIONS` the target.

The verb's mood changes the code, as in CAMEO: a promised act ("will withdraw", "is ready to release") is
an intent (03) or, for conflict, a threat (13); a negated promise is a refusal (12); "X said Y must …" is a
demand (10). A verb complementing a coded verb ("threatened to [attack]") is not a second event. `event_span`,
`participants`, `negated` and `hypothetical` serve the noun events too.
"""

from __future__ import annotations

import re
from typing import Any

from ..article import Span
from .event_actors import ActorCoder, coordinated
from .event_lexicon import EventLexicon, Pattern, cameo_codes

__all__ = ["event_span", "is_hypothetical", "is_negated", "participants", "verb_events", "verb_pattern"]

TARGET_PREPOSITIONS = {
    "en": frozenset({"against", "with", "on", "to", "at", "from", "toward", "towards", "upon", "into"}),
    "fr": frozenset({"contre", "avec", "à", "au", "aux", "envers", "auprès", "sur", "vers"}),
}
PLACE_PREPOSITIONS = frozenset({"à", "au", "aux"})
"""French "à" names the recipient of a request or a delivery but the place of a killing ("tué à Magnanville")."""
MATERIAL_CONFLICT = "material conflict"
AGAINST = frozenset({"against", "contre"})
"""The only target prepositions of protests: "demonstrated in Paris" names a place, "against X" a target."""
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
INDIRECT_DEPS = frozenset({"dative", "iobj"})
OBLIQUE_DEPS = frozenset({"prep", "obl", "obl:arg", "obl:mod"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
PASSIVE_AUX_DEPS = frozenset({"auxpass", "aux:pass"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "pas", "jamais", "plus", "aucunement", "guère", "nullement"})
MODALS = frozenset({"could", "may", "might", "would", "should", "can"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "si"})
INTENT_VERBS = frozenset(
    {
        "want", "hope", "consider", "seek", "try", "aim", "wish",
        "pouvoir", "devoir", "vouloir", "envisager", "souhaiter", "espérer", "chercher", "tenter", "essayer",
    }
)  # fmt: skip
"""Verbs whose complement is only wished or possible: "wants to attack" is hypothetical."""
COMMITMENT_WORDS = frozenset(
    {
        "willing", "ready", "prepared", "determined", "plan", "intend",
        "prêt", "disposé", "décidé", "compter", "projeter", "prévoir", "aller", "go",
    }
)  # fmt: skip
"""Words whose complement is a stated intention: "is ready to withdraw" expresses intent (AGREE), "plans to
impose sanctions" threatens; "va fournir", "is going to attack" announce."""
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
REPORTED_FUTURE_AUX = frozenset({"would", "'d"})
DEMAND_AUX = frozenset({"must"})
REFUSALS = {"04": "125", "06": "121", "07": "122", "08": "124"}
"""Refusal codes of a negated promise by the root of the promised act ("will not meet" → 125); else 120."""
INTENT_CODES = {
    "04": "036", "05": "032", "057": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035",
    "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "14": "133", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "132", "172": "132", "1722": "1322", "1723": "1323", "1724": "1324", "173": "137",
    "174": "137", "175": "137", "18": "138", "19": "138", "191": "1381", "192": "1382", "20": "138",
    "204": "1385",
}  # fmt: skip
"""A promised act is coded as the intent to act (CAMEO 03) or, for conflict, as a threat (CAMEO 13): "will
withdraw" → 0356, "will impose sanctions" → 1312. Keys are code prefixes, the longest applies."""
STATEMENT_WHEN_CLAUSE = frozenset({"130"})
"""Codes that are only statements when the verb introduces a clause with no target and no announced act
("warned that prices would rise" threatens no one; "warned that police will ban rallies" does)."""
INTRANSITIVE_ROOTS = ("14",)
"""CAMEO roots whose events need only a source ("protesters demonstrated")."""
CONTROL_DEPS = frozenset({"xcomp"})
REQUIRE_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})
"""PLOVER types that require a recipient (requires_recipient in the PLOVER event types)."""
PERSON_UNDERGOERS = frozenset({"0841", "173", "174", "181", "182", "1821", "1822", "1823", "186"})
"""Codes whose object must be people: one releases prisoners (not a product), arrests, expels, abducts,
beats or assassinates someone."""
UNREALISED = frozenset({"REQUEST", "AGREE", "REJECT", "THREATEN"})
"""PLOVER types whose clausal complement is asked, promised, refused or threatened, not done."""
FRENCH_CONDITIONAL = re.compile(r"r(?:ais|ait|aient|ions|iez)$")
"""French conditional endings: the French model tags "fournirait" as an indicative imperfect."""
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "il", "elle", "ils", "elles"})
REFLEXIVES = frozenset({"se", "s'", "s’"})
UNCERTAIN_VERBS = frozenset(
    {"fear", "worry", "believe", "think", "doubt", "craindre", "redouter", "penser", "croire", "douter"}
)
"""Verbs whose clause is feared or believed, not reported as fact: "fear that China supplies weapons"."""


def verb_events(text: str, doc: Any, lex: EventLexicon, coder: ActorCoder, lang: str) -> list[Span]:
    """The events of a parsed text written as verbs (see the module docstring)."""
    matched = {tok.i: p for tok in doc if (p := verb_pattern(tok, lex)) is not None}
    spans = []
    for tok in doc:
        demanded = tok.dep_ == "ccomp" and any(
            c.dep_.startswith("aux") and c.text.casefold() in DEMAND_AUX for c in tok.children
        )
        if demanded and _governor(tok, matched) is None:
            span = _demand(text, tok, coder, lang)  # "said Libya must hand over": a demand, not a handover
        elif tok.i in matched and _governor(tok, matched) is None:
            span = _event(text, tok, matched[tok.i], coder, lang)
        else:
            continue  # "threatened to attack": the governing verb is the event
        if span is not None:
            spans.append(span)
    return spans


def _demand(text: str, tok: Any, coder: ActorCoder, lang: str) -> Span | None:
    """ "X said Y must drop barriers": X demands of Y (CAMEO 100), the trigger being the verb after "must"."""
    speaker = tok.head
    sources = _first_actors([c for c in speaker.children if c.dep_ in SUBJECT_DEPS], coder)
    targets = _first_actors([c for c in tok.children if c.dep_ in SUBJECT_DEPS], coder)
    if not sources or not targets:
        return None
    return event_span(text, tok, tok.lemma_, "100", sources, targets, negated=False, hypothetical=False, specific=False)


def verb_pattern(tok: Any, lex: EventLexicon) -> Pattern | None:
    """The most specific verb pattern a verb token matches, by its lemma and its dependents' words, or None."""
    if tok.pos_ != "VERB":
        return None
    words = _dependent_words(tok)
    for lemma in _lemmas(tok):
        pattern = lex.match(lemma, words)
        if pattern is not None:
            return pattern
    return None


def _lemmas(tok: Any) -> list[str]:
    """The lemma, then for an English verb the forms its ending suggests: the lemmatiser reads "staged" as
    "stag" and "shelled" as "shell"."""
    out = [tok.lemma_.casefold()]
    low = tok.text.casefold()
    if tok.lang_ == "en":
        for suffix, repl in (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + repl)
    return out


def _dependent_words(tok: Any) -> set[str]:
    """Words a pattern's `with` may name: the verb's dependents and the prepositions, objects and
    reflexive pronouns one step below ("call for", "appeler à cesser", "s'entretenir", "took to the streets")."""
    words: set[str] = set()
    for child in tok.children:
        words.update((child.lemma_.casefold(), child.text.casefold()))
        if child.dep_ in OBJECT_DEPS:  # "suspended aid deliveries"
            words.update(g.lemma_.casefold() for g in child.children if g.dep_ == "compound")
        if child.dep_ in OBLIQUE_DEPS or child.dep_ in CONTROL_DEPS or child.dep_.startswith(("obl", "prt")):
            for grand in child.children:
                if grand.dep_ in ("case", "mark", "pobj", "fixed", "prt", "dobj", "obj", "expl:pv"):
                    words.update((grand.lemma_.casefold(), grand.text.casefold()))
    if words & REFLEXIVES:
        words.add("se")
    return words


def _governor(tok: Any, matched: dict[int, Pattern]) -> Any | None:
    """The coded verb `tok` is the complement of ("threatened to [attack]", "agreed to [cooperate] and …")."""
    cur = tok
    if tok.dep_ == "pcomp" and tok.head.head.i in matched:
        return tok.head.head  # "accused Uganda of [supporting] the rebels"
    head = tok.head
    if tok.dep_ == "ccomp" and head.i in matched and cameo_codes()[matched[head.i].cameo].plover in UNREALISED:
        return head  # "demanded that the US [cancel] its plans"
    if tok.dep_ == "advcl" and head.i in matched and _purpose(tok):
        return head  # "opened fire to [disperse] demonstrators": the purpose is not a second act
    for _ in range(3):
        if cur.dep_ == "conj" and cur.head.dep_ in CONTROL_DEPS:
            cur = cur.head
        infinitive = cur.dep_ == "advcl" and any(c.lemma_ in ("de", "à") and c.dep_ == "mark" for c in cur.children)
        if cur.dep_ not in CONTROL_DEPS and not infinitive:  # "accusé de [soutenir]" is parsed as advcl
            return None
        if cur.head.i in matched:
            return cur.head
        cur = cur.head
    return None


def _purpose(tok: Any) -> bool:
    """An infinitive of purpose: "to disperse", "pour aider"."""
    return any(
        (c.dep_ == "aux" and c.text.casefold() == "to") or (c.dep_ == "mark" and c.lemma_.casefold() == "pour")
        for c in tok.children
    )


def _event(text: str, tok: Any, pattern: Pattern, coder: ActorCoder, lang: str) -> Span | None:
    cameo, intent = pattern.cameo, _intended(tok)
    if intent:
        cameo = _intent_code(cameo) or cameo
    code = cameo_codes()[cameo]
    if code.plover is None:
        return None  # CAMEO 01 statements ("denied") have no PLOVER type
    if pattern.cameo in PERSON_UNDERGOERS and not _undergoer_is_person(tok, coder):
        return None  # "Apple released the iPhone", "released a statement"
    intransitive = pattern.cameo.startswith(INTRANSITIVE_ROOTS)
    preps = AGAINST if intransitive else TARGET_PREPOSITIONS.get(lang, frozenset())
    if code.quad == MATERIAL_CONFLICT:
        preps = preps - PLACE_PREPOSITIONS
    sources, targets = participants(tok, coder, lang, preps=preps)
    if not targets and code.plover == "REQUEST":  # "demanded that the US cancel its plans": asked of the US
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        targets = _first_actors([s for c in clauses for s in c.children if s.dep_ in SUBJECT_DEPS], coder)
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    acts = [c for c in clauses if _intended(c) and verb_pattern(c, coder.lex) is not None]
    if pattern.cameo in STATEMENT_WHEN_CLAUSE and not targets and clauses and not acts:
        return None  # "warned that prices would rise" informs; "warned that it will strike the rebels" threatens
    if not targets and code.plover == "THREATEN":
        targets = _first_actors([o for c in acts for o in _objects(c, lang)], coder)
    if not sources and (intransitive or not targets):
        return None
    if code.plover in REQUIRE_RECIPIENT and not targets:
        return None  # "Rolls-Royce will supply engines": aid and cooperation are given to someone
    hypothetical = False if intent and cameo != pattern.cameo else is_hypothetical(tok)
    negated = is_negated(tok)
    if negated and cameo.startswith("03"):  # "will not sign", "did not agree": a refusal (CAMEO 12)
        cameo, negated = REFUSALS.get(pattern.cameo[:2], "120"), False
    flags = {"negated": negated, "hypothetical": hypothetical, "specific": bool(pattern.with_)}
    return event_span(text, tok, pattern.lemma, cameo, sources, targets, **flags)


def _undergoer_is_person(tok: Any, coder: ActorCoder) -> bool:
    """The object (or passive subject) of `tok` is a person or group, or there is none."""
    passive = any(c.dep_ in PASSIVE_AUX_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
    deps = OBJECT_DEPS | (SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if passive else frozenset())
    undergoers = [c for c in tok.children if c.dep_ in deps]
    return not undergoers or any(coder.is_person(t) for u in undergoers for t in coordinated(u))


def event_span(
    text: str,
    tok: Any,
    lemma: str,
    cameo: str,
    sources: list[dict],
    targets: list[dict],
    *,
    negated: bool,
    hypothetical: bool,
    specific: bool,
) -> Span:
    """The "events" span of the sentence holding `tok`, with the contract's attrs; confidence grows with coded
    actors on both sides and with a `specific` pattern."""
    code = cameo_codes()[cameo]
    sent = tok.sent
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    coded = sum(1 for group in (sources, targets) if any(a["country"] or a["name"] or a["sector"] for a in group))
    confidence = 0.4 + 0.2 * coded + (0.1 if specific else 0.0) + (0.1 if sources and targets else 0.0)
    if hypothetical:
        confidence -= 0.1
    attrs = {
        "plover": code.plover,
        "mode": code.mode,
        "cameo": code.code,
        "cameo_name": code.name,
        "quad": code.quad,
        "goldstein": code.goldstein,
        "trigger": tok.text,
        "trigger_span": [tok.idx, tok.idx + len(tok.text)],
        "lemma": lemma,
        "sources": sources,
        "targets": targets,
        "negated": negated,
        "hypothetical": hypothetical,
        "confidence": round(min(1.0, max(0.0, confidence)), 2),
    }
    return Span(start=start, end=end, label="EVENT", attrs=attrs)


def _intent_code(cameo: str) -> str | None:
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in INTENT_CODES:
            return INTENT_CODES[cameo[:n]]
    return None


def _conditional(tok: Any) -> bool:
    if "Cnd" in tok.morph.get("Mood"):
        return True
    imperfect = "Imp" in tok.morph.get("Tense")
    return tok.lang_ == "fr" and imperfect and bool(FRENCH_CONDITIONAL.search(tok.text.casefold()))


def _intended(tok: Any) -> bool:
    """A promised or announced act: "will withdraw", "said it would boycott", "is ready to", "va retirer"."""
    if "Fut" in tok.morph.get("Tense") and "Fin" in tok.morph.get("VerbForm"):
        return True
    if _conditional(tok) and tok.dep_ == "ccomp":
        return True
    for child in tok.children:
        if not child.dep_.startswith("aux"):
            continue
        low = child.text.casefold()
        if low in FUTURE_AUX or low in REPORTED_FUTURE_AUX and tok.dep_ == "ccomp":
            return True
        if child.lemma_ == "aller" and "Pres" in child.morph.get("Tense"):
            return True
        if _conditional(child) and tok.dep_ == "ccomp":
            return True
    return any(c.lemma_.casefold() in COMMITMENT_WORDS for c in _controllers(tok))


def participants(
    tok: Any, coder: ActorCoder, lang: str, *, preps: frozenset[str] | None = None
) -> tuple[list[dict], list[dict]]:
    """(sources, targets): subject or passive agent; object, indirect object or oblique with a target preposition."""
    reflexive = any(c.dep_.startswith("expl") and c.lemma_.casefold() in REFLEXIVES for c in tok.children)
    passive = not reflexive and any(c.dep_ in PASSIVE_AUX_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
    subjects, agents, objects, obliques = [], [], [], []
    for child in tok.children:
        dep = child.dep_
        if dep in SUBJECT_DEPS or dep in PASSIVE_SUBJECT_DEPS:
            subjects.append(child)
        elif dep in AGENT_DEPS:
            agents.extend([g for g in child.children if g.dep_ == "pobj"] or [child])
        elif dep in INDIRECT_DEPS:
            objects.insert(0, child)
        elif dep in OBJECT_DEPS or dep in CONTROL_DEPS and child.pos_ in ("PROPN", "NOUN"):
            objects.append(child)  # "n'a pas attaqué Israël" is parsed with Israël as xcomp
        elif dep in OBLIQUE_DEPS or dep.startswith("obl"):
            obliques.extend(_oblique_targets(child, lang, preps))
    if not subjects:
        subjects = _inherited_subject(tok)
    subjects = [_antecedent(s) for s in subjects]
    sources: list[dict] = []
    targets: list[dict] = []
    subject_actors = _subject_actors(subjects, coder)
    if passive:
        for a in agents:
            sources.extend(coder.actors(a, subject=True))
        targets = subject_actors
    else:
        sources = subject_actors
    if not targets:
        targets = _first_actors(objects + obliques, coder)
    if not targets:  # "threatened to strike Kyiv": the complement's object
        for comp in (c for c in tok.children if c.dep_ in CONTROL_DEPS):
            targets = _first_actors(_objects(comp, lang), coder)
            if targets:
                break
    return sources, targets


def _first_actors(candidates: list[Any], coder: ActorCoder) -> list[dict]:
    for cand in candidates:
        found = coder.actors(cand)
        if found:
            return found
    return []


def _objects(tok: Any, lang: str) -> list[Any]:
    out = [c for c in tok.children if c.dep_ in INDIRECT_DEPS or c.dep_ in OBJECT_DEPS]
    for child in tok.children:
        if child.dep_ in OBLIQUE_DEPS or child.dep_.startswith("obl"):
            out.extend(_oblique_targets(child, lang))
    return out


def _subject_actors(subjects: list[Any], coder: ActorCoder) -> list[dict]:
    """Actors of the subjects; two subjects side by side are one actor ("Le dirigeant chinois Xi Jinping"
    parsed as two subjects): the first, named and extended by the second."""
    out: list[dict] = []
    last = -2
    for subj in sorted(subjects, key=lambda t: t.i):
        actors = coder.actors(subj, subject=True)
        if out and actors and subj.left_edge.i == last + 1:
            first, second = out[-1], actors[0]
            if first["name"] is None:
                start, end = first["span"][0], second["span"][1]
                first.update(text=coder.text[start:end], span=[start, end], name=second["name"])
                first["entity_id"] = second["entity_id"]
                first["country"] = first["country"] or second["country"]
            continue
        out.extend(actors)
        last = subj.right_edge.i
    return out


def _oblique_targets(child: Any, lang: str, preps: frozenset[str] | None = None) -> list[Any]:
    """The object of an oblique whose preposition marks a target ("with X", "contre X")."""
    preps = preps if preps is not None else TARGET_PREPOSITIONS.get(lang, frozenset())
    if child.dep_ == "prep":  # English: the preposition heads its object
        return [g for g in child.children if g.dep_ == "pobj"] if child.lemma_.casefold() in preps else []
    case = [g.lemma_.casefold() for g in child.children if g.dep_ == "case"]
    return [child] if case and case[0] in preps else []


def _antecedent(subject: Any) -> Any:
    """The subject of the reporting clause for a pronoun subject of the reported one: "Hungary said it will
    support …", "Les rebelles ont annoncé qu'ils libéreraient …"."""
    if subject.pos_ != "PRON" or subject.text.casefold() not in REPORTED_PRONOUNS:
        return subject
    clause = subject.head
    for _ in range(3):
        if clause.dep_ == "ccomp":
            found = [c for c in clause.head.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"]
            return found[0] if found else subject
        if clause.dep_ not in ("xcomp", "conj", "acomp") or clause.head is clause:
            break
        clause = clause.head
    return subject


def _inherited_subject(tok: Any) -> list[Any]:
    """The subject of the verb `tok` is coordinated with or complements ("Russia invaded and occupied …")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("conj", "xcomp") or cur.head is cur:
            return []
        cur = cur.head
        found = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if found:
            return found
    return []


def is_negated(tok: Any) -> bool:
    """A negation on the verb or the verb it complements; French "plus" only with "ne" ("ne … plus", not
    "plus tôt")."""
    for t in (tok, *_controllers(tok)):
        words = {c.lemma_.casefold() for c in t.children}
        for child in t.children:
            low = child.lemma_.casefold()
            if low == "plus" and not words & {"ne", "n'", "n’"}:
                continue
            if child.dep_ == "neg" or low in NEGATIONS and child.dep_ in ("advmod", "neg", "det"):
                return True
    return False


def is_hypothetical(tok: Any) -> bool:
    """A modal or conditional verb, an "if" clause, or the complement of an intention ("plans to attack")."""
    for t in (tok, *_controllers(tok)):
        if _conditional(t) or t is not tok and t.lemma_.casefold() in INTENT_VERBS:
            return True
        for child in t.children:
            low = child.lemma_.casefold()
            if child.dep_.startswith("aux") and (
                child.text.casefold() in MODALS or _conditional(child) or low in ("pouvoir", "devoir")
            ):
                return True
            if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                return True
            marks = (g.lemma_.casefold() for g in child.children if g.dep_ == "mark")
            if child.dep_ == "advcl" and any(m in CONDITIONAL_MARKS for m in marks):
                return True  # "would attack if …", "attaquerait si …"
    clause = next((t for t in (tok, *_controllers(tok)) if t.dep_ == "ccomp"), None)
    return clause is not None and (clause.head.lemma_.casefold() in UNCERTAIN_VERBS or is_negated(clause.head))


def _controllers(tok: Any) -> list[Any]:
    """The verbs `tok` complements ("could [attack]", "pourrait [attaquer]", "plans to [attack]")."""
    out, cur = [], tok
    for _ in range(2):
        if cur.dep_ not in CONTROL_DEPS and not (cur.dep_ == "conj" and cur.head.dep_ in CONTROL_DEPS):
            break
        cur = cur.head if cur.dep_ in CONTROL_DEPS else cur.head.head
        out.append(cur)
    return out
