"""WARC and ARC archives (gzip or plain), as in Common Crawl's CC-NEWS, read with warcio.

Streaming: one record at a time, each body read up to the size limit, so memory stays constant
on a multi-GB archive. Only successful (2xx) HTML responses are articles; requests, metadata,
redirects, error pages and non-HTML bodies are crawl bookkeeping and are passed over. The
record's target URI becomes the article URL and its WARC-Date the `crawled` date: a crawl date
is never taken as the publication date.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from .base import MAX_RECORD_BYTES, Rejected, open_binary
from .html import html_to_article
from .htmlmeta import parse_datetime

HTML_TYPES = ("text/html", "application/xhtml+xml")


def gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip file (a .warc.gz member), or b"" if they do not inflate."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return b""


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset


def read_warc(
    path: Path | str | BinaryIO, *, name: str | None = None, max_bytes: int = MAX_RECORD_BYTES, fast: bool = False
) -> Iterator[Article | Rejected]:
    """Yield an Article per HTML response record; a bad record or a truncated archive is `Rejected`.

    `fast`: trafilatura's fast mode for the main text (see `html_to_article`).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = name or str(path)
    stream = open_binary(path) if isinstance(path, (str, Path)) else path
    records = 0
    with stream:
        buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
        head = buffered.peek(512)[:512]
        if head.startswith(b"\x1f\x8b"):
            head = gunzip_head(head)
        if not head.lstrip().startswith((b"WARC/", b"filedesc://")):
            yield Rejected(source, "not a WARC or ARC archive (no WARC/ or filedesc:// header)", head[:4096])
            return
        stream = buffered
        iterator = ArchiveIterator(stream, arc2warc=True)
        offset = 0
        try:
            for record in iterator:
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                http = record.http_headers
                if http is not None:
                    status = http.get_statuscode() or ""
                    mime, charset = _content_type(http.get_header("Content-Type"))
                else:
                    status = "200"
                    mime, charset = _content_type(record.rec_headers.get_header("Content-Type"))
                if not status.startswith("2") or mime not in HTML_TYPES:
                    continue
                records += 1
                data = record.content_stream().read(max_bytes + 1)
                missing = getattr(record.raw_stream, "limit", 0) if len(data) <= max_bytes else 0
                offset = iterator.get_record_offset()  # only valid once the body has been read
                where = f"{source}@{offset}" + (f" {uri}" if uri else "")
                if missing:
                    yield Rejected(where, f"archive is truncated: this record ends {missing} bytes short of its "
                                   f"declared length, after {records - 1} complete HTML records", data[:4096])
                    return
                crawled = parse_datetime(record.rec_headers.get_header("WARC-Date"))
                item = html_to_article(data, source=where, url=uri, crawled=crawled, charset=charset,
                                       max_bytes=max_bytes, fast=fast)
                if isinstance(item, Article):
                    item.source = source
                    item.meta["warc_offset"] = offset
                    item.meta["format"] = "warc"
                yield item
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            reason = str(exc).strip() or type(exc).__name__
            yield Rejected(f"{source}@{offset}", f"archive is truncated or corrupt after {records} HTML records: "
                           f"{reason}", b"")
