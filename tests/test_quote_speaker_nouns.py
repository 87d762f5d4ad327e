"""Speakers written with a common noun: unnamed people get no name (the words stay in `speaker`),
institutions keep their noun, people of a named organisation speak for it."""

from __future__ import annotations

import pytest

from newsdesk.article import Span
from newsdesk.nlp.quotes import extract_quotes
from newsdesk.nlp.speaker_groups import group_name

pytestmark = pytest.mark.slow


def found(text: str, nlp, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(quote, speaker as written through its offsets, full name, reason) of every quote."""
    out = []
    for s in extract_quotes(text, nlp(text), lang=lang):
        sp = s.attrs["speaker_span"]
        written = text[sp[0] : sp[1]] if sp else None
        out.append((text[s.start : s.end], written, s.attrs["speaker_name"], s.attrs["reason"]))
    return out


def test_unnamed_people_have_no_name_in_french(nlp_fr) -> None:
    text = "Trois magistrats ont estimé que le décret restait suspendu jusqu'au procès."
    [(quote, written, name, reason)] = found(text, nlp_fr, "fr")
    assert quote == "que le décret restait suspendu jusqu'au procès"
    assert written == "Trois magistrats" and name is None and reason.startswith("unnamed")


def test_unnamed_people_have_no_name_in_english(nlp_en) -> None:
    text = "Analysts said that the merger could cost the bank several million dollars."
    [(quote, written, name, reason)] = found(text, nlp_en, "en")
    assert quote == "that the merger could cost the bank several million dollars"
    assert written == "Analysts" and name is None and reason.startswith("unnamed")


def test_an_institution_keeps_its_noun(nlp_fr) -> None:
    text = "Les pompiers ont affirmé que l'incendie était maîtrisé depuis la veille au soir."
    assert found(text, nlp_fr, "fr")[0][2] == "pompiers"


def test_noun_phrases_without_a_parse() -> None:
    assert group_name("officier de police", "fr") == (None, True)
    assert group_name("police russe", "fr") == ("police russe", False)
    assert group_name("Executives from several auto firms", "en") == (None, True)
    assert group_name("His staff", "en") == (None, True)
    assert group_name("Republican Party leaders", "en") == ("Republican Party", False)
    assert group_name("Union officials", "en") == ("Union officials", False)
    assert group_name("scientifiques du projet Virgo", "fr") == ("scientifiques du projet Virgo", False)


def test_people_of_a_nationality_and_others_are_unnamed(nlp_en) -> None:
    assert group_name("Peruvian bloggers", "en") == (None, True)
    assert group_name("Apple executives", "en") == ("Apple", False)
    assert group_name("Three ethics committees", "en") == (None, True)
    assert group_name("The ethics committee", "en") == ("The ethics committee", False)
    text = "Some praised the plan. Others, although unhappy with the delay, argued that the bridge was needed."
    assert found(text, nlp_en, "en")[0][1:3] == ("Others", None)


# -- acronyms ----------------------------------------------------------------------------------------------


def test_acronym_defined_in_parentheses_gives_the_full_name(nlp_en) -> None:
    text = (
        "The National Farmers Union (NFU) held its congress in Leeds on Monday.\n"
        "The NFU said that the drought would cut the wheat harvest by a third."
    )
    [(quote, written, name, _)] = found(text, nlp_en, "en")
    assert quote == "that the drought would cut the wheat harvest by a third"
    assert written == "The NFU" and name == "National Farmers Union"


def test_acronym_whose_letters_appear_in_an_organisation_name(nlp_en) -> None:
    text = (
        "Passengers of Malaysia Airlines were stranded in Perth on Sunday.\n"
        "MAS said that all flights would resume by Tuesday morning."
    )
    [(quote, written, name, _)] = found(text, nlp_en, "en")
    assert quote == "that all flights would resume by Tuesday morning"
    assert written == "MAS" and name == "Malaysia Airlines"


def test_parenthesised_acronym_does_not_leak_into_the_name(nlp_en) -> None:
    text = "Meanwhile, the Kenya Wildlife Service (KWS) said that the rhino had been moved to a sanctuary."
    [(quote, _, name, _)] = found(text, nlp_en, "en")
    assert quote == "that the rhino had been moved to a sanctuary"
    assert name == "Kenya Wildlife Service"


# -- broken speaker strings ----------------------------------------------------------------------------------


def test_coordinated_organisations_are_joined_without_articles(nlp_en) -> None:
    text = "The Financial Times and the Wall Street Journal both reported that the merger had been called off."
    [(quote, written, name, _)] = found(text, nlp_en, "en")
    assert quote == "that the merger had been called off"
    assert written.startswith("The Financial Times and the Wall Street Journal")
    assert name == "Financial Times and Wall Street Journal"


def test_coordination_helper() -> None:
    from newsdesk.nlp.speaker_names import coordinated

    assert coordinated("Libération et le Figaro tous deux") == "Libération et Figaro"
    assert coordinated("Bank of America") == "Bank of America"


def test_according_to_speaker_stops_before_the_verb(nlp_en) -> None:
    from newsdesk.nlp.quote_lexicon import load_lexicon
    from newsdesk.nlp.speakers import SpeakerResolver

    text = "Sales rose by 4,000 units, which, according to The Boston Globe is close to a record."
    start = text.index("The Boston")
    resolver = SpeakerResolver(text, nlp_en(text), load_lexicon("en"))
    speaker = resolver.resolve(start, text.index(" close") + len(" close"))
    assert speaker.name == "Boston Globe"


# -- documents and channels --------------------------------------------------------------------------------


def test_company_website_speaks_for_the_company(nlp_en) -> None:
    text = (
        "Shares of Nokia Corporation fell on Monday.\n"
        "According to the company website, the new phone will be sold in Europe from March."
    )
    [(quote, written, name, _)] = found(text, nlp_en, "en")
    assert quote == "the new phone will be sold in Europe from March"
    assert written == "the company website" and name == "Nokia Corporation"


def test_channel_is_not_the_speaker(nlp_fr) -> None:
    text = (
        "« Nous ne céderons pas », a déclaré le maire Paul Durand sur le réseau social Twitter."
    )
    [(quote, written, name, _)] = found(text, nlp_fr, "fr")
    assert quote == "« Nous ne céderons pas »"
    assert written == "le maire Paul Durand" and name == "Paul Durand"


# -- named speakers that were missed -------------------------------------------------------------------------


def test_organisation_named_in_apposition_to_an_indefinite_description(nlp_en) -> None:
    text = "A second Japanese carmaker, Mazda Motor Corporation, said that it would close two plants in May."
    [(quote, written, name, _)] = found(text, nlp_en, "en")
    assert quote == "that it would close two plants in May"
    assert written.startswith("A second Japanese carmaker, Mazda") and name == "Mazda Motor Corporation"


def test_role_of_an_entity_layer_person_is_read_from_the_text(nlp_fr) -> None:
    from newsdesk.article import Span

    text = (
        "Paul Durand , ministre camerounais de l'Intérieur, a visité la ville mardi. "
        "Selon le ministre, les routes seront rouvertes dès jeudi."
    )
    ents = [Span(start=0, end=len("Paul Durand"), label="PER", attrs={"name": "Paul Durand"})]
    spans = extract_quotes(text, nlp_fr(text), lang="fr", entities=ents)
    assert [(text[s.start : s.end], s.attrs["speaker_name"]) for s in spans] == [
        ("les routes seront rouvertes dès jeudi", "Paul Durand")
    ]


def test_organisation_opening_the_sentence_when_the_parser_took_the_headline_for_subject(nlp_en) -> None:
    text = (
        "Boeing aircraft deliveries plunge by 30%\nMarch 03, 2010\n"
        "Boeing Commercial Airplanes (BCA) announced on Tuesday that it delivered 40 fewer aircraft in February."
    )
    [(quote, _, name, _)] = found(text, nlp_en, "en")
    assert quote == "that it delivered 40 fewer aircraft in February"
    assert name == "Boeing Commercial Airplanes"
    from newsdesk.nlp.quote_lexicon import load_lexicon
    from newsdesk.nlp.speakers import SpeakerResolver

    resolver = SpeakerResolver(text, nlp_en(text), load_lexicon("en"))
    speaker = resolver.subject_before(text.index("announced"))
    assert speaker is not None and speaker.name == "Boeing Commercial Airplanes"
    assert text[speaker.span[0] : speaker.span[1]] == "Boeing Commercial Airplanes"


def test_plural_pronoun_goes_to_the_group_that_spoke_last(nlp_fr) -> None:
    text = (
        "Selon les gendarmes, la route était verglacée. Ils affirment avoir « prévenu la mairie à plusieurs "
        "reprises »."
    )
    result = found(text, nlp_fr, "fr")
    assert [(w, n) for _, w, n, _ in result] == [("les gendarmes", "gendarmes"), ("Ils", "gendarmes")]
    assert result[0][0] == "la route était verglacée"
    assert result[1][0].endswith("« prévenu la mairie à plusieurs reprises »")


def test_head_of_government_is_the_prime_minister(nlp_fr) -> None:
    text = (
        "Marc Vidal , le Premier ministre belge, a visité Anvers lundi. « Nous reconstruirons le port », a "
        "déclaré le chef du gouvernement sur Twitter."
    )
    result = found(text, nlp_fr, "fr")
    assert [(q, w, n) for q, w, n, _ in result] == [
        ("« Nous reconstruirons le port »", "le chef du gouvernement", "Marc Vidal")
    ]


def test_statement_on_an_organisations_website_speaks_for_it(nlp_en) -> None:
    from newsdesk.nlp.quote_lexicon import load_lexicon
    from newsdesk.nlp.speakers import SpeakerResolver

    text = (
        "Nokia Corporation opened a new plant.\n"
        'A statement on Nokia\'s website, the front page of which shows the plant, states: "We are proud."'
    )
    resolver = SpeakerResolver(text, nlp_en(text), load_lexicon("en"))
    speaker = resolver.subject_before(text.index("states"))
    assert speaker is not None and speaker.name == "Nokia Corporation"
    assert text[speaker.span[0] : speaker.span[1]] == "Nokia"


def test_person_named_among_an_unnamed_group(nlp_fr) -> None:
    from newsdesk.nlp.quote_lexicon import load_lexicon
    from newsdesk.nlp.speakers import SpeakerResolver

    text = "Selon certains experts, dont Marie Lefort, directrice de l'institut, la crise va durer."
    start = text.index("certains")
    resolver = SpeakerResolver(text, nlp_fr(text), load_lexicon("fr"))
    speaker = resolver.resolve(start, text.index(","))
    assert speaker.text == "certains experts" and speaker.name == "Marie Lefort"


def test_person_right_before_a_verb_without_subject_speaks(nlp_en) -> None:
    """The parser can attach the name to a fronted phrase ("At a meeting of X, party leader Jane Roe told …"
    parsed with "Roe" a conjunct of X); the person written right before the verb is still its subject."""
    from newsdesk.nlp.quote_lexicon import load_lexicon
    from newsdesk.nlp.speakers import SpeakerResolver

    text = "At a meeting of the Greens, party leader Jane Roe told delegates that she would go."
    start = text.index("Jane Roe")
    entities = [Span(start=start, end=start + len("Jane Roe"), label="PER", attrs={"name": "Jane Roe"})]
    resolver = SpeakerResolver(text, nlp_en(text), load_lexicon("en"), entities=entities)
    speaker = resolver.subject_before(text.index("told"))
    assert speaker is not None and speaker.name == "Jane Roe"
    assert resolver.subject_before(text.index("would")) is None  # "she" is no mention: nothing to take
