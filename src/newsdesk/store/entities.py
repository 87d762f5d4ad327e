"""The entity registry kept in the store (SQLite or PostgreSQL): tables (a named migration) and a `RegistryBackend`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..nlp.registry import Entity, EntityRegistry, Override, RoleSeen, Variant, find_by_name
from .sqlbase import sql_store

ENTITY_MIGRATIONS: list[tuple[str, str]] = [
    (
        "0100_entities",
        """
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            canonical TEXT NOT NULL,
            country TEXT,
            mentions INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX entities_label ON entities(label);
        CREATE TABLE entity_variants (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            lang TEXT NOT NULL,
            script TEXT NOT NULL,
            norm TEXT NOT NULL,
            count INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (entity_id, lang, text)
        );
        CREATE INDEX entity_variants_text ON entity_variants(text);
        CREATE INDEX entity_variants_norm ON entity_variants(norm);
        CREATE TABLE entity_roles (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            lang TEXT NOT NULL,
            count INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (entity_id, lang, role)
        );
        CREATE TABLE entity_merges (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            variant TEXT,
            lang TEXT,
            at TEXT,
            forced INTEGER NOT NULL,
            why TEXT NOT NULL,
            PRIMARY KEY (entity_id, seq)
        );
        CREATE TABLE entity_overrides (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
            entity_id TEXT NOT NULL,
            other_id TEXT NOT NULL,
            keys TEXT NOT NULL,
            others TEXT NOT NULL,
            note TEXT,
            created TEXT NOT NULL
        );
        """,
    ),
]
"""Named migrations for the registry tables; applied by `SQLRegistryBackend` when it opens a store."""


class SQLRegistryBackend:
    """Loads and saves an `EntityRegistry` in a SQL store's database (SQLite or PostgreSQL)."""

    def __init__(self, store: Any) -> None:
        self.store = sql_store(store, "the entity registry", ENTITY_MIGRATIONS)

    def load_registry(self) -> tuple[list[Entity], list[Override]]:
        conn = self.store.conn
        entities = self.load_entities()
        overrides = [
            Override(kind=r["kind"], entity=r["entity_id"], other=r["other_id"], keys=json.loads(r["keys"]),
                     others=json.loads(r["others"]), note=r["note"], created=r["created"])
            for r in conn.execute("SELECT * FROM entity_overrides ORDER BY seq")
        ]  # fmt: skip
        return list(entities.values()), overrides

    def load_entities(self, ids: list[str] | None = None) -> dict[str, Entity]:
        """The stored entities with these ids (all when None), by id in id order, with variants, roles and merges."""
        conn = self.store.conn
        entities: dict[str, Entity] = {}
        if ids == []:
            return entities
        # `where` takes the id column's name: `id` in entities, `entity_id` in the other tables
        where, params = ("", []) if ids is None else (f" WHERE {{}} IN ({','.join('?' * len(ids))})", list(ids))
        for row in conn.execute(f"SELECT * FROM entities{where.format('id')} ORDER BY id", params):
            data = json.loads(row["data"])
            entities[row["id"]] = Entity(
                id=row["id"], label=row["label"], mentions=row["mentions"], first_seen=row["first_seen"],
                last_seen=row["last_seen"], countries=Counter(data.get("countries") or {}),
                cooc=Counter(data.get("cooc") or {}), aliases=list(data.get("aliases") or []),
            )  # fmt: skip
        for row in conn.execute(
            f"SELECT * FROM entity_variants{where.format('entity_id')} ORDER BY entity_id, lang, text", params
        ):
            _add_variant(entities[row["entity_id"]], row)
        for row in conn.execute(
            f"SELECT * FROM entity_roles{where.format('entity_id')} ORDER BY entity_id, lang, role", params
        ):
            entities[row["entity_id"]].roles[(row["lang"], row["role"])] = RoleSeen(
                role=row["role"], lang=row["lang"] or None, count=row["count"], first_seen=row["first_seen"],
                last_seen=row["last_seen"],
            )  # fmt: skip
        merges = f"SELECT * FROM entity_merges{where.format('entity_id')} ORDER BY entity_id, seq"
        for row in conn.execute(merges, params):
            entities[row["entity_id"]].merges.append(
                {"variant": row["variant"], "lang": row["lang"], "at": row["at"], "why": json.loads(row["why"])}
                | ({"forced": True} if row["forced"] else {})
            )
        return entities

    def save_registry(self, entities: Iterable[Entity], removed: Iterable[str], overrides: list[Override]) -> None:
        with self.store.transaction() as conn:
            for entity_id in removed:
                conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
            for e in entities:
                conn.execute("DELETE FROM entities WHERE id = ?", (e.id,))
                data = json.dumps(
                    {"countries": dict(e.countries), "cooc": dict(e.cooc), "aliases": e.aliases}, sort_keys=True
                )
                conn.execute(
                    "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.id, e.label, e.canonical, e.country, e.mentions, e.first_seen, e.last_seen, data),
                )
                conn.executemany(
                    "INSERT INTO entity_variants VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(e.id, v.text, v.lang or "", v.script, v.key, v.count, v.first_seen, v.last_seen)
                     for v in e.variants.values()],
                )  # fmt: skip
                conn.executemany(
                    "INSERT INTO entity_roles VALUES (?, ?, ?, ?, ?, ?)",
                    [(e.id, r.role, r.lang or "", r.count, r.first_seen, r.last_seen) for r in e.roles.values()],
                )
                conn.executemany(
                    "INSERT INTO entity_merges VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(e.id, i, m.get("variant"), m.get("lang"), m.get("at"), int(bool(m.get("forced"))),
                      json.dumps(m.get("why") or {}, ensure_ascii=False, sort_keys=True))
                     for i, m in enumerate(e.merges)],
                )  # fmt: skip
            conn.execute("DELETE FROM entity_overrides")
            conn.executemany(
                "INSERT INTO entity_overrides (kind, entity_id, other_id, keys, others, note, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(o.kind, o.entity, o.other, json.dumps(o.keys), json.dumps(o.others), o.note, o.created)
                 for o in overrides],
            )  # fmt: skip


