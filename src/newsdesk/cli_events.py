"""`newsdesk events`: who did what to whom, from the store."""

from __future__ import annotations

import click

from .cli_output import emit, output_options, parse_since, short


@click.command()
@click.option("--type", "plover", default=None, metavar="PLOVER", help="Only this PLOVER type (ACCUSE, ASSAULT…).")
@click.option("--cameo", default=None, metavar="CODE", help="Only this CAMEO code or code prefix (112, 19…).")
@click.option("--actor", default=None, metavar="NAME", help="A source or target actor (part of a name, or entity id).")
@click.option("--country", default=None, metavar="ISO3", help="A source or target actor of this country (RUS, FRA…).")
@click.option("--story", default=None, help="Events from the articles of this story.")
@click.option("--lang", default=None, help="Only articles in this language.")
@click.option("--since", default=None, help="Only articles since: 24h, 7d or a date (2023-07-27).")
@click.option("--limit", default=50, show_default=True, help="At most this many events.")
@output_options
@click.pass_context
def events(
    ctx: click.Context, plover: str | None, cameo: str | None, actor: str | None, country: str | None,
    story: str | None, lang: str | None, since: str | None, limit: int, fmt: str,
) -> None:  # fmt: skip
    """Who did what to whom: events (PLOVER type, CAMEO code, actors) with their evidence sentence."""
    from .cli import get_store
    from .store.events import list_events

    hits = list_events(
        get_store(ctx), plover=plover, cameo=cameo, actor=actor, country=country, story=story, lang=lang,
        since=parse_since(since), limit=limit,
    )  # fmt: skip
    rows = []
    for h in hits:
        row = h.to_dict()
        if fmt == "table":
            flags = [f for f, on in (("not", h.negated), ("maybe", h.hypothetical)) if on]
            row["published"] = (h.published or "")[:10]
            row["event"] = " ".join([*flags, h.plover or "?"]) + (f" ({h.cameo})" if h.cameo else "")
            row["source"] = h.source or "-"
            row["target"] = h.target or "-"
            row["text"] = short(h.text, 70)
        rows.append(row)
    columns = ["published", "source", "event", "target", "text", "article_id"]
    emit(rows, fmt=fmt, columns=columns if fmt == "table" else None, title=f"{len(rows)} events")
