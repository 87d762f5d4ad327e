from newsdesk.nlp import parses


class CountingPipeline:
    """A stand-in for a spaCy pipeline that records which texts it parsed."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def pipe(self, texts):
        for text in texts:
            self.parsed.append(text)
            yield ("doc", text)


def test_a_second_step_reuses_the_parses_of_the_first():
    parses.forget()
    nlp = CountingPipeline()
    first = parses.parse(nlp, ["a", "b"])
    again = parses.parse(nlp, ["b", "c", "a"])
    assert nlp.parsed == ["a", "b", "c"]
    assert again == [first[1], ("doc", "c"), first[0]]
    assert again[0] is first[1]


def test_parses_are_kept_per_pipeline():
    parses.forget()
    one, other = CountingPipeline(), CountingPipeline()
    parses.parse(one, ["same text"])
    parses.parse(other, ["same text"])
    assert one.parsed == other.parsed == ["same text"]


def test_only_the_recent_parses_are_kept():
    parses.forget()
    nlp = CountingPipeline()
    texts = [f"text {k}" for k in range(parses.RECENT + 1)]
    parses.parse(nlp, texts)
    parses.parse(nlp, [texts[0], texts[-1]])
    assert nlp.parsed.count(texts[0]) == 2  # the oldest was dropped
    assert nlp.parsed.count(texts[-1]) == 1
    parses.forget()
