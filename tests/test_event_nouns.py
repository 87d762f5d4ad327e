"""Events written as nouns: the noun patterns, actors from modifiers and complements, and the nouns that are
no events (topics, names, titles, acts already coded by a verb)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.event_lexicon import cameo_codes, load_event_lexicon, load_noun_lexicon
from newsdesk.nlp.events import extract_events

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


# -- patterns ----------------------------------------------------------------------------------------


def test_noun_patterns_name_known_codes_with_a_plover_type() -> None:
    for lang in ("en", "fr"):
        lex = load_noun_lexicon(lang)
        assert len(lex.patterns) > 100
        assert lex.sectors == load_event_lexicon(lang).sectors
        for patterns in lex.patterns.values():
            for p in patterns:
                assert cameo_codes()[p.cameo].plover in PLOVER_TYPES, (lang, p)
    assert load_noun_lexicon("de").patterns == {}


def test_ambiguous_strike_is_decided_by_its_modifiers() -> None:
    en = load_noun_lexicon("en")
    assert en.match("strike", {"air"}).cameo == "195"
    assert en.match("strike", {"drone"}).cameo == "195"
    assert en.match("strike", {"on", "russian"}).cameo == "190"
    assert en.match("strike", {"general"}).cameo == "143"
    assert en.match("strike", {"worker", "'s"}).cameo == "143"
    assert en.match("strike", {"hunger"}).cameo == "142"
    assert en.match("strike", {"the", "lucky"}) is None  # no weapon, no labour word: no event
    fr = load_noun_lexicon("fr")
    assert fr.match("grève", {"faim", "de"}).cameo == "142"
    assert fr.match("grève", {"général"}).cameo == "143"
    assert fr.match("frappe", {"aérien"}).cameo == "195"
    assert fr.match("frappe", {"russe"}).cameo == "190"


# -- extraction --------------------------------------------------------------------------------------


def nouns_of(text: str, nlp, lang: str) -> list[dict]:
    """The attrs of the noun events of `text` (those whose trigger is a noun), offsets checked."""
    doc = nlp(text)
    out = []
    for span in extract_events(text, doc, lang=lang):
        a = span.attrs
        ts, te = a["trigger_span"]
        assert text[ts:te] == a["trigger"] and span.start <= ts < te <= span.end
        assert cameo_codes()[a["cameo"]].name == a["cameo_name"] and 0.0 <= a["confidence"] <= 1.0
        for actor in a["sources"] + a["targets"]:
            assert text[actor["span"][0] : actor["span"][1]] == actor["text"]
        if doc.char_span(ts, te)[0].pos_ == "NOUN":
            out.append(a)
    return out


def one(events: list[dict], trigger: str) -> dict:
    found = [a for a in events if a["trigger"] == trigger]
    assert len(found) == 1, [a["trigger"] for a in events]
    return found[0]


def at(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def who(actors: list[dict]) -> list[tuple]:
    return [(a["text"], a["country"], a["sector"]) for a in actors]


@pytest.mark.slow
def test_english_air_strikes_with_nationality_source_and_target(nlp_en) -> None:
    text = "Russian air strikes on Aleppo killed 20 civilians on Sunday."
    ev = one(nouns_of(text, nlp_en, "en"), "strikes")
    assert (ev["plover"], ev["cameo"], ev["quad"]) == ("ASSAULT", "195", "material conflict")
    assert ev["trigger_span"] == at(text, "strikes")
    assert who(ev["sources"]) == [("Russian", "RUS", None)] and ev["sources"][0]["span"] == at(text, "Russian")
    assert [a["text"] for a in ev["targets"]] == ["Aleppo"] and ev["targets"][0]["span"] == at(text, "Aleppo")
    assert not ev["negated"] and not ev["hypothetical"]


@pytest.mark.slow
def test_english_possessive_agent_and_compound_sources(nlp_en) -> None:
    text = "Israel's withdrawal from Gaza was completed in 2005."
    ev = one(nouns_of(text, nlp_en, "en"), "withdrawal")
    assert (ev["plover"], ev["cameo"]) == ("RETREAT", "0874")
    assert who(ev["sources"]) == [("Israel", "ISR", None)] and ev["sources"][0]["span"] == at(text, "Israel")
    assert [a["text"] for a in ev["targets"]] == ["Gaza"]

    text = "An attack by Boko Haram on the army left 30 dead."
    ev = one(nouns_of(text, nlp_en, "en"), "attack")
    assert ev["plover"] == "ASSAULT" and ev["trigger_span"] == at(text, "attack")
    assert [a["text"] for a in ev["sources"]] == ["Boko Haram"] and ev["sources"][0]["span"] == at(text, "Boko Haram")
    assert who(ev["targets"]) == [("the army", None, "MIL")]

    text = "US sanctions against Russia took effect on Friday."
    ev = one(nouns_of(text, nlp_en, "en"), "sanctions")
    assert (ev["plover"], ev["cameo"]) == ("COERCE", "163")
    assert who(ev["sources"]) == [("US", "USA", None)] and who(ev["targets"]) == [("Russia", "RUS", None)]


@pytest.mark.slow
def test_english_undergoers_and_labour_strikes(nlp_en) -> None:
    text = "The release of the hostages by Hamas took place on Sunday."
    ev = one(nouns_of(text, nlp_en, "en"), "release")
    assert (ev["plover"], ev["cameo"]) == ("RETREAT", "0841")
    assert [a["text"] for a in ev["sources"]] == ["Hamas"]
    assert who(ev["targets"]) == [("the hostages", None, "CVL")]
    assert ev["targets"][0]["span"] == at(text, "the hostages")

    text = "The teachers' strike closed schools across Kenya."
    ev = one(nouns_of(text, nlp_en, "en"), "strike")
    assert (ev["plover"], ev["cameo"]) == ("PROTEST", "143")
    assert who(ev["sources"]) == [("The teachers", None, "EDU")]


@pytest.mark.slow
def test_english_mutual_talks_negated_and_possible_sanctions(nlp_en) -> None:
    text = "There were no talks between Iran and the United States."
    ev = one(nouns_of(text, nlp_en, "en"), "talks")
    assert (ev["plover"], ev["cameo"]) == ("CONSULT", "046") and ev["negated"]
    assert who(ev["sources"]) == [("Iran", "IRN", None), ("the United States", "USA", None)]
    assert ev["targets"] == []

    text = "Analysts discussed possible sanctions against Iran."
    ev = one(nouns_of(text, nlp_en, "en"), "sanctions")
    assert ev["hypothetical"] and not ev["negated"]
    assert who(ev["targets"]) == [("Iran", "IRN", None)]


@pytest.mark.slow
def test_english_nouns_that_are_no_events(nlp_en) -> None:
    for text in (
        "The sanctions debate continued in parliament.",  # a topic: no actor
        "Apple announced the release of its new phone.",  # a product is released, not people
        'The film "Strike on Moscow" opens on Friday.',  # a title
        "People were divided either in support of the Prime Minister or against him.",  # a stance
        "A Serbian jet shot down a helicopter carrying EC truce monitors.",  # a modifier of "monitors"
    ):
        assert nouns_of(text, nlp_en, "en") == [], text
    text = "The Camp David Accords were signed in 1978."  # a name: only the signing is an event
    assert [a.attrs["trigger"] for a in extract_events(text, nlp_en(text), lang="en")] == ["signed"]
    text = "Russia launched an attack on Ukraine."  # the verb event codes the act once
    events = extract_events(text, nlp_en(text), lang="en")
    assert [(e.attrs["trigger"], e.attrs["plover"]) for e in events] == [("launched", "ASSAULT")]
    text = "Iran demanded talks with the United States."  # asked for, not held
    events = extract_events(text, nlp_en(text), lang="en")
    assert [(e.attrs["trigger"], e.attrs["plover"]) for e in events] == [("demanded", "REQUEST")]


@pytest.mark.slow
def test_french_protest_sanctions_and_strikes(nlp_fr) -> None:
    text = "La manifestation des enseignants contre la réforme a réuni 5000 personnes."
    ev = one(nouns_of(text, nlp_fr, "fr"), "manifestation")
    assert (ev["plover"], ev["cameo"]) == ("PROTEST", "141") and ev["trigger_span"] == at(text, "manifestation")
    assert who(ev["sources"]) == [("enseignants", None, "EDU")] and ev["targets"] == []  # a reform is no actor

    text = "Les sanctions américaines contre la Russie sont entrées en vigueur."
    ev = one(nouns_of(text, nlp_fr, "fr"), "sanctions")
    assert (ev["plover"], ev["cameo"]) == ("COERCE", "163")
    assert who(ev["sources"]) == [("américaines", "USA", None)] and ev["sources"][0]["span"] == at(text, "américaines")
    assert who(ev["targets"]) == [("la Russie", "RUS", None)] and ev["targets"][0]["span"] == at(text, "la Russie")

    text = "Les frappes russes sur Alep ont fait 20 morts."
    ev = one(nouns_of(text, nlp_fr, "fr"), "frappes")
    assert ev["plover"] == "ASSAULT" and who(ev["sources"]) == [("russes", "RUS", None)]
    assert [a["text"] for a in ev["targets"]] == ["Alep"]


@pytest.mark.slow
def test_french_arrest_release_and_withdrawal(nlp_fr) -> None:
    text = "L'arrestation de l'opposant par la police a provoqué la colère."
    ev = one(nouns_of(text, nlp_fr, "fr"), "arrestation")
    assert (ev["plover"], ev["cameo"]) == ("COERCE", "173")
    assert who(ev["sources"]) == [("la police", None, "COP")] and ev["sources"][0]["span"] == at(text, "la police")
    assert who(ev["targets"]) == [("l'opposant", None, "OPP")] and ev["targets"][0]["span"] == at(text, "l'opposant")

    text = "La libération des otages par le Hamas a eu lieu dimanche."
    ev = one(nouns_of(text, nlp_fr, "fr"), "libération")
    assert (ev["plover"], ev["cameo"]) == ("RETREAT", "0841")
    assert [a["text"] for a in ev["sources"]] == ["le Hamas"] and who(ev["targets"]) == [("otages", None, "CVL")]

    text = "Le retrait d'Israël de Gaza est terminé."
    ev = one(nouns_of(text, nlp_fr, "fr"), "retrait")
    assert (ev["plover"], ev["cameo"]) == ("RETREAT", "0874")
    assert who(ev["sources"]) == [("Israël", "ISR", None)] and [a["text"] for a in ev["targets"]] == ["Gaza"]

    text = "L'attentat a été revendiqué par le groupe Boko Haram."  # claimed: the claimant did it
    ev = one(nouns_of(text, nlp_fr, "fr"), "attentat")
    assert (ev["plover"], ev["cameo"]) == ("ASSAULT", "183")
    assert [a["text"] for a in ev["sources"]] == ["le groupe Boko Haram"]


@pytest.mark.slow
def test_french_nouns_that_are_no_events(nlp_fr) -> None:
    for text in (
        "Le débat sur les sanctions se poursuit.",
        "Le film « La Grève des policiers » sort mercredi.",
    ):
        assert nouns_of(text, nlp_fr, "fr") == [], text
    text = "Des milliers de personnes ont défilé en soutien à l'opposant."  # a purpose: only the march
    assert [a.attrs["trigger"] for a in extract_events(text, nlp_fr(text), lang="fr")] == ["défilé"]
    text = "La Russie a imposé des sanctions contre l'Ukraine."
    events = extract_events(text, nlp_fr(text), lang="fr")
    assert [(e.attrs["trigger"], e.attrs["cameo"]) for e in events] == [("imposé", "163")]


@pytest.mark.slow
def test_french_de_names_the_doer_or_the_place_attacked(nlp_fr) -> None:
    text = "Daech a avancé malgré les attaques aériennes massives de la Russie."
    ev = one(nouns_of(text, nlp_fr, "fr"), "attaques")
    assert (ev["plover"], ev["cameo"]) == ("ASSAULT", "195")
    assert who(ev["sources"]) == [("la Russie", "RUS", None)] and ev["sources"][0]["span"] == at(text, "la Russie")
    assert ev["targets"] == []

    text = "L'invasion de l'Ukraine a commencé en février."
    ev = one(nouns_of(text, nlp_fr, "fr"), "invasion")
    assert ev["sources"] == [] and who(ev["targets"]) == [("l'Ukraine", "UKR", None)]


@pytest.mark.slow
def test_offices_and_descriptions_are_no_events(nlp_fr) -> None:
    for text in (
        "La secrétaire d'État chargée de l'aide aux victimes a annoncé un décès.",
        "Le député Yann Galut, soutien de Benoît Hamon, a parlé.",
        "Les Bleus n'ont pas pu endiguer les attaques danoises.",  # a handball final: a bare nationality
    ):
        assert nouns_of(text, nlp_fr, "fr") == [], text


@pytest.mark.slow
def test_french_visit_threat_and_condemnation_roles(nlp_fr) -> None:
    text = "La visite du président chinois en France a débuté lundi."
    ev = one(nouns_of(text, nlp_fr, "fr"), "visite")
    assert (ev["plover"], ev["cameo"]) == ("CONSULT", "042")
    assert who(ev["sources"]) == [("président chinois", "CHN", "GOV")]
    assert who(ev["targets"]) == [("France", "FRA", None)]

    text = "Les menaces de la Corée du Nord contre les États-Unis inquiètent Tokyo."
    ev = one(nouns_of(text, nlp_fr, "fr"), "menaces")
    assert ev["plover"] == "THREATEN"
    assert who(ev["sources"]) == [("la Corée du Nord", "PRK", None)]
    assert who(ev["targets"]) == [("les États-Unis", "USA", None)]
    assert ev["targets"][0]["span"] == at(text, "les États-Unis")

    text = "La condamnation de la Russie par l'ONU a été votée."
    ev = one(nouns_of(text, nlp_fr, "fr"), "condamnation")
    assert (ev["plover"], ev["cameo"]) == ("ACCUSE", "111")
    assert who(ev["sources"]) == [("l'ONU", None, "IGO")] and who(ev["targets"]) == [("la Russie", "RUS", None)]


@pytest.mark.slow
def test_english_labour_strike_by_workers_and_strikes_that_kill(nlp_en) -> None:
    text = "A strike by railway workers against the reform paralysed France."
    ev = one(nouns_of(text, nlp_en, "en"), "strike")
    assert (ev["plover"], ev["cameo"]) == ("PROTEST", "143")  # a labour word wins over "against"
    assert who(ev["sources"]) == [("railway workers", None, "LAB")]

    text = "Israeli strikes on Gaza killed 20 people."  # the strikes and the killing: two events
    events = extract_events(text, nlp_en(text), lang="en")
    assert sorted(e.attrs["trigger"] for e in events) == ["killed", "strikes"]
    ev = one(nouns_of(text, nlp_en, "en"), "strikes")
    assert who(ev["sources"]) == [("Israeli", "ISR", None)] and ev["targets"][0]["span"] == at(text, "Gaza")

    text = "The talks between Iran and the EU resumed in Vienna."  # the verb adds nothing: one event
    events = extract_events(text, nlp_en(text), lang="en")
    assert [e.attrs["trigger"] for e in events] == ["resumed"]


@pytest.mark.slow
def test_with_the_support_of_names_the_supporter_and_recognition_is_diplomatic(nlp_en, nlp_fr) -> None:
    text = "The festival took place with the support of the French embassy."
    ev = one(nouns_of(text, nlp_en, "en"), "support")
    assert who(ev["sources"]) == [("the French embassy", "FRA", None)] and ev["targets"] == []
    text = "Lancement d'un satellite de reconnaissance de SpaceX."
    assert nouns_of(text, nlp_fr, "fr") == []
