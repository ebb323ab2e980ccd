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



def test_section_headings_stay_inside_their_story() -> None:
    # Subheads on a page of titled stories look like titles; their words stand above them
    # as well as below, and the text goes on with the same story, so they are headings.
    first = [
        "HARBOUR TOWN VOTES TO RESTORE ITS LIGHTHOUSE",
        "Residents of the harbour town voted on Thursday to repair the lighthouse on the "
        "harbour wall, dark for twenty years, and the council will find the money.",
        "The council said the lighthouse repairs would start in spring, and that the "
        "harbour lantern, rusted by salt, would be rebuilt with money from the town.",
        "Repairs and money",
        "The lighthouse repairs will cost about one million pounds, the council said, and "
        "half of the money for the lighthouse will come from a heritage fund.",
        "Fishermen in the harbour offered to pay for the new lamp, and the council said "
        "visitors to the lighthouse would be asked for a small fee towards the repairs.",
        "The harbour wall",
        "Some residents argued the council should repair the harbour wall before the "
        "lighthouse, because the wall flooded the harbour fish market twice last winter.",
        "The council promised a survey of the harbour wall in May, and said the lighthouse "
        "repairs and the wall could share the same builders and the same money.",
    ]
    second = [
        "CHESS CLUB WINS NATIONAL JUNIOR TITLE",
        "The junior chess team from the valley school won the national title on Sunday, "
        "beating the defending champions in a tense final round that lasted six hours.",
        "Their coach, a retired mathematics teacher, said the players had trained every "
        "evening since September and had studied hundreds of endgames together.",
    ]
    doc = cs.split("\n\n".join(first + second))
    assert [a.title for a in doc.articles] == [first[0], second[0]]
    headings = [s.text.strip() for s in doc.segments if s.kind is cs.Kind.HEADING]
    assert headings == ["Repairs and money", "The harbour wall"]


def test_markdown_marks_are_not_part_of_the_title() -> None:
    for marked in ("## Dairy Group Sells More Cheese Abroad", "**Dairy Group Sells More Cheese Abroad**"):
        doc = cs.split(marked + "\n" + STORY)
        assert [a.title for a in doc.articles] == ["Dairy Group Sells More Cheese Abroad"]
