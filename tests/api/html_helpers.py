"""Reading the pages back: marked spans, links and visible text, with the standard library's HTML parser."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser


class PageReader(HTMLParser):
    """Collects the text inside each `<mark data-start data-end>` (pieces joined), every link, and the text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: dict[tuple[str, int, int], str] = defaultdict(str)
        self.mark_links: dict[tuple[str, int, int], set[str]] = defaultdict(set)
        self.links: list[str] = []
        self.text: list[str] = []
        self._open: list[tuple[str, int, int] | None] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark":
            key = (a["data-group"], int(a["data-start"]), int(a["data-end"])) if "data-start" in a else None
            self._open.append(key)
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
            for key in self._open:
                if key:
                    self.mark_links[key].add(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for key in self._open:
            if key:
                self.marks[key] += data

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())
