"""Which headline becomes an article's title: behaviours users see in ``Article.title``."""

from __future__ import annotations

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


def test_the_title_is_found_among_chrome_lines_above_the_text() -> None:
    from corpus_split.kinds import _opening, _title_among_chrome
    from corpus_split.lexical import line_words
    from corpus_split.lines import split_lines
    from corpus_split.prelim import Role

    text = (
        "Contact us\n"
        "Harbour bridge closes for six weeks of repairs\n"
        "By Ana Ruiz\n"
        "12 March 2024\n"
        "The harbour bridge will close to traffic from Monday for six weeks while engineers "
        "replace worn bearings and resurface the deck, the city said.\n"
    )
    layout = split_lines(text)
    roles = [Role.CHROME] * 4 + [Role.BODY]
    words = line_words([line.text for line in layout.lines], [r is Role.BODY for r in roles])
    opening = _opening(words, [4])
    assert _title_among_chrome(layout, roles, 4, 0, opening) == 1
    # not above the previous article's end, and not past content
    assert _title_among_chrome(layout, roles, 4, 2, opening) is None
    assert _title_among_chrome(layout, [Role.CHROME, Role.CHROME, Role.BODY, Role.CHROME, Role.BODY],
                               4, 0, opening) is None
