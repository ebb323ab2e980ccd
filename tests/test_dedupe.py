"""Near-duplicate clusters: synthetic texts, the seeds' gold articles, ids and parameters."""

from __future__ import annotations

import random

import pytest

from .conftest import SEEDS, gold_for, seed_text

pytest.importorskip("datasketch")

from corpus_split.dedupe import Deduper, add_clusters, shingles

WORDS = (
    "market bank rate river forest engine signal harvest winter council budget museum "
    "harbour village protest orbit vaccine tariff drought festival copper railway novel "
    "glacier senate pension satellite cotton bridge theatre ferry"
).split()


def _text(seed: int, n: int = 220) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _edited(text: str, changes: int, seed: int) -> str:
    rng = random.Random(seed)
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def test_synthetic_near_duplicates_cluster_and_others_stay_alone() -> None:
    a, b = _text(1), _text(2)
    items = [
        ((0, 0), a),
        ((0, 1), b),
        ((1, 0), _text(3)),
        ((1, 1), _edited(a, 2, seed=10)),  # a with two words changed
        ((2, 0), b.upper()),  # b in capitals: same shingles after case-folding
        ((2, 1), _edited(a, 1, seed=11)),
    ]
    deduper = Deduper()
    clusters = {key: deduper.add(key, text) for key, text in items}
    assert clusters == {
        (0, 0): (0, 0), (0, 1): (0, 1), (1, 0): (1, 0),
        (1, 1): (0, 0), (2, 0): (0, 1), (2, 1): (0, 0),
    }


def test_add_clusters_is_deterministic_and_leaves_input_alone() -> None:
    a = _text(5)
    records = [
        {"id": "x", "articles": [{"index": 0, "clean_text": a}, {"index": 1, "clean_text": _text(6)}]},
        {"id": "y", "articles": [{"index": 0, "clean_text": _edited(a, 1, seed=3)}]},
    ]
    first = list(add_clusters(records))
    assert first == list(add_clusters(records))
    assert [[art["cluster"] for art in r["articles"]] for r in first] == [[[0, 0], [0, 1]], [[0, 0]]]
    assert "cluster" not in records[0]["articles"][0]


def test_shingles() -> None:
    assert shingles("One two three") == {"one two three"}
    assert shingles("a b c d e f", size=5) == {"a b c d e", "b c d e f"}
    assert shingles("共享安全模型", size=2) == {"共 享", "享 安", "安 全", "全 模", "模 型"}
    assert shingles("  ...  ") == set()


def test_texts_without_words_form_one_cluster() -> None:
    deduper = Deduper()
    assert deduper.add((0, 0), "!!!") == (0, 0)
    assert deduper.add((3, 1), "---") == (0, 0)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"threshold": 0}, ValueError), ({"threshold": "high"}, TypeError), ({"num_perm": 0}, ValueError)],
)
def test_deduper_rejects_bad_parameters(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        Deduper(**kwargs)  # type: ignore[arg-type]


def _gold_articles() -> list[tuple[tuple[int, int], str]] | None:
    """Content text of every gold article of the seeds, keyed (seed, article)."""
    items = []
    for doc_index, path in enumerate(SEEDS):
        gold = gold_for(path)
        if gold is None:
            return None
        text = seed_text(path)
        spans = gold["spans"]
        assert isinstance(spans, list)
        for article in gold["articles"]:  # type: ignore[attr-defined]
            parts = [text[s["start"] : s["end"]] for s in spans
                     if s["article"] == article["index"] and s["kind"] in ("title", "heading", "body")]
            items.append(((doc_index, article["index"]), "\n".join(parts)))
    return items


def test_seed_articles_cluster_as_annotated() -> None:
    items = _gold_articles()
    if items is None:
        pytest.skip("gold annotation of the seeds (../shared/seeds/gold) is not available")
    deduper = Deduper()
    clusters: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key, text in items:
        clusters.setdefault(deduper.add(key, text), []).append(key)
    together = sorted(sorted(members) for members in clusters.values() if len(members) > 1)
    # "Shared Security Models: A Blueprint…" in 000 and 002; "…The Blueprint for a Safer
    # Tomorrow" in 001, 003 and 004; every other article alone.
    assert together == [[(0, 0), (2, 0)], [(1, 0), (3, 0), (4, 1)]]
    assert sum(len(m) == 1 for m in clusters.values()) == len(items) - 5
