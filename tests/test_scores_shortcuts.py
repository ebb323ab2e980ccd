"""The line model's speed shortcuts give the floats of the plain formulas (issue 15).

`scores.iter_scores` adds up both passes' logits with a compiled function that leaves out
the zero features, and finishes the second pass with another; these tests check them
against `_Linear.probabilities` on `expand`'s inputs, to the last bit.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from operator import mul

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import scores
from corpus_split.context import FEATURE_NAMES

_WIDTH = len(FEATURE_NAMES)
_INPUTS = _WIDTH + len(scores._PAIR_INDEX)  # what `expand` makes of a paragraph's features

# features as the line model sees them: mostly flags and zeros (signed ones too), some sizes
_feature = st.one_of(st.sampled_from([0.0, -0.0, 1.0, 0, 1]),
                     st.floats(-40.0, 40.0, allow_nan=False, allow_subnormal=True))
_vector = st.lists(_feature, min_size=_WIDTH, max_size=_WIDTH)


def _bits(values: Sequence[float]) -> list[bytes]:
    """The floats' bit patterns: equal only where the floats are the same, -0.0 apart from 0.0."""
    return [struct.pack("<d", float(v)) for v in values]


def _plain_second_pass(
    model: scores.LineModel, vectors: Sequence[Sequence[float]], tokens: Sequence[Sequence[str]],
) -> list[list[float]]:
    """The smoothed probabilities by the plain formulas: each pass's softmax over whole rows."""
    xs = [scores.expand(v) for v in vectors]
    first = [model.kind.probabilities(x, scores.lexical_shift(model, t) if t else ())
             for x, t in zip(xs, tokens)]
    return [model.smoothed.probabilities([*x, *extra])
            for x, extra in zip(xs, scores.neighbour_features(first))]


@settings(max_examples=200, deadline=None)
@given(st.lists(_vector, max_size=12), st.data())
def test_compiled_passes_give_the_plain_probabilities(
    vectors: list[list[float]], data: st.DataObject,
) -> None:
    model = scores.line_model()
    assert model._sums is not None and model._second is not None
    known = sorted(model.lexicon)[:20]
    words = st.lists(st.sampled_from([*known, "zzzunknown"]), max_size=4)
    tokens = [data.draw(words) for _ in vectors]
    fast = list(scores._second_pass(model, vectors, tokens))
    plain = _plain_second_pass(model, vectors, tokens)
    assert [_bits(p) for p in fast] == [_bits(p) for p in plain]


@settings(max_examples=200, deadline=None)
@given(_vector, st.lists(st.sampled_from([0.0, -0.0, 1.5, -2.25, 1e-300, -3.0e5]),
                         min_size=4 * (_INPUTS + 10), max_size=4 * (_INPUTS + 10)))
def test_compiled_sums_are_the_sums_over_expanded_rows(vector: list[float], weights: list[float]) -> None:
    # any weights, zero and tiny ones too: each sum is the plain sum over the whole row
    kind_rows = [weights[:_INPUTS], weights[_INPUTS:2 * _INPUTS]]
    smoothed_rows = [weights[2 * _INPUTS:3 * _INPUTS + 10], weights[3 * _INPUTS + 10:]]
    zeros = [0.0] * len(kind_rows[0])
    kind = scores._Linear(("content", "chrome", "artifact"), (tuple(zeros), *map(tuple, kind_rows)),
                          (0.0, 0.0, 0.0))
    smoothed = scores._Linear(("content", "chrome", "artifact"),
                              (tuple([0.0] * (_INPUTS + 10)), *map(tuple, smoothed_rows)), (0.0, 0.0, 0.0))
    sums = scores._compile_sums(kind, smoothed)
    assert sums is not None
    x = scores.expand(vector)
    plain = [sum(map(mul, row, x)) for row in (*kind_rows, *smoothed_rows)]
    assert _bits(sums(vector)) == _bits(plain)


def test_models_the_sums_cannot_write_out_go_the_plain_way() -> None:
    three = ("content", "chrome", "artifact")
    row = (0.0,) * _INPUTS
    good = scores._Linear(three, (row, row, row), (0.0, 0.0, 0.0))
    assert scores._compile_sums(good, good) is not None
    infinite = scores._Linear(three, (row, (math.inf, *row[1:]), row), (0.0, 0.0, 0.0))
    assert scores._compile_sums(infinite, good) is None
    two = scores._Linear(three[:2], (row, row), (0.0, 0.0))
    assert scores._compile_sums(two, good) is None
    assert scores._compile_second(good) is not None
    assert scores._compile_second(infinite) is None
    assert scores._compile_second(two) is None
