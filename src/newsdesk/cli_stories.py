"""Story commands: `newsdesk stories`, `newsdesk story ID`, `newsdesk alerts`, `newsdesk recluster`.

`register(group)` adds them to the main click group (they use its `--db` store).
"""

from __future__ import annotations

import json

import click

from .cli_output import emit, output_options, parse_since, short

LANG_STYLES = ("cyan", "magenta", "green", "yellow", "blue", "red")


def _store(ctx: click.Context):
    from .cli import get_store
    from .store.sqlbase import sql_store

    return sql_store(get_store(ctx), "stories")


def _reader(ctx: click.Context):
    from .stories.store import StoryReader

    return StoryReader(_store(ctx))


@click.command("stories")
@click.option("--since", default="24h", show_default=True, help="Stories active since: 24h, 7d or a date.")
@click.option("--limit", default=50, show_default=True, help="At most this many stories.")
@click.option("--min-articles", default=1, show_default=True, help="Only stories with at least this many articles.")
@output_options
@click.pass_context
def stories_cmd(ctx: click.Context, since: str, limit: int, min_articles: int, fmt: str) -> None:
    """List stories, largest first: title, articles (copies), languages, first/last seen, growth."""
    found = _reader(ctx).list(since=parse_since(since), limit=limit, min_articles=min_articles)
    if fmt == "json":
        emit([s.to_dict() for s in found], fmt="json")
        return
    rows = [
        {"id": s.id, "title": short(s.title, 60) if fmt == "table" else s.title, "articles": s.n_articles,
         "copies": s.n_copies, "languages": " ".join(f"{k}:{v}" for k, v in s.languages.items()),
         "first_seen": s.first_seen.isoformat(timespec="minutes"),
         "last_seen": s.last_seen.isoformat(timespec="minutes"),
         "growth": round(s.growth.rate, 2), "entities": ", ".join(s.top_entities[:4])}
        for s in found
    ]  # fmt: skip
    columns = ["id", "title", "articles", "copies", "languages", "first_seen", "last_seen", "growth", "entities"]
    emit(rows, fmt=fmt, columns=columns, title=f"{len(rows)} stories")


@click.command("story")
@click.argument("story_id")
@click.option("--unit", type=click.Choice(["hour", "day"]), default=None, help="Timeline buckets (default: by span).")
@click.option("--json", "as_json", is_flag=True, help="Print the story, timeline and articles as JSON.")
@click.pass_context
def story_cmd(ctx: click.Context, story_id: str, unit: str | None, as_json: bool) -> None:
    """Show one story: top speakers, timeline chart by language, then its articles by language with copies folded."""
    from rich.console import Console
    from rich.text import Text

    from .stories.timeline import timeline, timeline_unit

    story = _reader(ctx).get(story_id)
    if story is None:
        raise click.ClickException(f"no story with id {story_id!r} (try `newsdesk stories --since 7d`)")
    if as_json:
        click.echo(json.dumps(story.to_dict(with_members=True), ensure_ascii=False, indent=2))
        return
    console = Console(soft_wrap=True)
    if unit is None:
        unit = timeline_unit(story.first_seen, story.last_seen)
    console.print(Text(story.title, style="bold"))
    langs = sorted(story.languages)
    console.print(
        f"{story.id} · {story.n_articles} articles ({_copies(story.n_copies)}) · {story.n_sources} sources · "
        f"{story.first_seen:%Y-%m-%d %H:%M} → {story.last_seen:%Y-%m-%d %H:%M} UTC · "
        f"growth x{story.growth.rate:.1f} ({story.growth.recent} recent)"
    )
    if story.top_entities:
        console.print("entities: " + ", ".join(story.top_entities))
    if story.speakers:
        console.print("quoted: " + ", ".join(f"{sp.name} ({_count(sp.quotes, 'quote')})" for sp in story.speakers))
        top = story.speakers[0]
        console.print(Text(f"  “{short(top.example, 110)}” — {top.name}", style="italic"), highlight=False)
    style = {lang: LANG_STYLES[i % len(LANG_STYLES)] for i, lang in enumerate(langs)}
    buckets = timeline(((m.time, m.lang) for m in story.members), unit=unit)
    peak = max((sum(c.values()) for _, c in buckets), default=1)
    scale = max(1.0, peak / 40)
    console.print(Text(f"\narticles per {unit}: ") + Text.assemble(*((f"█ {lang}  ", style[lang]) for lang in langs)))
    fmt_time = "%m-%d %H:00" if unit == "hour" else "%Y-%m-%d"
    empty_run = 0
    for i, (start, counts) in enumerate(buckets):
        if not counts:
            empty_run += 1
            following = buckets[i + 1][1] if i + 1 < len(buckets) else {"": 1}
            if empty_run == 2 and not following:
                console.print(f"{'⋮':>11} │")
            if empty_run >= 2 and not following:
                continue
        else:
            empty_run = 0
        line = Text(f"{start.strftime(fmt_time):>11} │")
        for lang in langs:
            n = counts.get(lang, 0)
            line.append("█" * round(n / scale) if n else "", style=style[lang])
        total = sum(counts.values())
        if total:
            line.append(f" {total}")
        console.print(line)
    by_lang = story.by_language()
    for lang in langs:
        console.print(Text(f"\n{lang} ({story.languages[lang]})", style=f"bold {style[lang]}"))
        for m, n_copies in by_lang.get(lang, []):
            folded = f"  [{_copies(n_copies)}]" if n_copies else ""
            line = f"  {m.time:%m-%d %H:%M}  {short(m.title, 70)} — {m.source}"
            console.print(line + folded + f"  ({m.article_id})", highlight=False)


def _copies(n: int) -> str:
    return f"{n} copy" if n == 1 else f"{n} copies"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@click.command("alerts")
@click.option("--since", default="7d", show_default=True, help="Alerts since: 24h, 7d or a date.")
@click.option("--limit", default=100, show_default=True, help="At most this many alerts.")
@click.option("--atom", is_flag=True, help="Print an Atom feed of the alerts.")
@output_options
@click.pass_context
def alerts_cmd(ctx: click.Context, since: str, limit: int, atom: bool, fmt: str) -> None:
    """Breaking-story alerts: stories whose article rate jumped (newest first)."""
    from .stories.timeline import atom_feed

    found = _reader(ctx).alerts(since=parse_since(since), limit=limit)
    if atom:
        click.echo(atom_feed(found))
        return
    rows = [a.to_dict() for a in found]
    emit(rows, fmt=fmt, columns=["at", "story_id", "title", "recent", "previous", "rate", "n_articles", "languages"])


@click.command("recluster")
@click.option("--no-embeddings", is_flag=True, help="Cluster on words and entities only (no sentence encoder).")
@click.pass_context
def recluster_cmd(ctx: click.Context, no_embeddings: bool) -> None:
    """Rebuild every story from the stored articles, oldest first (for backfills)."""
    from .stories.features import Featurizer, USEEncoder
    from .stories.store import recluster_store

    results = recluster_store(_store(ctx), featurizer=Featurizer(encoder=None if no_embeddings else USEEncoder()))
    stories = {r.story_id for r in results if r.story_id}
    undated = sum(1 for r in results if r.story_id is None)
    click.echo(f"{len(results)} articles in {len(stories)} stories ({undated} undated, not clustered)")


COMMANDS = (stories_cmd, story_cmd, alerts_cmd, recluster_cmd)


def register(group: click.Group) -> None:
    """Add the story commands to `group` (idempotent)."""
    for command in COMMANDS:
        if command.name not in group.commands:
            group.add_command(command)
