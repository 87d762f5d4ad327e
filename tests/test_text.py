"""The shared matching keys of newsdesk.text."""

from newsdesk.nlp import places
from newsdesk.stories import features
from newsdesk.text import fold, tidy


def test_fold_drops_case_accents_and_compatibility_forms():
    assert fold("Pékin") == fold("PEKIN") == "pekin"
    assert fold("Choïgou") == "choigou"
    assert fold("ﬁnale Ｅｕｒｏ") == "finale euro"  # ligature and full-width letters
    assert fold("Москва") == "москва"  # other scripts keep their letters


def test_tidy_straightens_apostrophes_and_spaces():
    assert tidy("  l’ Ukraine   et\tla  Côte d' Ivoire ") == "l'Ukraine et la Côte d'Ivoire"
    assert fold("L’ Élysée") == "l'elysee"


def test_places_and_stories_use_the_same_fold():
    assert places.fold is fold and features.fold is fold
    assert places.norm("Pékin") == "pékin"  # norm keeps accents
