"""Hypothesis properties of split(): tiling, offsets, determinism on arbitrary input, and
decisions that do not change when every line is set in alike or every gap gets one more
blank line (layout is read relative to the page)."""

from __future__ import annotations

import re

from hypothesis import assume, given
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split.lines import split_lines
from tests.contract import check_document

lines = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["Advertisement", "Sure! Here's an article about cats.", "Rising Prices Hit Local Shops",
         "The council met on Tuesday and agreed to raise the budget by a small amount.",
         "rÃ©sumÃ© fraud grows", "", "\r\n", "   ", "人工智能与大数据的应用。"]
    ),
)
documents = st.lists(lines, max_size=25).map("\n".join)


@given(st.text())
def test_contract_on_any_text(text: str) -> None:
    check_document(cs.split(text))


@given(documents)
def test_contract_on_document_like_text(text: str) -> None:
    doc = cs.split(text)
    check_document(doc)
    assert cs.split(text) == doc


@given(st.binary(max_size=300))
def test_any_bytes_are_decoded_without_loss_of_contract(data: bytes) -> None:
    doc = cs.split(data)
    check_document(doc)
    assert doc.encoding is not None


@given(documents)
def test_pickle_round_trip_on_any_document(text: str) -> None:
    import pickle

    doc = cs.split(text)
    assert pickle.loads(pickle.dumps(doc)) == doc


def _line_decisions(doc: cs.Document) -> list[tuple[int | None, str]]:
    """(article, kind) of each non-blank line, in order: what a split decides, offsets aside."""
    out = []
    for seg in doc.segments:
        for line in doc.text[seg.start : seg.end].split("\n"):
            if line.strip():
                out.append((seg.article, seg.kind.value))
    return out


@given(documents, st.sampled_from(["  ", "\t", "\u00a0", "    "]))
def test_setting_every_line_in_alike_changes_no_decision(text: str, pad: str) -> None:
    # a page whose every line is set in (two spaces, a tab, a no-break space) reads like the
    # same page at the margin: indentation counts against the page's usual indent
    text = cs.split(text).repaired.text  # line breaks as the split sees them ("\r" alone is one)
    padded = "\n".join(pad + line if line.strip() else line for line in text.split("\n"))
    plain, indented = cs.split(text), cs.split(padded)
    # (mojibake is judged in context: "É¢a" stays, "  É¢a" is repaired; such text is left out)
    assume(_unindented(indented.repaired.text) == _unindented(plain.repaired.text))
    assert _line_decisions(indented) == _line_decisions(plain)


def _unindented(text: str) -> list[str]:
    return [line.lstrip() for line in text.split("\n")]


def _nonblank(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@given(documents)
def test_one_more_blank_line_in_every_gap_changes_no_decision(text: str) -> None:
    # paragraphs parted by two blank lines (as some HTML-to-text tools leave them) read like
    # paragraphs parted by one: an extra blank line is evidence only beyond the page's usual
    # gap, on pages that blank lines part (a fifth of the line breaks or more: `usual_gap`)
    text = cs.split(text).repaired.text  # line breaks as the split sees them ("\r" alone is one)
    lines = split_lines(text).lines
    assume(sum(1 for line in lines[1:] if line.blank_before) >= 0.2 * (len(lines) - 1))
    spaced = re.sub(r"\n((?:[ \t]*\n)+)", lambda m: "\n\n" + m.group(1), text)
    plain, wider = cs.split(text), cs.split(spaced)
    assume(_nonblank(wider.repaired.text) == _nonblank(plain.repaired.text))
    assert _line_decisions(wider) == _line_decisions(plain)
