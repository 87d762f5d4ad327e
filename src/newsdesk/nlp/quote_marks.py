"""Find text between quotation marks, robustly.

Handles « … » (with or without French spaces), “ … ”, „ … “, ‚ … ‘, ‹ … ›, ‘ … ’ and straight double
quotes, nested quotes, and quotes running over several paragraphs (opening mark repeated at the start
of each paragraph, closing mark omitted until the last one). An unmatched mark never raises and never
swallows the rest of an article: an opening mark left open at the end of its paragraph is dropped,
unless it opened the paragraph (then the quote ends with the paragraph) or opened a sentence (then the quote
ends with that sentence). A quote whose paragraphs were run together ('… last night. "It was …') is split
where the next paragraph's opening mark follows a sentence end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .quote_sentences import n_words, sentence_end

CLOSERS: dict[str, str] = {"«": "»", "‹": "›", "“": "”", "”": "”", "„": "“”", "‚": "‘’", "‘": "’", '"': '"'}
LOOKAHEAD = 800
"""How far past a line break an open quote may look for its closing mark."""
ANY_MARK = re.compile(r"[«»‹›“”„‚‘’\"]")
SENTENCE_OPENS = re.compile(r"(?:^|[.!?]|[.!?,][»”’\"]|\bthat)\s*$")
"""What may come before a mark that opens a sentence or a reported clause: nothing, an end of sentence, a closed
quote or "that"."""
MIN_UNCLOSED_WORDS = 4
"""Fewest words of a quote kept without its closing mark."""


@dataclass(slots=True)
class Quoted:
    """One span between quotation marks: `text[start:end]` includes both marks (or the open one)."""

    start: int
    end: int
    mark: str
    closed: bool = True
    depth: int = 0
    children: list[Quoted] = field(default_factory=list)

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the content without the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, stack: list[tuple[str, int]]) -> str | None:
    """'open', 'close' or None (not a quotation mark here) for the mark at `text[i]`."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    top = stack[-1][0] if stack else None
    if ch in "«‹„‚":
        return "open"
    if ch in "»›":
        return "close" if top is not None and ch in CLOSERS[top] else None
    if ch == "“":
        if top == "„":
            return "close"
        if top == "“" and _reopens(text, i):
            return "reopen"
        if top == "“" and not prev.isspace() and (nxt.isspace() or not _is_word(nxt)):
            return "close"  # “…“ typed with the same mark
        return "open"
    if ch == "”":
        if top in ("“", "„", '"'):
            return "close"
        if (prev.isspace() or prev in "([—–-") and not nxt.isspace():
            return "open"  # ”…” typed with the same mark
        return None
    if ch == "‘":
        if top == "‚":
            return "close"
        return "open" if not _is_word(prev) and not nxt.isspace() else None
    if ch == "’":
        if top in ("‘", "‚") and not (_is_word(prev) and _is_word(nxt)):
            return "close"
        return None
    if ch == '"':
        if top == '"':
            return "reopen" if _reopens(text, i) else "close"
        opening = (prev.isspace() or not _is_word(prev)) and not nxt.isspace()
        closing = not prev.isspace() and (nxt.isspace() or not _is_word(nxt))
        if opening and not (closing and _is_word(prev)):
            return "open"
        return None
    return None


def _reopens(text: str, i: int) -> bool:
    """The mark at `text[i]`, met while the same mark is open, opens a new paragraph's quote run into the
    same line ('… last night. "It was …'): a space and a sentence end before it, a word after it."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    after_stop = re.search(r"[.!?]\s+$", text[max(0, i - 4) : i]) is not None
    return i > 1 and text[i - 1] in " \t" and _is_word(nxt) and after_stop


def _closes(mark: str, text: str, j: int, stack: list[tuple[str, int]]) -> bool:
    return _classify(text, j, stack) == "close" and text[j] in CLOSERS[mark]


TWO_APOSTROPHES = re.compile(r"(?<![\w'])''(?=[^\s'])|(?<=[^\s'])''(?![\w'])")
"""'' typed for a double quote mark (opening before a word, closing after one)."""


def _straighten(text: str) -> str:
    """`text` with each '' pair read as one straight double quote, offsets unchanged: the mark takes the
    outer apostrophe's place ('' → "' when opening, '' → '" when closing)."""
    if "''" not in text:
        return text
    return TWO_APOSTROPHES.sub(lambda m: "\"'" if text[m.end() : m.end() + 1].isalnum() else "'\"", text)


