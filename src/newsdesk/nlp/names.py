"""Name variants across languages and scripts: normalisation cascade, blocking keys, weighted distance.

In the spirit of JRC-Names (Steinberger, Pouliquen et al.): a name as written ("Choïgou", "Шойгу",
"Schoigu") is rewritten towards one normalised Latin form ("shoigu") by a cascade:

1. script rules of the name's script (Cyrillic, Greek, Arabic) on the original letters,
2. transliteration to Latin with anyascii, lower-cased,
3. spelling rules of the article's language (French "ou"→"u", German "sch"→"sh" ...),
4. transliteration-variant rules that apply to every name (kh/h, q/k, dh/d, y/i ...),
5. doubled letters collapsed.

The rules are data: ``lexicons/spelling/<lang>.tsv``. A name gets two forms, with and without the
language rules, so "Jean" in a French article still equals "Jean" in an English one.

Names whose normalised forms are identical are the same name. Otherwise a consonant skeleton
(blocking key) finds candidates cheaply and a weighted edit distance (rapidfuzz alignment, cheap
substitutions for letters that transliterations confuse) grades them; :func:`decide` then asks for
supporting context (role, country, co-occurring entities, given name) before it merges near misses,
and keeps an explanation of every decision.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"

SCRIPT_LANG = {"CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar"}
"""Which language's script rules apply to a name written in a non-Latin script."""

UNVOCALISED = {"ARABIC", "HEBREW"}
"""Scripts that do not write short vowels: compare consonant skeletons only."""

VOWELS = frozenset("aeiouy")

# Substitution costs for letters that transliterations of one name confuse (default cost 1).
_SUB_CLASSES: list[tuple[str, float]] = [
    ("aeiou", 0.5),
    ("kgcq", 0.4),
    ("dt", 0.5),
    ("bp", 0.4),
    ("vfw", 0.4),
    ("sz", 0.4),
    ("ij", 0.4),
]
_INDEL_COST = {"h": 0.3, **{v: 0.6 for v in "aeiou"}}

TIERS = ("identical", "close", "far")
CLOSE_MAX, CLOSE_NORM = 1.0, 0.16
FAR_MAX, FAR_NORM = 2.0, 0.34
GIVEN_MATCH, GIVEN_MATCH_NORM = 1.0, 0.25
"""Given names match within this distance; up to the far tier they are compatible, beyond it they conflict."""
SKELETON_CLOSE, SKELETON_FAR = 0.5, 1.0
"""Tiers for names in scripts without written vowels, compared on consonants only."""
SUPPORT_NEEDED = {"identical": 0.0, "close": 1.0, "far": 2.0}
"""Context support a pair needs in each distance tier before it merges."""

WEIGHTS = {"role": 1.0, "cooc": 1.0, "given": 1.0, "country": 0.5, "place_country": 1.0}
"""Weight of each kind of supporting context (a shared country says more about a place than a person)."""


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Rule:
    scope: str  # "script" | "lang" | "all"
    pattern: re.Pattern[str]
    replacement: str
    lang: str


@cache
def _rule_files() -> tuple[str, ...]:
    folder = LEXICONS / "spelling"
    names = sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".tsv"))
    # common.tsv runs last
    return tuple([n for n in names if n != "common"] + (["common"] if "common" in names else []))


@cache
def load_rules(lang: str) -> tuple[Rule, ...]:
    """The spelling rules of one language file (empty when there is none)."""
    if lang not in _rule_files():
        return ()
    path = LEXICONS / "spelling" / f"{lang}.tsv"
    rules = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] not in ("script", "lang", "all"):
            raise ValueError(f"spelling/{lang}.tsv line {lineno}: expected 'scope<TAB>pattern<TAB>replacement'")
        rules.append(Rule(scope=cols[0], pattern=re.compile(cols[1]), replacement=cols[2], lang=lang))
    return tuple(rules)


@cache
def _all_scope_rules() -> tuple[Rule, ...]:
    return tuple(r for lang in _rule_files() for r in load_rules(lang) if r.scope == "all")


@cache
def particles() -> frozenset[str]:
    """Name particles ("de", "van", "bin" ...) that are neither given names nor surnames."""
    path = LEXICONS / "names" / "particles.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@cache
def org_words() -> frozenset[str]:
    """Generic words of organisation names ("group", "groupe" ...), in normalised form."""
    path = LEXICONS / "names" / "org_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _apply(rules: Iterable[Rule], text: str, scope: str) -> str:
    for rule in rules:
        if rule.scope == scope:
            text = rule.pattern.sub(rule.replacement, text)
    return text


