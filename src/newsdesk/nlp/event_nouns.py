"""Events written as nouns: "Russian air strikes on Aleppo", "les pourparlers entre l'Iran et l'UE",
"Israel's withdrawal from Gaza", "l'arrestation de l'opposant par la police".

A common noun matching a pattern of `lexicons/events/nouns_<lang>.tsv` is an event when an actor is coded
(country, organisation, named person or group with a sector) among its complements:

- **Source:** a possessive ("Israel's"), a nationality adjective ("Russian", "américaines"), a modifier
  naming an organisation, person or group or written as an acronym ("US sanctions", "Hamas attack",
  "police raid"), an agent ("by X", "par X"); both sides of "between X and Y" / "entre X et Y".
- **Target:** a complement with a target preposition ("on", "against", "with", "to", "contre", "sur", …;
  only "against"/"contre" for protests, "from"/"de" the place left by a withdrawal); a country modifier of a
  sanction or a ban ("Iran sanctions").
- **"of X" / "de X":** the undergoer of acts done to people (arrest, release, kidnapping, killing: "la
  libération des otages", "Navalny's arrest" likewise); the doer of meetings, protests, aid, support and
  withdrawals ("la manifestation des enseignants", "the withdrawal of US troops"); for other conflict nouns a
  group or a country is the doer ("l'offensive de l'armée", "les attaques aériennes de la Russie") and a city
  the target ("l'attaque de Kyiv"), but invasions, occupations, sieges and bombardments are of their target
  ("l'invasion de l'Ukraine"); for verbal conflict (criticism, investigation) and boycotts the target.
- **Claimed or carried out:** the subject or agent of "claim", "carry out", "revendiquer", "perpétrer" … is
  the doer of the act it names ("l'attentat a été revendiqué par Daech").

Not events: a noun with no coded actor (a topic: "the sanctions debate"), a noun inside a name or a short
quoted title ("Camp David Accords", « La Grève »), a noun that is the object or complement of a verb event of
the same PLOVER type ("launched an attack": the verb event stands) or of a request, promise, refusal or
threat ("demanded talks"); a noun naming an office ("chargée de l'aide aux victimes"), describing someone
("X, soutien de Y") or modifying another noun ("truce monitors"); a purpose ("in support of", "en soutien
à"); a noun whose only actor is a nationality adjective, unless its pattern is specific ("Israeli air raids"
but not "les attaques danoises"). A noun with "no"/"aucun", or complementing a negated verb, is negated; one
qualified as possible ("possible sanctions") or complementing a modal, conditional or intended verb is
hypothetical.
"""

from __future__ import annotations

import re
from typing import Any

from ..article import Span
from .event_actors import ActorCoder
from .event_lexicon import Pattern, cameo_codes, load_noun_lexicon
from .event_verbs import (
    AGAINST,
    MATERIAL_CONFLICT,
    PERSON_UNDERGOERS,
    PLACE_PREPOSITIONS,
    REQUIRE_RECIPIENT,
    TARGET_PREPOSITIONS,
    UNREALISED,
    event_span,
    is_hypothetical,
    is_negated,
    participants,
    verb_pattern,
)

__all__ = ["noun_events"]

