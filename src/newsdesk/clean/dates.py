"""Dates as written in news pages: absolute dates, relative days, and their resolution.

Absolute dates ("mercredi 26 juillet 2023", "May 16, 2023", "27. Juli 2023", "27 de julio de
2023", "2023-07-27") are found with patterns built from babel's month names and parsed with
dateparser in the language whose month name matched. Relative expressions ("jeudi",
"yesterday", "mardi dernier", "el jueves pasado") are found with babel's weekday names and the
per-language words in ``lexicons/dates/<lang>.tsv``, then resolved against an anchor date.

Anchors come in two kinds, and a bare weekday resolves differently against each:

- ``"publication"``: the article's own date (metadata, dateline). News speaks of the past week,
  so "jeudi" is the latest Thursday on or before the anchor.
- ``"lower_bound"``: a date the article cannot precede, such as the date in a photo caption (the
  photo is taken before the story is filed). "jeudi" is then the first Thursday on or after it.

"last"/"dernier" moves the weekday strictly before the anchor, "next"/"prochain" strictly after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .. import lexicons

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "es", "it", "pt", "nl")
"""Languages whose month and weekday names are recognised when the article's language is unknown."""

ANCHOR_KINDS = ("publication", "lower_bound")


@dataclass(slots=True, frozen=True)
class DateMention:
    """A date written in a text: `text[start:end]`, its value and the language that parsed it."""

    start: int
    end: int
    text: str
    value: date
    lang: str


@dataclass(slots=True, frozen=True)
class RelativeMention:
    """A relative day in a text ("jeudi", "yesterday"): a weekday (0=Monday) or a day offset."""

    start: int
    end: int
    text: str
    lang: str
    weekday: int | None = None
    offset: int | None = None
    direction: str | None = None  # "before" | "after" | None (bare weekday)


def _norm(word: str) -> str:
    return word.strip().rstrip(".").lower()


@lru_cache(maxsize=32)
def _month_names(lang: str) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            try:
                values = get_month_names(width, context=ctx, locale=lang)
            except Exception:  # unknown locale: no names
                return {}
            for number, name in values.items():
                key = _norm(name)
                if len(key) >= 3:
                    names[key] = number
    if lang == "en":
        names["sept"] = 9
    return names


@lru_cache(maxsize=32)
def _weekday_names(lang: str) -> dict[str, int]:
    from babel.dates import get_day_names

    try:
        values = get_day_names("wide", locale=lang)
    except Exception:
        return {}
    # babel numbers days 0=Monday like `date.weekday()`.
    return {_norm(name): number for number, name in values.items()}


@lru_cache(maxsize=32)
def relative_words(lang: str) -> dict[str, dict[str, int | None]]:
    """The relative-date lexicon of a language: {"day": {word: offset}, "before": {...}, "after": {...}}."""
    out: dict[str, dict[str, int | None]] = {"day": {}, "before": {}, "after": {}}
    for parts in lexicons.rows("dates", lang):
        kind, word = parts[0], parts[1].lower()
        value = int(parts[2]) if len(parts) > 2 and parts[2] else None
        if kind in out:
            out[kind][word] = value
    return out


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=32)
def _absolute_pattern(lang: str) -> re.Pattern[str] | None:
    months = _month_names(lang)
    if not months:
        return None
    month = rf"(?:{_alternation(list(months))})\.?"
    days = _weekday_names(lang)
    weekday = rf"(?:(?:{_alternation(list(days))}),?\s+)?" if days else ""
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th|º|\.)?"
    year = r"(?:19|20)\d\d"
    forms = [
        # 26 juillet 2023, 27. Juli 2023, 27 de julio de 2023
        rf"{weekday}{day}\s+(?:de\s+)?{month}\s+(?:de\s+|del\s+)?{year}",
        rf"{weekday}{month}\s+{day},?\s+{year}",  # May 16, 2023 / Thursday, July 27, 2023
    ]
    # Glued forms like "May 16, 2023Taille" are common on scraped pages: no \b after the year.
    return re.compile(rf"(?<![\w])(?:{'|'.join(forms)})(?!\d)", re.IGNORECASE)


_NUMERIC = re.compile(
    r"(?<![\d.])(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r"|(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d))(?![\d])"
)


def _languages(lang: str | None) -> tuple[str, ...]:
    if lang:
        return (lang, *[code for code in DEFAULT_LANGUAGES if code != lang])
    return DEFAULT_LANGUAGES


def parse_date(text: str, *, lang: str | None = None) -> date | None:
    """Parse one absolute date string in the given language (other common languages as fallback).

    Results are cached: a crawl repeats the same few date strings on thousands of pages, and
    dateparser takes milliseconds per call.
    """
    return _parse_date(" ".join(text.split()), lang)


