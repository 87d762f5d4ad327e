"""Quotations: the smoke cases, the seed page, non-quotes, unmatched marks, the pipeline step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.nlp.quote_marks import find_quoted
from newsdesk.nlp.quote_score import normalise_name
from newsdesk.nlp.quotes import QuoteStep, extract_quotes
from newsdesk.pipeline import Pipeline, StepStats

pytestmark = pytest.mark.slow


def quotes_of(text: str, nlp, lang: str):
    spans = extract_quotes(text, nlp(text), lang=lang)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        vs = s.attrs.get("verb_span")
        if vs:
            assert text[vs[0] : vs[1]].strip(), "verb span points to nothing"
        ss = s.attrs.get("speaker_span")
        if ss:
            assert text[ss[0] : ss[1]] == s.attrs["speaker"], "speaker span does not match speaker as written"
    return spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0])


def _smoke_cases(shared: Path) -> list[dict]:
    path = shared / "quotes" / "smoke_cases_fr_en.jsonl"
    if not path.exists():
        pytest.skip(f"smoke cases not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_all_smoke_cases(shared_data: Path, nlp_fr, nlp_en) -> None:
    failures = []
    for case in _smoke_cases(shared_data):
        nlp = nlp_fr if case["lang"] == "fr" else nlp_en
        text = case["text"]
        spans = quotes_of(text, nlp, case["lang"])
        if not case["quotes"] and spans:
            failures.append((case["id"], "expected no quote", [text[s.start : s.end] for s in spans]))
        for gold in case["quotes"]:
            assert text[gold["quote_span"][0] : gold["quote_span"][1]] == gold["quote"]
            match = [s for s in spans if _overlap((s.start, s.end), tuple(gold["quote_span"])) >= 0.8]
            if not match:
                failures.append((case["id"], "quote not found", gold["quote"]))
                continue
            got = match[0].attrs
            want = normalise_name(gold["speaker_full"])
            if normalise_name(got["speaker_name"]) != want:
                failures.append((case["id"], "speaker", got["speaker_name"], gold["speaker_full"]))
            if gold["verb_span"] and got["verb_span"] != gold["verb_span"]:
                failures.append((case["id"], "verb", got["verb_span"], gold["verb_span"]))
            if not gold["speaker_full"] and gold["speaker_mention"] and not got["reason"]:
                failures.append((case["id"], "no reason given for a speaker without a name"))
        if len(spans) > len(case["quotes"]):
            failures.append((case["id"], "extra quotes", [text[s.start : s.end] for s in spans]))
    assert not failures, failures


def test_seed_page_kirby_and_white_house(seed_page: str, nlp_fr) -> None:
    spans = quotes_of(seed_page, nlp_fr, "fr")
    kirby = [s for s in spans if "nouvel exemple du désespoir" in seed_page[s.start : s.end]]
    assert len(kirby) == 1
    attrs = kirby[0].attrs
    assert attrs["kind"] == "direct"
    assert attrs["verb"] == "déclarer"
    assert seed_page[attrs["verb_span"][0] : attrs["verb_span"][1]] == "déclaré"
    assert attrs["speaker"] == "Kirby"
    assert attrs["speaker_name"] == "John Kirby"
    assert attrs["speaker_role"] == "porte-parole du Conseil de sécurité nationale"
    # the next quote only continues Kirby
    follow = [s for s in spans if "Il utilise un vaste arsenal" in seed_page[s.start : s.end]]
    assert follow and follow[0].attrs["speaker_name"] == "John Kirby"

    by_speaker = {}
    for s in spans:
        if s.attrs["kind"] in ("indirect", "mixed"):
            by_speaker.setdefault(s.attrs["speaker"], []).append(s)
    white_house = [s for s in by_speaker.get("La Maison Blanche", []) if s.attrs["verb"] == "déclarer"]
    assert white_house, by_speaker.keys()
    claim = seed_page[white_house[0].start : white_house[0].end]
    assert claim.startswith("que les responsables du renseignement américain avaient déterminé")
    assert white_house[0].attrs["speaker_name"] == "Maison Blanche"
    biden = by_speaker.get("L'administration Biden", [])
    assert biden and biden[0].attrs["verb"] == "affirmer"
    assert seed_page[biden[0].start : biden[0].end].startswith("que la proposition de Shoigu")
    assert biden[0].attrs["speaker_name"] == "administration Biden"
    # "selon le porte-parole ..., John Kirby" reports the Shoigu sentence
    selon = [s for s in spans if s.attrs["verb"] == "selon"]
    assert selon and selon[0].attrs["speaker_name"] == "John Kirby"
    assert seed_page[selon[0].start : selon[0].end].startswith("Shoigu a fait cette présentation")
    # quoted terms are not quotations
    texts = [seed_page[s.start : s.end] for s in spans]
    assert "« sans limites »" not in texts and "« politique hégémonique »" not in texts


def test_titles_scare_quotes_and_negation_are_not_quotes(nlp_fr, nlp_en) -> None:
    fr = (
        "Le quotidien « Le Monde » a publié une enquête. Le groupe « Wagner » opère en Afrique. "
        "La ministre n'a pas dit que le texte serait retiré. Le projet est jugé « trop coûteux »."
    )
    assert quotes_of(fr, nlp_fr, "fr") == []
    en = (
        'The newspaper "The Guardian" ran a story on the so-called "reform". '
        "The minister did not say that taxes would rise."
    )
    assert quotes_of(en, nlp_en, "en") == []


def test_multi_paragraph_quote_with_repeated_opening_mark(nlp_fr) -> None:
    text = (
        "Le maire a pris la parole devant le conseil municipal.\n\n"
        "« Nous allons reconstruire l'école avant la rentrée, a-t-il promis.\n\n"
        "« Les travaux commenceront dès lundi et dureront trois mois. »\n\n"
        "La séance a ensuite été levée."
    )
    spans = quotes_of(text, nlp_fr, "fr")
    direct = [s for s in spans if s.attrs["kind"] == "direct"]
    assert len(direct) == 1
    quote = text[direct[0].start : direct[0].end]
    assert quote.startswith("« Nous allons") and quote.endswith("trois mois. »")
    assert "La séance" not in quote


def test_introduced_quote_closed_in_the_next_paragraph() -> None:
    text = (
        'After the match, the coach said, "We learned a lot today.\n\nThe team was nervous at first." '
        'Then the captain said, "It was hard.\n\nWe will do better." Fans left.\n\n'
        'A fan shouted "go home.\n\nThe bus left at six, and "nobody" waited.'
    )
    found = [text[q.start : q.end] for q in find_quoted(text)]
    assert found == [
        '"We learned a lot today.\n\nThe team was nervous at first."',
        '"It was hard.\n\nWe will do better."',
        '"nobody"',
    ]


def test_unmatched_marks_never_swallow_the_article(nlp_fr, nlp_en) -> None:
    text = (
        "Il a dit « bonjour et il est parti.\n\n"
        "Le lendemain, tout était calme. La police a déclaré que l'enquête continuait."
    )
    spans = quotes_of(text, nlp_fr, "fr")
    assert all(s.end - s.start < 80 for s in spans)
    assert any(text[s.start : s.end] == "que l'enquête continuait" for s in spans)
    stray = 'He said "unclosed.\nThe company said that profits rose. Then » and « and ” appeared.'
    spans = quotes_of(stray, nlp_en, "en")
    assert [stray[s.start : s.end] for s in spans] == ["that profits rose"]
    for weird in ("«", "»", '"', "“", "« »", "„‚‘“", '"""', "«" * 50 + "»" * 3):
        find_quoted(weird)  # never raises