# --------------------------------------------------------------------------- normalisation


def script_of(text: str) -> str:
    """The dominant script of a name: "LATIN", "CYRILLIC", "GREEK", "ARABIC", "CJK" ... ("LATIN" when empty)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = name.split(" ")[0] if name else "OTHER"
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else "LATIN"


_WORDS = re.compile(r"[A-Za-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_NON_LETTER = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")


def _cascade(name: str, *, script: str, lang: str | None, script_rules: bool = True) -> str:
    text = unicodedata.normalize("NFC", name).strip()
    text = _POSSESSIVE.sub("", text).lower()
    script_lang = SCRIPT_LANG.get(script)
    if script_lang and script_rules:
        text = _apply(load_rules(script_lang), text, "script")
    if script == "CJK" and " " not in text and 2 <= len(text) <= 4:
        # family name first, then the given name as one word: 习近平 → "xi jinping"
        text = anyascii(text[0]) + " " + anyascii(text[1:])
    text = anyascii(text).lower().replace("-", " ")
    text = _SPACES.sub(" ", text).strip()
    if lang:
        text = _apply(load_rules(lang), text, "lang")
    text = _apply(_all_scope_rules(), text, "all")
    text = _NON_LETTER.sub("", text)
    text = _DOUBLE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class NameForm:
    """One normalised reading of a name: tokens, surname, given names."""

    norm: str  # "sergei shoigu"

    @property
    def tokens(self) -> list[str]:
        return self.norm.split()

    @property
    def surname(self) -> str:
        toks = self.tokens
        return toks[-1] if toks else ""

    @property
    def given(self) -> list[str]:
        p = particles()
        return [t for t in self.tokens[:-1] if t not in p]

    @property
    def full(self) -> str:
        return self.norm.replace(" ", "")


@dataclass(frozen=True, slots=True)
class Name:
    """A name as written, with its normalised forms (language rules first, then plain)."""

    text: str
    lang: str | None
    script: str
    forms: tuple[NameForm, ...]
    label: str | None = None
    acronyms: frozenset[str] = frozenset()  # tokens written in capitals ("BBC", "UNSA"): never spelling variants

    @property
    def person(self) -> bool:
        """Persons have given names and a surname; other names are compared whole."""
        return self.label in (None, "PER")

    @property
    def key(self) -> str:
        """The primary normalised form: what stable ids are derived from."""
        return self.forms[0].norm if self.forms else ""

    @property
    def vocalised(self) -> bool:
        return self.script not in UNVOCALISED

    @property
    def has_given(self) -> bool:
        return any(f.given for f in self.forms)


@lru_cache(maxsize=65536)
def normalise(text: str, *, lang: str | None = None, label: str | None = None) -> Name:
    """Normalise a name as written in an article of language `lang` (ISO 639-1, or None).

    For organisations (`label` "ORG"), generic words such as "group" are dropped.
    """
    script = script_of(text)
    forms: list[NameForm] = []
    if script == "LATIN":
        variants = [(lang, True), (None, True)] if lang else [(None, True)]
    else:  # script rules can misfire on foreign names (Ердоган is "Erdogan", not "Yerdogan"): keep both
        variants = [(None, True), (None, False)]
    for use_lang, script_rules in variants:
        norm = _cascade(text, script=script, lang=use_lang, script_rules=script_rules)
        if label == "ORG":
            kept = [t for t in norm.split() if t not in org_words()]
            norm = " ".join(kept) if kept else norm
        if norm and all(f.norm != norm for f in forms):
            forms.append(NameForm(norm))
    acronyms = frozenset(w for w in _WORDS.findall(anyascii(text)) if 2 <= len(w) <= 6 and w.isupper())
    return Name(text=text.strip(), lang=lang, script=script, forms=tuple(forms), label=label, acronyms=acronyms)


# --------------------------------------------------------------------------- keys and distance

_PHONETIC = str.maketrans({"q": "k", "g": "k", "c": "k", "d": "t", "b": "p", "f": "v", "w": "v", "z": "s", "j": "i"})


def skeleton(text: str) -> str:
    """Consonant skeleton: no vowels, no h, no spaces, letters transliterations confuse folded together."""
    out = []
    for ch in text.translate(_PHONETIC):
        if ch in VOWELS or ch in " h":
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def blocking_keys(name: Name, *, label: str) -> set[str]:
    """Keys under which a name is indexed: the surname's skeleton, its sorted letters, the full skeleton."""
    keys = set()
    for form in name.forms:
        sk = skeleton(form.surname)
        if sk:
            keys.add(f"{label}:s:{sk}")
            keys.add(f"{label}:o:{''.join(sorted(sk))}")
        full = skeleton(form.full)
        if full and full != sk:
            keys.add(f"{label}:f:{full}")
    return keys


