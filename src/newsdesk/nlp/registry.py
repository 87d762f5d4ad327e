"""The entity registry: who is in the news, under all their names.

Each entity has a stable id derived from its label and the normalised key of the name that founded it
(so processing the same articles again gives the same ids), a canonical name, its variants by language
and script with counts, the roles seen with dates, countries, co-occurring entities, first/last seen,
and the explanation (`why`) of every variant that joined it. Users can force a merge or undo one
(split); these overrides are kept apart from the entities, so they survive `reset()` and re-processing.

Persistence goes through a small `RegistryBackend` (see `newsdesk.store.entities` for SQLite).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol

from ..errors import EntityError
from .names import Context, Decision, Name, blocking_keys, compare, decide, normalise

HUB_MIN, HUB_SHARE = 20, 0.02
"""An entity that co-occurs with at least max(HUB_MIN, HUB_SHARE × all entities) others ("France") is a hub:
sharing it says nothing about who someone is, so it is not co-occurrence evidence."""

LABELS = ("PER", "ORG", "LOC")
"""Labels the registry links; other labels (MISC) get no entity id."""


def make_entity_id(label: str, key: str) -> str:
    """Stable id from a label and a normalised name key: `per-1a2b3c4d5e6f`."""
    digest = hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:12]
    return f"{label.lower()}-{digest}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(slots=True, kw_only=True)
class Variant:
    """One way an entity's name was written, in one language."""

    text: str
    lang: str | None
    script: str
    key: str
    count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(slots=True, kw_only=True)
class RoleSeen:
    """A title or function the entity was given ("ministre russe de la Défense"), with dates."""

    role: str
    lang: str | None
    count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(slots=True, kw_only=True)
class Entity:
    """A person, organisation or place, with every name it was seen under."""

    id: str
    label: str
    variants: dict[tuple[str, str], Variant] = field(default_factory=dict)  # (lang or "", text) -> variant
    roles: dict[tuple[str, str], RoleSeen] = field(default_factory=dict)  # (lang or "", role) -> seen
    countries: Counter = field(default_factory=Counter)
    cooc: Counter = field(default_factory=Counter)
    mentions: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    merges: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # ids of entities merged into this one

    @property
    def canonical(self) -> str:
        """The most complete, then most frequent variant (Latin script preferred)."""
        if not self.variants:
            return self.id
        counts: Counter = Counter()
        script: dict[str, str] = {}
        for v in self.variants.values():
            counts[v.text] += v.count
            script.setdefault(v.text, v.script)
        return max(
            counts, key=lambda t: (len(t.split()) > 1, script[t] == "LATIN", counts[t], len(t.split()), len(t), t)
        )

    @property
    def country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    def names(self) -> list[Name]:
        """One normalised `Name` per distinct key among the variants (most frequent variant first)."""
        seen: dict[str, Name] = {}
        for v in sorted(self.variants.values(), key=lambda v: (-v.count, v.text)):
            if v.key not in seen:
                seen[v.key] = normalise(v.text, lang=v.lang, label=self.label)
        return list(seen.values())

    def keys(self) -> set[str]:
        return {f.norm for n in self.names() for f in n.forms}

    def context(self) -> Context:
        return Context(
            roles={r.role for r in self.roles.values()},
            countries=set(self.countries),
            cooc={i: "" for i in self.cooc},
        )

    def variants_by_lang(self) -> dict[str, list[tuple[str, int]]]:
        out: dict[str, list[tuple[str, int]]] = {}
        for v in sorted(self.variants.values(), key=lambda v: (-v.count, v.text)):
            out.setdefault(v.lang or "?", []).append((v.text, v.count))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "canonical": self.canonical,
            "country": self.country,
            "countries": dict(self.countries),
            "mentions": self.mentions,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "variants": [
                {
                    "text": v.text,
                    "lang": v.lang,
                    "script": v.script,
                    "key": v.key,
                    "count": v.count,
                    "first_seen": v.first_seen,
                    "last_seen": v.last_seen,
                }
                for v in sorted(self.variants.values(), key=lambda v: (-v.count, v.text))
            ],  # fmt: skip
            "roles": [
                {"role": r.role, "lang": r.lang, "count": r.count, "first_seen": r.first_seen, "last_seen": r.last_seen}
                for r in sorted(self.roles.values(), key=lambda r: (-r.count, r.role))
            ],
            "cooc": dict(self.cooc.most_common(20)),
            "merges": list(self.merges),
            "aliases": list(self.aliases),
        }


