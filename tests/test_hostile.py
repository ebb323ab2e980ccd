"""Hostile inputs keep the contract and lose nothing (sizes scaled for CI; timings live in
``benchmarks/hostile.py``)."""

from __future__ import annotations

import pytest

import corpus_split as cs
from corpus_split.decode import decode
from tests.contract import check_document
from tests.hostile import HOSTILE, Hostile

_IN_SUITE = [h for h in HOSTILE if h.test_scale > 0]


@pytest.mark.parametrize("item", _IN_SUITE, ids=[h.name for h in _IN_SUITE])
def test_hostile_input_keeps_the_contract(item: Hostile) -> None:
    data = item.make(item.test_scale)
    doc = cs.split(data)
    check_document(doc)
    if isinstance(data, str):
        assert doc.text == data  # lossless: the input comes back character for character
    else:
        assert doc.encoding is not None
        assert doc.text  # every byte decodes to something
    assert doc.repaired.source == doc.text


@pytest.mark.parametrize("item", _IN_SUITE, ids=[h.name for h in _IN_SUITE])
def test_hostile_input_repair_map_is_monotone(item: Hostile) -> None:
    data = item.make(item.test_scale)
    text = data if isinstance(data, str) else decode(data)[0]
    rep = cs.repair(text)
    assert rep.source == text
    n, m = len(rep.source), len(rep.text)
    assert rep.to_repaired(n) == m and rep.to_source(m) == n
    step = max(1, n // 2000)  # a sample of offsets keeps this linear on megabyte inputs
    mapped = [rep.to_repaired(j) for j in range(0, n + 1, step)]
    assert mapped == sorted(mapped)
    back = [rep.to_source(i) for i in range(0, m + 1, max(1, m // 2000))]
    assert back == sorted(back)
    for c in rep.changes[:5000]:
        assert c.before == text[c.source_start : c.source_end]
        assert c.after == rep.text[c.start : c.end]


def test_every_hostile_generator_is_deterministic() -> None:
    for item in HOSTILE:
        assert item.make(0.001) == item.make(0.001), item.name


def test_hostile_inputs_really_are_what_they_say() -> None:
    by_name = {h.name: h for h in HOSTILE}
    assert "\n" not in by_name["no_newline_6mb"].make(0.01)
    assert len(by_name["no_newline_6mb"].make(1.0)) == 6_000_000
    assert by_name["open_parens_2m"].make(1.0) == "(" * 2_000_000
    assert "\n" not in by_name["cr_only"].make(0.001)
    data = by_name["random_bytes_1mb"].make(1.0)
    assert isinstance(data, bytes) and len(data) == 1_000_000
    cp = by_name["cp1252_bytes"].make(0.01)
    assert isinstance(cp, bytes)
    with pytest.raises(UnicodeDecodeError):
        cp.decode("utf-8")
