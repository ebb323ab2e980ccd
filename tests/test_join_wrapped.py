"""`lines.join_wrapped`: a hard-wrapped paragraph read as one line by the stages after it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split.context import paragraph_spans
from corpus_split.lines import join_wrapped, split_lines

WRAPPED = (
    "The ministry said on Tuesday that the new rules on grain storage would take\n"
    "effect next month and that traders had been told to prepare for inspections\n"
    "of their silos before the harvest began in the northern provinces.\n"
)
TEXT = "GRAIN STORAGE RULES TAKE EFFECT NEXT MONTH\n\n" + WRAPPED * 2 + "\n  Indented note.\n"


def test_each_wrapped_paragraph_becomes_one_line() -> None:
    layout = split_lines(TEXT)
    assert layout.wrap_width is not None
    joined = join_wrapped(layout)
    assert [ln.text for ln in joined.lines] == [
        "GRAIN STORAGE RULES TAKE EFFECT NEXT MONTH",
        " ".join(WRAPPED.split("\n")).strip(),
        " ".join(WRAPPED.split("\n")).strip(),
        "Indented note.",
    ]
    second = joined.lines[1]
    assert (second.start, second.end) == (layout.lines[1].start, layout.lines[3].end)
    assert TEXT[second.start : second.end] == WRAPPED.rstrip("\n")
    assert joined.lines[3].indent == 2 and joined.lines[3].blank_before == 1
    assert all(joined.paragraph_starts) and joined.joined
    assert (joined.wrap_width, joined.base_indent, joined.filled) == (
        layout.wrap_width, layout.base_indent, layout.filled)
    assert [ln.index for ln in joined.lines] == [0, 1, 2, 3]


def test_a_layout_without_wrapped_paragraphs_is_returned_as_it_is() -> None:
    layout = split_lines("Title\n\nOne paragraph.\n\nAnother one.\n")
    assert join_wrapped(layout) is layout


def test_split_reads_the_joined_layout_and_keeps_its_offsets() -> None:
    doc = cs.split(TEXT)
    assert doc.articles and doc.articles[0].title == "GRAIN STORAGE RULES TAKE EFFECT NEXT MONTH"
    # wrapped lines rejoined by spaces in clean text, as before
    assert " ".join(WRAPPED.split("\n")).strip() in doc.articles[0].clean_text
    assert "".join(s.text for s in doc.segments) == TEXT


def test_a_headline_wrapped_over_two_lines_is_one_title() -> None:
    # regression (twenty-sixth session): the title was the headline's last physical line alone
    text = ("Grain Traders Told To Prepare For Silo Inspections As New Storage Rules\nTake Effect\n\n"
            + WRAPPED * 3)
    assert split_lines(text).wrap_width is not None
    doc = cs.split(text)
    assert [a.title for a in doc.articles] == [
        "Grain Traders Told To Prepare For Silo Inspections As New Storage Rules Take Effect"]


_WORDS = st.sampled_from(["the", "grain", "rules", "Ministry", "said", "on", "Tuesday.", "TRADERS", "-", "a"])
_LINE = st.lists(_WORDS, min_size=0, max_size=14).map(" ".join)
_INDENT = st.sampled_from(["", "", "", "  ", "    ", "\t"])


@given(st.lists(st.tuples(_INDENT, _LINE, st.sampled_from(["\n", "\n", "\n", "\n\n"])), max_size=30))
def test_joined_lines_are_the_paragraphs(parts: list[tuple[str, str, str]]) -> None:
    text = "".join(indent + line + end for indent, line, end in parts)
    layout = split_lines(text)
    joined = join_wrapped(layout)
    firsts, ends, texts = paragraph_spans(layout)
    assert [ln.text for ln in joined.lines] == texts
    assert [ln.start for ln in joined.lines] == [layout.lines[i].start for i in firsts]
    assert [ln.end for ln in joined.lines] == [layout.lines[j - 1].end for j in ends]
    assert all(joined.paragraph_starts)
    assert join_wrapped(joined) is joined  # idempotent
    # the line model reads the same paragraphs either way
    assert paragraph_spans(joined)[2] == texts


@given(st.lists(st.tuples(_INDENT, _LINE, st.sampled_from(["\n", "\n", "\n", "\n\n"])), max_size=30))
def test_split_lines_joined_is_join_wrapped_of_the_physical_lines(parts: list[tuple[str, str, str]]) -> None:
    text = "".join(indent + line + end for indent, line, end in parts)
    assert split_lines(text, joined=True) == join_wrapped(split_lines(text))


def test_split_lines_joined_on_wrapped_text() -> None:
    joined = split_lines(TEXT, joined=True)
    assert joined.joined and joined == join_wrapped(split_lines(TEXT))
    assert len(joined.lines) == 4
