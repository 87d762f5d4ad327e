"""`newsdesk watch` against feeds served by a local HTTP server (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from newsdesk.cli import main
from newsdesk.store.sqlite import SQLiteStore
from newsdesk.watch import Fetcher, FetchError, WatchOptions, check_public

PAGE = """<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>
<p>{lead}</p><p>The council will publish the full report next month, a spokesperson said on the phone.</p>
</article></body></html>"""


class Server:
    """A feed site on 127.0.0.1: a feed with ETag, item pages, a 500, a hang, an oversized feed."""

    def __init__(self, robots: bytes | None = None) -> None:
        self.robots = robots
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server.hits[self.path] += 1
                if self.headers.get("If-None-Match"):
                    server.conditional[self.path] += 1
                status, headers, body = server.route(self.path, self.headers)
                if status is None:
                    time.sleep(3)
                    return
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def feed(self) -> bytes:
        items = [
            ("p1", f"{self.base}/page/1", "Bridge repairs begin", "", "Thu, 14 Mar 2024 08:00:00 GMT"),
            ("p2", f"{self.base}/page/2", "Park reopens", "", "Wed, 13 Mar 2024 08:00:00 GMT"),
            ("p3", f"{self.base}/page/missing", "Library hours", "The library will open on Sundays from April.",
             "Tue, 12 Mar 2024 08:00:00 GMT"),
        ]
        xml = "".join(
            f"<item><guid>{guid}</guid><link>{link}</link><title>{title}</title><description>{text}</description>"
            f"<pubDate>{date}</pubDate></item>"
            for guid, link, title, text, date in items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Town</title>{xml}</channel></rss>'.encode()

    def route(self, path: str, headers) -> tuple[int | None, dict[str, str], bytes]:
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/feed.xml":
            if headers.get("If-None-Match") == '"v1"':
                return 304, {"ETag": '"v1"'}, b""
            return 200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, self.feed()
        if path == "/page/1":
            head = '<meta property="article:published_time" content="2024-03-14T07:30:00Z">'
            lead = "Crews began repairing the old bridge over the river after months of delay and debate."
            return 200, html, PAGE.format(title="Bridge repairs begin", head=head, lead=lead).encode()
        if path == "/page/2":
            lead = "The city park reopened to visitors after the winter storm damage was finally cleared."
            return 200, html, PAGE.format(title="Park reopens", head="", lead=lead).encode()
        if path == "/robots.txt" and self.robots is not None:
            return 200, {"Content-Type": "text/plain"}, self.robots
        if path == "/error.xml":
            return 500, {}, b"internal error"
        if path == "/hang.xml":
            return None, {}, b""
        if path == "/big.xml":
            return 200, {"Content-Type": "application/rss+xml"}, b"<rss>" + b" " * 300_000 + b"</rss>"
        return 404, {}, b"not found"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


def opml(tmp_path: Path, server: Server) -> Path:
    outlines = "".join(f'<outline type="rss" text="{n}" xmlUrl="{server.base}/{n}"/>'
                       for n in ("feed.xml", "error.xml", "hang.xml", "big.xml"))
    path = tmp_path / "feeds.opml"
    path.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    return path


def test_watch_once_stores_new_items_and_skips_them_next_time(tmp_path: Path, server: Server) -> None:
    db = str(tmp_path / "w.db")
    args = ["--db", db, "watch", str(opml(tmp_path, server)), "--once", "--allow-private", "--delay", "0",
            "--timeout", "0.5", "--max-bytes", "100000", "--no-analysis"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "3 new items, 3 new articles stored, 3 quarantined" in first.output

    store = SQLiteStore(db)
    articles = {a.title: a for a in store.iter_articles()}
    assert set(articles) == {"Bridge repairs begin", "Park reopens", "Library hours"}
    bridge, park, library = articles["Bridge repairs begin"], articles["Park reopens"], articles["Library hours"]
    assert bridge.url == f"{server.base}/page/1" and bridge.crawled is not None
    assert (bridge.published.isoformat(), bridge.date_source) == ("2024-03-14T07:30:00+00:00", "metadata")
    assert bridge.meta["date_evidence"]["from"] == "meta article:published_time"  # the page's own date wins
    assert park.published.isoformat() == "2024-03-13T08:00:00+00:00"  # from the feed item, page has none
    assert park.meta["date_evidence"] == {"from": "feed item published"}
    assert "HTTP 404" in library.meta["page_error"] and library.text.startswith("The library will open")
    reasons = {q.source.rsplit("/", 1)[-1]: q.reason for q in store.list_quarantine()}
    assert "HTTP 500" in reasons["error.xml"]
    assert "timed out" in reasons["hang.xml"]
    assert "size limit" in reasons["big.xml"]
    store.close()

    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "1 not modified" in second.output and "0 new items" in second.output
    assert server.conditional["/feed.xml"] == 1
    assert server.hits["/page/1"] == 1  # pages of seen items are not fetched again

    listing = CliRunner().invoke(main, ["--db", db, "feeds", "--json"])
    assert listing.exit_code == 0, listing.output
    states = {row["url"].rsplit("/", 1)[-1]: row for row in json.loads(listing.output)}
    assert (states["feed.xml"]["status"], states["feed.xml"]["items"]) == (304, 3)
    assert states["error.xml"]["status"] == 500 and "HTTP 500" in states["error.xml"]["error"]


def test_private_addresses_are_refused_without_the_flag(server: Server) -> None:
    fetcher = Fetcher(WatchOptions(delay=0))
    with pytest.raises(FetchError, match="non-public address 127.0.0.1.*--allow-private"):
        fetcher.get(f"{server.base}/feed.xml")
    assert server.hits["/feed.xml"] == 0
    for url in ("http://10.1.2.3/feed", "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
                "http://192.168.0.10/rss"):
        with pytest.raises(FetchError, match="non-public"):
            check_public(url)
    with pytest.raises(FetchError, match="only http and https"):
        check_public("file:///etc/passwd")


def test_redirect_to_a_private_host_is_refused() -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://intranet.example/secret"})

    addresses = {"news.example": ["93.184.216.34"], "intranet.example": ["10.0.0.7"]}
    fetcher = Fetcher(WatchOptions(delay=0), transport=httpx.MockTransport(handler),
                      resolver=lambda host, port: addresses[host])
    with pytest.raises(FetchError, match="intranet.example resolves to the non-public address 10.0.0.7"):
        fetcher.get("http://news.example/feed")
    assert requested == ["http://news.example/feed"]  # the private target was never requested
    fetcher.close()


def test_politeness_delay_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"ok"))
    fetcher = Fetcher(WatchOptions(allow_private=True, delay=2.0), clock=lambda: now[0], sleep=sleep,
                      transport=transport)
    fetcher.get("http://a.example/1")
    fetcher.get("http://b.example/1")
    now[0] += 0.5
    fetcher.get("http://a.example/2")
    assert slept == [pytest.approx(1.5)]
    fetcher.close()


def test_missing_opml_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.db"), "watch", str(tmp_path / "none.opml"), "--once"])
    assert result.exit_code != 0 and "no such OPML file" in result.output and "Traceback" not in result.output


def test_robots_txt_is_obeyed_for_item_pages(tmp_path: Path) -> None:
    srv = Server(robots=b"User-agent: *\nDisallow: /page/2\n")
    try:
        feeds = tmp_path / "one.opml"
        feeds.write_text(f'<opml version="2.0"><body><outline xmlUrl="{srv.base}/feed.xml"/></body></opml>',
                         encoding="utf-8")
        base = ["watch", str(feeds), "--once", "--allow-private", "--delay", "0", "--no-analysis"]
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "a.db"), *base])
        assert result.exit_code == 0, result.output
        with SQLiteStore(tmp_path / "a.db") as store:
            titles = {a.title for a in store.iter_articles()}
            reasons = [q.reason for q in store.list_quarantine()]
        assert "Park reopens" not in titles and "Bridge repairs begin" in titles
        assert any("disallowed by" in r and "robots.txt" in r for r in reasons)
        assert srv.hits["/page/2"] == 0 and srv.hits["/robots.txt"] == 1
        ignored = CliRunner().invoke(main, ["--db", str(tmp_path / "b.db"), *base, "--ignore-robots"])
        assert ignored.exit_code == 0 and srv.hits["/page/2"] == 1
    finally:
        srv.close()


def test_crawl_delay_from_robots_txt_lengthens_the_host_delay() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, content=b"User-agent: newsdesk\nCrawl-delay: 5\n")
        return httpx.Response(200, content=b"page")

    fetcher = Fetcher(WatchOptions(allow_private=True, delay=1.0), clock=lambda: now[0], sleep=sleep,
                      transport=httpx.MockTransport(handler))
    fetcher.check_robots("http://slow.example/a")
    fetcher.get("http://slow.example/a")
    assert slept == [pytest.approx(5.0)]
    fetcher.close()
