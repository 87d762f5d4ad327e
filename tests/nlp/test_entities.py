"""Entity recognition on the sample page, on rule-only German and Spanish pages, and as a pipeline step."""

from __future__ import annotations

import pytest

from newsdesk.article import Article, Span
from newsdesk.nlp.entities import EntityStep, Recogniser
from newsdesk.pipeline import Pipeline, StepStats

DE_PAGE = (
    "Das Weiße Haus erklärte am Donnerstag, der russische Verteidigungsminister Sergej Schoigu habe bei einem "
    "Besuch in Pjöngjang über Munition gesprochen. Der Sprecher des Nationalen Sicherheitsrats, John Kirby, "
    "sagte, Nordkorea unterstütze Moskau. Schoigu war auf Einladung von Machthaber Kim Jong Un in Nordkorea. "
    "Der Kreml wies die Vorwürfe zurück. Kirby sagte auch, die Söldnergruppe Wagner habe Waffen erhalten. "
    "Herr Kirby verwies auf Russland."
)

ES_PAGE = (
    "La Casa Blanca afirmó el jueves que el ministro de Defensa ruso, Serguéi Shoigú, habló con funcionarios "
    "norcoreanos durante una visita a Pyongyang. El portavoz del Consejo de Seguridad Nacional, John Kirby, dijo "
    "que Corea del Norte ayuda a Moscú. El presidente ruso Vladímir Putin envió a Shoigú. El líder chino Xi "
    "Jinping prometió apoyo. El grupo Wagner recibió armas. Según Kirby, el Kremlin depende de Irán."
)


def check_offsets(text: str, spans: list[Span]) -> None:
    for span in spans:
        assert text[span.start : span.end] == span.attrs["text"], span
        assert span.label in ("PER", "ORG", "LOC", "MISC")
        assert set(span.attrs) >= {"text", "name", "entity_id", "role", "country", "government_of", "source"}


def find(spans: list[Span], text: str, label: str | None = None) -> list[Span]:
    return [s for s in spans if s.attrs["text"] == text and (label is None or s.label == label)]


@pytest.fixture(scope="module")
def seed_spans(seed_page: str) -> list[Span]:
    from newsdesk.errors import ModelError
    from newsdesk.nlp import models

    try:
        nlp = models.load("fr")
    except ModelError as exc:
        pytest.skip(str(exc))
    rec = Recogniser("fr", nlp)
    spans = rec.spans(next(rec.docs([seed_page])))
    check_offsets(seed_page, spans)
    return spans


def test_seed_persons_with_roles_and_countries(seed_page: str, seed_spans: list[Span]) -> None:
    kirby = find(seed_spans, "John Kirby", "PER")
    assert len(kirby) == 2
    assert kirby[0].attrs["role"] == "porte-parole du Conseil de sécurité nationale"
    assert kirby[1].attrs["role"] == "porte-parole du Conseil de sécurité nationale de la Maison Blanche"

    shoigu = find(seed_spans, "Sergei Shoigu", "PER")[0]
    assert shoigu.attrs["role"] == "ministre de la Défense"
    assert shoigu.attrs["country"] == "RUS"

    putin = find(seed_spans, "Vladimir Poutine", "PER")
    assert len(putin) == 2 and all(s.attrs["role"] == "président" and s.attrs["country"] == "RUS" for s in putin)

    xi = find(seed_spans, "Xi Jinping", "PER")[0]
    assert (xi.attrs["role"], xi.attrs["country"]) == ("dirigeant", "CHN")

    blinken = find(seed_spans, "Antony Blinken", "PER")[0]
    assert blinken.attrs["role"] in ("secrétaire d’État", "secrétaire d'État")
    assert find(seed_spans, "Evan Vucci", "PER")
    # the title itself is not an entity ("d'État" is no place)
    assert not [s for s in seed_spans if s.attrs["text"] == "État"]


