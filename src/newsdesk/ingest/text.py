"""Plain-text page reader: one article per file, as saved from a crawl or a copy-paste."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..article import Article, make_id
from .base import MAX_RECORD_BYTES, Rejected, decode, looks_binary, open_binary


def read_text(path: Path | str | BinaryIO, *, name: str | None = None) -> Iterator[Article | Rejected]:
    """Yield the file as one `Article` (its text only), or `Rejected` when it is not usable text."""
    source = name or str(path)
    stream = open_binary(path) if isinstance(path, (str, Path)) else path
    with stream:
        data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        yield Rejected(source, f"file is over the {MAX_RECORD_BYTES}-byte limit for one page", data[:4096])
        return
    if not data.strip():
        yield Rejected(source, "empty file", data)
        return
    if looks_binary(data):
        yield Rejected(source, "binary content, not a text page", data[:4096])
        return
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        yield Rejected(source, f"cannot decode text: {exc.reason}", data[:4096])
        return
    yield Article(id=make_id(text=text), source=source, text=text, meta={"path": source})
