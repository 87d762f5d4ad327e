"""Who said what: direct and reported speech with resolved speakers, as "quotes" spans.

`extract_quotes(text, doc, lang=...)` works on one parsed text; `QuoteStep` is the pipeline step.
Each span covers the quoted or reported text (marks included for direct quotes, "que"/"that"
included for reported speech) and carries kind, verb lemma and span, the speaker as written and its
resolved full name, entity id and role (see the span contract in the project docs).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ..article import Article, Span
from ..errors import ModelError
from ..pipeline import StepStats, batched
from .headline_glue import glued_headline
from .quote_fragments import fragment_attribution, opinion_holder, thing_predicate, wished_attribution
from .quote_lexicon import QuoteLexicon, load_lexicon
from .quote_marks import Quoted, find_quoted
from .quote_nesting import innermost_reports
from .quote_sentences import n_words
from .quote_verbs import Attribution, verb_lemma
from .quotes_direct import DirectAttributor
from .quotes_indirect import find_reported
from .quotes_read import read_speaker
from .reported import Reported
from .reported_headline import headline_attribution, headline_claim
from .speakers import Speaker, SpeakerResolver

CONTINUE_GAP = 400
"""A quote without attribution continues the previous speaker when it starts at most this far after."""
MIN_UNATTRIBUTED_WORDS = 6
MAX_FRAGMENT_WORDS = 8
"""Quoted words left without attribution up to this length may be the words of their clause's subject."""


def load_model(lang: str) -> Any:
    """The full spaCy pipeline for `lang` (parser and lemmatiser included), from the shared model loader."""
    from . import models

    nlp = models.load(lang, full=True)
    if nlp is None:
        raise ModelError(f"no spaCy model for language {lang!r}: quotes need a parser")
    if lang in LINE_BREAK_LANGS and "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(LINE_BREAKS):
            Language.component(LINE_BREAKS, func=line_breaks)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    keep_title_abbreviations(nlp, lang)
    return nlp


def keep_title_abbreviations(nlp: Any, lang: str) -> None:
    """Title abbreviations of the lexicon ("Sgt.", "Capt.") stay one token, as spaCy keeps "Gov." and "Dr.": split
    from their full stop, they end a sentence ("… fire spokesman Sgt. | Ann Lee said") and the name loses its
    speech verb."""
    for word in title_abbreviations(lang):
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])


@functools.cache
def title_abbreviations(lang: str) -> frozenset[str]:
    """The title abbreviations of `lang`'s grammar lexicon, with their full stop ("Sgt.", "Capt.")."""
    from .. import lexicons

    return frozenset(word for word, kind, *_ in lexicons.rows("grammar", lang) if kind == "title_abbreviation")


LINE_BREAKS = "newsdesk_line_breaks"
LINE_BREAK_LANGS = {"en"}
"""Languages whose parser gets `line_breaks`: with the French model, a preset boundary makes the parser
split the next sentence at odd places, and the French sets lose more than they gain."""


