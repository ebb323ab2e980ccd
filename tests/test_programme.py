"""The boundary programme's sliding window gives the same starts as costing each candidate alone
(or, on an exact tie, a cover just as cheap)."""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Sequence
from operator import sub

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


def programme_case(
    raw: list[tuple[bool, list[str]]], data: st.DataObject
) -> tuple[list[b.Unit], list[int], list[float], int, float]:
    """A programme's inputs drawn for units (headline flag, words): the units, candidates,
    start costs, smoothing vocabulary and cohesion prior."""
    units = [b.Unit(i, i, head, tuple(ws)) for i, (head, ws) in enumerate(raw)]
    cands = [0] + [i for i in range(1, len(units)) if data.draw(st.booleans())]
    start_costs = [0.0] + [data.draw(st.floats(-20, 40)) for _ in units[1:]]
    k = data.draw(st.integers(1, 50))
    cohesion = data.draw(st.sampled_from([0.0, b.COHESION]))
    return units, cands, start_costs, k, cohesion


@settings(max_examples=300, deadline=None)
@given(unit_lists, st.data())
def test_sliding_programme_equals_plain_programme(
    raw: list[tuple[bool, list[str]]], data: st.DataObject
) -> None:
    units, cands, start_costs, k, cohesion = programme_case(raw, data)
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


