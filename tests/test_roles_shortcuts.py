"""The first reading's speed shortcuts give what the plain forms give, to the last bit (issue 15).

`scores.iter_scores` unrolls both passes over three classes; these tests check the scores
against the plain composition of `LineModel.verdict`, `lexical_shift` and
`_Linear.probabilities`. `context.span_rows` measures a recurring
paragraph once; its rows are checked against each paragraph measured alone.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import context, features, frontmatter, lines, scores

from .test_scores_shortcuts import _plain_second_pass, _vector


def _bits(value: float) -> bytes:
    return struct.pack("<d", float(value))


def _plain_scores(
    vectors: Sequence[Sequence[float]], tokens: Sequence[Sequence[str]],
) -> list[tuple[bytes, bytes, bytes, bytes, str]]:
    """Each paragraph's score by the plain formulas, its floats as bit patterns."""
    model = scores.line_model()
    xs = [scores.expand(v) for v in vectors]
    second = _plain_second_pass(model, vectors, tokens)
    classes = model.smoothed.classes
    out = []
    for x, p in zip(xs, second):
        content, chrome, artifact = (p[classes.index(c)] for c in ("content", "chrome", "artifact"))
        verdict = model.verdict(content, chrome, artifact)
        links = 0.0
        if verdict == "chrome":
            links = model.links.probabilities(x)[model.links.classes.index("links")]
        out.append((_bits(content), _bits(chrome), _bits(artifact), _bits(links), verdict))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(_vector, max_size=12), st.data())
def test_scores_are_those_of_the_plain_verdict_and_shift(
    vectors: list[list[float]], data: st.DataObject,
) -> None:
    model = scores.line_model()
    # known words (several on one paragraph, repeated too) and unknown ones
    known = sorted(model.lexicon)
    words = st.lists(st.sampled_from([*known[:10], *known[-10:], "zzzunknown"]), max_size=6)
    tokens = [data.draw(words) for _ in vectors]
    fast = [(_bits(s.content), _bits(s.chrome), _bits(s.artifact), _bits(s.links), s.verdict)
            for s in scores.iter_scores(vectors, tokens)]
    assert fast == _plain_scores(vectors, tokens)


# paragraphs that recur with other blank lines, indents and places (inside a code fence, in
# front matter): each recurrence may take the row of the text's first paragraph only where
# all of these agree
_PARAGRAPHS = ["Reuter", "Advertisement", "  Reuter", "```", "---", "title: A post", "x: 1",
               "Share this article", "The company said profits rose 5 pct in 1987.", "#### Notes"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PARAGRAPHS), st.integers(0, 3)), min_size=1, max_size=14))
def test_recurring_paragraphs_get_their_own_rows(paragraphs: list[tuple[str, int]]) -> None:
    text = "".join("\n" * blank + para + "\n" for para, blank in paragraphs)
    layout = lines.split_lines(text)
    firsts, ends, texts = context.paragraph_spans(layout)
    feats = [features.line_features(t) for t in texts]
    rows = context.span_rows(layout, firsts, ends, texts, feats)
    keys = [t.casefold() for t in texts]
    fenced = frontmatter._fenced(texts)
    front, title = context._front_matter(layout, firsts, ends)
    for k, (first, t, f) in enumerate(zip(firsts, texts, feats)):
        line = layout.lines[first]
        plain = (*context._own(t, f, line.blank_before, line.indent > layout.base_indent,
                               keys.count(keys[k]) - 1, fenced[k]),
                 front[k], *context._markup(t), context._log_line(t), title[k],
                 1.0 if features.presentative(t) else 0.0,
                 1.0 if features.quoted_request(t) else 0.0,
                 *features.person_marks(t, f.cjk_share >= 0.5))
        assert rows[k][:len(context._OWN)] == plain


def _plain_family(text: str) -> features.Family:
    """`features._family` as written before it lower-cased a line once for all its tests."""
    f = features
    head = text[:f._PATTERN_WINDOW]
    if f._PREAMBLE.match(head[:300]):
        return f.Family.ASSISTANT_PREAMBLE
    low = head.lower()
    if len(text) <= f.MAX_RESIDUE_LINE and (
        f._SIGN_OFF_START.match(head)
        or (not f._attributed(head, low) and f._maybe_sign_off(low) and f._signed_off(head)
            and not f._ATTRIBUTION_RE.search(head))
    ):
        return f.Family.ASSISTANT_SIGN_OFF
    if len(text) <= f.MAX_SHORT_LINE and (
        f._CHROME.match(text.lower()) or f._BYLINE.match(text) or f._is_breadcrumb(text)
    ):
        return f.Family.CHROME
    return f.Family.NONE


# openings and cues of each family, case variants, and filler that moves a line across the
# length limits (a short line, the window the patterns read, a sign-off's longest line)
_FAMILY_PIECES = ["Sure! Here is ", "I hope this helps", "Feel free to ask", "let me know", "he said ",
                  "Advertisement", "By John Smith", "Home > News > World", "Share this", "SAID ",
                  "Let Me Know", "\u0130stanbul ", "Stra\u00dfe ", "x" * 150, "word " * 60, ". "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FAMILY_PIECES), min_size=1, max_size=8).map("".join))
def test_a_lines_family_is_that_of_the_plain_tests(text: str) -> None:
    assert features._family(text, len(text)) is _plain_family(text)
