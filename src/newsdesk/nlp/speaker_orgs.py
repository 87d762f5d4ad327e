"""Organisation speakers: an organisation's name as written ("US automaker GM" -> "GM"), an acronym spelt
out ("GM" -> "General Motors", "(CICR)"), its longer form ("Apple" -> "Apple Inc."), and the organisation a
common noun or a document stands for ("the company", "le journal", "according to the release")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .mention_names import POSSESSIVE, Mention, drop_description, sentence_start, strip_determiner
from .places import gazetteer
from .speaker_groups import speaker_nouns
from .speaker_pronouns import LAST_SPEAKER_REACH

if TYPE_CHECKING:
    from .speaker_record import Speaker

UNCLOSED_PAREN = re.compile(r"\s*\([^()]*$")
DESCRIBING = re.compile(r"[A-Z][\w.]*-[a-z]+")
"""A compound adjective that describes a body, not its name: "Swiss-based", "US-led"."""
EXPANSION_AFTER = re.compile(
    r"(?<![\w-])([A-ZÀ-Ý][\w-]{1,9})\s*\(\s*(?:(?:le|la|les)\s+|l['’]\s*)?(?!NDLR)([A-ZÀ-Ý][^()\d\n]{3,100}?)\s*\)"
)
"""A short name and its full form in parentheses after it: "YSK (Haut-Conseil électoral)"."""
BRACKETED_EXPANSION = re.compile(
    r"(?<![\w-])([A-ZÀ-Ý][\w-]{1,9})\s*\[\s*((?:[^\[\]\d\n,;.]+\s+){1,10}[^\[\]\d\n,;.\s]+)\s*\]"
)
"""An acronym glossed in square brackets by the writer: "le PNF [parquet national financier]"."""
DEFINED_NAME = r"((?:[A-ZÀ-Ý][\w.&-]*\s+(?:(?:of|for|and|de|du|des|la|pour)\s+)?)+)"  # before "(ACRONYM)"
MEDIA_VERB = re.compile(
    r"\s+(?:reported|reports|has reported|a rapporté|rapporte|a révélé|révèle)"
    r"(?:\s+\w+day)?(?:\s+(?:that|que|qu['’])|,)"
)
"""A newspaper's report ("The Daily Planet reported Monday that"), not a company's ("GM reported a loss")."""



def _initials_in(name: str, acronym: str) -> bool:
    """Every capitalised word of `name` gives, in order, a letter of `acronym`, the first one its first
    ("Malaysia Airlines" for "MAS")."""
    initials = [w[0] for w in name.split() if w[:1].isupper()]
    if not initials or initials[0] != acronym[0] or len(initials) > len(acronym):
        return False
    rest = iter(acronym[1:])
    return all(any(c == i for c in rest) for i in initials[1:])

FR_NAME_TOKEN = re.compile(r"[\w-]+['’]?|\S")
FR_NAME_LINKS = {"de", "d'", "d’", "du", "des", "pour", "et", "à", "au", "aux", "sur", "contre", "en"}  # inside a name
FR_ARTICLES = {"le", "la", "les", "l'", "l’"}


def french_defined_name(text: str, paren: int) -> str | None:
    """The French name defined by the "(ACRONYM)" at `paren`, lower-case words included: walk back to the
    article that opens the noun phrase ("l'Autorité des technologies de Communication et d'Information
    (BTK)", "du Comité international de la Croix-Rouge (CICR)"); an article after a linking preposition
    ("pour les libertés") stays inside. The name starts with a capital."""
    toks = FR_NAME_TOKEN.findall(text[max(0, paren - 200) : paren])
    words: list[str] = []
    for k in range(len(toks) - 1, -1, -1):
        tok, low = toks[k], toks[k].lower()
        prev = toks[k - 1].lower() if k else ""
        if low in FR_ARTICLES and prev in FR_NAME_LINKS and prev != "et":
            words.insert(0, tok)
            continue
        if low in FR_ARTICLES or not tok[0].isalnum() or low in ("un", "une", "ce", "cette", "son", "sa"):
            break
        if low in ("du", "au") and prev == "et":
            break  # "du Croissant-Rouge et du Comité international": the second name starts here
        if tok[:1].islower() and low not in FR_NAME_LINKS and words and words[0][:1].isupper():
            break  # "selon Amnesty International": a lower-case word right before the name
        words.insert(0, tok)
        if len(words) > 12:
            return None
    while words and not words[0][:1].isupper():
        words.pop(0)
    if not words:
        return None
    return re.sub(r"(['’])\s+", r"\1", " ".join(words)).replace(" '", "'")



class OrganisationNames:
    """Methods of `SpeakerResolver` that name organisations and groups."""

    def _named_body_after_comma(self, m: Mention) -> bool:
        """An organisation, or a capitalised name ending in a body noun ("Bibb County Sheriff's Office") whatever
        the model took it for, written right after a comma and an optional "the"."""
        if not re.search(r",\s*(?i:the\s+)?$", self.text[max(0, m.start - 8) : m.start]):
            return False
        last = m.text.split()[-1]
        return m.label == "ORG" or last[:1].isupper() and last.lower() in speaker_nouns(self.lex.lang).body

    def name_right_after(self, head: Any, end: int) -> str | None:
        """The organisation named right after a speaker phrase that ends on its organisation noun ("La chaîne"
        of "La chaîne CNN fait remarquer", "Le journal russe" of "Le journal russe Novaïa Gazeta a publié"): an
        organisation mention or a proper-noun run one space after it, lower-case adjectives after the noun allowed."""
        last = len(self.text[:end].rstrip())
        between = [t for t in self.tokens_inside(head.idx, last) if t.i > head.i]
        if any(t.pos_ != "ADJ" or not t.text.islower() for t in between) or self.text[end : end + 1] not in (" ", ""):
            return None
        at = len(self.text[:end].rstrip()) + 1
        org = next((m for m in self.mentions if m.label == "ORG" and m.start == at), None)
        if org is not None:
            return org.text
        run = next((r for r in self.runs if r[0] == at), None)
        return run[2] if run is not None else None

    def _longer_form(self, name: str, start: int) -> str:
        """A one-word organisation name as written in full earlier ("Apple" -> "Apple Inc."); a state body
        by the one place it belongs to in the article ("the government" -> "Ethiopian government")."""
        if len(name.split()) != 1:
            return name
        placed = self.placed_body(name)
        if placed is not None:
            return placed
        longer = [g for g in self.groups if g.lower().startswith(name.lower() + " ")]
        longer += [
            form
            for m in self.mentions
            if m.label == "ORG"
            and m.start < start
            and m.text.startswith(name + " ")
            and self._same_org(form := strip_determiner(POSSESSIVE.sub("", m.text)))
        ]
        return max(longer, key=lambda n: (longer.count(n), len(n))) if longer else name  # the most used form

    def placed_body(self, noun: str) -> str | None:
        """The one form of a lower-case body noun that the article writes after a nationality or a place
        ("the Ethiopian government", "Jammu and Kashmir police"), for that noun alone ("the government");
        None when there are none or several ("Kenyan police" and "Ugandan police"). Not organisation nouns
        ("the company" of another country is another company)."""
        if self.lex.lang != "en" or not noun.islower() or noun not in speaker_nouns("en").body - self.lex.org_nouns:
            return None
        places = {m.text for m in self.mentions if m.label == "LOC"}
        forms = set()
        for hit in re.finditer(rf"((?:[A-Z][\w'’.-]*\s+(?:and\s+)?)*[A-Z][\w'’.-]*)\s+{re.escape(noun)}\b", self.text):
            where = re.sub(r"^(?:The|A|An)\s+", "", hit.group(1))
            nouns = speaker_nouns("en")
            if where.lower() in nouns.demonyms or all(
                (part in places or gazetteer("en").lookup(part)) and part.lower() not in nouns.level
                for part in where.split(" and ")
            ):
                forms.add(f"{where} {noun}")
        return forms.pop() if len(forms) == 1 else None

    def _same_org(self, longer: str) -> bool:
        """Whether a longer form names the organisation itself ("Apple Computer", "Ford Motor Co.") rather
        than one of its divisions ("Boeing Commercial Airplanes"): one added word, or a legal form at the end."""
        words = longer.split()
        return len(words) <= 2 or words[-1].lower().strip(".,") in self.lex.org_nouns

    def _last_group_alone(self, pos: int) -> str | None:
        """The organisation or group quoted last, shortly before `pos`, when no person was quoted and no
        other organisation named since."""
        group = self.last_group
        if group is None or pos - group[0] > LAST_SPEAKER_REACH:
            return None
        if self.last_person is not None and self.last_person.start > group[0]:
            return None
        if any(m.label == "ORG" and group[0] < m.start < pos and m.name != group[1] for m in self.mentions):
            return None
        return group[1]

    def _document_author(self, pos: int) -> str | None:
        """The organisation whose document opens the sentence before `pos` ("In a statement on the Acme
        website, the company …", "In Acme's annual report, the firm …")."""
        lo = sentence_start(self.text, pos)
        lead = self.text[lo:pos]
        if not lead.rstrip().endswith(","):
            return None
        for m in self.mentions:
            if m.label != "ORG" or not lo <= m.start < pos:
                continue
            near = re.findall(r"\w+", self.text[max(lo, m.start - 25) : m.start] + " " + self.text[m.end : m.end + 12])
            if any(w.lower() in self.lex.documents for w in near):
                return m.text
        return None

    def earlier_document_owner(self, noun: str, pos: int) -> Mention | None:
        """Who issued the document "the `noun`" takes up, named with it earlier, the nearest: "a statement
        issued by the Personnel Ministry … according to the statement", "the Reuters report … the report"."""
        found: list[tuple[int, Mention]] = []
        word = rf"(?<![\w-]){re.escape(noun)}(?![\w-])"
        for m in self.mentions:
            if m.label not in ("ORG", "PER") or m.end > pos:
                continue
            lead = self.text[max(0, m.start - 50) : m.start]
            before = re.search(word + r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:by|from|of)\s+(?:the\s+)?$", lead)
            after = re.match(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+)?" + word, self.text[m.end : m.end + 40])
            if before is not None or after is not None:
                found.append((m.start, m))
        return max(found, key=lambda f: f[0])[1] if found else None

    def _previous_subject_org(self, pos: int, exclude: Sequence[tuple[int, int]] = ()) -> str | None:
        """The last organisation that is the subject of a verb in the sentence before `pos`, outside the
        quotes `exclude` ("« l'ASN a déclaré … » , fustige l'association": not the ASN)."""
        here = sentence_start(self.text, pos)
        before = sentence_start(self.text, max(0, here - 2))
        orgs = [m for m in self.mentions if m.label == "ORG" and before <= m.start < here - 1]
        for m in reversed([m for m in orgs if not any(s <= m.start < e for s, e in exclude)]):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass"):
                continue
            run = next((r for r in self.runs if r[0] <= m.start and m.end <= r[1]), None)
            name = self.org_name(run[2] if run is not None else m.text)  # "Chrysler LLC" tagged as two names
            return next((g for g in self.groups if name in g.split() or name == g), name)
        return None

    def _same_kind(self, noun: str, name: str) -> bool:
        """Whether "the `noun`" can stand for the organisation or group `name`: a common-noun group only for
        its own noun ("l'agence" for "agence de presse allemande", not "l'association" for "autorités"), and
        a newspaper or channel only for a media noun ("the company" is not "The Daily Planet" that reported);
        media the article does not mark as such may be "le journal" too."""
        if not name[:1].isupper():
            return noun in name.lower().split()
        return noun in speaker_nouns(self.lex.lang).media or not self._media(name)

    def _media(self, name: str) -> bool:
        """An organisation the article writes after a media noun ("le journal Libération") or as the subject
        of "reported"."""
        media = speaker_nouns(self.lex.lang).media
        for m in re.finditer(re.escape(name), self.text):
            before = re.findall(r"[\w-]+", self.text[max(0, m.start() - 30) : m.start()].lower())
            if before and before[-1] in media or MEDIA_VERB.match(self.text, m.end()):
                return True
        return False

    def described_org(self, noun: str, pos: int) -> str | None:
        """The organisation "the `noun`" stands for, named before `pos`, the nearest: one whose name has that
        noun as its head ("the hospital" for "Humber River Hospital", "the ministry" for "Ministry of
        Health"), or for a media noun a name the article writes as a medium, whatever the model took it
        for ("the tabloid" for "the daily Bild newspaper", "the station" for "station KABC")."""
        media = noun in speaker_nouns(self.lex.lang).media
        for m in reversed([m for m in self.mentions if m.end <= pos and m.label in ("ORG", "PER")]):
            name = self.org_name(m.text) if m.label == "ORG" else m.name
            words = name.lower().split()
            headed = words[-1] == noun or len(words) > 2 and words[0] == noun and words[1] in ("of", "for")
            if m.label == "ORG" and len(words) > 1 and headed:
                return name
            if media and name[:1].isupper() and self._written_as_medium(name):
                return name
        return None

    def _written_as_medium(self, name: str) -> bool:
        """A name the article writes right after or before a media noun ("station KABC", "the daily Bild
        newspaper") or as the subject of "reported"."""
        nouns = "|".join(sorted(speaker_nouns(self.lex.lang).media, key=len, reverse=True))
        named = re.escape(name)
        medium = rf"(?i:(?<![\w-])(?:{nouns}))\s+{named}(?![\w-])|(?<![\w-]){named}\s+(?i:(?:{nouns}))(?![\w-])"
        return re.search(medium, self.text) is not None or any(
            MEDIA_VERB.match(self.text, m.end()) for m in re.finditer(named, self.text)
        )

    def salient_org(self, pos: int, noun: str | None = None) -> str | None:
        """The organisation named before `pos` that the article talks about most, the nearest on a tie; one that
        "the `noun`" can stand for when given."""
        orgs = [m for m in self.mentions if m.label == "ORG" and m.end <= pos and m.name]
        if noun is not None:
            orgs = [m for m in orgs if self._same_kind(noun, m.name)]
        if not orgs:
            return None
        counts = {m.name: sum(o.name == m.name for o in orgs) for m in orgs}
        return max(reversed(orgs), key=lambda m: counts[m.name]).text

    def past_glued_source(self, name: str, start: int, end: int) -> str:
        """A name that opens on an organisation the article names elsewhere, or on its last words, written
        together in the speaker phrase ("Insider Celltrion" of "… rejig - Bioprocess Insider Celltrion has
        confirmed"): a headline's source glued to the name; the capitalised name after it, when the article also
        writes that name alone (not "Goldman Sachs Asset Management")."""
        written = self.text[start:end]
        for org in {m.text for m in self.mentions if m.label == "ORG" and " " in m.text}:
            words = org.split()
            for k in range(len(words)):
                lead = " ".join(words[k:]) + " "
                rest = name[len(lead) :]
                if name.startswith(lead) and rest[:1].isupper() and f"{org} {rest}" in written:
                    alone = len(re.findall(rf"\b{re.escape(rest)}\b", self.text))
                    return rest if alone > self.text.count(f"{org} {rest}") else name
        return name

    def named(self, speaker: Speaker, text: str, *, keep_possessive: bool = False) -> Speaker:
        """Name the speaker after an organisation or group as written."""
        speaker.name = strip_determiner(text) if keep_possessive else self.org_name(text)
        return speaker

    def org_name(self, text: str) -> str:
        """An organisation's name as written, without article, possessive or leading description ("US
        automaker GM" -> "GM", "the Acme team" -> "Acme"), an acronym spelt out when the article does ("GM" ->
        "General Motors"); a nationality before an organisation noun stays with it ("Israeli security agency")."""
        text = UNCLOSED_PAREN.sub("", text)  # "Christian Indonesian Church Council (PGI"
        written = strip_determiner(POSSESSIVE.sub("", text))
        name = drop_description(written, self.lex.org_nouns | speaker_nouns(self.lex.lang).branch)
        if name != written and (name.lower() in speaker_nouns(self.lex.lang).demonyms or DESCRIBING.fullmatch(name)):
            name = written  # "the Israeli security agency", "the Swiss-based team": a description, no name
        if re.fullmatch(r"[A-Z]{2,6}", name):
            return self.spelt_out(name) or name
        if re.fullmatch(r"[A-ZÀ-Ý][\w-]{1,9}", name):  # "l'Ocha (le Bureau pour la coordination …)"
            return self.expanded_after(name) or name
        return name

    def expanded_after(self, short: str) -> str | None:
        """In French, the full name written in parentheses right after a short name or acronym ("YSK
        (Haut-Conseil électoral)", "l'Ocha (le Bureau pour la coordination des affaires humanitaires de l'ONU)");
        not a list or a place ("PSE, Italie")."""
        if self.lex.lang != "fr":
            return None
        for m in EXPANSION_AFTER.finditer(self.text):
            if m.group(1) == short and len(m.group(2).split()) >= 2 and "," not in m.group(2):
                return m.group(2).strip()
        return self._glossed(short)

    def _glossed(self, short: str) -> str | None:
        """The full name a French writer glossed in square brackets after an acronym, lower case kept
        ("le PNF [parquet national financier]"), when its words start with the acronym's letters."""
        for m in BRACKETED_EXPANSION.finditer(self.text):
            full = m.group(2).strip()
            if m.group(1) == short and _initials_in(full.title(), short.upper()):
                return full
        return None

    def defined_before_acronym(self, name: str, end: int) -> str:
        """In French, the whole name of an organisation written before its acronym in parentheses, when the
        entity layer kept only its start ("l'Union américaine pour les libertés civiles (ACLU)")."""
        paren = re.match(r"\s*\(\s*[A-Z][A-Za-z]{1,7}\s*\)", self.text[end : end + 14])
        if self.lex.lang != "fr" or paren is None:
            return name
        full = french_defined_name(self.text, end + paren.group(0).index("("))
        if full is None or len(full) <= len(name) or not full.startswith(name):
            return name
        return full

    def spelt_out(self, acronym: str) -> str | None:
        """The full name of an acronym: defined in parentheses ("Christian Indonesian Church Council
        (PGI)", "YSK (Haut-Conseil électoral)"), else the one organisation whose capitals spell it ("GM") or
        appear in it in order ("SIA" for "Singapore Airlines")."""
        after = self.expanded_after(acronym)
        if after is not None:
            return after
        if self.lex.lang == "fr":
            for m in re.finditer(rf"\({re.escape(acronym)}\)", self.text):
                full = french_defined_name(self.text, m.start())
                if full is not None and not any(p.label == "PER" and full in p.text for p in self.mentions):
                    return full
        for m in re.finditer(DEFINED_NAME + rf"\({re.escape(acronym)}\)", self.text):
            return strip_determiner(m.group(1))
        if self.lex.lang == "fr":
            return None  # "tenu par Médecins sans frontières … a affirmé MSF": French news keeps the acronym used
        fulls: list[str] = []
        for m in self.mentions:
            if m.label != "ORG":
                continue
            full = UNCLOSED_PAREN.sub("", strip_determiner(POSSESSIVE.sub("", m.text)))
            full = drop_description(full, self.lex.org_nouns)
            if full != acronym and full not in fulls:
                fulls.append(full)
        exact = [f for f in fulls if "".join(w[0] for w in f.split() if w[:1].isupper()) == acronym]
        if exact:
            return exact[0]
        loose = [f for f in fulls if len(f.split()) >= 2 and _initials_in(f, acronym)]
        return loose[0] if len(loose) == 1 else None

    def _group_name(self, written: str, start: int, head: Any) -> str:
        """An organisation or group as written, without determiner or apposition ("Bank of America, the ...")."""
        if head is not None and "," in written:
            comma = start + written.index(",")
            if head.idx < comma:
                written = written[: comma - start]
        return strip_determiner(POSSESSIVE.sub("", written.strip()))

