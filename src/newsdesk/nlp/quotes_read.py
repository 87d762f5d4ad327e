"""French quotes introduced by what one can read ("« … » peut-on lire sur la page Facebook du musicien",
"« … » peut-on y lire" after "Dans un communiqué de l'aéroport, on apprend …"): the author of the
document speaks. A document without an author ("peut-on lire dans le communiqué") is left to the
previous speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .speakers import Speaker, SpeakerResolver

READ = re.compile(
    r"\s*,?\s*(?:peut-(?:t-)?on|pouvait-on|lit-on|on (?:peut|pouvait))\s+(y\s+)?lire\b"
    r"(?:\s+(?:dans|sur)\s+([^.;\n«»]{3,120}))?",
    re.IGNORECASE,
)
DOCUMENT_BY = re.compile(
    r"(?:\b(?:dans|selon|sur|d['’]après)\s+)?(?:un|une|le|la|l['’]\s*|son|sa|ses|les)\s*(\w+)(?:\s+[\w-]+)?\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)([^,.;\n«»]+)",
    re.IGNORECASE,
)


def read_speaker(text: str, doc: Any, quote_start: int, quote_end: int, resolver: SpeakerResolver) -> Speaker | None:
    """The author of the document the quote is read in, when the quote is followed by "peut-on lire"."""
    m = READ.match(text, quote_end)
    if m is None:
        return None
    if m.group(1):  # "y": the document named in the sentences before the quote
        lo = max(0, quote_start - 400)
        found = [d for d in DOCUMENT_BY.finditer(text, lo, quote_start) if _document(d.group(1), resolver)]
        where = found[-1] if found else None
    elif m.group(2):
        where = DOCUMENT_BY.match(text, m.start(2))
        where = where if where is not None and _document(where.group(1), resolver) else None
    else:
        where = None
    if where is None:
        return None
    start, end = where.start(2), where.start(2) + len(where.group(2).rstrip())
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    speaker = resolver.resolve(start, end, head=span.root if span is not None else None)
    return speaker if speaker.name else None


def _document(word: str, resolver: SpeakerResolver) -> bool:
    return word.lower() in resolver.lex.documents or word.lower() == "page"