def shifted_programme(
    units: Sequence[b.Unit], cands: Sequence[int], start_costs: Sequence[float], k: int,
    cohesion: float, free: int = 0, flat: b._Flat | None = None, min_words: int = b.MIN_ARTICLE_WORDS,
) -> list[int]:
    """`b._programme` as it was before its window kept per-unit parts (sums of every fit
    in the window corrected on each move): the same floats, so the same starts."""
    n_units = len(units)
    best = [math.inf] * (n_units + 1)
    back = [-1] * (n_units + 1)
    best[0] = 0.0
    ends = sorted({*cands, n_units})
    end_pos = {e: i for i, e in enumerate(ends)}
    words, prefix = flat if flat is not None else b._flatten(units)
    ids = dict(zip(dict.fromkeys(words), itertools.count()))
    # the words as ids, in a row: unit u's are flat_ids[prefix[u] : prefix[u + 1]]
    flat_ids = list(map(ids.__getitem__, words))
    # per word: u + 1 for every occurrence in unit u, in order (where fit(., e) changes),
    # then n_units + 2, past every end
    spots_of: list[list[int]] = [[] for _ in ids]
    consume = deque[None](maxlen=0).extend
    spot_of_each = itertools.chain.from_iterable(
        map(itertools.repeat, range(1, n_units + 1), map(sub, prefix[1:], prefix[:-1])))
    consume(map(list.append, map(spots_of.__getitem__, flat_ids), spot_of_each))
    consume(map(list.append, spots_of, itertools.repeat(n_units + 2)))
    limit = b.MAX_SPAN_TOKENS
    log_nk = [0.0] * (limit + 1)
    for n in range(1, min(prefix[-1], limit) + 1):
        log_nk[n] = n * math.log(n + k) - cohesion * b._prior(n, free)
    qflog = b._QFLOG
    qstep = b._QSTEP
    reach = b.SPAN_REACH * limit
    n_ends = len(ends)
    end_words = [prefix[e] for e in ends]  # words before each end
    span_starts = b.MAX_SPAN_STARTS
    short_penalty = b.SHORT_ARTICLE_PENALTY
    # The window: counts[w] counts word w in units lo..hi-1, and fit[e] = fit(lo, e) for
    # lo < e <= hi; shift[] collects the corrections when lo moves on (all exact).
    counts = [0] * len(ids)
    fit = [0.0] * (n_units + 1)
    shift = [0.0] * (n_units + 2)
    lo = hi = 0
    for q in cands:
        if best[q] == math.inf:
            continue
        first = end_pos[q] + 1
        stop = min(n_ends, first + span_starts)
        if first >= stop:
            continue
        start_cost = best[q] + (start_costs[q] if q else 0.0)
        # the last unit the article is costed exactly up to (n_units: the text ends first)
        exact_end = bisect_right(prefix, prefix[q] + limit) - 1
        need = min(exact_end, ends[stop - 1])
        # move the window's left edge to q
        if q >= hi:
            for w in flat_ids[prefix[lo] : prefix[hi]]:
                counts[w] = 0
            hi = q
        elif q > lo:
            word_ids = flat_ids[prefix[lo] : prefix[q]]
            gone = dict.fromkeys(word_ids, 1)
            if len(gone) < len(word_ids):
                gone = Counter(word_ids)
            base = 0.0
            for w, a in gone.items():
                counts[w] -= a
                # fit(q, e) = fit(lo, e) less qflog[a + c] - qflog[c], c the count of w in
                # q..e-1: a step function of e that changes where w recurs (exact sums)
                base += qflog[a]
                spots = spots_of[w]
                j = bisect_right(spots, q)
                if spots[j] <= hi:
                    for spot, step in zip(spots[j : bisect_right(spots, hi, j)], b._recurrence_steps(a)):
                        shift[spot] += step
            shift[q + 1] += base
            fit[q + 1 : hi + 1] = map(sub, fit[q + 1 : hi + 1], itertools.accumulate(shift[q + 1 : hi + 1]))
            shift[q + 1 : hi + 1] = itertools.repeat(0.0, hi - q)
        lo = q
        # ... and its right edge to ``need``
        if need > hi:
            s = fit[hi] if hi > q else 0.0
            for u in range(hi, need):
                for w in flat_ids[prefix[u] : prefix[u + 1]]:
                    f = counts[w]
                    s += qstep[f]
                    counts[w] = f + 1
                fit[u + 1] = s
            hi = need
        at = prefix[q]
        # ends costed exactly: first..mid-1; the first ones hold fewer than min_words words
        mid = bisect_right(ends, exact_end, first, stop)
        short = bisect_left(end_words, at + min_words, first, mid)
        for e in ends[first:short]:
            n = prefix[e] - at
            value = log_nk[n] - fit[e]
            value += short_penalty * (1.0 - n / min_words)
            if start_cost + value < best[e]:
                best[e] = start_cost + value
                back[e] = q
        for e in ends[short:mid]:
            total = start_cost + (log_nk[prefix[e] - at] - fit[e])
            if total < best[e]:
                best[e] = total
                back[e] = q
        if mid == stop:
            continue
        # past the exact window: the cost per word so far, times the words, up to the reach
        # (the first end past it is the last, unless it is the very next unit)
        n = prefix[exact_end] - at
        if n:
            per_word = (log_nk[n] - fit[exact_end]) / n
        else:  # one unit longer than the window (a page with no line breaks): its own rate
            blocking = units[exact_end]
            per_word = b._cost(Counter(blocking.words), k, cohesion, free) / len(blocking.words)
        past = bisect_right(end_words, at + reach, mid, stop)
        last = min(stop, past + 1 if past < stop and ends[past] - q > 1 else past + 2)
        short = bisect_left(end_words, at + min_words, mid, last)
        for e in ends[mid:short]:
            n = prefix[e] - at
            value = per_word * n
            value += short_penalty * (1.0 - n / min_words)
            if start_cost + value < best[e]:
                best[e] = start_cost + value
                back[e] = q
        for e in ends[short:last]:
            total = start_cost + per_word * (prefix[e] - at)
            if total < best[e]:
                best[e] = total
                back[e] = q
    starts: list[int] = []
    e = n_units
    while e > 0:
        q = back[e]
        if q < 0:  # unreachable only if the window broke the chain; keep one article
            return [0]
        starts.append(q)
        e = q
    starts.sort()
    return starts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.lists(st.sampled_from("ab cd ef gh ij".split()), max_size=15)),
                min_size=1, max_size=40), st.data())
def test_programme_parts_give_the_shifted_windows_floats(
    raw: list[tuple[bool, list[str]]], data: st.DataObject
) -> None:
    # few distinct words, so that words leave the window several at a time and recur often
    units, cands, start_costs, k, cohesion = programme_case(raw, data)
    free = data.draw(st.sampled_from([0, 300]))
    min_words = data.draw(st.integers(1, 60))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(b, "MAX_SPAN_TOKENS", data.draw(st.integers(1, 80)))
        mp.setattr(b, "MAX_SPAN_STARTS", data.draw(st.integers(1, 12)))
        assert b._programme(units, cands, start_costs, k, cohesion, free, None, min_words) == \
            shifted_programme(units, cands, start_costs, k, cohesion, free, None, min_words)
