"""Watch feeds: poll them, fetch each new item's page, and pass the articles down the pipeline.

Polite and safe by default: conditional GET (ETag / Last-Modified, so an unchanged feed costs a
304), a delay between two requests to the same host, connect/read timeouts and an overall deadline
per download, a size cap, and no requests to private, loopback, link-local or otherwise
non-public addresses unless `allow_private` is set (checked on every redirect too).
Item pages are fetched only where the site's robots.txt allows it (with its Crawl-delay).
Only items not seen before are processed; what was seen is kept in the store (`FeedState`) and
recorded only once a poll has gone through the whole pipeline, so an interrupted poll is redone.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .article import Article
from .ingest.base import Rejected
from .ingest.feeds import FeedError, FeedItem, FeedSource, item_article, parse_feed
from .ingest.html import html_to_article
from .pipeline import StepStats
from .store.feeds import FeedState, FeedStatus

USER_AGENT = f"newsdesk/{__version__} (feed reader)"
ROBOTS_AGENT = "newsdesk"
MAX_REDIRECTS = 5
MAX_ROBOTS_BYTES = 512 * 1024


@dataclass(slots=True, kw_only=True)
class WatchOptions:
    """How `newsdesk watch` fetches."""

    allow_private: bool = False
    timeout: float = 15.0  # connect and read timeout for one request, seconds
    deadline: float = 60.0  # longest a whole download may take, seconds
    max_bytes: int = 5 * 1024 * 1024  # larger feeds or pages are refused
    delay: float = 2.0  # seconds between two requests to the same host
    fetch_pages: bool = True  # fetch each new item's page (else use the text the feed carries)
    max_items: int = 100  # new items processed per feed and poll
    robots: bool = True  # obey robots.txt (Disallow, Crawl-delay) when fetching item pages


class FetchError(Exception):
    """A download that failed; `transient` failures (5xx, timeouts) are retried at the next poll."""

    def __init__(self, message: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.status = status


@dataclass(slots=True, kw_only=True)
class Fetched:
    url: str
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def charset(self) -> str | None:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            if part.strip().lower().startswith("charset="):
                return part.split("=", 1)[1].strip(" \"'")
        return None


def resolve_host(host: str, port: int) -> list[str]:
    """The IP addresses `host` resolves to (the system resolver)."""
    try:
        return [info[4][0] for info in socket.getaddrinfo(host, port)]
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror}", transient=True) from exc


def check_public(url: str, *, resolver: Callable[[str, int], list[str]] = resolve_host) -> None:
    """Raise `FetchError` unless `url` is http(s) and its host resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"refusing to fetch {url!r}: only http and https URLs are fetched")
    for raw in resolver(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)):
        address = ipaddress.ip_address(raw.split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"refusing to fetch {url}: {parts.hostname} resolves to the non-public address {address}"
                " (pass --allow-private to fetch from private, loopback or link-local hosts)"
            )