UNDERGOER_CODES = PERSON_UNDERGOERS | frozenset({"180", "201", "202"})
"""Codes whose "of X" / possessive names who undergoes the act ("the release of the hostages", "Navalny's arrest");
without an actor undergoing it there is no event ("the release of the report", "a press release")."""
DOER_ROOTS = ("02", "03", "04", "05", "06", "07", "087", "0831", "10", "13", "14", "15")
"""Codes whose "of X" names the doer ("the visit of the president", "la manifestation des enseignants", "les
menaces de la Corée du Nord")."""
GIVER_ROOTS = ("05", "07")
"""Codes whose "of X" is the doer when a recipient is named ("le soutien de la France à l'Ukraine"), else
the recipient ("its support of the rebels")."""
VERBAL_CONFLICT_ROOTS = ("09", "11", "12")
"""Codes whose "of X" names the target ("the criticism of the government", "la condamnation de la Russie par
l'ONU"), unless another complement names it ("les accusations de Moscou contre Kiev")."""
PLACE_UNDERGOERS = frozenset(
    {
        "invasion", "occupation", "annexation", "siege", "blockade", "bombing", "bombardment", "shelling",
        "annexion", "blocus", "bombardement", "bombardements", "pilonnage",
    }
)  # fmt: skip
"""Acts whose "of"/"de" country is the one attacked ("l'invasion de l'Ukraine"); for the other conflict nouns
a country is the doer ("les attaques aériennes de la Russie") and a city the target ("l'attaque de Kyiv")."""
BOYCOTTS = frozenset({"boycott"})
"""A protest whose "of X" is its target ("a boycott of the Ukraine half of Euro 2012")."""
MODIFIER_TARGET_ROOTS = ("16", "17")
"""Codes whose country modifier is the target ("Iran sanctions", "the Gaza blockade")."""
AGENT_PREPS = frozenset({"by", "par"})
MUTUAL_PREPS = frozenset({"between", "among", "entre", "entrer"})  # the French model lemmatises "entre" as "entrer"
OF_PREPS = frozenset({"of", "de", "du", "des", "d'", "d’"})
FROM_PREPS = frozenset({"from"})
FROM_SOURCE_ROOTS = ("02", "04", "05", "06", "07", "09", "10", "11", "12", "13", "14")
"""Codes whose "from X" names the doer ("aid from the EU", "criticism from Russia"); a withdrawal "from X" leaves
a target."""
FOR_TARGET_ROOTS = ("05", "07")
FOR_PREPS = frozenset({"for", "pour"})
IN_PREPS = frozenset({"in", "en", "dans"})
"""Where an attack happened: its target when no other is named ("air strikes in Syria")."""
ASSAULT_ROOTS = ("18", "19", "20")
VISITS = ("042",)
"""A visit "en France" is a visit to France."""
NOUN_NEGATIONS = frozenset({"no", "aucun", "aucune", "nul", "nulle"})
POSSIBLE = frozenset(
    {
        "possible", "potential", "eventual", "proposed", "planned", "future", "prospective", "threatened",
        "éventuel", "éventuelle", "éventuels", "éventuelles", "probable", "futur", "envisagé",
        "envisagée", "envisagés", "envisagées", "projeté", "projetée",
    }
)  # fmt: skip
"""Adjectives of an act not (yet) done: "possible sanctions", "d'éventuelles frappes"."""
PLANNING_VERBS = frozenset({"prepare", "plan", "consider", "préparer", "planifier", "envisager", "projeter"})
"""Verbs whose object is not done yet: "preparing a major offensive"."""
RISK_NOUNS = frozenset(
    {"risk", "fear", "possibility", "prospect", "plan", "threat", "risque", "crainte", "possibilité", "perspective",
     "projet", "menace"}
)  # fmt: skip
"""Nouns whose "of X" complement is only feared or planned: "the risk of an invasion"."""
ENDING = frozenset({"CONCEDE", "RETREAT", "SANCTION"})
"""Verb events that end or ease the act their object names ("lifted the blockade"): no second event."""
TOPIC_PREPS = frozenset({"on", "upon", "sur", "over"})
"""Target prepositions only for conflict ("strikes on Aleppo", "sanctions on Iran"); for talks, a topic."""
DOER_VERBS = frozenset(
    {
        "claim", "perpetrate", "commit", "carry", "conduct", "stage", "organise", "organize", "lead", "mount",
        "revendiquer", "perpétrer", "commettre", "mener", "conduire", "organiser", "orchestrer",
    }
)  # fmt: skip
"""Verbs whose subject or agent did the act their object names: "l'attentat a été revendiqué par Daech", "the
group carried out the bombing"; their target complement is the act's target ("perpétré contre …")."""
IDIOM_PREPS = frozenset({"in", "en"})
"""A bare act noun after "in"/"en" is a purpose, not an act: "in support of", "in protest", "en soutien à"."""
PLACE_ONLY = frozenset({"at"})
"""A target preposition of verbs ("fired at") that after a noun names a place ("the crackdown at Syntagma")."""
OFFICE_WORDS = frozenset(
    {
        "ministry", "minister", "secretary", "department", "office", "agency", "commissioner", "charge",
        "ministère", "ministre", "secrétariat", "secrétaire", "chargé", "chargée", "délégué", "déléguée",
        "haut-commissaire", "agence", "commission", "committee", "comité",
    }
)  # fmt: skip
"""Words whose complement names an office, not an act: "la secrétaire d'État chargée de l'aide aux victimes",
"the Ministry of Aid"."""
NAME_LABELS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT", "MISC"})
QUOTED = re.compile(r"[\"“«„]([^\"”»“«]{1,80})[\"”»“]")
MAX_TITLE_WORDS = 8
"""A short quoted stretch is a title or a name ("« La Grève »"), a long one a quotation."""
NOUN_PENALTY = 0.1
"""Noun events are less certain than verb events: their actors come from modifiers."""


