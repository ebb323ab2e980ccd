"""Compare two runs of a per-document benchmark, with the noise of the difference.

    python benchmarks/compare.py OLD.json NEW.json [--row NAME] [--draws 2000]

Each file is what ``benchmarks/dev.py --json`` writes, or ``seeds.py``, ``concat.py``,
``samples.py`` or ``multilingual.py`` with ``--json`` (the same ``--n`` and ``--seed`` for both runs, so that
they score the same documents): its entries hold each document's counts. ``--row`` keeps the
documents of one row of ``multilingual.py`` (a language, or "mixed"). For boundary F1,
articles whole, content kept, non-content typed and titles, printed: the pooled figure of each
run, their difference, and the standard error of that difference by a paired bootstrap over
documents (the same resample for both runs, fixed seed), so that what both runs get right or
wrong alike adds no noise; and how many single-article documents each cuts.

Why: dev half B holds 30 documents. A plain refit of the line model on today's code (no change
meant) moved its content kept by 0.004, 1.4 standard errors, so a criterion such as "no more
than 0.002 below" rejects good and bad changes alike; one stated in standard errors of the
paired difference says how far a change stands out from that noise. Figures pool as
`corpus_split.evaluate` scores them.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from corpus_split.evaluate import BoundaryCounts, Ratio

Counts = Mapping[str, int]
"""One document's counts, as `_common.report_counts` writes them."""


def _f1(docs: Sequence[Counts]) -> float:
    """Pooled boundary F1, as `corpus_split.evaluate` scores it."""
    return BoundaryCounts(sum(d["boundary_tp"] for d in docs), sum(d["boundary_fp"] for d in docs),
                          sum(d["boundary_fn"] for d in docs)).f1


def _ratio(hits: str, total: str) -> Callable[[Sequence[Counts]], float]:
    """A pooled share, as `corpus_split.evaluate.Ratio` gives it (NaN with nothing to count)."""
    def pooled(docs: Sequence[Counts]) -> float:
        return Ratio(sum(d[hits] for d in docs), sum(d[total] for d in docs)).value
    return pooled


FIGURES: tuple[tuple[str, Callable[[Sequence[Counts]], float]], ...] = (
    ("boundary F1", _f1),
    ("articles whole", _ratio("whole_hits", "whole_total")),
    ("content kept", _ratio("kept_hits", "kept_total")),
    ("non-content typed", _ratio("typed_hits", "typed_total")),
    ("titles equal gold", _ratio("titles_hits", "titles_total")),
)


def paired(old: Sequence[Counts], new: Sequence[Counts], pooled: Callable[[Sequence[Counts]], float],
           draws: int = 2000, seed: int = 0) -> tuple[float, float, float, float]:
    """Pooled figure of ``old`` and of ``new`` (the same documents, in the same order), their
    difference and its standard error over ``draws`` paired resamples of the documents."""
    if len(old) != len(new):
        raise ValueError(f"the runs hold {len(old)} and {len(new)} documents")
    a, b = pooled(old), pooled(new)
    rng = random.Random(seed)
    values = []
    n = len(old)
    for _ in range(draws):
        pick = [rng.randrange(n) for _ in range(n)]
        diff = pooled([new[i] for i in pick]) - pooled([old[i] for i in pick])
        if diff == diff:  # NaN when a resample holds nothing to count
            values.append(diff)
    return a, b, b - a, statistics.stdev(values) if len(values) > 1 else 0.0


def documents(path: Path, row: str | None = None) -> dict[str, Counts]:
    """The per-document counts of a benchmark's ``--json`` file, by document name; with
    ``row``, only the documents of that row (`multilingual.py`'s language or "mixed").

    Raises:
        ValueError: the file holds no per-document counts (a benchmark that writes none, or a
            file written before the counts were added); the message names the file.
    """
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("documents", data.get("seeds"))
    if not isinstance(docs, dict) or not all("counts" in d for d in docs.values()):
        raise ValueError(f"{path}: no per-document counts (write it with benchmarks/dev.py, "
                         "seeds.py, concat.py, samples.py or multilingual.py --json)")
    return {name: d["counts"] for name, d in docs.items() if row is None or d.get("row") == row}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--row", default=None, help="only the documents of this row (multilingual.py)")
    parser.add_argument("--draws", type=int, default=2000, help="bootstrap resamples")
    args = parser.parse_args()
    old, new = documents(args.old, args.row), documents(args.new, args.row)
    if not old:
        raise SystemExit(f"no documents{'' if args.row is None else ' in row ' + args.row}")
    if old.keys() != new.keys():
        raise SystemExit(f"the runs score different documents: {sorted(old.keys() ^ new.keys())}")
    names = sorted(old)
    a = [old[k] for k in names]
    b = [new[k] for k in names]
    print(f"{len(names)} documents; difference = new - old, SE by a paired bootstrap "
          f"({args.draws} resamples)\n")
    print(f"{'figure':<18} {'old':>6} {'new':>6} {'diff':>7} {'SE':>6} {'diff/SE':>7}")
    for label, pooled in FIGURES:
        x, y, d, se = paired(a, b, pooled, args.draws)
        z = f"{d / se:+.1f}" if se else "  n/a"
        print(f"{label:<18} {x:>6.3f} {y:>6.3f} {d:>+7.3f} {se:>6.3f} {z:>7}")
    single = [k for k in names if old[k]["boundary_tp"] + old[k]["boundary_fn"] == 0]
    cut_old = sum(1 for k in single if old[k]["boundary_fp"])
    cut_new = sum(1 for k in single if new[k]["boundary_fp"])
    print(f"\nsingle-article documents cut: {cut_old} -> {cut_new} of {len(single)}")


if __name__ == "__main__":
    main()
