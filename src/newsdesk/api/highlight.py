"""HTML for texts with their evidence marked: article spans as `<mark data-start data-end>`, search snippets."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from ..article import Article


def article_spans(article: Article) -> list[dict[str, Any]]:
    """Every span of the article, in reading order, with its group and evidence (`text[start:end]`)."""
    out = [
        {"group": group, "label": s.label, "start": s.start, "end": s.end, "text": article.evidence(s),
         "attrs": s.attrs}
        for group, spans in article.spans.items()
        for s in spans
    ]  # fmt: skip
    out.sort(key=lambda d: (d["start"], -d["end"], d["group"]))
    return out


def span_anchor(span: dict[str, Any]) -> str:
    """The element id of a span's mark in the article page (`quotes-120-184`)."""
    return f"{span['group']}-{span['start']}-{span['end']}"


def span_title(span: dict[str, Any]) -> str:
    """A one-line description of a span, shown on hover."""
    attrs = span["attrs"]
    if span["group"] == "quotes":
        who = attrs.get("speaker_name") or attrs.get("speaker") or "unknown speaker"
        return f"{attrs.get('kind') or 'quote'} quote — {who}" + (f" ({attrs['verb']})" if attrs.get("verb") else "")
    name = attrs.get("name") or span["text"]
    extra = [attrs.get(k) for k in ("role", "country", "plover", "cameo") if attrs.get(k)]
    return f"{span['label']}: {name}" + (f" ({', '.join(str(x) for x in extra)})" if extra else "")


def highlight(
    text: str, spans: list[dict[str, Any]], *, entity_url: Callable[[str], str], anchors: bool = True
) -> Markup:
    """`text` as HTML with one `<mark>` per span (nested; a mark crossing another is split in pieces that
    share its data-start/data-end). Text inside an entity span linked to the registry links to its page.
    `anchors=False` leaves out the marks' ids, for a page that shows many texts whose offsets may repeat."""
    spans = [s for s in spans if s["start"] < s["end"]]
    bounds = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    starting: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        starting.setdefault(s["start"], []).append(i)
    opened: set[int] = set()
    stack: list[int] = []
    out: list[str] = []
    for pos, nxt in zip(bounds, bounds[1:], strict=False):
        ending = [k for k, i in enumerate(stack) if spans[i]["end"] <= pos]
        reopen: list[int] = []
        if ending:
            cut = ending[0]
            out.append("</mark>" * (len(stack) - cut))
            reopen = [i for i in stack[cut:] if spans[i]["end"] > pos]
            del stack[cut:]
        for i in sorted(reopen + starting.get(pos, []), key=lambda i: (-spans[i]["end"], spans[i]["start"])):
            out.append(_open(spans[i], first=i not in opened, anchored=anchors))
            opened.add(i)
            stack.append(i)
        chunk = str(escape(text[pos:nxt]))
        linked = next((spans[i] for i in reversed(stack) if spans[i]["attrs"].get("entity_id")), None)
        if linked is not None and linked["group"] == "entities":
            chunk = f'<a href="{escape(entity_url(linked["attrs"]["entity_id"]))}">{chunk}</a>'
        out.append(chunk)
    out.append("</mark>" * len(stack))
    return Markup("".join(out))


def _open(span: dict[str, Any], *, first: bool, anchored: bool) -> str:
    cls = f"g-{span['group']} l-{span['label']}" + ("" if first else " cont")
    anchor = f' id="{escape(span_anchor(span))}"' if first and anchored else ""
    return (
        f'<mark{anchor} class="{escape(cls)}" data-group="{escape(span["group"])}" data-label="{escape(span["label"])}"'
        f' data-start="{span["start"]}" data-end="{span["end"]}" title="{escape(span_title(span))}">'
    )


_SNIPPET_MARK = re.compile(r"\[([^\[\]]*)\]")


def snippet_html(snippet: str) -> Markup:
    """A search snippet (matches between `[` and `]`, as `Store.search` gives them) as escaped HTML with `<mark>`."""
    parts = _SNIPPET_MARK.split(snippet or "")
    return Markup("".join(f"<mark>{escape(p)}</mark>" if i % 2 else str(escape(p)) for i, p in enumerate(parts)))
