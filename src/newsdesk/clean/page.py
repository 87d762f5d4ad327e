"""Recover the structure of a raw text page: related headlines, title, captions, dateline, body, date.

A page saved as text from a news site typically reads, top to bottom:

1. a block of related headlines, each followed by its date, where the date is glued to the next
   headline because the link and date elements lost their separator ("May 16, 2023Taille et…");
   the last headline of the block, which no date follows, is the article's own title (sites list
   the current article in its own related block, so the title often repeats a related headline);
2. header lines: photo captions ending with a credit ("(Photo AP/Evan Vucci)"), a byline ("By …"),
   a printed publication date ("Published July 27, 2023");
3. the body, whose first paragraph may open with a dateline: "WASHINGTON (AP) — ".

The publication date is taken, in order of trust, from a printed publication date or the
dateline ("stated"); else from a dateline day without a year ("LONDON, July 27 (Reuters) -") and
the crawl date, which gives the year ("inferred"); else from a weekday in the lead resolved
against a caption date, which the story cannot precede ("inferred": the caption says Wednesday
26 July and the lead says "jeudi", so the story is from Thursday 27 July; ``date_source="body"``
and ``meta["date_evidence"]`` names the anchor); else from the caption date alone ("weak", ``date_source="caption"``).
Related-headline dates are never the article's date. With no evidence, `published` stays None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from ..article import Article, Caption, Related
from ..pipeline import StepStats
from .cues import Cues, load_cues
from .dates import find_dates, find_relative, match_date_prefix, parse_day_month, resolve

MAX_HEADLINE_CHARS = 200
LEAD_CHARS = 400
"""How far into the first paragraph a weekday counts as the lead's news day."""
HEADER_LINES = 8
"""How many lines after the title may hold captions, byline and dateline before the body starts."""

_UPPER = "A-ZÀ-ÖØ-Þ"
_DASH = r"(?:\.?\s*[—–]+|\s+-{1,2}|\.-|:)"


@dataclass(slots=True, kw_only=True)
class PageStructure:
    """What `parse_page` recovered from a text page."""

    title: str | None = None
    related: list[Related] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    dateline: str | None = None
    agency: str | None = None
    byline: str | None = None
    published: date | None = None
    date_source: str | None = None
    date_reliability: str | None = None
    date_evidence: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    printed: tuple[date, str, str] | None = None  # a date printed on the page: value, line, kind of line
    dateline_day: str | None = None  # a dateline date without its year ("July 27"), kept for `crawled`

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _Dateline:
    place: str
    agency: str | None
    date_text: str | None
    end: int  # where the body text starts in the line


def _is_headline(line: str) -> bool:
    if not 3 <= len(line) <= MAX_HEADLINE_CHARS or len(line.split()) > 30:
        return False
    return not line.endswith((".", ",", ";", ":")) or line.endswith("...")


class _Patterns:
    def __init__(self, cues: Cues) -> None:
        credit = cues.alternation("credit")
        agencies = "|".join(re.escape(a) for a in sorted(cues.agencies, key=len, reverse=True))
        self.caption = re.compile(
            rf"^(?P<text>.+?)\s*(?:\((?P<credit>(?:{credit})\b\s*[:/]?\s*\w[^()]{{0,79}}|(?:{agencies})/[^()]{{1,60}})\)"
            rf"|(?P<credit2>(?:{credit})\s*:\s*[^.()]{{1,60}})"
            rf"|(?<=\.)\s+(?P<credit3>(?:{agencies})/[^./()]{{1,60}}))\s*$"
        )
        self.byline = re.compile(rf"^(?:{cues.alternation('byline')})\s+(?P<name>[^\d.!?]{{3,80}})$")
        self.published = re.compile(rf"^(?:{cues.alternation('published')})\b\s*:?\s*(?P<rest>.{{6,80}})$", re.I)
        self.updated = re.compile(rf"^(?:{cues.alternation('updated')})\b\s*:?\s*(?P<rest>.{{6,80}})$", re.I)
        place = rf"[{_UPPER}][\w'’.\-]*(?:[ \-][{_UPPER}][\w'’.\-]*){{0,3}}"
        self.dateline = re.compile(
            rf"^(?P<place>{place})(?:,\s*(?P<date>[^()—–]{{3,40}}?))?\s*\((?P<agency>[^()]{{1,40}})\){_DASH}\s*"
        )
        caps_place = rf"[{_UPPER}][{_UPPER}'’.\-]+(?:[ \-][{_UPPER}][{_UPPER}'’.\-]*){{0,3}}"
        self.bare_dateline = re.compile(rf"^(?P<place>{caps_place})(?:,\s*(?P<date>[^—–]{{3,40}}?))?\s*[—–]+\s*")


