"""The reader contract shared by every input format.

A reader is a function ``read_<fmt>(source, *, name) -> Iterator[Article | Rejected]``.
It yields a `Rejected` for a record it cannot read, with a reason a user can act on and
the offending bytes, and goes on with the next record. It raises `InputError` only when
the input as a whole cannot be opened (a missing file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from ..errors import InputError

MAX_RECORD_BYTES = 20 * 1024 * 1024
"""Records larger than this are rejected rather than parsed."""


@dataclass(slots=True)
class Rejected:
    """A record that could not be read: where it came from, why, and its bytes."""

    source: str
    reason: str
    raw: bytes = b""


Reader = Callable[..., Iterator["Article | Rejected"]]


def open_binary(path: Path | str) -> BinaryIO:
    """Open a file for reading bytes, or raise `InputError` with a clear message."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}")
    if p.is_dir():
        raise InputError(f"{p} is a folder, not a file")
    try:
        return p.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open {p}: {exc.strerror}") from exc


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes: the declared charset when it fits, else UTF-8, else charset detection.

    Raises `UnicodeDecodeError` when no detector finds a plausible text encoding.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnicodeDecodeError("unknown", data[:16], 0, min(len(data), 16), "no text encoding fits these bytes")
    # Short Western-European texts fit several single-byte code pages equally well; Windows-1252
    # is by far the most common legacy encoding of news pages (and what HTML5 reads latin-1 as).
    for match in matches:
        if match.encoding in WESTERN and match.chaos <= best.chaos + 0.05:
            return data.decode("cp1252", errors="replace")
    return str(best)


WESTERN = ("cp1252", "latin_1", "iso8859_15")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not text (NUL bytes or many control characters)."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.1
