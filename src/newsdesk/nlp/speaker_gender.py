"""The gender of a person mentioned in an article, for `ArticleMentions`: shown by a title before the name
("Mrs", "M."), a kin noun ("her husband Tom"), French agreement around the name ("le député Jean Dupont",
"Anne Roy avait été écartée") or a feminine role ("la ministre", "directrice"); "x" when nothing shows it.
Pronouns use it to find the person they refer to (`speaker_pronouns`)."""

from __future__ import annotations

import re
from typing import Any

from .mention_names import Mention, morph_gender
from .quote_lexicon import QuoteLexicon


class MentionGender:
    """Methods of `ArticleMentions` that read a person's gender from the text around a mention."""

    text: str
    doc: Any
    lex: QuoteLexicon

    def _gender(self, start: int, end: int, role: str | None) -> str:
        """A person's gender shown by a title, the grammar, a kin noun, a feminine word before a role next to
        the name, or the form of their role ("m", "f", or "x" if none)."""
        shown = self._shown_gender(start, end)
        if shown != "x":
            return shown
        kin = self._kin_gender(start, end)
        if kin != "x":
            return kin
        before = self.text[max(0, start - 60) : start]
        seg = re.split(r"[.!?;:\n«»“”\"]", before)[-1]
        words = re.findall(r"[\w'’-]+", seg.lower())
        for k, word in enumerate(words[:-1]):
            if word in self.lex.feminine and self.lex.role_match(words[k + 1]):
                return "f"  # "la ministre de la Culture, Rachida Dati"
        if role:
            first = role.split()[0].lower()
            if first in self.lex.feminine or first.endswith(("trice", "esse", "ente", "ière", "woman")):
                return "f"
        return "x"

    def _kin_gender(self, start: int, end: int) -> str:
        """An English person's gender shown by a gendered noun right before the name or apposed after it
        ("her husband Tom", "Ann Lee, his widow,"): "x" if none."""
        if self.lex.lang != "en":
            return "x"
        before = re.search(r"([a-z]+)\s+$", self.text[max(0, start - 30) : start])
        after = re.match(r",\s+(?:his|her|their|the|a|an)\s+([a-z]+)\b", self.text[end : end + 40])
        for m in (before, after):
            word = m.group(1) if m else ""
            if word in self.lex.masculine:
                return "m"
            if word in self.lex.feminine:
                return "f"
        return "x"

    def _shown_gender(self, start: int, end: int) -> str:
        """The gender a title right before the name or the grammar around it shows ("x" if none)."""
        words = re.findall(r"[\w.'’-]+", self.text[max(0, start - 60) : start])
        if words and words[-1] in self.lex.titles:
            return self.lex.titles[words[-1]]
        return self._agreement(start, end)

    def _agreement(self, start: int, end: int) -> str:
        """A French person's gender shown by the grammar around the name: the determiner of a role noun
        written next to it ("le député Jean Dupont", "Jean Dupont, un porte-parole du mouvement"), or a
        participle or adjective after "être" of which the name is the subject ("Anne Roy avait été
        écartée", "Anne Roy s'est dite favorable")."""
        if self.doc is None or self.lex.lang != "fr":
            return "x"
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return "x"
        doc = span.doc
        pairs = [doc[span.start - 2 : span.start]] if span.start >= 2 else []  # "le député Jean Dupont"
        if doc[span.end : span.end + 1].text == ",":
            pairs.append(doc[span.end + 1 : span.end + 3])  # "Jean Dupont, un porte-parole du mouvement"
        for pair in pairs:
            if len(pair) == 2 and pair[0].pos_ == "DET" and self.lex.role_match(pair[1].text):
                gender = morph_gender(pair[0])
                if gender != "x":
                    return gender
        if span.start and doc[span.start - 1].pos_ == "ADP":
            return "x"  # "l'arrivée de Jean Roux est avancée": the participle agrees with another noun
        copula = False
        for tok in doc[span.end : span.end + 5]:
            if tok.pos_ == "AUX" or tok.lower_ in ("s'", "s’", "se"):
                copula = copula or tok.lemma_ == "être"
                continue
            if copula and "Part" in tok.morph.get("VerbForm"):
                return _participle_gender(tok.lower_)
            break
        return "x"


def _participle_gender(word: str) -> str:
    """The gender a French past participle shows by its ending ("écartée", "élue" / "écarté", "élu")."""
    if word.endswith(("ée", "ie", "ue", "ite", "ise", "te")):
        return "f"
    return "m" if word.endswith(("é", "i", "u", "it", "is")) else "x"


def share_gender(persons: list[Mention], shown: dict[int, str]) -> None:
    """Give every mention of a person whose gender is unknown the gender a title or the grammar shows at
    another of their mentions (`shown`, by mention id), when those do not disagree."""
    known: dict[str, set[str]] = {}
    for m in persons:
        if shown[id(m)] != "x":
            known.setdefault(m.name, set()).add(shown[id(m)])
    for m in persons:
        genders = known.get(m.name, set())
        if m.gender == "x" and len(genders) == 1:
            m.gender = next(iter(genders))
