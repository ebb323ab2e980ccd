"""The fitted line model: the shipped weights load, and they type a small page sensibly."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from corpus_split.context import FEATURE_NAMES, paragraph_vectors, paragraphs
from corpus_split.features import line_features
from corpus_split.lines import split_lines
from corpus_split.scores import MODEL_VERSION, expand, line_model, score_paragraphs

PAGE = "\n".join([
    "Home", "News", "Sport", "Weather", "Sign in",
    "",
    "Council agrees new budget for road repairs",
    "",
    "The city council on Tuesday agreed a budget that sets aside more money for road repairs "
    "than in any year since the bridge was rebuilt, after a long debate in which members argued "
    "over how the cost should be shared between the districts and the county.",
    "",
    "Members said the repairs would start in spring. The work is expected to take two years, "
    "and residents will be told in advance which streets are to be closed, the council said in "
    "a statement published after the vote, which passed by a wide margin on the second reading.",
    "",
    "Share", "Tweet", "Email",
    "Privacy policy | Terms of use | Contact us",
    "© 2024 Example Media Group. All rights reserved.",
])


def _scores(text: str) -> list[tuple[str, float]]:
    layout = split_lines(text)
    paras = paragraphs(layout)
    vectors = paragraph_vectors(layout, paras, [line_features(p.text) for p in paras])
    return [(p.text, s.content) for p, s in zip(paras, score_paragraphs(vectors))]


def test_shipped_weights_load_and_match_the_features() -> None:
    model = line_model()
    assert model.version == MODEL_VERSION
    assert model.features == FEATURE_NAMES
    width = len(expand([0.0] * len(FEATURE_NAMES)))
    assert all(len(row) == width for row in model.kind.weights)
    assert set(model.smoothed.classes) == {"content", "chrome", "artifact"}
    assert line_model() is model  # read once


def test_a_small_page_is_typed_by_the_fitted_model() -> None:
    scores = dict(_scores(PAGE))
    body = [p for p in scores if p.startswith(("The city council", "Members said"))]
    menu = [p for p in scores if p in ("Home", "News", "Weather", "Sign in", "Share", "Tweet")]
    assert body and menu
    assert all(scores[p] > 0.5 for p in body)
    assert all(scores[p] < 0.5 for p in menu)
    assert max(scores[p] for p in menu) < min(scores[p] for p in body)


@given(st.lists(st.text(max_size=60), max_size=20).map("\n".join))
def test_vectors_and_probabilities_are_finite_and_deterministic(text: str) -> None:
    layout = split_lines(text)
    paras = paragraphs(layout)
    feats = [line_features(p.text) for p in paras]
    vectors = paragraph_vectors(layout, paras, feats)
    assert len(vectors) == len(paras)
    assert all(len(v) == len(FEATURE_NAMES) and all(math.isfinite(x) for x in v) for v in vectors)
    scores = score_paragraphs(vectors)
    for s in scores:
        assert math.isclose(s.content + s.chrome + s.artifact, 1.0, abs_tol=1e-9)
        assert 0.0 <= s.links <= 1.0
    assert score_paragraphs(paragraph_vectors(layout, paras, feats)) == scores