@lru_cache(maxsize=8192)
def _parse_date(text: str, lang: str | None) -> date | None:
    import dateparser

    langs = [lang] if lang else list(DEFAULT_LANGUAGES)
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(text, languages=langs, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        parsed = None
    if parsed is None and lang:
        return _parse_date(text, None)
    return parsed.date() if parsed else None


def parse_day_month(text: str, *, lang: str | None, before: date | datetime) -> date | None:
    """A date written without its year ("July 27", "13 mar"): the latest such day on or before `before`.

    `before` is a date the article cannot postdate, such as when it was crawled. Parsed by
    dateparser in the article's language; None if `text` holds no day and month.
    """
    import dateparser

    if not any(ch.isdigit() for ch in text):
        return None
    base = before if isinstance(before, datetime) else datetime(before.year, before.month, before.day)
    settings = {"RELATIVE_BASE": base.replace(tzinfo=None), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["day", "month"]}
    try:
        parsed = dateparser.parse(text.strip(), languages=[lang] if lang else list(DEFAULT_LANGUAGES),
                                  settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None or parsed.date() > base.date():
        return None
    return parsed.date()


def find_dates(text: str, *, lang: str | None = None) -> list[DateMention]:
    """Every absolute date written in `text`, in order, each parsed in the language that matched."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for code in _languages(lang):
        pattern = _absolute_pattern(code)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            value = parse_date(match.group(0), lang=code)
            if value is not None:
                found.append(DateMention(match.start(), match.end(), match.group(0), value, code))
                taken.append((match.start(), match.end()))
    for match in _NUMERIC.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        try:
            if match.group("iy"):
                value = date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
            else:  # day first: the convention of every supported language but US English
                value = date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            continue
        found.append(DateMention(match.start(), match.end(), match.group(0), value, lang or ""))
    return sorted(found, key=lambda m: m.start)


def match_date_prefix(text: str, *, lang: str | None = None) -> DateMention | None:
    """The date at the very start of `text` ("Aug 22, 2023La Maison…"), if there is one."""
    head = text[:60]
    for code in _languages(lang):
        pattern = _absolute_pattern(code)
        match = pattern.match(head) if pattern is not None else None
        if match:
            value = parse_date(match.group(0), lang=code)
            if value is not None:
                return DateMention(0, match.end(), match.group(0), value, code)
    if _NUMERIC.match(head):
        found = find_dates(head, lang=lang)
        if found and found[0].start == 0:
            return found[0]
    return None


@lru_cache(maxsize=32)
def _relative_pattern(lang: str) -> re.Pattern[str] | None:
    days = _weekday_names(lang)
    words = relative_words(lang)
    if not days:
        return None
    modifiers = list(words["before"]) + list(words["after"])
    mod = rf"(?P<pre>{_alternation(modifiers)})\s+" if modifiers else ""
    post = rf"\s+(?P<post>{_alternation(modifiers)})" if modifiers else ""
    weekday = rf"(?:{mod})?(?P<weekday>{_alternation(list(days))})(?:{post})?"
    alternatives = [weekday]
    if words["day"]:
        alternatives.append(rf"(?P<day>{_alternation(list(words['day']))})")
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(alternatives)})(?![\w'’-])", re.IGNORECASE)


def find_relative(text: str, *, lang: str | None = None) -> list[RelativeMention]:
    """Relative days written in `text` ("jeudi", "mardi dernier", "yesterday"), in order."""
    found: list[RelativeMention] = []
    for code in _languages(lang):
        pattern = _relative_pattern(code)
        if pattern is None:
            continue
        words = relative_words(code)
        for match in pattern.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            if match.group("weekday"):
                modifier = (match.group("pre") or match.group("post") or "").lower()
                direction = "before" if modifier in words["before"] else "after" if modifier else None
                weekday = _weekday_names(code)[match.group("weekday").lower()]
                found.append(RelativeMention(match.start(), match.end(), match.group(0), code, weekday=weekday,
                                             direction=direction))
            else:
                offset = words["day"][match.group("day").lower()]
                found.append(RelativeMention(match.start(), match.end(), match.group(0), code, offset=offset))
        if found and lang:
            break  # the article's own language found something: do not look for other languages
    return sorted(found, key=lambda m: m.start)


def resolve(mention: RelativeMention, *, anchor: date | datetime, kind: str = "publication") -> date:
    """The calendar date a relative mention stands for, given an anchor date of `kind` (see module doc)."""
    if kind not in ANCHOR_KINDS:
        raise ValueError(f"anchor kind must be one of {ANCHOR_KINDS}, not {kind!r}")
    base = anchor.date() if isinstance(anchor, datetime) else anchor
    if mention.offset is not None:
        return base + timedelta(days=mention.offset)
    assert mention.weekday is not None
    if mention.direction == "before":
        back = (base.weekday() - mention.weekday) % 7 or 7
        return base - timedelta(days=back)
    if mention.direction == "after":
        ahead = (mention.weekday - base.weekday()) % 7 or 7
        return base + timedelta(days=ahead)
    if kind == "lower_bound":
        return base + timedelta(days=(mention.weekday - base.weekday()) % 7)
    return base - timedelta(days=(base.weekday() - mention.weekday) % 7)


def resolve_text(expression: str, *, anchor: date | datetime, lang: str | None = None,
                 kind: str = "publication") -> date | None:
    """Resolve a relative expression ("jeudi", "yesterday") or parse an absolute one; None if neither."""
    relative = find_relative(expression, lang=lang)
    if relative:
        return resolve(relative[0], anchor=anchor, kind=kind)
    absolute = find_dates(expression, lang=lang)
    return absolute[0].value if absolute else None


RELIABLE_SOURCES = ("metadata", "dateline", "input", "body")
"""Date sources trusted as an article's publication date when resolving its relative dates."""


def article_anchor(article: Any) -> tuple[date, str, str] | None:
    """The nearest reliable anchor for an article's relative dates: (date, anchor kind, where from).

    Its publication date when it comes from a reliable source (an "inferred" body date counts: it is
    itself anchored), else the first dated photo caption as a lower bound; None when there is neither.
    """
    if article.published is not None and article.date_source in RELIABLE_SOURCES:
        return article.published.date(), "publication", article.date_source
    for caption in article.captions:
        found = find_dates(caption.text, lang=article.lang)
        if found:
            return found[0].value, "lower_bound", "caption"
    return None


def resolve_in_article(article: Any, text: str) -> date | None:
    """Resolve a relative expression found in an article ("mardi dernier") against its anchor; None without one."""
    anchor = article_anchor(article)
    if anchor is None:
        return None
    return resolve_text(text, anchor=anchor[0], lang=article.lang, kind=anchor[1])
