"""`benchmarks/compare.py`: two runs of a per-document benchmark and the noise of their difference."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

import corpus_split as cs
from corpus_split.evaluate import score

_BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    """A benchmark module loaded by path, ``sys.path`` left as it was (``_common`` adds to it;
    the benchmarks import ``_common`` from their own folder, put first while one loads)."""
    path = list(sys.path)
    sys.path.insert(0, str(_BENCHMARKS))
    try:
        full = f"corpus_split_bench_{name}"
        spec = importlib.util.spec_from_file_location(full, _BENCHMARKS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[full] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path[:] = path


compare = _load("compare")


def _doc(tp: int, fp: int, fn: int, kept: int = 90, typed: int = 8) -> dict[str, int]:
    return {"boundary_tp": tp, "boundary_fp": fp, "boundary_fn": fn, "whole_hits": tp, "whole_total": tp + fn,
            "kept_hits": kept, "kept_total": 100, "typed_hits": typed, "typed_total": 10,
            "titles_hits": 0, "titles_total": 0}


def test_identical_runs_differ_by_nothing_with_no_noise() -> None:
    docs = [_doc(2, 1, 0), _doc(0, 0, 1), _doc(3, 0, 0, kept=70)]
    for _, pooled in compare.FIGURES[:4]:
        old, new, diff, se = compare.paired(docs, docs, pooled, draws=200)
        assert old == new and diff == 0.0 and se == 0.0


def test_a_change_in_one_document_is_the_pooled_difference_with_its_noise() -> None:
    old = [_doc(1, 0, 0, kept=90) for _ in range(20)]
    new = [*old[:-1], _doc(1, 0, 0, kept=50)]
    kept = dict(compare.FIGURES)["content kept"]
    a, b, diff, se = compare.paired(old, new, kept, draws=500)
    assert a == pytest.approx(0.9) and b == pytest.approx(0.88)
    assert diff == pytest.approx(-0.02)
    # one document of twenty carries the change: resamples hold it 0, 1, 2... times
    assert 0.005 < se < 0.04


def test_runs_of_different_documents_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="documents"):
        compare.paired([_doc(1, 0, 0)], [], compare.FIGURES[0][1])
    other = tmp_path / "concat.json"
    other.write_text(json.dumps({"boundary_f1": 0.9}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"concat\.json"):
        compare.documents(other)


def test_a_row_of_the_multilingual_benchmark_is_compared_alone(tmp_path: Path) -> None:
    run = tmp_path / "ml.json"
    run.write_text(json.dumps({"documents": {
        "0": {"row": "de", "counts": _doc(1, 0, 0)},
        "1": {"row": "mixed", "counts": _doc(0, 1, 1)},
        "2": {"row": "de", "counts": _doc(2, 0, 1)}}}), encoding="utf-8")
    assert sorted(compare.documents(run)) == ["0", "1", "2"]
    assert sorted(compare.documents(run, "de")) == ["0", "2"]
    assert compare.documents(run, "ja") == {}


def test_the_counts_a_benchmark_writes_pool_to_its_figures() -> None:
    common = _load("_common")
    text = "Rates on hold\n\nThe bank kept its rate at four per cent on Tuesday, as expected.\n\n" \
           "Harbour reopens\n\nThe old harbour opened again after a year of repairs to its wall."
    second = text.index("Harbour")
    gold = {"articles": [
        {"title": "Rates on hold", "content_start": 0, "content_end": second - 2, "zone": [0, 0]},
        {"title": "Harbour reopens", "content_start": second, "content_end": len(text),
         "zone": [second - 2, second]}],
        "spans": [{"kind": "title", "start": 0, "end": 13},
                  {"kind": "body", "start": 15, "end": second - 2},
                  {"kind": "title", "start": second, "end": second + 15},
                  {"kind": "body", "start": second + 17, "end": len(text)}]}
    report = score(cs.split(text), gold)
    figures = common.report_figures(report)
    counts = [figures["counts"]]
    pooled = dict(compare.FIGURES)
    assert pooled["boundary F1"](counts) == figures["boundary_f1"]
    assert pooled["content kept"](counts) == figures["content_kept"]
    assert pooled["articles whole"](counts) == figures["articles_whole"]
    typed = pooled["non-content typed"](counts)
    assert math.isnan(typed) and math.isnan(figures["non_content_typed"])


def test_the_suite_runs_benchmarks_that_exist_and_write_json() -> None:
    suite = _load("suite")
    names = [name for name, _ in suite.SUITE]
    assert len(set(names)) == len(names)
    for _, command in suite.SUITE:
        script = _BENCHMARKS / command[0]
        source = script.read_text(encoding="utf-8")
        # its own --json option, or the one `_common.arguments` gives every benchmark
        assert '"--json"' in source or "arguments(" in source


_NEWS_MULTI = _BENCHMARKS.parent.parent / "shared" / "corpora" / "news-multi.jsonl.gz"


@pytest.mark.skipif(not _NEWS_MULTI.exists(), reason="../shared/corpora/news-multi.jsonl.gz absent")
def test_the_multilingual_fitting_half_shares_no_post_with_the_held_back_one() -> None:
    # `multilingual.py --fitting-half` screens a change in-sample: it must honour the flag and
    # never draw a post the held-back run reports on
    multilingual = _load("multilingual")
    held, fitting = multilingual.load_posts(), multilingual.load_posts(fitting_half=True)
    held_ids = {post.id for posts in held.values() for post in posts}
    fitting_ids = {post.id for posts in fitting.values() for post in posts}
    assert held_ids and fitting_ids
    assert held_ids.isdisjoint(fitting_ids)


@pytest.mark.parametrize(("line", "kind"), [
    ("## Funding the greenhouse", "heading"), ("#hashtag of its own", "other"),
    ("**Packing**", "bold"), ("3. Pack the books", "numbered"), ("- a list item", "list"),
    ("| a | b |", "block"), ("> quoted", "block"), ("```python", "block"),
    ("The council voted last week.", "other"),
])
def test_singles_names_the_line_a_false_start_falls_on(line: str, kind: str) -> None:
    assert _load("singles").line_kind(line) == kind


_WIKI = _BENCHMARKS.parent.parent / "shared" / "corpora" / "wiki-sections.jsonl.gz"


@pytest.mark.skipif(not _WIKI.exists(), reason="../shared/corpora/wiki-sections.jsonl.gz absent")
def test_singles_shows_each_page_under_a_plain_and_a_marked_title() -> None:
    rows = list(_load("singles").documents("wiki", 2))
    assert [row for row, _ in rows] == ["wiki plain", "wiki # ", "wiki plain", "wiki # "]
    plain, marked = rows[0][1], rows[1][1]
    assert marked == "# " + plain
