"""The `newsdesk` command line."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from . import __version__
from .cli_executor import executor_kind, executor_options
from .cli_output import emit, output_options, parse_since, short
from .errors import NewsdeskError
from .store import ArticleQuery, Store, default_db_path, open_store, redact_url


class _Group(click.Group):
    """Turns a `NewsdeskError` into a one-line error and exit code 1, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsdeskError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    default=None,
    envvar="NEWSDESK_DB",
    show_envvar=True,
    help=f"SQLite database file or PostgreSQL URL (postgresql://user@host/db) [default: {default_db_path()}].",
)
@click.version_option(__version__, prog_name="newsdesk")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """newsdesk: turn news as found in the wild into a searchable picture of what is happening."""
    ctx.obj = {"db": db or default_db_path()}


def get_store(ctx: click.Context) -> Store:
    """The store named by --db, opened once per command and closed at its end."""
    root = ctx.find_root()
    if "store" not in root.obj:
        root.obj["store"] = open_store(root.obj["db"])
        root.call_on_close(root.obj["store"].close)
    return root.obj["store"]


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default=None, help="Input format (default: detected from extension and content).")
@click.option("--lang", "languages", multiple=True, help="Restrict language identification to these codes.")
@click.option("--no-analysis", is_flag=True, help="Only read, clean and store: no entities, quotes, events, stories.")
@executor_options
@click.option("--json", "as_json", is_flag=True, help="Print the run's stats as JSON.")
@click.pass_context
def ingest(
    ctx: click.Context, paths: tuple[str, ...], fmt: str | None, languages: tuple[str, ...], no_analysis: bool,
    executor: str | None, workers: int | None, scheduler: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Read files, folders or stdin (-) into the store. Re-running adds nothing new."""
    from .runner import run_ingest

    kind = executor_kind(executor, scheduler)
    store = get_store(ctx)
    with _progress() as advance:
        result, run_id = run_ingest(
            store=store, paths=paths, fmt=fmt, languages=languages or None, analyse=not no_analysis,
            on_article=advance, executor=kind, workers=workers,
            scheduler=scheduler,
        )  # fmt: skip
    summary = result.to_dict() | {"run": run_id}
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    _print_steps(result.to_dict()["steps"])
    writer = next((s for s in result.steps if s.name == "store"), None)
    new = writer.counters.get("new", 0) if writer else 0
    updated = writer.counters.get("updated", 0) if writer else 0
    click.echo(
        f"run {run_id}: {new} new, {updated} updated, {len(result.quarantined)} quarantined"
        f" in {result.seconds:.1f}s (db: {redact_url(ctx.find_root().obj['db'])})"
    )


@main.command()
@click.argument("query")
@click.option("--lang", default=None, help="Only articles in this language.")
@click.option("--since", default=None, help="Only articles since: 24h, 7d or a date (2023-07-27).")
@click.option("--limit", default=20, show_default=True, help="At most this many results.")
@output_options
@click.pass_context
def search(ctx: click.Context, query: str, lang: str | None, since: str | None, limit: int, fmt: str) -> None:
    """Full-text search over titles and texts ("quoted phrases", prefix*, OR, NOT)."""
    hits = get_store(ctx).search(query, ArticleQuery(lang=lang, since=parse_since(since), limit=limit))
    rows = [
        {"id": h.article.id, "published": h.article.published, "lang": h.article.lang,
         "title": h.article.title if fmt != "table" else short(h.article.title, 60),
         "snippet": h.snippet, "score": round(h.rank, 3)}
        for h in hits
    ]  # fmt: skip
    emit(rows, fmt=fmt, columns=["id", "published", "lang", "title", "snippet", "score"], title=f"{len(rows)} results")


@main.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@click.pass_context
def show(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """Show one article with its metadata and extracted facts."""
    article = get_store(ctx).get_article(article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id!r} (try `newsdesk search`)")
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    fields = {
        "id": article.id, "title": article.title, "source": article.source, "url": article.url,
        "lang": f"{article.lang} ({article.lang_score})" if article.lang_score is not None else article.lang,
        "published": f"{article.published.isoformat() if article.published else '-'} ({article.date_source or 'none'})",
        "dateline": article.dateline, "agency": article.agency, "byline": article.byline,
        "duplicate_of": article.duplicate_of, "translation_of": article.translation_of, "story": article.story_id,
    }  # fmt: skip
    for key, value in fields.items():
        if value:
            click.echo(f"{key:>14}: {value}")
    for caption in article.captions:
        click.echo(f"{'caption':>14}: {caption.text}" + (f" [{caption.credit}]" if caption.credit else ""))
    for related in article.related:
        click.echo(f"{'related':>14}: {related.date or '?'} {related.headline}")
    click.echo()
    click.echo(article.text)
    for group, spans in article.spans.items():
        click.echo(f"\n{group} ({len(spans)}):")
        for span in spans:
            click.echo(f"  [{span.start}:{span.end}] {span.label}: {short(article.evidence(span), 70)}{_about(span)}")


@main.command()
@click.option("--quarantine", is_flag=True, help="List the records that could not be read, with their reasons.")
@click.option("--limit", default=10, show_default=True, help="Recent articles / runs / quarantine rows to list.")
@output_options
@click.pass_context
def stats(ctx: click.Context, quarantine: bool, limit: int, fmt: str) -> None:
    """Counts by language and source, the last runs, the quarantine, and the most recent articles."""
    store = get_store(ctx)
    if quarantine:
        rows = [
            {"at": q.at.isoformat(timespec="seconds"), "step": q.step, "source": q.source, "reason": q.reason,
             "bytes": len(q.raw)}
            for q in store.list_quarantine(limit=limit)
        ]  # fmt: skip
        emit(rows, fmt=fmt, columns=["at", "step", "source", "reason", "bytes"], title="Quarantine")
        return
    counts = store.counts()
    runs = store.list_runs(limit=limit)
    recent = list(store.iter_articles(ArticleQuery(limit=limit)))
    if fmt == "json":
        recent_rows = [{"id": a.id, "published": a.published, "lang": a.lang, "title": a.title} for a in recent]
        emit([counts | {"runs_recent": runs, "recent": recent_rows}], fmt="json")
        return
    click.echo(
        f"{counts['articles']} articles ({counts['duplicates']} duplicates), {counts['quarantined']} quarantined,"
        f" {counts['runs']} runs"
    )
    emit([{"lang": k, "articles": v} for k, v in counts["by_lang"].items()], fmt=fmt, title="By language")
    emit([{"source": k, "articles": v} for k, v in counts["by_source"].items()], fmt=fmt, title="By source")
    if runs:
        last = runs[0]
        click.echo(f"\nLast run #{last['id']} ({last['command']}, {last['started'][:19]}, {last['seconds']:.1f}s):")
        _print_steps(last["steps"])
    emit(
        [{"id": a.id, "published": a.published.date() if a.published else None, "lang": a.lang,
          "title": short(a.title or a.text, 70)} for a in recent],
        fmt=fmt, columns=["id", "published", "lang", "title"], title=f"{len(recent)} most recent articles",
    )  # fmt: skip


@main.command()
@click.option("--since", default=None, help="Only articles since: 24h, 7d or a date.")
@click.option("--lang", default=None, help="Only articles in this language.")
@click.option("--ids", default=None, help="Comma-separated article ids.")
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default stdout)."
)
@click.pass_context
def export(ctx: click.Context, since: str | None, lang: str | None, ids: str | None, output: Any) -> None:
    """Export articles as JSON Lines with every field and span (read back by `ingest`)."""
    query = ArticleQuery(since=parse_since(since), lang=lang, ids=[i for i in ids.split(",") if i] if ids else None)
    n = 0
    for article in get_store(ctx).iter_articles(query):
        output.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    if getattr(output, "name", "-") not in ("-", "<stdout>"):
        click.echo(f"{n} articles written to {output.name}", err=True)


def _about(span: Any) -> str:
    """What a span says beyond its evidence: who is speaking, who did what to whom, which entity it is."""
    attrs = span.attrs
    if span.label == "QUOTE":
        who = attrs.get("speaker_name") or attrs.get("speaker") or f"no speaker: {attrs.get('reason', '?')}"
        return f"  — {who}" + (f", {attrs['speaker_role']}" if attrs.get("speaker_role") else "") + (
            f" ({attrs['verb']})" if attrs.get("verb") else ""
        )
    if span.label == "EVENT":
        from .store.events import actor_summary

        flags = "".join(f"{flag} " for flag in ("negated", "hypothetical") if attrs.get(flag))
        who = actor_summary(attrs.get("sources") or []) or "?"
        whom = actor_summary(attrs.get("targets") or []) or "?"
        return f"  — {flags}{attrs.get('plover')} {attrs.get('cameo')} ({attrs.get('trigger')}): {who} → {whom}"
    parts = [attrs.get("name") if attrs.get("name") != attrs.get("text") else None, attrs.get("role"),
             attrs.get("country") or attrs.get("government_of"), attrs.get("entity_id")]  # fmt: skip
    return f"  → {', '.join(p for p in parts if p)}" if any(parts) else ""


def _print_steps(steps: list[dict[str, Any]]) -> None:
    rows = [
        {"step": s["name"], "in": s["in"], "out": s["out"], "seconds": f"{s['seconds']:.2f}",
         "dropped": ", ".join(f"{k}={v}" for k, v in s["dropped"].items()),
         "counts": ", ".join(f"{k}={v}" for k, v in sorted(s["counters"].items()))}
        for s in steps
    ]  # fmt: skip
    emit(rows, fmt="table", title="Steps")


class _progress:
    """A transient progress line on a terminal (articles done, rate); silent otherwise."""

    def __enter__(self) -> Any:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
            TimeElapsedColumn(), transient=True, disable=not sys.stderr.isatty(),
        )  # fmt: skip
        self.progress.__enter__()
        self.task = self.progress.add_task("processing", total=None)
        return lambda _article: self.progress.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]


def _register_extensions() -> None:
    from .cli_entities import register as register_entities
    from .cli_events import events as events_command
    from .cli_quotes import quotes as quotes_command
    from .cli_serve import serve
    from .cli_stories import register as register_stories
    from .cli_watch import register as register_watch

    register_entities(main)
    register_watch(main)
    main.add_command(quotes_command)
    main.add_command(events_command)
    register_stories(main)
    main.add_command(serve)


_register_extensions()
