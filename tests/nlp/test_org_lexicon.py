"""Organisations from the lexicons (parties, media, public bodies, the CAMEO-derived gazetteer) and
nationality nouns before names."""

from __future__ import annotations

import pytest

from newsdesk import lexicons
from newsdesk.article import Span
from newsdesk.nlp.entities import FIXES, Recogniser
from newsdesk.nlp.rules import INTL


@pytest.fixture(scope="module")
def fr() -> Recogniser:
    from newsdesk.errors import ModelError
    from newsdesk.nlp import models

    try:
        return Recogniser("fr", models.load("fr"))
    except ModelError as exc:
        pytest.skip(str(exc))


def spans_of(rec: Recogniser, text: str) -> list[tuple[str, str]]:
    spans = rec.spans(next(rec.docs([text])))
    for s in spans:
        assert text[s.start : s.end] == s.attrs["text"]
    return [(s.attrs["text"], s.label) for s in spans]


def with_model_ents(rec: Recogniser, text: str, ents: list[tuple[str, str]]) -> list[Span]:
    """Spans for `text` when the model had found exactly `ents` (mention, label, in text order)."""
    from spacy.tokens import Span as SpacySpan

    doc = rec.nlp.make_doc(text)
    found = []
    start = 0
    for mention, label in ents:  # in text order
        start = text.index(mention, start)
        found.append(doc.char_span(start, start + len(mention), label=label))
        start += len(mention)
    doc.ents = [SpacySpan(doc, s.start, s.end, label=s.label_) for s in found]
    spans = rec.spans(doc)
    for s in spans:
        assert text[s.start : s.end] == s.attrs["text"]
    return spans


def test_parties_media_and_public_bodies_are_organisations(fr: Recogniser) -> None:
    text = "Selon Le Canard enchaîné, La France insoumise a saisi Pôle emploi, a indiqué Mediapart."
    got = spans_of(fr, text)
    for name in ("Le Canard enchaîné", "La France insoumise", "Pôle emploi", "Mediapart"):
        assert (name, "ORG") in got
    assert ("France", "LOC") not in got


def test_a_listed_name_in_lower_case_is_not_an_organisation(fr: Recogniser) -> None:
    got = spans_of(fr, "Le monde entier regarde la provence et les échos de la crise.")
    assert not [label for _t, label in got if label == "ORG"]


def test_gazetteer_company_relabels_a_one_word_name_the_model_mislabelled(fr: Recogniser) -> None:
    text = "Oracle a racheté une filiale de Disney, a confirmé Jean Dupont à Paris."
    spans = with_model_ents(fr, text, [("Oracle", "MISC"), ("Disney", "LOC"), ("Jean Dupont", "PER"), ("Paris", "LOC")])
    got = {(s.start, s.end): s.label for s in spans}
    assert got[(0, 6)] == "ORG"
    assert got[(text.index("Disney"), text.index("Disney") + 6)] == "ORG"
    assert got[(text.index("Paris"), text.index("Paris") + 5)] == "LOC"  # a place of the gazetteer stays a place
    assert got[(text.index("Jean Dupont"), text.index("Jean Dupont") + 11)] == "PER"


def test_gazetteer_word_that_ends_a_persons_name_stays_a_person(fr: Recogniser) -> None:
    text = "Le fondateur Michael Dell est arrivé. Dell a salué la foule."
    spans = with_model_ents(fr, text, [("Michael Dell", "PER"), ("Dell", "PER")])
    dell = [s for s in spans if s.attrs["text"] == "Dell"]
    assert dell and dell[0].label == "PER"


def test_multi_word_gazetteer_names_are_found_without_a_model() -> None:
    rec = Recogniser("de", None)
    text = "Die Bank of America und Amnesty International kritisierten den Plan."
    got = spans_of(rec, text)
    assert ("Bank of America", "ORG") in got
    assert ("Amnesty International", "ORG") in got
    assert "org_lexicon" in FIXES


def test_org_gazetteer_carries_its_licence_and_no_office_holders() -> None:
    path = lexicons.path("orgs", INTL)
    head = path.read_text(encoding="utf-8").splitlines()[:5]
    assert any("MIT" in line for line in head) and any("petrarch2" in line for line in head)
    assert (path.parent / "LICENSE-petrarch2-MIT.txt").exists()
    names = {row[0] for row in lexicons.rows("orgs", INTL)}
    assert {"Amnesty International", "Greenpeace", "Disney", "World Bank"} <= names
    assert not {"Kofi Annan", "Ban Ki-Moon", "Javier Solana", "Un Secretary General"} & names


def test_nationality_noun_before_a_name_gives_the_country(fr: Recogniser) -> None:
    text = "La Thaïlandaise Sopita Tanasan a battu l'Espagnole Caroline Routier."
    spans = fr.spans(next(fr.docs([text])))
    by_text = {s.attrs["text"]: s for s in spans}
    for name, country in (("Sopita Tanasan", "THA"), ("Caroline Routier", "ESP")):
        span = by_text[name]
        assert span.label == "PER" and span.attrs["country"] == country
        assert text[span.start : span.end] == name
    assert not [s for s in spans if "Thaïlandaise" in s.attrs["text"] or "Espagnole" in s.attrs["text"]]


def test_common_noun_abbreviations_and_tournament_pools_are_not_names(fr: Recogniser) -> None:
    text = "Le TGV a été retardé (NDLR : hier). La France termine en tête du Groupe C devant le Portugal."
    spans = with_model_ents(fr, text, [("TGV", "ORG"), ("NDLR", "ORG"), ("France", "LOC"), ("Groupe C", "ORG")])
    got = [(s.attrs["text"], s.label) for s in spans]
    assert ("France", "LOC") in got
    assert not [t for t, _l in got if t in ("TGV", "NDLR", "Groupe C")]


def test_armed_group_names_open_with_an_organisation_word(fr: Recogniser) -> None:
    text = "Les combattants de Ahrar al-Cham et de Jaych al-Islam ont quitté Alep."
    spans = with_model_ents(fr, text, [("Ahrar al-Cham", "LOC"), ("Jaych al-Islam", "PER"), ("Alep", "LOC")])
    got = {(s.start, s.end): (s.attrs["text"], s.label) for s in spans}
    a = text.index("Ahrar")
    j = text.index("Jaych")
    assert got[(a, a + len("Ahrar al-Cham"))] == ("Ahrar al-Cham", "ORG")
    assert got[(j, j + len("Jaych al-Islam"))] == ("Jaych al-Islam", "ORG")
    assert ("Alep", "LOC") in got.values()


def test_place_inside_a_descriptive_misc_span_is_the_entity(fr: Recogniser) -> None:
    text = "Le traité de Rome a 60 ans ; il est devenu champion de France en 2016."
    spans = with_model_ents(fr, text, [("traité de Rome", "MISC"), ("champion de France", "MISC")])
    got = [(s.start, s.end, s.label) for s in spans]
    rome, france = text.index("Rome"), text.index("France")
    assert (rome, rome + 4, "LOC") in got
    assert (france, france + 6, "LOC") in got
    assert not [s for s in spans if "traité" in s.attrs["text"] or "champion" in s.attrs["text"]]


def test_gazetteer_acronyms_match_in_capitals_only(fr: Recogniser) -> None:
    text = "Un rapport de l'UN Watch cite Un Monde."
    spans = with_model_ents(fr, text, [("Un", "MISC"), ("Un Monde", "MISC")])
    assert [s.label for s in spans if s.attrs["text"] == "Un"] == ["MISC"]
    rows = {row[0] for row in lexicons.rows("orgs", INTL)}
    assert "UN" in rows and "Un" not in rows
