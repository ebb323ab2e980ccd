"""The sentence model: in bare-sentence text (one sentence a line, no titles) the lexical cost
cuts wherever the words change, which in one long text is also where it turns to another
subject. The fitted model (``data/sentence_model.json``) drops the starts that open a turn of
the same text rather than another text (fifteenth session: a whole text in this layout was
cut every ten sentences or so)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_split as cs
from corpus_split import boundaries as b
from corpus_split import scores
from tests.conftest import sentence_model_set, without_check

# One text about a town's water supply, one sentence a line, turning from the reservoir to
# its history, the pipes, the bills and the people who run it (written here)
WHOLE = [
    "The town of Arnside takes its water from a reservoir in the hills above the valley.",
    "It was dug by hand.",
    "The work took six years, and the men who did it lived in huts on the hillside through two "
    "hard winters before the first war.",
    "Its dam is an earth bank.",
    "Engineers inspect it every spring.",
    "Last year they found a small leak near the outlet tower and sealed it with clay.",
    "The water then runs down to a treatment works.",
    "There it is filtered through sand.",
    "A little chlorine is added before the water leaves the works for the town.",
    "The water is soft.",
    "The pipes under the streets are older than the works.",
    "Many are cast iron.",
    "Every winter a few of the old iron pipes crack when the ground freezes hard.",
    "The water company replaces two miles of pipe a year.",
    "At that rate, replacing them all would take another forty years, and by then the plastic "
    "pipes laid in the nineteen-seventies will need replacing in their turn.",
    "Water bills in Arnside rose by six percent this year.",
    "The company says the rise pays for the pipes.",
    "It also pays for a new filter bed at the works.",
    "Households on low incomes can ask for a reduced water tariff.",
    "Fewer than half of them do.",
    "The company runs a stall at the Arnside market to explain the tariff to anyone who asks "
    "about it, and hands out leaflets in four languages.",
    "Twelve people work at the treatment works.",
    "Most of them live in the town.",
    "The longest serving has looked after the filter beds for thirty years.",
    "She says the water has never been cleaner.",
    "Visitors can tour the works in the summer.",
    "The path up to the dam passes the old quarry where the stone for the dam was cut.",
    "The view is worth the climb.",
    "On a clear day the sea can be seen beyond Arnside.",
    "Next year the reservoir will be a hundred years old.",
    "The town is planning a fair on the dam.",
    "The water company will pay for the fireworks.",
]

# Three unrelated excerpts, glued in Choi's layout (written here)
EXCERPTS = [
    "The orchestra tuned up while the concert hall filled.",
    "Its conductor had chosen a programme of short dances for strings.",
    "The first dance was written for a wedding, and the orchestra played it slowly.",
    "Nobody knows who wrote the dance.",
    "The violins carried the tune while the cellos kept a slow beat, and the concert hall, which "
    "had been noisy a minute before, went quiet.",
    "The conductor turned to the violins for the second dance.",
    "Applause filled the hall before the last chord of the concert had faded.",
    "Wheat prices fell for a third day on the grain exchange.",
    "Traders said a large wheat harvest had filled the grain stores.",
    "Exporters cut their wheat offers to buyers overseas.",
    "Farmers are holding back their grain in the hope that wheat prices recover before the spring, "
    "when the grain stores are usually at their emptiest.",
    "Analysts expect the grain market to stay weak.",
    "Wheat traders will watch the next harvest report.",
    "The comet will pass closest to the sun in March.",
    "The comet's tail should be visible through binoculars.",
    "Astronomers found the comet last year with a telescope searching for asteroids near the earth.",
    "The comet's orbit round the sun takes six thousand years.",
    "Observers should look for the comet low in the western sky an hour after sunset, away from "
    "street lights.",
    "Astronomers will photograph the comet's tail from the mountain telescope.",
]


def starts(lines: list[str]) -> list[int]:
    text = "\n".join(lines) + "\n"
    return [text.count("\n", 0, boundary.offset) for boundary in cs.split(text).boundaries]


def test_the_shipped_sentence_model_loads_and_reads_the_features_the_code_writes() -> None:
    model = scores.sentence_model()
    assert model.features == b.SENTENCE_FEATURES
    assert len(model.weights) == len(b.SENTENCE_FEATURES)
    assert 0.0 <= model.floor < 1.0
    assert 0.0 < model.probability([0.0] * len(b.SENTENCE_FEATURES)) < 1.0


def test_a_whole_text_one_sentence_a_line_is_the_sentence_layout() -> None:
    from corpus_split.lines import split_lines

    assert b._one_sentence_per_line(split_lines("\n".join(WHOLE)))


def test_the_lexical_cost_alone_cuts_a_whole_text_at_its_turns() -> None:
    # what the model is for: without it this text is cut
    with sentence_model_set(without_check()):
        assert starts(WHOLE)


def test_a_whole_text_one_sentence_a_line_stays_whole() -> None:
    assert starts(WHOLE) == []


def test_excerpts_of_different_texts_are_still_found() -> None:
    assert starts(EXCERPTS) == [7, 13]


def test_a_sentence_start_carries_the_model_s_probability() -> None:
    text = "\n".join(EXCERPTS) + "\n"
    doc = cs.split(text)
    assert doc.boundaries
    for boundary in doc.boundaries:
        assert scores.sentence_model().floor <= boundary.score <= 1.0


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(WHOLE + EXCERPTS), min_size=3, max_size=40))
def test_the_check_only_drops_starts(lines: list[str]) -> None:
    # every start kept is one the lexical cost chose: the model never adds a cut
    checked = set(starts(lines))
    with sentence_model_set(without_check()):
        unchecked = set(starts(lines))
    assert checked <= unchecked


def test_a_sentence_model_of_another_version_is_refused_by_name() -> None:
    raw = json.dumps({"version": 99, "features": list(b.SENTENCE_FEATURES),
                      "weights": [0.0] * len(b.SENTENCE_FEATURES), "bias": 0.0, "floor": 0.2})
    with pytest.raises(ValueError, match="my model"):
        scores.parse_sentence_model(raw, "my model")


def test_a_sentence_model_with_a_weight_missing_is_refused() -> None:
    raw = json.dumps({"version": scores.SENTENCE_MODEL_VERSION, "features": list(b.SENTENCE_FEATURES),
                      "weights": [0.0], "bias": 0.0, "floor": 0.2})
    with pytest.raises(ValueError, match="one weight per feature"):
        scores.parse_sentence_model(raw)


def test_a_sentence_model_whose_floor_is_not_a_probability_is_refused() -> None:
    raw = json.dumps({"version": scores.SENTENCE_MODEL_VERSION, "features": list(b.SENTENCE_FEATURES),
                      "weights": [0.0] * len(b.SENTENCE_FEATURES), "bias": 0.0, "floor": 1.5})
    with pytest.raises(ValueError, match="floor"):
        scores.parse_sentence_model(raw)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=6), min_size=2, max_size=30),
       st.data())
def test_sentence_features_stay_in_their_ranges(words: list[list[str]], data: st.DataObject) -> None:
    # shares and cosines are fractions, lengths are logs of counts, whatever the articles
    units = [b.Unit(i, i, False, tuple(w)) for i, w in enumerate(words)]
    inner = data.draw(st.sets(st.integers(1, len(units) - 1)))
    starts = [0, *sorted(inner)]
    lexical = [0.0] * len(starts)
    vectors = b.sentence_vectors(units, starts, lexical)
    assert len(vectors) == len(starts) - 1
    names = b.SENTENCE_FEATURES
    for v in vectors:
        assert len(v) == len(names)
        row = dict(zip(names, v))
        for name in ("cosine", "sqrt_cosine", "recur_before", "recur_after", "far_right", "far_left"):
            assert 0.0 <= row[name] <= 1.0 + 1e-9, name
        assert row["log_left"] >= 0.0 and row["log_right"] >= 0.0
    # the counts kept between rounds give the same features
    counts: dict[tuple[int, int], Counter[str]] = {}
    assert b.sentence_vectors(units, starts, lexical, counts) == vectors
    assert b.sentence_vectors(units, starts, lexical, counts) == vectors