def noun_events(text: str, doc: Any, *, lang: str, coder: ActorCoder, verb_events: list[Span]) -> list[Span]:
    """Event spans of the event nouns of `doc` (`verb_events`: the verb events found in the same text, which
    win over a noun naming the same act)."""
    lex = load_noun_lexicon(lang)
    if not lex.patterns:
        return []
    verbs = {ev.attrs["trigger_span"][0]: ev.attrs for ev in verb_events}
    titles = [m.span(1) for m in QUOTED.finditer(text) if len(m.group(1).split()) <= MAX_TITLE_WORDS]
    spans = []
    for tok in doc:
        if tok.pos_ != "NOUN" or _named(tok, coder) or any(s <= tok.idx < e for s, e in titles):
            continue
        pattern = _pattern(tok, lex)
        if pattern is None or _covered(tok, pattern, verbs, coder.lex):
            continue
        if _office(tok) or _apposition(tok) or _purpose(tok):
            continue  # "chargée de l'aide aux victimes", "Yann Galut, soutien de Benoît Hamon", "in support of"
        span = _event(text, tok, pattern, coder, lang)
        if span is not None:
            spans.append(span)
    return spans


def _purpose(tok: Any) -> bool:
    """A bare noun after "in"/"en": "in support of the Prime Minister", "en soutien à l'opposant"."""
    if any(c.dep_ == "det" for c in tok.children):
        return False
    if tok.head.lemma_.casefold() in IDIOM_PREPS:
        return True
    cases = (c.lemma_.casefold() for c in tok.children if c.dep_ == "case")
    return tok.dep_.startswith(("nmod", "obl")) and any(c in IDIOM_PREPS for c in cases)


def _apposition(tok: Any) -> bool:
    """A noun describing someone or something, not reporting an act: "Yann Galut, soutien de Benoît Hamon",
    "est un soutien", "EC truce monitors"."""
    if tok.dep_ in ("appos", "compound") or any(c.dep_ == "cop" for c in tok.children):
        return True
    bare = not any(c.dep_ in ("det", "poss", "nmod:poss") for c in tok.children)
    return bare and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _office(tok: Any) -> bool:
    head = tok.head.head if tok.head.dep_ == "prep" else tok.head
    return head is not tok and (head.lemma_.casefold() in OFFICE_WORDS or head.text.casefold() in OFFICE_WORDS)


def _pattern(tok: Any, lex: Any) -> Pattern | None:
    words = _modifier_words(tok)
    for form in (tok.text.casefold(), tok.lemma_.casefold()):
        pattern = lex.match(form, words)
        if pattern is not None:
            return pattern
    return None


def _modifier_words(tok: Any) -> set[str]:
    """The noun's modifiers, prepositions and their objects ("air", "hunger", "on", "by workers"; "aérienne",
    "faim", "sur")."""
    words: set[str] = set()
    for child in tok.children:
        words.update((child.lemma_.casefold(), child.text.casefold()))
        words.update(g.lemma_.casefold() for g in child.children if g.dep_ in ("case", "pobj"))
    return words


def _named(tok: Any, coder: ActorCoder) -> bool:
    """The noun is part of a name: capitalised inside the sentence, or inside a name entity."""
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return True
    if tok.ent_type_ in NAME_LABELS:
        return True
    end = tok.idx + len(tok.text)
    return any(e.start <= tok.idx and end <= e.end and e.label not in ("LOC", "PER") for e in coder.entities)