SINGLE_STRAIGHT = re.compile(r"(?<![\w'’])'(?=[A-Za-z])((?:[^'\n]|(?<=\w)'(?=\w)){2,160}?)(?<=[\w.,!?])'(?![\w'])")
"""Words between straight single quotes ('Like Armageddon', 'I've been able to adjust'): the opening mark follows
no letter and precedes a letter, the closing one follows a letter or a stop and precedes no letter, on one line;
apostrophes inside words ("I've", "Salvini's") are no marks."""


MIN_SINGLE_WORDS = 4
"""Fewest words between straight single quotes inside a text: shorter ones are mostly titles and terms ('War and
Peace', 'oligarch'); a headline may open on a shorter one ('Where are you': X asks)."""


def _single_straight(text: str, found: list[Quoted]) -> list[Quoted]:
    """`found` with the spans between straight single quotes that no other quote overlaps (the mark headlines and
    some news sites use where others use ‘ ’), in order: a clause of a few words, or what opens the text."""
    if "'" not in text:
        return found
    extra = [
        Quoted(m.start(), m.end(), "'", True, 0)
        for m in SINGLE_STRAIGHT.finditer(text)
        if not any(q.start < m.end() and m.start() < q.end for q in found)
        and (not text[: m.start()].strip() or _single_quoted_clause(text, m.start(), m.end(), m.group(1)))
    ]
    return sorted(found + extra, key=lambda q: q.start) if extra else found


def _single_quoted_clause(text: str, start: int, end: int, inner: str) -> bool:
    """Words between straight single quotes inside a text that read as words said: a few words, not a title or
    name in capitals ('Sure, Draw Something. Just Not The Prophet'), not a gloss in parentheses ("('the party of
    power')")."""
    if n_words(inner) < MIN_SINGLE_WORDS:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", inner)
    if len(words) > 1 and all(w[0].isupper() for w in words if len(w) > 3):
        return False
    return not (text[start - 1 : start] == "(" and text[end : end + 1] == ")")


def find_quoted(text: str) -> list[Quoted]:
    """Top-level quoted spans of `text`, in order, each with its nested quotes as `children`."""
    return _single_straight(text, _find_marked(_straighten(text)))


def _find_marked(text: str) -> list[Quoted]:
    """Top-level spans between the marks of `CLOSERS` (straight single quotes aside)."""
    stack: list[tuple[str, int]] = []
    skip: set[int] = set()
    found: list[Quoted] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n" and stack:
            i = _at_line_break(text, i, stack, skip, found)
            continue
        if i in skip:
            i += 1
            continue
        if ch in CLOSERS or ch in "»›”’":
            kind = _classify(text, i, stack)
            if kind == "open":
                stack.append((ch, i))
            elif kind == "reopen":
                mark, start = stack.pop()
                _keep_unclosed(text, start, i, mark, found, after_colon=True)
                stack.append((ch, i))
            elif kind == "close":
                mark, start = stack.pop()
                found.append(Quoted(start, i + 1, mark, True, len(stack)))
        i += 1
    if stack:
        _close_at_paragraph_end(text, n, stack, found)
    return _nest(found)


def _at_line_break(text: str, i: int, stack: list[tuple[str, int]], skip: set[int], found: list[Quoted]) -> int:
    """Decide what happens to quotes still open at the line break `text[i]`; return where to resume."""
    mark, start = stack[0]
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    # Multi-paragraph quote: the next paragraph opens with the same mark and the quote has no closer yet.
    if j < len(text) and text[j] == mark and len(stack) == 1:
        skip.add(j)
        return j + 1
    # The quote goes on over a line break (one sentence per line): its closer comes soon, before a blank line.
    limit = min(len(text), i + LOOKAHEAD)
    blank = text.find("\n\n", i, limit)
    if blank == i and len(stack) == 1 and _continues_next_paragraph(text, start, j, mark):
        return j
    end = blank if blank != -1 else limit
    if mark == '"':
        if _straight_closer_follows(text, i + 1, end):
            del stack[1:]
            return i + 1
        _close_at_paragraph_end(text, i, stack, found)
        return i + 1
    probe = list(stack[:1])
    for k in range(i + 1, end):
        if text[k] == mark and mark != '"':
            break
        if text[k] in CLOSERS[mark] and _closes(mark, text, k, probe):
            del stack[1:]
            return i + 1
    _close_at_paragraph_end(text, i, stack, found)
    return i + 1