def test_seed_short_mentions_resolve_to_the_full_name(seed_page: str, seed_spans: list[Span]) -> None:
    shoigu = find(seed_spans, "Shoigu", "PER")
    assert len(shoigu) == 2 and all(s.attrs["name"] == "Sergei Shoigu" for s in shoigu)
    kirby = find(seed_spans, "Kirby", "PER")
    assert kirby and all(s.attrs["name"] == "John Kirby" for s in kirby)
    putin = find(seed_spans, "Poutine", "PER")
    assert len(putin) == 2 and all(s.attrs["name"] == "Vladimir Poutine" for s in putin)
    # "M. Poutine": the courtesy title is not part of the name
    start = seed_page.index("M. Poutine") + 3
    assert any(s.start == start and s.attrs["name"] == "Vladimir Poutine" for s in putin)
    # a French transliteration of the same surname: "Choïgou" normalises to "shoigu" like "Shoigu"
    choigou = find(seed_spans, "Choïgou")
    assert len(choigou) == 1 and choigou[0].label == "PER"
    assert choigou[0].attrs["name"] == "Sergei Shoigu"


def test_spelling_variants_within_an_article_need_identical_normalised_names() -> None:
    from newsdesk.nlp.entities import same_surname

    assert same_surname("Choïgou", "Sergei Shoigu", "fr")
    assert same_surname("Poutine", "Vladimir Putin", "fr")
    assert not same_surname("Blinkin", "Antony Blinken", "fr")  # close is not enough without context
    assert not same_surname("Marcon", "Emmanuel Macron", "fr")


def test_variant_matching_can_be_turned_off() -> None:
    text = "Le ministre russe de la Défense, Sergei Shoigu, est arrivé. M. Choïgou a parlé."
    names = {}
    for same_name in (None, "default"):
        rec = Recogniser("fr", None) if same_name else Recogniser("fr", None, same_name=None)
        spans = rec.spans(next(rec.docs([text])))
        check_offsets(text, spans)
        names[same_name] = [s.attrs["name"] for s in spans if s.attrs["text"] == "Choïgou"]
    assert names == {None: ["Choïgou"], "default": ["Sergei Shoigu"]}


def test_seed_organisations_and_places(seed_page: str, seed_spans: list[Span]) -> None:
    wagner = find(seed_spans, "Wagner")
    assert len(wagner) == 1 and wagner[0].label == "ORG"
    korea = find(seed_spans, "Corée du Nord", "LOC")
    assert len(korea) >= 10 and all(s.attrs["country"] == "PRK" for s in korea)
    assert {s.attrs["country"] for s in find(seed_spans, "Pyongyang", "LOC")} == {"PRK"}
    assert {s.attrs["country"] for s in find(seed_spans, "Russie", "LOC")} == {"RUS"}
    assert {s.attrs["country"] for s in find(seed_spans, "Moscou", "LOC")} == {"RUS"}
    kremlin = find(seed_spans, "Kremlin")
    assert len(kremlin) == 2 and all(s.attrs["government_of"] == "RUS" for s in kremlin)
    white_house = find(seed_spans, "Maison Blanche")
    # 8 mentions, one inside "Conseil de sécurité nationale de la Maison Blanche"
    assert find(seed_spans, "Conseil de sécurité nationale de la Maison Blanche", "ORG")
    assert len(white_house) == 7 and all(s.attrs["government_of"] == "USA" for s in white_house)
    # "Moscou fournirait au Nord...": metonymy; "une visite à Pyongyang": a place
    moscow_acts = seed_page.index("Moscou fournirait")
    assert [s.attrs["government_of"] for s in seed_spans if s.start == moscow_acts] == ["RUS"]
    visit = seed_page.index("visite à Pyongyang") + len("visite à ")
    assert [s.attrs["government_of"] for s in seed_spans if s.start == visit] == [None]


def _rule_only(lang: str, text: str) -> list[Span]:
    rec = Recogniser(lang, None)
    spans = rec.spans(next(rec.docs([text])))
    check_offsets(text, spans)
    assert all(s.attrs["source"] == "rule" for s in spans)
    return spans