@lru_cache(maxsize=4096)
def _sub_cost(a: str, b: str) -> float:
    for letters, cost in _SUB_CLASSES:
        if a in letters and b in letters:
            return cost
    return 1.0


def weighted_distance(a: str, b: str) -> float:
    """Edit distance where letters that transliterations confuse cost less (k/q/g, d/t, vowels, h ...).

    The alignment is rapidfuzz's optimal Levenshtein alignment; each operation is then weighted.
    """
    if a == b:
        return 0.0
    cost = 0.0
    for tag, i, j in Levenshtein.editops(a, b):
        if tag == "replace":
            cost += _sub_cost(a[i], b[j])
        elif tag == "delete":
            cost += _INDEL_COST.get(a[i], 1.0)
        else:
            cost += _INDEL_COST.get(b[j], 1.0)
    return round(cost, 3)


def _tier(dist: float, length: int) -> str | None:
    if dist == 0:
        return "identical"
    norm = dist / max(length, 1)
    if dist <= CLOSE_MAX and norm <= CLOSE_NORM:
        return "close"
    if dist <= FAR_MAX and norm <= FAR_NORM:
        return "far"
    return None


def _vowelless(text: str) -> str:
    return _DOUBLE.sub(r"\1", "".join(ch for ch in text if ch not in VOWELS))


@dataclass(slots=True)
class Comparison:
    """How close two names are, before context is considered."""

    tier: str | None  # "identical" | "close" | "far" | None (too far, or given names conflict)
    distance: float
    forms: tuple[str, str]
    given: str  # "match" | "compatible" | "conflict"
    note: str = ""
    same_surname: bool = False  # given names conflict although the surnames match

    def rank(self) -> int:
        return TIERS.index(self.tier) if self.tier in TIERS else len(TIERS)


def _given_status(a: list[str], b: list[str], *, skeletal: bool) -> str:
    if not a or not b:
        return "compatible"
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return "match" if x[0] == y[0] else "conflict"
    if skeletal:
        x, y = skeleton(x), skeleton(y)
    dist = weighted_distance(x, y)
    if dist <= GIVEN_MATCH and dist / max(len(x), len(y)) <= GIVEN_MATCH_NORM:
        return "match"  # short given names vary more: "Joe" / "Jo", "Sergei" / "Serguei"
    return "compatible" if _tier(dist, max(len(x), len(y))) else "conflict"


def compare(a: Name, b: Name) -> Comparison:
    """Compare two names over all their normalised forms; the best pairing wins."""
    best: Comparison | None = None
    skeletal = not (a.vocalised and b.vocalised)
    for fa in a.forms:
        for fb in b.forms:
            cmp = _compare_forms(fa, fb, skeletal=skeletal, person=a.person and b.person)
            if cmp.tier not in (None, "identical") and (a.acronyms or b.acronyms) and a.acronyms != b.acronyms:
                cmp = Comparison(tier=None, distance=cmp.distance, forms=cmp.forms, given=cmp.given,
                                 note="acronyms differ: only an identical form matches")  # fmt: skip
            if best is None or (cmp.rank(), cmp.distance) < (best.rank(), best.distance):
                best = cmp
    return best or Comparison(tier=None, distance=99.0, forms=("", ""), given="compatible", note="empty name")


