"""The `--executor`, `--workers` and `--scheduler` options shared by `newsdesk ingest` and `newsdesk watch`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def executor_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the executor options to a command (its function receives `executor`, `workers`, `scheduler`)."""
    options = [
        click.option(
            "--executor", type=click.Choice(["local", "processes", "dask"]), default=None,
            help="Where entity and quote extraction run: in this process (default), a pool of local processes, "
            "or a Dask cluster (default with --scheduler).",
        ),
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Processes for --executor processes, or for the local Dask cluster (default: one per core)."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="Dask scheduler to run on (tcp://host:8786); without it, --executor dask starts a local "
                     "cluster."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def executor_kind(executor: str | None, scheduler: str | None) -> str:
    """The executor the options name: "local" by default, "dask" when only a scheduler is given."""
    if scheduler and executor not in (None, "dask"):
        raise click.UsageError(f"--scheduler is for --executor dask, not {executor}")
    return executor or ("dask" if scheduler else "local")