@dataclass(slots=True, kw_only=True)
class Override:
    """A user decision kept across re-processing.

    kind "merge": `other` was merged into `entity`; names with a key in `keys` (the absorbed names) or
    `others` (the kept names) go to `entity`.
    kind "split": names with a key in `keys` were taken out of `entity` into `other` and never go back;
    names with a key in `others` (what stayed) never join `other`.
    """

    kind: str
    entity: str
    other: str
    keys: list[str]
    others: list[str] = field(default_factory=list)
    note: str | None = None
    created: str = field(default_factory=_now)


@dataclass(slots=True, kw_only=True)
class Mention:
    """A name found in an article, with what the article says around it."""

    text: str
    label: str
    lang: str | None = None
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    date: str | None = None
    is_country: str | None = None  # ISO 3166 alpha-3 when the name is a country's ("Corée du Nord" → PRK)


@dataclass(slots=True)
class LinkResult:
    """The entity a mention was linked to (None when ambiguous or not linkable), and why."""

    entity_id: str | None
    created: bool = False
    why: dict[str, Any] = field(default_factory=dict)


def find_by_name(entities: Iterable[Entity], query: str, *, label: str | None = None) -> list[Entity]:
    """The `entities` with a variant written as `query` (case ignored), else with a normalised form of it among
    their names' forms; most mentioned first. Reads only the entities' label, variants and mentions."""
    entities = [e for e in entities if label is None or e.label == label]
    folded = query.casefold()
    found = [e for e in entities if any(v.text.casefold() == folded for v in e.variants.values())]
    if not found:
        keys = {f.norm for f in normalise(query, label=label).forms}
        found = [e for e in entities if keys & e.keys()]
    return sorted(found, key=lambda e: (-e.mentions, e.id))


class RegistryBackend(Protocol):
    """Where a registry is kept."""

    def load_registry(self) -> tuple[list[Entity], list[Override]]: ...

    def save_registry(self, entities: Iterable[Entity], removed: Iterable[str], overrides: list[Override]) -> None:
        """Write the given (changed) entities, delete the removed ids, replace the overrides."""
        ...


