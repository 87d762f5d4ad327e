"""JSON Lines reader: one article per line.

A record's ``id``, ``lang``, ``title``, ``text``, ``published``, ``url`` and other Article
fields are kept, so results can be matched to their inputs. Unknown keys go to ``meta``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from ..article import Article, make_id
from .base import MAX_RECORD_BYTES, Rejected, open_binary

_TEXT_FIELDS = ("url", "title", "lang", "dateline", "agency", "byline", "source")
_ARTICLE_FIELDS = {f.name for f in dataclass_fields(Article)}


def read_jsonl(path: Path | str | BinaryIO, *, name: str | None = None) -> Iterator[Article | Rejected]:
    """Yield one `Article` per JSON line; a line that is not a usable record is `Rejected`."""
    stream = open_binary(path) if isinstance(path, (str, Path)) else path
    source = name or str(path)
    with stream:
        for lineno, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            where = f"{source}:{lineno}"
            if len(raw) > MAX_RECORD_BYTES:
                yield Rejected(where, f"line is {len(raw)} bytes, over the {MAX_RECORD_BYTES}-byte limit", raw)
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Rejected(where, f"invalid JSON: {exc}", raw)
                continue
            try:
                yield article_from_record(record, source=source)
            except (TypeError, ValueError) as exc:
                yield Rejected(where, str(exc), raw)


def article_from_record(record: Any, *, source: str) -> Article:
    """Build an Article from a JSON object, keeping the fields it gives."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no 'text' (a non-empty string is required)")
    fields: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {key!r} must be a string, got {type(value).__name__}")
        if value:
            fields[key] = value
    fields.setdefault("source", source)
    published = record.get("published")
    if published:
        fields["published"] = parse_iso_datetime(published)
        fields["date_source"] = record.get("date_source") or "input"
    article_id = record.get("id")
    if article_id is not None and not isinstance(article_id, (str, int)):
        raise ValueError("field 'id' must be a string or a number")
    fields["id"] = str(article_id) if article_id is not None else make_id(url=fields.get("url"), text=text)
    fields["text"] = text
    # Any other Article field (an export read back: spans, captions, lang_score...) is kept as is.
    extra = {k: v for k, v in record.items() if k in _ARTICLE_FIELDS and k not in fields and k != "published"}
    meta = {k: v for k, v in record.items() if k not in _ARTICLE_FIELDS}
    meta.update(record.get("meta") or {})
    try:
        return Article.from_dict(extra | fields | {"meta": meta})
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"record has a malformed Article field: {exc}") from exc


def parse_iso_datetime(value: Any) -> datetime:
    """Parse an ISO 8601 date or datetime ("2016-01-01", "2004-10-27T02:03:23Z"); naive means UTC."""
    if not isinstance(value, str):
        raise ValueError(f"field 'published' must be an ISO 8601 string, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"field 'published' is not an ISO 8601 date: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
