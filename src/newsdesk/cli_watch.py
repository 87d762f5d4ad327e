"""`newsdesk watch`: poll feeds listed in OPML files (or given as URLs) and store their new articles."""

from __future__ import annotations

import time
from pathlib import Path

import click

from .cli_executor import executor_kind, executor_options
from .cli_output import emit, output_options
from .errors import InputError


def feed_sources(targets: tuple[str, ...]) -> list:
    """Feeds from OPML files and feed URLs given on the command line, without repeats."""
    from .ingest.feeds import FeedError, FeedSource, read_opml

    feeds: dict[str, FeedSource] = {}
    for target in targets:
        if target.startswith(("http://", "https://")):
            feeds.setdefault(target, FeedSource(url=target))
            continue
        path = Path(target)
        if not path.is_file():
            raise InputError(f"no such OPML file: {path} (give an OPML file or a feed URL)")
        try:
            for feed in read_opml(path):
                feeds.setdefault(feed.url, feed)
        except FeedError as exc:
            raise InputError(f"{path}: {exc}") from exc
    if not feeds:
        raise InputError("no feeds to watch: the OPML files list no xmlUrl outlines")
    return list(feeds.values())


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--interval", default=900, show_default=True, help="Seconds between two polls.")
@click.option("--once", is_flag=True, help="Poll every feed once, then stop.")
@click.option("--allow-private", is_flag=True, help="Allow fetching from private, loopback and link-local hosts.")
@click.option("--timeout", default=15.0, show_default=True, help="Connect/read timeout per request, seconds.")
@click.option("--max-bytes", default=5 * 1024 * 1024, show_default=True, help="Largest feed or page fetched.")
@click.option("--delay", default=2.0, show_default=True, help="Seconds between two requests to the same host.")
@click.option("--max-items", default=100, show_default=True, help="New items processed per feed and poll.")
@click.option("--no-pages", is_flag=True, help="Do not fetch item pages; use the text the feed carries.")
@click.option("--ignore-robots", is_flag=True, help="Fetch item pages even where robots.txt disallows them.")
@click.option("--lang", "languages", multiple=True, help="Restrict language identification to these codes.")
@click.option("--no-analysis", is_flag=True, help="Only read, clean and store.")
@executor_options
@click.pass_context
def watch(
    ctx: click.Context, feeds: tuple[str, ...], interval: int, once: bool, allow_private: bool, timeout: float,
    max_bytes: int, delay: float, max_items: int, no_pages: bool, ignore_robots: bool, languages: tuple[str, ...],
    no_analysis: bool, executor: str | None, workers: int | None, scheduler: str | None,
) -> None:  # fmt: skip
    """Poll FEEDS (OPML files or feed URLs); fetch and store each new item's page. Ctrl-C stops.

    The executor is opened once and serves every poll, so its workers keep their models loaded."""
    from .cli import get_store
    from .executors import open_executor
    from .runner import run_ingest
    from .store.feeds import FeedState
    from .watch import Fetcher, Watcher, WatchOptions, WatchStep

    kind = "local" if no_analysis else executor_kind(executor, scheduler)
    sources = feed_sources(feeds)
    store = get_store(ctx)
    options = WatchOptions(allow_private=allow_private, timeout=timeout, deadline=max(timeout * 4, 60.0),
                           max_bytes=max_bytes, delay=delay, fetch_pages=not no_pages, max_items=max_items,
                           robots=not ignore_robots)
    backend = open_executor(kind, workers=workers, scheduler=scheduler)
    fetcher = Fetcher(options)
    watcher = Watcher(sources, state=FeedState(store), fetcher=fetcher)
    click.echo(f"watching {len(sources)} feeds" + ("" if once else f", every {interval}s (Ctrl-C stops)"), err=True)
    try:
        while True:
            result, run_id = run_ingest(store=store, source=WatchStep(watcher), languages=languages or None,
                                        analyse=not no_analysis, command="watch", executor=backend)
            watcher.commit()
            steps = {s.name: s for s in result.steps}
            counters = steps["watch"].counters
            writer = steps.get("store")
            click.echo(
                f"run {run_id}: {counters.get('feeds-read', 0)} feeds read, "
                f"{counters.get('feeds-not-modified', 0)} not modified, {counters.get('feed-errors', 0)} failed; "
                f"{counters.get('items-new', 0)} new items, "
                f"{writer.counters.get('new', 0) if writer else 0} new articles stored, "
                f"{len(result.quarantined)} quarantined"
            )
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        fetcher.close()
        backend.close()


@click.command()
@output_options
@click.pass_context
def feeds(ctx: click.Context, fmt: str) -> None:
    """The feeds `watch` has polled: last check, HTTP status, last error, items seen."""
    from .cli import get_store
    from .store.feeds import FeedState

    rows = [
        {"url": s.url, "checked": s.last_checked, "status": s.last_status, "items": s.items_seen,
         "error": s.last_error or ""}
        for s in FeedState(get_store(ctx)).all()
    ]  # fmt: skip
    emit(rows, fmt=fmt, columns=["url", "checked", "status", "items", "error"], title=f"{len(rows)} feeds")


def register(group: click.Group) -> None:
    """Add `watch` and `feeds` to the `newsdesk` command group."""
    group.add_command(watch)
    group.add_command(feeds)
