"""Events: the CAMEO/PLOVER tables, verb patterns, actors, negation and modality, the seed page, the step."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.nlp.event_lexicon import cameo_codes, event_languages, load_event_lexicon
from newsdesk.nlp.events import EventStep, extract_events
from newsdesk.pipeline import StepStats

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
ROOT = Path(__file__).resolve().parents[1]


# -- tables ------------------------------------------------------------------------------------------


def test_cameo_table_codes_plover_and_quad() -> None:
    codes = cameo_codes()
    assert codes["112"].name == "Accuse" and codes["112"].plover == "ACCUSE"
    assert codes["112"].quad == "verbal conflict" and codes["112"].goldstein == -2.0
    assert codes["190"].plover == "ASSAULT" and codes["190"].quad == "material conflict"
    assert codes["010"].plover is None  # statements have no PLOVER type
    assert {c.plover for c in codes.values() if c.plover} == PLOVER_TYPES


def test_every_verb_pattern_names_a_known_code() -> None:
    assert event_languages() == ["en", "fr"]
    for lang in event_languages():
        lex = load_event_lexicon(lang)
        for patterns in lex.patterns.values():
            for p in patterns:
                assert p.cameo in cameo_codes(), (lang, p)
    assert "say" not in load_event_lexicon("en").patterns
    assert "déclarer" not in load_event_lexicon("fr").patterns


def test_most_specific_pattern_wins() -> None:
    en = load_event_lexicon("en")
    assert en.match("impose", {"sanction", "on"}).cameo == "163"
    assert en.match("impose", {"curfew"}).cameo == "1723"
    assert en.match("impose", {"tax"}).cameo == "172"
    assert en.match("call", {"for"}).cameo == "020"
    assert en.match("call", {"him"}) is None  # a phone call or a name is not an appeal
    assert load_event_lexicon("fr").match("entretenir", {"se", "avec"}).cameo == "040"
    assert load_event_lexicon("fr").match("entretenir", {"relation"}) is None


def test_build_script_regenerates_the_bundled_table(shared_data: Path, tmp_path: Path, monkeypatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_event_lexicon", ROOT / "bench" / "build_event_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    assert module.build(shared_data) == 317
    bundled = ROOT / "src" / "newsdesk" / "lexicons" / "events"
    assert filecmp.cmp(tmp_path / "cameo.tsv", bundled / "cameo.tsv", shallow=False)
    assert (bundled / "LICENSE-CC-BY-SA-4.0.md").exists() and "CC BY-SA 4.0" in (bundled / "NOTICE").read_text()


def test_step_skips_copies_empty_texts_and_languages_without_patterns() -> None:
    step = EventStep(nlp=object())  # never called: nothing here is parsed
    articles = [
        Article(id="a", source="t", text="Der Minister griff an.", lang="de"),
        Article(id="b", source="t", text="  ", lang="en"),
        Article(id="c", source="t", text="Russia attacked.", lang="en", duplicate_of="x"),
    ]
    stats = StepStats(name="events")
    out = list(step(articles, stats))
    assert [a.id for a in out] == ["a", "b", "c"]
    assert all("events" not in a.spans for a in out)
    assert stats.counters["skipped_lang"] == 1 and stats.counters["skipped_empty"] == 1
    assert stats.counters["skipped_copy"] == 1


def test_step_counts_a_failing_article_and_goes_on() -> None:
    import spacy

    step = EventStep(nlp=spacy.blank("en"))  # no parser: extract_events refuses the doc
    articles = [Article(id=str(k), source="t", text="Russia attacked Ukraine.", lang="en") for k in range(3)]
    stats = StepStats(name="events")
    out = list(step(articles, stats))
    assert len(out) == 3 and all("events" not in a.spans for a in out)
    assert stats.counters["event_error:ModelError"] == 3


# -- extraction --------------------------------------------------------------------------------------


def events_of(text: str, nlp, lang: str, entities=None):
    spans = extract_events(text, nlp(text), lang=lang, entities=entities)
    for s in spans:
        a = s.attrs
        assert s.label == "EVENT" and a["plover"] in PLOVER_TYPES
        assert cameo_codes()[a["cameo"]].name == a["cameo_name"]
        ts, te = a["trigger_span"]
        assert text[ts:te] == a["trigger"] and s.start <= ts < te <= s.end
        for actor in a["sources"] + a["targets"]:
            assert text[actor["span"][0] : actor["span"][1]] == actor["text"]
        assert 0.0 <= a["confidence"] <= 1.0
    return spans


def one(spans, trigger: str):
    found = [s for s in spans if s.attrs["trigger"] == trigger]
    assert len(found) == 1, [s.attrs["trigger"] for s in spans]
    return found[0].attrs


def actor(text: str, a: dict) -> tuple:
    assert text[a["span"][0] : a["span"][1]] == a["text"]
    return (a["text"], a["country"], a["sector"])


@pytest.mark.slow
def test_english_accusation_with_countries_and_sectors(nlp_en) -> None:
    text = "Officials met on Monday. The French government condemned Russian troops on Tuesday."
    spans = events_of(text, nlp_en, "en")
    ev = one(spans, "condemned")
    assert (ev["plover"], ev["cameo"], ev["quad"]) == ("ACCUSE", "111", "verbal conflict")
    assert ev["trigger_span"] == [text.index("condemned"), text.index("condemned") + len("condemned")]
    assert [actor(text, a) for a in ev["sources"]] == [("The French government", "FRA", "GOV")]
    assert [actor(text, a) for a in ev["targets"]] == [("Russian troops", "RUS", "MIL")]
    span = next(s for s in spans if s.attrs["trigger"] == "condemned")
    assert text[span.start : span.end] == "The French government condemned Russian troops on Tuesday."
    assert not ev["negated"] and not ev["hypothetical"]


@pytest.mark.slow
def test_english_negation_modality_and_threats(nlp_en) -> None:
    ev = one(events_of("Iran did not attack Israel.", nlp_en, "en"), "attack")
    assert ev["plover"] == "ASSAULT" and ev["negated"] and not ev["hypothetical"]
    ev = one(events_of("Russia could invade Ukraine.", nlp_en, "en"), "invade")
    assert ev["hypothetical"] and not ev["negated"]
    assert [a["country"] for a in ev["targets"]] == ["UKR"]
    spans = events_of("North Korea threatened to attack South Korea.", nlp_en, "en")
    assert [s.attrs["plover"] for s in spans] == ["THREATEN"]  # not ASSAULT
    ev = spans[0].attrs
    assert not ev["hypothetical"]
    assert [a["country"] for a in ev["sources"]] == ["PRK"] and [a["country"] for a in ev["targets"]] == ["KOR"]
    ev = one(events_of("Israel refused to release the prisoners.", nlp_en, "en"), "refused")
    assert ev["plover"] == "REJECT" and not ev["negated"]


@pytest.mark.slow
def test_english_statements_are_not_events(nlp_en) -> None:
    assert events_of("The minister said the talks were useful.", nlp_en, "en") == []
    assert events_of("It hit the wall.", nlp_en, "en") == []


@pytest.mark.slow
def test_english_passive_and_coordination(nlp_en) -> None:
    text = "Protesters were arrested by police."
    ev = one(events_of(text, nlp_en, "en"), "arrested")
    assert ev["plover"] == "COERCE" and ev["cameo"] == "173"
    assert [actor(text, a) for a in ev["sources"]] == [("police", None, "COP")]
    assert [actor(text, a) for a in ev["targets"]] == [("Protesters", None, "OPP")]
    ev = one(events_of("Opposition leaders were arrested.", nlp_en, "en"), "arrested")
    assert ev["sources"] == [] and [a["sector"] for a in ev["targets"]] == ["OPP"]
    text = "France and Germany signed a trade agreement."
    ev = one(events_of(text, nlp_en, "en"), "signed")
    assert (ev["plover"], ev["cameo"]) == ("SUPPORT", "057")
    assert [actor(text, a) for a in ev["sources"]] == [("France", "FRA", None), ("Germany", "DEU", None)]
    text = "Hungarian and Romanian officials agreed to cooperate on border controls."
    spans = events_of(text, nlp_en, "en")
    assert [s.attrs["plover"] for s in spans] == ["AGREE"]  # "agreed to cooperate" is AGREE
    sources = [actor(text, a) for a in spans[0].attrs["sources"]]
    assert sources == [("Hungarian", "HUN", "GOV"), ("Romanian", "ROU", "GOV")]


@pytest.mark.slow
def test_english_prepositional_targets_and_protests(nlp_en) -> None:
    text = "The United States imposed sanctions on Iran."
    ev = one(events_of(text, nlp_en, "en"), "imposed")
    assert ev["cameo"] == "163" and ev["cameo_name"] == "Impose embargo, boycott, or sanctions"
    assert [actor(text, a) for a in ev["targets"]] == [("Iran", "IRN", None)]
    ev = one(events_of("Thousands of protesters demonstrated in Paris on Sunday.", nlp_en, "en"), "demonstrated")
    assert ev["plover"] == "PROTEST" and ev["targets"] == []  # Paris is where, not against whom
    assert [a["sector"] for a in ev["sources"]] == ["OPP"]
    ev = one(events_of("The rebels will release the hostages.", nlp_en, "en"), "release")
    assert ev["plover"] == "AGREE" and ev["cameo"] == "0353"  # a promised release is an intent


@pytest.mark.slow
def test_french_events(nlp_fr) -> None:
    text = "La France a condamné les frappes russes contre Kiev."
    ev = one(events_of(text, nlp_fr, "fr"), "condamné")
    assert ev["plover"] == "ACCUSE" and ev["lemma"] == "condamner"
    assert [actor(text, a) for a in ev["sources"]] == [("La France", "FRA", None)]
    assert [a["country"] for a in ev["targets"]] == ["UKR"]
    ev = one(events_of("L'Iran n'a pas attaqué Israël.", nlp_fr, "fr"), "attaqué")
    assert ev["negated"] and [a["country"] for a in ev["targets"]] == ["ISR"]
    earlier = "Le président a condamné plus tôt cette année les frappes contre Kiev."
    ev = one(events_of(earlier, nlp_fr, "fr"), "condamné")
    assert not ev["negated"]  # "plus tôt" is no "ne … plus"
    ev = one(events_of("La Russie ne soutient plus le régime syrien.", nlp_fr, "fr"), "soutient")
    assert ev["negated"] and [(a["country"], a["sector"]) for a in ev["targets"]] == [("SYR", "GOV")]
    ev = one(events_of("La Russie pourrait envahir l'Ukraine.", nlp_fr, "fr"), "envahir")
    assert ev["hypothetical"] and not ev["negated"]
    text = "La Corée du Nord a menacé d'attaquer la Corée du Sud."
    spans = events_of(text, nlp_fr, "fr")
    assert [s.attrs["plover"] for s in spans] == ["THREATEN"]
    assert [actor(text, a) for a in spans[0].attrs["targets"]] == [("la Corée du Sud", "KOR", None)]
    assert events_of("Le ministre a déclaré que les discussions avaient été utiles.", nlp_fr, "fr") == []


@pytest.mark.slow
def test_french_passive_coordination_and_reflexive(nlp_fr) -> None:
    text = "Des opposants ont été arrêtés par la police."
    ev = one(events_of(text, nlp_fr, "fr"), "arrêtés")
    assert [actor(text, a) for a in ev["sources"]] == [("la police", None, "COP")]
    assert [actor(text, a) for a in ev["targets"]] == [("Des opposants", None, "OPP")]
    text = "La France et l'Allemagne ont signé un accord commercial."
    ev = one(events_of(text, nlp_fr, "fr"), "signé")
    assert [actor(text, a) for a in ev["sources"]] == [("La France", "FRA", None), ("l'Allemagne", "DEU", None)]
    text = "Emmanuel Macron s'est entretenu avec Vladimir Poutine."
    ev = one(events_of(text, nlp_fr, "fr"), "entretenu")
    assert ev["plover"] == "CONSULT"
    assert [a["text"] for a in ev["sources"]] == ["Emmanuel Macron"]
    assert [a["text"] for a in ev["targets"]] == ["Vladimir Poutine"]
    text = "Le Kremlin a accusé l'Ukraine de terrorisme."
    ev = one(events_of(text, nlp_fr, "fr"), "accusé")
    assert [actor(text, a) for a in ev["sources"]] == [("Le Kremlin", "RUS", "GOV")]
    assert [actor(text, a) for a in ev["targets"]] == [("l'Ukraine", "UKR", None)]
    ev = one(events_of("Israël a refusé de libérer les prisonniers.", nlp_fr, "fr"), "refusé")
    assert ev["plover"] == "REJECT"


@pytest.mark.slow
def test_seed_page_events(seed_page: str) -> None:
    from newsdesk.nlp.entities import EntityStep

    article = Article(id="seed", source="seed", text=seed_page, lang="fr")
    stats = StepStats(name="events")
    article = next(EventStep()(EntityStep()([article], StepStats(name="entities")), stats))
    spans = article.spans["events"]
    assert stats.counters["events"] == len(spans) > 0
    by_trigger = {}
    for s in spans:
        a = s.attrs
        assert seed_page[a["trigger_span"][0] : a["trigger_span"][1]] == a["trigger"]
        by_trigger.setdefault(a["trigger"], []).append(s)
    # "… un haut responsable russe a demandé à la Corée du Nord d'augmenter ses ventes de munitions"
    asked = by_trigger["demandé"][0].attrs
    assert asked["plover"] == "REQUEST"
    assert [(a["country"], a["sector"]) for a in asked["sources"]] == [("RUS", "GOV")]
    assert [a["country"] for a in asked["targets"]] == ["PRK"]
    # "Sergei Shoigu, s'était entretenu la semaine dernière avec des responsables nord-coréens"
    talk = by_trigger["entretenu"][0]
    assert talk.attrs["plover"] == "CONSULT"
    assert "Sergei Shoigu, s'était entretenu la semaine dernière avec des responsables nord-coréens" in (
        seed_page[talk.start : talk.end]
    )
    assert [(a["text"], a["name"], a["country"], a["sector"]) for a in talk.attrs["sources"]] == [
        ("le ministre russe de la Défense, Sergei Shoigu", "Sergei Shoigu", "RUS", "GOV")
    ]
    assert [(a["text"], a["country"], a["sector"]) for a in talk.attrs["targets"]] == [
        ("des responsables nord-coréens", "PRK", "GOV")  # not "… lors d'une visite à Pyongyang"
    ]
    # "Le dirigeant chinois Xi Jinping a promis au président russe Vladimir Poutine un partenariat"
    promise = by_trigger["promis"][0].attrs
    assert promise["plover"] == "AGREE"
    assert [(a["country"], a["name"]) for a in promise["sources"]] == [("CHN", "Xi Jinping")]
    assert [a["country"] for a in promise["targets"]] == ["RUS"]
    # "ils ne pensaient pas que la Chine ait fourni des armes à Moscou": not asserted as fact
    supplied = by_trigger["fourni"][0].attrs
    assert supplied["plover"] == "AID" and supplied["hypothetical"]
    assert [a["country"] for a in supplied["sources"]] == ["CHN"]
    assert [a["country"] for a in supplied["targets"]] == ["RUS"]
    # "ont précédemment nié les allégations": a denial is a statement, not an event
    assert "nié" not in by_trigger
    assert "déclaré" not in by_trigger


@pytest.mark.slow
def test_french_places_and_sport_are_not_targets(nlp_fr) -> None:
    text = "Deux soldats maliens ont été tués à Kidal."
    ev = one(events_of(text, nlp_fr, "fr"), "tués")
    assert ev["plover"] == "ASSAULT" and ev["sources"] == []
    assert [actor(text, a) for a in ev["targets"]] == [("Deux soldats maliens", "MLI", "MIL")]
    assert events_of("Le coureur belge s'est imposé au sprint.", nlp_fr, "fr") == []  # a win, not a coercion


@pytest.mark.slow
def test_french_counterpart_and_suspects_without_their_place(nlp_fr) -> None:
    text = "Le Premier ministre a reçu son homologue allemand à Matignon."
    ev = one(events_of(text, nlp_fr, "fr"), "reçu")
    assert (ev["plover"], ev["cameo"], ev["mode"]) == ("CONSULT", "043", "visit")
    assert [actor(text, a) for a in ev["targets"]] == [("son homologue allemand", "DEU", "GOV")]
    text = "La police a interpellé trois suspects à Marseille."
    ev = one(events_of(text, nlp_fr, "fr"), "interpellé")
    assert [actor(text, a) for a in ev["targets"]] == [("trois suspects", None, "CRM")]
    text = "Les manifestants ont protesté contre la réforme des retraites."
    ev = one(events_of(text, nlp_fr, "fr"), "protesté")
    assert ev["plover"] == "PROTEST" and [a["sector"] for a in ev["sources"]] == ["OPP"]


@pytest.mark.slow
def test_refused_promises_and_conditions(nlp_en, nlp_fr) -> None:
    ev = one(events_of("The union will not sign the agreement.", nlp_en, "en"), "sign")
    assert (ev["plover"], ev["cameo"], ev["negated"]) == ("REJECT", "120", False)  # a refusal, not a negated promise
    text = "La Russie attaquerait l'Ukraine si les négociations échouaient."
    ev = one(events_of(text, nlp_fr, "fr"), "attaquerait")
    assert ev["plover"] == "ASSAULT" and ev["hypothetical"]


@pytest.mark.slow
def test_releasing_a_product_is_not_releasing_people(nlp_en) -> None:
    assert events_of("Apple released a new laptop on Wednesday.", nlp_en, "en") == []
    assert events_of("The ministry released a statement.", nlp_en, "en") == []
    text = "The rebels released twenty hostages."
    ev = one(events_of(text, nlp_en, "en"), "released")
    assert (ev["plover"], ev["mode"]) == ("RETREAT", "release")
    assert [actor(text, a) for a in ev["targets"]] == [("twenty hostages", None, "CVL")]
    ev = one(events_of("Ghanaian authorities have deported 168 Liberians.", nlp_en, "en"), "deported")
    assert ev["plover"] == "COERCE" and [a["country"] for a in ev["sources"]] == ["GHA"]


@pytest.mark.slow
def test_warnings_threaten_only_when_they_announce_an_act(nlp_en, nlp_fr) -> None:
    assert events_of("The central bank warned that prices would rise.", nlp_en, "en") == []
    assert events_of("Le ministre a averti que la croissance ralentissait.", nlp_fr, "fr") == []
    text = "The army warned that it will strike the rebels."
    spans = events_of(text, nlp_en, "en")
    assert [s.attrs["plover"] for s in spans] == ["THREATEN"]  # the strike is only announced
    assert [actor(text, a) for a in spans[0].attrs["targets"]] == [("the rebels", None, "REB")]


def test_lexicon_files_have_no_duplicate_entries() -> None:
    from newsdesk import lexicons

    for lang in event_languages():
        patterns = [(lemma, with_) for lemma, with_, *_ in lexicons.rows("events", f"verbs_{lang}")]
        assert len(patterns) == len(set(patterns)), lang  # a repeated pattern is dead: the first wins
        words = [word for word, *_ in lexicons.rows("events", f"sectors_{lang}")]
        assert len(words) == len(set(words)), lang
