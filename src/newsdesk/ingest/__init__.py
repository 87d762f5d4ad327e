"""Readers for every input format, format detection, and the step that runs them."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..article import Article
from ..errors import InputError
from ..pipeline import StepStats
from .base import Reader, Rejected
from .feeds import read_feed, read_opml_as_articles
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import gunzip_head, read_warc

READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
    "opml": read_opml_as_articles,
}
"""Format name -> reader function."""

EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".opml": "opml",
}
"""File suffix -> format name; content sniffing decides for anything else."""


def detect_format(path: Path, head: bytes = b"") -> str:
    """The format of a file: from its extension, else from its first bytes."""
    suffixes = [s.lower() for s in path.suffixes]
    for suffix in reversed(suffixes):
        if suffix in EXTENSIONS:
            return EXTENSIONS[suffix]
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    """Guess a format from the first bytes of a file."""
    if head.startswith(b"\x1f\x8b"):
        head = gunzip_head(head)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = stripped[:512].lower()
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if stripped.startswith(b"{"):
        return "feed" if b"jsonfeed.org" in lower else "jsonl"
    if b"<opml" in lower:
        return "opml"
    if b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower:
        return "feed"
    if lower.startswith((b"<!doctype html", b"<html")) or (lower.startswith(b"<") and b"<html" in lower):
        return "html"
    return "text"


NOT_ARTICLES = re.compile(r"^(readme|license|licence|notice|copying|authors)\b|\.(md|rst)$", re.IGNORECASE)
"""Files found in a folder that are documentation, not news (a file named explicitly is always read)."""


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named or found in folders (recursively, sorted; hidden files, licences and docs skipped); `-` is stdin."""
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield path
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and not NOT_ARTICLES.search(child.name):
                    yield child
        elif path.exists():
            yield path
        else:
            raise InputError(f"no such file or folder: {path}")


class IngestStep:
    """Read articles from files, folders or stdin; bad records go to the quarantine."""

    name = "ingest"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("url", "title", "lang", "published", "crawled", "captions", "related")

    def __init__(self, paths: Iterable[str | Path], *, fmt: str | None = None) -> None:
        self.paths = list(expand_paths(paths))
        if fmt is not None and fmt not in READERS:
            raise InputError(f"unknown format {fmt!r}; known formats: {', '.join(sorted(READERS))}")
        self.fmt = fmt

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        yield from articles
        for path in self.paths:
            yield from self._read(path, stats)

    def _read(self, path: Path, stats: StepStats) -> Iterator[Article]:
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            stream, name = io.BytesIO(data), "<stdin>"
            fmt = self.fmt or sniff_format(data[:512])
        else:
            with path.open("rb") as fh:
                head = fh.read(512)
            stream, name = path, str(path)
            fmt = self.fmt or detect_format(path, head)
        stats.count(f"format:{fmt}")
        for item in READERS[fmt](stream, name=name):
            if isinstance(item, Rejected):
                stats.quarantine(source=item.source, reason=item.reason, raw=item.raw)
            else:
                yield item