def _clause_verb(tok: Any) -> tuple[Any | None, Any]:
    """(the verb whose clause holds the noun, the noun's ancestor that depends on it)."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head is cur:
            return None, cur
        if head.pos_ in ("VERB", "AUX"):
            return head, cur
        if head.pos_ not in ("NOUN", "PROPN", "ADP", "PRON", "NUM"):
            return None, cur
        cur = head
    return None, cur


def _covered(tok: Any, pattern: Pattern, verbs: dict[int, dict], lex: Any) -> bool:
    """The act is already a verb event: the noun complements an event verb of its type ("launched an attack",
    "imposed sanctions") or one that ends it ("lifted the blockade"); or the act is only asked, promised,
    refused or threatened ("demanded talks", "refused to lift the curfew"), whether or not that verb was
    emitted as an event (`lex`: the verb patterns)."""
    verb, arg = _clause_verb(tok)
    controller = verb
    for _ in range(3):  # "to demand the resignation", "promised to continue military aid"
        if controller is None:
            break
        found = verb_pattern(controller, lex)
        if found is not None and cameo_codes()[found.cameo].plover in UNREALISED:
            return True
        if controller.dep_ not in ("xcomp", "conj") or controller.head is controller:
            break
        controller = controller.head
    if verb is None or verb.idx not in verbs:
        return False
    verb_event = verbs[verb.idx]
    if arg.dep_.startswith(("nsubj", "csubj")) and arg.dep_ not in ("nsubjpass", "nsubj:pass"):
        # "the talks resumed" adds nothing to the talks; "strikes on Gaza killed 20 people" is two acts
        return verb_event["cameo"] == pattern.cameo and not verb_event["targets"]
    plover = verb_event["plover"]
    if plover in ENDING and arg.dep_ in ("dobj", "obj"):
        return True  # "lifted the blockade", "suspended the talks"
    return plover == cameo_codes()[pattern.cameo].plover or plover in UNREALISED


def _complements(tok: Any, pattern: Pattern) -> tuple[list[tuple[str, Any]], list[int]]:
    """(preposition or dependency, head) of the noun's complements, with those the parser attached to the
    noun of an "of"/"de" complement or of the pattern word ("l'arrestation de l'opposant [par la police]",
    "la grève de la faim [des détenus]"); and the offsets where these moved complements start."""
    out: list[tuple[str, Any]] = []
    for child in tok.children:
        dep = child.dep_
        if dep == "prep":
            prep = child.lemma_.casefold()
            out.extend((prep, g) for g in child.children if g.dep_ == "pobj")
        elif dep.startswith(("nmod", "obl")) and dep != "nmod:poss":
            case = [g for g in child.children if g.dep_ == "case"]
            prep = " ".join(g.lemma_.casefold() for g in case[:1]) or dep
            if case and case[0].text.casefold() in MUTUAL_PREPS:
                prep = "between"
            out.append((prep, child))
        elif dep in ("poss", "nmod:poss"):
            out.append(("'s", child))
        elif dep in ("compound", "amod"):
            out.append((dep, child))
    nested, cuts = [], []
    for prep, head in out:
        if prep not in OF_PREPS and prep != "'s":
            continue
        own = pattern.with_ is not None and head.lemma_.casefold() == pattern.with_
        for sub_prep, sub in _complements_flat(head):
            if pattern.cameo.startswith("087") and sub_prep in OF_PREPS and sub.pos_ == "PROPN" and prep != "'s":
                nested.append(("from", sub))  # "le retrait des troupes américaines [d'Afghanistan]"
                cuts.append(sub.left_edge.idx)
                continue
            if sub_prep in OF_PREPS and not own:
                continue
            moved = sub_prep in AGENT_PREPS or sub_prep in AGAINST or sub_prep in ("on", "sur", "between")
            moved = moved or sub_prep in IN_PREPS and pattern.cameo.startswith(VISITS)  # "du président [en France]"
            if moved or own or sub_prep == "from" and pattern.cameo.startswith("087"):
                nested.append((sub_prep, sub))
                cuts.append(sub.head.idx if sub.head.dep_ == "prep" else sub.left_edge.idx)
    return out + nested, cuts


def _complements_flat(head: Any) -> list[tuple[str, Any]]:
    out = []
    for child in head.children:
        if child.dep_ == "prep":
            out.extend((child.lemma_.casefold(), g) for g in child.children if g.dep_ == "pobj")
        elif child.dep_.startswith(("nmod", "obl")) and child.dep_ != "nmod:poss":
            case = [g for g in child.children if g.dep_ == "case"]
            if case:
                prep = "between" if case[0].text.casefold() in MUTUAL_PREPS else case[0].lemma_.casefold()
                out.append((prep, child))
    return out


def _event(text: str, tok: Any, pattern: Pattern, coder: ActorCoder, lang: str) -> Span | None:
    cameo = pattern.cameo
    code = cameo_codes()[cameo]
    if code.plover is None:
        return None
    undergoer = cameo in UNDERGOER_CODES
    protest = cameo.startswith("14")
    preps = AGAINST if protest else TARGET_PREPOSITIONS.get(lang, frozenset())
    if code.quad == MATERIAL_CONFLICT:
        preps = preps - PLACE_PREPOSITIONS
    preps = preps - PLACE_ONLY
    sources: list[dict] = []
    targets: list[dict] = []
    places: list[dict] = []
    mutual = False
    of_seen = 0
    complements, cuts = _complements(tok, pattern)
    backed = _with_help(tok)  # "with the support of X": X gives
    if not code.quad or not code.quad.endswith("conflict"):
        preps = preps - TOPIC_PREPS
    complements.sort(key=lambda c: c[0] in OF_PREPS)  # "of X" is read last: its role depends on the others
    for prep, head in complements:
        if not _actor_head(head, coder):
            continue
        if prep == "'s":
            (targets if undergoer else sources).extend(coder.actors(head, subject=not undergoer))
        elif prep == "amod":
            if coder.places.demonym(head.text) and not undergoer:
                sources.extend(coder.actors(head, subject=True))
        elif prep == "compound":
            sources_or_targets = _modifier_role(head, cameo, coder)
            if sources_or_targets == "source":
                sources.extend(coder.actors(head, subject=True))
            elif sources_or_targets == "target":
                targets.extend(coder.actors(head))
        elif prep in AGENT_PREPS:
            sources.extend(coder.actors(head, subject=True))
        elif prep in MUTUAL_PREPS:
            found = coder.actors(head, subject=True)
            sources.extend(found)
            mutual = mutual or len(found) > 1
        elif prep in OF_PREPS:
            of_seen += 1
            _of_actor(head, pattern, coder, sources, targets, undergoer=undergoer, second=of_seen > 1, backed=backed)
        elif prep in FROM_PREPS and cameo.startswith("087"):
            targets.extend(coder.actors(head))
        elif prep in FROM_PREPS and cameo.startswith(FROM_SOURCE_ROOTS):
            sources.extend(coder.actors(head, subject=True))
        elif prep in FOR_PREPS and cameo.startswith(FOR_TARGET_ROOTS):
            targets.extend(coder.actors(head))
        elif prep in IN_PREPS and cameo.startswith(ASSAULT_ROOTS + VISITS):
            places.extend(coder.actors(head))
        elif prep in preps:
            targets.extend(coder.actors(head))
    verb, arg = _clause_verb(tok)
    done = arg.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")
    if verb is not None and verb.lemma_.casefold() in DOER_VERBS and done:
        by, on = participants(verb, coder, lang, preps=preps)
        inside = range(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))
        sources = sources or [a for a in by if a["span"][0] not in inside]
        targets = targets or [a for a in on if a["span"][0] not in inside]
    sources, targets = _unique(sources, text, cuts), _unique(targets, text, cuts)
    if undergoer and not targets:
        return None  # "the release of the report", "a press release": who was released, arrested, killed?
    targets = [t for t in targets if t["span"] not in [s["span"] for s in sources]]
    if not targets and not undergoer:
        targets = [p for p in _unique(places, text, cuts) if p["country"]]
    if not any(a["country"] or a["name"] or a["sector"] for a in sources + targets):
        return None  # a topic, not an act: "the sanctions debate", "a ceasefire"
    adjectives = {c.idx for c in tok.children if c.dep_ == "amod"}
    if not targets and all(a["span"][0] in adjectives for a in sources) and not pattern.with_:
        return None  # "les attaques danoises" (a handball final); "Israeli air raids" names its act
    if code.plover in REQUIRE_RECIPIENT and not targets and not mutual:
        return None
    negated, hypothetical = _mood(tok)
    span = event_span(text, tok, pattern.lemma, cameo, sources, targets, negated=negated, hypothetical=hypothetical,
                 specific=bool(pattern.with_))  # fmt: skip
    span.attrs["confidence"] = round(max(0.0, span.attrs["confidence"] - NOUN_PENALTY), 2)
    return span


def _actor_head(head: Any, coder: ActorCoder) -> bool:
    """The complement names an actor itself ("on Aleppo", "against Russian oil"), not a thing an actor is
    nested in ("an investigation of arms sales to Croatia")."""
    if coder.is_actor(head) or head.lemma_.casefold() in coder.lex.sectors:
        return True
    return any(c.dep_ in ("amod", "compound") and coder.places.demonym(c.text) for c in head.children)


def _modifier_role(head: Any, cameo: str, coder: ActorCoder) -> str | None:
    """'source', 'target' or None for a compound modifier: "US sanctions", "Hamas attack", "police raid" name
    the doer; "Iran sanctions" the target; "Gaza ceasefire", "peace talks" a place or a topic."""
    entity = coder._entity_at(head.idx, head.idx + len(head.text))
    named = entity is not None and entity.label in ("PER", "ORG")
    sector = coder.lex.sectors.get(head.lemma_.casefold()) or coder.lex.sectors.get(head.text.casefold())
    acronym = head.text.isupper() and len(head.text) >= 2
    if named or acronym or (sector and sector != "-") or coder.places.demonym(head.text):
        return "source"
    if cameo.startswith(MODIFIER_TARGET_ROOTS) and coder.places.lookup(head.text) is not None:
        return "target"
    return None


def _with_help(tok: Any) -> bool:
    """The noun follows "with"/"avec"/"grâce à": "with the support of X" names the giver X."""
    words = {c.lemma_.casefold() for c in tok.children if c.dep_ == "case"}
    if tok.head.dep_ == "prep":
        words.add(tok.head.lemma_.casefold())
    return bool(words & {"with", "avec", "grâce"})


def _country_name(head: Any, coder: ActorCoder) -> bool:
    place = coder.places.lookup(head.text)
    return place is not None and place.kind == "country"


def _of_actor(
    head: Any,
    pattern: Pattern,
    coder: ActorCoder,
    sources: list,
    targets: list,
    *,
    undergoer: bool,
    second: bool,
    backed: bool,
) -> None:
    """Add the actors of an "of"/"de" complement where they belong (see the module docstring)."""
    cameo, lemma = pattern.cameo, pattern.lemma
    to_target = undergoer or lemma in BOYCOTTS or cameo.startswith(VERBAL_CONFLICT_ROOTS) and not targets
    if to_target or cameo.startswith(GIVER_ROOTS) and not targets and not backed:
        targets.extend(coder.actors(head))
    elif cameo.startswith(DOER_ROOTS):
        entity = coder._entity_at(head.idx, head.idx + len(head.text))
        organisation = entity is not None and entity.label == "ORG"
        organisation = organisation or any(a["sector"] in ("IGO", "NGO") for a in coder.actors(head))
        left = cameo.startswith("087") and organisation
        if second and cameo.startswith("087") or left:  # "le retrait d'Israël de Gaza", "retrait de la CPI"
            targets.extend(coder.actors(head))
        else:
            sources.extend(coder.actors(head, subject=True))
    else:
        found = coder.actors(head, subject=True)
        country = lemma not in PLACE_UNDERGOERS and _country_name(head, coder)
        group = [a for a in found if a["sector"] or a["name"] or country]
        place = [a for a in found if a not in group]
        if targets:  # "l'attaque de la Russie contre l'Ukraine"
            sources.extend(found)
        else:
            sources.extend(group)
            targets.extend(place)


def _unique(actors: list[dict], text: str, cuts: list[int]) -> list[dict]:
    """The actors once each, their phrases ended before a moved complement and a possessive mark."""
    out, seen = [], set()
    for a in actors:
        start, end = a["span"]
        for cut in cuts:
            if start < cut < end:
                end = cut
        opened = text.rfind("(", start, end)
        if opened > start and text.find(")", opened, end) < 0:  # "l'organisation État islamique (Daech"
            end = opened
        end = start + len(text[start:end].rstrip())
        for mark in ("'s", "’s", "'", "’"):
            if text[start:end].endswith(mark) and end - len(mark) > start:
                end -= len(mark)
                break
        a.update(text=text[start:end], span=[start, end])
        key = tuple(a["span"])
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _mood(tok: Any) -> tuple[bool, bool]:
    """(negated, hypothetical) of a noun event: "no talks", "possible sanctions", "could impose sanctions"."""
    negated = any(c.lemma_.casefold() in NOUN_NEGATIONS and c.dep_ in ("det", "advmod", "neg") for c in tok.children)
    hypothetical = any(c.lemma_.casefold() in POSSIBLE or c.text.casefold() in POSSIBLE for c in tok.children)
    cur = tok
    for _ in range(2):  # "the risk of an invasion", "la menace d'une offensive"
        head = cur.head
        if head.dep_ == "prep":
            head = head.head
        if head is cur or head.pos_ != "NOUN":
            break
        if head.lemma_.casefold() in RISK_NOUNS:
            hypothetical = True
            break
        cur = head
    verb, _ = _clause_verb(tok)
    if verb is not None:
        negated = negated or is_negated(verb)
        hypothetical = hypothetical or is_hypothetical(verb) or verb.lemma_.casefold() in PLANNING_VERBS
    return negated, hypothetical