class EntityRegistry:
    """Entities in memory with a blocking index; loaded from and saved to a backend."""

    def __init__(self, *, backend: RegistryBackend | None = None) -> None:
        self.backend = backend
        self.entities: dict[str, Entity] = {}
        self.overrides: list[Override] = []
        self._block: dict[str, set[str]] = {}
        self._aliases: dict[str, str] = {}
        self._dirty: set[str] = set()
        self._removed: set[str] = set()
        if backend is not None:
            entities, overrides = backend.load_registry()
            self.overrides = list(overrides)
            for entity in entities:
                self.entities[entity.id] = entity
                self._index(entity)
                self._aliases.update(dict.fromkeys(entity.aliases, entity.id))

    # -- persistence ---------------------------------------------------------------------------

    def save(self) -> None:
        """Write what changed since the last save to the backend (no-op without one)."""
        if self.backend is None:
            return
        changed = [self.entities[i] for i in sorted(self._dirty) if i in self.entities]
        self.backend.save_registry(changed, sorted(self._removed), self.overrides)
        self._dirty.clear()
        self._removed.clear()

    def reset(self) -> None:
        """Forget every entity (to re-process from scratch); user overrides are kept."""
        self._removed.update(self.entities)
        self.entities.clear()
        self._block.clear()
        self._aliases.clear()
        self._dirty.clear()

    # -- lookup --------------------------------------------------------------------------------

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(self._resolve(entity_id))

    def find(self, query: str, *, label: str | None = None) -> list[Entity]:
        """Entities by id, by a variant as written, or by normalised name (best first)."""
        if self._resolve(query) in self.entities:
            return [self.entities[self._resolve(query)]]
        return find_by_name(self.entities.values(), query, label=label)

    def _resolve(self, entity_id: str) -> str:
        seen = set()
        while entity_id not in seen:
            seen.add(entity_id)
            target = next((o.entity for o in self.overrides if o.kind == "merge" and o.other == entity_id), None)
            target = target or self._aliases.get(entity_id)
            if target is None:
                break
            entity_id = target
        return entity_id

    def _index(self, entity: Entity) -> None:
        for name in entity.names():
            for key in blocking_keys(name, label=entity.label):
                self._block.setdefault(key, set()).add(entity.id)

    def _unindex(self, entity: Entity) -> None:
        for ids in self._block.values():
            ids.discard(entity.id)

    # -- linking -------------------------------------------------------------------------------

    def link(self, mention: Mention, *, cooc: dict[str, str] | None = None, create: bool = True) -> LinkResult:
        """Find the entity a mention belongs to, or create one (when `create`); does not count the mention."""
        if mention.label not in LABELS:
            return LinkResult(None, why={"reason": f"label {mention.label} is not linked"})
        name = normalise(mention.text, lang=mention.lang, label=mention.label)
        if not name.forms:
            return LinkResult(None, why={"reason": "no letters in the name"})
        if mention.is_country and mention.label == "LOC":
            return self._link_country(mention.is_country, create=create)
        hub = max(HUB_MIN, HUB_SHARE * len(self.entities))
        cooc = {i: n for i, n in (cooc or {}).items() if i in self.entities and len(self.entities[i].cooc) < hub}
        ctx = Context(roles=set(mention.roles), countries=set(mention.countries), cooc=cooc)
        norms = {f.norm for f in name.forms}
        target = self._override_target(norms)
        if target and self._resolve(target) in self.entities:
            entity = self.entities[self._resolve(target)]
            return LinkResult(entity.id, why={"override": "user decision", "matched": entity.canonical})
        candidates: list[tuple[Decision, Entity]] = []
        rejected: list[tuple[Entity, Decision | None]] = []
        ids = set().union(*(self._block.get(k, set()) for k in blocking_keys(name, label=mention.label)))
        for entity_id in sorted(ids):
            entity = self.entities[entity_id]
            if self._forbidden(norms, entity.id):
                rejected.append((entity, None))
                continue
            comparisons = [compare(name, other) for other in entity.names()]
            best_cmp = min(comparisons, key=lambda c: (c.rank(), c.given != "match", c.distance))
            if name.has_given:  # "Jane Kirby" never joins John Kirby through his surname-only variant "Kirby"
                best_cmp = next((c for c in comparisons if c.same_surname), best_cmp)
            decision = decide(best_cmp, ctx, entity.context(), label=entity.label)
            if decision.merge:
                candidates.append((decision, entity))
            else:
                rejected.append((entity, decision))
        if candidates:
            candidates.sort(key=lambda c: (c[0].comparison.rank(), -c[0].support, c[0].comparison.distance,
                                           -c[1].mentions, c[1].id))  # fmt: skip
            best_decision, best = candidates[0]
            rivals = [
                e for d, e in candidates[1:]
                if (d.comparison.rank(), d.support) == (best_decision.comparison.rank(), best_decision.support)
            ]  # fmt: skip
            if rivals and not name.has_given:
                names = sorted({best.canonical, *(e.canonical for e in rivals)})
                return LinkResult(None, why={"reason": "ambiguous", "candidates": names})
            return LinkResult(best.id, why={"matched": best.canonical, **best_decision.why})
        if not create:
            return LinkResult(None, why={"reason": "no entity matches", "rejected": _rejected(rejected)})
        entity, created = self._create(mention.label, name)
        why: dict[str, Any] = (
            {"created": True} if created else {"override": "user decision", "matched": entity.canonical}
        )
        why["normalised"] = name.key
        if rejected:
            why["rejected"] = _rejected(rejected[:5])
        return LinkResult(entity.id, created=created, why=why)

    def _link_country(self, iso3: str, *, create: bool) -> LinkResult:
        """Country names in any language ("Corée du Nord", "North Korea", "Nordkorea") are one entity per code."""
        entity_id = self._resolve(make_entity_id("LOC", f"country:{iso3}"))
        why = {"country": iso3, "rule": "country name, linked by its ISO 3166 code"}
        if entity_id in self.entities:
            return LinkResult(entity_id, why=why)
        if not create:
            return LinkResult(None, why={"reason": "no entity matches"})
        self.entities[entity_id] = Entity(id=entity_id, label="LOC")
        self._removed.discard(entity_id)
        return LinkResult(entity_id, created=True, why=why)

    def _forbidden(self, norms: set[str], entity_id: str) -> bool:
        for o in self.overrides:
            if o.kind != "split":
                continue
            if norms & set(o.keys) and entity_id == self._resolve(o.entity):
                return True
            if norms & set(o.others) and entity_id == self._resolve(o.other):
                return True
        return False

    def _create(self, label: str, name: Name) -> tuple[Entity, bool]:
        """A new entity for a name, unless a user override sends the name to an existing one."""
        norms = {f.norm for f in name.forms}
        target = self._override_target(norms)
        base = make_entity_id(label, name.key)
        entity_id = self._resolve(target or base)
        if entity_id in self.entities and (target or entity_id != base):
            return self.entities[entity_id], False  # joins the entity the user chose
        n = 1
        while entity_id in self.entities or self._forbidden(norms, entity_id):
            n += 1  # same key, yet a different entity (conflicting context or a user split)
            entity_id = make_entity_id(label, f"{name.key}#{n}")
        entity = Entity(id=entity_id, label=label)
        self.entities[entity_id] = entity
        self._removed.discard(entity_id)
        return entity, True

    def _override_target(self, norms: set[str]) -> str | None:
        target = None
        for o in self.overrides:  # later decisions win
            if o.kind == "split" and norms & set(o.keys):
                target = o.other
            elif norms & set(o.others) or (o.kind == "merge" and norms & set(o.keys)):
                target = o.entity
        return target

    def observe(self, entity_id: str, mention: Mention, *, why: dict[str, Any] | None = None) -> Entity:
        """Count a mention for an entity: variant, roles, country, dates; keep `why` for a new variant."""
        entity = self.entities[entity_id]
        name = normalise(mention.text, lang=mention.lang, label=entity.label)
        vkey = (mention.lang or "", name.text)
        variant = entity.variants.get(vkey)
        is_new_key = name.key not in {v.key for v in entity.variants.values()}
        if variant is None:
            variant = Variant(text=name.text, lang=mention.lang, script=name.script, key=name.key)
            entity.variants[vkey] = variant
            if entity.mentions and why is not None:
                entity.merges.append({"variant": name.text, "lang": mention.lang, "at": mention.date, "why": why})
        variant.count += 1
        variant.first_seen, variant.last_seen = _span(variant.first_seen, variant.last_seen, mention.date)
        for role in mention.roles:
            seen = entity.roles.setdefault((mention.lang or "", role), RoleSeen(role=role, lang=mention.lang))
            seen.count += 1
            seen.first_seen, seen.last_seen = _span(seen.first_seen, seen.last_seen, mention.date)
        for country in mention.countries:
            entity.countries[country] += 1
        entity.mentions += 1
        entity.first_seen, entity.last_seen = _span(entity.first_seen, entity.last_seen, mention.date)
        if is_new_key:
            self._index(entity)
        self._dirty.add(entity.id)
        return entity

    def consolidate(self, *, only: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """Merge entities that context gathered since their creation now confirms are one (Blinkin → Blinken).

        Each pair of entities sharing a blocking key is compared like a mention would be, with the context
        of both entities; the smaller entity joins the larger, with its why. User splits are respected.
        Only entities changed since the last save are looked at (or those in `only`).
        Returns (kept id, absorbed id) pairs.
        """
        merged: list[tuple[str, str]] = []
        hub = max(HUB_MIN, HUB_SHARE * len(self.entities))
        todo = [i for i in (self._dirty if only is None else set(only)) if i in self.entities]
        for entity_id in sorted(todo, key=lambda i: (self.entities[i].mentions, i)):
            entity = self.entities.get(entity_id)
            if entity is None:
                continue
            best: tuple[Decision, Entity] | None = None
            names = entity.names()
            ids = set().union(*(self._block.get(k, set()) for n in names for k in blocking_keys(n, label=entity.label)))
            ctx = entity.context()
            ctx.cooc = {i: "" for i in ctx.cooc if i in self.entities and len(self.entities[i].cooc) < hub}
            for other_id in sorted(ids - {entity_id}):
                other = self.entities[other_id]
                if (other.mentions, other.id) < (entity.mentions, entity.id) and other_id in todo:
                    continue  # the smaller one joins the larger one (it is looked at on its own turn)
                if any(self._forbidden({f.norm for f in n.forms}, other.id) for n in names):
                    continue
                comparisons = [compare(a, b) for a in names for b in other.names()]
                cmp = min(comparisons, key=lambda c: (c.rank(), c.given != "match", c.distance))
                if any(c.same_surname for c in comparisons):
                    continue
                if cmp.tier == "identical" or entity.id in other.cooc:
                    continue  # kept apart on purpose when created (conflict), or two people in one article
                decision = decide(cmp, ctx, other.context(), label=entity.label)
                if decision.merge and (best is None or decision.support > best[0].support):
                    best = (decision, other)
            if best is not None:
                decision, other = best
                why = {"consolidated": True, "matched": other.canonical, **decision.why}
                self._absorb(other, entity)
                other.merges.append({"variant": entity.canonical, "lang": None, "at": None, "why": why})
                merged.append((other.id, entity.id))
        return merged

    def add_cooccurrence(self, entity_ids: Iterable[str]) -> None:
        """Record that these entities were mentioned together (one article)."""
        ids = sorted(set(entity_ids))
        for a in ids:
            for b in ids:
                if a != b:
                    self.entities[a].cooc[b] += 1
            self._dirty.add(a)

    # -- user overrides ------------------------------------------------------------------------

    def force_merge(self, keep: str, absorb: str, *, note: str | None = None) -> Entity:
        """Merge entity `absorb` into `keep` (ids or names); kept as an override that survives re-processing."""
        a, b = self._one(keep), self._one(absorb)
        if a.id == b.id:
            raise EntityError(f"{keep!r} and {absorb!r} are already the same entity ({a.id})")
        if a.label != b.label:
            raise EntityError(f"cannot merge a {a.label} ({a.canonical}) with a {b.label} ({b.canonical})")
        keys = sorted(b.keys())
        self.overrides = [o for o in self.overrides if not (o.kind == "split" and {o.entity, o.other} == {a.id, b.id})]
        others = sorted(a.keys() - set(keys))
        self.overrides.append(Override(kind="merge", entity=a.id, other=b.id, keys=keys, others=others, note=note))
        self._absorb(a, b)
        why = {"forced": "merged by user", "absorbed": b.id, "note": note, "keys": keys}
        a.merges.append({"variant": b.canonical, "lang": None, "at": _now(), "forced": True, "why": why})
        return a

    def split(self, entity_id: str, variant: str, *, note: str | None = None) -> Entity:
        """Take a variant (as written, or its normalised form) out of an entity into a new one, for good."""
        entity = self._one(entity_id)
        name = normalise(variant, label=entity.label)
        wanted = {f.norm for f in name.forms}
        moving = [
            k for k, v in entity.variants.items() if v.text.casefold() == variant.strip().casefold() or v.key in wanted
        ]
        if not moving:
            raise EntityError(f"{entity.canonical} ({entity.id}) has no variant {variant!r}")
        if len(moving) == len(entity.variants):
            raise EntityError(f"{variant!r} is every variant of {entity.id}: nothing would be left")
        moved_keys = sorted({entity.variants[k].key for k in moving} | wanted)
        stays = {k: v for k, v in entity.variants.items() if k not in moving}
        other_keys = sorted({v.key for v in stays.values()} - set(moved_keys))
        first = entity.variants[moving[0]]
        new_id = make_entity_id(entity.label, first.key)
        n = 1
        while new_id in self.entities or new_id == entity.id:
            n += 1
            new_id = make_entity_id(entity.label, f"{first.key}#{n}")
        new = Entity(id=new_id, label=entity.label)
        for k in moving:
            v = entity.variants.pop(k)
            new.variants[k] = v
            new.mentions += v.count
            entity.mentions -= v.count
            new.first_seen, new.last_seen = _span(new.first_seen, new.last_seen, v.first_seen)
            new.first_seen, new.last_seen = _span(new.first_seen, new.last_seen, v.last_seen)
        why = {"split": "separated by user", "from": entity.id, "keys": moved_keys, "note": note}
        new.merges.append({"variant": first.text, "lang": first.lang, "at": _now(), "forced": True, "why": why})
        entity.merges.append({"variant": first.text, "lang": first.lang, "at": _now(), "forced": True,
                              "why": {"split": "separated by user", "into": new_id, "note": note}})  # fmt: skip
        self.overrides = [o for o in self.overrides if not (o.kind == "merge" and set(o.keys) & set(moved_keys))]
        self.overrides.append(
            Override(kind="split", entity=entity.id, other=new_id, keys=moved_keys, others=other_keys, note=note)
        )
        self.entities[new_id] = new
        self._removed.discard(new_id)
        self._unindex(entity)
        self._index(entity)
        self._index(new)
        self._dirty.update({entity.id, new_id})
        return new

    def _one(self, query: str) -> Entity:
        found = self.find(query)
        if not found:
            raise EntityError(f"no entity matches {query!r} (try `newsdesk entities`)")
        if len(found) > 1 and self._resolve(query) not in self.entities:
            options = ", ".join(f"{e.id} ({e.canonical})" for e in found[:5])
            raise EntityError(f"{query!r} matches several entities: {options}; give an id")
        return found[0]

    def _absorb(self, a: Entity, b: Entity) -> None:
        for k, v in b.variants.items():
            mine = a.variants.get(k)
            if mine is None:
                a.variants[k] = v
            else:
                mine.count += v.count
                mine.first_seen, mine.last_seen = _span(mine.first_seen, mine.last_seen, v.first_seen)
                mine.first_seen, mine.last_seen = _span(mine.first_seen, mine.last_seen, v.last_seen)
        for k, r in b.roles.items():
            mine_r = a.roles.setdefault(k, RoleSeen(role=r.role, lang=r.lang))
            mine_r.count += r.count
            mine_r.first_seen, mine_r.last_seen = _span(mine_r.first_seen, mine_r.last_seen, r.first_seen)
            mine_r.first_seen, mine_r.last_seen = _span(mine_r.first_seen, mine_r.last_seen, r.last_seen)
        a.countries.update(b.countries)
        a.cooc.update({k: v for k, v in b.cooc.items() if k != a.id})
        a.mentions += b.mentions
        a.first_seen, a.last_seen = _span(a.first_seen, a.last_seen, b.first_seen)
        a.first_seen, a.last_seen = _span(a.first_seen, a.last_seen, b.last_seen)
        a.merges.extend(b.merges)
        a.aliases = sorted({*a.aliases, *b.aliases, b.id})
        self._aliases.update(dict.fromkeys(a.aliases, a.id))
        for other in self.entities.values():
            if b.id in other.cooc:
                other.cooc[a.id] += other.cooc.pop(b.id)
                if other.id == a.id:
                    other.cooc.pop(a.id, None)
                self._dirty.add(other.id)
        del self.entities[b.id]
        self._unindex(b)
        self._index(a)
        self._removed.add(b.id)
        self._dirty.discard(b.id)
        self._dirty.add(a.id)


def _rejected(rejected: list[tuple[Entity, Decision | None]]) -> list[dict[str, Any]]:
    return [
        {"entity": e.id, "canonical": e.canonical, **(d.why if d else {"reason": "split by user"})} for e, d in rejected
    ]


def _span(first: str | None, last: str | None, date: str | None) -> tuple[str | None, str | None]:
    if not date:
        return first, last
    return (min(first, date) if first else date), (max(last, date) if last else date)
