"""Output helpers shared by every CLI command: --json, --csv, --table (the default)."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

import click

from .errors import InputError

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "csv")


def output_options(func: F) -> F:
    """Add --json / --csv / --table flags, passed to the command as `fmt`."""
    func = click.option("--table", "fmt", flag_value="table", default=True, help="Print a table (default).")(func)
    func = click.option("--csv", "fmt", flag_value="csv", help="Print CSV.")(func)
    func = click.option("--json", "fmt", flag_value="json", help="Print JSON.")(func)
    return func


def emit(
    rows: Sequence[dict[str, Any]], *, fmt: str, columns: Sequence[str] | None = None, title: str | None = None
) -> None:
    """Print rows as a rich table, JSON (a list of objects) or CSV."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=_json_default))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"cannot serialise {type(value).__name__}")


_RELATIVE = re.compile(r"^(\d+)\s*([mhdw])$")


def parse_since(value: str | None, *, now: datetime | None = None, option: str = "--since") -> datetime | None:
    """'24h', '7d', '30m', '2w' (before now) or an ISO date/datetime; naive means UTC.

    `option` names the setting in the error message (the web pages' query parameter is `since`).
    """
    if not value:
        return None
    now = now or datetime.now(timezone.utc)
    match = _RELATIVE.match(value.strip().lower())
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {"m": timedelta(minutes=amount), "h": timedelta(hours=amount), "d": timedelta(days=amount),
                 "w": timedelta(weeks=amount)}[unit]  # fmt: skip
        return now - delta
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"cannot read {option} {value!r}: use 24h, 7d, 30m, 2w or a date like 2023-07-27") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def short(text: str | None, width: int = 80) -> str:
    """One line of at most `width` characters."""
    line = " ".join((text or "").split())
    return line if len(line) <= width else line[: width - 1] + "…"


def rows_of(items: Iterable[Any], columns: Sequence[str]) -> list[dict[str, Any]]:
    """Rows from objects' attributes."""
    return [{c: getattr(item, c, None) for c in columns} for item in items]