def test_german_page_from_rules_alone() -> None:
    spans = _rule_only("de", DE_PAGE)
    shoigu = find(spans, "Sergej Schoigu", "PER")[0]
    assert (shoigu.attrs["role"], shoigu.attrs["country"]) == ("Verteidigungsminister", "RUS")
    kirby = find(spans, "John Kirby", "PER")[0]
    assert kirby.attrs["role"] == "Sprecher des Nationalen Sicherheitsrats"
    assert find(spans, "Kim Jong Un", "PER")[0].attrs["role"] == "Machthaber"
    assert [s.attrs["name"] for s in find(spans, "Schoigu")] == ["Sergej Schoigu"]
    assert len(find(spans, "Kirby", "PER")) == 2  # "Kirby sagte", "Herr Kirby"
    assert all(s.attrs["name"] == "John Kirby" for s in find(spans, "Kirby"))
    assert find(spans, "Wagner", "ORG")
    assert {s.attrs["country"] for s in find(spans, "Nordkorea", "LOC")} == {"PRK"}
    assert find(spans, "Pjöngjang", "LOC")[0].attrs["country"] == "PRK"
    assert find(spans, "Kreml", "ORG")[0].attrs["government_of"] == "RUS"
    assert find(spans, "Weiße Haus", "ORG")[0].attrs["government_of"] == "USA"
    assert find(spans, "Russland", "LOC")[0].attrs["country"] == "RUS"


def test_spanish_page_from_rules_alone() -> None:
    spans = _rule_only("es", ES_PAGE)
    shoigu = find(spans, "Serguéi Shoigú", "PER")[0]
    assert (shoigu.attrs["role"], shoigu.attrs["country"]) == ("ministro de Defensa", "RUS")
    assert find(spans, "John Kirby", "PER")[0].attrs["role"] == "portavoz del Consejo de Seguridad Nacional"
    putin = find(spans, "Vladímir Putin", "PER")[0]
    assert (putin.attrs["role"], putin.attrs["country"]) == ("presidente", "RUS")
    xi = find(spans, "Xi Jinping", "PER")[0]
    assert (xi.attrs["role"], xi.attrs["country"]) == ("líder", "CHN")
    assert [s.attrs["name"] for s in find(spans, "Shoigú")] == ["Serguéi Shoigú"]
    assert find(spans, "Kirby")[0].attrs["name"] == "John Kirby"
    assert find(spans, "Wagner", "ORG")
    assert find(spans, "Corea del Norte", "LOC")[0].attrs["country"] == "PRK"
    assert find(spans, "Casa Blanca", "ORG")[0].attrs["government_of"] == "USA"
    assert find(spans, "Kremlin", "ORG")[0].attrs["government_of"] == "RUS"
    assert find(spans, "Irán", "LOC")[0].attrs["country"] == "IRN"
    # the UN Security Council is not named here: "Consejo de Seguridad Nacional" is a longer name
    assert not find(spans, "Consejo de Seguridad")


def test_step_annotates_articles_by_language_and_passes_copies_through() -> None:
    articles = [
        Article(id="de1", source="t", text=DE_PAGE, lang="de"),
        Article(id="es1", source="t", text=ES_PAGE, lang="es"),
        Article(id="copy", source="t", text=DE_PAGE, lang="de", duplicate_of="de1"),
        Article(id="zz", source="t", text="Quelque chose.", lang="zz"),
        Article(id="none", source="t", text="Kein Sprachcode.", lang=None),
    ]
    step = EntityStep(models={"de": None, "es": None}, batch_size=2)
    result = Pipeline([_LangGiven(), step]).run(articles, keep=True)
    out = {a.id: a for a in result.articles}
    assert [a.id for a in result.articles] == ["de1", "es1", "copy", "zz", "none"]
    assert find(out["de1"].spans["entities"], "Sergej Schoigu", "PER")
    assert find(out["es1"].spans["entities"], "Serguéi Shoigú", "PER")
    assert "entities" not in out["copy"].spans and "entities" not in out["zz"].spans
    stats = result.steps[1]
    assert stats.counters["articles"] == 2
    assert stats.counters["rules_only"] == 2
    assert stats.counters["skipped_copy"] == 1
    assert stats.counters["unsupported_lang.zz"] == 1
    assert stats.counters["no_lang"] == 1
    assert stats.counters["spans.PER"] == sum(
        1 for a in result.articles for s in a.spans.get("entities", []) if s.label == "PER"
    )


def test_step_loads_each_model_once_through_the_loader() -> None:
    calls: list[str] = []

    def loader(lang: str):
        calls.append(lang)
        return None

    step = EntityStep(models=loader)
    arts = [Article(id=f"a{i}", source="t", text=ES_PAGE, lang="es") for i in range(3)]
    list(step(iter(arts), StepStats(name="entities")))
    assert calls == ["es"]
    assert all(find(a.spans["entities"], "Xi Jinping", "PER") for a in arts)


