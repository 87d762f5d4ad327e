"""`newsdesk quotes`: who said what, from the store."""

from __future__ import annotations

import click

from .cli_output import emit, output_options, short


@click.command()
@click.argument("query", required=False)
@click.option("--by", "by", default=None, help="Quotes by this speaker (full name, name as written or entity id).")
@click.option("--about", default=None, help="Quotes that mention this name.")
@click.option("--story", default=None, help="Quotes from the articles of this story.")
@click.option("--lang", default=None, help="Only articles in this language.")
@click.option(
    "--kind", type=click.Choice(["direct", "indirect", "mixed"]), default=None, help="Only this kind of quote."
)
@click.option("--limit", default=50, show_default=True, help="At most this many quotes.")
@output_options
@click.pass_context
def quotes(
    ctx: click.Context, query: str | None, by: str | None, about: str | None, story: str | None, lang: str | None,
    kind: str | None, limit: int, fmt: str,
) -> None:  # fmt: skip
    """Who said what: quotes by a speaker, about a name, in a story; QUERY searches the quote text."""
    from .cli import get_store
    from .store.quotes import search_quotes

    hits = search_quotes(get_store(ctx), text=query, by=by, about=about, story=story, lang=lang, kind=kind, limit=limit)
    rows = []
    for h in hits:
        row = h.to_dict()
        if fmt == "table":
            row["text"] = short(h.text, 70)
            row["speaker_name"] = h.speaker_name or f"({h.speaker or '-'})"
        rows.append(row)
    columns = ["article_id", "published", "speaker_name", "speaker_role", "verb", "kind", "text"]
    emit(rows, fmt=fmt, columns=columns if fmt == "table" else None, title=f"{len(rows)} quotes")
