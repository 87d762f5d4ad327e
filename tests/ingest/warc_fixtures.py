"""Build small WARC/ARC archives for tests and benchmarks (written with warcio, or by hand for ARC)."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>{lead}</p>
<p>Officials said the work would continue through the spring, with a review of the costs due before the summer.</p>
<p>Residents who attended the meeting asked for regular updates and for the road to stay open at weekends.</p>
</article><aside class="related"><a href="https://news.example/2015/01/02/old">Old story</a> January 2, 2015</aside>
</body></html>"""


def page(title: str, lead: str, head: str = "") -> bytes:
    return PAGE.format(title=title, lead=lead, head=head).encode("utf-8")


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], *, gzip_it: bool = True) -> Path:
    """records: (uri, content type, body, HTTP status line code), written as response records
    after a warcinfo and a request record, with WARC-Date 2024-03-15T10:00:00Z."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_it)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsdesk tests"}))
        for uri, ctype, body, status in records:
            request = writer.create_warc_record(uri, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                warc_headers_dict={"WARC-Date": "2024-03-15T10:00:00Z"})
            writer.write_record(request)
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-03-15T10:00:00Z"})
            writer.write_record(record)
    return path


def write_arc(path: Path, records: list[tuple[str, bytes]], *, gzip_it: bool = False) -> Path:
    """An ARC v1 file with HTML responses (uri, body), dated 2024-03-15 10:00:00."""
    header_body = b"1 0 newsdesk\nURL IP-address Archive-date Content-type Archive-length\n"
    chunks = [f"filedesc://{path.name} 0.0.0.0 20240315100000 text/plain {len(header_body)}\n".encode()
              + header_body + b"\n"]
    for uri, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        chunks.append(f"{uri} 192.0.2.1 20240315100000 text/html {len(http)}\n".encode() + http + b"\n")
    # A compressed ARC is one gzip member per record, like a .warc.gz.
    path.write_bytes(b"".join(gzip.compress(c) for c in chunks) if gzip_it else b"".join(chunks))
    return path