def _match_dateline(line: str, patterns: _Patterns, cues: Cues) -> _Dateline | None:
    match = patterns.dateline.match(line)
    if match:
        place, agency = match.group("place"), match.group("agency").strip()
        known = cues.agency(agency)
        if known or (place.isupper() and len(agency) <= 12):
            return _dateline(place, match.group("date"), known or agency, match.end())
    match = patterns.bare_dateline.match(line)
    if match and match.group("place").isupper() and len(match.group("place")) >= 3:
        return _dateline(match.group("place"), match.group("date"), None, match.end())
    return None


def _dateline(place: str, extra: str | None, agency: str | None, end: int) -> _Dateline:
    """A dateline whose part after the comma is a date ("6. März 2024") or belongs to the place ("Vt.")."""
    if extra and not find_dates(extra) and not any(ch.isdigit() for ch in extra):
        return _Dateline(f"{place}, {extra.strip()}", agency, None, end)
    return _Dateline(place, agency, extra, end)


def split_caption(text: str, *, cues: Cues | None = None) -> Caption:
    """A caption with its credit split off ("… à Washington. (Photo AP/Evan Vucci)")."""
    text = " ".join(text.split())
    match = _patterns(cues or load_cues()).caption.match(text)
    if not match:
        return Caption(text=text)
    credit = (match.group("credit") or match.group("credit2") or match.group("credit3") or "").strip()
    return Caption(text=match.group("text").strip(), credit=credit or None)


def _related_block(lines: list[str], *, lang: str | None) -> tuple[list[Related], str | None, int]:
    """Related (headline, date) pairs at the top; the undated headline closing the block; lines used."""
    items: list[Related] = []
    pending: str | None = None
    glued = False
    i = 0
    while i < len(lines):
        line = lines[i]
        mention = match_date_prefix(line, lang=lang)
        if mention is not None:
            if pending is None:
                break
            items.append(Related(headline=pending, date=mention.value))
            rest = line[mention.end :].strip(" \t-–—|·•:")
            glued = glued or (bool(rest) and mention.end < len(line) and not line[mention.end].isspace())
            pending = rest if rest and _is_headline(rest) else None
            if rest and pending is None:
                break  # the date opens a paragraph, not a headline
            i += 1
        elif pending is None and _is_headline(line) and (i == 0 or items):
            pending = line
            i += 1
        else:
            break
    if len(items) >= 2 or (items and glued):
        return items, pending, i
    return [], None, 0


def parse_page(
    text: str,
    *,
    lang: str | None = None,
    has_title: bool = False,
    captions: Iterable[Caption] = (),
    dates: bool = True,
    crawled: date | None = None,
    cues: Cues | None = None,
) -> PageStructure:
    """Recover the structure of a text page (see the module doc).

    `has_title`: the reader gave the title and text (JSONL, HTML, feeds): no related block or title
    is looked for, only header parts; `captions`: captions the reader found outside the text (HTML
    figcaptions), used as date anchors like the page's own; `dates=False`: the publication date is
    known, so no date is looked for (dates are the slow part); `crawled`: when the page was fetched,
    which gives the year of a dateline date written without one ("LONDON, July 27 (Reuters) -").
    """
    cues = cues or load_cues()
    patterns = _patterns(cues)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    page = PageStructure()
    if not has_title:
        page.related, page.title, start = _related_block(lines, lang=lang)
    else:
        start = 0
    first = lines[start] if start < len(lines) else ""
    if (
        page.title is None
        and not has_title
        and _is_headline(first)
        and not _match_dateline(first, patterns, cues)
        and not patterns.caption.match(first)
    ):
        page.title = first
        start += 1
    body_lines: list[str] = []
    dateline_found = body_started = False
    for index, line in enumerate(lines[start:]):
        in_header = index < HEADER_LINES and not dateline_found and not body_started
        if patterns.caption.match(line):
            page.captions.append(split_caption(line, cues=cues))
            continue
        if in_header:
            byline = patterns.byline.match(line)
            if byline and page.byline is None:
                page.byline = byline.group("name").strip()
                continue
            if dates and _printed_date(line, patterns, lang=lang, page=page):
                continue
            dateline = _match_dateline(line, patterns, cues)
            if dateline is not None:
                page.dateline, page.agency = dateline.place, dateline.agency
                dateline_found = True
                if dateline.date_text and dates:
                    found = find_dates(dateline.date_text, lang=lang)
                    if found and page.printed is None:
                        page.printed = (found[0].value, line[: dateline.end].strip(), "dateline")
                    elif not found:
                        page.dateline_day = dateline.date_text.strip()
                line = line[dateline.end :].strip()
                if not line:
                    continue
            body_started = body_started or not _is_headline(line)  # a paragraph: the header is over
        body_lines.append(line)
    page.paragraphs = body_lines
    if dates:
        _date_page(page, lang=lang, extra_captions=list(captions), crawled=crawled)
    return page