def _compare_forms(fa: NameForm, fb: NameForm, *, skeletal: bool, person: bool = True) -> Comparison:
    forms = (fa.norm, fb.norm)
    if not skeletal and fa.full == fb.full:
        given = "match" if fa.given and person else "compatible"
        return Comparison(tier="identical", distance=0.0, forms=forms, given=given)
    if not person:  # organisations and places: the whole name counts, there is no surname
        a, b = (_vowelless(fa.full), _vowelless(fb.full)) if skeletal else (fa.full, fb.full)
        dist = weighted_distance(a, b)
        if skeletal:
            tier = "close" if dist <= SKELETON_CLOSE else "far" if dist <= SKELETON_FAR else None
        else:
            tier = _tier(dist, max(len(a), len(b)))
        return Comparison(tier=tier, distance=dist, forms=forms, given="compatible", note="whole names compared")
    given = _given_status(fa.given, fb.given, skeletal=skeletal)
    note = ""
    if skeletal:
        sa, sb = _vowelless(fa.surname), _vowelless(fb.surname)
        dist = weighted_distance(sa, sb)
        # without written vowels, an identical skeleton is at best a close match, and only a cheap
        # difference stays close
        tier = "close" if dist <= SKELETON_CLOSE else "far" if dist <= SKELETON_FAR else None
        note = "consonant skeletons compared"
    else:
        dist = weighted_distance(fa.surname, fb.surname)
        length = max(len(fa.surname), len(fb.surname))
        if len(fa.tokens) != len(fb.tokens) and fa.given and fb.given:
            # different token structure ("xi jinping" vs "xijinping"): compare the whole name too
            full_dist = weighted_distance(fa.full, fb.full)
            if full_dist < dist:
                dist, length = full_dist, max(len(fa.full), len(fb.full))
        tier = _tier(dist, length)
    if given == "conflict":
        return Comparison(
            tier=None, distance=dist, forms=forms, given=given, note="given names differ", same_surname=tier is not None
        )
    return Comparison(tier=tier, distance=dist, forms=forms, given=given, note=note)


# --------------------------------------------------------------------------- context and decision


def role_words(role: str) -> frozenset[str]:
    """Content words of a role ("ministre russe de la Défense" → {ministre, russe, defense})."""
    text = anyascii(unicodedata.normalize("NFC", role)).lower()
    return frozenset(w for w in re.findall(r"[a-z]+", text) if len(w) >= 4)


def roles_agree(a: str, b: str) -> bool:
    """Two roles agree when most content words of the shorter one appear in the other."""
    wa, wb = role_words(a), role_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 1 and shared / min(len(wa), len(wb)) >= 2 / 3


@dataclass(slots=True, kw_only=True)
class Context:
    """What is known around a name: roles, countries, co-occurring entity ids (with display names)."""

    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    cooc: dict[str, str] = field(default_factory=dict)  # entity id -> name to show


@dataclass(slots=True)
class Decision:
    """Whether a name joins an entity, and why."""

    merge: bool
    comparison: Comparison
    support: float = 0.0
    evidence: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def why(self) -> dict[str, Any]:
        c = self.comparison
        return {
            "normalised": list(c.forms),
            "distance": c.distance,
            "tier": c.tier,
            "given_names": c.given,
            "support": self.support,
            "needed": SUPPORT_NEEDED.get(c.tier or "", None),
            "evidence": list(self.evidence),
            "conflicts": list(self.conflicts),
            "note": c.note,
        }


def decide(comparison: Comparison, mention: Context, entity: Context, *, label: str | None = None) -> Decision:
    """Merge when the names are identical after normalisation, or close enough and confirmed by context.

    A conflicting country or given name blocks a merge at any distance.
    """
    d = Decision(merge=False, comparison=comparison)
    if comparison.tier is None:
        d.conflicts.append(comparison.note or "names too far apart")
        return d
    if comparison.given == "match" and comparison.tier != "identical":
        d.support += WEIGHTS["given"]
        d.evidence.append("given names agree")
    if mention.countries and entity.countries:
        shared = mention.countries & entity.countries
        if shared:
            d.support += WEIGHTS["place_country" if label == "LOC" else "country"]
            d.evidence.append(f"same country {', '.join(sorted(shared))}")
        else:
            d.conflicts.append(
                f"country {', '.join(sorted(mention.countries))} vs {', '.join(sorted(entity.countries))}"
            )
    for role in sorted(mention.roles):
        match = next((r for r in sorted(entity.roles) if roles_agree(role, r)), None)
        if match:
            d.support += WEIGHTS["role"]
            d.evidence.append(f"role {role!r} ~ {match!r}")
            break
    shared_ids = sorted(set(mention.cooc) & set(entity.cooc))
    if shared_ids:
        d.support += WEIGHTS["cooc"]
        names = ", ".join(mention.cooc[i] or i for i in shared_ids[:3])
        d.evidence.append(f"co-occurs with {names}")
    d.merge = not d.conflicts and d.support >= SUPPORT_NEEDED[comparison.tier]
    return d
