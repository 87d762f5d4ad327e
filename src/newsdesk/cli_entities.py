"""CLI commands for the entity registry: `entities`, `entity NAME`, `entity-merge A B`, `entity-split ID VARIANT`.

Registered on the main group by `newsdesk.cli` (`register(main)`).
"""

from __future__ import annotations

import json
from typing import Any

import click

from .cli_output import emit, output_options, short
from .nlp.registry import EntityRegistry
from .store.entities import entity_row, find_stored_entities, list_stored_entities


def _registry(ctx: click.Context) -> EntityRegistry:
    from .cli import get_store
    from .store.entities import open_registry

    return open_registry(get_store(ctx))


@click.command("entities")
@click.option("--lang", default=None, help="Only entities seen in articles of this language.")
@click.option("--type", "label", type=click.Choice(["PER", "ORG", "LOC"], case_sensitive=False), default=None)
@click.option("--limit", default=50, show_default=True, help="At most this many entities (most mentioned first).")
@output_options
@click.pass_context
def entities(ctx: click.Context, lang: str | None, label: str | None, limit: int, fmt: str) -> None:
    """List people, organisations and places with their name variants."""
    from .cli import get_store

    total, found = list_stored_entities(get_store(ctx), label=label, lang=lang, limit=limit)
    rows = [entity_row(e) for e in found]
    if fmt == "table":
        for row in rows:
            row["variants"] = short(", ".join(row["variants"]), 50)
            row["role"] = short(row["role"], 40) if row["role"] else None
    columns = ["id", "type", "name", "country", "mentions", "variants", "langs", "role", "first_seen", "last_seen"]
    emit(rows, fmt=fmt, columns=columns, title=f"{len(rows)} of {total} entities")


@click.command("entity")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@click.pass_context
def entity(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show an entity (by id or any of its names): variants by language, roles, merges and why."""
    from .cli import get_store

    _, found = find_stored_entities(get_store(ctx), name)
    if not found:
        raise click.ClickException(f"no entity named {name!r} (try `newsdesk entities`)")
    if as_json:
        click.echo(json.dumps([e.to_dict() for e in found], ensure_ascii=False, indent=2))
        return
    for e in found:
        click.echo(f"{e.canonical}  [{e.id}]  {e.label}  country: {e.country or '-'}  mentions: {e.mentions}")
        click.echo(f"  seen {e.first_seen or '?'} … {e.last_seen or '?'}")
        for lang, variants in sorted(e.variants_by_lang().items()):
            click.echo(f"  {lang}: " + ", ".join(f"{text} ({n})" for text, n in variants))
        if e.roles:
            click.echo("  roles:")
            for r in sorted(e.roles.values(), key=lambda r: (-r.count, r.role)):
                click.echo(f"    {r.role} [{r.lang or '?'}] ×{r.count}, {r.first_seen or '?'} … {r.last_seen or '?'}")
        if e.merges:
            click.echo("  merges:")
            for m in e.merges:
                click.echo(f"    {m['variant']} [{m.get('lang') or '-'}]: {_why_line(m)}")
        click.echo()


def _why_line(merge: dict[str, Any]) -> str:
    why = merge.get("why") or {}
    if merge.get("forced"):
        parts = [why.get("forced") or why.get("split") or "user decision"]
        parts += [f"{k} {why[k]}" for k in ("absorbed", "into", "from") if why.get(k)]
        return "; ".join(parts + ([f"note: {why['note']}"] if why.get("note") else []))
    if why.get("override"):
        return f"user decision (matched {why.get('matched')})"
    forms = " ~ ".join(why.get("normalised") or [])
    text = f"{why.get('tier')} ({forms}, distance {why.get('distance')})"
    if why.get("evidence"):
        text += "; " + "; ".join(why["evidence"])
    return text


@click.command("entity-merge")
@click.argument("keep")
@click.argument("absorb")
@click.option("--note", default=None, help="Why (kept with the decision).")
@click.pass_context
def entity_merge(ctx: click.Context, keep: str, absorb: str, note: str | None) -> None:
    """Merge entity ABSORB into KEEP (ids or names); the decision survives re-processing."""
    registry = _registry(ctx)
    merged = registry.force_merge(keep, absorb, note=note)
    registry.save()
    click.echo(
        f"merged into {merged.canonical} [{merged.id}]: {', '.join(sorted({v.text for v in merged.variants.values()}))}"
    )


@click.command("entity-split")
@click.argument("entity_id")
@click.argument("variant")
@click.option("--note", default=None, help="Why (kept with the decision).")
@click.pass_context
def entity_split(ctx: click.Context, entity_id: str, variant: str, note: str | None) -> None:
    """Take VARIANT out of entity ENTITY_ID into an entity of its own (undo a merge), for good."""
    registry = _registry(ctx)
    new = registry.split(entity_id, variant, note=note)
    registry.save()
    click.echo(f"{variant!r} is now {new.canonical} [{new.id}]; it will not be merged into {entity_id} again")


COMMANDS = (entities, entity, entity_merge, entity_split)


def register(group: click.Group) -> None:
    """Add the entity commands to the main CLI group."""
    for command in COMMANDS:
        group.add_command(command)
