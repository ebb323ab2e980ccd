"""The boundary programme's sliding window gives the same starts as costing each candidate alone
(or, on an exact tie, a cover just as cheap)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_split import boundaries as b


def article_values(
    units: Sequence[b.Unit], cands: Sequence[int], q: int, k: int, cohesion: float,
) -> dict[int, float]:
    """The cost of an article from candidate ``q`` to each end it may reach, written plainly."""
    n_units = len(units)
    ends = sorted({*cands, n_units})
    sizes = [len(u.words) for u in units]
    limit = b.MAX_SPAN_TOKENS

    def log_nk(n: int) -> float:
        return n * math.log(n + k) - cohesion * b._flog(n)

    later = [e for e in ends if e > q][: b.MAX_SPAN_STARTS]
    n_exact = 0
    exact_units = q
    while exact_units < n_units and n_exact + sizes[exact_units] <= limit:
        n_exact += sizes[exact_units]
        exact_units += 1
    out: dict[int, float] = {}
    for e in later:
        if e <= exact_units:
            counts = Counter(w for u in units[q:e] for w in u.words)
            n = sum(counts.values())
            value = log_nk(n) - sum(b._flog(c) for c in counts.values())
        else:
            whole = Counter(w for u in units[q:exact_units] for w in u.words)
            n_w = sum(whole.values())
            if n_w:
                per_word = (log_nk(n_w) - sum(b._flog(c) for c in whole.values())) / n_w
            else:
                blocking = units[exact_units]
                per_word = b._cost(Counter(blocking.words), k, cohesion) / len(blocking.words)
            n = sum(sizes[q:e])
            value = per_word * n
        if n < b.MIN_ARTICLE_WORDS:
            value += b.SHORT_ARTICLE_PENALTY * (1.0 - n / b.MIN_ARTICLE_WORDS)
        out[e] = value
        if e > exact_units and n > b.SPAN_REACH * limit and e - q > 1:
            break
    return out


def reference(
    units: Sequence[b.Unit], cands: Sequence[int], start_costs: Sequence[float], k: int,
    cohesion: float,
) -> list[int]:
    """The programme written plainly: every candidate grows its own article."""
    n_units = len(units)
    best = [math.inf] * (n_units + 1)
    back = [-1] * (n_units + 1)
    best[0] = 0.0
    for q in cands:
        if best[q] == math.inf:
            continue
        start_cost = best[q] + (start_costs[q] if q else 0.0)
        for e, value in article_values(units, cands, q, k, cohesion).items():
            if start_cost + value < best[e] - 1e-9:
                best[e] = start_cost + value
                back[e] = q
    starts: list[int] = []
    e = n_units
    while e > 0:
        q = back[e]
        if q < 0:
            return [0]
        starts.append(q)
        e = q
    return sorted(starts)


def cover_cost(
    units: Sequence[b.Unit], cands: Sequence[int], start_costs: Sequence[float], k: int,
    cohesion: float, starts: Sequence[int],
) -> float:
    """What the programme minimises, for the articles opening at ``starts`` (inf: not a cover
    it may choose)."""
    total = 0.0
    for q, e in zip(starts, [*starts[1:], len(units)]):
        value = article_values(units, cands, q, k, cohesion).get(e)
        if value is None:
            return math.inf
        total += (start_costs[q] if q else 0.0) + value
    return total


words = st.lists(st.sampled_from("alpha beta gamma delta eps zeta eta theta iota kappa".split()),
                 max_size=12)
unit_lists = st.lists(st.tuples(st.booleans(), words), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(unit_lists, st.data())
def test_sliding_programme_equals_plain_programme(
    raw: list[tuple[bool, list[str]]], data: st.DataObject
) -> None:
    units = [b.Unit(i, i, head, tuple(ws)) for i, (head, ws) in enumerate(raw)]
    cands = [0] + [i for i in range(1, len(units)) if data.draw(st.booleans())]
    start_costs = [0.0] + [data.draw(st.floats(-20, 40)) for _ in units[1:]]
    k = data.draw(st.integers(1, 50))
    cohesion = data.draw(st.sampled_from([0.0, b.COHESION]))
    with pytest.MonkeyPatch.context() as mp:
        # small windows, so that extrapolation and the window's sliding both happen often
        mp.setattr(b, "MAX_SPAN_TOKENS", data.draw(st.integers(1, 60)))
        mp.setattr(b, "MAX_SPAN_STARTS", data.draw(st.integers(1, 12)))
        got = b._programme(units, cands, start_costs, k, cohesion)
        want = reference(units, cands, start_costs, k, cohesion)
        if got != want:  # only a tie may go either way (float sums are grouped differently)
            cost = cover_cost(units, cands, start_costs, k, cohesion, want)
            assert cover_cost(units, cands, start_costs, k, cohesion, got) == pytest.approx(
                cost, rel=1e-9, abs=1e-9
            )


def test_a_headline_of_one_word_is_no_title_evidence() -> None:
    # "Year" or "SOYBEANS" over part of a table: one word proves nothing about a new
    # article, and a two-word label weighs as if it had a third, unseen word.
    body = b.Unit(0, 0, False, ("grain", "wheat", "exports", "tonnes", "year"))
    units = [
        body,
        b.Unit(1, 1, True, ("year",)),
        b.Unit(2, 2, False, ("wheat", "tonnes", "year")),
        b.Unit(3, 3, True, ("soybean", "exports")),
        b.Unit(4, 4, False, ("soybean", "exports", "crush")),
    ]
    shifts = b._headline_shifts(units)
    assert shifts[1] is None
    assert shifts[3] == pytest.approx(1 / 3)  # "soybean" only below, "exports" on both sides
