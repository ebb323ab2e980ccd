"""The stages build their many lines, units, scores and segments with `model._positional`,
which stores each field through its slot instead of the dataclass ``__init__`` (half the
cost): the objects must be the ones the dataclass makes, frozen all the same."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_split.boundaries import Unit
from corpus_split.lines import Line
from corpus_split.model import Kind, Segment, _positional
from corpus_split.scores import ParagraphScore, StartModel

ints = st.integers(-5, 10**6)
probability = st.floats(0.0, 1.0)


@given(st.tuples(ints, ints, ints, st.text(), ints, ints, st.booleans(), st.booleans()))
def test_a_line_is_the_one_the_dataclass_makes(values: tuple[object, ...]) -> None:
    made = _positional(Line)(*values)
    assert made == Line(*values)  # type: ignore[arg-type]
    assert hash(made) == hash(Line(*values))  # type: ignore[arg-type]
    assert repr(made) == repr(Line(*values))  # type: ignore[arg-type]


@given(st.tuples(st.sampled_from(list(Kind)), ints, ints, st.text(), st.none() | ints,
                 st.none() | st.sampled_from(["en", "de", "zh"])))
def test_a_segment_is_the_one_the_dataclass_makes(values: tuple[object, ...]) -> None:
    assert _positional(Segment)(*values) == Segment(*values)  # type: ignore[arg-type]


@given(st.tuples(probability, probability, probability, probability,
                 st.sampled_from(["content", "chrome", "artifact"])))
def test_a_score_is_the_one_the_dataclass_makes(values: tuple[object, ...]) -> None:
    assert _positional(ParagraphScore)(*values) == ParagraphScore(*values)  # type: ignore[arg-type]


def test_the_made_objects_stay_frozen() -> None:
    unit = _positional(Unit)(0, 2, True, ("word",))
    assert unit == Unit(0, 2, True, ("word",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        unit.first = 1  # type: ignore[misc]


def test_a_class_that_does_more_on_construction_is_refused() -> None:
    with pytest.raises(TypeError, match="StartModel"):
        _positional(StartModel)  # __post_init__ compiles its trees
