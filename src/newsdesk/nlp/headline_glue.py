"""Where a scraped English article's headline ends when the scraper glued it to the first sentence, with no
full stop or line break between: a dateline ("… Conflict Eases ISTANBUL - Turkey may …", "… EPP (Bloomberg) --
Hungarian …") or a sentence opener after a lower-case word ("… deployment of troops Three civilians were
killed …", "… with just days to go A snap election …")."""

from __future__ import annotations

import re

from .quote_sentences import ABBREV

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
CAPS = r"[A-Z][A-Z'’.-]+"
DATELINES = (
    # "ISTANBUL - ", "WASHINGTON (AP) — ", "NEW DELHI/KOLKATA/ MUMBAI: ", "RIYADH, Jan 1 (KUNA) -- "
    re.compile(
        rf"\s((?:{CAPS}(?:\s*\([^()\n]{{1,30}}\))?[\s/,]+)*{CAPS}(?:,\s+[A-Z][a-z]+\.?)?(?:,?\s+{MONTH}\s+\d{{1,2}})?"
        r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|[-–—]|(?<=[A-Z]{3}):)\s+)(?=[A-Z\"“‘'])"
    ),
    # "Jakarta [Indonesia], Jan 1 (ANI): "
    re.compile(rf"\s([A-Z][a-z]+(?:\s+\[[^\]\n]+\])?,\s+{MONTH}\s+\d{{1,2}}\s*\([A-Z][\w .-]{{1,25}}\)\s*[-–—:]+\s+)"),
    # "(Bloomberg) -- "
    re.compile(r"\s(\([A-Z][\w .-]{1,25}\)\s*(?:--|[-–—])\s+)(?=[A-Z])"),
)
OPENERS = r"(?:The|A|An|(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|At least)(?=\s+[a-z]))"
NOT_BEFORE_OPENER = {
    "at", "in", "of", "on", "to", "by", "for", "from", "with", "and", "or", "the", "a", "an", "said", "says", "say",
    "told", "tells", "tell", "according", "reported", "reports", "called", "named", "dubbed", "titled", "via",
    "than", "as", "about", "into", "over", "under", "against", "between", "during", "like", "that", "is", "are",
    "was", "were", "be", "been", "not", "while", "when", "after", "before", "if", "whether", "but", "nor", "so",
}
"""Words after which a capitalised "The"/"A" goes on the same sentence ("told The Times")."""
ARTICLES_PREPOSITIONS = {"at", "in", "of", "on", "to", "by", "for", "from", "with", "the", "a", "an", "than", "about"}
"""Words after which a capitalised number goes on the same sentence."""
GLUED_OPENER = re.compile(rf"(?<=[a-z%’'\")])\s+(?={OPENERS}\s+[\w'’-])")
REPEATED_NAME = re.compile(r"\s((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)\s+(?=\1\b)")
"""A name said twice in a row: the headline ends on it and the first sentence opens with it."""
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE = 300


def glued_headline(text: str) -> tuple[int, int] | None:
    """(end of the headline, start of the body) when `text` opens with a headline glued to its first sentence;
    None when its first sentence ends with a full stop or a line break before any such sign."""
    stop = next(
        (m for m in re.finditer(r"[.!?](?=\s)|\n", text[:MAX_HEADLINE]) if not ABBREV.search(text[: m.start()])),
        None,
    )  # "GOP Sen. Collins says …": not after an abbreviation
    region = text[: min(stop.start() if stop else len(text), MAX_HEADLINE)]
    found: list[tuple[int, int]] = []
    for pattern in DATELINES:
        m = pattern.search(region)
        if m is not None and not _abbreviation(region, m.start(1), m.end(1)):
            found.append((m.start(1), m.end(1)))
    twice = REPEATED_NAME.search(region)
    if twice is not None:  # "… insists Joe Root Joe Root believes …"
        found.append((twice.end(1), twice.end()))
    for m in GLUED_OPENER.finditer(region):
        before = re.findall(r"[\w'’-]+", region[: m.start()])
        title_case = before and before[-1][:1].isupper()  # "… Reason To Postpone The Tokyo Olympics?"
        if title_case and not re.match(r"\s*\S+\s+[a-z]", region[m.end() :]):
            continue
        number = re.match(r"(?:The|A|An)\s", region[m.end() :]) is None  # "… police say Three men were …"
        stops = ARTICLES_PREPOSITIONS if number else NOT_BEFORE_OPENER
        if len(before) >= MIN_HEADLINE_WORDS and before[-1].lower() not in stops:
            found.append((m.start(), m.end()))
            break
    found = [(e, s) for e, s in found if len(re.findall(r"\w+", text[:e])) >= MIN_HEADLINE_WORDS]
    return min(found) if found else None


def _abbreviation(text: str, start: int, end: int) -> bool:
    """ "… Single Member Constituency (SMC) – …": a bracketed abbreviation of the words before it, not an agency."""
    m = re.match(r"\(([A-Z]{2,6})\)", text[start:end])
    if m is None:
        return False
    letters = m.group(1)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[:start])[-len(letters) :]
    return "".join(w[0] for w in words).upper() == letters
