"""The names other code imports from newsdesk.nlp.quotes stay there, as the objects of the modules that hold them."""

from __future__ import annotations

from newsdesk.nlp import quotes, quotes_merge, quotes_model, quotes_select, quotes_spans


def test_public_names_are_reexported() -> None:
    for name in quotes.__all__:
        assert hasattr(quotes, name), name
    assert quotes.load_model is quotes_model.load_model
    assert quotes.line_breaks is quotes_model.line_breaks
    assert quotes.title_abbreviations is quotes_model.title_abbreviations
    assert quotes.MAX_FRAGMENT_WORDS == quotes_select.MAX_FRAGMENT_WORDS == 8
    assert quotes.CONTINUE_GAP == quotes_spans.CONTINUE_GAP == 400


def test_merge_attributes_no_quote_without_quotes() -> None:
    merged = quotes_merge.merge_reported([], [], "Il a dit que tout allait bien.")
    assert merged.items == [] and merged.absorbed == set() and merged.complements == set()