def _continues_next_paragraph(text: str, start: int, j: int, mark: str) -> bool:
    """'He said, "A.\n\nB."': a quote introduced by a comma or colon whose closing mark is the first
    quotation mark of the next paragraph runs over the paragraph break."""
    if not re.search(r"[,:]\s*$", text[max(0, start - 3) : start]):
        return False
    end = text.find("\n\n", j)
    end = len(text) if end == -1 else end
    m = ANY_MARK.search(text, j, min(end, j + LOOKAHEAD))
    if m is None or m.group(0) not in CLOSERS[mark]:
        return False
    k = m.start()
    return not text[k - 1].isspace() and (k + 1 >= len(text) or not _is_word(text[k + 1]))


def _straight_closer_follows(text: str, start: int, end: int) -> bool:
    """True when a later line has an odd number of straight quotes (its first one closes ours)."""
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end == -1 else line_end
        count = text.count('"', pos, line_end)
        if count:
            return count % 2 == 1
        pos = line_end + 1
    return False


def _close_at_paragraph_end(text: str, i: int, stack: list[tuple[str, int]], found: list[Quoted]) -> None:
    """Close what is open at the end of a paragraph: keep a quote that opened the paragraph, drop stray marks."""
    mark, start = stack[0]
    para_start = text.rfind("\n", 0, start) + 1
    lead = text[para_start:start].strip(" \t-—–")
    if not lead:
        end = i
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > 1:
            found.append(Quoted(start, end, mark, False, 0))
    else:  # the innermost mark left open: an outer one left open too was a stray mark
        mark, start = stack[-1]
        _keep_unclosed(text, start, min(i, sentence_end(text, start + 1), _other_closer(text, start, i)), mark, found)
    stack.clear()


def _other_closer(text: str, start: int, end: int) -> int:
    """Just past a closing mark of another style after `start` ('“We hope," he said'), or `end`."""
    m = re.search(r'(?<=\S)["”»](?!\w)', text[start + 1 : end])
    return start + 1 + m.end() if m else end


def _keep_unclosed(
    text: str, start: int, end: int, mark: str, found: list[Quoted], *, after_colon: bool = False
) -> None:
    """Keep the quote opened at `start` and left without its closing mark up to `end`, when the mark opens a
    sentence (or, with `after_colon`, follows a colon), the quote has a few words and no quote inside it (a
    stray mark otherwise)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    para_start = text.rfind("\n", 0, start) + 1
    lead = text[max(para_start, start - 6) : start]
    if not (SENTENCE_OPENS.search(lead) or (after_colon and lead.rstrip().endswith(":"))):
        return
    if mark not in "«‹" and text[start + 1 : start + 2].isspace():
        return  # '… decision."“ However': a closing mark typed the wrong way round, not an opening one
    if re.search(r"\b\w\.\s*$", lead):
        return  # "… i.e. "how the world looks": an abbreviation, not the end of a sentence
    if n_words(text[start:end]) < MIN_UNCLOSED_WORDS or any(start < q.start < end for q in found):
        return
    found.append(Quoted(start, end, mark, text[end - 1] in "\"”»", 0))


def _nest(found: list[Quoted]) -> list[Quoted]:
    """Turn a flat list of spans into top-level spans with their nested children."""
    found.sort(key=lambda q: (q.start, -q.end))
    top: list[Quoted] = []
    for q in found:
        if top and q.start >= top[-1].start and q.end <= top[-1].end:
            parent = top[-1]
            q.depth = 1
            parent.children.append(q)
        elif top and q.start < top[-1].end:
            continue  # overlapping leftovers of a stray mark
        else:
            q.depth = 0
            top.append(q)
    return top