class _LangGiven:
    """A stand-in language step: the articles above already carry their language."""

    name = "langid"
    needs = ()
    adds = ("lang",)

    def __call__(self, articles, stats):
        yield from articles


@pytest.mark.slow
def test_office_name_found_by_the_model_is_not_part_of_the_name(nlp_en) -> None:
    text = "The ships are late, said Chairman of the Federal Reserve Board Alan Greenspan on Tuesday."
    rec = Recogniser("en", nlp_en)
    persons = [s for s in rec.spans(nlp_en(text)) if s.label == "PER"]
    assert [(s.attrs["text"], s.attrs["role"]) for s in persons] == [
        ("Alan Greenspan", "Chairman of the Federal Reserve Board")
    ]


@pytest.mark.slow
def test_title_word_opening_an_organisation_name_is_no_title(nlp_en) -> None:
    text = "The plant will close in March, a General Dynamics manager said. General Dynamics makes submarines."
    rec = Recogniser("en", nlp_en)
    spans = rec.spans(nlp_en(text))
    assert not [s for s in spans if s.label == "PER"]


@pytest.mark.slow
def test_possessive_before_a_person_name_is_trimmed(nlp_en) -> None:
    text = "The ban will be lifted soon, Malawi’s Joyce Banda told reporters on Monday."
    rec = Recogniser("en", nlp_en)
    persons = [s.attrs["text"] for s in rec.spans(nlp_en(text)) if s.label == "PER"]
    assert persons == ["Joyce Banda"]


@pytest.mark.slow
def test_nationality_before_an_organisation_name_makes_no_person(nlp_en) -> None:
    text = "Jane Roe, the president of the Canadian Auto Workers, said the deal would hold."
    rec = Recogniser("en", nlp_en)
    spans = rec.spans(nlp_en(text))
    assert [s.attrs["text"] for s in spans if s.label == "PER"] == ["Jane Roe"]


@pytest.mark.slow
def test_a_name_cut_inside_its_particles_runs_to_the_surname(nlp_en) -> None:
    text = "Commission President Ingrid von der Marwitz spoke in Brussels on Monday."
    rec = Recogniser("en", nlp_en)
    spans = rec.spans(nlp_en(text))
    check_offsets(text, spans)
    persons = [s.attrs["text"] for s in spans if s.label == "PER"]
    assert persons == ["Ingrid von der Marwitz"]
    assert not [s for s in spans if s.label != "PER" and "Marwitz" in s.attrs["text"]]


def _resolved(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, int, str, str]]:
    """The entity layer's within-article resolution of model spans given as (written text, label), each the
    first occurrence after the previous one: (label, start, written, name) of every span."""
    from newsdesk.nlp.entities import _Ent

    ents, pos = [], 0
    for written, label in tagged:
        start = text.index(written, pos)
        ents.append(_Ent(start=start, end=start + len(written), label=label, source="model"))
        pos = start + len(written)
    out = Recogniser("en", None)._resolve(text, ents)
    return [(e.label, e.start, text[e.start : e.end], e.attrs.get("name", "")) for e in out]


def test_a_given_name_tagged_as_a_place_or_thing_repeats_the_person_named_before() -> None:
    text = "Lorna Pike runs the bakery on Mill Lane. Later Lorna told the council that prices rose."
    spans = _resolved(text, [("Lorna Pike", "PER"), ("Mill Lane", "LOC"), ("Lorna", "MISC")])
    assert ("PER", 47, "Lorna", "Lorna Pike") in spans
    # a known place keeps its label, and so does an acronym
    text = "Paris Quinlan opened a shop. Paris welcomed the tourists."
    assert ("LOC", 29, "Paris", "") in _resolved(text, [("Paris Quinlan", "PER"), ("Paris", "LOC")])
    text = "SPCA North Peace took the dogs. The SPCA said they were well."
    assert ("ORG", 36, "SPCA", "") in _resolved(text, [("SPCA North Peace", "PER"), ("SPCA", "ORG")])


