"""Rule candidates (`rules.Rules.find`) merged with model spans (`RuleMerging`, a mixin of
`entities.Recogniser`): titles dropped, places given their country, organisations and names from trigger
words fixing the label and the extent of what the model found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entity_record import _Ent

if TYPE_CHECKING:
    from .rules import Candidate, Rules


class RuleMerging:
    """Merging of rule candidates into the entity list; expects `rules` and `fixes` on the instance."""

    rules: Rules
    fixes: frozenset[str]

    def _merge(self, text: str, ents: list[_Ent], candidates: list[Candidate]) -> list[_Ent]:
        for cand in candidates:
            if cand.trigger is not None:
                # a title is not an entity, even when it holds a capital ("secrétaire d'État")
                a, b = cand.trigger
                ents = [e for e in ents if not (a <= e.start and e.end <= b)]
            overlapping = [e for e in ents if e.start < cand.end and cand.start < e.end]
            if cand.rule == "org_word_lexicon":
                self._relabel_org(text, cand, overlapping)
                continue
            if not overlapping:
                label = cand.label
                if cand.rule == "seat" and "seat_org" not in self.fixes:
                    label = "LOC"
                ents.append(_Ent(start=cand.start, end=cand.end, label=label, source="rule", attrs=dict(cand.attrs)))
                continue
            if cand.rule in ("country", "capital", "seat"):
                self._merge_place(cand, overlapping)
            elif cand.rule in ("known_org", "org_lexicon"):
                if all(cand.start <= e.start and e.end <= cand.end for e in overlapping):
                    for e in overlapping:
                        ents.remove(e)
                    source = (
                        "model"
                        if any(e.label == "ORG" and (e.start, e.end) == (cand.start, cand.end) for e in overlapping)
                        else "rule"
                    )
                    ents.append(_Ent(start=cand.start, end=cand.end, label="ORG", source=source))
            elif cand.rule == "institution":
                continue
            else:
                self._merge_name(ents, cand, overlapping)
        return ents

    def _relabel_org(self, text: str, cand: Candidate, overlapping: list[_Ent]) -> None:
        """A one-word name of the organisation gazetteer the model found with another label becomes ORG.

        Only a MISC or LOC model span of exactly that word changes, and a place of the gazetteer stays
        a place; a person stays a person, as one-word company names are often surnames ("Dell").
        """
        if len(overlapping) != 1 or (overlapping[0].start, overlapping[0].end) != (cand.start, cand.end):
            return
        e = overlapping[0]
        if e.label not in ("MISC", "LOC") or e.attrs.get("country"):
            return
        if e.label == "LOC" and self.rules.gazetteer.lookup(text[cand.start : cand.end]) is not None:
            return
        e.label, e.source = "ORG", "rule"

    def _merge_place(self, cand: Candidate, overlapping: list[_Ent]) -> None:
        for e in overlapping:
            if (e.start, e.end) != (cand.start, cand.end):
                continue
            for key, value in cand.attrs.items():
                e.attrs.setdefault(key, value)
            if cand.rule == "seat" and "seat_org" in self.fixes and e.label != "ORG":
                e.label, e.source = "ORG", "rule"
            elif cand.rule == "country" and "country_loc" in self.fixes and e.label in ("PER", "MISC"):
                e.label, e.source = "LOC", "rule"

    def _merge_name(self, ents: list[_Ent], cand: Candidate, overlapping: list[_Ent]) -> None:
        """A person or organisation found by a trigger: it fixes the label and, if needed, the extent."""
        first = overlapping[0]
        if len(overlapping) == 1 and (first.start, first.end) == (cand.start, cand.end):
            target = first
        elif len(overlapping) == 1 and first.start == cand.start and first.end > cand.end:
            target = first  # the model saw a longer name ("Médecins du monde", "Jean-Yves Le Drian")
        elif len(overlapping) == 1 and cand.start < first.start < cand.end < first.end:
            return  # the model's span starts inside the name and runs on: no safe fix
        elif all(e.start >= cand.start for e in overlapping) or cand.rule in ("title", "honorific", "org_head"):
            # the model found part of the name, or its span runs into the role or head noun: the rule's extent wins
            for e in overlapping:
                ents.remove(e)
            target = _Ent(start=cand.start, end=cand.end, label=cand.label, source="rule")
            ents.append(target)
        else:
            return
        if target.label != cand.label:
            target.label, target.source = cand.label, "rule"
        for key, value in cand.attrs.items():
            if value is not None:
                target.attrs[key] = value
