"""`newsdesk serve`: the web UI and JSON API over the store (uvicorn)."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the web UI and JSON API (read-only); every page has a JSON twin at its path + .json."""
    import uvicorn

    from .api import create_app

    db = ctx.find_root().obj["db"]
    click.echo(f"newsdesk on http://{host}:{port}/ (db: {db}); Ctrl-C stops", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