def test_a_given_name_coordinated_with_a_full_name_shares_its_surname() -> None:
    text = "Mirela and Tobias Grund opened the cafe in May. Mirela said the rent was high."
    spans = _resolved(text, [("Mirela", "LOC"), ("Tobias Grund", "PER"), ("Mirela", "LOC")])
    assert ("PER", 0, "Mirela", "Mirela Grund") in spans
    assert ("PER", 48, "Mirela", "Mirela Grund") in spans
    assert ("PER", 11, "Tobias Grund", "Tobias Grund") in spans
    # a surname of someone else in the article is another person: "Okafor and Tobias Grund"
    text = "Ada Okafor spoke first. Okafor and Tobias Grund then met the press. Okafor said no."
    spans = _resolved(text, [("Ada Okafor", "PER"), ("Okafor", "PER"), ("Tobias Grund", "PER"), ("Okafor", "PER")])
    assert [s[3] for s in spans if s[2] == "Okafor"] == ["Ada Okafor", "Ada Okafor"]


def test_headline_and_credit_words_glued_to_a_name_are_not_part_of_it() -> None:
    from newsdesk.nlp.entities import _Ent, _without_headline_words

    def trimmed(text: str, written: str) -> tuple[str, int, int]:
        start = text.index(written)
        item = _Ent(start=start, end=start + len(written), label="PER", source="model")
        name = _without_headline_words(text, item, frozenset({"van", "de"}))
        assert text[item.start : item.end] == name
        return name, item.start, item.end

    text = "Rising Prices Worry Olsen\nOlsen said prices keep rising and many worry about rent."
    assert trimmed(text, "Rising Prices Worry Olsen") == ("Olsen", 20, 25)
    text = "Recovering Mia Tarvainen thanked the nurses after recovering from surgery."
    assert trimmed(text, "Recovering Mia Tarvainen") == ("Mia Tarvainen", 11, 24)
    text = "Getty Mia Tarvainen at the gallery. She opened it on Friday."
    assert trimmed(text, "Getty Mia Tarvainen") == ("Mia Tarvainen", 6, 19)
    # one common word next to a one-word name stays: "Bill" of "Bill Okoro" beside a parliamentary bill
    text = "Bill Okoro backed the bill on Monday."
    assert trimmed(text, "Bill Okoro") == ("Bill Okoro", 0, 10)
    text = "Mia van Dam spoke to the van drivers."
    assert trimmed(text, "Mia van Dam") == ("Mia van Dam", 0, 11)


def test_a_headline_surname_before_the_full_name_is_that_person() -> None:
    text = "Okoro wins the vote\nAda Okoro won the council vote on Monday."
    assert _resolved(text, [("Ada Okoro", "PER")])[0] == ("PER", 0, "Okoro", "Ada Okoro")


@pytest.mark.slow
def test_a_given_name_tagged_apart_joins_the_persons_name(nlp_fr) -> None:
    text = (
        "Le dirigeant de l'Autorité des technologies de communication (BTK) Ömer Fatih Sayan exige que "
        "les articles soient retirés."
    )
    spans = Recogniser("fr", nlp_fr).spans(nlp_fr(text))
    check_offsets(text, spans)
    assert [text[s.start : s.end] for s in spans if s.label == "PER"] == ["Ömer Fatih Sayan"]


def test_a_word_after_a_determiner_or_seen_elsewhere_stays_out_of_the_name() -> None:
    from newsdesk.nlp.entities import _Ent

    rec = Recogniser("fr", None)
    for text, word, name in (
        ("Le sprint est gagné par le Strasbourgeois Nathan Guerbeur.", "Strasbourgeois", "Nathan Guerbeur"),
        ("Chelsea a gagné. Chelsea Frank Lampard marque.", "Chelsea", "Frank Lampard"),
        ("Le chef (BTK) Ömer Fatih Sayan exige.", "Ömer", "Fatih Sayan"),
    ):
        w, n = text.rindex(word), text.index(name)
        ents = [_Ent(start=w, end=w + len(word), label="ORG", source="model"),
                _Ent(start=n, end=n + len(name), label="PER", source="model")]
        persons = [text[e.start : e.end] for e in rec._given_names(text, ents) if e.label == "PER"]
        assert persons == ([f"{word} {name}"] if word == "Ömer" else [name]), text
