"""Score split() on the real, hand-annotated documents of ``../shared/dev``.

    python benchmarks/dev.py [--half A|B|all] [--json FILE] [--verbose]

The dev set is split once, by document, in ``training/dev_split.json``: half A is what
fitting and tuning may look at, half B is held back and only reported. Figures on B are
the held-back ones; figures on A are in-sample.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import corpus_split as cs
from _common import ROOT, SHARED, fmt, need, print_report, report_figures, write_json
from corpus_split.evaluate import Report, score

DEV = SHARED / "dev"
SPLIT = ROOT / "training" / "dev_split.json"


def dev_names(half: str) -> list[str]:
    """The document numbers of one half of the dev set ("A", "B" or "all")."""
    halves = json.loads(SPLIT.read_text(encoding="utf-8"))
    return sorted(halves["A"] + halves["B"]) if half == "all" else list(halves[half])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=("A", "B", "all"), default="B",
                        help="which half to score (default B, the held-back half)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    parser.add_argument("--verbose", action="store_true", help="one line per document")
    parser.add_argument("--reliability", action="store_true",
                        help="also print how often predicted boundaries are right, by score")
    args = parser.parse_args()
    need(DEV / "gold", "the dev set")
    total = Report()
    per_doc = {}
    bins: list[list[int]] = [[0, 0] for _ in range(5)]  # per score fifth: boundaries, right
    started = time.perf_counter()
    label = {"A": "in-sample", "B": "held back"}.get(args.half, "A in-sample + B held back")
    print(f"dev half {args.half} ({label})")
    if args.verbose:
        print(f"{'doc':<5} {'art':>3} {'pred':>4} {'F1':>5} {'whole':>5} {'kept':>5} {'typed':>5}")
    for name in dev_names(args.half):
        gold = json.loads((DEV / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        text = (DEV / "docs" / f"{name}.txt").read_text(encoding="utf-8")
        doc = cs.split(text)
        r = score(doc, gold)
        total += r
        free = [tuple(a["zone"]) for a in gold["articles"][1:]]
        for b in doc.boundaries:
            k = min(4, int(b.score * 5))
            bins[k][0] += 1
            hit = next((z for z in free if z[0] <= b.offset <= z[1]), None)
            if hit is not None:
                free.remove(hit)
                bins[k][1] += 1
        per_doc[name] = report_figures(r)
        if args.verbose:
            print(f"{name:<5} {len(gold['articles']):>3} {len(doc.articles):>4} {fmt(r.boundaries.f1)} "
                  f"{fmt(r.articles_whole.value)} {fmt(r.typing.content_kept.value)} "
                  f"{fmt(r.typing.non_content_typed.value)}")
    single = [n for n in per_doc if per_doc[n]["boundaries_gold"] == 0]
    cut = [n for n in single if per_doc[n]["boundaries_predicted"] > 0]
    print(f"\n{len(per_doc)} documents ({time.perf_counter() - started:.1f} s); "
          f"single-article documents cut: {len(cut)} of {len(single)}\n")
    print_report(total, show_repair=False, language_label="language spans found")
    if args.reliability:
        print("\nBoundary.score    boundaries  right  share right")
        for k, (n, right) in enumerate(bins):
            share = f"{right / n:.3f}" if n else "  n/a"
            print(f"{k / 5:.1f}-{(k + 1) / 5:.1f}       {n:>10}  {right:>5}  {share:>11}")
    write_json(args.json, {**report_figures(total), "single_cut": len(cut), "single": len(single),
                           "documents": per_doc})


if __name__ == "__main__":
    main()
