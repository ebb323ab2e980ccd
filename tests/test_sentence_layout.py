"""Text that is bare sentences one a line (Choi's layout) is cut by the lexical cost alone; a
story laid out one paragraph a line must not be taken for it (thirteenth session: such stories
were cut every few paragraphs when a third of their paragraphs held two sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import boundaries as b
from corpus_split.lines import split_lines

# A short local story, one paragraph a line, some paragraphs of two sentences (written here)
STORY = [
    "The town council voted on Tuesday to keep the old swimming pool open for another summer.",
    "Members had been asked to choose between paying for repairs and closing the site for good. "
    "Most of them chose the repairs.",
    "The pool was built in 1964.",
    "Councillor Ann Reeve said the cost was high but that the pool was used by every school in town.",
    "She said families without cars had nowhere else to swim. The vote was seven to two.",
    "Opponents said the money would be better spent on the library roof, which also leaks in "
    "heavy rain and has closed the reading room twice this year.",
    "Work starts in April.",
    "Entry prices will stay the same this year, the council said. Season tickets go on sale in May "
    "at the front desk and online.",
    "A review of all council buildings is due in the autumn.",
]

# Sentences one a line, with the abbreviations that stand before names (written here)
SENTENCES = [
    "Mr. Hale opened the meeting at nine.",
    "The harbour had been closed for a week after the storm.",
    "Dr. Osei reported that the sea wall held along most of its length.",
    "Two boats were lost at their moorings.",
    "Sen. Marsh asked when the ferry would run again.",
    "Nobody could give a date.",
    "The orchestra tuned up while the hall filled.",
    "Its conductor, Mrs. Lund, had chosen a programme of short pieces.",
    "The first was a dance written for a village wedding.",
    "Applause came before the last chord had faded.",
]


def test_bare_sentences_with_abbreviations_are_the_sentence_layout() -> None:
    assert b._one_sentence_per_line(split_lines("\n".join(SENTENCES)))


def test_a_story_one_paragraph_a_line_is_not_the_sentence_layout() -> None:
    assert not b._one_sentence_per_line(split_lines("\n".join(STORY)))


def test_a_story_one_paragraph_a_line_stays_whole() -> None:
    doc = cs.split("\n".join(STORY))
    assert len(doc.articles) == 1


def test_abbreviations_before_names_are_not_sentence_ends() -> None:
    assert b._inner_sentence_ends("Then Mr. Hale and Dr. Osei left. Nobody stayed.") == 1
    assert b._inner_sentence_ends("It rained all day. The match was called off. We went home.") == 2
    assert b._inner_sentence_ends("He said so! Then he left? Then we went.") == 2


@given(st.lists(st.sampled_from(SENTENCES), min_size=3, max_size=40))
def test_any_run_of_bare_sentences_is_the_sentence_layout(lines: list[str]) -> None:
    layout = split_lines("\n".join(lines))
    if not layout.blank_separated and layout.wrap_width is None:
        assert b._one_sentence_per_line(layout)


# A titled story whose paragraphs are one sentence each (written here): one a line, it looks
# like bare sentences but for its title
TITLED = [
    "Library opens late on Thursdays from next month",
    "The central library will stay open until nine on Thursday evenings from the start of March.",
    "The change follows a survey in which readers asked for more time after work.",
    "Staff hours will not rise, because the library will open an hour later on Monday mornings.",
    "The head librarian said evening visits had doubled at the branch that tried it last year.",
    "Children's reading groups will move to Thursday evenings as well.",
    "A new study room on the first floor will be bookable online.",
    "Parking at the library stays free after six.",
    "The council will look at the figures again in the autumn.",
    "If evenings are busy, other branches may follow next year.",
    "Readers can leave comments at the front desk or on the council's website.",
    "The library was built in 1931 and was last renovated in 2009.",
    "It lends about two hundred thousand books a year.",
]


def test_a_titled_story_of_one_sentence_paragraphs_is_not_bare_sentences() -> None:
    doc = cs.split("\n".join(TITLED))
    assert len(doc.articles) == 1
    assert doc.articles[0].title == TITLED[0]
    # without its title the same lines are bare sentences one a line (Choi's layout)
    assert b._one_sentence_per_line(split_lines("\n".join(TITLED[1:])))


# Three excerpts of three sentences each, on unrelated topics (written here): each the opening
# of its piece, as in Choi's data set, and each shorter than 40 content words
EXCERPTS = [
    [
        "Farmers in the valley began the apple harvest a week early this autumn.",
        "Warm spring weather ripened the orchards fast.",
        "Apple pickers from nearby villages joined the orchards for the busy harvest weeks, "
        "and growers hired extra lorries.",
    ],
    [
        "The city museum has reopened its gallery of ancient coins.",
        "Curators spent two years cleaning every coin in the gallery and writing new labels.",
        "Visitors may hold copies of the oldest coins.",
    ],
    [
        "A software update for the railway signalling system was delayed again on Friday.",
        "Engineers found a fault.",
        "The railway operator said trains would keep running on the old signalling software "
        "until the fault in the update was mended.",
    ],
]


def test_short_excerpts_of_bare_sentences_are_each_an_article() -> None:
    # bare sentences are cut by the lexical cost alone, articles of a few sentences included
    # (an example; the tests below check the settings of this layout)
    lines = [s for excerpt in EXCERPTS for s in excerpt]
    doc = cs.split("\n".join(lines))
    starts = [doc.text.count("\n", 0, a.start) for a in doc.articles]
    assert starts == [0, 3, 6]


def test_bare_sentences_are_cut_by_their_own_prior(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # bare sentences have their own boundary prior and short-article floor (fourteenth session)
    own = (b.BOUNDARY_PRIOR_SENTENCES, b.MIN_ARTICLE_WORDS_SENTENCES)
    assert own != (b.BOUNDARY_PRIOR, b.MIN_ARTICLE_WORDS)
    lines = [s for excerpt in EXCERPTS for s in excerpt]
    monkeypatch.setattr(b, "BOUNDARY_PRIOR_SENTENCES", 50.0)
    assert len(cs.split("\n".join(lines)).articles) == 1
    # the prior of other text does not reach bare sentences
    monkeypatch.setattr(b, "BOUNDARY_PRIOR_SENTENCES", 0.7)
    monkeypatch.setattr(b, "BOUNDARY_PRIOR", 50.0)
    assert len(cs.split("\n".join(lines)).articles) == 3


def test_bare_sentences_have_their_own_short_article_floor(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a heavy charge for short articles: with the layout's own floor at 0 no excerpt is short
    # and each is cut; with the floor of other text raised instead, nothing changes here
    lines = "\n".join(s for excerpt in EXCERPTS for s in excerpt)
    monkeypatch.setattr(b, "SHORT_ARTICLE_PENALTY", 1000.0)
    monkeypatch.setattr(b, "MIN_ARTICLE_WORDS_SENTENCES", 0)
    monkeypatch.setattr(b, "MIN_ARTICLE_WORDS", 10_000)
    assert len(cs.split(lines).articles) == 3
    monkeypatch.setattr(b, "MIN_ARTICLE_WORDS_SENTENCES", 10_000)
    assert len(cs.split(lines).articles) == 1