def test_quote_marks_styles() -> None:
    text = "„Das ist ‚gut‘“, sagte er. “It’s John’s,” she said. «\u00a0Bonjour\u00a0», dit-il."
    found = [text[q.start : q.end] for q in find_quoted(text)]
    assert found == ["„Das ist ‚gut‘“", "“It’s John’s,”", "«\u00a0Bonjour\u00a0»"]
    nested = find_quoted('«"C\'est un exemple", a déclaré Kirby.»')
    assert len(nested) == 1 and len(nested[0].children) == 1


def test_split_quote_around_speaker_and_pronoun(nlp_fr, nlp_en) -> None:
    text = (
        "Le ministre de l'Intérieur, Gérald Darmanin, s'est rendu à Marseille. "
        "« Nous serons intraitables », a-t-il dit, « avec tous les trafiquants. »"
    )
    spans = quotes_of(text, nlp_fr, "fr")
    assert len(spans) == 2
    assert {s.attrs["speaker_name"] for s in spans} == {"Gérald Darmanin"}
    en = 'Mayor Anne Hidalgo spoke on Monday. "We will rebuild," she said. "It will take time."'
    spans = quotes_of(en, nlp_en, "en")
    assert [s.attrs["speaker_name"] for s in spans] == ["Anne Hidalgo", "Anne Hidalgo"]