class Fetcher:
    """HTTP GET with the watch rules (see the module doc). `clock`/`sleep` can be replaced in tests."""

    def __init__(
        self,
        options: WatchOptions,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: Any = None,
        resolver: Callable[[str, int], list[str]] = resolve_host,
    ) -> None:
        import httpx

        self.options = options
        self.clock, self.sleep, self.resolver = clock, sleep, resolver
        self.last_request: dict[str, float] = {}
        self.host_delay: dict[str, float] = {}  # Crawl-delay from robots.txt, when longer than `delay`
        self.robots: dict[str, Any] = {}  # "scheme://host" -> RobotFileParser, or None when unreachable
        timeout = httpx.Timeout(options.timeout)
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                   headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self.client.close()

    def _wait_for(self, host: str) -> None:
        last = self.last_request.get(host)
        if last is not None:
            wait = max(self.options.delay, self.host_delay.get(host, 0.0)) - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self.last_request[host] = self.clock()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """Fetch `url` (following redirects, each checked); a 304 comes back with empty content."""
        import httpx

        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(MAX_REDIRECTS + 1):
            if not self.options.allow_private:
                check_public(url, resolver=self.resolver)
            self._wait_for(urlsplit(url).hostname or "")
            try:
                fetched = self._download(url, headers)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {self.options.timeout:g}s fetching {url}", transient=True) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {url}: {exc}", transient=True) from exc
            if fetched.status in (301, 302, 303, 307, 308) and "location" in fetched.headers:
                url = urljoin(url, fetched.headers["location"])
                continue
            if fetched.status >= 400:
                raise FetchError(f"HTTP {fetched.status} from {url}", transient=fetched.status >= 500 or
                                 fetched.status == 429, status=fetched.status)
            return fetched
        raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")

    def check_robots(self, url: str) -> None:
        """Raise `FetchError` when the site's robots.txt disallows `url` for newsdesk (fetched once per site).

        A missing robots.txt (4xx) allows everything; one that cannot be fetched (5xx, timeout)
        disallows the site until the next poll, as RFC 9309 asks.
        """
        from urllib.robotparser import RobotFileParser

        if not self.options.allow_private:
            check_public(url, resolver=self.resolver)  # say so, rather than "robots.txt cannot be fetched"
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self.robots:
            parser: RobotFileParser | None = RobotFileParser()
            try:
                fetched = self.get(f"{site}/robots.txt")
                parser.parse(fetched.content[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
            except FetchError as exc:
                if exc.status is not None and 400 <= exc.status < 500:
                    parser.parse([])
                else:
                    parser = None
            self.robots[site] = parser
            delay = parser.crawl_delay(ROBOTS_AGENT) if parser is not None else None
            if delay:
                self.host_delay[parts.hostname or ""] = float(delay)
        parser = self.robots[site]
        if parser is None:
            raise FetchError(f"robots.txt of {site} cannot be fetched: not fetching its pages for now", transient=True)
        if not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"{url} is disallowed by {site}/robots.txt")

    def forget_robots(self) -> None:
        """Read robots.txt files again at the next page fetch (called between polls)."""
        self.robots.clear()
        self.host_delay.clear()

    def _download(self, url: str, headers: dict[str, str]) -> Fetched:
        start = self.clock()
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.options.max_bytes:
                raise FetchError(f"{url} is {int(declared)} bytes, over the {self.options.max_bytes}-byte size limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise FetchError(f"{url} is over the {self.options.max_bytes}-byte size limit")
                if self.clock() - start > self.options.deadline:
                    raise FetchError(f"{url} took over {self.options.deadline:g}s to download", transient=True)
                chunks.append(chunk)
            return Fetched(url=str(response.url), status=response.status_code, content=b"".join(chunks),
                           headers={k.lower(): v for k, v in response.headers.items()})


class Watcher:
    """One poll over a list of feeds yields new articles (and `Rejected` for what failed)."""

    def __init__(self, feeds: Iterable[FeedSource], *, state: FeedState, fetcher: Fetcher) -> None:
        self.feeds = list(feeds)
        self.state = state
        self.fetcher = fetcher
        self._pending: list[tuple[str, str, str | None]] = []
        self._statuses: list[FeedStatus] = []

    def poll(self, stats: StepStats | None = None) -> Iterator[Article | Rejected]:
        """Fetch every feed once and yield its new items; call `commit()` once they are stored."""
        stats = stats or StepStats(name="watch")
        self.fetcher.forget_robots()
        for feed in self.feeds:
            yield from self._poll_feed(feed, stats)

    def commit(self) -> None:
        """Remember the items and feed validators of the last poll (after its articles were stored)."""
        for feed_url, key, article_id in self._pending:
            self.state.mark_seen(feed_url, key, article_id)
        for status in self._statuses:
            self.state.save(status)
        self._pending, self._statuses = [], []

    def _poll_feed(self, feed: FeedSource, stats: StepStats) -> Iterator[Article | Rejected]:
        status = self.state.get(feed.url)
        self._statuses.append(status)
        try:
            fetched = self.fetcher.get(feed.url, etag=status.etag, last_modified=status.last_modified)
        except FetchError as exc:
            status.last_status, status.last_error = exc.status, str(exc)
            stats.count("feed-errors")
            yield Rejected(feed.url, f"feed fetch failed: {exc}")
            return
        status.last_status, status.last_error = fetched.status, None
        if fetched.status == 304:
            stats.count("feeds-not-modified")
            return
        try:
            parsed = parse_feed(fetched.content)
        except FeedError as exc:
            status.last_error = str(exc)
            yield Rejected(feed.url, str(exc), fetched.content[:4096])
            return
        stats.count("feeds-read")
        status.etag = fetched.headers.get("etag") or status.etag
        status.last_modified = fetched.headers.get("last-modified") or status.last_modified
        seen = self.state.seen(feed.url, (item.key for item in parsed.items))
        new = [item for item in parsed.items if item.key not in seen][: self.fetcher.options.max_items]
        stats.count("items-new", len(new))
        stats.count("items-seen", len(parsed.items) - len(new))
        for item in new:
            result, transient = self._item(item, feed)
            if not transient:
                self._pending.append((feed.url, item.key, result.id if isinstance(result, Article) else None))
                status.items_seen += 1
            yield result

    def _item(self, item: FeedItem, feed: FeedSource) -> tuple[Article | Rejected, bool]:
        """The article for a feed item, and whether a failure was transient (to retry next poll)."""
        from_feed = item_article(item, source=feed.url, feed_url=feed.url) if item.text.strip() else None
        if not (self.fetcher.options.fetch_pages and item.url):
            if from_feed is None:
                return Rejected(f"{feed.url}#{item.key}", "feed item has no text and no page to fetch"), False
            return from_feed, False
        try:
            if self.fetcher.options.robots:
                self.fetcher.check_robots(item.url)
            page = self.fetcher.get(item.url)
        except FetchError as exc:
            reason, transient = f"page fetch failed: {exc}", exc.transient
        else:
            crawled = datetime.now(timezone.utc)
            article = html_to_article(page.content, source=feed.url, url=page.url, crawled=crawled,
                                      charset=page.charset, max_bytes=self.fetcher.options.max_bytes)
            if isinstance(article, Article):
                return _merge_feed_item(article, item, feed), False
            reason, transient = article.reason, False
        if from_feed is not None:
            from_feed.meta["page_error"] = reason
            return from_feed, transient
        return Rejected(item.url, reason), transient


def _merge_feed_item(article: Article, item: FeedItem, feed: FeedSource) -> Article:
    """Fill what the page did not state from the feed item; the page's own statements win."""
    article.meta.update({"feed": feed.url, "feed_item": item.key})
    article.title = article.title or item.title
    article.byline = article.byline or (", ".join(item.authors) or None)
    if article.published is None and item.published is not None:
        article.published, article.date_source = item.published, "metadata"
        article.meta["date_reliability"] = "stated" if item.date_field == "published" else "medium"
        article.meta["date_evidence"] = {"from": f"feed item {item.date_field}"}
    return article


class WatchStep:
    """Pipeline source step: one poll of the watcher; failures go to the quarantine."""

    name = "watch"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("url", "title", "published", "crawled", "byline", "captions")

    def __init__(self, watcher: Watcher) -> None:
        self.watcher = watcher

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        yield from articles
        for item in self.watcher.poll(stats):
            if isinstance(item, Rejected):
                stats.quarantine(source=item.source, reason=item.reason, raw=item.raw)
            else:
                yield item