def _add_variant(entity: Entity, row: Any) -> None:
    """Add a row of `entity_variants` to `entity`."""
    entity.variants[(row["lang"], row["text"])] = Variant(
        text=row["text"], lang=row["lang"] or None, script=row["script"], key=row["norm"], count=row["count"],
        first_seen=row["first_seen"], last_seen=row["last_seen"],
    )  # fmt: skip


def open_registry(store: Any) -> EntityRegistry:
    """The entity registry kept in `store` (tables created on first use)."""
    return EntityRegistry(backend=SQLRegistryBackend(store))


def entity_row(e: Entity) -> dict[str, Any]:
    """One entity as listed: name, type, country, mentions, other variants, languages, most seen role."""
    langs = sorted({v.lang or "?" for v in e.variants.values()})
    variants = sorted({v.text for v in e.variants.values()} - {e.canonical})
    top_role = max(e.roles.values(), key=lambda r: (r.count, r.role), default=None)
    return {
        "id": e.id, "type": e.label, "name": e.canonical, "country": e.country, "mentions": e.mentions,
        "variants": variants, "langs": langs, "role": top_role.role if top_role else None,
        "first_seen": e.first_seen, "last_seen": e.last_seen,
    }  # fmt: skip


def list_entities(
    registry: EntityRegistry, *, query: str | None = None, label: str | None = None, lang: str | None = None
) -> list[Entity]:
    """Entities of the registry, most mentioned first; `query` finds them by id or name (`EntityRegistry.find`)."""
    return _listed(registry.find(query) if query else registry.entities.values(), label=label, lang=lang)


def _listed(found: Iterable[Entity], *, label: str | None, lang: str | None) -> list[Entity]:
    """The entities with this `label` and a name in `lang`, most mentioned first (the order of every listing)."""
    found = [
        e for e in found
        if (label is None or e.label == label.upper())
        and (lang is None or any(v.lang == lang for v in e.variants.values()))
    ]  # fmt: skip
    return sorted(found, key=lambda e: (-e.mentions, e.canonical))


def stored_entity(store: Any, entity_id: str) -> Entity | None:
    """The stored entity `entity_id` stands for (as `EntityRegistry.get` finds it), read alone."""
    backend = SQLRegistryBackend(store)
    resolved = resolve_entity_id(store, entity_id)
    return backend.load_entities([resolved]).get(resolved)


def resolve_entity_id(store: Any, entity_id: str) -> str:
    """The id `entity_id` stands for now, followed as `EntityRegistry` does through the merges a user asked for
    (overrides), then the ids merged into a stored entity (its aliases); a few small queries."""
    seen = set()
    while entity_id not in seen:
        seen.add(entity_id)
        row = store.conn.execute(
            "SELECT entity_id FROM entity_overrides WHERE kind = 'merge' AND other_id = ? ORDER BY seq LIMIT 1",
            (entity_id,),
        ).fetchone()
        target = (row[0] if row else None) or _alias_owner(store, entity_id)
        if target is None:
            break
        entity_id = target
    return entity_id


def _alias_owner(store: Any, entity_id: str) -> str | None:
    """The stored entity that lists `entity_id` among its aliases (the last by id, as the registry reads them)."""
    quoted = json.dumps(entity_id).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # `data` is sorted JSON: the aliases come first, then "cooc" (whose keys are ids too)
    pattern = '{"aliases": [%' + quoted + '%], "cooc"%'
    sql = "SELECT id, data FROM entities WHERE data LIKE ? ESCAPE '\\' ORDER BY id"
    owners = [r["id"] for r in store.conn.execute(sql, (pattern,)) if entity_id in json.loads(r["data"])["aliases"]]
    return owners[-1] if owners else None


