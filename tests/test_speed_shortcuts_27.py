"""Speed shortcuts of the twenty-seventh session give what the plain code gives (issue 15).

Each shortcut skips a pattern search, a comparison or an unpacking loop where its answer is
known in advance; these properties check it against the search, the comparisons or the
loop it stands for, on generated text and numbers.
"""

from __future__ import annotations

import math
import struct

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import boundaries, features, lexical, prelim, scores

# text near the shapes the shortcuts look at: sentence ends, quotes, abbreviations, speech verbs
_PIECES = st.sampled_from([
    "said", " said ", " said.", "SAID", "Said,", " says ", " told ", "according to", "according  to",
    " your", " you", " Yours",
    "U.S.", "U.K.", "e.g.", ".", "!", "?", "。", "！", "？", "'", '"', "’", "”", ")", "»", " ", "\n",
    "a", "Z", "9", "İ", "\u212a", "ß", "-", "…", ";", ",", ":", "—", "x.", "ab.", "Co.",
])
_text = st.one_of(st.text(max_size=30), st.lists(_PIECES, max_size=12).map("".join))


@settings(max_examples=400, deadline=None)
@given(_text)
def test_sentence_end_shortcut_answers_as_the_pattern(text: str) -> None:
    """`boundaries._ends_sentence` answers at once on a closing mark: as the pattern would."""
    plain = text[-1:] in boundaries._SENTENCE_END_LAST and (
        boundaries._SENTENCE_END_RE.search(text[-6:]) is not None)
    assert boundaries._ends_sentence(text) is plain


@settings(max_examples=400, deadline=None)
@given(_text)
def test_attribution_shortcut_answers_as_the_pattern(text: str) -> None:
    """`features._attributed` takes " said " and its like in the lower-cased line for a match of
    the pattern in the line as written, and asks the pattern otherwise."""
    low = text.lower()
    plain = lexical.holds_any(low, features._ATTRIBUTION_CUES) and (
        features._ATTRIBUTION_RE.search(text) is not None)
    assert features._attributed(text, low) is plain


@settings(max_examples=400, deadline=None)
@given(_text)
def test_abbreviation_end_shortcut_answers_as_the_pattern(text: str) -> None:
    """`features._abbreviation_end` skips the search where the last characters cannot end a match."""
    plain = features._ABBREVIATION_END_RE.search(text[-12:]) is not None
    assert features._abbreviation_end(text) is plain


@settings(max_examples=400, deadline=None)
@given(_text)
def test_a_line_ending_on_a_letter_or_digit_has_no_headline_end(text: str) -> None:
    """`features.line_features` skips the headline-end search on a line ending on a letter or digit."""
    if text[-1:].isalnum():
        assert features._HEADLINE_END_RE.search(text[-8:]) is None


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=20), st.text(alphabet="-=*#~_ .!?\u00b7\u2014\u3000a1", max_size=20)))
def test_a_line_with_an_ascii_letter_or_digit_is_no_separator_or_noise(text: str) -> None:
    """`prelim._role` skips the separator and no-letters patterns on a line holding an ASCII
    letter or digit: neither matches such a line."""
    if prelim._holds_ascii_alnum(text):
        assert prelim._SEPARATOR_RE.match(text) is None
        assert prelim._ALNUM_RE.search(text) is not None
    else:
        assert not any(c.isascii() and c.isalnum() for c in text)


_start = scores.start_model()
_WIDTH = len(_start.features)
# rows as the start model sees them: mostly zeros (signed ones too), flags and sizes, NaN now and then
_value = st.one_of(st.sampled_from([0.0, -0.0, 1.0]), st.floats(-5.0, 60.0, allow_nan=False),
                   st.just(math.nan))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_value, min_size=_WIDTH, max_size=_WIDTH), min_size=1, max_size=6),
       st.lists(st.booleans(), min_size=_WIDTH, max_size=_WIDTH))
def test_start_trees_with_zero_features_settled_give_the_same_floats(
    rows: list[list[float]], zeroed: list[bool],
) -> None:
    """`StartModel.log_odds_columns` with the features that are mostly zero settled in advance
    adds the same leaves in the same order as the full trees, to the last bit."""
    rows = [[0.0 if z and k in boundaries._MOSTLY_ZERO else v for k, (v, z) in enumerate(zip(row, zeroed))]
            for row in rows]
    columns = [list(column) for column in zip(*rows)]
    full = _start.log_odds_columns(columns)
    gated = _start.log_odds_columns(columns, boundaries._MOSTLY_ZERO)
    assert [struct.pack("<d", v) for v in gated] == [struct.pack("<d", v) for v in full]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 40), st.integers(1, 60))
def test_recurrence_steps_cut_short_are_the_head_of_the_full_table(a: int, n: int) -> None:
    """`boundaries._recurrence_steps` asked for ``n`` steps gives the first steps of the table."""
    q = boundaries._QFLOG
    plain = [(q[a + i] - q[i]) - (q[a + i - 1] - q[i - 1]) for i in range(1, n + 1)]
    assert list(boundaries._recurrence_steps(a, n)) == plain


def _plain_unpack(v: int) -> dict[int, float]:
    out: dict[int, float] = {}
    i = 0
    while v:
        if c := v & lexical._FIELD_MASK:
            out[i] = float(c)
        v >>= lexical._FIELD
        i += 1
    return out


_votes = st.lists(st.integers(0, 40), min_size=len(lexical.LANGUAGES), max_size=len(lexical.LANGUAGES))


def _packed(counts: list[int]) -> int:
    return sum(c << (lexical._FIELD * i) for i, c in enumerate(counts))


@settings(max_examples=300, deadline=None)
@given(_votes)
def test_votes_unpacked_at_once_are_the_fields(counts: list[int]) -> None:
    """`lexical._unpack` reads a packed vote's fields in one call, as the loop over them does."""
    assert lexical._unpack(_packed(counts)) == _plain_unpack(_packed(counts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_votes, st.integers(1, 50)), max_size=8))
def test_page_votes_summed_packed_are_the_sums_of_the_unpacked_votes(
    lines: list[tuple[list[int], int]],
) -> None:
    """`lexical._page_votes` sums the lines' packed votes by halves: the same totals as
    unpacking each and adding them up."""
    counted: dict[int, int] = {}
    for counts, n in lines:
        key = _packed(counts)
        counted[key] = counted.get(key, 0) + n
    words = [["w"] * sum(counts) for counts, n in lines for _ in range(n)]
    plain: dict[int, float] = {}
    for key, n in counted.items():
        if key > 0:
            for j, c in _plain_unpack(key).items():
                plain[j] = plain.get(j, 0) + n * c
    assert lexical._page_votes(counted, words) == plain
