"""English reported speech without quote marks: reports the news sets showed missed (adverbial gerunds of a
speech verb, …) and spurious ones (…)."""

from __future__ import annotations

import pytest

from newsdesk.nlp.headline_glue import glued_headline
from newsdesk.nlp.quotes import extract_quotes


def found(text: str, nlp) -> list[tuple[str, str, str | None]]:
    """(quoted text, kind, resolved speaker) of each quote of `text`."""
    return [
        (text[s.start : s.end], s.attrs["kind"], s.attrs["speaker_name"])
        for s in extract_quotes(text, nlp(text), lang="en")
    ]


def spans(text: str, nlp) -> list[str]:
    return [q for q, _, _ in found(text, nlp)]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Insisting that the law was fair, Mayor Ann Cole refused to resign.",
            "that the law was fair",
            "Ann Cole",
        ),
        (
            "While noting that the budget was balanced, Senator Mark Ellis said the cuts would stay.",
            "that the budget was balanced",
            "Mark Ellis",
        ),
        (
            "After stressing that no ferry would sail before Monday, harbour master Tom Reyes closed the meeting.",
            "that no ferry would sail before Monday",
            "Tom Reyes",
        ),
    ],
)
def test_fronted_gerund_speaks_for_the_main_subject(text: str, quote: str, speaker: str, nlp_en) -> None:
    assert (quote, "indirect", speaker) in found(text, nlp_en)


def test_fronted_gerund_report_stops_before_the_main_clause(nlp_en) -> None:
    text = "While maintaining that the vote was fair, the chairman asked members to stay calm."
    assert spans(text, nlp_en) == ["that the vote was fair"]


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        (
            "Mayor Ann Cole: Harbour bridge will reopen in spring\nThe harbour bridge will reopen in April, Mayor Ann "
            "Cole said on Monday. \"We are on schedule,\" Cole said.",
            "Harbour bridge will reopen in spring",
            "Ann Cole",
        ),
        (
            "Cole: No new taxes before the vote CLOSE Mayor Ann Cole said on Monday that she would not raise taxes.",
            "No new taxes before the vote",
            "Ann Cole",
        ),
        (
            "Minister: Our farmers need rain, not promises Dublin, Ireland, Jan. 3 (Reuters) - Minister Tom Reilly "
            "said on Friday that the drought was the worst in forty years.",
            "Our farmers need rain, not promises",
            "Tom Reilly",
        ),
    ],
)
def test_headline_name_colon_claim_reports_the_speaker(text: str, claim: str, speaker: str, nlp_en) -> None:
    assert (claim, "indirect", speaker) in found(text, nlp_en)


@pytest.mark.parametrize(
    "text",
    [
        "Tennis: Local player wins the county open\nAnn Cole won the final on Sunday, the club said.",
        "Dani Olmo: Rovers submit a bid for the young midfielder\nRovers have offered ten million for the "
        "player, chairman Tom Reilly said.",
        "Dublin: Storm closes three schools\nThree schools closed on Monday, the council said.",
    ],
)
def test_headline_label_without_its_speaker_reports_nothing(text: str, nlp_en) -> None:
    first_line = text.split("\n")[0]
    assert not any(q in first_line for q in spans(text, nlp_en))


@pytest.mark.parametrize(
    "text",
    [
        "The party must explain its vote or else I conclude they support the attackers.",
        "And again, I say, you may despise us, but you must condemn such acts.",
        "If anyone asked me, I would say that the festival was a success.",
    ],
)
def test_writer_speaking_now_reports_nothing(text: str, nlp_en) -> None:
    assert not [q for q, kind, _ in found(text, nlp_en) if kind != "direct"]


def test_writer_reporting_own_earlier_words_is_kept(nlp_en) -> None:
    text = "As I announced last week on my blog, the new library website is now open for business."
    assert "the new library website is now open for business" in spans(text, nlp_en)


@pytest.mark.parametrize(
    "text",
    [
        "Troops stand ready in the valley, as another death in the region is confirmed.",
        "These figures say that more than two million homes have a broadband line.",
    ],
)
def test_passive_as_clause_and_data_subject_report_nothing(text: str, nlp_en) -> None:
    assert spans(text, nlp_en) == []


def test_active_as_clause_still_reports(nlp_en) -> None:
    text = "Prices have fallen for three months, as the central bank noted on Friday."
    assert "Prices have fallen for three months" in spans(text, nlp_en)


@pytest.mark.parametrize(
    ("text", "headline", "body"),
    [
        (
            "Ferry service may not resume before spring ODESSA - The port authority said on Friday that …",
            "Ferry service may not resume before spring",
            "The port authority said",
        ),
        (
            "Storm cuts power to thousands across the valley SPRINGFIELD (AP) — Crews worked through the night …",
            "Storm cuts power to thousands across the valley",
            "Crews worked",
        ),
        (
            "Bridge closes as river keeps rising Two lanes were shut on Monday, the council said.",
            "Bridge closes as river keeps rising",
            "Two lanes were shut",
        ),
    ],
)
def test_glued_headline_is_found(text: str, headline: str, body: str) -> None:
    end, start = glued_headline(text)
    assert text[:end].strip() == headline
    assert text[start:].startswith(body)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said on Monday that the bridge would reopen. Crews were at work.",
        "Council approves budget\nThe council approved the budget on Monday.",
        "A member of the Single Member Constituency (SMC) – Ann Lee, earlier this year, resigned her seat.",
        "Is Rain A Good Enough Reason To Postpone The County Fair? Organisers do not think so.",
    ],
)
def test_no_glued_headline(text: str) -> None:
    assert glued_headline(text) is None


