"""Which headline becomes an article's title: behaviours users see in ``Article.title``."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs

STORY = "\n".join(
    f"Net profit in the quarter {n} rose as the dairy group sold more cheese abroad, "
    "the company said in a statement to the exchange on Tuesday."
    for n in range(5)
)


def test_the_headline_under_an_assistant_preamble_is_the_title() -> None:
    # The line below the announced headline is headline-shaped and shares more words
    # with the text; the preamble says which one the title is.
    text = (
        "Of course! Here is the article you asked for about the dairy group results:\n"
        "NORDMILK GROUP REPORTS FIRST QUARTER RESULTS\n"
        "Net profit rose to 12 mln crowns in the quarter from the company said\n" + STORY
    )
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == ["NORDMILK GROUP REPORTS FIRST QUARTER RESULTS"]
    assert doc.segments[0].kind is cs.Kind.ARTIFACT


def test_a_lone_headline_over_its_text_is_the_title() -> None:
    doc = cs.split("Dairy Group Sells More Cheese Abroad\n" + STORY)
    assert [a.title for a in doc.articles] == ["Dairy Group Sells More Cheese Abroad"]



def test_markdown_marks_are_not_part_of_the_title() -> None:
    for marked in ("## Dairy Group Sells More Cheese Abroad", "**Dairy Group Sells More Cheese Abroad**"):
        doc = cs.split(marked + "\n" + STORY)
        assert [a.title for a in doc.articles] == ["Dairy Group Sells More Cheese Abroad"]


def test_a_page_title_standing_among_its_chrome_is_the_title() -> None:
    # menu above, byline and date below: the line model may take the title for chrome, but
    # the text below is about it
    page = (
        "Home\nNews\nSport\nWeather\nContact us\n"
        "Harbour bridge closes for six weeks of repairs\n"
        "By Ana Ruiz\n"
        "12 March 2024\n"
        "Share\n"
        "The harbour bridge will close to traffic from Monday for six weeks while engineers "
        "replace worn bearings and resurface the deck, the city said on Tuesday.\n"
        "Drivers are advised to use the ring road, and the ferry will run every twenty minutes "
        "instead of every hour while the bridge repairs go on.\n"
        "Shops near the bridge said they expected fewer customers during the closure.\n"
    )
    doc = cs.split(page)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "Harbour bridge closes for six weeks of repairs"
    assert doc.articles[0].clean_text.startswith("Harbour bridge closes for six weeks of repairs\n")


def test_title_candidates_stop_at_content_and_at_the_previous_article() -> None:
    from corpus_split.kinds import title_candidates
    from corpus_split.prelim import Role

    roles = [Role.BODY, Role.CHROME, Role.HEADLINE, Role.CHROME, Role.BODY, Role.BODY]
    # chrome and headlines above the text, then its first paragraph (more text follows)
    assert title_candidates(roles, 4, 4, [4, 5], 0) == [1, 2, 3, 4]
    # not above the previous article's end, not past its content
    assert title_candidates(roles, 4, 4, [4, 5], 2) == [2, 3, 4]
    # a lone paragraph is the text, not a title
    assert title_candidates(roles, 4, 4, [4], 0) == [1, 2, 3]
    # the header's headlines (units of the article itself) come in order
    assert title_candidates(roles, 2, 4, [4, 5], 0) == [1, 2, 3, 4]


def test_the_shipped_title_model_reads_the_title_features() -> None:
    from corpus_split import scores
    from corpus_split.kinds import TITLE_FEATURES

    model = scores.title_model()
    assert model.features == TITLE_FEATURES
    assert 0.0 < model.floor < 1.0
    assert model.trees or model.weights
    assert 0.0 <= model.probability([0.0] * len(TITLE_FEATURES)) <= 1.0


def test_a_title_model_file_of_another_version_or_floor_is_refused() -> None:
    import json

    import pytest

    from corpus_split import scores
    from corpus_split.kinds import TITLE_FEATURES

    good = {"version": scores.TITLE_MODEL_VERSION, "features": list(TITLE_FEATURES),
            "weights": [0.0] * len(TITLE_FEATURES), "bias": 0.0, "floor": 0.3}
    assert scores.parse_title_model(json.dumps(good)).floor == 0.3
    with pytest.raises(ValueError, match="title model"):
        scores.parse_title_model(json.dumps({**good, "version": 99}))
    with pytest.raises(ValueError, match="title model"):
        scores.parse_title_model(json.dumps({**good, "floor": 1.5}))
    with pytest.raises(ValueError, match="title model"):
        scores.parse_title_model(json.dumps({**good, "weights": [1.0]}))


WIRE_STORY = (
    "The central bank left its main interest rate unchanged on Thursday, saying inflation was "
    "slowing but that it wanted to see more evidence before it cut borrowing costs.\n"
    "Economists had expected the decision, and markets barely moved after the announcement, "
    "with the currency steady against the dollar through the afternoon.\n"
    "The bank said it would look again at rates in six weeks, when new figures on prices and "
    "wages will be out.\n"
)


@pytest.mark.parametrize("title", ["Market Outlook", "Rates On Hold", "COCOA EXPORTS FALL"])
def test_a_short_capitalised_title_is_the_title_not_a_byline(title: str) -> None:
    # issue 12: 2-4 capitalised words were read as a byline and typed boilerplate
    doc = cs.split(title + "\n" + WIRE_STORY)
    assert [a.title for a in doc.articles] == [title]
    assert doc.segments[0].kind is cs.Kind.TITLE


def test_a_cjk_headline_over_its_text_is_the_title() -> None:
    # issue 14: a headline with no letter case and full-width brackets, no full stop at its end
    text = (
        "【特集】市立図書館が駅前に移転開館\n"
        "市立図書館は三日、駅前の新しい建物に移って開館した。蔵書は約三十万冊で、"
        "以前の二倍の広さになった。\n"
        "開館初日には午前中だけで二千人以上が訪れ、子ども向けの読み聞かせの部屋が特に"
        "にぎわった。\n"
        "市は、夜九時まで開く日を週に三日設け、仕事帰りの利用も増やしたいとしている。\n"
    )
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == ["【特集】市立図書館が駅前に移転開館"]


@pytest.mark.parametrize("dateline", ["2023年3月12日 14時05分", "2023-03-12 09:30:00 来源：市政府网站"])
def test_a_cjk_dateline_under_the_headline_is_not_the_title(dateline: str) -> None:
    # issue 14: a CJK date line passed the headline test (Latin ones fail it by their figures),
    # became the article's title, and the next story's headline a heading inside it
    text = "\n\n".join([
        "市立图书馆迁入新馆",
        dateline,
        "市立图书馆周三迁入火车站旁的新馆，藏书约三十万册，面积比原来大一倍。",
        "开馆第一天上午就有两千多人到访，儿童阅读室尤其热闹。",
    ])
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == ["市立图书馆迁入新馆"]
    dated = next(s for s in doc.segments if s.text.strip().startswith(dateline[:8]))
    assert dated.kind is not cs.Kind.TITLE


_LETTER_RE = regex.compile(r"\p{L}")
"""What the title features count as a letter."""


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
       | st.text(max_size=40))
def test_title_shape_counts_agree_with_the_patterns(text: str) -> None:
    # the ASCII shortcut of the title features counts what the Unicode patterns count
    from corpus_split import kinds

    tokens = text.split()
    assert kinds._shape_counts(text, tokens) == (
        len(_LETTER_RE.findall(text)), len(kinds._UPPER_RE.findall(text)),
        len(kinds._DIGIT_RE.findall(text)), sum(1 for t in tokens if kinds._CAPITALISED_RE.match(t)))
    if text.isascii():
        assert kinds._units(text) == len(tokens)


@given(st.text(alphabet=st.sampled_from(list("ab -–—|/\\>•·»\t\n")), max_size=40)
       | st.text(max_size=40))
def test_title_separator_count_agrees_with_the_pattern(text: str) -> None:
    from corpus_split import kinds

    pattern = regex.compile(r"[|•·»«›‹/\\>]|\s[-–—]\s")  # the definition, in one pattern
    assert kinds._separators(text, text.isascii()) == len(pattern.findall(text))


# A blog's page: its tagline, the post's date, then the post's headline over its text (written
# here): regression, forty-second session (dev half A held two such pages); the tagline opened
# the article's text, so the headline under it was typed a section heading and the post had
# no title
TAGLINE_PAGE = (
    "Notes from the harbour office.\n"
    "Friday, March 3, 2023\n"
    "Ferry timetable changes from Monday\n"
    "The morning crossing leaves twenty minutes earlier from Monday, the harbour office said, "
    "and the last boat of the day now runs on Sundays as well as on weekdays.\n"
    "Ticket prices stay the same, and season tickets bought before the change remain valid "
    "until they expire, the office said in a notice posted on the quay.\n"
)


def test_a_headline_under_a_tagline_is_the_title() -> None:
    doc = cs.split(TAGLINE_PAGE)
    assert [a.title for a in doc.articles] == ["Ferry timetable changes from Monday"]


def test_a_heading_under_an_opening_paragraph_stays_a_heading() -> None:
    # the text opens on a paragraph of its own (more than a tagline's few words): the headline
    # below it is a section of an untitled text
    text = TAGLINE_PAGE.replace(
        "Notes from the harbour office.",
        "The harbour office has published the new timetable for the spring season, which it "
        "agreed with the ferry company after a month of talks with the islands' councils.")
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == [None]
    assert any(seg.kind is cs.Kind.HEADING and seg.text.startswith("Ferry timetable") for seg in doc.segments)
