"""The role written next to a person mentioned in an article, for `ArticleMentions`: in apposition after the
name ("John Kirby, porte-parole de ..."), before it ("le porte-parole du Pentagone, John Kirby"), or the
entity layer's role widened to the one written in full ("MSNBC host and correspondent Ann Lee")."""

from __future__ import annotations

import re
from typing import Any

from ..article import Span
from .mention_names import ROLE_LEAD, strip_determiner
from .quote_lexicon import QuoteLexicon
from .quote_verbs import finite_verb


class MentionRoles:
    """Methods of `ArticleMentions` that find the role written next to a person's name."""

    text: str
    doc: Any
    lex: QuoteLexicon

    def _entity_role(self, span: Span, start: int, end: int) -> str | None:
        """The entity layer's role, or the longer role written next to the name that contains it; when the
        entity layer has only a title before the name ("Rev." of "Rev. Ann Lee, the director of …"), the role
        written next to the name, if any."""
        role = span.attrs.get("role")
        at = self.text.rfind(role, max(0, start - 200), start) if role else -1
        if at >= 0 and self._clause_between(at + len(role.split()[0]), start):
            role = None  # "L'avocate de Paul Roy précise que Ann Lee a …": another clause's subject
        if role and role not in self.lex.titles:
            near = self._role_near(start, end)  # "MSNBC host and correspondent Ann Lee": the whole role
            return near if near and role.lower() in near.lower() else role
        return self._role_near(start, end) or role

    def _role_near(self, start: int, end: int) -> str | None:
        """A role written next to a name: "John Kirby, porte-parole de ..." or "le porte-parole ..., John Kirby"."""
        after = self.text[end : end + 160]
        m = re.match(r"\s*,\s*([^,.;:()\n«»\"“”]{3,120})", after)
        if m:
            seg = m.group(1)
            rm = self.lex.role_match(seg)
            lead = seg[: rm.start()] if rm else ""
            named_lead = re.fullmatch(r"(?i:the\s+)?(?:[A-Z][\w-]+\s+){1,2}", lead)
            if rm and (rm.start() <= 8 or named_lead or ROLE_LEAD.fullmatch(lead)):
                return strip_determiner(seg[rm.start() :]).strip() or None
        line_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[max(line_start, start - 160) : start]
        seg_m = re.search(r"([^,.;:()\n«»\"“”]{2,160}),?\s*$", before)
        if seg_m and seg_m.group(1).strip() in self.lex.titles:  # "The Archbishop of Canterbury, Most Revd Ann Lee"
            before = before[: seg_m.start(1)]
            seg_m = re.search(r"([^,.;:()\n«»\"“”]{2,160}),\s*$", before)
        if not seg_m:
            return None
        seg, at = seg_m.group(1), max(line_start, start - 160) + seg_m.start(1)
        roles = self.lex.role_re.finditer(seg) if self.lex.role_re else iter(())
        rm = next((r for r in roles if not self._clause_between(at + r.start(), start)), None)
        if not rm:
            return None
        role = seg[rm.start() :].strip()
        if self.lex.lang == "en":
            lead = seg[: rm.start()].split()
            keep: list[str] = []
            for word in reversed(lead):
                if word[:1].isupper() or word.lower() in ("national", "security", "foreign", "defense", "defence"):
                    keep.insert(0, word)
                else:
                    break
            role = " ".join([*keep, role])
        role = strip_determiner(role)
        return role if 1 < len(role) <= 120 else None

    def _clause_between(self, start: int, end: int) -> bool:
        """A finite verb in text[start:end]: "Actor Ann Lee says she will play Batman in Tom Fry's film" gives
        Tom Fry no role, the role belongs to the subject of another clause."""
        if self.doc is None:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            finite_verb(t) and t.idx + len(t) <= end for t in span
        )
