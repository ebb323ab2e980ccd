"""Phrase families on lines written for this test (not from the seeds or the benchmark generator).

The cases live in ``phrase_families.json``: assistant preambles and sign-offs in several
languages, page chrome, and news sentences that share words with them but are content.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_split.features import Family, line_features

CASES = json.loads((Path(__file__).parent / "phrase_families.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["line"][:40] for c in CASES])
def test_phrase_family(case: dict[str, str]) -> None:
    assert line_features(case["line"]).family is Family(case["family"])