def find_stored_entities(
    store: Any, query: str, *, label: str | None = None, lang: str | None = None, limit: int = 100
) -> tuple[int, list[Entity]]:
    """How many entities `list_entities(registry, query=query, label=label, lang=lang)` lists, and the first
    `limit` of them, read without loading the registry: the entity `query` names as an id, else the
    stored names matched by `find_by_name` (only the names are read), then the entities shown."""
    found = stored_entity(store, query)
    listed = _listed([found] if found else find_by_name(_name_candidates(store, query), query), label=label, lang=lang)
    if found:
        return len(listed), listed[:limit]
    ids = [e.id for e in listed[:limit]]
    loaded = SQLRegistryBackend(store).load_entities(ids)
    return len(listed), [loaded[i] for i in ids]


def _name_candidates(store: Any, query: str) -> list[Entity]:
    """The stored entities `find_by_name` must see to find `query`: those with a name written so (case ignored)
    when there are any, else all; with only their label, mentions and names (variants)."""
    folded = query.casefold()
    rows = store.conn.execute("SELECT entity_id, text FROM entity_variants")
    written = {entity_id for entity_id, text in rows if text.casefold() == folded}
    return _named_entities(store, sorted(written) if written else None)


def _named_entities(store: Any, ids: list[str] | None = None) -> list[Entity]:
    """The stored entities with these ids (all when None), with only their label, mentions and names (variants)."""
    entities: dict[str, Entity] = {}
    where = f" WHERE e.id IN ({','.join('?' * len(ids))})" if ids else ""
    sql = (
        "SELECT e.id, e.label, e.mentions, v.text, v.lang, v.script, v.norm, v.count, v.first_seen, v.last_seen"
        f" FROM entities e JOIN entity_variants v ON v.entity_id = e.id{where} ORDER BY e.id, v.lang, v.text"
    )
    for row in store.conn.execute(sql, ids or ()):
        entity = entities.get(row["id"])
        if entity is None:
            entity = entities[row["id"]] = Entity(id=row["id"], label=row["label"], mentions=row["mentions"])
        _add_variant(entity, row)
    return list(entities.values())


def list_stored_entities(
    store: Any, *, label: str | None = None, lang: str | None = None, limit: int = 100
) -> tuple[int, list[Entity]]:
    """How many stored entities have this `label` and a name in `lang`, and the first `limit` of them in the
    order of `list_entities` (most mentioned first), read without loading the whole registry."""
    backend = SQLRegistryBackend(store)
    clauses, params = [], []
    if label is not None:
        clauses.append("e.label = ?")
        params.append(label.upper())
    if lang is not None:
        clauses.append("EXISTS (SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id AND v.lang = ?)")
        params.append(lang)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    total = int(store.conn.execute(f"SELECT COUNT(*) FROM entities e{where}", params).fetchone()[0])
    sql = f"SELECT e.id FROM entities e{where} ORDER BY e.mentions DESC, e.canonical, e.id LIMIT ?"
    ids = [r["id"] for r in store.conn.execute(sql, (*params, limit))]
    loaded = backend.load_entities(ids)
    return total, [loaded[i] for i in ids]


@dataclass(slots=True, kw_only=True)
class EntityMention:
    """One stored entity span: where an entity is named, with its article."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    entity_id: str
    title: str | None = None
    published: str | None = None
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def entity_mentions(store: Any, entity: Entity, *, limit: int = 200) -> list[EntityMention]:
    """The stored "entities" spans linked to `entity` or to an entity merged into it, newest articles first."""
    ids = [entity.id, *entity.aliases]
    return [
        EntityMention(article_id=r["article_id"], start=r["start"], end=r["end"], text=r["evidence"], label=r["label"],
                      entity_id=r["entity_id"], title=r["title"], published=r["published"], lang=r["lang"])
        for r in store.conn.execute(mentions_sql(store.dialect, len(ids)), (*ids, limit))
    ]  # fmt: skip


def mentions_sql(dialect: Any, count: int) -> str:
    """The query of `entity_mentions` for `count` entity ids (then the limit); the index `spans_entity_id` serves it."""
    entity_id = dialect.json_get("s.attrs", "entity_id")
    return (
        f"SELECT s.article_id, s.start, s.end, s.evidence, s.label, {entity_id} AS entity_id,"
        " a.title, a.published, a.lang FROM spans s JOIN articles a ON a.id = s.article_id"
        f" WHERE s.grp = 'entities' AND {entity_id} IN ({','.join('?' * count)})"
        " ORDER BY COALESCE(a.published, a.first_stored) DESC, s.article_id, s.start LIMIT ?"
    )
