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
