"""The fitted start model: the shipped weights load and match the start features."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from corpus_split.boundaries import START_FEATURES, _headline_shifts, build_units, start_vectors
from corpus_split.features import line_words
from corpus_split.lines import split_lines
from corpus_split.pipeline import _WORDY
from corpus_split.prelim import read_roles
from corpus_split.scores import START_MODEL_VERSION, parse_start_model, start_model


def _vectors(text: str) -> list[list[float]]:
    layout = split_lines(text)
    roles, feats = read_roles(layout, True)
    words = line_words([line.text for line in layout.lines], [r in _WORDY for r in roles])
    units = build_units(layout, roles, feats, words)
    return start_vectors(units, layout, roles, _headline_shifts(units))


def test_shipped_start_model_loads_and_matches_the_features() -> None:
    model = start_model()
    assert model.version == START_MODEL_VERSION
    assert model.scale >= 0
    if model.scale:
        assert model.features == START_FEATURES
        assert len(model.weights) == len(START_FEATURES)
    assert start_model() is model


def test_a_bad_start_model_file_is_a_clear_error() -> None:
    try:
        parse_start_model('{"version": 1, "features": ["a"], "weights": [], "bias": 0}', "x.json")
    except ValueError as exc:
        assert "x.json" in str(exc)
    else:
        raise AssertionError("a malformed start model was accepted")


def test_a_second_title_scores_above_a_section_heading() -> None:
    body = "The council agreed the budget for road repairs after a long debate on costs. " * 3
    other = "Fishermen landed a record catch of herring in the northern port this week. " * 3
    text = "\n\n".join(["# Council agrees budget", body, "## Costs", body, "# Herring catch breaks record",
                        other])
    vectors = _vectors(text)
    model = start_model()
    if not model.scale:
        return
    odds = [model.log_odds(v) for v in vectors]
    # units: title, body, section heading, body, second title, body
    assert odds[4] > odds[2]


@given(st.lists(st.text(max_size=50), max_size=15).map("\n".join))
def test_start_vectors_are_finite_and_sized(text: str) -> None:
    for v in _vectors(text):
        assert len(v) == len(START_FEATURES)
        assert all(math.isfinite(x) for x in v)