def line_breaks(doc: Any) -> Any:
    """A line ending with a letter or digit (no punctuation, as a headline or dateline) and a next line
    opening with a capital or digit are two sentences for the parser: the headline is not the subject of
    the first sentence ("Ford to close plants\nMay 5, 2006\nThe company said …")."""
    for tok in doc:
        if not (tok.is_space and "\n" in tok.text) or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
        if not prev.text[-1:].isalnum() or not (nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
            continue
        nxt.is_sent_start = True
    for i in _repeated_names(doc):
        doc[i].is_sent_start = True
    glued = glued_headline(doc.text) if doc.lang_ == "en" else None
    body = next((t for t in doc if glued and t.idx >= glued[1]), None)
    if body is not None and body.i > 0:  # "… Conflict Eases ISTANBUL - Turkey may …": the headline is not the subject
        body.is_sent_start = True
    for tok in doc[:-1]:  # "… fire spokesman Sgt. Ann Lee said": the name goes on the sentence
        if tok.text in title_abbreviations(doc.lang_) and doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = False
    return doc


def _repeated_names(doc: Any) -> Iterator[int]:
    """Where a capitalised name of two or three words is said twice in a row ("… insists Jane Doe Jane Doe
    believes …"): a headline glued to a first sentence that opens with the name, so the second starts one."""
    for i in range(len(doc)):
        for n in (2, 3):
            first, second = doc[i : i + n], doc[i + n : i + 2 * n]
            if (
                len(second) == n
                and all(t.is_alpha and t.is_title for t in first)
                and [t.text for t in first] == [t.text for t in second]
            ):
                yield i + n


def extract_quotes(text: str, doc: Any, *, lang: str, entities: Sequence[Span] | None = None) -> list[Span]:
    """Quote spans of one text parsed as `doc` (a spaCy Doc of exactly `text`, with a dependency parse)."""
    if text and not doc.has_annotation("DEP"):
        raise ModelError(
            "quotes need a dependency parse: load the model with its parser (models.load(lang, full=True))"
        )
    lex = load_lexicon(lang)
    resolver = SpeakerResolver(text, doc, lex, entities=entities)
    quoted_all = find_quoted(text)
    ranges = [(q.start, q.end) for q in quoted_all]
    att = DirectAttributor(doc, lex, ranges)

    directs: list[list[Any]] = []  # [quoted, attribution]
    for q in quoted_all:
        a = att.attribute(q)
        directs.append([_unwrap(q, a), a])

    items: list[tuple[int, str, Any, Any]] = []  # (start, kind, payload, attribution)
    absorbed: set[int] = set()
    complements: set[int] = set()  # quotes that are a speech verb's complement
    for r in find_reported(doc, lex, ranges):
        _stop_before_own_attribution(r, directs, text)
        for q, _ in directs:  # a report that starts or stops inside a quote takes the whole quote
            if r.start <= q.start < r.end < q.end:
                r.end = q.end
            if q.start < r.start < q.end <= r.end:
                r.start = q.start
        inside = [i for i, (q, _) in enumerate(directs) if q.start < r.end and q.end > r.start]
        if inside and all(directs[i][1] is not None and directs[i][1].how == "opinion" for i in inside):
            continue  # "Selon X, de la gendarmerie, « … »": the quote already has its holder
        if not inside and any(_same_holder(r.speaker, a) for _, a in directs):
            continue  # "À 10 h, selon X, « … »": the introducer's clause is the quote, not the time before it
        quoted_chars = sum(min(directs[i][0].end, r.end) - max(directs[i][0].start, r.start) for i in inside)
        opens = [i for i in inside if directs[i][0].start == r.start]  # "a dit « … » lors de sa visite"
        complements.update(opens)
        if inside and (quoted_chars >= 0.7 * (r.end - r.start) or opens):
            for i in inside:  # the report is a direct quote: "selon X, « … »", "« … », selon X"
                if directs[i][1] is None:
                    directs[i][1] = Attribution(
                        verb=r.verb,
                        verb_text=r.verb_text,
                        verb_span=r.verb_span,
                        speaker=r.speaker,
                        speaker_head=r.speaker_head,
                        how="report",
                    )
            continue
        absorbed.update(inside)
        items.append((r.start, "mixed" if inside else "indirect", r, None))

    for i, (q, a) in enumerate(directs):
        if i in absorbed:
            continue
        words = n_words(text[q.start : q.end])
        if att.announced_content(q):
            continue  # "pour le motif suivant : « … »": a charge or a mandate, nobody's words
        named = att.named(q, a)  # "Jobs called podcasting "…"": the namer's words, however short
        if att.is_title(q) and not named and (a is None or a.how in ("before", "agent", "belief") or words < 8):
            a = fragment_attribution(att, q) if words <= MAX_FRAGMENT_WORDS else None  # "un projet « ruineux »"
            if a is None:
                continue
        said = a is not None and a.how == "before" and att.object_of(q, a)  # "évoque un « … »", "dénonce les « … »"
        said = said or a is not None and a.how == "before" and att.in_that_clause(q, a)  # "a affirmé que X était « … »"
        if (
            a is not None
            and a.how == "before"
            and words <= 4
            and not (named or said or att.introduced(q, a) or i in complements or att.standalone(q))
        ):
            a = None  # a short fragment inside a sentence: a term, not a quotation (after a colon, a quotation)
        named_pair = named and words == 2 and lang == "fr"  # "a décrit le projet comme « une menace »"
        said = said or a is not None and a.how == "before" and att.uttered(q, a)  # "il a crié « Allah Akbar »"
        described = named and (att.after_article(q) or att.described_as(q))  # "as a "defining moment""
        described = described or named and att.object_complement(q, a)  # "décrivent des gens « réservés »"
        short = words <= 2 and not (said or named_pair or described)
        dropped = a is not None and a.how == "before" and (short or att.infinitive_object(q))
        # "dans leurs « canapés », le pape a dit …": a term inside the sentence, not its words
        dropped = dropped or a is not None and a.how == "after" and words <= 2 and not att.standalone(q)
        if (dropped or a is None) and words <= MAX_FRAGMENT_WORDS:
            a = fragment_attribution(att, q)  # "souhaite « bonne chance »"
            dropped = dropped and a is None
        elif a is None and lang == "fr":
            a = opinion_holder(att, q)  # "Pour X, il s'agit d'une « … »", however long
            a = a or wished_attribution(att, q)  # "X voudrait interdire « … »", however long
        if dropped:
            continue
        items.append((q.start, "direct", q, a))

    items.sort(key=lambda item: item[0])
    spans: list[Span] = []
    last: tuple[int, dict[str, Any]] | None = None
    for _, kind, payload, a in items:
        if kind != "direct":
            span = _reported_span(payload, kind, text, resolver, lex, ranges)
        elif a is not None:
            span = _direct_span(payload, a, text, resolver, lex, ranges)
        else:
            q = payload
            words = n_words(text[q.start : q.end])
            read = read_speaker(text, doc, q.start, q.end, resolver) if lang == "fr" else None
            cont = _continues(last, q, text, resolver) if read is None else None
            prev = att.previous(q) if read is None and cont is None and words >= 3 else None
            if read is not None:  # "« … » peut-on lire sur la page Facebook du musicien"
                attrs = {"kind": "direct", "verb": "lire", "verb_span": None, **read.attrs()}
                span = Span(start=q.start, end=q.end, label="QUOTE", attrs=attrs)
            elif prev is not None:
                span = _direct_span(q, prev, text, resolver, lex, ranges)
                span.attrs["continued"] = True
            elif cont is not None and words >= 3 and (
                att.standalone(q) or _listed_after(last, q, text) or att.opens_clause(q) or thing_predicate(att, q)
            ):
                span = Span(start=q.start, end=q.end, label="QUOTE", attrs=dict(cont))
                span.attrs.update(kind="direct", verb=None, verb_span=None, speaker=None, speaker_span=None)
                span.attrs["continued"] = True
            elif words >= MIN_UNATTRIBUTED_WORDS and (att.standalone(q) or att.opens_clause(q)):
                span = Span(start=q.start, end=q.end, label="QUOTE", attrs=_unattributed())
            else:
                continue
        if span.attrs.get("reason") == "speech verb without a subject":
            subject = resolver.subject_before(span.attrs["verb_span"][0]) if span.attrs.get("verb_span") else None
            if subject is not None:
                span.attrs.update(subject.attrs())
            else:
                _share_speaker(span, last, text, resolver)
        spans.append(span)
        if kind == "direct" or span.attrs.get("speaker_name"):
            last = (span.end, span.attrs)
        if span.attrs.get("speaker_name"):
            resolver.spoke(span.attrs, span.start, span.end)
    _share_verb_speaker(spans)
    spans = innermost_reports(spans, text, lex)
    for find in (headline_claim, headline_attribution):
        claim = find(text, doc, lex, spans, resolver)
        if claim is not None:
            spans.append(claim)  # "Ashrawi: Israel's move is collective punishment", "…, police say"
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


def _share_verb_speaker(spans: list[Span]) -> None:
    """ "« … » , et « … » , déplore-t-il": a quote left without a subject shares the speaker that another
    quote of the same speech verb found."""
    found = {
        tuple(s.attrs["verb_span"]): s.attrs
        for s in spans
        if s.attrs.get("verb_span") and s.attrs.get("speaker_name") and s.attrs.get("speaker_span")
    }
    for span in spans:
        if span.attrs.get("reason") != "speech verb without a subject" or not span.attrs.get("verb_span"):
            continue
        other = found.get(tuple(span.attrs["verb_span"]))
        if other is not None:
            for key in ("speaker", "speaker_span", "speaker_name", "speaker_id", "speaker_role"):
                span.attrs[key] = other.get(key)
            span.attrs["reason"] = None


def _stop_before_own_attribution(r: Reported, directs: list[list[Any]], text: str) -> None:
    """ "X said that …, with analyst Y saying "…"": a quote inside the report that has its own speaker and
    speech verb, after a comma, is not part of the report, which stops at that comma."""
    if r.verb_span is None:
        return
    for q, a in directs:
        if a is None or a.how != "before" or a.speaker is None or a.verb is None or _noun_participle(a.verb):
            continue
        if not (r.verb_span[1] < a.speaker[0] < a.verb.idx < q.start < r.end):
            continue
        comma = text.rfind(",", r.start, a.speaker[0])
        if comma > r.start and not re.search(r"[.!?]\s", text[comma : a.speaker[0]]):
            r.end = len(text[:comma].rstrip())
            return


def _noun_participle(verb: Any) -> bool:
    """ "deux montres estimées à 15 000 euros d'après son « évaluation »": a French past participle with no
    auxiliary qualifies a noun; it is no speech verb of another speaker inside the report."""
    return (
        verb.doc.lang_ == "fr"
        and "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in verb.children)
        and (verb.i == 0 or verb.doc[verb.i - 1].pos_ != "AUX")
    )


def _same_holder(speaker: tuple[int, int] | None, a: Attribution | None) -> bool:
    """The report's speaker is the holder a direct quote already got from "selon X, « … »"."""
    if speaker is None or a is None or a.how != "opinion" or a.verb_text is None or a.speaker is None:
        return False
    return speaker[0] < a.speaker[1] and a.speaker[0] < speaker[1]


def _unwrap(q: Quoted, a: Attribution | None) -> Quoted:
    """«"…", a déclaré Kirby.» : the quote is the inner one, the outer marks wrap the whole sentence."""
    if a is None or a.how != "inside" or not q.children:
        return q
    child = q.children[0]
    if child.start - q.start <= 2 and a.verb is not None and a.verb.idx >= child.end:
        return child
    return q


def _share_speaker(span: Span, last: tuple[int, dict[str, Any]] | None, text: str, resolver: SpeakerResolver) -> None:
    """ "X a précisé que « … » , et ajouté que « … »": a verb without subject shares the previous speaker."""
    if last is None or not last[1].get("speaker_name") or span.start - last[0] > 300:
        return
    if re.search(r"[.!?](?:\s|$)", text[last[0] : span.start].strip()):
        return
    for key in ("speaker_name", "speaker_id", "speaker_role"):
        span.attrs[key] = last[1].get(key)
    span.attrs["reason"] = None


def _listed_after(last: tuple[int, dict[str, Any]] | None, q: Quoted, text: str) -> bool:
    """ "évoque un « … » , « … »": the quote follows the previous one with only a comma between them."""
    return last is not None and q.start >= last[0] and text[last[0] : q.start].strip() == ","


def _unattributed() -> dict[str, Any]:
    return {
        "kind": "direct",
        "verb": None,
        "verb_span": None,
        **Speaker(reason="no speech verb or speaker near the quote").attrs(),
    }


def _continues(
    last: tuple[int, dict[str, Any]] | None, q: Quoted, text: str, resolver: SpeakerResolver
) -> dict[str, Any] | None:
    """The previous quote's speaker when this quote carries on from it (same speaker, nothing in between)."""
    if last is None or not last[1].get("speaker_name"):
        return None
    end, attrs = last
    if q.start - end > CONTINUE_GAP:
        return None
    gap_people = {m.name for m in resolver.mentions if m.label == "PER" and end <= m.start < q.start}
    if gap_people - {attrs["speaker_name"]}:
        return None
    if text.count("\n\n", end, q.start) > 1:
        return None
    keep = ("speaker_name", "speaker_id", "speaker_role")
    out = {k: attrs.get(k) for k in keep}
    out["reason"] = None
    return out


def _speaker(
    span: tuple[int, int] | None, head: Any, text: str, resolver: SpeakerResolver, ranges: Sequence[tuple[int, int]]
) -> Speaker:
    if span is None:
        return Speaker(reason="speech verb without a subject")
    start, end = span
    while start < end and text[start] in "-–— ":
        start += 1
    return resolver.resolve(start, end, head=head, exclude=ranges)


def _direct_span(
    q: Quoted,
    a: Attribution,
    text: str,
    resolver: SpeakerResolver,
    lex: QuoteLexicon,
    ranges: Sequence[tuple[int, int]],
) -> Span:
    sp = _speaker(a.speaker, a.speaker_head, text, resolver, ranges)
    verb = a.verb_text or (verb_lemma(a.verb, lex) if a.verb is not None else None)
    verb_span = (
        list(a.verb_span) if a.verb_span else [a.verb.idx, a.verb.idx + len(a.verb)] if a.verb is not None else None
    )
    attrs: dict[str, Any] = {"kind": "direct", "verb": verb, "verb_span": verb_span, **sp.attrs()}
    return Span(start=q.start, end=q.end, label="QUOTE", attrs=attrs)


def _reported_span(
    r: Reported, kind: str, text: str, resolver: SpeakerResolver, lex: QuoteLexicon, ranges: Sequence[tuple[int, int]]
) -> Span:
    sp = _speaker(r.speaker, r.speaker_head, text, resolver, ranges)
    verb = r.verb_text or (verb_lemma(r.verb, lex) if r.verb is not None else None)
    attrs: dict[str, Any] = {
        "kind": kind,
        "verb": verb,
        "verb_span": list(r.verb_span) if r.verb_span else None,
        **sp.attrs(),
    }
    return Span(start=r.start, end=r.end, label="QUOTE", attrs=attrs)


ModelSource = Callable[[str], Any]


class QuoteStep:
    """Pipeline step: adds "quotes" spans to articles in languages that have a quotation lexicon.

    `models` maps a language to a spaCy pipeline (a callable such as `newsdesk.nlp.models.load`, or a
    dict); `nlp` is one pipeline used for every language (tests pass a small one). Duplicates
    (`article.is_copy`) are passed through untouched.
    """

    name = "quotes"
    needs = ("lang",)
    adds = ("quotes",)

    def __init__(
        self, *, models: ModelSource | dict[str, Any] | None = None, nlp: Any = None, batch_size: int = 16
    ) -> None:
        self._models = models
        self._nlp = nlp
        self._cache: dict[str, Any] = {}
        self.batch_size = batch_size

    def model(self, lang: str) -> Any:
        if self._nlp is not None:
            return self._nlp
        if lang not in self._cache:
            if isinstance(self._models, dict):
                if lang not in self._models:
                    raise ModelError(f"no model given for language {lang!r}")
                nlp = self._models[lang]
            elif callable(self._models):
                nlp = self._models(lang)
            else:
                nlp = load_model(lang)
            if nlp is None or "parser" not in nlp.pipe_names:
                raise ModelError(
                    f"the {lang!r} model given to QuoteStep has no parser: pass the full pipeline "
                    "(QuoteStep() loads it, or models=lambda lang: models.load(lang, full=True))"
                )
            self._cache[lang] = nlp
        return self._cache[lang]

    def supports(self, lang: str | None) -> bool:
        if not lang:
            return False
        try:
            load_lexicon(lang)
        except ModelError:
            return False
        return True

    def __call__(self, articles: Iterable[Article], stats: StepStats) -> Iterator[Article]:
        for batch in batched(articles, self.batch_size):
            yield from self._run(batch, stats)

    def _run(self, batch: list[Article], stats: StepStats) -> Iterator[Article]:
        """Parse the batch's articles language by language (nlp.pipe), then annotate them in order."""
        docs: dict[int, Any] = {}
        todo: dict[str, list[int]] = {}
        for k, article in enumerate(batch):
            if article.is_copy:
                stats.count("skipped_copy")
            elif not article.text.strip():
                stats.count("skipped_empty")
            elif not self.supports(article.lang):
                stats.count("skipped_lang")
            else:
                todo.setdefault(article.lang or "", []).append(k)
        for lang, idx in todo.items():
            nlp = self.model(lang)
            fits = [k for k in idx if len(batch[k].text) <= nlp.max_length]
            stats.count("skipped_too_long", len(idx) - len(fits))
            for k, doc in zip(fits, nlp.pipe([batch[k].text for k in fits]), strict=True):
                docs[k] = doc
        for k, article in enumerate(batch):
            if k in docs:
                try:
                    self.annotate(article, stats, doc=docs[k])
                except Exception as exc:  # a text the rules cannot handle must not stop the run
                    stats.count(f"quote_error:{type(exc).__name__}")
            yield article

    def annotate(self, article: Article, stats: StepStats | None = None, *, doc: Any = None) -> Article:
        """Add the "quotes" span group to one article (`doc`: its parse, when already done)."""
        lang = article.lang or ""
        if doc is None:
            doc = self.model(lang)(article.text)
        spans = extract_quotes(article.text, doc, lang=lang, entities=article.spans.get("entities"))
        fill_roles(spans, article.spans.get("entities") or [])
        article.add_spans("quotes", spans)
        if stats is not None:
            stats.count("quotes", len(spans))
            for s in spans:
                stats.count(f"quotes_{s.attrs['kind']}")
                if not s.attrs.get("speaker_name"):
                    stats.count("quotes_without_speaker")
        return article


def fill_roles(quotes: list[Span], entities: list[Span]) -> None:
    """Give a speaker found by surname ("a déclaré Kirby") the role stated at another mention of them."""
    roles: dict[str, str] = {}
    for span in entities:
        role, key = span.attrs.get("role"), span.attrs.get("entity_id") or span.attrs.get("name")
        if role and key:
            roles.setdefault(key, role)
    for quote in quotes:
        if quote.attrs.get("speaker_role"):
            continue
        key = quote.attrs.get("speaker_id") or quote.attrs.get("speaker_name")
        if key in roles:
            quote.attrs["speaker_role"] = roles[key]


def clean_quote_text(text: str) -> str:
    """A quote's text without its outer marks and spaces, for display and search."""
    text = text.strip()
    if len(text) > 1 and text[0] == text[-1] == "'":  # 'Like Armageddon': straight single quotes
        text = text[1:-1]
    return re.sub(r"\s+", " ", text.strip().strip('«»“”„‚‘’‹›"').strip())