def test_report_in_glued_headline_stops_where_the_body_starts(nlp_en) -> None:
    text = (
        "Lee says talks with the union will resume soon LONDON (Reuters) - Transport minister Ann Lee said on "
        "Tuesday that talks with the rail union would resume next week."
    )
    found_spans = spans(text, nlp_en)
    assert "talks with the union will resume soon" in found_spans
    assert "that talks with the rail union would resume next week" in found_spans


def test_body_report_leaves_the_glued_headline_out(nlp_en) -> None:
    text = (
        "Tree falls onto city home, killing woman inside A woman was killed early Tuesday when a tree fell on her "
        "home, a fire spokesman said."
    )
    assert "A woman was killed early Tuesday when a tree fell on her home" in spans(text, nlp_en)


@pytest.mark.parametrize(
    "text",
    [
        "The organiser lamented the fact that the singer declined to attend the festival.",
        "A reader signing himself as Worried Dad, wrote: This whole case stinks of favours.",
        "(Former governor Ann Lee said on TV): Our policy about the dam is very clear.",
    ],
)
def test_noun_clause_and_text_after_a_colon_report_nothing(text: str, nlp_en) -> None:
    assert spans(text, nlp_en) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The minister assured the public that the water was safe to drink.", "that the water was safe to drink"),
        ("The club denied reports that the coach had resigned.", "that the coach had resigned"),
    ],
)
def test_object_before_that_clause_keeps_the_report(text: str, quote: str, nlp_en) -> None:
    assert quote in spans(text, nlp_en)


def test_report_in_a_fronted_subordinate_clause_stops_at_its_comma(nlp_en) -> None:
    text = "Although the council said the level of lead is far below the limit, researchers found traces in the water."
    assert "the level of lead is far below the limit" in spans(text, nlp_en)


def test_plural_role_noun_speaks_with_an_inference_verb(nlp_en) -> None:
    text = "The professors indicated that there is a commitment to publish new course material online."
    assert "that there is a commitment to publish new course material online" in spans(text, nlp_en)


def test_inverted_parenthetical_after_a_linking_adverb_leaves_it_out(nlp_en) -> None:
    text = "Indeed, reports the local paper, one council member even set up a page praising the vandals."
    assert "one council member even set up a page praising the vandals" in spans(text, nlp_en)


def test_inverted_attribution_of_a_quote_opens_no_report(nlp_en) -> None:
    text = '"Keep fighting through it," says coach Ann Lee You only have so many chances in a season.'
    assert [kind for _, kind, _ in found(text, nlp_en)] == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        "The lawmakers had lost their seats according to the national constitution.",
        "Remarks by the police chief that permits will be required did not stop the marchers.",
    ],
)
def test_law_and_subject_noun_report_nothing(text: str, nlp_en) -> None:
    assert spans(text, nlp_en) == []


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        (
            "Two hurt in hotel shooting, county police say Two men were hurt in a shooting early Sunday at a hotel "
            "downtown, according to county police.",
            "Two hurt in hotel shooting",
            "county police",
        ),
        (
            "Comeback is just round the corner, insists Ann Cole\nAnn Cole believes she will play again in March.",
            "Comeback is just round the corner",
            "Ann Cole",
        ),
    ],
)
def test_headline_closed_by_its_attribution(text: str, claim: str, speaker: str | None, nlp_en) -> None:
    assert (claim, "indirect", speaker) in found(text, nlp_en)


def test_headline_closed_by_data_reports_nothing(nlp_en) -> None:
    text = "Senator would win every county but two, polls say\nThe senator leads in most counties."
    assert spans(text, nlp_en) == []


def test_repeated_name_ends_a_glued_headline() -> None:
    text = "Comeback near insists Ann Cole Ann Cole believes she will play again in March."
    end, start = glued_headline(text)
    assert text[:end] == "Comeback near insists Ann Cole"
    assert text[start:].startswith("Ann Cole believes")


def test_verb_after_a_quoted_sentence_attributes_it_and_reports_nothing_more(nlp_en) -> None:
    text = "“The nurses explained it really well and we were ready,” Hawa announced their baby was born at dawn."
    assert [kind for _, kind, _ in found(text, nlp_en)] == ["direct"]


def test_participle_after_a_quote_still_reports(nlp_en) -> None:
    text = "“We are very happy with the care we got,” she said, adding that the baby was healthy."
    assert "that the baby was healthy" in spans(text, nlp_en)


def test_incise_before_a_colon_and_a_quote_reports_the_clause_before(nlp_en) -> None:
    text = "The talks with the rail union failed again, said the mayor: “We will try again next week.”"
    assert "The talks with the rail union failed again" in spans(text, nlp_en)