def _printed_date(line: str, patterns: _Patterns, *, lang: str | None, page: PageStructure) -> bool:
    """Whether `line` is a printed publication/update date line (kept in `page.printed`, left out of the body)."""
    published = patterns.published.match(line)
    if published and page.printed is None:
        found = find_dates(published.group("rest"), lang=lang)
        if found:
            page.printed = (found[0].value, line, "published line")
            return True
    if patterns.updated.match(line) and find_dates(line, lang=lang):
        return True
    only_date = match_date_prefix(line, lang=lang)
    if only_date is not None and only_date.end == len(line) and page.printed is None:
        page.printed = (only_date.value, line, "date line")
        return True
    return False


def _date_page(
    page: PageStructure, *, lang: str | None, extra_captions: list[Caption], crawled: date | None
) -> None:
    if page.printed is not None:
        value, evidence, kind = page.printed
        page.published, page.date_reliability = value, "stated"
        page.date_source = "dateline" if kind == "dateline" else "metadata"
        page.date_evidence = {"text": evidence, "from": kind}
        return
    if page.dateline_day and crawled is not None:
        value = parse_day_month(page.dateline_day, lang=lang, before=crawled)
        if value is not None:
            page.published, page.date_source, page.date_reliability = value, "dateline", "inferred"
            page.date_evidence = {"text": page.dateline_day, "from": "dateline",
                                  "year_from": f"crawl date {crawled.isoformat()} (latest such day before it)"}
            return
    anchor = None
    for caption in [*page.captions, *extra_captions]:
        found = find_dates(caption.text, lang=lang)
        if found:
            anchor = found[0]
            break
    lead = page.paragraphs[0][:LEAD_CHARS] if page.paragraphs else ""
    weekdays = [m for m in find_relative(lead, lang=lang) if m.weekday is not None and m.direction is None]
    if anchor is not None and weekdays:
        day = resolve(weekdays[0], anchor=anchor.value, kind="lower_bound")
        page.published, page.date_source, page.date_reliability = day, "body", "inferred"
        page.date_evidence = {
            "relative": weekdays[0].text,
            "anchor": anchor.value.isoformat(),
            "anchor_source": "caption",
            "anchor_text": anchor.text,
            "rule": "first such weekday on or after the caption date (a photo precedes its story)",
        }
    elif anchor is not None:
        page.published, page.date_source, page.date_reliability = anchor.value, "caption", "weak"
        page.date_evidence = {"anchor_text": anchor.text, "rule": "date of the photo caption"}
    elif weekdays:
        page.date_evidence = {"relative": weekdays[0].text, "unresolved": "no anchor date on the page"}


_PATTERNS: dict[int, _Patterns] = {}


def _patterns(cues: Cues) -> _Patterns:
    key = id(cues)
    if key not in _PATTERNS:
        _PATTERNS[key] = _Patterns(cues)
    return _PATTERNS[key]


def _as_datetime(value: date) -> datetime:
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


class PageStructureStep:
    """Recover page structure from article text; fill only fields the input did not give.

    A raw page (no title, no spans, not marked ``meta["structured"]``) has its text rewritten to
    the body. An article whose reader gave a title (JSONL, HTML, feeds) keeps its text and given
    fields; only empty fields (dateline, agency, byline, captions, published) are filled.
    """

    name = "page"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ("title", "related", "captions", "dateline", "agency", "byline", "published",
                             "date_source")

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for article in articles:
            raw = article.title is None and not article.spans and not article.meta.get("structured")
            page = parse_page(article.text, lang=article.lang, has_title=not raw, captions=article.captions,
                              dates=article.published is None,
                              crawled=article.crawled.date() if article.crawled else None)
            if raw and page.paragraphs:
                article.text = page.body
                article.title = page.title
                article.related = article.related or page.related
                stats.count("rewritten")
            for name in ("dateline", "agency", "byline"):
                if getattr(article, name) is None and getattr(page, name) is not None:
                    setattr(article, name, getattr(page, name))
                    stats.count(name)
            if not article.captions and page.captions:
                article.captions = page.captions
            if article.published is None and page.published is not None:
                article.published = _as_datetime(page.published)
                article.date_source = page.date_source
                article.meta["date_reliability"] = page.date_reliability
                article.meta["date_precision"] = "day"
                article.meta["date_evidence"] = page.date_evidence
                stats.count(f"date:{page.date_source}")
            elif article.published is None:
                stats.count("date:none")
                if page.date_evidence:
                    article.meta["date_evidence"] = page.date_evidence
            yield article