def test_step_uses_entity_layer_and_skips_copies(nlp_fr) -> None:
    from newsdesk.article import Span

    text = (
        "« Nous tiendrons », a déclaré le porte-parole. Le porte-parole du gouvernement, Maud Bregeon, était à Paris."
    )
    ents = [
        Span(
            start=text.index("Maud Bregeon"),
            end=text.index("Maud Bregeon") + len("Maud Bregeon"),
            label="PER",
            attrs={"name": "Maud Bregeon", "entity_id": "Q1", "role": "porte-parole du gouvernement"},
        )
    ]
    art = Article(id="a", source="t", text=text, lang="fr", spans={"entities": ents})
    copy = Article(id="b", source="t", text=text, lang="fr", duplicate_of="a")
    other = Article(id="c", source="t", text="Hello", lang="xx")
    step = QuoteStep(nlp=nlp_fr)
    result = Pipeline([_Lang(), step]).run([art, copy, other], keep=True)
    out = {a.id: a for a in result.articles}
    q = out["a"].spans["quotes"][0]
    assert q.attrs["speaker_name"] == "Maud Bregeon" and q.attrs["speaker_id"] == "Q1"
    assert q.attrs["speaker_role"] == "porte-parole du gouvernement"
    assert "quotes" not in out["b"].spans and "quotes" not in out["c"].spans
    stats = result.steps[1]
    assert stats.counters["quotes"] == 1 and stats.counters["skipped_copy"] == 1


class _Lang:
    name = "lang"
    needs = ()
    adds = ("lang",)

    def __call__(self, articles, stats: StepStats):
        yield from articles


def test_random_marks_and_fragments_never_crash(nlp_fr) -> None:
    import random

    rng = random.Random(5)
    pieces = list('«»"“”„‚‘’‹› —:?') + ["\n", "\n\n", "Il a dit ", " a déclaré Kirby", "que ", "selon X, "]
    pieces += ["Le ministre Jean Dupont", ", a-t-il ajouté, ", ". ", "mot "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
        for q in find_quoted(text):
            assert 0 <= q.start < q.end <= len(text)
    for _ in range(60):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        quotes_of(text, nlp_fr, "fr")


def test_a_pipeline_without_parser_is_refused() -> None:
    import spacy

    from newsdesk.errors import ModelError

    blank = spacy.blank("fr")
    with pytest.raises(ModelError, match="dependency parse"):
        extract_quotes("« Bonjour », a dit Paul.", blank("« Bonjour », a dit Paul."), lang="fr")
    step = QuoteStep(models={"fr": blank})
    with pytest.raises(ModelError, match="no parser"):
        step.model("fr")
