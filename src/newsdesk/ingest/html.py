"""HTML page reader: trafilatura for the main text, the page's own metadata for everything else.

Title, authors, URL and publication date come from JSON-LD ``NewsArticle``, then ``og:`` /
``article:`` meta tags, a ``<time>`` inside the article, and the page URL (``date_source="url"``).
trafilatura's own date is not used: its date search (htmldate) also reads related links and
sidebars, so an undated article would get a related story's date. With no date stated, the
article keeps ``published=None`` and the page-structure step may still date it from a caption
and the lead, with the same rules as raw text pages. The crawl date is never a publication date.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..article import Article, Caption, make_id
from ..clean.cues import load_cues
from ..clean.page import split_caption
from .base import MAX_RECORD_BYTES, Rejected, decode, looks_binary, open_binary
from .htmlmeta import PageMeta, extract_page_meta, parse_tree

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")
MIN_TEXT_CHARS = 40
"""Less main text than this is navigation or boilerplate, not an article."""
RAW_KEEP = 4096
"""Bytes of a rejected page kept for the quarantine."""


def read_html(
    path: Path | str | BinaryIO, *, name: str | None = None, url: str | None = None, fast: bool = False
) -> Iterator[Article | Rejected]:
    """Yield one `Article` for an HTML file, or a `Rejected` saying why it cannot be used."""
    source = name or str(path)
    stream = open_binary(path) if isinstance(path, (str, Path)) else path
    with stream:
        data = stream.read(MAX_RECORD_BYTES + 1)
    yield html_to_article(data, source=source, url=url, fast=fast)


def html_to_article(
    data: bytes,
    *,
    source: str,
    url: str | None = None,
    crawled: datetime | None = None,
    charset: str | None = None,
    max_bytes: int = MAX_RECORD_BYTES,
    fast: bool = False,
) -> Article | Rejected:
    """Build an Article from HTML bytes (a file, a WARC record, a fetched page), or say why not.

    `charset` is the one an HTTP header declared, if any; `crawled` is when the page was fetched;
    `fast` skips trafilatura's second opinion (jusText/readability): about 3x faster, slightly
    less precise (see bench/reports/readers_speed.md).
    """
    if len(data) > max_bytes:
        return Rejected(source, f"page is over the {max_bytes}-byte size limit", data[:RAW_KEEP])
    if not data.strip():
        return Rejected(source, "empty page", data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark: NUL bytes are normal
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            return Rejected(source, f"cannot decode the UTF-16 page: {exc.reason}", data[:RAW_KEEP])
    if looks_binary(data):
        return Rejected(source, "binary content, not an HTML page", data[:RAW_KEEP])
    try:
        text, encoding, note = decode_html(data, declared=charset)
    except UnicodeDecodeError as exc:
        return Rejected(source, f"cannot decode the page: {exc.reason}", data[:RAW_KEEP])
    try:
        tree = parse_tree(text)
    except ValueError as exc:
        return Rejected(source, str(exc), data[:RAW_KEEP])
    meta = extract_page_meta(tree, url=url)
    byline = _byline(tree, meta)
    # Captions (meta.captions) and the byline are metadata, not body text; a large "byline" element
    # is a wrapper around more than the byline and stays.
    for node in tree.xpath('//figcaption | //*[contains(@class, "byline")] | //*[@rel="author"]'):
        if node.tag == "figcaption" or len(node.text_content()) <= 200:
            node.drop_tree()
    body = main_text(tree, url=meta.url or url, fast=fast)
    title = meta.title or _fallback_title(tree)
    if body and title:
        lines = body.split("\n\n")
        if lines[0].strip() == title.strip():
            body = "\n\n".join(lines[1:])
    if len(body.strip()) < MIN_TEXT_CHARS:
        return Rejected(source, f"no main text found in the HTML ({len(body.strip())} characters of text outside "
                        "navigation and boilerplate)", data[:RAW_KEEP])
    return _article(meta, body=body, title=title, source=source, url=meta.url or url, crawled=crawled,
                    byline=byline, encoding=encoding, note=note)


def decode_html(data: bytes, *, declared: str | None = None) -> tuple[str, str, str | None]:
    """Decode page bytes: (text, encoding used, note when the declaration was wrong).

    Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares (a page saved as UTF-8
    but still declaring windows-1252 is common). Otherwise the declared charset is used when it
    decodes cleanly, and charset-normalizer's detection when it does not.
    """
    declared = declared or _sniff_charset(data)
    declared_name = _codec_name(declared)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        note = f"declared {declared} but the bytes are UTF-8" if declared_name not in (None, "utf-8") else None
        return text, "utf-8", note
    if declared_name and declared_name != "utf-8":
        try:
            return data.decode(declared_name), declared_name, None
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        text = decode(data)  # raises UnicodeDecodeError with a reason
        return text, "unknown", None
    found = _codec_name(best.encoding) or best.encoding
    return str(best), found, f"declared {declared or 'no charset'} but the bytes are {found}"


def _sniff_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def main_text(tree: Any, *, url: str | None = None, fast: bool = False) -> str:
    """The article's main text by trafilatura (no comments, no tables), paragraphs separated by blank lines."""
    import trafilatura

    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=False, with_metadata=False, fast=fast
    )
    text = getattr(document, "text", None) or ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _fallback_title(tree: Any) -> str | None:
    for xpath in ("//article//h1", "//h1", "//title"):
        nodes = tree.xpath(xpath)
        if nodes:
            text = " ".join(nodes[0].text_content().split())
            if text:
                return _TITLE_SUFFIX.sub("", text) if xpath == "//title" else text
    return None


def _byline(tree: Any, meta: PageMeta) -> str | None:
    if meta.authors:
        return ", ".join(dict.fromkeys(meta.authors))
    nodes = tree.xpath('//*[@rel="author"] | //*[contains(@class, "byline")]')
    for node in nodes:
        text = " ".join(node.text_content().split())
        text = re.sub(r"^(?:by|par|von|por|di)\s+", "", text, flags=re.IGNORECASE)
        if 2 < len(text) <= 100:
            return text
    return None


def _agency(byline: str | None) -> str | None:
    if not byline:
        return None
    cues = load_cues()
    for part in re.split(r"\s*(?:,|/|&|\band\b|\bet\b|\bund\b|\by\b|\(|\))\s*", byline):
        agency = cues.agency(part)
        if agency:
            return agency
    return None


def _article(
    meta: PageMeta, *, body: str, title: str | None, source: str, url: str | None, crawled: datetime | None,
    byline: str | None, encoding: str, note: str | None,
) -> Article:  # fmt: skip
    captions: list[Caption] = [split_caption(text) for text in meta.captions]
    info: dict[str, Any] = {"format": "html", "structured": True, "encoding": encoding}
    if note:
        info["encoding_note"] = note
    if meta.lang:
        info["html_lang"] = meta.lang
    if meta.publisher:
        info["publisher"] = meta.publisher
    if meta.modified:
        info["modified"] = meta.modified.isoformat()
    if meta.published:
        info["date_evidence"] = meta.date_evidence
        info["date_reliability"] = "stated" if meta.date_source == "metadata" else "medium"
    return Article(
        id=make_id(url=url) if url else make_id(text=body),
        source=source,
        text=body,
        url=url,
        title=title,
        published=meta.published,
        date_source=meta.date_source,
        crawled=crawled,
        byline=byline,
        agency=_agency(byline),
        captions=captions,
        meta=info,
    )
